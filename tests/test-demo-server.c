/* test-demo-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the demo server with a real SoupSession over loopback, as the client will.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ringside-demo-server.h"
#include "ringside-test-utils.h"

#define PLATFORM_TOKEN_PATH "/restapi/oauth/token"
#define EXCHANGE_PATH       "/api/auth/login/rc/accesstoken"
#define REFRESH_PATH        "/api/auth/token/refresh"
#define LOGOUT_PATH         "/api/auth/logout/"
#define ACCOUNTS_PATH       "/voice/api/v1/admin/accounts"
#define USERS_PATH          "/voice/api/v1/admin/users"

#define EXCHANGE_FORM "rcAccessToken=" RINGSIDE_DEMO_RC_ACCESS_TOKEN "&rcTokenType=Bearer"
#define JWT_GRANT     "urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"
/* Any three-part JWT will do: the demo platform checks the shape, not the signature. */
#define ASSERTION     "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl"

typedef struct
{
  RingsideDemoServer *server;
  SoupSession        *session;
} Fixture;

typedef struct
{
  guint               status;
  GBytes             *body;
  char               *text;  /* the body, NUL-terminated: see body_text() */
  SoupMessageHeaders *headers;
  GError             *error;
} Response;

static void
response_free (Response *response)
{
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response->text);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_error (&response->error);
  g_free (response);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Response, response_free)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = ringside_demo_server_new ();
  g_assert_true (ringside_demo_server_start (fixture->server, &error));
  g_assert_no_error (error);
  fixture->session = soup_session_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The server closes the connections first: libsoup 3.2 leaks server-side connections
   * that the client closed while idle. */
  ringside_demo_server_stop (fixture->server);
  g_clear_object (&fixture->session);
  g_assert_finalize_object (fixture->server);
}

/* Sends @body, of @content_type, or no body when it is NULL. */
static Response *
send_body (SoupSession *session,
           Fixture     *fixture,
           const char  *method,
           const char  *path_and_query,
           const char  *authorization,
           const char  *content_type,
           const char  *body)
{
  g_autofree char *url = g_strconcat (ringside_demo_server_get_url (fixture->server),
                                      path_and_query, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;
  Response *response = g_new0 (Response, 1);

  g_assert_nonnull (msg);
  if (authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg),
                                  "Authorization", authorization);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL,
                                    ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 120);
  response->body = soup_session_send_and_read_finish (session, result, &response->error);
  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  return response;
}

static Response *
send_on (SoupSession *session,
         Fixture     *fixture,
         const char  *method,
         const char  *path_and_query,
         const char  *authorization,
         const char  *form)
{
  return send_body (session, fixture, method, path_and_query, authorization,
                    "application/x-www-form-urlencoded", form);
}

static Response *
send (Fixture    *fixture,
      const char *method,
      const char *path_and_query,
      const char *authorization,
      const char *form)
{
  return send_on (fixture->session, fixture, method, path_and_query, authorization, form);
}

static const char *
body_text (Response *response)
{
  g_assert_no_error (response->error);
  g_assert_nonnull (response->body);
  if (response->text == NULL)
    response->text = g_strndup (g_bytes_get_data (response->body, NULL),
                                g_bytes_get_size (response->body));
  return response->text;
}

static JsonNode *
parse_json (Response  *response,
            GError   **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, body_text (response),
                                   g_bytes_get_size (response->body), error))
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}

static JsonNode *
parse_json_ok (Response *response)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = parse_json (response, &error);

  g_assert_no_error (error);
  return node;
}

static void
assert_content_type (Response   *response,
                     const char *expected)
{
  const char *content_type = soup_message_headers_get_content_type (response->headers, NULL);

  g_assert_cmpstr (content_type, ==, expected);
}

/* RingCX's JSON error shape. */
static void
assert_ringcx_error (Response *response,
                     guint     status)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_assert_cmpuint (response->status, ==, status);
  assert_content_type (response, "application/json");
  node = parse_json_ok (response);
  object = json_node_get_object (node);
  g_assert_true (json_object_has_member (object, "errorCode"));
  g_assert_nonnull (json_object_get_string_member (object, "generalMessage"));
  g_assert_true (json_object_has_member (object, "details"));
  g_assert_nonnull (json_object_get_string_member (object, "requestUri"));
  g_assert_cmpint (json_object_get_int_member (object, "timestamp"), >, 0);
}

/* Requests made only to fail or succeed, whose answer the test reads no further: these free
 * @response. */
static void
assert_fails (guint     status,
              Response *response)
{
  g_autoptr(Response) owned = response;

  assert_ringcx_error (response, status);
}

static void
assert_ok (Response *response)
{
  g_autoptr(Response) owned = response;

  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
}

static void
assert_token_expired (Response *response)
{
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_UNAUTHORIZED);
  assert_content_type (response, "text/plain");
  g_assert_cmpstr (body_text (response), ==, "Jwt is expired");
}

static char *
bearer (const char *token)
{
  return g_strconcat ("Bearer ", token, NULL);
}

/* Signs in with the demo RC token; returns the access token and, with @refresh_token, the
 * refresh token too. */
static char *
sign_in (Fixture  *fixture,
         char    **refresh_token)
{
  const char *path = refresh_token != NULL ? EXCHANGE_PATH "?includeRefresh=true"
                                           : EXCHANGE_PATH;
  g_autoptr(Response) response = send (fixture, "POST", path, NULL, EXCHANGE_FORM);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  node = parse_json_ok (response);
  object = json_node_get_object (node);
  if (refresh_token != NULL)
    *refresh_token = g_strdup (json_object_get_string_member (object, "refreshToken"));

  return g_strdup (json_object_get_string_member (object, "accessToken"));
}

static Response *
refresh (Fixture    *fixture,
         const char *refresh_token)
{
  g_autofree char *escaped = g_uri_escape_string (refresh_token, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("refresh_token=%s&rcTokenType=Bearer", escaped);

  return send (fixture, "POST", REFRESH_PATH, NULL, form);
}

static Response *
get_with_token (Fixture    *fixture,
                const char *path_and_query,
                const char *access_token)
{
  g_autofree char *authorization = bearer (access_token);

  return send (fixture, "GET", path_and_query, authorization, NULL);
}

/* GET @path_and_query, which must answer 200 with JSON. */
static JsonNode *
get_json (Fixture    *fixture,
          const char *token,
          const char *path_and_query)
{
  g_autoptr(Response) response = get_with_token (fixture, path_and_query, token);

  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  return parse_json_ok (response);
}

static JsonObject *
decode_jwt_payload (const char *token)
{
  g_auto(GStrv) parts = g_strsplit (token, ".", -1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree guchar *payload = NULL;
  GString *base64;
  gsize length;

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  base64 = g_string_new (parts[1]);
  g_strdelimit (base64->str, "-", '+');
  g_strdelimit (base64->str, "_", '/');
  while (base64->len % 4 != 0)
    g_string_append_c (base64, '=');
  payload = g_base64_decode (base64->str, &length);
  g_string_free (base64, TRUE);

  json_parser_load_from_data (parser, (const char *) payload, length, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_start_stop (void)
{
  g_autoptr(RingsideDemoServer) server = ringside_demo_server_new ();
  g_autoptr(GError) error = NULL;

  g_assert_null (ringside_demo_server_get_url (server));
  g_assert_true (SOUP_IS_SERVER (ringside_demo_server_get_soup_server (server)));

  g_assert_true (ringside_demo_server_start (server, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ringside_demo_server_get_url (server), "http://127.0.0.1:"));
  g_assert_false (g_str_has_suffix (ringside_demo_server_get_url (server), "/"));

  ringside_demo_server_stop (server);
  g_assert_null (ringside_demo_server_get_url (server));

  /* It can listen again, and dispose stops it. */
  g_assert_true (ringside_demo_server_start (server, &error));
  g_assert_no_error (error);
}

static void
test_platform_jwt_flow (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *credentials = g_base64_encode ((const guchar *) RINGSIDE_DEMO_CLIENT_ID ":"
                                                  RINGSIDE_DEMO_CLIENT_SECRET,
                                                  strlen (RINGSIDE_DEMO_CLIENT_ID ":"
                                                          RINGSIDE_DEMO_CLIENT_SECRET));
  g_autofree char *authorization = g_strconcat ("Basic ", credentials, NULL);
  g_autoptr(Response) response = NULL;
  g_autoptr(Response) exchange = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *form = NULL;
  JsonObject *object;

  response = send (fixture, "POST", PLATFORM_TOKEN_PATH, authorization,
                   "grant_type=" JWT_GRANT "&assertion=" ASSERTION);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  assert_content_type (response, "application/json");
  node = parse_json_ok (response);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "token_type"), ==, "bearer");
  g_assert_cmpint (json_object_get_int_member (object, "expires_in"), ==, 3600);
  g_assert_cmpint (json_object_get_int_member (object, "refresh_token_expires_in"), >, 3600);
  g_assert_cmpstr (json_object_get_string_member (object, "refresh_token"), !=, "");
  g_assert_nonnull (json_object_get_string_member (object, "scope"));
  g_assert_nonnull (json_object_get_string_member (object, "owner_id"));

  /* The platform's access token opens the exchange. */
  escaped = g_uri_escape_string (json_object_get_string_member (object, "access_token"),
                                 NULL, FALSE);
  form = g_strdup_printf ("rcAccessToken=%s&rcTokenType=Bearer", escaped);
  exchange = send (fixture, "POST", EXCHANGE_PATH "?includeRefresh=true", NULL, form);
  g_assert_cmpuint (exchange->status, ==, SOUP_STATUS_OK);
}

/* The platform's OAuth error shape; frees @response. */
static void
assert_oauth_fails (guint       status,
                    const char *error,
                    Response   *response)
{
  g_autoptr(Response) owned = response;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_assert_cmpuint (response->status, ==, status);
  node = parse_json_ok (response);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "error"), ==, error);
  g_assert_nonnull (json_object_get_string_member (object, "error_description"));
  /* The secret is never echoed. */
  g_assert_null (strstr (body_text (response), RINGSIDE_DEMO_CLIENT_SECRET));
}

static void
test_platform_rejects (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *right = g_base64_encode ((const guchar *) RINGSIDE_DEMO_CLIENT_ID ":"
                                            RINGSIDE_DEMO_CLIENT_SECRET,
                                            strlen (RINGSIDE_DEMO_CLIENT_ID ":"
                                                    RINGSIDE_DEMO_CLIENT_SECRET));
  g_autofree char *wrong = g_base64_encode ((const guchar *) RINGSIDE_DEMO_CLIENT_ID ":nope",
                                            strlen (RINGSIDE_DEMO_CLIENT_ID ":nope"));
  g_autofree char *right_auth = g_strconcat ("Basic ", right, NULL);
  g_autofree char *wrong_auth = g_strconcat ("Basic ", wrong, NULL);
  const char *good_form = "grant_type=" JWT_GRANT "&assertion=" ASSERTION;

  assert_oauth_fails (SOUP_STATUS_UNAUTHORIZED, "invalid_client",
                      send (fixture, "POST", PLATFORM_TOKEN_PATH, wrong_auth, good_form));

  assert_oauth_fails (SOUP_STATUS_UNAUTHORIZED, "invalid_client",
                      send (fixture, "POST", PLATFORM_TOKEN_PATH, NULL, good_form));

  assert_oauth_fails (SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                      send (fixture, "POST", PLATFORM_TOKEN_PATH, right_auth,
                            "grant_type=password&assertion=" ASSERTION));

  assert_oauth_fails (SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                      send (fixture, "POST", PLATFORM_TOKEN_PATH, right_auth,
                            "grant_type=" JWT_GRANT "&assertion=only.two"));

  assert_oauth_fails (SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                      send (fixture, "POST", PLATFORM_TOKEN_PATH, right_auth,
                            "grant_type=" JWT_GRANT));
}

static void
assert_session_shape (JsonObject *object,
                      gboolean    with_refresh)
{
  JsonArray *agents;
  JsonObject *agent;

  g_assert_cmpint (json_object_has_member (object, "refreshToken"), ==, with_refresh);
  g_assert_cmpstr (json_object_get_string_member (object, "tokenType"), ==, "Bearer");
  g_assert_cmpstr (json_object_get_string_member (object, "mainAccountId"), !=, "");
  g_assert_cmpint (json_object_get_int_member (object, "adminId"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "adminUrl"), ==, "/voice/admin/");
  g_assert_cmpstr (json_object_get_string_member (object, "agentUrl"), ==, "/voice/agent/");
  g_assert_true (json_object_get_boolean_member (object, "ssoLogin"));

  agents = json_object_get_array_member (object, "agentDetails");
  g_assert_cmpuint (json_array_get_length (agents), >=, 1);
  agent = json_array_get_object_element (agents, 0);
  g_assert_cmpint (json_object_get_int_member (agent, "agentId"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (agent, "firstName"), ==, "Dana");
  g_assert_cmpstr (json_object_get_string_member (agent, "lastName"), ==, "Whitfield");
  g_assert_nonnull (strchr (json_object_get_string_member (agent, "email"), '@'));
  g_assert_nonnull (json_object_get_string_member (agent, "accountId"));
  g_assert_nonnull (json_object_get_string_member (agent, "accountName"));
  g_assert_cmpint (json_object_get_int_member (agent, "rcUserId"), >, 0);
}

static void
test_exchange_shape (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(Response) with_refresh = NULL;
  g_autoptr(Response) without_refresh = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) other_node = NULL;
  g_autoptr(JsonObject) claims = NULL;
  JsonObject *object;
  const char *access_token;

  with_refresh = send (fixture, "POST", EXCHANGE_PATH "?includeRefresh=true", NULL,
                       EXCHANGE_FORM);
  g_assert_cmpuint (with_refresh->status, ==, SOUP_STATUS_OK);
  assert_content_type (with_refresh, "application/json");
  node = parse_json_ok (with_refresh);
  object = json_node_get_object (node);
  assert_session_shape (object, TRUE);
  g_assert_cmpstr (json_object_get_string_member (object, "refreshToken"), ==,
                   ringside_demo_server_get_latest_refresh_token (fixture->server));
  g_assert_true (ringside_demo_server_is_refresh_token_valid (
                   fixture->server, json_object_get_string_member (object, "refreshToken")));

  /* The access token is a JWT that lives five minutes by default. */
  access_token = json_object_get_string_member (object, "accessToken");
  claims = decode_jwt_payload (access_token);
  g_assert_cmpint (json_object_get_int_member (claims, "exp") -
                   json_object_get_int_member (claims, "iat"), ==, 300);
  g_assert_nonnull (json_object_get_string_member (claims, "sub"));
  g_assert_nonnull (json_object_get_string_member (claims, "jti"));

  without_refresh = send (fixture, "POST", EXCHANGE_PATH, NULL, EXCHANGE_FORM);
  g_assert_cmpuint (without_refresh->status, ==, SOUP_STATUS_OK);
  other_node = parse_json_ok (without_refresh);
  assert_session_shape (json_node_get_object (other_node), FALSE);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (other_node),
                                                  "accessToken"), !=, access_token);
}

static void
test_exchange_rejects (Fixture       *fixture,
                       gconstpointer  data)
{
  Response *response;

  response = send (fixture, "POST", EXCHANGE_PATH "?includeRefresh=true", NULL,
                   "rcAccessToken=someone-elses-token&rcTokenType=Bearer");
  assert_ringcx_error (response, SOUP_STATUS_UNAUTHORIZED);
  g_assert_null (strstr (body_text (response), "someone-elses-token"));
  response_free (response);

  assert_fails (SOUP_STATUS_BAD_REQUEST,
                send (fixture, "POST", EXCHANGE_PATH, NULL, "rcTokenType=Bearer"));

  assert_fails (SOUP_STATUS_BAD_REQUEST, send (fixture, "POST", EXCHANGE_PATH, NULL,
                                               "rcAccessToken=" RINGSIDE_DEMO_RC_ACCESS_TOKEN));

  /* The token in the query instead of the form does not count. */
  assert_fails (SOUP_STATUS_BAD_REQUEST,
                send (fixture, "POST", EXCHANGE_PATH "?rcAccessToken="
                      RINGSIDE_DEMO_RC_ACCESS_TOKEN "&rcTokenType=Bearer", NULL, NULL));

  ringside_demo_server_accept_rc_token (fixture->server, "someone-elses-token");
  assert_ok (send (fixture, "POST", EXCHANGE_PATH, NULL,
                   "rcAccessToken=someone-elses-token&rcTokenType=Bearer"));

  g_assert_null (ringside_demo_server_get_latest_refresh_token (fixture->server));
}

static void
test_exchange_limit (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(Response) limited = NULL;
  const char *retry_after;

  ringside_demo_server_set_exchange_limit (fixture->server, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(Response) response = send (fixture, "POST", EXCHANGE_PATH, NULL,
                                           EXCHANGE_FORM);

      g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
    }

  limited = send (fixture, "POST", EXCHANGE_PATH, NULL, EXCHANGE_FORM);
  assert_ringcx_error (limited, 429);
  retry_after = soup_message_headers_get_one (limited->headers, "Retry-After");
  g_assert_nonnull (retry_after);
  g_assert_cmpuint (g_ascii_strtoull (retry_after, NULL, 10), >=, 1);
  g_assert_cmpuint (g_ascii_strtoull (retry_after, NULL, 10), <=, 60);
}

static void
test_refresh_rotation (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *first_refresh = NULL;
  g_autofree char *first_access = sign_in (fixture, &first_refresh);
  g_autoptr(Response) rotated = NULL;
  g_autoptr(Response) reused = NULL;
  g_autoptr(Response) again = NULL;
  g_autoptr(Response) data_response = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  const char *second_refresh;
  const char *second_access;

  rotated = refresh (fixture, first_refresh);
  g_assert_cmpuint (rotated->status, ==, SOUP_STATUS_OK);
  node = parse_json_ok (rotated);
  object = json_node_get_object (node);
  assert_session_shape (object, TRUE);
  second_refresh = json_object_get_string_member (object, "refreshToken");
  second_access = json_object_get_string_member (object, "accessToken");
  g_assert_cmpstr (second_refresh, !=, first_refresh);
  g_assert_cmpstr (second_access, !=, first_access);
  g_assert_cmpstr (ringside_demo_server_get_latest_refresh_token (fixture->server), ==,
                   second_refresh);
  g_assert_false (ringside_demo_server_is_refresh_token_valid (fixture->server, first_refresh));
  g_assert_true (ringside_demo_server_is_refresh_token_valid (fixture->server, second_refresh));

  /* A used refresh token is rejected the way RingCX rejects it. */
  reused = refresh (fixture, first_refresh);
  assert_ringcx_error (reused, SOUP_STATUS_UNAUTHORIZED);
  g_assert_nonnull (strstr (body_text (reused), "Invalid refresh token"));
  g_assert_null (strstr (body_text (reused), first_refresh));

  data_response = get_with_token (fixture, ACCOUNTS_PATH, second_access);
  g_assert_cmpuint (data_response->status, ==, SOUP_STATUS_OK);

  again = refresh (fixture, second_refresh);
  g_assert_cmpuint (again->status, ==, SOUP_STATUS_OK);

  ringside_demo_server_revoke_refresh_tokens (fixture->server);
  g_assert_false (ringside_demo_server_is_refresh_token_valid (
                    fixture->server,
                    ringside_demo_server_get_latest_refresh_token (fixture->server)));
}

static void
test_refresh_rejects (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *refresh_token = NULL;
  g_autofree char *access_token = sign_in (fixture, &refresh_token);
  g_autofree char *form = g_strdup_printf ("refresh_token=%s", refresh_token);

  assert_fails (SOUP_STATUS_BAD_REQUEST,
                send (fixture, "POST", REFRESH_PATH, NULL, "rcTokenType=Bearer"));

  assert_fails (SOUP_STATUS_BAD_REQUEST, send (fixture, "POST", REFRESH_PATH, NULL, form));

  /* Bad requests leave the token usable. */
  g_assert_true (ringside_demo_server_is_refresh_token_valid (fixture->server, refresh_token));

  ringside_demo_server_revoke_refresh_tokens (fixture->server);
  assert_fails (SOUP_STATUS_UNAUTHORIZED, refresh (fixture, refresh_token));
}

static void
test_logout (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *refresh_token = NULL;
  g_autofree char *access_token = sign_in (fixture, &refresh_token);
  g_autofree char *other_refresh = NULL;
  g_autofree char *other_access = sign_in (fixture, &other_refresh);
  g_autofree char *path = g_strconcat (LOGOUT_PATH, refresh_token, NULL);
  Response *response;

  response = send (fixture, "DELETE", path, NULL, NULL);
  g_assert_no_error (response->error);
  g_assert_true (response->status == SOUP_STATUS_OK ||
                 response->status == SOUP_STATUS_NO_CONTENT);
  response_free (response);
  g_assert_false (ringside_demo_server_is_refresh_token_valid (fixture->server, refresh_token));

  assert_fails (SOUP_STATUS_UNAUTHORIZED, refresh (fixture, refresh_token));

  /* The session's access tokens die with it; another session lives on. */
  assert_fails (SOUP_STATUS_UNAUTHORIZED, get_with_token (fixture, ACCOUNTS_PATH, access_token));

  assert_ok (get_with_token (fixture, ACCOUNTS_PATH, other_access));
  g_assert_true (ringside_demo_server_is_refresh_token_valid (fixture->server, other_refresh));

  /* Logging out twice is refused, and the error body does not echo the token. */
  response = send (fixture, "DELETE", path, NULL, NULL);
  assert_ringcx_error (response, SOUP_STATUS_UNAUTHORIZED);
  g_assert_null (strstr (body_text (response), refresh_token));
  response_free (response);
}

static void
test_bearer_expired (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *short_lived = NULL;
  g_autofree char *dead_on_arrival = NULL;
  g_autoptr(JsonObject) claims = NULL;
  Response *response;

  ringside_demo_server_set_token_lifetime (fixture->server, 1);
  short_lived = sign_in (fixture, NULL);
  claims = decode_jwt_payload (short_lived);
  g_assert_cmpint (json_object_get_int_member (claims, "exp") -
                   json_object_get_int_member (claims, "iat"), ==, 1);

  /* A token past its exp: lifetime 0 makes one without waiting. */
  ringside_demo_server_set_token_lifetime (fixture->server, 0);
  dead_on_arrival = sign_in (fixture, NULL);
  response = get_with_token (fixture, USERS_PATH, dead_on_arrival);
  assert_token_expired (response);
  response_free (response);

  ringside_demo_server_set_token_lifetime (fixture->server, 300);
  g_clear_pointer (&short_lived, g_free);
  short_lived = sign_in (fixture, NULL);
  assert_ok (get_with_token (fixture, ACCOUNTS_PATH, short_lived));

  ringside_demo_server_expire_access_tokens (fixture->server);
  response = get_with_token (fixture, ACCOUNTS_PATH, short_lived);
  assert_token_expired (response);
  response_free (response);
}

static void
test_bearer_rejects (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *issued = ringside_demo_server_issue_access_token (fixture->server);
  g_autofree char *forged = NULL;

  assert_fails (SOUP_STATUS_UNAUTHORIZED, send (fixture, "GET", ACCOUNTS_PATH, NULL, NULL));

  assert_fails (SOUP_STATUS_UNAUTHORIZED, get_with_token (fixture, USERS_PATH, "not-a-token"));

  /* A JWT of the right shape that this server did not sign. */
  forged = g_strconcat (issued, "x", NULL);
  assert_fails (SOUP_STATUS_UNAUTHORIZED, get_with_token (fixture, USERS_PATH, forged));

  assert_fails (SOUP_STATUS_UNAUTHORIZED,
                send (fixture, "GET", ACCOUNTS_PATH, "Basic Zm9vOmJhcg==", NULL));

  assert_ok (get_with_token (fixture, ACCOUNTS_PATH, issued));

  assert_fails (SOUP_STATUS_NOT_FOUND,
                get_with_token (fixture, "/voice/api/v1/admin/nothing", issued));

  assert_fails (SOUP_STATUS_METHOD_NOT_ALLOWED, send (fixture, "POST", ACCOUNTS_PATH, NULL, "a=b"));
}

static gboolean
is_iso_date (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  /* "2021-03-04T10:00:00.000+0000": GDateTime wants a colon in the offset. */
  if (text == NULL || strlen (text) != 28 || !g_str_has_suffix (text, "+0000"))
    return FALSE;

  iso = g_strndup (text, 23);
  date = g_date_time_new_from_iso8601 (iso, utc);
  return date != NULL;
}

static void
test_accounts (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autoptr(Response) response = get_with_token (fixture, ACCOUNTS_PATH, token);
  g_autoptr(JsonNode) node = NULL;
  JsonArray *accounts;
  JsonObject *main_account;
  guint n_archived = 0;
  const char *text;

  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  assert_content_type (response, "application/json");
  node = parse_json_ok (response);
  accounts = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (accounts), ==,
                    ringside_demo_server_get_n_accounts (fixture->server));
  g_assert_cmpuint (json_array_get_length (accounts), ==, 13);

  /* The raw JSON carries the secrets, so that the client's dropping them means something. */
  text = body_text (response);
  g_assert_nonnull (strstr (text, "\"crmPwd\":\"" RINGSIDE_DEMO_SECRET_MARKER));
  g_assert_nonnull (strstr (text, "\"ftpPwd\":\"" RINGSIDE_DEMO_SECRET_MARKER));
  g_assert_nonnull (strstr (text, "\"securityKey\":\"" RINGSIDE_DEMO_SECRET_MARKER));

  main_account = json_array_get_object_element (accounts, 0);
  g_assert_cmpstr (json_object_get_string_member (main_account, "accountId"), ==,
                   json_object_get_string_member (main_account, "mainAccountId"));
  g_assert_cmpstr (json_object_get_string_member (main_account, "accountName"), ==,
                   json_object_get_string_member (main_account, "mainAccountName"));

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      JsonObject *main = json_object_get_object_member (account, "mainAccount");

      g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (account, "accountId")));
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (account, "accountId")),
                       ==, G_TYPE_STRING);
      g_assert_cmpstr (json_object_get_string_member (account, "accountName"), !=, "");
      g_assert_cmpstr (json_object_get_string_member (account, "mainAccountId"), ==,
                       json_object_get_string_member (main, "mainAccountId"));
      g_assert_true (is_iso_date (json_object_get_string_member (account, "startDate")));
      g_assert_cmpstr (json_object_get_string_member (account, "crmPwd"), !=, "");
      if (json_object_get_boolean_member (account, "archivedAccount"))
        {
          n_archived++;
          g_assert_true (is_iso_date (json_object_get_string_member (account, "endDate")));
        }
      else
        {
          g_assert_true (json_object_get_null_member (account, "endDate"));
        }
    }

  g_assert_cmpuint (n_archived, >, 0);
  g_assert_false (json_object_get_boolean_member (main_account, "archivedAccount"));
}

static JsonNode *
get_users (Fixture    *fixture,
           const char *token,
           const char *query)
{
  g_autofree char *path = g_strconcat (USERS_PATH, query, NULL);

  return get_json (fixture, token, path);
}

/* Collects the IDs of a nested list, depth first, checking that each user's parentPath
 * names its ancestors. */
static void
collect_nested (JsonArray  *users,
                const char *ancestors,
                GArray     *ids)
{
  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *user = json_array_get_object_element (users, i);
      gint64 id = json_object_get_int_member (user, "userId");
      g_autofree char *path = NULL;

      if (*ancestors == '\0')
        g_assert_true (json_object_get_null_member (user, "parentPath"));
      else
        g_assert_cmpstr (json_object_get_string_member (user, "parentPath"), ==, ancestors);

      g_array_append_val (ids, id);
      path = *ancestors != '\0' ? g_strdup_printf ("%s.%" G_GINT64_FORMAT, ancestors, id)
                                : g_strdup_printf ("%" G_GINT64_FORMAT, id);
      collect_nested (json_object_get_array_member (user, "children"), path, ids);
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
assert_user_fields (JsonObject *user)
{
  JsonNode *roles = json_object_get_member (user, "roles");
  const char *user_name = json_object_get_string_member (user, "userName");
  g_autofree char *full_name = g_strdup_printf ("%s %s",
                                                json_object_get_string_member (user, "firstName"),
                                                json_object_get_string_member (user, "lastName"));

  g_assert_cmpint (json_node_get_value_type (json_object_get_member (user, "userId")), ==,
                   G_TYPE_INT64);
  g_assert_true (g_str_has_suffix (user_name, "@northwind.example"));
  g_assert_cmpstr (json_object_get_string_member (user, "fullName"), ==, full_name);
  g_assert_true (g_utf8_validate (full_name, -1, NULL));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (roles));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (roles)), >, 0);
  g_assert_true (is_iso_date (json_object_get_string_member (user, "creationDate")));
  g_assert_true (json_object_has_member (user, "enabled"));
  g_assert_true (json_object_has_member (user, "rootUser"));
  g_assert_true (json_object_has_member (user, "rcUserId"));
}

static void
test_users_forms (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autoptr(JsonNode) nested = get_users (fixture, token, "?flatten=false&activeOnly=false");
  g_autoptr(JsonNode) flat = get_users (fixture, token, "?flatten=true&activeOnly=false");
  g_autoptr(JsonNode) active = get_users (fixture, token, "?flatten=true&activeOnly=true");
  g_autoptr(JsonNode) default_form = get_users (fixture, token, "");
  g_autoptr(GArray) nested_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) flat_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) user_names = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *flat_users = json_node_get_array (flat);
  JsonObject *root;
  guint max_depth = 0;
  guint n_string_roles = 0;
  guint n_object_roles = 0;
  guint n_disabled = 0;

  /* Nested: one root user, the admin who signs in. */
  g_assert_cmpuint (json_array_get_length (json_node_get_array (nested)), ==, 1);
  root = json_array_get_object_element (json_node_get_array (nested), 0);
  g_assert_true (json_object_get_boolean_member (root, "rootUser"));
  g_assert_cmpstr (json_object_get_string_member (root, "fullName"), ==, "Dana Whitfield");
  collect_nested (json_node_get_array (nested), "", nested_ids);
  g_assert_true (json_node_equal (nested, default_form));

  /* Flat: every parent before its children, and the same users. */
  g_assert_cmpuint (json_array_get_length (flat_users), ==, 300);
  g_assert_cmpuint (ringside_demo_server_get_n_users (fixture->server, FALSE), ==, 300);
  for (guint i = 0; i < json_array_get_length (flat_users); i++)
    {
      JsonObject *user = json_array_get_object_element (flat_users, i);
      gint64 id = json_object_get_int_member (user, "userId");
      const char *parent_path = json_object_get_string_member_with_default (user, "parentPath",
                                                                            NULL);
      JsonNode *first_role;

      assert_user_fields (user);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (user, "children")),
                        ==, 0);
      if (parent_path != NULL)
        {
          g_auto(GStrv) ancestors = g_strsplit (parent_path, ".", -1);

          max_depth = MAX (max_depth, g_strv_length (ancestors));
          for (guint a = 0; ancestors[a] != NULL; a++)
            {
              gint64 ancestor = g_ascii_strtoll (ancestors[a], NULL, 10);

              g_assert_true (g_hash_table_contains (seen, &ancestor));
            }
        }
      else
        {
          g_assert_cmpuint (i, ==, 0);
        }

      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_array_append_val (flat_ids, id);
      g_hash_table_add (names, (gpointer) json_object_get_string_member (user, "fullName"));
      g_assert_true (g_hash_table_add (user_names,
                                       (gpointer) json_object_get_string_member (user,
                                                                                 "userName")));

      first_role = json_array_get_element (json_object_get_array_member (user, "roles"), 0);
      if (JSON_NODE_HOLDS_OBJECT (first_role))
        {
          n_object_roles++;
          g_assert_nonnull (json_object_get_string_member (json_node_get_object (first_role),
                                                           "roleType"));
        }
      else
        {
          n_string_roles++;
        }

      if (!json_object_get_boolean_member (user, "enabled"))
        n_disabled++;
    }

  /* Root, managers, team leads, agents. */
  g_assert_cmpuint (max_depth, ==, 3);
  g_assert_cmpuint (g_hash_table_size (names), >, 150);
  g_assert_cmpuint (n_string_roles, >, 0);
  g_assert_cmpuint (n_object_roles, >, n_string_roles);
  g_assert_cmpuint (n_disabled, >, 0);

  g_array_sort (nested_ids, compare_ids);
  g_array_sort (flat_ids, compare_ids);
  g_assert_cmpmem (nested_ids->data, nested_ids->len * sizeof (gint64),
                   flat_ids->data, flat_ids->len * sizeof (gint64));

  /* activeOnly leaves out exactly the disabled users. */
  g_assert_cmpuint (json_array_get_length (json_node_get_array (active)), ==, 300 - n_disabled);
  g_assert_cmpuint (ringside_demo_server_get_n_users (fixture->server, TRUE), ==,
                    300 - n_disabled);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (active)); i++)
    {
      JsonObject *user = json_array_get_object_element (json_node_get_array (active), i);

      g_assert_true (json_object_get_boolean_member (user, "enabled"));
    }
}

static GBytes *
fetch_users_bytes (Fixture    *fixture,
                   const char *query)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autofree char *path = g_strconcat (USERS_PATH, query, NULL);
  g_autoptr(Response) response = get_with_token (fixture, path, token);

  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  g_assert_no_error (response->error);
  return g_bytes_ref (response->body);
}

static void
test_users_deterministic (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RingsideDemoServer) other = ringside_demo_server_new ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) resized = NULL;
  Fixture other_fixture = { other, fixture->session };
  g_autoptr(GError) error = NULL;

  ringside_demo_server_set_sizes (fixture->server, 4, 1000);
  ringside_demo_server_set_sizes (other, 4, 1000);
  g_assert_true (ringside_demo_server_start (other, &error));
  g_assert_no_error (error);

  first = fetch_users_bytes (fixture, "?flatten=true");
  second = fetch_users_bytes (&other_fixture, "?flatten=true");
  g_assert_true (g_bytes_equal (first, second));

  ringside_demo_server_set_sizes (fixture->server, 4, 999);
  resized = fetch_users_bytes (fixture, "?flatten=true");
  g_assert_false (g_bytes_equal (first, resized));
  g_assert_cmpuint (ringside_demo_server_get_n_users (fixture->server, FALSE), ==, 999);
  g_assert_cmpuint (ringside_demo_server_get_n_accounts (fixture->server), ==, 5);

  ringside_demo_server_stop (other);
}

static void
test_users_edge_sizes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  const guint sizes[] = { 0, 1, 2, 3, 14 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(JsonNode) flat = NULL;
      g_autoptr(JsonNode) nested = NULL;
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      ringside_demo_server_set_sizes (fixture->server, i, sizes[i]);
      flat = get_users (fixture, token, "?flatten=true");
      nested = get_users (fixture, token, "?flatten=false");
      g_assert_cmpuint (json_array_get_length (json_node_get_array (flat)), ==, sizes[i]);
      collect_nested (json_node_get_array (nested), "", ids);
      g_assert_cmpuint (ids->len, ==, sizes[i]);
    }
}

static guint
count_occurrences (GBytes     *bytes,
                   const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end = data + size;
  gsize needle_len = strlen (needle);
  guint count = 0;

  for (const char *p = data; (p = g_strstr_len (p, end - p, needle)) != NULL; p += needle_len)
    count++;

  return count;
}

/* 100k users: built once, served from the cache; no timing is asserted here (see bench/). */
static void
test_users_large (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) flat = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) nested = NULL;

  ringside_demo_server_set_sizes (fixture->server, 40, 100000);
  flat = fetch_users_bytes (fixture, "?flatten=true&activeOnly=false");
  g_assert_cmpuint (count_occurrences (flat, "\"userId\":"), ==, 100000);
  g_assert_cmpuint (ringside_demo_server_get_n_users (fixture->server, FALSE), ==, 100000);

  again = fetch_users_bytes (fixture, "?flatten=true&activeOnly=false");
  g_assert_true (g_bytes_equal (flat, again));

  nested = fetch_users_bytes (fixture, "?flatten=false&activeOnly=true");
  g_assert_cmpuint (count_occurrences (nested, "\"userId\":"), ==,
                    ringside_demo_server_get_n_users (fixture->server, TRUE));
  g_assert_cmpuint (count_occurrences (nested, "\"enabled\":false"), ==, 0);
}

typedef struct
{
  RingsideDemoFault  fault;
  guint              status;
  const char        *content_type;
} SimpleFault;

static void
test_fault_statuses (Fixture       *fixture,
                     gconstpointer  data)
{
  static const SimpleFault faults[] = {
    { RINGSIDE_DEMO_FAULT_UNAUTHORIZED, 401, "application/json" },
    { RINGSIDE_DEMO_FAULT_TOKEN_EXPIRED, 401, "text/plain" },
    { RINGSIDE_DEMO_FAULT_FORBIDDEN, 403, "application/json" },
    { RINGSIDE_DEMO_FAULT_SERVER_ERROR, 500, "application/json" },
    { RINGSIDE_DEMO_FAULT_UNAVAILABLE, 503, "text/html" },
    { RINGSIDE_DEMO_FAULT_RATE_LIMITED, 429, "application/json" },
    { RINGSIDE_DEMO_FAULT_HTML, 200, "text/html" },
    { RINGSIDE_DEMO_FAULT_EMPTY, 200, "application/json" },
    { RINGSIDE_DEMO_FAULT_MALFORMED, 200, "application/json" },
  };
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(Response) response = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      ringside_demo_server_set_fault (fixture->server, ACCOUNTS_PATH, faults[i].fault, 0, 1);
      response = get_with_token (fixture, ACCOUNTS_PATH, token);
      g_assert_no_error (response->error);
      g_assert_cmpuint (response->status, ==, faults[i].status);
      assert_content_type (response, faults[i].content_type);

      switch (faults[i].fault)
        {
        case RINGSIDE_DEMO_FAULT_UNAUTHORIZED:
        case RINGSIDE_DEMO_FAULT_FORBIDDEN:
        case RINGSIDE_DEMO_FAULT_SERVER_ERROR:
        case RINGSIDE_DEMO_FAULT_RATE_LIMITED:
          assert_ringcx_error (response, faults[i].status);
          break;
        case RINGSIDE_DEMO_FAULT_TOKEN_EXPIRED:
          assert_token_expired (response);
          break;
        case RINGSIDE_DEMO_FAULT_UNAVAILABLE:
        case RINGSIDE_DEMO_FAULT_HTML:
          g_assert_nonnull (strstr (body_text (response), "<html"));
          break;
        case RINGSIDE_DEMO_FAULT_EMPTY:
          g_assert_cmpuint (g_bytes_get_size (response->body), ==, 0);
          break;
        case RINGSIDE_DEMO_FAULT_MALFORMED:
          node = parse_json (response, &error);
          g_assert_null (node);
          g_assert_nonnull (error);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* Each fault took one request: the next one is normal. */
  {
    g_autoptr(Response) response = get_with_token (fixture, ACCOUNTS_PATH, token);

    g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  }
}

static void
test_fault_rate_limited (Fixture       *fixture,
                         gconstpointer  data)
{
  Response *response;

  ringside_demo_server_set_fault (fixture->server, REFRESH_PATH,
                                  RINGSIDE_DEMO_FAULT_RATE_LIMITED, 7, 1);
  ringside_demo_server_set_fault (fixture->server, REFRESH_PATH,
                                  RINGSIDE_DEMO_FAULT_RATE_LIMITED, 0, 1);

  response = refresh (fixture, "whatever");
  g_assert_cmpuint (response->status, ==, 429);
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Retry-After"), ==, "7");
  response_free (response);

  response = refresh (fixture, "whatever");
  g_assert_cmpuint (response->status, ==, 429);
  g_assert_null (soup_message_headers_get_one (response->headers, "Retry-After"));
  response_free (response);
}

static void
test_fault_truncated (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autoptr(GBytes) full = fetch_users_bytes (fixture, "?flatten=true");
  g_autofree char *refresh_token = NULL;
  g_autofree char *access_token = sign_in (fixture, &refresh_token);
  g_autoptr(Response) response = NULL;
  g_autoptr(Response) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gsize size;
  const char *data_full = g_bytes_get_data (full, NULL);

  ringside_demo_server_set_fault (fixture->server, USERS_PATH, RINGSIDE_DEMO_FAULT_TRUNCATED,
                                  0, 1);
  response = get_with_token (fixture, USERS_PATH "?flatten=true", token);
  g_assert_no_error (response->error);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  size = g_bytes_get_size (response->body);
  g_assert_cmpuint (size, ==, g_bytes_get_size (full) / 2);
  g_assert_cmpint (soup_message_headers_get_content_length (response->headers), ==, size);
  g_assert_cmpmem (g_bytes_get_data (response->body, NULL), size, data_full, size);
  node = parse_json (response, &error);
  g_assert_null (node);
  g_assert_true (error != NULL && error->domain == JSON_PARSER_ERROR);

  /* A truncated refresh answer rotates nothing. */
  ringside_demo_server_set_fault (fixture->server, REFRESH_PATH, RINGSIDE_DEMO_FAULT_TRUNCATED,
                                  0, 1);
  session = refresh (fixture, refresh_token);
  g_assert_cmpuint (session->status, ==, SOUP_STATUS_OK);
  g_assert_true (g_str_has_prefix (body_text (session), "{\""));
  g_assert_true (ringside_demo_server_is_refresh_token_valid (fixture->server, refresh_token));
  g_assert_cmpstr (ringside_demo_server_get_latest_refresh_token (fixture->server), ==,
                   refresh_token);
}

static void
test_fault_wrong_type (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autofree char *refresh_token = NULL;
  g_autofree char *access_token = sign_in (fixture, &refresh_token);
  g_autoptr(Response) session = NULL;
  g_autoptr(Response) users = NULL;
  g_autoptr(JsonNode) session_node = NULL;
  g_autoptr(JsonNode) users_node = NULL;
  JsonNode *member;
  JsonArray *array;

  ringside_demo_server_set_fault (fixture->server, REFRESH_PATH, RINGSIDE_DEMO_FAULT_WRONG_TYPE,
                                  0, 1);
  session = refresh (fixture, refresh_token);
  g_assert_cmpuint (session->status, ==, SOUP_STATUS_OK);
  session_node = parse_json_ok (session);
  member = json_object_get_member (json_node_get_object (session_node), "accessToken");
  g_assert_nonnull (member);
  g_assert_cmpint (json_node_get_value_type (member), ==, G_TYPE_INT64);
  g_assert_true (ringside_demo_server_is_refresh_token_valid (fixture->server, refresh_token));

  ringside_demo_server_set_fault (fixture->server, USERS_PATH, RINGSIDE_DEMO_FAULT_WRONG_TYPE,
                                  0, 1);
  users = get_with_token (fixture, USERS_PATH, token);
  users_node = parse_json_ok (users);
  array = json_node_get_array (users_node);
  g_assert_cmpuint (json_array_get_length (array), >, 0);
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, 0)), ==,
                   G_TYPE_STRING);
}

static void
on_request_done (SoupServer        *server,
                 SoupServerMessage *msg,
                 gboolean          *done)
{
  *done = TRUE;
}

static void
test_fault_delay (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autoptr(SoupSession) impatient = soup_session_new_with_options ("timeout", 1, NULL);
  SoupServer *soup_server = ringside_demo_server_get_soup_server (fixture->server);
  g_autoptr(Response) slow = NULL;
  g_autoptr(Response) abandoned = NULL;
  g_autoptr(Response) after = NULL;
  g_autoptr(Response) too_slow = NULL;
  g_autoptr(JsonNode) node = NULL;
  gboolean done = FALSE;
  gulong finished_id;
  gulong aborted_id;

  ringside_demo_server_set_fault (fixture->server, ACCOUNTS_PATH, RINGSIDE_DEMO_FAULT_DELAY,
                                  50, 1);
  slow = get_with_token (fixture, ACCOUNTS_PATH, token);
  g_assert_cmpuint (slow->status, ==, SOUP_STATUS_OK);
  node = parse_json_ok (slow);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 13);

  /* The answer to a client that gave up goes nowhere, harmlessly. */
  ringside_demo_server_set_fault (fixture->server, ACCOUNTS_PATH, RINGSIDE_DEMO_FAULT_DELAY,
                                  2500, 1);
  abandoned = send_on (impatient, fixture, "GET", ACCOUNTS_PATH, NULL, NULL);
  g_assert_error (abandoned->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  finished_id = g_signal_connect (soup_server, "request-finished",
                                  G_CALLBACK (on_request_done), &done);
  aborted_id = g_signal_connect (soup_server, "request-aborted",
                                 G_CALLBACK (on_request_done), &done);
  ringside_test_wait_for (&done, 30);
  g_signal_handler_disconnect (soup_server, finished_id);
  g_signal_handler_disconnect (soup_server, aborted_id);
  after = get_with_token (fixture, ACCOUNTS_PATH, token);
  g_assert_cmpuint (after->status, ==, SOUP_STATUS_OK);

  /* Slower than the client waits: the delay is real. The server stops with it pending. */
  ringside_demo_server_set_fault (fixture->server, ACCOUNTS_PATH, RINGSIDE_DEMO_FAULT_DELAY,
                                  60000, 1);
  too_slow = send_on (impatient, fixture, "GET", ACCOUNTS_PATH, NULL, NULL);
  g_assert_error (too_slow->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
}

static void
test_fault_hang (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SoupSession) impatient = soup_session_new_with_options ("timeout", 1, NULL);
  g_autoptr(Response) hung = NULL;
  g_autoptr(Response) after = NULL;

  ringside_demo_server_set_fault (fixture->server, NULL, RINGSIDE_DEMO_FAULT_HANG, 0, 1);
  hung = send_on (impatient, fixture, "POST", EXCHANGE_PATH, NULL, EXCHANGE_FORM);
  g_assert_error (hung->error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_null (ringside_demo_server_get_latest_refresh_token (fixture->server));

  after = send (fixture, "POST", EXCHANGE_PATH, NULL, EXCHANGE_FORM);
  g_assert_cmpuint (after->status, ==, SOUP_STATUS_OK);
}

static void
test_fault_disconnect (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *refresh_token = NULL;
  g_autofree char *access_token = sign_in (fixture, &refresh_token);
  g_autoptr(SoupSession) fresh = soup_session_new ();
  g_autoptr(Response) dropped = NULL;
  g_autoptr(Response) after = NULL;

  /* A new connection, so that libsoup cannot blame a stale keep-alive and retry. */
  ringside_demo_server_set_fault (fixture->server, REFRESH_PATH,
                                  RINGSIDE_DEMO_FAULT_DISCONNECT, 0, 1);
  dropped = send_on (fresh, fixture, "POST", REFRESH_PATH, NULL,
                     "refresh_token=x&rcTokenType=Bearer");
  g_assert_nonnull (dropped->error);
  g_assert_true (dropped->error->domain == G_IO_ERROR);
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, REFRESH_PATH), ==, 1);

  after = refresh (fixture, refresh_token);
  g_assert_cmpuint (after->status, ==, SOUP_STATUS_OK);
}

static void
test_fault_matching (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  const guint expected[] = { 200, 200, 500, 500, 200 };
  Response *response;

  /* Only the exact path meets the fault. */
  ringside_demo_server_set_fault (fixture->server, USERS_PATH, RINGSIDE_DEMO_FAULT_FORBIDDEN,
                                  0, 1);
  assert_ok (get_with_token (fixture, ACCOUNTS_PATH, token));
  response = get_with_token (fixture, USERS_PATH "?flatten=true", token);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_FORBIDDEN);
  response_free (response);

  /* Rules apply in order; NONE lets requests through first. */
  ringside_demo_server_set_fault (fixture->server, ACCOUNTS_PATH, RINGSIDE_DEMO_FAULT_NONE,
                                  0, 2);
  ringside_demo_server_set_fault (fixture->server, ACCOUNTS_PATH,
                                  RINGSIDE_DEMO_FAULT_SERVER_ERROR, 0, 2);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      response = get_with_token (fixture, ACCOUNTS_PATH, token);
      g_assert_cmpuint (response->status, ==, expected[i]);
      response_free (response);
    }

  /* NULL matches any path, and clear_faults() forgets the rest. */
  ringside_demo_server_set_fault (fixture->server, NULL, RINGSIDE_DEMO_FAULT_UNAVAILABLE, 0, 5);
  response = send (fixture, "POST", EXCHANGE_PATH, NULL, EXCHANGE_FORM);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_SERVICE_UNAVAILABLE);
  response_free (response);
  response = get_with_token (fixture, USERS_PATH, token);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_SERVICE_UNAVAILABLE);
  response_free (response);
  ringside_demo_server_clear_faults (fixture->server);
  assert_ok (get_with_token (fixture, USERS_PATH, token));
}

static void
test_fault_refresh_not_rotated (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *refresh_token = NULL;
  g_autofree char *access_token = sign_in (fixture, &refresh_token);
  const RingsideDemoFault faults[] = {
    RINGSIDE_DEMO_FAULT_SERVER_ERROR, RINGSIDE_DEMO_FAULT_UNAVAILABLE,
    RINGSIDE_DEMO_FAULT_MALFORMED, RINGSIDE_DEMO_FAULT_EMPTY, RINGSIDE_DEMO_FAULT_HTML,
    RINGSIDE_DEMO_FAULT_UNAUTHORIZED,
  };
  g_autoptr(Response) response = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(Response) faulted = NULL;

      ringside_demo_server_set_fault (fixture->server, REFRESH_PATH, faults[i], 0, 1);
      faulted = refresh (fixture, refresh_token);
      g_assert_no_error (faulted->error);
      g_assert_true (ringside_demo_server_is_refresh_token_valid (fixture->server,
                                                                  refresh_token));
    }

  response = refresh (fixture, refresh_token);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  g_assert_false (ringside_demo_server_is_refresh_token_valid (fixture->server, refresh_token));
}

static void
on_custom_path (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  soup_server_message_set_status (msg, SOUP_STATUS_ACCEPTED, NULL);
}

static void
test_requests_recorded (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autofree char *authorization = bearer (token);
  GPtrArray *requests = ringside_demo_server_get_requests (fixture->server);
  const RingsideDemoRequest *request;
  Response *response;

  g_assert_cmpuint (requests->len, ==, 0);

  response = send (fixture, "POST", EXCHANGE_PATH "?includeRefresh=true", NULL, EXCHANGE_FORM);
  response_free (response);
  response = send (fixture, "GET", USERS_PATH "?flatten=true&activeOnly=false",
                   authorization, NULL);
  response_free (response);
  response = send (fixture, "DELETE", LOGOUT_PATH "abc%2Bdef", NULL, NULL);
  response_free (response);

  soup_server_add_handler (ringside_demo_server_get_soup_server (fixture->server), "/custom",
                           on_custom_path, NULL, NULL);
  response = send (fixture, "GET", "/custom", NULL, NULL);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_ACCEPTED);
  response_free (response);

  g_assert_cmpuint (requests->len, ==, 4);
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, NULL), ==, 4);
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, EXCHANGE_PATH), ==, 1);
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, "/custom"), ==, 1);
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, ACCOUNTS_PATH), ==, 0);

  request = g_ptr_array_index (requests, 0);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (request->path, ==, EXCHANGE_PATH);
  g_assert_cmpstr (g_hash_table_lookup (request->query, "includeRefresh"), ==, "true");
  g_assert_cmpstr (g_hash_table_lookup (request->form, "rcAccessToken"), ==,
                   RINGSIDE_DEMO_RC_ACCESS_TOKEN);
  g_assert_cmpstr (g_hash_table_lookup (request->form, "rcTokenType"), ==, "Bearer");
  g_assert_null (request->authorization);

  request = g_ptr_array_index (requests, 1);
  g_assert_cmpstr (request->method, ==, "GET");
  g_assert_cmpstr (request->path, ==, USERS_PATH);
  g_assert_cmpstr (g_hash_table_lookup (request->query, "flatten"), ==, "true");
  g_assert_cmpstr (g_hash_table_lookup (request->query, "activeOnly"), ==, "false");
  g_assert_cmpuint (g_hash_table_size (request->form), ==, 0);
  g_assert_cmpstr (request->authorization, ==, authorization);

  request = g_ptr_array_index (requests, 2);
  g_assert_cmpstr (request->method, ==, "DELETE");
  g_assert_cmpstr (request->path, ==, LOGOUT_PATH "abc+def");
  g_assert_cmpuint (g_hash_table_size (request->query), ==, 0);

  ringside_demo_server_clear_requests (fixture->server);
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, NULL), ==, 0);
}

/* The contact centre */

#define CC_ACCOUNTS_PREFIX ACCOUNTS_PATH "/"
#define AUDIT_SEARCH_PATH  "/voice/api/v1/admin/auditLogs/search"
#define USER_SET_ACTIVE    USERS_PATH "/%d/setIsActive"

static Response *
send_json (Fixture    *fixture,
           const char *method,
           const char *path_and_query,
           const char *access_token,
           const char *json)
{
  g_autofree char *authorization = bearer (access_token);

  return send_body (fixture->session, fixture, method, path_and_query, authorization,
                    "application/json", json);
}

/* GET @path of the first sub-account (the big one), which must answer 200 with an array. */
static JsonNode *
get_array (Fixture    *fixture,
           const char *token,
           const char *path_and_query)
{
  g_autoptr(Response) response = get_with_token (fixture, path_and_query, token);
  JsonNode *node;

  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  assert_content_type (response, "application/json");
  node = parse_json_ok (response);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return node;
}

static char *
cc_path (Fixture    *fixture,
         guint       account,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static char *
cc_path (Fixture    *fixture,
         guint       account,
         const char *format,
         ...)
{
  g_autofree char *id = ringside_demo_server_get_account_id (fixture->server, account);
  g_autofree char *rest = NULL;
  va_list args;

  va_start (args, format);
  rest = g_strdup_vprintf (format, args);
  va_end (args);
  return g_strconcat (CC_ACCOUNTS_PREFIX, id, rest, NULL);
}

static void
assert_ringcx_date (JsonObject *object,
                    const char *name)
{
  const char *text = json_object_get_string_member (object, name);

  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), ==, strlen ("2021-03-04T10:00:00.000+0000"));
  g_assert_true (g_str_has_suffix (text, "+0000"));
  g_assert_cmpint (text[10], ==, 'T');
}

static void
test_cc_agents (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autofree char *account_id = ringside_demo_server_get_account_id (fixture->server, 1);
  g_autofree char *path = cc_path (fixture, 1, "/agentGroups?page=0&maxRows=100");
  g_autoptr(GArray) ids = NULL;
  g_autoptr(JsonNode) groups = NULL;
  guint n_agents = 0, n_inactive = 0, n_supervisors = 0;
  JsonArray *array;

  ringside_demo_server_set_contact_centre_size (fixture->server, 6, 400);
  ids = ringside_demo_server_get_agent_group_ids (fixture->server, account_id);
  g_assert_cmpuint (ids->len, ==, 6);

  groups = get_array (fixture, token, path);
  array = json_node_get_array (groups);
  g_assert_cmpuint (json_array_get_length (array), ==, 6);

  for (guint g = 0; g < json_array_get_length (array); g++)
    {
      JsonObject *group = json_array_get_object_element (array, g);
      gint64 group_id = json_object_get_int_member (group, "agentGroupId");
      g_autofree char *agents_path = NULL;
      g_autoptr(JsonNode) agents = NULL;

      g_assert_cmpint (group_id, ==, g_array_index (ids, gint32, g));
      g_assert_nonnull (json_object_get_string_member (group, "groupName"));
      g_assert_cmpstr (json_object_get_string_member (group, "accountId"), ==, account_id);
      g_assert_cmpint (json_object_get_boolean_member (group, "isDefault"), ==, g == 0);

      agents_path = cc_path (fixture, 1, "/agentGroups/%" G_GINT64_FORMAT "/agents", group_id);
      agents = get_array (fixture, token, agents_path);
      for (guint a = 0; a < json_array_get_length (json_node_get_array (agents)); a++)
        {
          JsonObject *agent = json_array_get_object_element (json_node_get_array (agents), a);
          const char *type = json_object_get_string_member (agent, "agentType");
          JsonObject *regional = json_object_get_object_member (agent, "regionalSettings");

          g_assert_cmpint (json_object_get_int_member (agent, "agentId"), >, 0);
          g_assert_cmpint (json_object_get_int_member (agent, "agentGroupId"), ==, group_id);
          g_assert_nonnull (json_object_get_string_member (agent, "firstName"));
          g_assert_nonnull (json_object_get_string_member (agent, "lastName"));
          g_assert_nonnull (strchr (json_object_get_string_member (agent, "username"), '@'));
          g_assert_nonnull (json_object_get_string_member (agent, "email"));
          g_assert_nonnull (json_object_get_string_member (agent, "externalAgentId"));
          g_assert_true (g_strv_contains ((const char * const[]) { "AGENT", "SUPERVISOR",
                                                                   "MULTI_SUPERVISOR",
                                                                   "MULTI_USER", NULL },
                                          type));
          assert_ringcx_date (agent, "createdOn");
          g_assert_true (json_object_has_member (agent, "rcUserId"));
          g_assert_nonnull (json_object_get_string_member (regional, "timeFormat"));
          g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (agent, "agentGroup")));
          g_assert_cmpint (json_object_get_int_member (agent, "maxChats"), >=, 0);
          g_assert_nonnull (json_object_get_string_member (agent, "ghostRnaAction"));
          g_assert_true (json_object_get_size (agent) >= 30);

          /* The secrets RingCX sends, marked for the hygiene tests. */
          g_assert_true (g_str_has_prefix (json_object_get_string_member (agent, "password"),
                                           RINGSIDE_DEMO_SECRET_MARKER));
          g_assert_true (g_str_has_prefix (json_object_get_string_member (agent,
                                                                          "phoneLoginPin"),
                                           RINGSIDE_DEMO_SECRET_MARKER));
          g_assert_true (g_str_has_prefix (json_object_get_string_member (agent, "sipPassword"),
                                           RINGSIDE_DEMO_SECRET_MARKER));

          n_agents++;
          if (!json_object_get_boolean_member (agent, "isActive"))
            n_inactive++;
          if (strcmp (type, "AGENT") != 0)
            n_supervisors++;
        }
    }

  g_assert_cmpuint (n_agents, ==, 400);
  g_assert_cmpuint (ringside_demo_server_get_n_agents (fixture->server, account_id), ==, 400);
  g_assert_cmpuint (n_inactive, >, 0);
  g_assert_cmpuint (n_supervisors, >, 0);
}

/* The default big account is made well within the time a first request may take. */
static void
test_cc_generation (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RingsideDemoServer) other = ringside_demo_server_new ();
  g_autofree char *account_id = ringside_demo_server_get_account_id (fixture->server, 1);
  g_autofree char *small_id = ringside_demo_server_get_account_id (fixture->server, 3);
  g_autofree char *main_id = ringside_demo_server_get_account_id (fixture->server, 0);
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  g_assert_cmpuint (ringside_demo_server_get_n_agents (fixture->server, account_id), ==, 20000);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("20,000 agents generated in %" G_GINT64_FORMAT " µs", elapsed);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);

  /* The biggest group's agents, written on first request. */
  {
    g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
    g_autoptr(GArray) ids = ringside_demo_server_get_agent_group_ids (fixture->server,
                                                                      account_id);
    g_autofree char *path = cc_path (fixture, 1, "/agentGroups/%d/agents",
                                     g_array_index (ids, gint32, 1));
    g_autoptr(JsonNode) agents = NULL;

    start = g_get_monotonic_time ();
    agents = get_array (fixture, token, path);
    g_test_message ("%u agents served in %" G_GINT64_FORMAT " µs",
                    json_array_get_length (json_node_get_array (agents)),
                    g_get_monotonic_time () - start);
  }

  g_assert_cmpuint (ringside_demo_server_get_n_gates (fixture->server, account_id), ==, 300);
  g_assert_cmpuint (ringside_demo_server_get_n_campaigns (fixture->server, account_id), ==, 200);
  g_assert_cmpuint (ringside_demo_server_get_n_agents (fixture->server, small_id), <, 100);
  g_assert_cmpuint (ringside_demo_server_get_n_agents (fixture->server, small_id), >, 0);
  g_assert_cmpuint (ringside_demo_server_get_n_agents (fixture->server, main_id), ==, 0);
  g_assert_null (ringside_demo_server_get_agent_group_ids (fixture->server, "42"));

  /* Another server, the accounts asked for in another order: the same data. */
  g_assert_cmpuint (ringside_demo_server_get_n_agents (other, small_id), ==,
                    ringside_demo_server_get_n_agents (fixture->server, small_id));
  g_assert_cmpuint (ringside_demo_server_get_n_gates (other, small_id), ==,
                    ringside_demo_server_get_n_gates (fixture->server, small_id));
}

/* Reads a paged list to its end the way RingCX clients must: until a page comes back
 * shorter than asked. Returns the number of rows; @n_children counts their @children. */
static guint
read_pages (Fixture    *fixture,
            const char *token,
            const char *path,
            guint       max_rows,
            const char *children,
            guint      *n_children,
            guint      *n_pages)
{
  guint total = 0;

  *n_pages = 0;
  for (guint page = 0;; page++)
    {
      g_autofree char *url = g_strdup_printf ("%s?page=%u&maxRows=%u", path, page, max_rows);
      g_autoptr(JsonNode) node = get_array (fixture, token, url);
      JsonArray *array = json_node_get_array (node);
      guint length = json_array_get_length (array);

      (*n_pages)++;
      total += length;
      for (guint i = 0; children != NULL && i < length; i++)
        *n_children += json_array_get_length (
          json_object_get_array_member (json_array_get_object_element (array, i), children));
      if (length < max_rows)
        break;
      g_assert_cmpuint (page, <, 1000);
    }

  return total;
}

static void
test_cc_paging (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autofree char *account_id = ringside_demo_server_get_account_id (fixture->server, 1);
  g_autofree char *groups_path = cc_path (fixture, 1, "/gateGroups/withChildren");
  g_autofree char *dial_path = cc_path (fixture, 1, "/dialGroups/withChildren");
  g_autofree char *bad = NULL;
  g_autoptr(JsonNode) unpaged = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) beyond = NULL;
  guint n_gates = 0, n_campaigns = 0, n_pages;
  JsonObject *gate;

  g_assert_cmpuint (read_pages (fixture, token, groups_path, 100, "gates", &n_gates, &n_pages),
                    ==, 30);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_cmpuint (n_gates, ==, ringside_demo_server_get_n_gates (fixture->server,
                                                                   account_id));

  /* A server that serves 7 rows whatever maxRows asks: a short page is not the end unless
   * it is shorter than the server's own size, so clients read until an empty page. */
  ringside_demo_server_set_page_limit (fixture->server, 7);
  first = get_array (fixture, token, groups_path);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (first)), ==, 7);
  gate = json_array_get_object_element (
    json_object_get_array_member (json_array_get_object_element (json_node_get_array (first), 0),
                                  "gates"), 0);
  g_assert_cmpint (json_object_get_int_member (gate, "gateId"), >, 0);
  g_assert_cmpint (json_object_get_int_member (gate, "gateGroupId"), ==,
                   json_object_get_int_member (json_array_get_object_element (
                     json_node_get_array (first), 0), "gateGroupId"));
  g_assert_nonnull (json_object_get_string_member (gate, "gateName"));
  g_assert_true (json_object_has_member (gate, "gateDesc"));
  g_assert_true (json_object_has_member (gate, "gatePriority"));
  g_assert_true (json_object_has_member (gate, "gateOpen"));
  g_assert_true (json_object_has_member (gate, "isActive"));

  n_gates = 0;
  g_assert_cmpuint (read_pages (fixture, token, groups_path, 7, "gates", &n_gates, &n_pages),
                    ==, 30);
  g_assert_cmpuint (n_pages, ==, 5);
  g_assert_cmpuint (n_gates, ==, 300);
  g_assert_cmpuint (read_pages (fixture, token, dial_path, 7, "campaigns", &n_campaigns,
                                &n_pages), ==, 15);
  g_assert_cmpuint (n_campaigns, ==, 200);
  ringside_demo_server_set_page_limit (fixture->server, 0);

  /* Without paging parameters: page 0 of 100 rows. */
  unpaged = get_array (fixture, token, groups_path);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (unpaged)), ==, 30);
  bad = g_strconcat (groups_path, "?page=99&maxRows=10", NULL);
  beyond = get_array (fixture, token, bad);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (beyond)), ==, 0);
  g_clear_pointer (&bad, g_free);

  bad = g_strconcat (groups_path, "?page=-1", NULL);
  assert_fails (SOUP_STATUS_BAD_REQUEST, get_with_token (fixture, bad, token));
  g_clear_pointer (&bad, g_free);
  bad = g_strconcat (groups_path, "?maxRows=0", NULL);
  assert_fails (SOUP_STATUS_BAD_REQUEST, get_with_token (fixture, bad, token));
}

static void
test_cc_not_found (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autofree char *main_groups = cc_path (fixture, 0, "/agentGroups");
  g_autofree char *unknown_group = cc_path (fixture, 1, "/agentGroups/7/agents");
  g_autofree char *unknown_gate = cc_path (fixture, 1, "/gateGroups/52100/gates/1");
  g_autofree char *set_active = cc_path (fixture, 1, "/gateGroups/52100/gates/72000/setIsActive");
  g_autoptr(JsonNode) empty = get_array (fixture, token, main_groups);
  Response *response;

  g_assert_cmpuint (json_array_get_length (json_node_get_array (empty)), ==, 0);

  assert_fails (SOUP_STATUS_NOT_FOUND,
                get_with_token (fixture, CC_ACCOUNTS_PREFIX "99999999/agentGroups", token));
  assert_fails (SOUP_STATUS_NOT_FOUND, get_with_token (fixture, unknown_group, token));
  assert_fails (SOUP_STATUS_NOT_FOUND, get_with_token (fixture, unknown_gate, token));
  assert_fails (SOUP_STATUS_METHOD_NOT_ALLOWED, get_with_token (fixture, set_active, token));
  response = send (fixture, "GET", main_groups, NULL, NULL);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_UNAUTHORIZED);
  response_free (response);
}

/* The audit entries of @account_id in the last day, newest first. */
static JsonNode *
search_audit (Fixture    *fixture,
              const char *token,
              const char *account_id,
              const char *extra)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -100);
  g_autoptr(GDateTime) end = g_date_time_add_days (now, 1);
  g_autofree char *start_text = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S.000+00:00");
  g_autofree char *end_text = g_date_time_format (end, "%Y-%m-%dT%H:%M:%S.000-08:00");
  g_autofree char *json = g_strdup_printf ("{\"accountId\":\"%s\",\"startDateTime\":\"%s\","
                                           "\"endDateTime\":\"%s\"%s}", account_id,
                                           start_text, end_text, extra);
  g_autoptr(Response) response = send_json (fixture, "PUT", AUDIT_SEARCH_PATH, token, json);

  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  return parse_json_ok (response);
}

static void
test_cc_agent_put (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autofree char *account_id = ringside_demo_server_get_account_id (fixture->server, 2);
  g_autoptr(GArray) ids = ringside_demo_server_get_agent_group_ids (fixture->server, account_id);
  g_autofree char *agents_path = cc_path (fixture, 2, "/agentGroups/%d/agents",
                                          g_array_index (ids, gint32, 0));
  g_autoptr(JsonNode) agents = get_array (fixture, token, agents_path);
  JsonObject *agent = json_array_get_object_element (json_node_get_array (agents), 0);
  gint64 agent_id = json_object_get_int_member (agent, "agentId");
  g_autofree char *agent_path = g_strdup_printf ("%s/%" G_GINT64_FORMAT, agents_path, agent_id);
  g_autofree char *other_path = g_strdup_printf ("%s/%" G_GINT64_FORMAT, agents_path,
                                                 agent_id + 1);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) audit = NULL;
  g_autofree char *json = NULL;
  JsonObject *entry, *change;
  Response *response;

  json_object_set_string_member (agent, "firstName", "Renamed");
  json_object_set_int_member (agent, "x-ringside-unknown", 42);
  json = json_to_string (json_array_get_element (json_node_get_array (agents), 0), FALSE);

  response = send_json (fixture, "PUT", agent_path, token, json);
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  g_assert_nonnull (strstr (body_text (response), "x-ringside-unknown"));
  response_free (response);

  after = get_json (fixture, token, agent_path);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (after), "firstName"),
                   ==, "Renamed");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (after),
                                               "x-ringside-unknown"), ==, 42);

  list = get_array (fixture, token, agents_path);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_node_get_array (list), 0), "firstName"),
                   ==, "Renamed");

  /* Another agent's path, an array, not JSON: 400. */
  assert_fails (SOUP_STATUS_BAD_REQUEST, send_json (fixture, "PUT", other_path, token, json));
  assert_fails (SOUP_STATUS_BAD_REQUEST, send_json (fixture, "PUT", agent_path, token, "[1,2]"));
  assert_fails (SOUP_STATUS_BAD_REQUEST,
                send_json (fixture, "PUT", agent_path, token, "{\"agentId\":"));
  assert_fails (SOUP_STATUS_METHOD_NOT_ALLOWED,
                send_json (fixture, "DELETE", agent_path, token, "{}"));

  audit = search_audit (fixture, token, account_id, "");
  entry = json_array_get_object_element (json_node_get_array (audit), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "actionType"), ==, "UPDATE");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (entry, "auditedClass"),
                                   ".Agent"));
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (entry, "authUser"), "userName"), ==,
                   "dana.whitfield@northwind.example");
  g_assert_cmpstr (json_object_get_string_member (entry, "accountId"), ==, account_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry,
                                                                         "auditLogResultList")),
                    ==, 2);
  change = json_array_get_object_element (json_object_get_array_member (entry,
                                                                        "auditLogResultList"),
                                          0);
  g_assert_cmpstr (json_object_get_string_member (change, "attributeName"), ==, "firstName");
  g_assert_cmpstr (json_object_get_string_member (change, "newValue"), ==, "Renamed");
  assert_ringcx_date (entry, "createTimeAsDateTime");
}

static void
test_cc_campaigns (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autofree char *dial_path = cc_path (fixture, 1, "/dialGroups?maxRows=100");
  g_autoptr(JsonNode) groups = get_array (fixture, token, dial_path);
  JsonObject *group = json_array_get_object_element (json_node_get_array (groups), 0);
  gint64 group_id = json_object_get_int_member (group, "dialGroupId");
  g_autofree char *campaigns_path = cc_path (fixture, 1, "/dialGroups/%" G_GINT64_FORMAT
                                             "/campaigns", group_id);
  g_autoptr(JsonNode) campaigns = get_array (fixture, token, campaigns_path);
  JsonObject *campaign = json_array_get_object_element (json_node_get_array (campaigns), 0);
  gint64 campaign_id = json_object_get_int_member (campaign, "campaignId");
  g_autofree char *campaign_path = g_strdup_printf ("%s/%" G_GINT64_FORMAT, campaigns_path,
                                                    campaign_id);
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *json = NULL;

  g_assert_nonnull (json_object_get_string_member (group, "dialGroupName"));
  g_assert_true (g_strv_contains ((const char * const[]) { "PREVIEW", "CLICK_TO_TALK",
                                                           "PREDICTIVE", "POWER",
                                                           "TCPA_SAFE_MODE", NULL },
                                  json_object_get_string_member (group, "dialMode")));
  g_assert_false (json_object_has_member (group, "campaigns"));
  json_object_get_boolean_member (group, "isActive");

  g_assert_nonnull (json_object_get_string_member (campaign, "campaignName"));
  g_assert_cmpint (json_object_get_int_member (campaign, "dialGroupId"), ==, group_id);
  /* A number, as in RingCX's spec. */
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (campaign, "isActive")), ==,
                   G_TYPE_INT64);
  g_assert_true (json_object_has_member (campaign, "campaignPriority"));
  assert_ringcx_date (campaign, "startDate");
  g_assert_true (json_object_has_member (campaign, "endDate"));

  json_object_set_int_member (campaign, "isActive", 0);
  json_object_set_string_member (campaign, "x-ringside-unknown", "kept");
  json = json_to_string (json_array_get_element (json_node_get_array (campaigns), 0), FALSE);
  assert_ok (send_json (fixture, "PUT", campaign_path, token, json));
  after = get_json (fixture, token, campaign_path);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (after),
                                                  "x-ringside-unknown"), ==, "kept");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (after), "isActive"), ==, 0);
}

static void
test_cc_gate_set_active (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autofree char *account_id = ringside_demo_server_get_account_id (fixture->server, 1);
  g_autofree char *groups_path = cc_path (fixture, 1, "/gateGroups/withChildren");
  g_autoptr(JsonNode) groups = get_array (fixture, token, groups_path);
  JsonObject *group = json_array_get_object_element (json_node_get_array (groups), 0);
  JsonArray *gates = json_object_get_array_member (group, "gates");
  JsonObject *gate = NULL;
  g_autofree char *gate_path = NULL;
  g_autofree char *set_path = NULL;
  g_autofree char *filter = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) audit = NULL;
  JsonObject *entry, *change;
  Response *response;
  guint index;

  for (guint i = 0; i < json_array_get_length (gates) && gate == NULL; i++)
    if (json_object_get_boolean_member (json_array_get_object_element (gates, i), "isActive"))
      gate = json_array_get_object_element (gates, i);
  g_assert_nonnull (gate);

  gate_path = cc_path (fixture, 1, "/gateGroups/%" G_GINT64_FORMAT "/gates/%" G_GINT64_FORMAT,
                       json_object_get_int_member (group, "gateGroupId"),
                       json_object_get_int_member (gate, "gateId"));
  set_path = g_strconcat (gate_path, "/setIsActive", NULL);

  assert_fails (SOUP_STATUS_BAD_REQUEST,
                send_json (fixture, "PUT", set_path, token, "{\"isActive\":\"no\"}"));

  response = send_json (fixture, "PUT", set_path, token, "{\"isActive\":false}");
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (body_text (response), ==, "true");
  response_free (response);

  after = get_json (fixture, token, gate_path);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (after), "isActive"));
  g_assert_false (json_object_get_boolean_member (json_node_get_object (after), "gateOpen"));
  filter = g_strdup_printf (",\"searchEntities\":[\"Gate\"],\"auditedEntityId\":\"%"
                            G_GINT64_FORMAT "\"", json_object_get_int_member (gate, "gateId"));
  index = json_object_get_int_member (gate, "gateId") -
          json_object_get_int_member (json_array_get_object_element (gates, 0), "gateId");
  g_clear_pointer (&groups, json_node_unref);
  groups = get_array (fixture, token, groups_path);
  g_assert_false (json_object_get_boolean_member (
    json_array_get_object_element (json_object_get_array_member (
      json_array_get_object_element (json_node_get_array (groups), 0), "gates"), index),
    "isActive"));

  audit = search_audit (fixture, token, account_id, filter);
  entry = json_array_get_object_element (json_node_get_array (audit), 0);
  change = json_array_get_object_element (json_object_get_array_member (entry,
                                                                        "auditLogResultList"),
                                          0);
  g_assert_cmpstr (json_object_get_string_member (change, "attributeName"), ==, "isActive");
  g_assert_cmpstr (json_object_get_string_member (change, "originalValue"), ==, "true");
  g_assert_cmpstr (json_object_get_string_member (change, "newValue"), ==, "false");
}

static void
test_cc_user_set_active (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autofree char *main_id = ringside_demo_server_get_account_id (fixture->server, 0);
  g_autoptr(JsonNode) users = get_array (fixture, token, USERS_PATH "?flatten=true");
  JsonArray *array = json_node_get_array (users);
  guint n_active = ringside_demo_server_get_n_users (fixture->server, TRUE);
  JsonObject *user = json_array_get_object_element (array, json_array_get_length (array) - 1);
  gint64 user_id = json_object_get_int_member (user, "userId");
  g_autofree char *path = g_strdup_printf (USER_SET_ACTIVE, (int) user_id);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) audit = NULL;
  gboolean was_enabled = json_object_get_boolean_member (user, "enabled");
  Response *response;

  response = send_json (fixture, "PUT", path, token,
                        was_enabled ? "{\"isActive\":false}" : "{\"isActive\":true}");
  g_assert_cmpuint (response->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (body_text (response), ==, "true");
  response_free (response);

  g_assert_cmpuint (ringside_demo_server_get_n_users (fixture->server, TRUE), ==,
                    was_enabled ? n_active - 1 : n_active + 1);
  after = get_array (fixture, token, USERS_PATH "?flatten=true");
  array = json_node_get_array (after);
  user = json_array_get_object_element (array, json_array_get_length (array) - 1);
  g_assert_cmpint (json_object_get_int_member (user, "userId"), ==, user_id);
  g_assert_cmpint (json_object_get_boolean_member (user, "enabled"), ==, !was_enabled);

  audit = search_audit (fixture, token, main_id, ",\"searchEntities\":[\"User\"]");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (audit)), ==, 1);

  assert_fails (SOUP_STATUS_NOT_FOUND,
                send_json (fixture, "PUT", USERS_PATH "/1/setIsActive", token,
                           "{\"isActive\":true}"));
}

static void
test_cc_audit_search (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autofree char *account_id = ringside_demo_server_get_account_id (fixture->server, 1);
  g_autoptr(JsonNode) all = search_audit (fixture, token, account_id, "");
  g_autoptr(JsonNode) updates = search_audit (fixture, token, account_id,
                                              ",\"auditActions\":[\"CREATE\"]");
  g_autoptr(JsonNode) ascending = search_audit (fixture, token, account_id,
                                                ",\"ascOrDesc\":\"ASCENDING\"");
  JsonArray *array = json_node_get_array (all);
  gint64 previous = G_MAXINT64;

  g_assert_cmpuint (json_array_get_length (array), >=, 250);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);
      gint64 time = json_object_get_int_member (entry, "createTime");

      g_assert_cmpint (time, <=, previous);
      previous = time;
      g_assert_nonnull (json_object_get_string_member (entry, "id"));
      g_assert_nonnull (json_object_get_string_member (entry, "auditedEntityId"));
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (entry, "authUser")));
    }
  g_assert_cmpuint (json_array_get_length (json_node_get_array (updates)), >, 0);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (updates)), <,
                    json_array_get_length (array));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_node_get_array (ascending), 0), "createTime"), ==, previous);

  /* RingCX refuses a "Z" and wants the account. */
  assert_fails (SOUP_STATUS_BAD_REQUEST,
                send_json (fixture, "PUT", AUDIT_SEARCH_PATH, token,
                           "{\"accountId\":\"15800001\",\"startDateTime\":\"2025-11-20T00:00:00Z\","
                           "\"endDateTime\":\"2025-12-03T23:59:00.228Z\"}"));
  assert_fails (SOUP_STATUS_BAD_REQUEST,
                send_json (fixture, "PUT", AUDIT_SEARCH_PATH, token,
                           "{\"startDateTimeAsUnix\":1,\"endDateTimeAsUnix\":2}"));
}

static void
test_cc_faults (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *token = ringside_demo_server_issue_access_token (fixture->server);
  g_autofree char *account_id = ringside_demo_server_get_account_id (fixture->server, 2);
  g_autofree char *forbidden = cc_path (fixture, 1, "/gateGroups/withChildren");
  g_autofree char *allowed = cc_path (fixture, 2, "/gateGroups/withChildren");
  g_autofree char *page_fault = g_strconcat (allowed, "?page=1", NULL);
  g_autofree char *page0 = g_strconcat (allowed, "?maxRows=1&page=0", NULL);
  g_autofree char *page1 = g_strconcat (allowed, "?maxRows=1&page=1", NULL);
  g_autoptr(GArray) ids = ringside_demo_server_get_agent_group_ids (fixture->server, account_id);
  g_autofree char *slow = cc_path (fixture, 2, "/agentGroups/%d/agents",
                                   g_array_index (ids, gint32, 0));
  g_autoptr(JsonNode) ok = NULL;
  gint64 start;

  ringside_demo_server_set_fault (fixture->server, forbidden, RINGSIDE_DEMO_FAULT_FORBIDDEN, 0,
                                  1);
  assert_fails (SOUP_STATUS_FORBIDDEN, get_with_token (fixture, forbidden, token));
  ok = get_array (fixture, token, allowed);
  g_clear_pointer (&ok, json_node_unref);

  /* One page of a list fails; the others do not. */
  ringside_demo_server_set_fault (fixture->server, page_fault, RINGSIDE_DEMO_FAULT_SERVER_ERROR,
                                  0, 1);
  ok = get_array (fixture, token, page0);
  assert_fails (SOUP_STATUS_INTERNAL_SERVER_ERROR, get_with_token (fixture, page1, token));
  g_clear_pointer (&ok, json_node_unref);
  ok = get_array (fixture, token, page1);
  g_clear_pointer (&ok, json_node_unref);

  /* A slow group. */
  ringside_demo_server_set_fault (fixture->server, slow, RINGSIDE_DEMO_FAULT_DELAY, 300, 1);
  start = g_get_monotonic_time ();
  ok = get_array (fixture, token, slow);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * 1000);
  g_clear_pointer (&ok, json_node_unref);

  /* Agents with members of the wrong types. */
  ringside_demo_server_set_fault (fixture->server, slow, RINGSIDE_DEMO_FAULT_WRONG_TYPE, 0, 1);
  ok = get_array (fixture, token, slow);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (
                     json_array_get_object_element (json_node_get_array (ok), 0), "agentId")),
                   ==, G_TYPE_STRING);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo-server/start-stop", test_start_stop);
  ADD_TEST ("/demo-server/platform/jwt-flow", test_platform_jwt_flow);
  ADD_TEST ("/demo-server/platform/rejects", test_platform_rejects);
  ADD_TEST ("/demo-server/exchange/shape", test_exchange_shape);
  ADD_TEST ("/demo-server/exchange/rejects", test_exchange_rejects);
  ADD_TEST ("/demo-server/exchange/limit", test_exchange_limit);
  ADD_TEST ("/demo-server/refresh/rotation", test_refresh_rotation);
  ADD_TEST ("/demo-server/refresh/rejects", test_refresh_rejects);
  ADD_TEST ("/demo-server/logout", test_logout);
  ADD_TEST ("/demo-server/bearer/expired", test_bearer_expired);
  ADD_TEST ("/demo-server/bearer/rejects", test_bearer_rejects);
  ADD_TEST ("/demo-server/accounts", test_accounts);
  ADD_TEST ("/demo-server/users/forms", test_users_forms);
  ADD_TEST ("/demo-server/users/deterministic", test_users_deterministic);
  ADD_TEST ("/demo-server/users/edge-sizes", test_users_edge_sizes);
  ADD_TEST ("/demo-server/users/large", test_users_large);
  ADD_TEST ("/demo-server/faults/statuses", test_fault_statuses);
  ADD_TEST ("/demo-server/faults/rate-limited", test_fault_rate_limited);
  ADD_TEST ("/demo-server/faults/truncated", test_fault_truncated);
  ADD_TEST ("/demo-server/faults/wrong-type", test_fault_wrong_type);
  ADD_TEST ("/demo-server/faults/delay", test_fault_delay);
  ADD_TEST ("/demo-server/faults/hang", test_fault_hang);
  ADD_TEST ("/demo-server/faults/disconnect", test_fault_disconnect);
  ADD_TEST ("/demo-server/faults/matching", test_fault_matching);
  ADD_TEST ("/demo-server/faults/refresh-not-rotated", test_fault_refresh_not_rotated);
  ADD_TEST ("/demo-server/requests", test_requests_recorded);
  ADD_TEST ("/demo-server/contact-centre/agents", test_cc_agents);
  ADD_TEST ("/demo-server/contact-centre/generation", test_cc_generation);
  ADD_TEST ("/demo-server/contact-centre/paging", test_cc_paging);
  ADD_TEST ("/demo-server/contact-centre/not-found", test_cc_not_found);
  ADD_TEST ("/demo-server/contact-centre/agent-put", test_cc_agent_put);
  ADD_TEST ("/demo-server/contact-centre/campaigns", test_cc_campaigns);
  ADD_TEST ("/demo-server/contact-centre/gate-set-active", test_cc_gate_set_active);
  ADD_TEST ("/demo-server/contact-centre/user-set-active", test_cc_user_set_active);
  ADD_TEST ("/demo-server/contact-centre/audit-search", test_cc_audit_search);
  ADD_TEST ("/demo-server/contact-centre/faults", test_cc_faults);

  return g_test_run ();
}
