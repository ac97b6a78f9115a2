/* ringside-json-member.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ringside-error.h"

G_BEGIN_DECLS

/* Tolerant readers for the members of the API's objects, shared by the list item models and
 * the token response; internal to the core library. A missing or null member leaves the
 * default; a member of the wrong type fails with RINGSIDE_ERROR_BAD_RESPONSE and a reason that
 * names the member (never its value, which could be a secret). */

/* "text", "a number", "an object"...: what @node holds, for error messages. */
const char *ringside_json_describe        (JsonNode     *node);
/* Sets @error to "“@member” is <what @node holds>, expected @expected"; returns FALSE. */
gboolean    ringside_json_fail_member     (GError      **error,
                                           const char   *member,
                                           JsonNode     *node,
                                           const char   *expected);

/* The member's node, or NULL when it is missing or null. */
JsonNode   *ringside_json_get_member      (JsonObject   *object,
                                           const char   *member);
/* Whether @node is a value of @value_type (G_TYPE_STRING, G_TYPE_INT64...). */
gboolean    ringside_json_holds           (JsonNode     *node,
                                           GType         value_type);

/* The member's text, or NULL when it is missing or not a string: for lenient readers of
 * answers where a wrong type simply means "not given". json-glib turns a lone surrogate
 * escape ("\ud800") into invalid UTF-8, which Pango refuses to show and a header must not
 * carry: such text counts as missing too. */
const char *ringside_json_peek_string     (JsonObject   *object,
                                           const char   *member);

/* Text; an empty string counts as missing. */
gboolean    ringside_json_read_string     (JsonObject   *object,
                                           const char   *member,
                                           char        **out,
                                           GError      **error);
/* An identifier the API sends as text in some places and as a number in others. */
gboolean    ringside_json_read_id_string  (JsonObject   *object,
                                           const char   *member,
                                           char        **out,
                                           GError      **error);
/* A whole number, or text holding one. */
gboolean    ringside_json_read_int64      (JsonObject   *object,
                                           const char   *member,
                                           gint64       *out,
                                           GError      **error);
/* true or false; some endpoints send 0 and 1 instead. */
gboolean    ringside_json_read_boolean    (JsonObject   *object,
                                           const char   *member,
                                           gboolean     *out,
                                           GError      **error);
/* ISO 8601 text, milliseconds since 1970 or a Joda-Time object with a "millis" member. */
gboolean    ringside_json_read_date       (JsonObject   *object,
                                           const char   *member,
                                           GDateTime   **out,
                                           GError      **error);

G_END_DECLS
