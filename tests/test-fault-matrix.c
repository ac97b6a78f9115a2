/* test-fault-matrix.c
 *
 * Every way a server can misbehave, against the real session, a real SoupServer on loopback
 * and a real gnome-keyring. For each: no crash, no hang, a specific message, and the keyring
 * holds the newest token the server accepts — or nothing, on purpose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "ringside-demo-server.h"
#include "ringside-error.h"
#include "ringside-session-private.h"
#include "ringside-test-utils.h"
#include "ringside-user.h"

#define EXCHANGE_PATH "/api/auth/login/rc/accesstoken"
#define REFRESH_PATH  "/api/auth/token/refresh"
#define ACCOUNTS_PATH "/voice/api/v1/admin/accounts"
#define USERS_PATH    "/voice/api/v1/admin/users"

typedef enum { PHASE_EXCHANGE, PHASE_DATA, PHASE_REFRESH } Phase;
typedef enum { KEYRING_EMPTY, KEYRING_NEWEST, KEYRING_CLEARED } KeyringOutcome;

typedef struct
{
  const char            *name;
  Phase                  phase;
  RingsideDemoFault      fault;
  guint                  argument;
  guint                  count;
  int                    code;      /* -1: the call succeeds */
  RingsideSessionState   state;
  KeyringOutcome         keyring;
  const char            *message;   /* a part of the message the user reads */
} FaultCase;

static const FaultCase cases[] = {
  { "exchange-401", PHASE_EXCHANGE, RINGSIDE_DEMO_FAULT_UNAUTHORIZED, 0, 1,
    RINGSIDE_ERROR_UNAUTHORIZED, RINGSIDE_SESSION_STATE_SIGNED_OUT, KEYRING_EMPTY,
    "did not accept" },
  { "exchange-500", PHASE_EXCHANGE, RINGSIDE_DEMO_FAULT_SERVER_ERROR, 0, 1,
    RINGSIDE_ERROR_SERVER, RINGSIDE_SESSION_STATE_SIGNED_OUT, KEYRING_EMPTY, "HTTP 500" },
  { "exchange-429", PHASE_EXCHANGE, RINGSIDE_DEMO_FAULT_RATE_LIMITED, 30, 1,
    RINGSIDE_ERROR_RATE_LIMITED, RINGSIDE_SESSION_STATE_SIGNED_OUT, KEYRING_EMPTY, "30 s" },
  { "exchange-html", PHASE_EXCHANGE, RINGSIDE_DEMO_FAULT_HTML, 0, 1,
    RINGSIDE_ERROR_BAD_RESPONSE, RINGSIDE_SESSION_STATE_SIGNED_OUT, KEYRING_EMPTY, "web page" },
  { "exchange-wrong-shape", PHASE_EXCHANGE, RINGSIDE_DEMO_FAULT_WRONG_TYPE, 0, 1,
    RINGSIDE_ERROR_BAD_RESPONSE, RINGSIDE_SESSION_STATE_SIGNED_OUT, KEYRING_EMPTY,
    "access token" },

  { "data-jwt-expired-once", PHASE_DATA, RINGSIDE_DEMO_FAULT_TOKEN_EXPIRED, 0, 1,
    -1, RINGSIDE_SESSION_STATE_SIGNED_IN, KEYRING_NEWEST, NULL },
  /* A renewed token refused too: that request fails, the session and the keyring stay. */
  { "data-401-twice", PHASE_DATA, RINGSIDE_DEMO_FAULT_UNAUTHORIZED, 0, 2,
    RINGSIDE_ERROR_FORBIDDEN, RINGSIDE_SESSION_STATE_SIGNED_IN, KEYRING_NEWEST,
    "even after renewing" },
  { "data-401-always", PHASE_DATA, RINGSIDE_DEMO_FAULT_UNAUTHORIZED, 0, 1000,
    RINGSIDE_ERROR_FORBIDDEN, RINGSIDE_SESSION_STATE_SIGNED_IN, KEYRING_NEWEST,
    "even after renewing" },
  { "data-403", PHASE_DATA, RINGSIDE_DEMO_FAULT_FORBIDDEN, 0, 1,
    RINGSIDE_ERROR_FORBIDDEN, RINGSIDE_SESSION_STATE_SIGNED_IN, KEYRING_NEWEST,
    "Permission denied" },
  { "data-500", PHASE_DATA, RINGSIDE_DEMO_FAULT_SERVER_ERROR, 0, 1,
    RINGSIDE_ERROR_SERVER, RINGSIDE_SESSION_STATE_SIGNED_IN, KEYRING_NEWEST, "HTTP 500" },
  { "data-html", PHASE_DATA, RINGSIDE_DEMO_FAULT_HTML, 0, 1,
    RINGSIDE_ERROR_BAD_RESPONSE, RINGSIDE_SESSION_STATE_SIGNED_IN, KEYRING_NEWEST, "web page" },
  { "data-truncated", PHASE_DATA, RINGSIDE_DEMO_FAULT_TRUNCATED, 0, 1,
    RINGSIDE_ERROR_BAD_RESPONSE, RINGSIDE_SESSION_STATE_SIGNED_IN, KEYRING_NEWEST,
    "not valid JSON" },
  { "data-429", PHASE_DATA, RINGSIDE_DEMO_FAULT_RATE_LIMITED, 5, 1,
    RINGSIDE_ERROR_RATE_LIMITED, RINGSIDE_SESSION_STATE_SIGNED_IN, KEYRING_NEWEST, "5 s" },

  { "refresh-revoked", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_UNAUTHORIZED, 0, 1,
    RINGSIDE_ERROR_SESSION_REJECTED, RINGSIDE_SESSION_STATE_SIGNED_OUT, KEYRING_CLEARED,
    "Sign in again" },
  /* Only the refresh endpoint's 401 means the token is dead; anything else is trouble. */
  { "refresh-403", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_FORBIDDEN, 0, 1,
    RINGSIDE_ERROR_FORBIDDEN, RINGSIDE_SESSION_STATE_OFFLINE, KEYRING_NEWEST,
    "Permission denied" },
  { "refresh-403-firewall-html", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_FORBIDDEN_HTML, 0, 1,
    RINGSIDE_ERROR_FORBIDDEN, RINGSIDE_SESSION_STATE_OFFLINE, KEYRING_NEWEST,
    "Permission denied" },
  { "refresh-500", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_SERVER_ERROR, 0, 1,
    RINGSIDE_ERROR_SERVER, RINGSIDE_SESSION_STATE_OFFLINE, KEYRING_NEWEST, "HTTP 500" },
  { "refresh-503-html", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_UNAVAILABLE, 0, 1,
    RINGSIDE_ERROR_SERVER, RINGSIDE_SESSION_STATE_OFFLINE, KEYRING_NEWEST, "HTTP 503" },
  { "refresh-429-retry-after", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_RATE_LIMITED, 120, 1,
    RINGSIDE_ERROR_RATE_LIMITED, RINGSIDE_SESSION_STATE_OFFLINE, KEYRING_NEWEST, "120 s" },
  { "refresh-429-bare", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_RATE_LIMITED, 0, 1,
    RINGSIDE_ERROR_RATE_LIMITED, RINGSIDE_SESSION_STATE_OFFLINE, KEYRING_NEWEST, "slow down" },
  { "refresh-html", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_HTML, 0, 1,
    RINGSIDE_ERROR_BAD_RESPONSE, RINGSIDE_SESSION_STATE_OFFLINE, KEYRING_NEWEST, "web page" },
  { "refresh-empty", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_EMPTY, 0, 1,
    RINGSIDE_ERROR_BAD_RESPONSE, RINGSIDE_SESSION_STATE_OFFLINE, KEYRING_NEWEST, "empty" },
  { "refresh-truncated", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_TRUNCATED, 0, 1,
    RINGSIDE_ERROR_BAD_RESPONSE, RINGSIDE_SESSION_STATE_OFFLINE, KEYRING_NEWEST,
    "not valid JSON" },
  { "refresh-malformed", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_MALFORMED, 0, 1,
    RINGSIDE_ERROR_BAD_RESPONSE, RINGSIDE_SESSION_STATE_OFFLINE, KEYRING_NEWEST,
    "not valid JSON" },
  { "refresh-wrong-shape", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_WRONG_TYPE, 0, 1,
    RINGSIDE_ERROR_BAD_RESPONSE, RINGSIDE_SESSION_STATE_OFFLINE, KEYRING_NEWEST,
    "access token" },
  { "refresh-hang", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_HANG, 0, 1,
    RINGSIDE_ERROR_TIMEOUT, RINGSIDE_SESSION_STATE_OFFLINE, KEYRING_NEWEST,
    "did not answer in time" },
  /* One byte every 200 ms: no read times out, the overall deadline must. */
  { "refresh-drip", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_DRIP, 200, 1,
    RINGSIDE_ERROR_TIMEOUT, RINGSIDE_SESSION_STATE_OFFLINE, KEYRING_NEWEST,
    "did not answer in time" },
  { "refresh-connection-reset", PHASE_REFRESH, RINGSIDE_DEMO_FAULT_DISCONNECT, 0, 1,
    RINGSIDE_ERROR_NETWORK, RINGSIDE_SESSION_STATE_OFFLINE, KEYRING_NEWEST, "Could not reach" },
};

/* Helpers */

static void
seed_keyring (const char *server_url,
              const char *token)
{
  g_autoptr(GError) error = NULL;

  secret_password_store_sync (ringside_token_store_get_schema (), SECRET_COLLECTION_DEFAULT,
                              "seed", token, NULL, &error, "server", server_url, NULL);
  g_assert_no_error (error);
}

static void
wait_keyring_empty (const char *server_url)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *stored = ringside_test_keyring_lookup (server_url);

      if (stored == NULL)
        return;
      ringside_test_run_for (25);
    }
  g_error ("The keyring item for %s was never cleared", server_url);
}

static void
assert_message (const GError *error,
                const char   *part)
{
  g_assert_nonnull (error);
  if (part != NULL && strstr (error->message, part) == NULL)
    g_error ("The message “%s” does not say “%s”", error->message, part);
}

static RingsideSession *
new_session (const char *url)
{
  RingsideSession *session = ringside_session_new (url, url, NULL, NULL);

  /* Retries must not race the assertions; recovery is checked by an explicit refresh. */
  ringside_session_set_retry_delays (session, 60000, 60000);
  ringside_client_set_timeout (ringside_session_get_client (session), 2);
  /* Longer than a read may take, so that a drip is caught by the deadline alone. */
  ringside_session_set_auth_deadline (session, 3000);
  return session;
}

/* The matrix, against the demo server */

static void
test_fault_case (gconstpointer data)
{
  const FaultCase *fault = data;
  g_autoptr(RingsideDemoServer) server = ringside_demo_server_new ();
  g_autoptr(RingsideSession) session = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  const char *url;
  gboolean ok;

  ringside_demo_server_set_sizes (server, 3, 20);
  g_assert_true (ringside_demo_server_start (server, &error));
  url = ringside_demo_server_get_url (server);
  session = new_session (url);

  if (fault->phase != PHASE_EXCHANGE)
    {
      g_assert_true (ringside_test_sign_in (session, RINGSIDE_DEMO_RC_ACCESS_TOKEN, &error));
      g_assert_no_error (error);
    }

  path = fault->phase == PHASE_EXCHANGE ? EXCHANGE_PATH
       : fault->phase == PHASE_REFRESH ? REFRESH_PATH
       : ACCOUNTS_PATH;
  ringside_demo_server_set_fault (server, path, fault->fault, fault->argument, fault->count);

  switch (fault->phase)
    {
    case PHASE_EXCHANGE:
      ok = ringside_test_sign_in (session, RINGSIDE_DEMO_RC_ACCESS_TOKEN, &error);
      break;
    case PHASE_REFRESH:
      ok = ringside_test_refresh (session, &error);
      break;
    case PHASE_DATA:
    default:
      {
        g_autoptr(JsonNode) root = ringside_test_fetch (session, ACCOUNTS_PATH, &error);

        ok = root != NULL;
      }
      break;
    }

  if (fault->code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, RINGSIDE_ERROR, fault->code);
      assert_message (error, fault->message);
    }

  g_assert_cmpint (ringside_session_get_state (session), ==, fault->state);
  if (fault->state == RINGSIDE_SESSION_STATE_OFFLINE)
    g_assert_error (ringside_session_get_last_error (session), RINGSIDE_ERROR, fault->code);
  if (fault->code == RINGSIDE_ERROR_RATE_LIMITED && fault->argument > 0)
    g_assert_cmpuint (ringside_error_get_retry_after (error), ==, fault->argument);

  switch (fault->keyring)
    {
    case KEYRING_EMPTY:
      {
        g_autofree char *stored = ringside_test_keyring_lookup (url);

        g_assert_null (stored);
      }
      break;

    case KEYRING_CLEARED:
      wait_keyring_empty (url);
      break;

    case KEYRING_NEWEST:
    default:
      {
        g_autofree char *stored = ringside_test_keyring_lookup (url);

        g_assert_cmpstr (stored, ==, ringside_demo_server_get_latest_refresh_token (server));
        g_assert_true (ringside_demo_server_is_refresh_token_valid (server, stored));
      }
      break;
    }

  /* What was only transient heals once the server behaves. */
  if (fault->state == RINGSIDE_SESSION_STATE_OFFLINE)
    {
      g_autoptr(GError) retry_error = NULL;
      g_autofree char *stored = NULL;

      ringside_demo_server_clear_faults (server);
      g_assert_true (ringside_test_refresh (session, &retry_error));
      g_assert_no_error (retry_error);
      g_assert_cmpint (ringside_session_get_state (session), ==,
                       RINGSIDE_SESSION_STATE_SIGNED_IN);
      stored = ringside_test_keyring_lookup (url);
      g_assert_cmpstr (stored, ==, ringside_demo_server_get_latest_refresh_token (server));
    }

  ringside_demo_server_stop (server);
}

/* A list whose body never ends: the load stops at its cap and frees what it read; the
 * list is the trouble, not the session, which stays signed in with its token. */
static void
test_list_endless (void)
{
  g_autoptr(RingsideDemoServer) server = ringside_demo_server_new ();
  g_autoptr(RingsideSession) session = NULL;
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_users_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  const char *url;

  g_assert_true (ringside_demo_server_start (server, &error));
  url = ringside_demo_server_get_url (server);
  session = new_session (url);
  g_assert_true (ringside_test_sign_in (session, RINGSIDE_DEMO_RC_ACCESS_TOKEN, &error));

  /* The app's caps are 2,000,000 items and 1 GiB; the same code path at a test's scale. */
  g_object_set (loader, "max-items", 20000, NULL);
  ringside_demo_server_set_fault (server, USERS_PATH, RINGSIDE_DEMO_FAULT_ENDLESS, 0, 1);
  ringside_list_loader_fetch_async (loader, &ringside_session_list_opener, session,
                                    USERS_PATH "?flatten=true", NULL,
                                    ringside_test_store_result, &result);
  result = ringside_test_wait_result (&result, 60);

  g_assert_false (ringside_list_loader_fetch_finish (loader, result, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TOO_LARGE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, 0);
  g_assert_cmpint (ringside_session_get_state (session), ==, RINGSIDE_SESSION_STATE_SIGNED_IN);
  stored = ringside_test_keyring_lookup (url);
  g_assert_cmpstr (stored, ==, ringside_demo_server_get_latest_refresh_token (server));

  ringside_demo_server_stop (server);
}

/* No iat, and a server clock 20 s behind ours: measured by our clock, a 22 s token seems to
 * live 2 s and would be renewed at once, over and over. Measured against the answer's Date
 * header it lives 22 s, and nothing renews it for a while. */
static void
test_refresh_clock_skew (void)
{
  g_autoptr(RingsideDemoServer) server = ringside_demo_server_new ();
  g_autoptr(RingsideSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lifetime;

  g_assert_true (ringside_demo_server_start (server, &error));
  ringside_demo_server_set_token_options (server, FALSE, -20);
  ringside_demo_server_set_token_lifetime (server, 22);
  session = new_session (ringside_demo_server_get_url (server));
  /* The 30 s floor would hide a wrong measurement: off, so only the measurement counts. */
  ringside_session_set_renew_floor (session, 0);
  g_assert_true (ringside_test_sign_in (session, RINGSIDE_DEMO_RC_ACCESS_TOKEN, &error));

  /* The Date header has whole seconds: allow one either way. */
  lifetime = ringside_session_get_access_lifetime (session);
  g_assert_cmpint (lifetime, >=, 21);
  g_assert_cmpint (lifetime, <=, 23);
  ringside_test_run_for (2500);
  g_assert_cmpuint (ringside_demo_server_count_requests (server, REFRESH_PATH), ==, 0);

  ringside_demo_server_stop (server);
}

/* Faults the demo server cannot play: a custom server on loopback */

typedef enum
{
  RIG_HUGE_BODY,
  RIG_RESET_MID_BODY,
  RIG_REDIRECT,
} RigMode;

typedef struct
{
  SoupServer *server;
  SoupServer *elsewhere;
  char       *url;
  char       *elsewhere_url;
  RigMode     mode;
  guint       elsewhere_hits;
} Rig;

static void
on_elsewhere (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Rig *rig = user_data;

  rig->elsewhere_hits++;
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    "{\"accessToken\":\"x\",\"refreshToken\":\"y\"}", 38);
}

static void
on_rig_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Rig *rig = user_data;

  switch (rig->mode)
    {
    case RIG_HUGE_BODY:
      {
        /* 50 MB of a JSON string: valid, but no token answer is that big. */
        gsize size = 50 * 1024 * 1024;
        char *body = g_malloc (size);

        memset (body, 'a', size);
        memcpy (body, "{\"accessToken\":\"", 16);
        memcpy (body + size - 2, "\"}", 2);
        soup_server_message_set_status (msg, 200, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body,
                                          size);
      }
      break;

    case RIG_RESET_MID_BODY:
      {
        g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
        const char *partial = "HTTP/1.1 200 OK\r\n"
                              "Content-Type: application/json\r\n"
                              "Content-Length: 4096\r\n\r\n"
                              "{\"accessToken\":\"eyJhbGciOi";

        g_output_stream_write_all (g_io_stream_get_output_stream (stream), partial,
                                   strlen (partial), NULL, NULL, NULL);
        g_io_stream_close (stream, NULL, NULL);
      }
      break;

    case RIG_REDIRECT:
    default:
      {
        g_autofree char *target = g_strconcat (rig->elsewhere_url, path, NULL);

        soup_server_message_set_redirect (msg, 307, target);
      }
      break;
    }
}

static char *
listen_loopback (SoupServer *server)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}

static void
rig_start (Rig     *rig,
           RigMode  mode)
{
  rig->mode = mode;
  rig->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (rig->server, NULL, on_rig_request, rig, NULL);
  rig->url = listen_loopback (rig->server);

  rig->elsewhere = soup_server_new (NULL, NULL);
  soup_server_add_handler (rig->elsewhere, NULL, on_elsewhere, rig, NULL);
  rig->elsewhere_url = listen_loopback (rig->elsewhere);
}

static void
rig_stop (Rig *rig)
{
  soup_server_disconnect (rig->server);
  soup_server_disconnect (rig->elsewhere);
  g_clear_object (&rig->server);
  g_clear_object (&rig->elsewhere);
  g_clear_pointer (&rig->url, g_free);
  g_clear_pointer (&rig->elsewhere_url, g_free);
}

/* A saved session meets the fault at start-up: it must survive, offline, untouched. */
static void
restore_against (const char *url,
                 int         code,
                 const char *message)
{
  g_autoptr(RingsideSession) session = new_session (url);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  seed_keyring (url, "saved-refresh-token");
  g_assert_false (ringside_test_restore (session, &error));
  g_assert_error (error, RINGSIDE_ERROR, code);
  assert_message (error, message);
  g_assert_cmpint (ringside_session_get_state (session), ==, RINGSIDE_SESSION_STATE_OFFLINE);

  stored = ringside_test_keyring_lookup (url);
  g_assert_cmpstr (stored, ==, "saved-refresh-token");
}

static void
test_huge_body (void)
{
  Rig rig = { 0 };

  rig_start (&rig, RIG_HUGE_BODY);
  restore_against (rig.url, RINGSIDE_ERROR_BAD_RESPONSE, "larger than");
  rig_stop (&rig);
}

static void
test_reset_mid_body (void)
{
  Rig rig = { 0 };

  rig_start (&rig, RIG_RESET_MID_BODY);
  restore_against (rig.url, RINGSIDE_ERROR_NETWORK, "connection");
  rig_stop (&rig);
}

static void
test_redirect_elsewhere (void)
{
  Rig rig = { 0 };

  rig_start (&rig, RIG_REDIRECT);
  restore_against (rig.url, RINGSIDE_ERROR_BAD_RESPONSE, "redirect");
  /* The refresh token never went to the other host. */
  g_assert_cmpuint (rig.elsewhere_hits, ==, 0);
  rig_stop (&rig);
}

static void
test_server_down (void)
{
  Rig rig = { 0 };
  g_autofree char *url = NULL;

  /* A port that was just in use and is now closed. */
  rig_start (&rig, RIG_HUGE_BODY);
  url = g_strdup (rig.url);
  rig_stop (&rig);

  restore_against (url, RINGSIDE_ERROR_NETWORK, "Could not reach");
}

static void
test_self_signed_certificate (void)
{
  g_autofree char *pem = g_test_build_filename (G_TEST_DIST, "data", "self-signed.pem", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_file (pem, &error);
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *url = NULL;
  GSList *uris;
  Rig rig = { .mode = RIG_REDIRECT };

  g_assert_no_error (error);
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, on_elsewhere, &rig, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                            &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  restore_against (url, RINGSIDE_ERROR_TLS, "certificate");
  /* Refused during the handshake: no request was ever handled. */
  g_assert_cmpuint (rig.elsewhere_hits, ==, 0);
  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/fault-matrix/%s", cases[i].name);

      g_test_add_data_func (name, &cases[i], test_fault_case);
    }

  g_test_add_func ("/fault-matrix/list-endless", test_list_endless);
  g_test_add_func ("/fault-matrix/refresh-clock-skew-without-iat", test_refresh_clock_skew);
  g_test_add_func ("/fault-matrix/refresh-50mb-body", test_huge_body);
  g_test_add_func ("/fault-matrix/refresh-reset-mid-body", test_reset_mid_body);
  g_test_add_func ("/fault-matrix/refresh-redirect-elsewhere", test_redirect_elsewhere);
  g_test_add_func ("/fault-matrix/refresh-server-down", test_server_down);
  g_test_add_func ("/fault-matrix/refresh-self-signed-tls", test_self_signed_certificate);

  return g_test_run ();
}
