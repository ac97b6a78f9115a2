/* test-session.c
 *
 * The token lifecycle against the demo server (a real SoupServer on 127.0.0.1 playing RingCX
 * and the RingCentral platform) and a real gnome-keyring on a private bus. Every test asserts
 * on what the server received and on what the keyring holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <gio/gunixsocketaddress.h>

#include "ringside-demo-server.h"
#include "ringside-error.h"
#include "ringside-session-private.h"
#include "ringside-test-utils.h"

#define EXCHANGE_PATH "/api/auth/login/rc/accesstoken"
#define REFRESH_PATH  "/api/auth/token/refresh"
#define ACCOUNTS_PATH "/voice/api/v1/admin/accounts"
#define PLATFORM_PATH "/restapi/oauth/token"
#define USERS_PATH    "/voice/api/v1/admin/users"

typedef struct
{
  RingsideDemoServer *server;
  RingsideSession    *session;
} Fixture;

static void
add_secret (GPtrArray  *secrets,
            const char *value)
{
  if (value != NULL && strlen (value) >= 8)
    g_ptr_array_add (secrets, g_strdup (value));
}

/* Every credential that crossed the wire: what the client sent and what the server issued. */
static GPtrArray *
collect_secrets (RingsideDemoServer *server)
{
  GPtrArray *secrets = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *requests = ringside_demo_server_get_requests (server);

  for (guint i = 0; i < requests->len; i++)
    {
      const RingsideDemoRequest *request = g_ptr_array_index (requests, i);
      const char *forms[] = { "rcAccessToken", "refresh_token", "assertion" };

      for (guint j = 0; j < G_N_ELEMENTS (forms); j++)
        add_secret (secrets, g_hash_table_lookup (request->form, forms[j]));
      if (request->authorization != NULL && strchr (request->authorization, ' ') != NULL)
        add_secret (secrets, strchr (request->authorization, ' ') + 1);
      if (g_str_has_prefix (request->path, "/api/auth/logout/"))
        add_secret (secrets, request->path + strlen ("/api/auth/logout/"));
    }
  add_secret (secrets, ringside_demo_server_get_latest_refresh_token (server));
  add_secret (secrets, RINGSIDE_DEMO_CLIENT_SECRET);

  return secrets;
}

static void
assert_log_clean (RingsideDemoServer *server)
{
  g_autoptr(GPtrArray) secrets = collect_secrets (server);
  g_autofree char *log = ringside_test_log_dup ();

  for (guint i = 0; i < secrets->len; i++)
    if (strstr (log, g_ptr_array_index (secrets, i)) != NULL)
      g_error ("A credential reached the log");

  /* Account secrets from the API never get read, so never logged either. */
  g_assert_null (strstr (log, RINGSIDE_DEMO_SECRET_MARKER));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = ringside_demo_server_new ();
  ringside_demo_server_set_sizes (fixture->server, 5, 40);
  g_assert_true (ringside_demo_server_start (fixture->server, &error));
  g_assert_no_error (error);

  fixture->session = ringside_session_new (ringside_demo_server_get_url (fixture->server),
                                           ringside_demo_server_get_url (fixture->server),
                                           NULL, NULL);
  ringside_session_set_retry_delays (fixture->session, 50, 400);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  assert_log_clean (fixture->server);
  g_clear_object (&fixture->session);
  ringside_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
}

/* Helpers */

/* The refresh token that the server issued last. */
static const char *
latest_token (Fixture *fixture)
{
  return ringside_demo_server_get_latest_refresh_token (fixture->server);
}

static void
assert_state (RingsideSession      *session,
              RingsideSessionState  state)
{
  g_assert_cmpint (ringside_session_get_state (session), ==, state);
}

/* What the keyring holds for the fixture's server, read directly. */
static char *
keyring_token (Fixture *fixture)
{
  return ringside_test_keyring_lookup (ringside_demo_server_get_url (fixture->server));
}

static void
assert_keyring_holds (Fixture    *fixture,
                      const char *expected)
{
  g_autofree char *stored = keyring_token (fixture);

  g_assert_cmpstr (stored, ==, expected);
}

/* The keyring is cleared asynchronously after a rejection: wait for it, bounded. */
static void
wait_keyring_empty (Fixture *fixture)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *stored = keyring_token (fixture);

      if (stored == NULL)
        return;
      ringside_test_run_for (25);
    }
  g_error ("The keyring item was never cleared");
}

static void
sign_in_ok (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ringside_test_sign_in (fixture->session, RINGSIDE_DEMO_RC_ACCESS_TOKEN, &error));
  g_assert_no_error (error);
  assert_state (fixture->session, RINGSIDE_SESSION_STATE_SIGNED_IN);
}

static const RingsideDemoRequest *
last_request (Fixture    *fixture,
              const char *path)
{
  GPtrArray *requests = ringside_demo_server_get_requests (fixture->server);

  for (guint i = requests->len; i > 0; i--)
    {
      const RingsideDemoRequest *request = g_ptr_array_index (requests, i - 1);

      if (g_str_equal (request->path, path))
        return request;
    }

  g_error ("The server never received %s", path);
  return NULL;
}

static void
wait_for_state (RingsideSession      *session,
                RingsideSessionState  state)
{
  for (guint i = 0; i < 400 && ringside_session_get_state (session) != state; i++)
    ringside_test_run_for (25);

  assert_state (session, state);
}

static void
assert_requests (Fixture    *fixture,
                 const char *path,
                 guint       count)
{
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, path), ==, count);
}

static void
wait_for_requests (Fixture    *fixture,
                   const char *path,
                   guint       count)
{
  for (guint i = 0; i < 800 && ringside_demo_server_count_requests (fixture->server, path) < count;
       i++)
    ringside_test_run_for (25);

  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, path), >=, count);
}

/* A request works on @session. */
static void
fetch_accounts_ok (RingsideSession *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = ringside_test_fetch (session, ACCOUNTS_PATH, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
}

/* A refresh works, and the keyring holds the token it brought. */
static void
refresh_ok (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ringside_test_refresh (fixture->session, &error));
  g_assert_no_error (error);
  assert_keyring_holds (fixture, latest_token (fixture));
}

/* Trouble on the way: the session is OFFLINE for @code, and keeps @token, which the server
 * still accepts. */
static void
assert_offline_kept (Fixture    *fixture,
                     int         code,
                     const char *token)
{
  assert_state (fixture->session, RINGSIDE_SESSION_STATE_OFFLINE);
  g_assert_error (ringside_session_get_last_error (fixture->session), RINGSIDE_ERROR, code);
  assert_keyring_holds (fixture, token);
  g_assert_true (ringside_demo_server_is_refresh_token_valid (fixture->server, token));
}

/* Sign-in */

static void
test_exchange_request_shape (Fixture       *fixture,
                             gconstpointer  data)
{
  const RingsideDemoRequest *request;

  sign_in_ok (fixture);

  assert_requests (fixture, EXCHANGE_PATH, 1);
  request = last_request (fixture, EXCHANGE_PATH);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (g_hash_table_lookup (request->query, "includeRefresh"), ==, "true");
  g_assert_cmpstr (g_hash_table_lookup (request->form, "rcAccessToken"), ==,
                   RINGSIDE_DEMO_RC_ACCESS_TOKEN);
  g_assert_cmpstr (g_hash_table_lookup (request->form, "rcTokenType"), ==, "Bearer");
  /* The RC token travels in the body, never in the URL. */
  g_assert_null (g_hash_table_lookup (request->query, "rcAccessToken"));

  assert_keyring_holds (fixture, latest_token (fixture));
  g_assert_nonnull (ringside_session_get_user_display_name (fixture->session));
  g_assert_nonnull (ringside_session_get_main_account_id (fixture->session));
  g_assert_null (ringside_session_get_keyring_error (fixture->session));
}

static void
test_exchange_rejected (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ringside_test_sign_in (fixture->session, "not-a-token-ringcentral-knows",
                                         &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED);
  assert_state (fixture->session, RINGSIDE_SESSION_STATE_SIGNED_OUT);
  /* The token must not be echoed in the message. */
  g_assert_null (strstr (error->message, "not-a-token-ringcentral-knows"));

  assert_keyring_holds (fixture, NULL);
}

static void
test_empty_token_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ringside_test_sign_in (fixture->session, "   ", &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT);
  assert_requests (fixture, NULL, 0);
}

static void
test_exchange_bad_bodies (Fixture       *fixture,
                          gconstpointer  data)
{
  const RingsideDemoFault faults[] = {
    RINGSIDE_DEMO_FAULT_HTML, RINGSIDE_DEMO_FAULT_EMPTY, RINGSIDE_DEMO_FAULT_TRUNCATED,
    RINGSIDE_DEMO_FAULT_MALFORMED, RINGSIDE_DEMO_FAULT_WRONG_TYPE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GError) error = NULL;

      ringside_demo_server_set_fault (fixture->server, EXCHANGE_PATH, faults[i], 0, 1);
      g_assert_false (ringside_test_sign_in (fixture->session, RINGSIDE_DEMO_RC_ACCESS_TOKEN,
                                             &error));
      g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
      assert_state (fixture->session, RINGSIDE_SESSION_STATE_SIGNED_OUT);
      assert_keyring_holds (fixture, NULL);
    }

  /* And the next, healthy answer signs in. */
  sign_in_ok (fixture);
}

static void
test_exchange_rate_limited (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  ringside_demo_server_set_fault (fixture->server, EXCHANGE_PATH,
                                  RINGSIDE_DEMO_FAULT_RATE_LIMITED, 60, 1);
  g_assert_false (ringside_test_sign_in (fixture->session, RINGSIDE_DEMO_RC_ACCESS_TOKEN, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_RATE_LIMITED);
  g_assert_cmpuint (ringside_error_get_retry_after (error), ==, 60);
}

static void
test_jwt_flow (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_basic = NULL;
  g_autofree char *credentials = NULL;
  g_autofree char *encoded = NULL;
  const RingsideDemoRequest *platform;
  const RingsideDemoRequest *exchange;
  const char *jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl";
  GAsyncResult *pending = NULL;

  ringside_session_sign_in_with_jwt_async (fixture->session, RINGSIDE_DEMO_CLIENT_ID,
                                           RINGSIDE_DEMO_CLIENT_SECRET, jwt, NULL,
                                           ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);
  g_assert_true (ringside_session_sign_in_with_jwt_finish (fixture->session, result, &error));
  g_assert_no_error (error);

  credentials = g_strconcat (RINGSIDE_DEMO_CLIENT_ID, ":", RINGSIDE_DEMO_CLIENT_SECRET, NULL);
  encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  expected_basic = g_strconcat ("Basic ", encoded, NULL);

  platform = last_request (fixture, PLATFORM_PATH);
  g_assert_cmpstr (platform->method, ==, "POST");
  g_assert_cmpstr (platform->authorization, ==, expected_basic);
  g_assert_cmpstr (g_hash_table_lookup (platform->form, "grant_type"), ==,
                   "urn:ietf:params:oauth:grant-type:jwt-bearer");
  g_assert_cmpstr (g_hash_table_lookup (platform->form, "assertion"), ==, jwt);

  /* The exchange used the token the platform issued. */
  exchange = last_request (fixture, EXCHANGE_PATH);
  g_assert_nonnull (g_hash_table_lookup (exchange->form, "rcAccessToken"));
  g_assert_cmpstr (g_hash_table_lookup (exchange->form, "rcAccessToken"), !=,
                   RINGSIDE_DEMO_RC_ACCESS_TOKEN);
  assert_keyring_holds (fixture, latest_token (fixture));
}

static void
test_jwt_wrong_secret (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *pending = NULL;

  ringside_session_sign_in_with_jwt_async (fixture->session, RINGSIDE_DEMO_CLIENT_ID,
                                           "wrong-secret-value", "a.b.c", NULL,
                                           ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);
  g_assert_false (ringside_session_sign_in_with_jwt_finish (fixture->session, result, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, "wrong-secret-value"));
  assert_requests (fixture, EXCHANGE_PATH, 0);
}

static void
test_insecure_server_refused (void)
{
  g_autoptr(RingsideSession) session = ringside_session_new ("http://ringcx.example.com",
                                                             "https://platform.example.com",
                                                             NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *pending = NULL;

  ringside_session_sign_in_with_token_async (session, "some-token", NULL,
                                             ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);
  g_assert_false (ringside_session_sign_in_with_token_finish (session, result, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INSECURE_URL);
  assert_state (session, RINGSIDE_SESSION_STATE_SIGNED_OUT);
}

/* Refresh */

static void
test_refresh_from_timeout (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) issued = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *requests;
  guint refreshes = 0;

  ringside_demo_server_set_token_lifetime (fixture->server, 2);
  /* Renewal at 80 % of 2 s, without the floor that production keeps. */
  ringside_session_set_renew_floor (fixture->session, 0);
  sign_in_ok (fixture);
  g_ptr_array_add (issued, g_strdup (latest_token (fixture)));

  /* Nobody calls refresh: the session's own timeout must, three times over. */
  for (guint round = 1; round <= 3; round++)
    {
      wait_for_requests (fixture, REFRESH_PATH, round);
      wait_for_state (fixture->session, RINGSIDE_SESSION_STATE_SIGNED_IN);
      /* The keyring holds the token the server issued last, once it is saved. */
      for (guint i = 0; i < 200; i++)
        {
          g_autofree char *stored = keyring_token (fixture);

          if (g_strcmp0 (stored, latest_token (fixture)) == 0)
            break;
          ringside_test_run_for (10);
        }
      assert_keyring_holds (fixture, latest_token (fixture));
      g_ptr_array_add (issued, g_strdup (latest_token (fixture)));
    }

  /* Each refresh sent the token issued just before it, and no token was sent twice. */
  requests = ringside_demo_server_get_requests (fixture->server);
  for (guint i = 0; i < requests->len; i++)
    {
      const RingsideDemoRequest *request = g_ptr_array_index (requests, i);
      const char *sent;

      if (!g_str_equal (request->path, REFRESH_PATH) || refreshes >= 3)
        continue;

      sent = g_hash_table_lookup (request->form, "refresh_token");
      g_assert_cmpstr (sent, ==, g_ptr_array_index (issued, refreshes));
      g_assert_cmpstr (g_hash_table_lookup (request->form, "rcTokenType"), ==, "Bearer");
      g_assert_false (ringside_demo_server_is_refresh_token_valid (fixture->server, sent));
      refreshes++;
    }
  g_assert_cmpuint (refreshes, ==, 3);
}

static void
on_json_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  guint *remaining = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  root = ringside_session_fetch_json_finish (RINGSIDE_SESSION (source), result, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  (*remaining)--;
}

static void
test_concurrent_expired_single_refresh (Fixture       *fixture,
                                        gconstpointer  data)
{
  guint remaining = 3;
  gboolean done = FALSE;

  sign_in_ok (fixture);
  ringside_demo_server_expire_access_tokens (fixture->server);
  ringside_demo_server_clear_requests (fixture->server);

  for (guint i = 0; i < 3; i++)
    ringside_session_fetch_json_async (fixture->session, ACCOUNTS_PATH, NULL, on_json_done,
                                       &remaining);

  while (!done)
    {
      g_main_context_iteration (NULL, TRUE);
      done = remaining == 0;
    }

  assert_requests (fixture, REFRESH_PATH, 1);
  /* Three met "Jwt is expired", three were retried with the renewed token. */
  assert_requests (fixture, ACCOUNTS_PATH, 6);
  assert_keyring_holds (fixture, latest_token (fixture));
}

static void
on_signed_out_count (RingsideSession *session,
                     const GError    *reason,
                     gpointer         user_data)
{
  guint *count = user_data;

  (*count)++;
}

/* The users endpoint answers 401 to every call: the one refresh succeeds and rotates the
 * token, the retry meets 401 again. That request fails; nothing else does. */
static void
test_second_unauthorized_fails_request_only (Fixture       *fixture,
                                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) users = NULL;
  g_autoptr(JsonNode) accounts = NULL;
  g_autofree char *before = NULL;
  guint signed_out = 0;

  sign_in_ok (fixture);
  before = g_strdup (latest_token (fixture));
  g_signal_connect (fixture->session, "signed-out", G_CALLBACK (on_signed_out_count),
                    &signed_out);
  ringside_demo_server_set_fault (fixture->server, USERS_PATH,
                                  RINGSIDE_DEMO_FAULT_UNAUTHORIZED, 0, 1000);

  users = ringside_test_fetch (fixture->session, USERS_PATH "?flatten=true", &error);
  g_assert_null (users);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "even after renewing the session"));
  assert_requests (fixture, REFRESH_PATH, 1);
  assert_requests (fixture, USERS_PATH, 2);

  /* The session, the keyring and the other requests stay. */
  g_assert_cmpuint (signed_out, ==, 0);
  assert_state (fixture->session, RINGSIDE_SESSION_STATE_SIGNED_IN);
  g_assert_null (ringside_session_get_last_error (fixture->session));
  g_assert_cmpstr (latest_token (fixture), !=, before);
  assert_keyring_holds (fixture, latest_token (fixture));

  g_clear_error (&error);
  accounts = ringside_test_fetch (fixture->session, ACCOUNTS_PATH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (accounts);
  g_assert_cmpuint (signed_out, ==, 0);
}

static void
on_signed_out (RingsideSession *session,
               const GError    *reason,
               gpointer         user_data)
{
  GError **out = user_data;

  g_assert_null (*out);
  g_assert_nonnull (reason);
  *out = g_error_copy (reason);
}

static void
test_revoked_refresh_signs_out (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) reason = NULL;

  sign_in_ok (fixture);
  ringside_demo_server_revoke_refresh_tokens (fixture->server);
  g_signal_connect (fixture->session, "signed-out", G_CALLBACK (on_signed_out), &reason);

  g_assert_false (ringside_test_refresh (fixture->session, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_SESSION_REJECTED);
  g_assert_error (reason, RINGSIDE_ERROR, RINGSIDE_ERROR_SESSION_REJECTED);
  g_assert_nonnull (strstr (reason->message, "Sign in again"));
  assert_state (fixture->session, RINGSIDE_SESSION_STATE_SIGNED_OUT);
  wait_keyring_empty (fixture);
}

/* Restore */

/* Signs in and quits: the session of the next start of the app, on the same server. */
static RingsideSession *
sign_in_and_restart (Fixture *fixture)
{
  const char *url = ringside_demo_server_get_url (fixture->server);

  sign_in_ok (fixture);
  g_clear_object (&fixture->session);
  return ringside_session_new (url, url, NULL, NULL);
}

static void
test_restore_without_exchange (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(RingsideSession) second = sign_in_and_restart (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (ringside_test_restore (second, &error));
  g_assert_no_error (error);
  assert_state (second, RINGSIDE_SESSION_STATE_SIGNED_IN);
  g_assert_nonnull (ringside_session_get_user_display_name (second));

  assert_requests (fixture, EXCHANGE_PATH, 1);
  assert_requests (fixture, REFRESH_PATH, 1);
  assert_keyring_holds (fixture, latest_token (fixture));

  fetch_accounts_ok (second);
}

static void
test_restore_nothing_stored (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ringside_test_restore (fixture->session, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NO_SESSION);
  assert_requests (fixture, NULL, 0);
  assert_state (fixture->session, RINGSIDE_SESSION_STATE_SIGNED_OUT);
}

static void
test_restore_revoked (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RingsideSession) second = sign_in_and_restart (fixture);
  g_autoptr(GError) error = NULL;

  ringside_demo_server_revoke_refresh_tokens (fixture->server);
  g_assert_false (ringside_test_restore (second, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_SESSION_REJECTED);
  assert_state (second, RINGSIDE_SESSION_STATE_SIGNED_OUT);
  g_assert_error (ringside_session_get_last_error (second), RINGSIDE_ERROR,
                  RINGSIDE_ERROR_SESSION_REJECTED);
  wait_keyring_empty (fixture);
}

/* Transient failures */

static void
test_offline_and_recovery (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  sign_in_ok (fixture);
  before = g_strdup (latest_token (fixture));

  /* The server drops the next three refresh connections. */
  ringside_demo_server_set_fault (fixture->server, REFRESH_PATH,
                                  RINGSIDE_DEMO_FAULT_DISCONNECT, 0, 3);
  g_assert_false (ringside_test_refresh (fixture->session, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NETWORK);
  /* Nothing is lost: the keyring still holds the token, which the server still accepts. */
  assert_offline_kept (fixture, RINGSIDE_ERROR_NETWORK, before);

  /* The backoff retries by itself until the server answers again. */
  wait_for_state (fixture->session, RINGSIDE_SESSION_STATE_SIGNED_IN);
  assert_requests (fixture, REFRESH_PATH, 4);
  g_assert_null (ringside_session_get_last_error (fixture->session));
  assert_keyring_holds (fixture, latest_token (fixture));
  g_assert_cmpstr (latest_token (fixture), !=, before);
}

static void
test_refresh_bad_bodies_keep_token (Fixture       *fixture,
                                    gconstpointer  data)
{
  const RingsideDemoFault faults[] = {
    RINGSIDE_DEMO_FAULT_SERVER_ERROR, RINGSIDE_DEMO_FAULT_UNAVAILABLE, RINGSIDE_DEMO_FAULT_HTML,
    RINGSIDE_DEMO_FAULT_EMPTY, RINGSIDE_DEMO_FAULT_TRUNCATED, RINGSIDE_DEMO_FAULT_MALFORMED,
    RINGSIDE_DEMO_FAULT_WRONG_TYPE,
  };
  g_autofree char *before = NULL;

  sign_in_ok (fixture);
  ringside_session_set_retry_delays (fixture->session, 60000, 60000);
  before = g_strdup (latest_token (fixture));

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GError) error = NULL;

      ringside_demo_server_set_fault (fixture->server, REFRESH_PATH, faults[i], 0, 1);
      g_assert_false (ringside_test_refresh (fixture->session, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == RINGSIDE_ERROR);
      assert_state (fixture->session, RINGSIDE_SESSION_STATE_OFFLINE);
      assert_keyring_holds (fixture, before);
    }

  /* "Retry" from the UI: the token kept is still good. */
  refresh_ok (fixture);
}

static void
test_rate_limited_refresh_waits (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sign_in_ok (fixture);
  ringside_demo_server_set_fault (fixture->server, REFRESH_PATH,
                                  RINGSIDE_DEMO_FAULT_RATE_LIMITED, 2, 1);

  g_assert_false (ringside_test_refresh (fixture->session, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_RATE_LIMITED);
  g_assert_cmpuint (ringside_error_get_retry_after (error), ==, 2);
  assert_state (fixture->session, RINGSIDE_SESSION_STATE_OFFLINE);

  /* The backoff alone would retry after 50 ms; Retry-After says 2 s. */
  ringside_test_run_for (1200);
  assert_requests (fixture, REFRESH_PATH, 1);

  wait_for_state (fixture->session, RINGSIDE_SESSION_STATE_SIGNED_IN);
  assert_requests (fixture, REFRESH_PATH, 2);
}

static void
test_refresh_timeout (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sign_in_ok (fixture);
  ringside_client_set_timeout (ringside_session_get_client (fixture->session), 1);
  ringside_session_set_retry_delays (fixture->session, 60000, 60000);
  ringside_demo_server_set_fault (fixture->server, REFRESH_PATH, RINGSIDE_DEMO_FAULT_HANG, 0, 1);

  g_assert_false (ringside_test_refresh (fixture->session, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TIMEOUT);
  assert_state (fixture->session, RINGSIDE_SESSION_STATE_OFFLINE);
  assert_keyring_holds (fixture, latest_token (fixture));
}

/* A 403 or 400 from the refresh endpoint, or a firewall's HTML page, is trouble on the way:
 * the token is kept, the session goes OFFLINE and says what happened. */

static void
on_refresh_bad_request (SoupServer        *server,
                        SoupServerMessage *msg,
                        const char        *path,
                        GHashTable        *query,
                        gpointer           user_data)
{
  static const char body[] = "{\"errorCode\":\"BAD_REQUEST\",\"generalMessage\":\"Bad request\"}";

  soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static void
test_refresh_refused_not_401_keeps_session (Fixture       *fixture,
                                            gconstpointer  data)
{
  const struct {
    RingsideDemoFault fault;
    int               code;
    const char       *message;
  } cases[] = {
    { RINGSIDE_DEMO_FAULT_FORBIDDEN_HTML, RINGSIDE_ERROR_FORBIDDEN, "Permission denied" },
    { RINGSIDE_DEMO_FAULT_FORBIDDEN, RINGSIDE_ERROR_FORBIDDEN, "Access is denied" },
    { RINGSIDE_DEMO_FAULT_NONE, RINGSIDE_ERROR_INVALID_INPUT, "Bad request" },
  };
  SoupServer *soup = ringside_demo_server_get_soup_server (fixture->server);
  g_autofree char *before = NULL;
  guint signed_out = 0;

  sign_in_ok (fixture);
  ringside_session_set_retry_delays (fixture->session, 60000, 60000);
  before = g_strdup (latest_token (fixture));
  g_signal_connect (fixture->session, "signed-out", G_CALLBACK (on_signed_out_count),
                    &signed_out);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      /* The demo server has no 400 fault: a handler of the test's own plays it. */
      if (cases[i].fault == RINGSIDE_DEMO_FAULT_NONE)
        soup_server_add_handler (soup, REFRESH_PATH, on_refresh_bad_request, NULL, NULL);
      else
        ringside_demo_server_set_fault (fixture->server, REFRESH_PATH, cases[i].fault, 0, 1);

      g_assert_false (ringside_test_refresh (fixture->session, &error));
      g_assert_error (error, RINGSIDE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      assert_offline_kept (fixture, cases[i].code, before);
      g_assert_cmpuint (signed_out, ==, 0);
    }
  soup_server_remove_handler (soup, REFRESH_PATH);

  /* Once the way is clear, the kept token renews the session. */
  refresh_ok (fixture);
}

/* Tokens of 1 s would have the session renew every 0.8 s; the floor keeps it at 30 s, and
 * only a 401 renews sooner. Counted over a window, not timed. */
static void
test_renewal_floor (Fixture       *fixture,
                    gconstpointer  data)
{
  ringside_demo_server_set_token_lifetime (fixture->server, 1);
  sign_in_ok (fixture);

  ringside_test_run_for (2500);
  assert_requests (fixture, REFRESH_PATH, 0);
  assert_state (fixture->session, RINGSIDE_SESSION_STATE_SIGNED_IN);

  /* The token has expired on the server: its 401 demands the renewal, and gets it. The new
   * token lives long enough for the retry even when the test runs slowly (valgrind). */
  ringside_demo_server_set_token_lifetime (fixture->server, 300);
  fetch_accounts_ok (fixture->session);
  assert_requests (fixture, REFRESH_PATH, 1);
  assert_requests (fixture, ACCOUNTS_PATH, 2);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} FetchOutcome;

static void
on_fetch_failed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  FetchOutcome *outcome = user_data;
  g_autoptr(JsonNode) root = NULL;

  root = ringside_session_fetch_json_finish (RINGSIDE_SESSION (source), result, &outcome->error);
  g_assert_null (root);
  outcome->done = TRUE;
}

/* The refresh answer comes one byte every 100 ms: no read ever times out, so only an
 * overall deadline ends it, for the refresh and for the request queued behind it. */
static void
test_refresh_overall_deadline (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  FetchOutcome queued = { 0 };
  g_autofree char *before = NULL;

  sign_in_ok (fixture);
  ringside_session_set_retry_delays (fixture->session, 60000, 60000);
  ringside_session_set_auth_deadline (fixture->session, 1000);
  before = g_strdup (latest_token (fixture));
  ringside_demo_server_set_fault (fixture->server, REFRESH_PATH, RINGSIDE_DEMO_FAULT_DRIP,
                                  100, 1);
  ringside_demo_server_expire_access_tokens (fixture->server);

  /* This request meets 401, then waits for the refresh. */
  ringside_session_fetch_json_async (fixture->session, ACCOUNTS_PATH, NULL, on_fetch_failed,
                                     &queued);
  wait_for_requests (fixture, REFRESH_PATH, 1);

  g_assert_false (ringside_test_refresh (fixture->session, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TIMEOUT);
  ringside_test_wait_for (&queued.done, 10);
  g_assert_error (queued.error, RINGSIDE_ERROR, RINGSIDE_ERROR_TIMEOUT);
  g_clear_error (&queued.error);

  assert_offline_kept (fixture, RINGSIDE_ERROR_TIMEOUT, before);
  assert_requests (fixture, REFRESH_PATH, 1);
}

/* Sign-out */

static void
test_sign_out (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *token = NULL;
  g_autofree char *logout_path = NULL;
  GAsyncResult *pending = NULL;

  sign_in_ok (fixture);
  token = g_strdup (latest_token (fixture));

  ringside_session_sign_out_async (fixture->session, NULL, ringside_test_store_result,
                                   &pending);
  assert_state (fixture->session, RINGSIDE_SESSION_STATE_SIGNED_OUT);
  result = ringside_test_wait_result (&pending, 30);
  g_assert_true (ringside_session_sign_out_finish (fixture->session, result, &error));
  g_assert_no_error (error);

  logout_path = g_strconcat ("/api/auth/logout/", token, NULL);
  assert_requests (fixture, logout_path, 1);
  g_assert_cmpstr (last_request (fixture, logout_path)->method, ==, "DELETE");
  g_assert_false (ringside_demo_server_is_refresh_token_valid (fixture->server, token));

  assert_keyring_holds (fixture, NULL);
  g_assert_null (ringside_session_get_user_display_name (fixture->session));

  root = ringside_test_fetch (fixture->session, ACCOUNTS_PATH, &error);
  g_assert_null (root);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NO_SESSION);
}

/* Keyring trouble: the session still works, in memory, and says why it won't be kept. */

static void
sign_in_without_keyring (Fixture *fixture)
{
  sign_in_ok (fixture);
  g_assert_error (ringside_session_get_keyring_error (fixture->session), RINGSIDE_ERROR,
                  RINGSIDE_ERROR_KEYRING);
  fetch_accounts_ok (fixture->session);
}

static void
test_keyring_unavailable (void)
{
  if (g_test_subprocess ())
    {
      Fixture fixture = { 0 };
      g_autoptr(GError) error = NULL;

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ringside-bus", TRUE);
      fixture_setup (&fixture, NULL);

      sign_in_without_keyring (&fixture);

      g_assert_true (ringside_test_refresh (fixture.session, &error));
      g_assert_no_error (error);

      fixture_teardown (&fixture, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A keyring that never answers (an unlock prompt nobody sees): after the bounded wait the
 * session carries on in memory and says so; sign-in and renewals do not stall. The "bus" is
 * a socket that listens and never accepts, so every keyring call waits forever. */
static void
test_keyring_stalled (void)
{
  if (g_test_subprocess ())
    {
      Fixture fixture = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocket) socket = NULL;
      g_autoptr(GSocketAddress) address = NULL;
      g_autofree char *dir = g_dir_make_tmp ("ringside-bus-XXXXXX", &error);
      g_autofree char *path = NULL;
      g_autofree char *bus = NULL;

      g_assert_no_error (error);
      path = g_build_filename (dir, "bus", NULL);
      socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, 0, &error);
      g_assert_no_error (error);
      address = g_unix_socket_address_new (path);
      g_assert_true (g_socket_bind (socket, address, TRUE, &error));
      g_socket_set_listen_backlog (socket, 16);
      g_assert_true (g_socket_listen (socket, &error));
      g_assert_no_error (error);
      bus = g_strconcat ("unix:path=", path, NULL);
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", bus, TRUE);

      fixture_setup (&fixture, NULL);
      ringside_session_set_keyring_wait (fixture.session, 300);

      sign_in_without_keyring (&fixture);
      g_assert_nonnull (strstr (ringside_session_get_keyring_error (fixture.session)->message,
                                "did not answer"));

      /* A renewal while the first save still hangs does not wait for the keyring at all. */
      g_assert_true (ringside_test_refresh (fixture.session, &error));
      g_assert_no_error (error);
      g_assert_true (ringside_test_refresh (fixture.session, &error));
      g_assert_no_error (error);
      assert_state (fixture.session, RINGSIDE_SESSION_STATE_SIGNED_IN);

      assert_log_clean (fixture.server);
      /* The session stays referenced by the save that never ends; the server goes. */
      ringside_demo_server_stop (fixture.server);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_keyring_locked (Fixture       *fixture,
                     gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SecretService) service = NULL;
      g_autoptr(SecretCollection) collection = NULL;
      GList *objects;

      service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
      g_assert_no_error (error);
      collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                     SECRET_COLLECTION_NONE, NULL, &error);
      g_assert_no_error (error);
      objects = g_list_append (NULL, collection);
      secret_service_lock_sync (service, objects, NULL, NULL, &error);
      g_list_free (objects);
      g_assert_no_error (error);

      sign_in_without_keyring (fixture);
      return;
    }

  /* In a child, since locking the collection would change the keyring for later tests. */
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_demo_session_not_persisted (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  ringside_session_set_persistent (fixture->session, FALSE);
  sign_in_ok (fixture);
  g_assert_true (ringside_test_refresh (fixture->session, &error));
  assert_keyring_holds (fixture, NULL);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  /* Debug output on, as a user reporting a bug would run it. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  /* Everything logged, at every level, so that teardown can prove no secret was in it. */
  ringside_test_log_capture (RINGSIDE_TEST_LOG_MESSAGES);

  g_test_init (&argc, &argv, NULL);

  ADD ("/session/exchange/request-shape", test_exchange_request_shape);
  ADD ("/session/exchange/rejected", test_exchange_rejected);
  ADD ("/session/exchange/empty-token", test_empty_token_refused);
  ADD ("/session/exchange/bad-bodies", test_exchange_bad_bodies);
  ADD ("/session/exchange/rate-limited", test_exchange_rate_limited);
  ADD ("/session/jwt/flow", test_jwt_flow);
  ADD ("/session/jwt/wrong-secret", test_jwt_wrong_secret);
  g_test_add_func ("/session/insecure-server", test_insecure_server_refused);
  ADD ("/session/refresh/from-timeout", test_refresh_from_timeout);
  ADD ("/session/refresh/concurrent-expired", test_concurrent_expired_single_refresh);
  ADD ("/session/refresh/second-401-fails-request-only",
       test_second_unauthorized_fails_request_only);
  ADD ("/session/refresh/not-401-keeps-session", test_refresh_refused_not_401_keeps_session);
  ADD ("/session/refresh/renewal-floor", test_renewal_floor);
  ADD ("/session/refresh/overall-deadline", test_refresh_overall_deadline);
  ADD ("/session/refresh/revoked", test_revoked_refresh_signs_out);
  ADD ("/session/refresh/offline-recovery", test_offline_and_recovery);
  ADD ("/session/refresh/bad-bodies-keep-token", test_refresh_bad_bodies_keep_token);
  ADD ("/session/refresh/rate-limited", test_rate_limited_refresh_waits);
  ADD ("/session/refresh/timeout", test_refresh_timeout);
  ADD ("/session/restore/without-exchange", test_restore_without_exchange);
  ADD ("/session/restore/nothing-stored", test_restore_nothing_stored);
  ADD ("/session/restore/revoked", test_restore_revoked);
  ADD ("/session/sign-out", test_sign_out);
  ADD ("/session/not-persistent", test_demo_session_not_persisted);
  /* Keyring tests last: the locked one locks the shared daemon's collection. */
  g_test_add_func ("/session/keyring/unavailable", test_keyring_unavailable);
  g_test_add_func ("/session/keyring/stalled", test_keyring_stalled);
  ADD ("/session/keyring/locked", test_keyring_locked);

  return g_test_run ();
}
