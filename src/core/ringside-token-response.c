/* ringside-token-response.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-error.h"
#include "ringside-json-member.h"
#include "ringside-token-response.h"

void
ringside_clear_secret (char **secret)
{
  if (*secret != NULL)
    {
      explicit_bzero (*secret, strlen (*secret));
      g_clear_pointer (secret, g_free);
    }
}

void
ringside_token_response_free (RingsideTokenResponse *response)
{
  if (response == NULL)
    return;

  ringside_clear_secret (&response->access_token);
  ringside_clear_secret (&response->refresh_token);
  g_free (response->user_display_name);
  g_free (response->user_email);
  g_free (response->account_name);
  g_free (response->main_account_id);
  g_free (response);
}

void
ringside_token_response_wipe_json (JsonNode *root)
{
  static const char * const members[] = {
    "accessToken", "refreshToken", "access_token", "refresh_token",
  };
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  object = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = json_object_get_member (object, members[i]);
      const char *value;

      if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;

      /* json-glib hands out its own copy as const; it is freed with the tree, never reused,
       * so overwriting it in place is safe, and the only way to reach it. */
      value = json_node_get_string (node);
      if (value != NULL)
        explicit_bzero ((char *) value, strlen (value));
    }
}

/* IDs are strings in the documentation and numbers in some answers. */
static char *
get_id_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (ringside_json_peek_string (object, name));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

/* The signed-in administrator is the first of "agentDetails"; absent details are fine. */
static void
read_agent_details (JsonObject            *object,
                    RingsideTokenResponse *response)
{
  JsonNode *details = json_object_get_member (object, "agentDetails");
  JsonNode *first_node;
  JsonObject *agent;
  const char *first;
  const char *last;

  if (details == NULL || !JSON_NODE_HOLDS_ARRAY (details) ||
      json_array_get_length (json_node_get_array (details)) == 0)
    return;

  first_node = json_array_get_element (json_node_get_array (details), 0);
  if (!JSON_NODE_HOLDS_OBJECT (first_node))
    return;
  agent = json_node_get_object (first_node);

  first = ringside_json_peek_string (agent, "firstName");
  last = ringside_json_peek_string (agent, "lastName");
  if (first != NULL || last != NULL)
    {
      g_autofree char *joined = g_strdup_printf ("%s %s", first ? first : "", last ? last : "");

      g_strstrip (joined);
      if (*joined != '\0')
        response->user_display_name = g_steal_pointer (&joined);
    }

  response->user_email = g_strdup (ringside_json_peek_string (agent, "email"));
  if (response->user_email == NULL)
    response->user_email = g_strdup (ringside_json_peek_string (agent, "username"));
  response->account_name = g_strdup (ringside_json_peek_string (agent, "accountName"));
  if (response->main_account_id == NULL)
    response->main_account_id = get_id_member (agent, "accountId");
}

static gboolean
is_usable_token (const char *token)
{
  if (token == NULL || *token == '\0')
    return FALSE;

  /* A token goes into headers and form bodies: no spaces or control characters. */
  for (const char *p = token; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f)
      return FALSE;

  return TRUE;
}

/**
 * ringside_token_response_parse:
 *
 * Returns: (transfer full): the tokens and who signed in, or %NULL with a
 *   %RINGSIDE_ERROR_BAD_RESPONSE error
 */
RingsideTokenResponse *
ringside_token_response_parse (JsonNode  *root,
                               GError   **error)
{
  g_autoptr(RingsideTokenResponse) response = NULL;
  JsonObject *object;
  const char *access_token;
  const char *refresh_token;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                           "The sign-in response is not a JSON object.");
      return NULL;
    }
  object = json_node_get_object (root);

  access_token = ringside_json_peek_string (object, "accessToken");
  refresh_token = ringside_json_peek_string (object, "refreshToken");
  if (!is_usable_token (access_token))
    {
      g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                           "The sign-in response has no usable access token.");
      return NULL;
    }
  if (!is_usable_token (refresh_token))
    {
      g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                           "The sign-in response has no usable refresh token.");
      return NULL;
    }

  response = g_new0 (RingsideTokenResponse, 1);
  response->access_token = g_strdup (access_token);
  response->refresh_token = g_strdup (refresh_token);
  response->main_account_id = get_id_member (object, "mainAccountId");
  read_agent_details (object, response);

  return g_steal_pointer (&response);
}
