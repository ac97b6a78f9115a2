/* ringside-jwt.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ringside-error.h"
#include "ringside-jwt.h"

/* A JWT payload is a few hundred bytes; anything far larger is not a token we issued. */
#define MAX_PAYLOAD_LENGTH 16384

static gboolean
fail (GError **error, const char *reason)
{
  g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
               "The access token is not a JWT: %s", reason);
  return FALSE;
}

/* base64url without padding → standard base64 with padding, then decode. */
static guchar *
decode_base64url (const char *text,
                  gsize       length,
                  gsize      *out_length)
{
  g_autoptr(GString) standard = g_string_sized_new (length + 4);

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '-')
        c = '+';
      else if (c == '_')
        c = '/';
      else if (!g_ascii_isalnum (c))
        return NULL;
      g_string_append_c (standard, c);
    }

  if (standard->len % 4 == 1)
    return NULL;
  while (standard->len % 4 != 0)
    g_string_append_c (standard, '=');

  return g_base64_decode (standard->str, out_length);
}

static gboolean
read_time_member (JsonObject  *claims,
                  const char  *name,
                  gint64      *out)
{
  JsonNode *node = json_object_get_member (claims, name);

  *out = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *out = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      {
        double value = json_node_get_double (node);

        if (!(value >= 0 && value < 1e15))
          return FALSE;
        *out = (gint64) value;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

gboolean
ringside_jwt_read_times (const char  *token,
                         gint64      *expires_at,
                         gint64      *issued_at,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree guchar *payload = NULL;
  const char *first_dot;
  const char *second_dot;
  gsize payload_length = 0;
  JsonNode *root;
  JsonObject *claims;
  gint64 exp = 0;
  gint64 iat = 0;

  g_return_val_if_fail (token != NULL, FALSE);

  first_dot = strchr (token, '.');
  if (first_dot == NULL)
    return fail (error, "no payload");
  second_dot = strchr (first_dot + 1, '.');
  if (second_dot == NULL)
    return fail (error, "no signature part");
  if (second_dot - first_dot - 1 > MAX_PAYLOAD_LENGTH)
    return fail (error, "payload too long");

  payload = decode_base64url (first_dot + 1, second_dot - first_dot - 1, &payload_length);
  if (payload == NULL || payload_length == 0)
    return fail (error, "payload is not base64url");

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, (const char *) payload, payload_length, NULL))
    return fail (error, "payload is not JSON");

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (error, "payload is not a JSON object");
  claims = json_node_get_object (root);

  if (!read_time_member (claims, "exp", &exp) || exp <= 0)
    return fail (error, "no valid “exp” claim");
  if (!read_time_member (claims, "iat", &iat) || iat < 0)
    iat = 0;

  if (expires_at != NULL)
    *expires_at = exp;
  if (issued_at != NULL)
    *issued_at = iat;
  return TRUE;
}
