/* test-oauth.c
 *
 * The browser sign-in's protocol (RingsideOAuthFlow) against the demo server's authorize page
 * and token endpoint, with a SoupSession in the browser's place: it follows the authorize
 * URI and the 302 to the flow's loopback server, as a browser would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "ringside-client.h"
#include "ringside-demo-server.h"
#include "ringside-error.h"
#include "ringside-oauth-flow.h"
#include "ringside-test-utils.h"
#include "ringside-token-response.h"

#define TOKEN_PATH "/restapi/oauth/token"
#define UNRESERVED \
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"

typedef struct
{
  RingsideDemoServer *server;
  RingsideClient     *client;
  SoupSession        *browser;
  /* Every secret a test saw, for the log check at teardown. */
  GPtrArray          *secrets;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = ringside_demo_server_new ();
  g_assert_true (ringside_demo_server_start (fixture->server, &error));
  g_assert_no_error (error);
  fixture->client = ringside_client_new ();
  fixture->browser = soup_session_new ();
  fixture->secrets = g_ptr_array_new_with_free_func (g_free);
  ringside_test_log_clear ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *log = ringside_test_log_dup ();

  /* Nothing of the flow's secrets reached the log. */
  for (guint i = 0; i < fixture->secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (fixture->secrets, i);

      if (strstr (log, secret) != NULL)
        {
          g_test_message ("The log holds a secret of the flow: %s", secret);
          g_test_fail ();
        }
    }

  g_ptr_array_unref (fixture->secrets);
  g_clear_object (&fixture->browser);
  g_clear_object (&fixture->client);
  ringside_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
}

/* Helpers */

static GHashTable *
query_of (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);

  g_assert_nonnull (parsed);
  return soup_form_decode (g_uri_get_query (parsed));
}

static RingsideOAuthFlow *
new_flow (Fixture    *fixture,
          const char *client_id)
{
  return ringside_oauth_flow_new (fixture->client,
                                  ringside_demo_server_get_url (fixture->server), client_id);
}

/* Runs @flow and keeps what the authorize URI carries for the log check. */
static void
start_flow (Fixture           *fixture,
            RingsideOAuthFlow *flow,
            GAsyncResult     **result)
{
  g_autoptr(GHashTable) query = NULL;

  ringside_oauth_flow_run_async (flow, NULL, ringside_test_store_result, result);
  g_assert_nonnull (ringside_oauth_flow_get_authorize_uri (flow));
  query = query_of (ringside_oauth_flow_get_authorize_uri (flow));
  g_ptr_array_add (fixture->secrets, g_strdup (g_hash_table_lookup (query, "state")));
}

typedef struct
{
  gboolean  done;
  guint     status;
  char     *page;
  GError   *error;
} Visit;

static void
visit_clear (Visit *visit)
{
  g_free (visit->page);
  g_clear_error (&visit->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Visit, visit_clear)

static void
on_visited (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Visit *visit = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result,
                                                              &visit->error);

  if (body != NULL)
    {
      visit->status = soup_message_get_status (message);
      visit->page = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    }
  visit->done = TRUE;
}

static void
send_message (Fixture     *fixture,
              SoupMessage *message,
              Visit       *out)
{
  memset (out, 0, sizeof *out);
  soup_session_send_and_read_async (fixture->browser, message, G_PRIORITY_DEFAULT, NULL,
                                    on_visited, out);
  ringside_test_wait_for (&out->done, 30);
}

/* The browser: GET @uri, following redirects, to the end. */
static void
visit (Fixture    *fixture,
       const char *uri,
       Visit      *out)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);

  g_assert_nonnull (message);
  send_message (fixture, message, out);
}

/* Keeps the code and verifier the token endpoint received, for the log check. */
static void
collect_token_request (Fixture *fixture)
{
  GPtrArray *requests = ringside_demo_server_get_requests (fixture->server);

  for (guint i = 0; i < requests->len; i++)
    {
      RingsideDemoRequest *request = g_ptr_array_index (requests, i);
      const char *value;

      if (!g_str_equal (request->path, TOKEN_PATH))
        continue;
      if ((value = g_hash_table_lookup (request->form, "code")) != NULL)
        g_ptr_array_add (fixture->secrets, g_strdup (value));
      if ((value = g_hash_table_lookup (request->form, "code_verifier")) != NULL)
        g_ptr_array_add (fixture->secrets, g_strdup (value));
    }
}

static char *
finish_flow (Fixture           *fixture,
             RingsideOAuthFlow *flow,
             GAsyncResult     **result,
             GError           **error)
{
  g_autoptr(GAsyncResult) owned = ringside_test_wait_result (result, 30);
  char *token = ringside_oauth_flow_run_finish (flow, owned, error);

  if (token != NULL)
    g_ptr_array_add (fixture->secrets, g_strdup (token));
  collect_token_request (fixture);
  return token;
}

/* The loopback server is gone: nothing answers at the redirect URI any more. */
static void
assert_not_listening (Fixture    *fixture,
                      const char *redirect_uri)
{
  g_auto(Visit) result = { 0 };

  visit (fixture, redirect_uri, &result);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
}

/* Tests */

static void
test_pkce (void)
{
  g_autofree char *verifier = ringside_oauth_new_verifier (43);
  g_autofree char *longest = ringside_oauth_new_verifier (128);
  g_autofree char *other = ringside_oauth_new_verifier (43);
  g_autofree char *challenge = NULL;

  g_assert_cmpuint (strlen (verifier), ==, 43);
  g_assert_cmpuint (strspn (verifier, UNRESERVED), ==, 43);
  g_assert_cmpuint (strlen (longest), ==, 128);
  g_assert_cmpuint (strspn (longest, UNRESERVED), ==, 128);
  g_assert_cmpstr (verifier, !=, other);

  /* Computed independently (Python's hashlib and base64.urlsafe_b64encode). */
  challenge = ringside_oauth_challenge_for ("dBjftJeZ4CVP-mJ92K5vE8KGp1Bc2RbX0SXA2ZnmbA0");
  g_assert_cmpstr (challenge, ==, "G1lYrHTXgs91MSLArjPlhvk-mZ8ye7EedlafgcvVxeo");
}

static void
test_success (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RingsideOAuthFlow) flow = new_flow (fixture, RINGSIDE_DEMO_CLIENT_ID);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GHashTable) query = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_prefix = NULL;
  g_autofree char *token = NULL;
  g_autofree char *redirect_uri = NULL;
  g_auto(Visit) page = { 0 };
  GPtrArray *requests;
  RingsideDemoRequest *token_request = NULL;
  const char *challenge;
  const char *state;

  g_assert_null (ringside_oauth_flow_get_authorize_uri (flow));
  start_flow (fixture, flow, &result);
  redirect_uri = g_strdup (ringside_oauth_flow_get_redirect_uri (flow));

  /* The authorize URI: the platform's page with a fresh state and an S256 challenge. */
  expected_prefix = g_strconcat (ringside_demo_server_get_url (fixture->server),
                                 "/restapi/oauth/authorize?", NULL);
  g_assert_true (g_str_has_prefix (ringside_oauth_flow_get_authorize_uri (flow),
                                   expected_prefix));
  query = query_of (ringside_oauth_flow_get_authorize_uri (flow));
  g_assert_cmpstr (g_hash_table_lookup (query, "response_type"), ==, "code");
  g_assert_cmpstr (g_hash_table_lookup (query, "client_id"), ==, RINGSIDE_DEMO_CLIENT_ID);
  g_assert_cmpstr (g_hash_table_lookup (query, "redirect_uri"), ==, redirect_uri);
  g_assert_true (g_str_has_prefix (redirect_uri, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (redirect_uri, "/callback"));
  g_assert_cmpstr (g_hash_table_lookup (query, "code_challenge_method"), ==, "S256");
  challenge = g_hash_table_lookup (query, "code_challenge");
  g_assert_cmpuint (strlen (challenge), ==, 43);
  state = g_hash_table_lookup (query, "state");
  g_assert_cmpuint (strlen (state), >=, 22);

  visit (fixture, ringside_oauth_flow_get_authorize_uri (flow), &page);
  token = finish_flow (fixture, flow, &result, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (token, "demo-browser-"));

  /* The browser tab says it went well. */
  g_assert_no_error (page.error);
  g_assert_cmpuint (page.status, ==, SOUP_STATUS_OK);
  g_assert_nonnull (strstr (page.page, "Signed in to Ringside"));

  /* The token request: the code with the verifier of the challenge, no secret, no Basic. */
  requests = ringside_demo_server_get_requests (fixture->server);
  for (guint i = 0; i < requests->len; i++)
    {
      RingsideDemoRequest *request = g_ptr_array_index (requests, i);

      if (g_str_equal (request->path, TOKEN_PATH))
        {
          g_assert_null (token_request);
          token_request = request;
        }
    }
  g_assert_nonnull (token_request);
  g_assert_cmpstr (token_request->method, ==, "POST");
  g_assert_null (token_request->authorization);
  g_assert_cmpstr (g_hash_table_lookup (token_request->form, "grant_type"), ==,
                   "authorization_code");
  g_assert_cmpstr (g_hash_table_lookup (token_request->form, "client_id"), ==,
                   RINGSIDE_DEMO_CLIENT_ID);
  g_assert_cmpstr (g_hash_table_lookup (token_request->form, "redirect_uri"), ==, redirect_uri);
  g_assert_false (g_hash_table_contains (token_request->form, "client_secret"));
  {
    g_autofree char *recomputed =
      ringside_oauth_challenge_for (g_hash_table_lookup (token_request->form, "code_verifier"));

    g_assert_cmpstr (recomputed, ==, challenge);
  }

  /* One request, then the server is gone, and the secrets with it. */
  g_assert_null (ringside_oauth_flow_get_authorize_uri (flow));
  assert_not_listening (fixture, redirect_uri);
  g_assert_true (ringside_test_log_contains ("Browser sign-in"));
  ringside_clear_secret (&token);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RingsideOAuthFlow) flow = new_flow (fixture, RINGSIDE_DEMO_CLIENT_ID);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *redirect_uri = NULL;
  g_auto(Visit) page = { 0 };

  ringside_demo_server_set_oauth_consent (fixture->server, FALSE);
  start_flow (fixture, flow, &result);
  redirect_uri = g_strdup (ringside_oauth_flow_get_redirect_uri (flow));
  visit (fixture, ringside_oauth_flow_get_authorize_uri (flow), &page);
  token = finish_flow (fixture, flow, &result, &error);

  g_assert_null (token);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "not allowed"));
  g_assert_nonnull (strstr (page.page, "Ringside could not sign in"));
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, TOKEN_PATH), ==, 0);
  assert_not_listening (fixture, redirect_uri);
}

static void
test_wrong_client_id (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RingsideOAuthFlow) flow = new_flow (fixture, "not-a-registered-app");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_auto(Visit) page = { 0 };

  start_flow (fixture, flow, &result);
  visit (fixture, ringside_oauth_flow_get_authorize_uri (flow), &page);
  token = finish_flow (fixture, flow, &result, &error);

  g_assert_null (token);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "client ID"));
  g_assert_nonnull (strstr (page.page, "client ID"));
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, TOKEN_PATH), ==, 1);
}

static void
test_empty_client_id (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RingsideOAuthFlow) flow = new_flow (fixture, "  ");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  ringside_oauth_flow_run_async (flow, NULL, ringside_test_store_result, &result);
  g_assert_null (ringside_oauth_flow_get_authorize_uri (flow));
  token = finish_flow (fixture, flow, &result, &error);
  g_assert_null (token);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT);
}

static void
test_forged_callback (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RingsideOAuthFlow) flow = new_flow (fixture, RINGSIDE_DEMO_CLIENT_ID);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *base = NULL;
  g_auto(Visit) page = { 0 };
  const char *forgeries[] = {
    "?code=forged-code&state=forged-state",
    "?code=forged-code",
    "?error=access_denied&state=forged-state",
    "?code=forged-code&state=",
  };

  start_flow (fixture, flow, &result);
  base = g_strdup (ringside_oauth_flow_get_redirect_uri (flow));

  /* Forged callbacks, and other paths: 404, and the flow keeps waiting. */
  for (guint i = 0; i < G_N_ELEMENTS (forgeries); i++)
    {
      g_autofree char *uri = g_strconcat (base, forgeries[i], NULL);
      g_auto(Visit) forged = { 0 };

      visit (fixture, uri, &forged);
      g_assert_no_error (forged.error);
      g_assert_cmpuint (forged.status, ==, SOUP_STATUS_NOT_FOUND);
    }
  {
    g_autofree char *origin = g_strndup (base, strrchr (base, '/') - base);
    g_autofree char *other = g_strconcat (origin, "/favicon.ico", NULL);
    g_auto(Visit) forged = { 0 };

    visit (fixture, other, &forged);
    g_assert_cmpuint (forged.status, ==, SOUP_STATUS_NOT_FOUND);
  }
  ringside_test_run_for (100);
  g_assert_null (result);
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, TOKEN_PATH), ==, 0);

  /* The real one still works. */
  visit (fixture, ringside_oauth_flow_get_authorize_uri (flow), &page);
  token = finish_flow (fixture, flow, &result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_assert_nonnull (strstr (page.page, "Signed in to Ringside"));
  ringside_clear_secret (&token);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RingsideOAuthFlow) flow = new_flow (fixture, RINGSIDE_DEMO_CLIENT_ID);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *redirect_uri = NULL;

  ringside_oauth_flow_set_timeout (flow, 1);
  start_flow (fixture, flow, &result);
  redirect_uri = g_strdup (ringside_oauth_flow_get_redirect_uri (flow));
  token = finish_flow (fixture, flow, &result, &error);

  g_assert_null (token);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "in time"));
  assert_not_listening (fixture, redirect_uri);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RingsideOAuthFlow) flow = new_flow (fixture, RINGSIDE_DEMO_CLIENT_ID);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *redirect_uri = NULL;

  ringside_oauth_flow_run_async (flow, cancellable, ringside_test_store_result, &result);
  redirect_uri = g_strdup (ringside_oauth_flow_get_redirect_uri (flow));
  g_assert_nonnull (redirect_uri);
  g_cancellable_cancel (cancellable);
  token = finish_flow (fixture, flow, &result, &error);

  g_assert_null (token);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_not_listening (fixture, redirect_uri);
}

/* Cancelled while the code is being traded: the browser is told, nothing is returned. */
static void
test_cancel_while_trading (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RingsideOAuthFlow) flow = new_flow (fixture, RINGSIDE_DEMO_CLIENT_ID);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(SoupMessage) message = NULL;
  Visit page = { 0 };

  ringside_demo_server_set_fault (fixture->server, TOKEN_PATH, RINGSIDE_DEMO_FAULT_HANG, 0, 1);
  ringside_oauth_flow_run_async (flow, cancellable, ringside_test_store_result, &result);
  message = soup_message_new ("GET", ringside_oauth_flow_get_authorize_uri (flow));
  soup_session_send_and_read_async (fixture->browser, message, G_PRIORITY_DEFAULT, NULL,
                                    on_visited, &page);
  while (ringside_demo_server_count_requests (fixture->server, TOKEN_PATH) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  token = finish_flow (fixture, flow, &result, &error);
  ringside_test_wait_for (&page.done, 30);

  g_assert_null (token);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (page.page, "cancelled"));
  visit_clear (&page);
  ringside_demo_server_clear_faults (fixture->server);
}

static void
test_second_flow (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RingsideOAuthFlow) first = new_flow (fixture, RINGSIDE_DEMO_CLIENT_ID);
  g_autoptr(RingsideOAuthFlow) second = new_flow (fixture, RINGSIDE_DEMO_CLIENT_ID);
  g_autoptr(GAsyncResult) first_result = NULL;
  g_autoptr(GAsyncResult) second_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *first_authorize = NULL;
  g_auto(Visit) page = { 0 };
  g_auto(Visit) late = { 0 };

  start_flow (fixture, first, &first_result);
  first_authorize = g_strdup (ringside_oauth_flow_get_authorize_uri (first));
  start_flow (fixture, second, &second_result);

  token = finish_flow (fixture, first, &first_result, &error);
  g_assert_null (token);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NO_SESSION);
  g_assert_nonnull (strstr (error->message, "Another sign-in"));
  g_clear_error (&error);

  /* The first one's browser comes back too late: nobody listens there any more. */
  visit (fixture, first_authorize, &late);
  g_assert_error (late.error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);

  visit (fixture, ringside_oauth_flow_get_authorize_uri (second), &page);
  token = finish_flow (fixture, second, &second_result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  ringside_clear_secret (&token);
}

/* The browser asks for the callback and goes away before the answer: the flow still ends,
 * with the token (the code was good), and its server shuts down. */
static void
test_browser_gone (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RingsideOAuthFlow) flow = new_flow (fixture, RINGSIDE_DEMO_CLIENT_ID);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) authorize = NULL;
  g_auto(Visit) page = { 0 };
  g_autoptr(GSocketClient) socket_client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GUri) location = NULL;
  g_autofree char *request = NULL;
  g_autofree char *redirect_uri = NULL;
  g_autofree char *token = NULL;

  start_flow (fixture, flow, &result);
  redirect_uri = g_strdup (ringside_oauth_flow_get_redirect_uri (flow));

  /* Where the authorize page sends the browser, without going there. */
  authorize = soup_message_new ("GET", ringside_oauth_flow_get_authorize_uri (flow));
  soup_message_add_flags (authorize, SOUP_MESSAGE_NO_REDIRECT);
  send_message (fixture, authorize, &page);
  g_assert_no_error (page.error);
  g_assert_cmpuint (soup_message_get_status (authorize), ==, SOUP_STATUS_FOUND);
  location = g_uri_parse (soup_message_headers_get_one (
                            soup_message_get_response_headers (authorize), "Location"),
                          G_URI_FLAGS_ENCODED, &error);
  g_assert_no_error (error);

  connection = g_socket_client_connect_to_host (socket_client, "127.0.0.1",
                                                (guint16) g_uri_get_port (location), NULL,
                                                &error);
  g_assert_no_error (error);
  request = g_strdup_printf ("GET %s?%s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                             g_uri_get_path (location), g_uri_get_query (location));
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (
                                              G_IO_STREAM (connection)),
                                            request, strlen (request), NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_io_stream_close (G_IO_STREAM (connection), NULL, &error));

  token = finish_flow (fixture, flow, &result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  assert_not_listening (fixture, redirect_uri);
  ringside_clear_secret (&token);
}

static void
test_pinned_port (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RingsideOAuthFlow) flow = new_flow (fixture, RINGSIDE_DEMO_CLIENT_ID);
  g_autoptr(RingsideOAuthFlow) clash = new_flow (fixture, RINGSIDE_DEMO_CLIENT_ID);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) clash_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *token = NULL;
  g_auto(Visit) page = { 0 };
  guint port;

  /* Another program listens on the pinned port: a sentence that says what to do. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  g_assert_true (g_socket_listen (socket, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  ringside_oauth_flow_set_port (clash, port);
  ringside_oauth_flow_run_async (clash, NULL, ringside_test_store_result, &clash_result);
  g_assert_true (ringside_test_log_contains ("cannot listen on 127.0.0.1"));
  g_assert_null (ringside_oauth_flow_get_authorize_uri (clash));
  {
    g_autoptr(GAsyncResult) owned = ringside_test_wait_result (&clash_result, 30);
    g_autoptr(GError) clash_error = NULL;

    g_assert_null (ringside_oauth_flow_run_finish (clash, owned, &clash_error));
    g_assert_error (clash_error, RINGSIDE_ERROR, RINGSIDE_ERROR_NETWORK);
    g_assert_nonnull (strstr (clash_error->message, "Preferences"));
  }

  /* Once it is free, the flow listens there. */
  g_assert_true (g_socket_close (socket, &error));
  ringside_oauth_flow_set_port (flow, port);
  start_flow (fixture, flow, &result);
  expected = g_strdup_printf ("http://127.0.0.1:%u/callback", port);
  g_assert_cmpstr (ringside_oauth_flow_get_redirect_uri (flow), ==, expected);

  visit (fixture, ringside_oauth_flow_get_authorize_uri (flow), &page);
  token = finish_flow (fixture, flow, &result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  ringside_clear_secret (&token);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  /* Debug output on, as a user reporting a bug would run it. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  ringside_test_log_capture (RINGSIDE_TEST_LOG_ALL_FIELDS);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/oauth/pkce", test_pkce);
  ADD ("/oauth/success", test_success);
  ADD ("/oauth/refused", test_refused);
  ADD ("/oauth/wrong-client-id", test_wrong_client_id);
  ADD ("/oauth/empty-client-id", test_empty_client_id);
  ADD ("/oauth/forged-callback", test_forged_callback);
  ADD ("/oauth/timeout", test_timeout);
  ADD ("/oauth/cancel", test_cancel);
  ADD ("/oauth/cancel-while-trading", test_cancel_while_trading);
  ADD ("/oauth/second-flow", test_second_flow);
  ADD ("/oauth/browser-gone", test_browser_gone);
  ADD ("/oauth/pinned-port", test_pinned_port);

  return g_test_run ();
}
