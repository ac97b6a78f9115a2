/* ringside-demo-auth.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-demo-server-private.h"

/* The RingCentral platform's token endpoint and RingCX's auth endpoints, and the tokens they
 * issue: RingCX access tokens are JWTs that expire, refresh tokens rotate (a used one stops
 * working), and a logout revokes what its sign-in started. */

#define PATH_PLATFORM_TOKEN "/restapi/oauth/token"
#define PATH_EXCHANGE       "/api/auth/login/rc/accesstoken"
#define PATH_REFRESH        "/api/auth/token/refresh"

#define JWT_BEARER_GRANT    "urn:ietf:params:oauth:grant-type:jwt-bearer"

#define DEFAULT_TOKEN_LIFETIME   300
#define PLATFORM_TOKEN_LIFETIME  3600
#define PLATFORM_REFRESH_LIFETIME 604800
#define EXCHANGE_LIMIT_WINDOW    (60 * G_USEC_PER_SEC)

/* What one sign-in (exchange) started: its refresh and access tokens share its fate. */
typedef struct
{
  gboolean revoked;
} Grant;

typedef struct
{
  Grant   *grant;       /* owned by the server */
  gint64   expires_at;  /* Unix time */
  gboolean expired;     /* forced by ringside_demo_server_expire_access_tokens() */
} AccessToken;

/* Minting tokens */

static char *
base64url_encode (const guint8 *data,
                  gsize         length)
{
  char *text = g_base64_encode (data, length);

  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        {
          *p = '\0';
          break;
        }
    }

  return text;
}

static char *
random_token (RingsideDemoServer *self,
              gsize               n_bytes)
{
  g_autofree guint8 *data = g_malloc (n_bytes);

  for (gsize i = 0; i < n_bytes; i++)
    data[i] = (guint8) g_rand_int_range (self->token_rand, 0, 256);

  return base64url_encode (data, n_bytes);
}

static Grant *
new_grant (RingsideDemoServer *self)
{
  Grant *grant = g_new0 (Grant, 1);

  g_ptr_array_add (self->grants, grant);
  return grant;
}

/* A JWT signed with HMAC-SHA256 over a key of this server; @commit FALSE makes one that no
 * endpoint accepts, for faults that show a body without its effects. */
static char *
mint_access_token (RingsideDemoServer *self,
                   Grant              *grant,
                   gboolean            commit)
{
  static const char header[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, self->signing_key,
                                      sizeof self->signing_key);
  g_autofree char *jti = g_uuid_string_random ();
  gint64 now = ringside_demo_server_now (self);
  gint64 expires_at = now + self->token_lifetime;
  g_autofree char *iat = self->include_iat ? g_strdup_printf ("\"iat\":%" G_GINT64_FORMAT ",",
                                                              now)
                                           : g_strdup ("");
  g_autofree char *payload = g_strdup_printf ("{\"sub\":\"%d\",\"iss\":\"ringcx-demo\","
                                              "\"accountId\":\"%s\",\"rcAccountId\":\"%s\","
                                              "%s"
                                              "\"exp\":%" G_GINT64_FORMAT ","
                                              "\"jti\":\"%s\"}",
                                              ROOT_USER_ID, MAIN_ACCOUNT_ID, RC_ACCOUNT_ID,
                                              iat, expires_at, jti);
  g_autofree char *header_part = base64url_encode ((const guint8 *) header, strlen (header));
  g_autofree char *payload_part = base64url_encode ((const guint8 *) payload,
                                                    strlen (payload));
  g_autofree char *signing_input = g_strconcat (header_part, ".", payload_part, NULL);
  g_autofree char *signature_part = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  char *token;

  g_hmac_update (hmac, (const guchar *) signing_input, -1);
  g_hmac_get_digest (hmac, digest, &digest_len);
  signature_part = base64url_encode (digest, digest_len);
  token = g_strconcat (signing_input, ".", signature_part, NULL);

  if (commit)
    {
      AccessToken *access = g_new0 (AccessToken, 1);

      access->grant = grant;
      access->expires_at = expires_at;
      g_hash_table_insert (self->access_tokens, g_strdup (token), access);
    }

  return token;
}

static char *
mint_refresh_token (RingsideDemoServer *self,
                    Grant              *grant,
                    gboolean            commit)
{
  char *token = random_token (self, 32);

  if (commit)
    {
      g_hash_table_insert (self->refresh_tokens, g_strdup (token), grant);
      g_free (self->latest_refresh_token);
      self->latest_refresh_token = g_strdup (token);
    }

  return token;
}

static gboolean
looks_like_jwt (const char *text)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  parts = g_strsplit (text, ".", -1);
  if (g_strv_length (parts) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      if (*parts[i] == '\0')
        return FALSE;
      for (const char *p = parts[i]; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
          return FALSE;
    }

  return TRUE;
}

static gboolean
client_credentials_match (const char *authorization)
{
  g_autofree guchar *decoded = NULL;
  g_autofree char *credentials = NULL;
  gsize length;

  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Basic ", 6) != 0)
    return FALSE;

  decoded = g_base64_decode (authorization + 6, &length);
  credentials = g_strndup ((const char *) decoded, length);
  return g_strcmp0 (credentials, RINGSIDE_DEMO_CLIENT_ID ":" RINGSIDE_DEMO_CLIENT_SECRET) == 0;
}

/* The platform's OAuth error shape. */
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

/* Endpoints */

static void
handle_platform_token (RingsideDemoServer        *self,
                       const RingsideDemoRequest *request,
                       gboolean                   commit,
                       RingsideDemoReply         *reply)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *access_token = NULL;
  g_autofree char *refresh_token = NULL;
  g_autofree char *owner_id = NULL;

  /* The browser sign-in's grant: a public client, no Basic credentials. */
  if (g_strcmp0 (ringside_demo_request_get_form (request, "grant_type"),
                 "authorization_code") == 0)
    {
      ringside_demo_oauth_handle_token (self, request, commit, reply);
      return;
    }

  if (!client_credentials_match (request->authorization))
    {
      reply_oauth_error (reply, SOUP_STATUS_UNAUTHORIZED, "invalid_client",
                         "Invalid client credentials");
      return;
    }

  if (g_strcmp0 (ringside_demo_request_get_form (request, "grant_type"),
                 JWT_BEARER_GRANT) != 0)
    {
      reply_oauth_error (reply, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                         "Unsupported grant type");
      return;
    }

  if (!looks_like_jwt (ringside_demo_request_get_form (request, "assertion")))
    {
      reply_oauth_error (reply, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                         "Invalid assertion: the JWT is malformed");
      return;
    }

  access_token = random_token (self, 48);
  refresh_token = random_token (self, 48);
  if (commit)
    g_hash_table_add (self->rc_tokens, g_strdup (access_token));

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, access_token);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "bearer");
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, PLATFORM_TOKEN_LIFETIME);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, refresh_token);
  json_builder_set_member_name (builder, "refresh_token_expires_in");
  json_builder_add_int_value (builder, PLATFORM_REFRESH_LIFETIME);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, "ReadAccounts RingCX");
  owner_id = g_strdup_printf ("%" G_GINT64_FORMAT, RC_USER_ID_BASE);
  json_builder_set_member_name (builder, "owner_id");
  json_builder_add_string_value (builder, owner_id);
  json_builder_end_object (builder);

  ringside_demo_reply_json (reply, SOUP_STATUS_OK, builder);
}

static void
add_agent_detail (JsonBuilder *builder,
                  guint        account_index,
                  gint         agent_id,
                  const char  *agent_type)
{
  g_autofree char *account_id = g_strdup_printf ("%u", MAIN_ACCOUNT_NUMBER + account_index);
  g_autofree char *name = ringside_demo_accounts_get_name (account_index);
  const char *email = ADMIN_EMAIL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "agentId");
  json_builder_add_int_value (builder, agent_id);
  json_builder_set_member_name (builder, "firstName");
  json_builder_add_string_value (builder, ADMIN_FIRST_NAME);
  json_builder_set_member_name (builder, "lastName");
  json_builder_add_string_value (builder, ADMIN_LAST_NAME);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "agentType");
  json_builder_add_string_value (builder, agent_type);
  json_builder_set_member_name (builder, "rcUserId");
  json_builder_add_int_value (builder, RC_USER_ID_BASE);
  json_builder_set_member_name (builder, "accountId");
  json_builder_add_string_value (builder, account_id);
  json_builder_set_member_name (builder, "accountName");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "agentGroupId");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "allowLoginControl");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "allowLoginUpdates");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
}

/* The body of a sign-in or a refresh (api/rc-auth-response.json). */
static void
reply_session (RingsideDemoServer *self,
               Grant              *grant,
               gboolean            include_refresh,
               gboolean            commit,
               RingsideDemoReply  *reply)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *access_token = mint_access_token (self, grant, commit);
  g_autofree char *refresh_token = NULL;

  if (include_refresh)
    refresh_token = mint_refresh_token (self, grant, commit);

  json_builder_begin_object (builder);
  if (refresh_token != NULL)
    {
      json_builder_set_member_name (builder, "refreshToken");
      json_builder_add_string_value (builder, refresh_token);
    }
  json_builder_set_member_name (builder, "accessToken");
  json_builder_add_string_value (builder, access_token);
  json_builder_set_member_name (builder, "tokenType");
  json_builder_add_string_value (builder, "Bearer");
  json_builder_set_member_name (builder, "mainAccountId");
  json_builder_add_string_value (builder, MAIN_ACCOUNT_ID);
  json_builder_set_member_name (builder, "agentDetails");
  json_builder_begin_array (builder);
  add_agent_detail (builder, MIN (1, self->n_accounts), 184230, "SUPERVISOR");
  if (self->n_accounts >= 2)
    add_agent_detail (builder, 2, 184377, "AGENT");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "adminId");
  json_builder_add_int_value (builder, ROOT_USER_ID);
  json_builder_set_member_name (builder, "adminUrl");
  json_builder_add_string_value (builder, "/voice/admin/");
  json_builder_set_member_name (builder, "agentUrl");
  json_builder_add_string_value (builder, "/voice/agent/");
  json_builder_set_member_name (builder, "ssoLogin");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);

  ringside_demo_reply_json (reply, SOUP_STATUS_OK, builder);
}

static gboolean
require_bearer_type (const RingsideDemoRequest *request,
                     const char                *token_field,
                     RingsideDemoReply         *reply)
{
  const char *token_type = ringside_demo_request_get_form (request, "rcTokenType");
  g_autofree char *message = NULL;

  if (ringside_demo_request_get_form (request, token_field) == NULL)
    {
      message = g_strdup_printf ("Required parameter '%s' is missing", token_field);
      ringside_demo_reply_error (reply, request, SOUP_STATUS_BAD_REQUEST, message, NULL);
      return FALSE;
    }

  if (token_type == NULL || g_ascii_strcasecmp (token_type, "Bearer") != 0)
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_BAD_REQUEST,
                                 "Required parameter 'rcTokenType' must be 'Bearer'", NULL);
      return FALSE;
    }

  return TRUE;
}

/* Answers 429 when the limit is reached, else counts this exchange. */
static gboolean
exchange_allowed (RingsideDemoServer        *self,
                  const RingsideDemoRequest *request,
                  gboolean                   commit,
                  RingsideDemoReply         *reply)
{
  gint64 now = g_get_monotonic_time ();

  if (self->exchange_limit == 0)
    return TRUE;

  while (!g_queue_is_empty (&self->exchange_times) &&
         now - *(gint64 *) g_queue_peek_head (&self->exchange_times) >= EXCHANGE_LIMIT_WINDOW)
    g_free (g_queue_pop_head (&self->exchange_times));

  if (g_queue_get_length (&self->exchange_times) >= self->exchange_limit)
    {
      gint64 oldest = *(gint64 *) g_queue_peek_head (&self->exchange_times);
      gint64 wait = oldest + EXCHANGE_LIMIT_WINDOW - now;

      ringside_demo_reply_error (reply, request, STATUS_TOO_MANY_REQUESTS, "Rate limit exceeded",
                                 "Too many login requests, try again later");
      reply->retry_after = (guint) ((wait + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
      return FALSE;
    }

  if (commit)
    g_queue_push_tail (&self->exchange_times, g_memdup2 (&now, sizeof now));

  return TRUE;
}

static void
handle_exchange (RingsideDemoServer        *self,
                 const RingsideDemoRequest *request,
                 gboolean                   commit,
                 RingsideDemoReply         *reply)
{
  if (!exchange_allowed (self, request, commit, reply))
    return;

  if (!require_bearer_type (request, "rcAccessToken", reply))
    return;

  if (!g_hash_table_contains (self->rc_tokens,
                              ringside_demo_request_get_form (request, "rcAccessToken")))
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_UNAUTHORIZED,
                                 "Invalid RingCentral access token",
                                 "The RingCentral access token was rejected by the platform");
      return;
    }

  reply_session (self, commit ? new_grant (self) : NULL,
                 ringside_demo_request_query_is_true (request, "includeRefresh"),
                 commit, reply);
}

static void
handle_refresh (RingsideDemoServer        *self,
                const RingsideDemoRequest *request,
                gboolean                   commit,
                RingsideDemoReply         *reply)
{
  const char *refresh_token;
  Grant *grant;

  if (!require_bearer_type (request, "refresh_token", reply))
    return;

  refresh_token = ringside_demo_request_get_form (request, "refresh_token");
  grant = g_hash_table_lookup (self->refresh_tokens, refresh_token);
  if (grant == NULL)
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_UNAUTHORIZED,
                                 "Invalid refresh token",
                                 "The refresh token is unknown, was already used, or was revoked");
      return;
    }

  /* Rotation: a refresh token works once. */
  if (commit)
    g_hash_table_remove (self->refresh_tokens, refresh_token);

  reply_session (self, grant, TRUE, commit, reply);
}

static void
handle_logout (RingsideDemoServer        *self,
               const RingsideDemoRequest *request,
               gboolean                   commit,
               RingsideDemoReply         *reply)
{
  const char *refresh_token = request->path + strlen (PATH_LOGOUT_PREFIX);
  Grant *grant = g_hash_table_lookup (self->refresh_tokens, refresh_token);

  if (grant == NULL)
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_UNAUTHORIZED,
                                 "Invalid refresh token", NULL);
      return;
    }

  if (commit)
    {
      grant->revoked = TRUE;
      g_hash_table_remove (self->refresh_tokens, refresh_token);
    }

  ringside_demo_reply_text (reply, SOUP_STATUS_OK, TEXT_CONTENT_TYPE, "");
}

/* The data endpoints call this first. */
gboolean
ringside_demo_auth_require_access (RingsideDemoServer        *self,
                                   const RingsideDemoRequest *request,
                                   RingsideDemoReply         *reply)
{
  const char *authorization = request->authorization;
  AccessToken *access = NULL;

  if (authorization != NULL && g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0)
    access = g_hash_table_lookup (self->access_tokens, authorization + 7);

  if (access == NULL)
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_UNAUTHORIZED,
                                 "Full authentication is required to access this resource", NULL);
      return FALSE;
    }

  if (access->expired || ringside_demo_server_now (self) >= access->expires_at)
    {
      ringside_demo_reply_text (reply, SOUP_STATUS_UNAUTHORIZED, TEXT_CONTENT_TYPE,
                                TOKEN_EXPIRED_TEXT);
      return FALSE;
    }

  if (access->grant != NULL && access->grant->revoked)
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_UNAUTHORIZED,
                                 "Access token has been revoked", NULL);
      return FALSE;
    }

  return TRUE;
}

/* What RINGSIDE_DEMO_FAULT_WRONG_TYPE answers: the expected members, of the wrong types. */
#define WRONG_TYPE_PLATFORM_TOKEN \
  "{\"access_token\":42,\"token_type\":[\"bearer\"],\"expires_in\":\"3600\"," \
  "\"refresh_token\":false,\"scope\":{},\"owner_id\":62845100004}"
#define WRONG_TYPE_SESSION \
  "{\"refreshToken\":true,\"accessToken\":42,\"tokenType\":[\"Bearer\"]," \
  "\"mainAccountId\":15800000,\"agentDetails\":\"none\",\"adminId\":\"210400\"," \
  "\"adminUrl\":7,\"agentUrl\":null,\"ssoLogin\":\"yes\"}"

const RingsideDemoRoute ringside_demo_auth_routes[] = {
  { "POST", PATH_PLATFORM_TOKEN, FALSE, handle_platform_token,
    .wrong_type_body = WRONG_TYPE_PLATFORM_TOKEN },
  { "POST", PATH_EXCHANGE, FALSE, handle_exchange, .wrong_type_body = WRONG_TYPE_SESSION },
  { "POST", PATH_REFRESH, FALSE, handle_refresh, .wrong_type_body = WRONG_TYPE_SESSION },
  { "DELETE", PATH_LOGOUT_PREFIX, TRUE, handle_logout },
  { NULL }
};

gint64
ringside_demo_server_now (RingsideDemoServer *self)
{
  return g_get_real_time () / G_USEC_PER_SEC + self->clock_skew;
}

void
ringside_demo_auth_init (RingsideDemoServer *self)
{
  self->token_lifetime = DEFAULT_TOKEN_LIFETIME;
  self->include_iat = TRUE;
  for (guint i = 0; i < sizeof self->signing_key; i++)
    self->signing_key[i] = (guint8) g_random_int_range (0, 256);
  self->token_rand = g_rand_new_with_seed (g_random_int ());
  self->grants = g_ptr_array_new_with_free_func (g_free);
  self->access_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->refresh_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rc_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (self->rc_tokens, g_strdup (RINGSIDE_DEMO_RC_ACCESS_TOKEN));
  g_queue_init (&self->exchange_times);
}

void
ringside_demo_auth_finalize (RingsideDemoServer *self)
{
  g_rand_free (self->token_rand);
  g_hash_table_unref (self->access_tokens);
  g_hash_table_unref (self->refresh_tokens);
  g_hash_table_unref (self->rc_tokens);
  g_ptr_array_unref (self->grants);
  g_free (self->latest_refresh_token);
  g_queue_clear_full (&self->exchange_times, g_free);
}

/* Public API */

void
ringside_demo_server_set_token_lifetime (RingsideDemoServer *self,
                                         guint               seconds)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  self->token_lifetime = seconds;
}

void
ringside_demo_server_set_token_options (RingsideDemoServer *self,
                                        gboolean            include_iat,
                                        int                 clock_skew_seconds)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  self->include_iat = !!include_iat;
  self->clock_skew = clock_skew_seconds;
}

void
ringside_demo_server_accept_rc_token (RingsideDemoServer *self,
                                      const char         *rc_access_token)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));
  g_return_if_fail (rc_access_token != NULL && *rc_access_token != '\0');

  g_hash_table_add (self->rc_tokens, g_strdup (rc_access_token));
}

void
ringside_demo_server_set_exchange_limit (RingsideDemoServer *self,
                                         guint               per_minute)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  self->exchange_limit = per_minute;
}

char *
ringside_demo_server_issue_access_token (RingsideDemoServer *self)
{
  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), NULL);

  return mint_access_token (self, new_grant (self), TRUE);
}

void
ringside_demo_server_expire_access_tokens (RingsideDemoServer *self)
{
  GHashTableIter iter;
  AccessToken *access;

  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  g_hash_table_iter_init (&iter, self->access_tokens);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &access))
    access->expired = TRUE;
}

void
ringside_demo_server_revoke_refresh_tokens (RingsideDemoServer *self)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  g_hash_table_remove_all (self->refresh_tokens);
}

gboolean
ringside_demo_server_is_refresh_token_valid (RingsideDemoServer *self,
                                             const char         *refresh_token)
{
  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), FALSE);

  return refresh_token != NULL && g_hash_table_contains (self->refresh_tokens, refresh_token);
}

const char *
ringside_demo_server_get_latest_refresh_token (RingsideDemoServer *self)
{
  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), NULL);

  return self->latest_refresh_token;
}
