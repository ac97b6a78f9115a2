/* test-list-loader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "ringside-account.h"
#include "ringside-error.h"
#include "ringside-list-loader.h"
#include "ringside-test-utils.h"
#include "ringside-user.h"

#define TIMEOUT_SECONDS 60

/* Bodies */

/* A flat list (flatten=true) of @n_users: users 1 to 9 are at the top, every other user
 * reports to the user whose ID is its own divided by ten. */
static char *
generate_users (guint n_users)
{
  g_autoptr(GString) body = g_string_new ("[");

  for (guint id = 1; id <= n_users; id++)
    {
      g_autoptr(GString) path = g_string_new (NULL);

      for (guint ancestor = id / 10; ancestor > 0; ancestor /= 10)
        {
          char part[16];

          g_snprintf (part, sizeof part, ".%u", ancestor);
          g_string_prepend (path, part);
        }

      g_string_append_printf (body,
                              "%s\n{\"userId\": %u, \"userName\": \"user%u@example.com\","
                              " \"firstName\": \"First \\\"%u\\\"\", \"lastName\": \"Last]\","
                              " \"enabled\": %s, \"rootUser\": %s, \"parentPath\": \"%s\","
                              " \"roles\": [{\"roleType\": \"USER\", \"description\": \"U\"}],"
                              " \"creationDate\": %u000, \"children\": []}",
                              id > 1 ? "," : "", id, id, id,
                              id % 7 != 0 ? "true" : "false", id == 1 ? "true" : "false",
                              path->str, 1500000000 + id);
    }
  g_string_append (body, "\n]\n");

  return g_string_free (g_steal_pointer (&body), FALSE);
}

static const char accounts_body[] =
  "[{\"accountId\": \"100\", \"accountName\": \"Main\", \"mainAccountId\": \"100\","
  "  \"crmPwd\": \"secret-1\", \"startDate\": \"2020-01-01T00:00:00Z\"},"
  " {\"accountId\": 101, \"accountName\": \"Sub [one]\", \"mainAccountId\": \"100\","
  "  \"securityKey\": \"secret-2\", \"archivedAccount\": true},"
  " {\"accountId\": \"102\", \"accountName\": \"Sub \\\"two\\\"\", \"mainAccountId\": \"100\"}]";

/* Fixture: a list, its loader, and a loopback server that streams on request */

typedef struct
{
  RingsideItemList   *items;
  RingsideListLoader *loader;
  GAsyncResult       *result;

  SoupServer         *server;
  SoupSession        *session;
  char               *url;
  const char         *first_part;  /* what the server sends before holding back */
  SoupServerMessage  *held;        /* the response whose rest the test will release */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const RingsideListKind *kind = GPOINTER_TO_SIZE (data) != 0 ? &ringside_accounts_list_kind
                                                                : &ringside_users_list_kind;

  f->items = ringside_item_list_new_for_kind (kind);
  f->loader = ringside_list_loader_new (f->items);
}

static void
on_finalized (gpointer  data,
              GObject  *where_the_object_was)
{
  gboolean *finalized = data;

  *finalized = TRUE;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_null (f->result);

  g_clear_object (&f->loader);
  g_clear_object (&f->items);
  g_clear_object (&f->held);
  g_clear_object (&f->session);
  g_clear_pointer (&f->url, g_free);

  if (f->server != NULL)
    {
      gboolean finalized = FALSE;

      /* Connections let go of the server as their closing completes on the main context. */
      g_object_weak_ref (G_OBJECT (f->server), on_finalized, &finalized);
      soup_server_disconnect (f->server);
      g_clear_object (&f->server);
      ringside_test_wait_for (&finalized, TIMEOUT_SECONDS);
    }
}

/* Waits for the load of f->loader that stores its result in @pending, and finishes it. */
static gboolean
wait_load (Fixture       *f,
           GAsyncResult **pending,
           GError       **error)
{
  g_autoptr(GAsyncResult) result = ringside_test_wait_result (pending, TIMEOUT_SECONDS);

  return ringside_list_loader_load_finish (f->loader, result, error);
}

static gboolean
load_stream (Fixture       *f,
             GInputStream  *stream,
             GCancellable  *cancellable,
             GError       **error)
{
  ringside_list_loader_load_async (f->loader, stream, cancellable,
                                   ringside_test_store_result, &f->result);
  return wait_load (f, &f->result, error);
}

static gboolean
load_text (Fixture     *f,
           const char  *body,
           gssize       length,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, length >= 0 ? (gsize) length : strlen (body));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return load_stream (f, stream, NULL, error);
}

static RingsideUser *
get_user (Fixture *f,
          guint    position)
{
  g_autoptr(RingsideUser) user = g_list_model_get_item (G_LIST_MODEL (f->items), position);

  g_assert_nonnull (user);
  return user;  /* the list keeps it alive */
}

static guint
item_count (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->items));
}

/* Waits until the list holds at least @n_items. */
typedef struct
{
  guint    n_items;
  gboolean reached;
} CountWatch;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  CountWatch *watch = user_data;

  if (g_list_model_get_n_items (model) >= watch->n_items)
    watch->reached = TRUE;
}

static void
wait_for_items (Fixture *f,
                guint    n_items)
{
  CountWatch watch = { n_items, item_count (f) >= n_items };
  gulong id = g_signal_connect (f->items, "items-changed", G_CALLBACK (on_items_changed), &watch);

  ringside_test_wait_for (&watch.reached, TIMEOUT_SECONDS);
  g_signal_handler_disconnect (f->items, id);
}

static void
assert_bad_response (GError     *error,
                     const char *message)
{
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” lacks “%s”", error->message, message);
}

/* Loading @body succeeds with @n_items in the list. */
static void
assert_loaded (Fixture    *f,
               const char *body,
               guint       n_items)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (load_text (f, body, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (item_count (f), ==, n_items);
}

/* Loading @body fails as a bad response that says @message, and the @n_items before the
 * fault stay in the list. */
static void
assert_rejected (Fixture    *f,
                 const char *body,
                 const char *message,
                 guint       n_items)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (load_text (f, body, -1, &error));
  assert_bad_response (error, message);
  g_assert_cmpuint (item_count (f), ==, n_items);
}

/* Server */

static void
hold_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  g_assert_null (f->held);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  soup_message_body_append (body, SOUP_MEMORY_COPY, f->first_part, strlen (f->first_part));
  f->held = g_object_ref (msg);
}

/* Sends the rest of the held response in chunks of @chunk_size bytes. */
static void
release_rest_in_chunks (Fixture    *f,
                        const char *rest,
                        gsize       chunk_size)
{
  SoupMessageBody *body = soup_server_message_get_response_body (f->held);
  gsize length = strlen (rest);

  for (gsize offset = 0; offset < length; offset += chunk_size)
    soup_message_body_append (body, SOUP_MEMORY_COPY, rest + offset,
                              MIN (chunk_size, length - offset));
  soup_message_body_complete (body);
  soup_server_message_unpause (f->held);
}

static void
release_rest (Fixture    *f,
              const char *rest)
{
  release_rest_in_chunks (f, rest, 7);
}

static void
start_server_with (Fixture            *f,
                   SoupServerCallback  handler,
                   gpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, "/voice/api/v1/admin/users", handler, data, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (f->server);
  f->url = g_uri_to_string (uris->data);
  f->session = soup_session_new ();
}

/* A server whose users response stops after @first_part until the test releases the rest. */
static void
start_server (Fixture    *f,
              const char *first_part)
{
  f->first_part = first_part;
  start_server_with (f, hold_handler, f);
}

static GInputStream *
request_users (Fixture *f)
{
  g_autofree char *url = g_strconcat (f->url, "voice/api/v1/admin/users?flatten=true", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GInputStream *stream;

  soup_session_send_async (f->session, msg, G_PRIORITY_DEFAULT, NULL,
                           ringside_test_store_result, &f->result);
  result = ringside_test_wait_result (&f->result, TIMEOUT_SECONDS);
  stream = soup_session_send_finish (f->session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);

  return stream;
}

/* Three whole users and a part of the fourth. */
static const char first_part[] =
  "[{\"userId\": 1, \"fullName\": \"One\"}, {\"userId\": 2, \"fullName\": \"Two\"},\n"
  " {\"userId\": 3, \"fullName\": \"Three\", \"roles\": [\"SUPER_USER\"]}, {\"userId\": 4, \"fu";
static const char rest_part[] =
  "llName\": \"Four\"}, {\"userId\": 5, \"fullName\": \"Five\"}]";

/* Starts loading a response that the server holds back after first_part, and returns once
 * its three whole users are in the list. */
static GInputStream *
start_held_load (Fixture      *f,
                 GCancellable *cancellable)
{
  GInputStream *stream;

  start_server (f, first_part);
  stream = request_users (f);
  ringside_list_loader_load_async (f->loader, stream, cancellable, ringside_test_store_result,
                                   &f->result);
  wait_for_items (f, 3);
  return stream;
}

/* Waits for the load that will store its result in @pending, which must end cancelled. */
static void
assert_load_cancelled (Fixture       *f,
                       GAsyncResult **pending)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (wait_load (f, pending, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The rest of the held response, arriving after its load ended, changes nothing. */
static void
release_rest_late (Fixture *f,
                   guint    n_items)
{
  release_rest (f, rest_part);
  ringside_test_run_for (200);
  g_assert_cmpuint (item_count (f), ==, n_items);
}

/* @n_users users from generate_users(), as a stream. */
static GInputStream *
users_stream (guint n_users)
{
  g_autofree char *body = generate_users (n_users);
  gsize length = strlen (body);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&body), length);

  return g_memory_input_stream_new_from_bytes (bytes);
}

/* Tests */

static void
test_load_users (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *body = generate_users (10000);
  g_autoptr(GError) error = NULL;
  RingsideUser *user;

  g_assert_true (load_text (f, body, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (item_count (f), ==, 10000);
  g_assert_cmpuint (ringside_list_loader_get_n_items (f->loader), ==, 10000);

  /* In order, and parsed in full. */
  for (guint i = 0; i < 10000; i++)
    g_assert_cmpint (ringside_user_get_id (get_user (f, i)), ==, i + 1);

  user = get_user (f, 4325);
  g_assert_cmpint (ringside_user_get_id (user), ==, 4326);
  g_assert_cmpstr (ringside_user_get_user_name (user), ==, "user4326@example.com");
  g_assert_cmpstr (ringside_user_get_full_name (user), ==, "First \"4326\" Last]");
  g_assert_cmpint (ringside_user_get_parent_id (user), ==, 432);
  g_assert_cmpuint (ringside_user_get_depth (user), ==, 3);
  g_assert_false (ringside_user_get_enabled (user));
  g_assert_cmpstr (ringside_user_get_roles_text (user), ==, "U");
  g_assert_true (ringside_user_get_root_user (get_user (f, 0)));
}

static void
test_load_hierarchy (Fixture       *f,
                     gconstpointer  data)
{
  const char *body =
    "[{\"userId\": 1, \"children\": [{\"userId\": 2, \"children\": [{\"userId\": 3}]},"
    "                                {\"userId\": 4}]},"
    " {\"userId\": 5, \"children\": [{\"userId\": 6}]}]";
  static const gint64 ids[] = { 1, 2, 3, 4, 5, 6 };
  static const gint64 parents[] = { 0, 1, 2, 1, 0, 5 };

  assert_loaded (f, body, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpint (ringside_user_get_id (get_user (f, i)), ==, ids[i]);
      g_assert_cmpint (ringside_user_get_parent_id (get_user (f, i)), ==, parents[i]);
    }
}

static void
test_load_accounts (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RingsideAccount) main_account = NULL;
  g_autoptr(RingsideAccount) sub_account = NULL;

  assert_loaded (f, accounts_body, 3);

  main_account = g_list_model_get_item (G_LIST_MODEL (f->items), 0);
  sub_account = g_list_model_get_item (G_LIST_MODEL (f->items), 1);
  g_assert_true (ringside_account_get_is_main (main_account));
  g_assert_cmpstr (ringside_account_get_id (sub_account), ==, "101");
  g_assert_cmpstr (ringside_account_get_name (sub_account), ==, "Sub [one]");
  g_assert_true (ringside_account_get_archived (sub_account));
}

static void
test_load_empty_list (Fixture       *f,
                      gconstpointer  data)
{
  assert_loaded (f, "\xef\xbb\xbf [ ]\n", 0);
}

static void
test_list_emptied (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_loaded (f, "[{\"userId\": 1}, {\"userId\": 2}]", 2);

  /* Even a load that fails at once starts from an empty list. */
  g_assert_false (load_text (f, "<html></html>", -1, &error));
  g_assert_cmpuint (item_count (f), ==, 0);
  g_assert_cmpuint (ringside_list_loader_get_n_items (f->loader), ==, 0);
  g_clear_error (&error);

  assert_loaded (f, "[{\"userId\": 3}]", 1);
  g_assert_cmpint (ringside_user_get_id (get_user (f, 0)), ==, 3);
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  /* What came before the break stays. */
  assert_rejected (f, "[{\"userId\": 1}, {\"userId\": 2}, {\"userId\": 3, \"userName\": \"th",
                   "The response ended before the list was complete", 2);
}

static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  assert_rejected (f, "<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>", "web page",
                   0);
}

static void
test_empty_body (Fixture       *f,
                 gconstpointer  data)
{
  assert_rejected (f, "", "empty", 0);
}

static void
test_malformed_element (Fixture       *f,
                        gconstpointer  data)
{
  assert_rejected (f, "[{\"userId\": 1}, {\"userId\": 2,, \"x\": 1}, {\"userId\": 3}]",
                   "user 2: the element is not valid JSON", 1);
}

static void
test_wrong_type_element (Fixture       *f,
                         gconstpointer  data)
{
  assert_rejected (f, "[{\"userId\": 1}, {\"userId\": 2}, {\"userId\": 3, \"roles\": 7}]",
                   "user 3: “roles” is a number, expected a list", 2);
  assert_rejected (f, "[{\"userId\": 1}, 17]", "user 2: the user is a number, expected an object",
                   1);
}

static void
test_wrong_type_account (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (load_text (f, "[{\"accountId\": \"1\"}, {\"accountId\": \"2\", "
                                "\"accountName\": [\"x\"], \"crmPwd\": \"p4ssw0rd\"}]",
                             -1, &error));
  assert_bad_response (error, "account 2: “accountName” is a list, expected text");
  g_assert_null (strstr (error->message, "p4ssw0rd"));
  g_assert_cmpuint (item_count (f), ==, 1);
  g_clear_error (&error);

  /* json-glib's own message could quote the broken element; ours does not. */
  g_assert_false (load_text (f, "[{\"accountId\": \"1\", \"crmPwd\": p4ssw0rd}]", -1, &error));
  assert_bad_response (error, "account 1: the element is not valid JSON");
  g_assert_null (strstr (error->message, "p4ssw0rd"));
}

static void
test_read_error (Fixture       *f,
                 gconstpointer  data)
{
  static const char not_gzip[] = "[{\"userId\": 1}] is not gzip data at all";
  g_autoptr(GInputStream) raw = g_memory_input_stream_new_from_data (not_gzip, -1, NULL);
  g_autoptr(GZlibDecompressor) decompressor =
    g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) stream =
    g_converter_input_stream_new (raw, G_CONVERTER (decompressor));
  g_autoptr(GError) error = NULL;

  g_assert_false (load_stream (f, stream, NULL, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "Reading the list failed"));
}

static void
test_cancel_before_start (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data ("[]", -1, NULL);

  g_assert_true (load_text (f, "[{\"userId\": 1}]", -1, &error));
  g_cancellable_cancel (cancellable);

  g_assert_false (load_stream (f, stream, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (item_count (f), ==, 0);
}

static void
cancel_on_items_changed (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         gpointer    user_data)
{
  if (added > 0)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_mid_load (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GInputStream) stream = users_stream (10000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint count;

  g_signal_connect_object (f->items, "items-changed", G_CALLBACK (cancel_on_items_changed),
                           cancellable, 0);

  g_assert_false (load_stream (f, stream, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  count = item_count (f);
  g_assert_cmpuint (count, >, 0);
  g_assert_cmpuint (count, ==, ringside_list_loader_get_n_items (f->loader));

  /* Nothing trickles in afterwards. */
  ringside_test_run_for (200);
  g_assert_cmpuint (item_count (f), ==, count);
}

static void
test_stream_from_server (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  /* The first rows are in the list while the server still holds the rest back. */
  stream = start_held_load (f, NULL);
  g_assert_nonnull (f->held);
  g_assert_null (f->result);
  g_assert_cmpuint (item_count (f), ==, 3);
  g_assert_cmpstr (ringside_user_get_full_name (get_user (f, 2)), ==, "Three");

  release_rest (f, rest_part);
  g_assert_true (wait_load (f, &f->result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (item_count (f), ==, 5);
  g_assert_cmpstr (ringside_user_get_full_name (get_user (f, 3)), ==, "Four");
  g_assert_cmpstr (ringside_user_get_full_name (get_user (f, 4)), ==, "Five");
}

static void
test_large_from_server (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *body = generate_users (10000);
  g_autofree char *head = g_strndup (body, 100);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  start_server (f, head);
  stream = request_users (f);
  release_rest_in_chunks (f, body + 100, 1000);

  g_assert_true (load_stream (f, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (item_count (f), ==, 10000);
  g_assert_cmpint (ringside_user_get_id (get_user (f, 9999)), ==, 10000);
}

static void
test_connection_drop (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GInputStream) stream = start_held_load (f, NULL);
  g_autoptr(GError) error = NULL;

  soup_server_disconnect (f->server);
  g_assert_false (wait_load (f, &f->result, &error));
  /* libsoup 3.2 reports a chunked body cut between chunks as a clean end, so the splitter is
   * the one to notice; a cut that libsoup notices is a network error. */
  if (!g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NETWORK))
    assert_bad_response (error, "The response ended before the list was complete");
  g_assert_cmpuint (item_count (f), ==, 3);
}

static void
test_cancel_while_server_holds (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GInputStream) stream = start_held_load (f, cancellable);

  g_cancellable_cancel (cancellable);
  assert_load_cancelled (f, &f->result);
  g_assert_cmpuint (item_count (f), ==, 3);
  release_rest_late (f, 3);
}

static void
test_unref_mid_load (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RingsideItemList *items = f->items;
  RingsideListLoader *loader = f->loader;

  stream = start_held_load (f, NULL);

  /* The owner lets go of both while bytes are still to come: the load keeps what it needs
   * alive, finishes, and then lets go too. */
  g_object_add_weak_pointer (G_OBJECT (loader), (gpointer *) &loader);
  g_object_add_weak_pointer (G_OBJECT (items), (gpointer *) &items);
  g_clear_object (&f->loader);
  g_clear_object (&f->items);
  g_clear_object (&stream);
  g_assert_nonnull (loader);

  release_rest (f, rest_part);
  result = ringside_test_wait_result (&f->result, TIMEOUT_SECONDS);
  g_assert_nonnull (loader);
  g_assert_true (ringside_list_loader_load_finish (loader, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, 5);

  g_clear_object (&result);
  g_assert_null (loader);
  g_assert_null (items);
}

static void
test_dispose_mid_load (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GInputStream) stream = start_held_load (f, NULL);

  g_object_run_dispose (G_OBJECT (f->loader));
  g_assert_null (ringside_list_loader_get_items (f->loader));
  assert_load_cancelled (f, &f->result);
  release_rest_late (f, 3);
}

static void
test_new_load_replaces (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GInputStream) held_stream = start_held_load (f, NULL);
  g_autoptr(GInputStream) stream = NULL;
  GAsyncResult *second_pending = NULL;
  g_autoptr(GError) error = NULL;

  stream = g_memory_input_stream_new_from_data ("[{\"userId\": 42}]", -1, NULL);
  ringside_list_loader_load_async (f->loader, stream, NULL, ringside_test_store_result,
                                   &second_pending);

  assert_load_cancelled (f, &f->result);
  g_assert_true (wait_load (f, &second_pending, &error));
  g_assert_no_error (error);

  release_rest_late (f, 1);
  g_assert_cmpint (ringside_user_get_id (get_user (f, 0)), ==, 42);
}

typedef struct
{
  Fixture      *fixture;
  GAsyncResult *result;
  gboolean      started;
} Restart;

static void
restart_on_items_changed (GListModel *model,
                          guint       position,
                          guint       removed,
                          guint       added,
                          gpointer    user_data)
{
  Restart *restart = user_data;
  g_autoptr(GInputStream) stream = NULL;

  if (restart->started || added == 0)
    return;

  restart->started = TRUE;
  stream = g_memory_input_stream_new_from_data ("[{\"userId\": 99}]", -1, NULL);
  ringside_list_loader_load_async (restart->fixture->loader, stream, NULL,
                                   ringside_test_store_result, &restart->result);
}

/* A handler of the list starts a new load while the loader is adding items. */
static void
test_restart_from_handler (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GInputStream) stream = users_stream (10000);
  g_autoptr(GError) error = NULL;
  Restart restart = { f, NULL, FALSE };
  gulong handler;

  handler = g_signal_connect (f->items, "items-changed",
                              G_CALLBACK (restart_on_items_changed), &restart);
  ringside_list_loader_load_async (f->loader, stream, NULL, ringside_test_store_result,
                                   &f->result);

  assert_load_cancelled (f, &f->result);
  g_assert_true (wait_load (f, &restart.result, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (f->items, handler);

  ringside_test_run_for (200);
  g_assert_cmpuint (item_count (f), ==, 1);
  g_assert_cmpuint (ringside_list_loader_get_n_items (f->loader), ==, 1);
  g_assert_cmpint (ringside_user_get_id (get_user (f, 0)), ==, 99);
}

static void
on_n_items_notify (GObject    *object,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  guint *n_notifications = user_data;

  (*n_notifications)++;
}

static void
test_n_items_property (Fixture       *f,
                       gconstpointer  data)
{
  guint n_notifications = 0;
  guint n_items = 0;

  g_signal_connect (f->loader, "notify::n-items", G_CALLBACK (on_n_items_notify),
                    &n_notifications);
  assert_loaded (f, "[{\"userId\": 1}, {\"userId\": 2}]", 2);
  g_object_get (f->loader, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 2);
  g_assert_cmpuint (n_notifications, >=, 2);
}

/* Bounds: caps, stall deadline, dripping servers */

/* A users body that never ends: the handler appends a chunk of users each time the last one
 * was written, forever. */
typedef struct
{
  guint next_id;
  guint n_requests;
} Endless;

static void
endless_append (SoupServerMessage *msg,
                Endless           *endless)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autoptr(GString) chunk = g_string_new (NULL);

  for (guint i = 0; i < 100; i++, endless->next_id++)
    g_string_append_printf (chunk, "%s{\"userId\": %u, \"fullName\": \"User %u\"}",
                            endless->next_id == 1 ? "[" : ",", endless->next_id,
                            endless->next_id);
  soup_message_body_append (body, SOUP_MEMORY_COPY, chunk->str, chunk->len);
  soup_server_message_unpause (msg);
}

static void
endless_handler (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  Endless *endless = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  endless->n_requests++;
  endless->next_id = 1;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (endless_append), endless);
  endless_append (msg, endless);
}

/* Counts the list's emptying, to tell that the cap let go of what was read. */
static void
on_items_removed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *n_removed = user_data;

  *n_removed += removed;
}

static void
assert_endless_capped (Fixture    *f,
                       const char *property,
                       guint64     cap)
{
  Endless endless = { 0, };
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  guint n_removed = 0;

  start_server_with (f, endless_handler, &endless);
  g_object_set (f->loader, property, cap, NULL);
  g_signal_connect (f->items, "items-changed", G_CALLBACK (on_items_removed), &n_removed);
  stream = request_users (f);

  g_assert_false (load_stream (f, stream, NULL, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "larger than Ringside can hold"));
  /* What was read is let go of: the list ends empty (whether rows had reached it depends
   * on how fast the worker was). */
  g_assert_cmpuint (item_count (f), ==, 0);
  g_assert_cmpuint (ringside_list_loader_get_n_items (f->loader), ==, 0);
  g_test_message ("%u rows were in the list before the cap", n_removed);
  g_assert_cmpuint (endless.n_requests, ==, 1);
  g_signal_handlers_disconnect_by_data (f->items, &n_removed);
}

static void
test_cap_items (Fixture       *f,
                gconstpointer  data)
{
  guint max_items = 0;

  g_object_get (f->loader, "max-items", &max_items, NULL);
  g_assert_cmpuint (max_items, ==, 2000000);
  assert_endless_capped (f, "max-items", 5000);
}

static void
test_cap_bytes (Fixture       *f,
                gconstpointer  data)
{
  guint64 max_bytes = 0;

  g_object_get (f->loader, "max-bytes", &max_bytes, NULL);
  g_assert_cmpuint (max_bytes, ==, G_GUINT64_CONSTANT (1) << 30);
  assert_endless_capped (f, "max-bytes", (guint64) 512 * 1024);
}

/* The loader is usable again after a capped load. */
static void
test_cap_then_load (Fixture       *f,
                    gconstpointer  data)
{
  assert_endless_capped (f, "max-items", 1000);
  g_object_set (f->loader, "max-items", 2000000, NULL);
  assert_loaded (f, "[{\"userId\": 1}, {\"userId\": 2}]", 2);
}

static void
test_stall (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  guint stall_timeout = 0;

  g_object_get (f->loader, "stall-timeout", &stall_timeout, NULL);
  g_assert_cmpuint (stall_timeout, ==, 30000);

  /* Three users, half of a fourth, then nothing. */
  start_server (f, first_part);
  g_object_set (f->loader, "stall-timeout", 300, NULL);
  stream = request_users (f);

  g_assert_false (load_stream (f, stream, NULL, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "sent nothing more"));
  /* Like any failure but the caps, what was parsed stays for the caller to judge. */
  g_assert_cmpuint (item_count (f), ==, 3);
}

/* A server that sends one byte at a time, forever: slow but never silent long enough. */
typedef struct
{
  SoupServerMessage *msg;
  guint              source_id;
  guint              n_sent;
} Drip;

static gboolean
drip_one (gpointer user_data)
{
  Drip *drip = user_data;
  static const char body[] = "[{\"userId\": 1, \"fullName\": \"";
  char byte = drip->n_sent < sizeof body - 1 ? body[drip->n_sent] : 'a';

  soup_message_body_append (soup_server_message_get_response_body (drip->msg),
                            SOUP_MEMORY_COPY, &byte, 1);
  soup_server_message_unpause (drip->msg);
  drip->n_sent++;
  return G_SOURCE_CONTINUE;
}

static void
drip_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Drip *drip = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  drip->msg = g_object_ref (msg);
  /* Ten times as often as the stall deadline, so that a busy machine does not matter. */
  drip->source_id = g_timeout_add (40, drip_one, drip);
  drip_one (drip);
}

static void
drip_stop (Drip *drip)
{
  g_clear_handle_id (&drip->source_id, g_source_remove);
  g_clear_object (&drip->msg);
}

/* Slow is not stalled: the caps end it (or the user, below), not the stall deadline. */
static void
test_drip_capped (Fixture       *f,
                  gconstpointer  data)
{
  Drip drip = { 0, };
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  start_server_with (f, drip_handler, &drip);
  g_object_set (f->loader, "stall-timeout", 400, "max-bytes", (guint64) 60, NULL);
  stream = request_users (f);

  g_assert_false (load_stream (f, stream, NULL, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TOO_LARGE);
  g_assert_cmpuint (drip.n_sent, >, 60);
  drip_stop (&drip);
}

static gboolean
cancel_after_drips (gpointer user_data)
{
  gpointer *data = user_data;
  Drip *drip = data[0];

  if (drip->n_sent < 50)
    return G_SOURCE_CONTINUE;

  g_cancellable_cancel (data[1]);
  return G_SOURCE_REMOVE;
}

static void
test_drip_cancelled (Fixture       *f,
                     gconstpointer  data)
{
  Drip drip = { 0, };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  gpointer cancel_data[2] = { &drip, cancellable };
  guint watch_id;

  start_server_with (f, drip_handler, &drip);
  g_object_set (f->loader, "stall-timeout", 400, NULL);
  stream = request_users (f);

  /* 50 bytes take five times the stall deadline. */
  watch_id = g_timeout_add (20, cancel_after_drips, cancel_data);
  g_assert_false (load_stream (f, stream, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (drip.n_sent, >=, 50);
  if (!g_cancellable_is_cancelled (cancellable))
    g_source_remove (watch_id);
  drip_stop (&drip);
}

/* Paging */

static gboolean
parse_user_element (JsonNode   *element,
                    GPtrArray  *out,
                    GError    **error)
{
  return ringside_user_parse_json (element, out, error);
}

static gboolean
match_user_element (gpointer    item,
                    const char *needle)
{
  return ringside_user_matches (item, needle);
}

/* A paged list the loader has never heard of: nothing in it names this kind. */
static const RingsideListKind paged_users_kind = {
  .name = "agent",
  .get_item_type = ringside_user_get_type,
  .path_template = "/voice/api/v1/admin/accounts/{accountId}/users?activeOnly=true",
  .parse = parse_user_element,
  .match = match_user_element,
  .paging = RINGSIDE_LIST_PAGING_PAGE_MAX_ROWS,
  .page_size = 10,
};

typedef struct
{
  guint      n_users;      /* in all */
  guint      server_rows;  /* the most rows the server serves a page, whatever was asked */
  GPtrArray *queries;      /* "page=N&maxRows=M" of each request */
} Pages;

static void
pages_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Pages *pages = user_data;
  const char *page_text = query != NULL ? g_hash_table_lookup (query, "page") : NULL;
  const char *rows_text = query != NULL ? g_hash_table_lookup (query, "maxRows") : NULL;
  g_autoptr(GString) body = g_string_new ("[");
  guint page, rows, first;

  /* The server decodes the escaped value. */
  g_assert_cmpstr (path, ==, "/voice/api/v1/admin/accounts/12 34/users");
  g_assert_cmpstr (g_hash_table_lookup (query, "activeOnly"), ==, "true");
  g_assert_nonnull (page_text);
  g_assert_nonnull (rows_text);
  g_ptr_array_add (pages->queries, g_strdup_printf ("page=%s&maxRows=%s", page_text, rows_text));

  page = atoi (page_text);
  rows = MIN ((guint) atoi (rows_text), pages->server_rows);
  first = page * rows;
  for (guint id = first + 1; id <= MIN (first + rows, pages->n_users); id++)
    g_string_append_printf (body, "%s{\"userId\": %u}", id > first + 1 ? "," : "", id);
  g_string_append (body, "]");

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    body->str, body->len);
}

static void
fixture_open_async (gpointer             source,
                    const char          *path,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  Fixture *f = source;
  g_autofree char *url = g_strconcat (f->url, path + 1, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  g_assert_nonnull (msg);
  soup_session_send_async (f->session, msg, G_PRIORITY_DEFAULT, cancellable, callback,
                           user_data);
}

static GInputStream *
fixture_open_finish (gpointer       source,
                     GAsyncResult  *result,
                     GError       **error)
{
  Fixture *f = source;

  return soup_session_send_finish (f->session, result, error);
}

static const RingsideListOpener fixture_opener = {
  .open_async = fixture_open_async,
  .open_finish = fixture_open_finish,
};

static void
load_pages (Fixture *f,
            guint    n_users,
            guint    server_rows,
            guint    expected_requests)
{
  Pages pages = { n_users, server_rows, g_ptr_array_new_with_free_func (g_free) };
  const char * const values[] = { "accountId", "12 34", NULL };
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&paged_users_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  start_server_with (f, pages_handler, &pages);
  soup_server_remove_handler (f->server, "/voice/api/v1/admin/users");
  soup_server_add_handler (f->server, "/voice/api/v1/admin/accounts", pages_handler, &pages,
                           NULL);

  path = ringside_list_kind_expand_path (&paged_users_kind, values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, "/voice/api/v1/admin/accounts/12%2034/users?activeOnly=true");

  ringside_list_loader_fetch_async (loader, &fixture_opener, f, path, NULL,
                                    ringside_test_store_result, &f->result);
  result = ringside_test_wait_result (&f->result, TIMEOUT_SECONDS);
  g_assert_true (ringside_list_loader_fetch_finish (loader, result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, n_users);
  for (guint i = 0; i < n_users; i++)
    g_assert_cmpint (ringside_user_get_id (ringside_item_list_peek (items, i)), ==, i + 1);

  g_assert_cmpuint (pages.queries->len, ==, expected_requests);
  for (guint i = 0; i < pages.queries->len; i++)
    {
      g_autofree char *expected = g_strdup_printf ("page=%u&maxRows=10", i);

      g_assert_cmpstr (g_ptr_array_index (pages.queries, i), ==, expected);
    }
  g_ptr_array_unref (pages.queries);
}

/* Pages of 10, 10 and a short last one: no fourth request. */
static void
test_pages_short_last (Fixture       *f,
                       gconstpointer  data)
{
  load_pages (f, 25, 100, 3);
}

/* A whole last page: the empty page after it ends the list. */
static void
test_pages_empty_last (Fixture       *f,
                       gconstpointer  data)
{
  load_pages (f, 20, 100, 3);
}

/* The server serves 4 rows a page though 10 were asked: 4, 4, 4, 1. */
static void
test_pages_server_smaller (Fixture       *f,
                           gconstpointer  data)
{
  load_pages (f, 13, 4, 4);
}

static void
test_pages_none (Fixture       *f,
                 gconstpointer  data)
{
  load_pages (f, 0, 100, 1);
}

static void
test_expand_path (void)
{
  const char * const none[] = { NULL };
  const char * const empty[] = { "accountId", "", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *page = NULL;

  path = ringside_list_kind_expand_path (&paged_users_kind, none, &error);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT);
  g_assert_null (path);
  g_clear_error (&error);
  path = ringside_list_kind_expand_path (&paged_users_kind, empty, &error);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  path = ringside_list_kind_expand_path (&ringside_users_list_kind, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, "/voice/api/v1/admin/users?flatten=true");
  page = ringside_list_kind_page_path (&paged_users_kind, "/a/b", 3);
  g_assert_cmpstr (page, ==, "/a/b?page=3&maxRows=10");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func, accounts) \
  g_test_add ("/list-loader/" path, Fixture, GSIZE_TO_POINTER (accounts), \
              fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("users", test_load_users, FALSE);
  ADD_TEST ("hierarchy", test_load_hierarchy, FALSE);
  ADD_TEST ("accounts", test_load_accounts, TRUE);
  ADD_TEST ("empty-list", test_load_empty_list, FALSE);
  ADD_TEST ("list-emptied", test_list_emptied, FALSE);
  ADD_TEST ("truncated", test_truncated, FALSE);
  ADD_TEST ("html", test_html, FALSE);
  ADD_TEST ("empty-body", test_empty_body, TRUE);
  ADD_TEST ("malformed-element", test_malformed_element, FALSE);
  ADD_TEST ("wrong-type-element", test_wrong_type_element, FALSE);
  ADD_TEST ("wrong-type-account", test_wrong_type_account, TRUE);
  ADD_TEST ("read-error", test_read_error, FALSE);
  ADD_TEST ("cancel-before-start", test_cancel_before_start, FALSE);
  ADD_TEST ("cancel-mid-load", test_cancel_mid_load, FALSE);
  ADD_TEST ("server/stream", test_stream_from_server, FALSE);
  ADD_TEST ("server/large", test_large_from_server, FALSE);
  ADD_TEST ("server/connection-drop", test_connection_drop, FALSE);
  ADD_TEST ("server/cancel", test_cancel_while_server_holds, FALSE);
  ADD_TEST ("server/unref-mid-load", test_unref_mid_load, FALSE);
  ADD_TEST ("server/dispose-mid-load", test_dispose_mid_load, FALSE);
  ADD_TEST ("server/new-load-replaces", test_new_load_replaces, FALSE);
  ADD_TEST ("n-items-property", test_n_items_property, FALSE);
  ADD_TEST ("restart-from-handler", test_restart_from_handler, FALSE);
  ADD_TEST ("server/cap-items", test_cap_items, FALSE);
  ADD_TEST ("server/cap-bytes", test_cap_bytes, FALSE);
  ADD_TEST ("server/cap-then-load", test_cap_then_load, FALSE);
  ADD_TEST ("server/stall", test_stall, FALSE);
  ADD_TEST ("server/drip-capped", test_drip_capped, FALSE);
  ADD_TEST ("server/drip-cancelled", test_drip_cancelled, FALSE);
  ADD_TEST ("server/pages-short-last", test_pages_short_last, FALSE);
  ADD_TEST ("server/pages-empty-last", test_pages_empty_last, FALSE);
  ADD_TEST ("server/pages-server-smaller", test_pages_server_smaller, FALSE);
  ADD_TEST ("server/pages-none", test_pages_none, FALSE);
  g_test_add_func ("/list-loader/expand-path", test_expand_path);

#undef ADD_TEST

  return g_test_run ();
}
