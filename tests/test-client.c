/* test-client.c
 *
 * The HTTP client against a real SoupServer on 127.0.0.1 that misbehaves in every way the
 * client must survive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "ringside-client.h"
#include "ringside-error.h"
#include "ringside-test-utils.h"

#define LOGGED_SECRET "refresh-token-that-must-never-be-logged"

typedef struct
{
  SoupServer     *server;
  RingsideClient *client;
  char           *base_url;
  GPtrArray      *paused;
  guint           redirect_target_hits;
} Fixture;

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (path, "/json"))
    respond (msg, 200, "application/json", "{\"accessToken\":\"abc\",\"n\":[1,2,3]}");
  else if (g_str_equal (path, "/expired"))
    respond (msg, 401, "text/plain", "Jwt is expired");
  else if (g_str_equal (path, "/unauthorized"))
    respond (msg, 401, "application/json",
             "{\"errorCode\":401,\"generalMessage\":\"Invalid RingCentral token\"}");
  else if (g_str_equal (path, "/forbidden"))
    respond (msg, 403, "application/json", "{\"generalMessage\":\"Requires MANAGE_USERS\"}");
  else if (g_str_equal (path, "/missing"))
    respond (msg, 404, "text/html", "<html><body>Not here</body></html>");
  else if (g_str_equal (path, "/bad-request"))
    respond (msg, 400, "application/json", "{\"error\":\"invalid_grant\","
             "\"error_description\":\"Invalid assertion\"}");
  else if (g_str_equal (path, "/rate-limited"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", "7");
      respond (msg, 429, "text/plain", "Too Many Requests");
    }
  else if (g_str_equal (path, "/rate-limited-bare"))
    respond (msg, 429, NULL, NULL);
  else if (g_str_equal (path, "/server-error"))
    respond (msg, 500, "application/json",
             "{\"errorCode\":500,\"generalMessage\":\"Database\\nunavailable\"}");
  else if (g_str_equal (path, "/unavailable"))
    respond (msg, 503, "text/html", "<!DOCTYPE html><html><h1>Maintenance</h1></html>");
  else if (g_str_equal (path, "/html"))
    respond (msg, 200, "text/html", "  <!DOCTYPE html><html><body>Login</body></html>");
  else if (g_str_equal (path, "/empty"))
    respond (msg, 200, "application/json", "");
  else if (g_str_equal (path, "/whitespace"))
    respond (msg, 200, "application/json", " \n\t ");
  else if (g_str_equal (path, "/truncated"))
    respond (msg, 200, "application/json", "{\"accessToken\":\"abc\",\"refreshTo");
  else if (g_str_equal (path, "/malformed"))
    respond (msg, 200, "application/json", "{accessToken: abc}");
  else if (g_str_equal (path, "/huge"))
    {
      gsize size = RINGSIDE_CLIENT_MAX_BODY_SIZE + 1024;
      char *body = g_malloc (size);

      memset (body, ' ', size);
      body[0] = '[';
      body[size - 1] = ']';
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, size);
    }
  else if (g_str_equal (path, "/hang"))
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (fixture->paused, g_object_ref (msg));
    }
  else if (g_str_equal (path, "/drop"))
    {
      GIOStream *stream = soup_server_message_steal_connection (msg);

      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
    }
  else if (g_str_equal (path, "/redirect"))
    {
      g_autofree char *target = g_strconcat (fixture->base_url, "/redirect-target", NULL);

      soup_server_message_set_redirect (msg, 302, target);
    }
  else if (g_str_equal (path, "/redirect-target"))
    {
      fixture->redirect_target_hits++;
      respond (msg, 200, "application/json", "{}");
    }
  else if (g_str_has_prefix (path, "/api/auth/logout/"))
    respond (msg, 204, NULL, NULL);
  else
    respond (msg, 404, "text/plain", "No such test path");
}

static char *
listen_on_loopback (SoupServer *server,
                    SoupServerListenOptions options)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | options, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  url = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* "http://127.0.0.1:PORT/" → no trailing slash */
  if (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';
  return url;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, handle, fixture, NULL);
  fixture->base_url = listen_on_loopback (fixture->server, 0);
  fixture->client = ringside_client_new ();
  fixture->paused = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint i = 0; i < fixture->paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fixture->paused, i));
  g_ptr_array_unref (fixture->paused);
  g_clear_object (&fixture->client);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_free (fixture->base_url);
}

static JsonNode *
fetch (Fixture     *fixture,
       const char  *path,
       GError     **error)
{
  g_autofree char *url = g_strconcat (fixture->base_url, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;

  ringside_client_fetch_json_async (fixture->client, message, NULL,
                                    ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);

  return ringside_client_fetch_json_finish (fixture->client, result, error);
}

static void
test_json_ok (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = fetch (fixture, "/json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "accessToken"),
                   ==, "abc");
}

typedef struct
{
  const char *path;
  int         code;
  const char *message_part;
} ErrorCase;

static void
test_error_case (Fixture       *fixture,
                 gconstpointer  data)
{
  const ErrorCase *expected = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = fetch (fixture, expected->path, &error);

  g_assert_null (root);
  g_assert_error (error, RINGSIDE_ERROR, expected->code);
  if (expected->message_part != NULL && strstr (error->message, expected->message_part) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, expected->message_part);
  /* Messages are for people: one line, no markup from an HTML error page. */
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (strstr (error->message, "<html"));
}

static const ErrorCase error_cases[] = {
  { "/expired", RINGSIDE_ERROR_TOKEN_EXPIRED, "expired" },
  { "/unauthorized", RINGSIDE_ERROR_UNAUTHORIZED, "Invalid RingCentral token" },
  { "/forbidden", RINGSIDE_ERROR_FORBIDDEN, "Requires MANAGE_USERS" },
  { "/missing", RINGSIDE_ERROR_NOT_FOUND, "server URL" },
  { "/bad-request", RINGSIDE_ERROR_INVALID_INPUT, "Invalid assertion" },
  { "/rate-limited-bare", RINGSIDE_ERROR_RATE_LIMITED, "slow down" },
  { "/server-error", RINGSIDE_ERROR_SERVER, "Database unavailable" },
  { "/unavailable", RINGSIDE_ERROR_SERVER, "503" },
  { "/html", RINGSIDE_ERROR_BAD_RESPONSE, "web page" },
  { "/empty", RINGSIDE_ERROR_BAD_RESPONSE, "empty" },
  { "/whitespace", RINGSIDE_ERROR_BAD_RESPONSE, "empty" },
  { "/truncated", RINGSIDE_ERROR_BAD_RESPONSE, "not valid JSON" },
  { "/malformed", RINGSIDE_ERROR_BAD_RESPONSE, "not valid JSON" },
  { "/huge", RINGSIDE_ERROR_BAD_RESPONSE, "larger than" },
  { "/drop", RINGSIDE_ERROR_NETWORK, NULL },
  { "/redirect", RINGSIDE_ERROR_BAD_RESPONSE, "redirected" },
};

static void
test_rate_limited_retry_after (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = fetch (fixture, "/rate-limited", &error);

  g_assert_null (root);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_RATE_LIMITED);
  g_assert_cmpuint (ringside_error_get_retry_after (error), ==, 7);
}

static void
test_redirect_not_followed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = fetch (fixture, "/redirect", &error);

  g_assert_null (root);
  g_assert_cmpuint (fixture->redirect_target_hits, ==, 0);
}

static void
test_hang_times_out (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  ringside_client_set_timeout (fixture->client, 1);
  root = fetch (fixture, "/hang", &error);

  g_assert_null (root);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TIMEOUT);
  g_assert_cmpuint (fixture->paused->len, ==, 1);
}

static void
test_connection_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  /* Nothing listens once the server is disconnected. */
  soup_server_disconnect (fixture->server);
  root = fetch (fixture, "/json", &error);

  g_assert_null (root);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *url = g_strconcat (fixture->base_url, "/hang", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  GAsyncResult *pending = NULL;

  ringside_client_fetch_json_async (fixture->client, message, cancellable,
                                    ringside_test_store_result, &pending);
  while (fixture->paused->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  result = ringside_test_wait_result (&pending, 10);

  root = ringside_client_fetch_json_finish (fixture->client, result, &error);
  g_assert_null (root);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_self_signed_tls_refused (void)
{
  g_autofree char *pem_path = g_test_build_filename (G_TEST_DIST, "data", "self-signed.pem",
                                                     NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_file (pem_path, &error);
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(RingsideClient) client = ringside_client_new ();
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *url = NULL;
  g_autofree char *json_url = NULL;
  GAsyncResult *pending = NULL;

  g_assert_no_error (error);
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, handle, NULL, NULL);
  url = listen_on_loopback (server, SOUP_SERVER_LISTEN_HTTPS);
  g_assert_true (g_str_has_prefix (url, "https://"));

  json_url = g_strconcat (url, "/json", NULL);
  message = soup_message_new ("GET", json_url);
  ringside_client_fetch_json_async (client, message, NULL, ringside_test_store_result,
                                    &pending);
  result = ringside_test_wait_result (&pending, 30);
  root = ringside_client_fetch_json_finish (client, result, &error);

  g_assert_null (root);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TLS);
  soup_server_disconnect (server);
}

static void
test_insecure_url_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", "http://example.com/json");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  GAsyncResult *pending = NULL;

  ringside_client_send_async (fixture->client, message, NULL, ringside_test_store_result,
                              &pending);
  result = ringside_test_wait_result (&pending, 10);
  stream = ringside_client_send_finish (fixture->client, result, &error);

  g_assert_null (stream);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INSECURE_URL);
  /* Refused before anything went on the wire. */
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_NONE);
}

static void
test_logout_path_not_logged (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *url = g_strconcat (fixture->base_url, "/api/auth/logout/", LOGGED_SECRET,
                                      NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("DELETE", url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  GAsyncResult *pending = NULL;

  ringside_test_log_clear ();
  ringside_client_send_async (fixture->client, message, NULL, ringside_test_store_result,
                              &pending);
  result = ringside_test_wait_result (&pending, 10);
  stream = ringside_client_send_finish (fixture->client, result, &error);

  g_assert_no_error (error);
  g_assert_true (ringside_test_log_contains ("/api/auth/logout/[redacted]"));
  g_assert_false (ringside_test_log_contains (LOGGED_SECRET));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  ringside_test_log_capture (RINGSIDE_TEST_LOG_MESSAGES);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/client/json/ok", Fixture, NULL, fixture_setup, test_json_ok, fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/client/error%s", error_cases[i].path);

      g_test_add (name, Fixture, &error_cases[i], fixture_setup, test_error_case,
                  fixture_teardown);
    }
  g_test_add ("/client/rate-limited/retry-after", Fixture, NULL, fixture_setup,
              test_rate_limited_retry_after, fixture_teardown);
  g_test_add ("/client/redirect/not-followed", Fixture, NULL, fixture_setup,
              test_redirect_not_followed, fixture_teardown);
  g_test_add ("/client/hang/times-out", Fixture, NULL, fixture_setup, test_hang_times_out,
              fixture_teardown);
  g_test_add ("/client/connection-refused", Fixture, NULL, fixture_setup,
              test_connection_refused, fixture_teardown);
  g_test_add ("/client/cancelled", Fixture, NULL, fixture_setup, test_cancelled,
              fixture_teardown);
  g_test_add ("/client/insecure-url", Fixture, NULL, fixture_setup, test_insecure_url_refused,
              fixture_teardown);
  g_test_add ("/client/log/logout-path-redacted", Fixture, NULL, fixture_setup,
              test_logout_path_not_logged, fixture_teardown);
  g_test_add_func ("/client/tls/self-signed-refused", test_self_signed_tls_refused);

  return g_test_run ();
}
