/* ringside-demo-oauth.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-demo-server-private.h"

/* RingCentral's authorization code flow with PKCE, as a browser meets it: the authorize page
 * approves at once (or refuses, see ringside_demo_server_set_oauth_consent()) with a 302 to
 * the app's loopback redirect URI, and the token endpoint trades the code, once, for an RC
 * access token that the RingCX exchange then accepts. It checks what RingCentral checks: the
 * client ID, the redirect URI and the verifier against the challenge (S256). */

#define PATH_AUTHORIZE    "/restapi/oauth/authorize"
#define LOOPBACK_PREFIX   "http://127.0.0.1:"
#define CODE_LIFETIME_S   60
#define PLATFORM_TOKEN_LIFETIME 3600

typedef struct
{
  char   *client_id;
  char   *redirect_uri;
  char   *challenge;
  gint64  expires_at;   /* monotonic µs */
} DemoOAuthCode;

static void
demo_oauth_code_free (DemoOAuthCode *code)
{
  g_free (code->client_id);
  g_free (code->redirect_uri);
  g_free (code->challenge);
  g_free (code);
}

static const char *
query_value (const RingsideDemoRequest *request,
             const char                *name)
{
  const char *value = g_hash_table_lookup (request->query, name);

  return value != NULL && *value != '\0' ? value : NULL;
}

static void
reply_oauth_error (RingsideDemoReply *reply,
                   guint              status,
                   const char        *error,
                   const char        *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error);
  json_builder_set_member_name (builder, "error_description");
  json_builder_add_string_value (builder, description);
  json_builder_end_object (builder);

  ringside_demo_reply_json (reply, status, builder);
}

/* Only a loopback URI on the path native apps use: the demo never redirects elsewhere. */
static gboolean
redirect_uri_is_loopback (const char *uri)
{
  const char *port = uri + strlen (LOOPBACK_PREFIX);
  char *end = NULL;
  guint64 number;

  if (!g_str_has_prefix (uri, LOOPBACK_PREFIX))
    return FALSE;
  number = g_ascii_strtoull (port, &end, 10);
  return end != port && number > 0 && number <= G_MAXUINT16 && g_str_equal (end, "/callback");
}

static void
redirect (RingsideDemoReply *reply,
          const char        *redirect_uri,
          const char        *query)
{
  ringside_demo_reply_text (reply, SOUP_STATUS_FOUND, HTML_CONTENT_TYPE,
                            "<html><body>Returning to the app…</body></html>");
  reply->location = g_strconcat (redirect_uri, "?", query, NULL);
}

static void
handle_authorize (RingsideDemoServer        *self,
                  const RingsideDemoRequest *request,
                  gboolean                   commit,
                  RingsideDemoReply         *reply)
{
  const char *client_id = query_value (request, "client_id");
  const char *redirect_uri = query_value (request, "redirect_uri");
  const char *state = query_value (request, "state");
  const char *challenge = query_value (request, "code_challenge");
  g_autofree char *query = NULL;
  g_autofree char *code = NULL;
  DemoOAuthCode *grant;

  /* Without a redirect URI it can trust, RingCentral shows its error page itself. */
  if (redirect_uri == NULL || !redirect_uri_is_loopback (redirect_uri) || client_id == NULL)
    {
      ringside_demo_reply_text (reply, SOUP_STATUS_BAD_REQUEST, HTML_CONTENT_TYPE,
                                "<html><body>Invalid request: check the redirect URI and the "
                                "client ID.</body></html>");
      return;
    }

  if (g_strcmp0 (query_value (request, "response_type"), "code") != 0
      || g_strcmp0 (query_value (request, "code_challenge_method"), "S256") != 0
      || challenge == NULL)
    {
      query = soup_form_encode ("error", "invalid_request",
                                "error_description", "PKCE with S256 is required",
                                state != NULL ? "state" : NULL, state, NULL);
      redirect (reply, redirect_uri, query);
      return;
    }

  if (self->oauth_refuse)
    {
      query = soup_form_encode ("error", "access_denied",
                                "error_description", "The user denied access",
                                state != NULL ? "state" : NULL, state, NULL);
      redirect (reply, redirect_uri, query);
      return;
    }

  code = g_uuid_string_random ();
  if (commit)
    {
      grant = g_new0 (DemoOAuthCode, 1);
      grant->client_id = g_strdup (client_id);
      grant->redirect_uri = g_strdup (redirect_uri);
      grant->challenge = g_strdup (challenge);
      grant->expires_at = g_get_monotonic_time () + CODE_LIFETIME_S * G_USEC_PER_SEC;
      g_hash_table_insert (self->oauth_codes, g_strdup (code), grant);
    }
  query = soup_form_encode ("code", code, state != NULL ? "state" : NULL, state, NULL);
  redirect (reply, redirect_uri, query);
}

static char *
challenge_for (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  char *text;
  char *end;

  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &length);
  text = g_base64_encode (digest, length);
  end = strchr (text, '=');
  if (end != NULL)
    *end = '\0';
  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  return text;
}

void
ringside_demo_oauth_handle_token (RingsideDemoServer        *self,
                                  const RingsideDemoRequest *request,
                                  gboolean                   commit,
                                  RingsideDemoReply         *reply)
{
  const char *client_id = ringside_demo_request_get_form (request, "client_id");
  const char *code = ringside_demo_request_get_form (request, "code");
  const char *verifier = ringside_demo_request_get_form (request, "code_verifier");
  const char *redirect_uri = ringside_demo_request_get_form (request, "redirect_uri");
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *access_token = NULL;
  g_autofree char *challenge = NULL;
  g_autofree char *uuid = NULL;
  DemoOAuthCode *grant;
  gsize verifier_length = verifier != NULL ? strlen (verifier) : 0;

  if (g_strcmp0 (client_id, RINGSIDE_DEMO_CLIENT_ID) != 0 || request->authorization != NULL)
    {
      reply_oauth_error (reply, SOUP_STATUS_UNAUTHORIZED, "invalid_client",
                         "Invalid client: the application is not registered for this flow");
      return;
    }

  grant = code != NULL ? g_hash_table_lookup (self->oauth_codes, code) : NULL;
  if (grant == NULL || grant->expires_at < g_get_monotonic_time ()
      || g_strcmp0 (grant->client_id, client_id) != 0)
    {
      reply_oauth_error (reply, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                         "Authorization code is invalid or expired");
      return;
    }

  if (g_strcmp0 (grant->redirect_uri, redirect_uri) != 0)
    {
      reply_oauth_error (reply, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                         "Redirect URI does not match the authorization request");
      return;
    }

  if (verifier_length < 43 || verifier_length > 128
      || verifier_length != strspn (verifier, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                              "0123456789-._~"))
    {
      reply_oauth_error (reply, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                         "Invalid code verifier");
      return;
    }

  challenge = challenge_for (verifier);
  if (g_strcmp0 (challenge, grant->challenge) != 0)
    {
      reply_oauth_error (reply, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                         "Code verifier does not match the code challenge");
      return;
    }

  /* A code works once. */
  uuid = g_uuid_string_random ();
  access_token = g_strconcat ("demo-browser-", uuid, NULL);
  if (commit)
    {
      g_hash_table_remove (self->oauth_codes, code);
      g_hash_table_add (self->rc_tokens, g_strdup (access_token));
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, access_token);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "bearer");
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, PLATFORM_TOKEN_LIFETIME);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, "ReadAccounts RingCX");
  json_builder_end_object (builder);

  ringside_demo_reply_json (reply, SOUP_STATUS_OK, builder);
}

void
ringside_demo_server_set_oauth_consent (RingsideDemoServer *self,
                                        gboolean            approve)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  self->oauth_refuse = !approve;
}

const RingsideDemoRoute ringside_demo_oauth_routes[] = {
  { "GET", PATH_AUTHORIZE, FALSE, handle_authorize },
  { NULL }
};

void
ringside_demo_oauth_init (RingsideDemoServer *self)
{
  self->oauth_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) demo_oauth_code_free);
}

void
ringside_demo_oauth_finalize (RingsideDemoServer *self)
{
  g_clear_pointer (&self->oauth_codes, g_hash_table_unref);
}
