/* ringside-json-member.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-json-member.h"

const char *
ringside_json_describe (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "a list";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "text";
    case G_TYPE_BOOLEAN:
      return "true or false";
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return "a number";
    default:
      return "a value of an unknown type";
    }
}

gboolean
ringside_json_fail_member (GError     **error,
                           const char  *member,
                           JsonNode    *node,
                           const char  *expected)
{
  g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
               "“%s” is %s, expected %s", member, ringside_json_describe (node), expected);
  return FALSE;
}

JsonNode *
ringside_json_get_member (JsonObject *object,
                          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

gboolean
ringside_json_holds (JsonNode *node,
                     GType     value_type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == value_type;
}

const char *
ringside_json_peek_string (JsonObject *object,
                           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  if (node == NULL || !ringside_json_holds (node, G_TYPE_STRING))
    return NULL;

  text = json_node_get_string (node);
  return g_utf8_validate (text, -1, NULL) ? text : NULL;
}

gboolean
ringside_json_read_string (JsonObject  *object,
                           const char  *member,
                           char       **out,
                           GError     **error)
{
  JsonNode *node = ringside_json_get_member (object, member);
  const char *value;

  if (node == NULL)
    return TRUE;
  if (!ringside_json_holds (node, G_TYPE_STRING))
    return ringside_json_fail_member (error, member, node, "text");

  value = json_node_get_string (node);
  if (value != NULL && *value != '\0')
    {
      g_free (*out);
      /* json-glib turns a lone surrogate escape into invalid UTF-8, which Pango refuses. */
      *out = g_utf8_make_valid (value, -1);
    }
  return TRUE;
}

gboolean
ringside_json_read_id_string (JsonObject  *object,
                              const char  *member,
                              char       **out,
                              GError     **error)
{
  JsonNode *node = ringside_json_get_member (object, member);

  if (node != NULL && ringside_json_holds (node, G_TYPE_INT64))
    {
      g_free (*out);
      *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return TRUE;
    }
  if (node != NULL && !ringside_json_holds (node, G_TYPE_STRING))
    return ringside_json_fail_member (error, member, node, "an ID");

  return ringside_json_read_string (object, member, out, error);
}

gboolean
ringside_json_read_int64 (JsonObject  *object,
                          const char  *member,
                          gint64      *out,
                          GError     **error)
{
  JsonNode *node = ringside_json_get_member (object, member);
  const char *text;

  if (node == NULL)
    return TRUE;
  if (ringside_json_holds (node, G_TYPE_INT64))
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  if (!ringside_json_holds (node, G_TYPE_STRING))
    return ringside_json_fail_member (error, member, node, "a whole number");

  text = json_node_get_string (node);
  if (text == NULL || *text == '\0')
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, out, NULL))
    {
      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                   "“%s” is not a whole number", member);
      return FALSE;
    }
  return TRUE;
}

gboolean
ringside_json_read_boolean (JsonObject  *object,
                            const char  *member,
                            gboolean    *out,
                            GError     **error)
{
  JsonNode *node = ringside_json_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (ringside_json_holds (node, G_TYPE_BOOLEAN))
    *out = json_node_get_boolean (node);
  else if (ringside_json_holds (node, G_TYPE_INT64))
    *out = json_node_get_int (node) != 0;
  else
    return ringside_json_fail_member (error, member, node, "true or false");
  return TRUE;
}

/* Years 1 to 9999 are well within this, and it keeps every conversion below defined. */
#define RINGSIDE_JSON_MAX_MILLIS 1e15

/* Milliseconds since 1970 UTC, or NULL when out of GDateTime's range. */
static GDateTime *
ringside_json_date_from_millis (gint64 millis)
{
  g_autoptr(GDateTime) seconds = NULL;
  gint64 remainder_ms = millis % 1000;
  gint64 whole_seconds = millis / 1000;

  if (millis <= -RINGSIDE_JSON_MAX_MILLIS || millis >= RINGSIDE_JSON_MAX_MILLIS)
    return NULL;

  /* Round towards the past, so that the remainder is never negative. */
  if (remainder_ms < 0)
    {
      whole_seconds--;
      remainder_ms += 1000;
    }

  seconds = g_date_time_new_from_unix_utc (whole_seconds);
  if (seconds == NULL)
    return NULL;
  return g_date_time_add (seconds, remainder_ms * G_TIME_SPAN_MILLISECOND);
}

static GDateTime *
ringside_json_date_from_text (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *midnight = NULL;

  /* A date alone means its midnight, UTC. */
  if (strlen (text) == 10)
    text = midnight = g_strconcat (text, "T00:00:00", NULL);

  return g_date_time_new_from_iso8601 (text, utc);
}

gboolean
ringside_json_read_date (JsonObject  *object,
                         const char  *member,
                         GDateTime  **out,
                         GError     **error)
{
  JsonNode *node = ringside_json_get_member (object, member);
  GDateTime *date = NULL;

  if (node == NULL)
    return TRUE;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *millis = ringside_json_get_member (json_node_get_object (node), "millis");

      if (millis == NULL)
        return TRUE;
      node = millis;
    }

  if (ringside_json_holds (node, G_TYPE_INT64))
    date = ringside_json_date_from_millis (json_node_get_int (node));
  else if (ringside_json_holds (node, G_TYPE_DOUBLE))
    {
      double millis = json_node_get_double (node);

      if (millis > -RINGSIDE_JSON_MAX_MILLIS && millis < RINGSIDE_JSON_MAX_MILLIS)
        date = ringside_json_date_from_millis ((gint64) millis);
    }
  else if (ringside_json_holds (node, G_TYPE_STRING))
    {
      const char *text = json_node_get_string (node);

      if (text == NULL || *text == '\0')
        return TRUE;
      date = ringside_json_date_from_text (text);
    }
  else
    return ringside_json_fail_member (error, member, node, "a date");

  if (date == NULL)
    {
      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                   "“%s” is not a valid date", member);
      return FALSE;
    }

  g_clear_pointer (out, g_date_time_unref);
  *out = date;
  return TRUE;
}
