/* ringside-json-extra.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What an item's JSON holds beyond the members its model reads: the members RingCX returns
 * that the app has no column or row for, those it adds later included, kept so that the
 * details can show them ("More"). Never a secret: members whose names say they are one are
 * dropped at every depth before anything is kept. */

/* Whether a member's name says its value is a secret: it contains "password", "passwd",
 * "pwd", "secret", "token", "pin", "key" or "credential", in any case. */
gboolean    ringside_json_is_secret_name  (const char         *name);

/* The members of @object not named in @known (NULL-terminated), nor secret, nor null or
 * empty, as compact JSON text; NULL when there are none. Safe in a worker thread. */
char       *ringside_json_dup_extra       (JsonObject         *object,
                                           const char * const *known);

/* One object's text of the members of @first (taken) and then those of @second (taken),
 * either of which may be NULL; NULL when both are. Both must be JSON objects' text. */
char       *ringside_json_extra_join      (char               *first,
                                           char               *second);

/* Parses an item's extra for display: secrets at any depth, nulls and empty values left out
 * whatever the text held (the part the list never parsed came as the server wrote it). NULL,
 * and a message in @error, when it is not a JSON object. */
JsonObject *ringside_json_extra_parse     (const char         *extra_json,
                                           GError            **error);

/* A member's name in words: "phoneNumberE164" → "Phone number E164", "rcUserId" →
 * "RC user ID", "max_rows" → "Max rows". */
char       *ringside_json_name_to_words   (const char         *name);

/* @node's value as one short line: text as it is, numbers, "true"/"false" as @yes/@no,
 * lists joined with ", ", objects as "Name: value; Name: value" with their names in words.
 * Longer than @max_chars characters, it is cut short with "…". */
char       *ringside_json_value_to_text   (JsonNode           *node,
                                           const char         *yes,
                                           const char         *no,
                                           guint               max_chars);

G_END_DECLS
