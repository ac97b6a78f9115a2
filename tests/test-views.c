/* test-views.c
 *
 * The accounts and users views, real widgets in a real window under Xvfb, loading from an
 * in-process demo server through a real session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ringside-account.h"
#include "ringside-accounts-view.h"
#include "ringside-demo-server.h"
#include "ringside-session.h"
#include "ringside-test-utils.h"
#include "ringside-user.h"
#include "ringside-users-view.h"

#define ACCOUNTS_PATH "/voice/api/v1/admin/accounts"
#define USERS_PATH    "/voice/api/v1/admin/users"

typedef struct
{
  RingsideDemoServer *server;
  RingsideSession    *session;
  GtkWindow          *window;
  GtkWidget          *view;      /* a RingsideAccountsView or RingsideUsersView */
} Fixture;

/* Widgets */

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static const char *
visible_page (GtkWidget *view)
{
  GtkWidget *stack = find_descendant (view, GTK_TYPE_STACK);

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static GtkWidget *
visible_status_page (GtkWidget *view)
{
  GtkWidget *stack = find_descendant (view, GTK_TYPE_STACK);

  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

static GtkColumnView *
column_view (GtkWidget *view)
{
  GtkWidget *found = find_descendant (view, GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (found);
  return GTK_COLUMN_VIEW (found);
}

static GtkColumnViewColumn *
column_titled (GtkWidget  *view,
               const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view (view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_error ("No column titled “%s”", title);
}

static GListModel *
view_model (GtkWidget *view)
{
  return ringside_list_view_get_model (RINGSIDE_LIST_VIEW (view));
}

static char *
view_summary (GtkWidget *view)
{
  char *summary = NULL;

  g_object_get (view, "summary", &summary, NULL);
  return summary;
}

static void
reload (GtkWidget *view)
{
  ringside_list_view_reload (RINGSIDE_LIST_VIEW (view));
}

static void
on_loading_notify (GObject    *view,
                   GParamSpec *pspec,
                   gboolean   *done)
{
  gboolean loading;

  g_object_get (view, "loading", &loading, NULL);
  *done = !loading;
}

static void
wait_until_loaded (GtkWidget *view)
{
  gboolean loading;
  gboolean done = FALSE;
  gulong handler;

  g_object_get (view, "loading", &loading, NULL);
  g_assert_true (loading);

  handler = g_signal_connect (view, "notify::loading", G_CALLBACK (on_loading_notify), &done);
  ringside_test_wait_for (&done, 30);
  g_signal_handler_disconnect (view, handler);
}

static void
reload_and_wait (GtkWidget *view)
{
  reload (view);
  wait_until_loaded (view);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* Lets the window lay out and paint what changed. */
static void
wait_for_frames (GtkWidget *widget,
                 guint      count)
{
  guint frames = 0;
  gboolean enough = FALSE;
  guint id = gtk_widget_add_tick_callback (widget, on_tick, &frames, NULL);

  while (!enough)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
      enough = frames >= count;
    }

  gtk_widget_remove_tick_callback (widget, id);
}

/* Screenshots for people to look at: $MESON_BUILD_ROOT/screenshots/NAME.png, else in
 * screenshots/ next to this program. */
static void
save_screenshot (Fixture    *fixture,
                 const char *name)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  const char *build_root = g_getenv ("MESON_BUILD_ROOT");
  int width, height;

  wait_for_frames (window, 3);

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (build_root != NULL)
    directory = g_build_filename (build_root, "screenshots", NULL);
  else
    directory = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (directory, 0755), ==, 0);
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (directory, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

/* Fixture */

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  ringside_session_sign_in_with_token_finish (RINGSIDE_SESSION (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  GType view_type = GPOINTER_TO_SIZE (user_data);
  g_autoptr(GError) error = NULL;
  const char *url;
  gboolean signed_in = FALSE;
  GtkWidget *box;
  GtkWidget *header_bar;

  fixture->server = ringside_demo_server_new ();
  ringside_demo_server_start (fixture->server, &error);
  g_assert_no_error (error);
  url = ringside_demo_server_get_url (fixture->server);

  fixture->session = ringside_session_new (url, url, NULL, NULL);
  ringside_session_set_persistent (fixture->session, FALSE);
  ringside_session_sign_in_with_token_async (fixture->session, RINGSIDE_DEMO_RC_ACCESS_TOKEN,
                                             NULL, on_signed_in, &signed_in);
  ringside_test_wait_for (&signed_in, 30);

  fixture->view = g_object_new (view_type, "session", fixture->session, NULL);
  header_bar = adw_header_bar_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header_bar);
  gtk_box_append (GTK_BOX (box), fixture->view);
  gtk_widget_set_vexpand (fixture->view, TRUE);

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_title (fixture->window, "Ringside");
  gtk_window_set_default_size (fixture->window, 1100, 640);
  adw_window_set_content (ADW_WINDOW (fixture->window), box);
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->session);
  ringside_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
}

/* CSV */

static void
on_csv_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;
  gboolean ok;

  ok = ringside_list_view_write_csv_finish (RINGSIDE_LIST_VIEW (source), result, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  *done = TRUE;
}

/* Exports @view to a temporary file and returns the file's text. */
static char *
export_csv (GtkWidget *view)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ringside-export-XXXXXX", &error);
  g_autofree char *path = NULL;
  char *text = NULL;
  gboolean done = FALSE;

  g_assert_no_error (error);
  path = g_build_filename (dir, "export.csv", NULL);
  file = g_file_new_for_path (path);

  ringside_list_view_write_csv_async (RINGSIDE_LIST_VIEW (view), file, NULL, on_csv_written,
                                      &done);
  ringside_test_wait_for (&done, 30);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  return text;
}

static guint
column_index (char       **header,
              const char  *title)
{
  for (guint i = 0; header[i] != NULL; i++)
    if (g_strcmp0 (header[i], title) == 0)
      return i;

  g_error ("No column “%s” in the export", title);
}

/* Accounts */

static void
test_accounts_populate (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GListModel *model = view_model (fixture->view);
  guint n_accounts = ringside_demo_server_get_n_accounts (fixture->server);
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;
  guint n_main = 0;

  reload_and_wait (fixture->view);

  g_assert_cmpstr (visible_page (fixture->view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_accounts);
  summary = view_summary (fixture->view);
  expected = g_strdup_printf ("%u accounts", n_accounts);
  g_assert_cmpstr (summary, ==, expected);

  /* Sorted by name by default; the main account is among them. */
  for (guint i = 0; i < n_accounts; i++)
    {
      g_autoptr(RingsideAccount) account = g_list_model_get_item (model, i);

      if (ringside_account_get_is_main (account))
        n_main++;
      if (i > 0)
        {
          g_autoptr(RingsideAccount) previous = g_list_model_get_item (model, i - 1);

          g_assert_cmpint (g_utf8_collate (ringside_account_get_name (previous),
                                           ringside_account_get_name (account)), <=, 0);
        }
    }
  g_assert_cmpuint (n_main, ==, 1);

  save_screenshot (fixture, "accounts");
}

static void
test_accounts_sort_by_id (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GListModel *model = view_model (fixture->view);
  guint n;

  reload_and_wait (fixture->view);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 2);

  gtk_column_view_sort_by_column (column_view (fixture->view),
                                  column_titled (fixture->view, "Account ID"),
                                  GTK_SORT_DESCENDING);

  /* Numerically, however long the IDs are. */
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(RingsideAccount) previous = g_list_model_get_item (model, i - 1);
      g_autoptr(RingsideAccount) account = g_list_model_get_item (model, i);

      g_assert_cmpuint (g_ascii_strtoull (ringside_account_get_id (previous), NULL, 10), >,
                        g_ascii_strtoull (ringside_account_get_id (account), NULL, 10));
    }
}

static char *
fetch_raw (Fixture    *fixture,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;

  ringside_session_fetch_json_async (fixture->session, path, NULL,
                                     ringside_test_store_result, &result);
  result = ringside_test_wait_result (&result, 30);
  node = ringside_session_fetch_json_finish (fixture->session, result, &error);
  g_assert_no_error (error);
  return json_to_string (node, FALSE);
}

static void
test_accounts_export (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GListModel *model = view_model (fixture->view);
  g_autofree char *raw = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  char **header;
  guint name, id, status;

  reload_and_wait (fixture->view);
  gtk_column_view_sort_by_column (column_view (fixture->view),
                                  column_titled (fixture->view, "Status"),
                                  GTK_SORT_DESCENDING);

  csv = export_csv (fixture->view);
  rows = ringside_test_parse_csv (csv);

  header = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (header[0], ==, "Name");
  g_assert_cmpuint (g_strv_length (header), ==, 6);
  name = column_index (header, "Name");
  id = column_index (header, "Account ID");
  status = column_index (header, "Status");
  column_index (header, "Main Account");
  column_index (header, "Start Date");
  column_index (header, "End Date");

  /* The rows in the order shown: archived accounts first. */
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (model) + 1);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RingsideAccount) account = g_list_model_get_item (model, i);
      char **row = g_ptr_array_index (rows, i + 1);

      g_assert_cmpstr (row[name], ==, ringside_account_get_name (account));
      g_assert_cmpstr (row[id], ==, ringside_account_get_id (account));
      g_assert_cmpstr (row[status], ==,
                       ringside_account_get_archived (account) ? "Archived" : "Active");
    }
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[status], ==, "Archived");

  /* "Main Account" repeats one account on every row: the table leaves it out, the export
   * keeps it. */
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RingsideAccount) first = g_list_model_get_item (model, 0);
      g_autoptr(RingsideAccount) account = g_list_model_get_item (model, i);

      g_assert_cmpstr (ringside_account_get_main_account_name (account), ==,
                       ringside_account_get_main_account_name (first));
    }
  wait_for_frames (fixture->view, 2);
  g_assert_false (gtk_column_view_column_get_visible (column_titled (fixture->view,
                                                                      "Main Account")));

  /* The server sends secrets with every account; none of them is written. */
  raw = fetch_raw (fixture, ACCOUNTS_PATH);
  g_assert_nonnull (strstr (raw, RINGSIDE_DEMO_SECRET_MARKER));
  g_assert_null (strstr (csv, RINGSIDE_DEMO_SECRET_MARKER));
}

/* A narrow window (a phone's 360 pixels): the columns that matter least make way, the
 * name and the user name (the e-mail address) stay; wide again, every column is back. */

static void
assert_shown_columns (GtkWidget          *view,
                      const char * const *titles)
{
  GListModel *columns = gtk_column_view_get_columns (column_view (view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *title = gtk_column_view_column_get_title (column);

      if (titles == NULL)
        g_assert_true (gtk_column_view_column_get_visible (column) ||
                       g_str_equal (title, "Main Account"));
      else if (g_strv_contains (titles, title) != gtk_column_view_column_get_visible (column))
        g_error ("Column “%s” is %s", title,
                 gtk_column_view_column_get_visible (column) ? "shown" : "hidden");
    }
}

static void
test_narrow_columns (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const char * const users[] = { "Name", "User Name", NULL };
  static const char * const accounts[] = { "Name", "Account ID", NULL };
  gboolean is_users = RINGSIDE_IS_USERS_VIEW (fixture->view);
  GtkWidget *box = gtk_widget_get_parent (fixture->view);
  g_autoptr(GtkWidget) view = g_object_ref (fixture->view);
  GtkWidget *narrow = adw_window_new ();
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  gtk_box_remove (GTK_BOX (box), view);
  gtk_window_set_default_size (GTK_WINDOW (narrow), 360, 720);
  adw_window_set_content (ADW_WINDOW (narrow), view);
  gtk_window_present (GTK_WINDOW (narrow));
  reload_and_wait (view);
  wait_for_frames (view, 3);
  g_assert_cmpint (gtk_widget_get_width (view), <=, 360);
  assert_shown_columns (view, is_users ? users : accounts);
  g_assert_cmpstr (visible_page (view), ==, "list");

  /* Hidden to fit, a column is still exported. */
  csv = export_csv (view);
  rows = ringside_test_parse_csv (csv);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, 0)), ==, is_users ? 7 : 6);

  /* Back in the wide window, all of them. */
  adw_window_set_content (ADW_WINDOW (narrow), NULL);
  gtk_box_append (GTK_BOX (box), view);
  gtk_window_destroy (GTK_WINDOW (narrow));
  wait_for_frames (view, 3);
  g_assert_cmpint (gtk_widget_get_width (view), >=, 1000);
  assert_shown_columns (view, NULL);
}

/* A sort by a click on a header leaves no focus ring on the row the focus stayed at; a sort
 * from the keyboard (Ctrl+2) keeps the rings, which show where the keys act. */
static void
test_users_sort_focus (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GtkWindow *window = fixture->window;

  reload_and_wait (fixture->view);
  wait_for_frames (fixture->view, 2);
  gtk_widget_grab_focus (GTK_WIDGET (column_view (fixture->view)));
  g_assert_true (gtk_widget_get_state_flags (GTK_WIDGET (column_view (fixture->view))) &
                 GTK_STATE_FLAG_FOCUS_WITHIN);

  gtk_window_set_focus_visible (window, TRUE);
  gtk_column_view_sort_by_column (column_view (fixture->view),
                                  column_titled (fixture->view, "User Name"),
                                  GTK_SORT_ASCENDING);
  g_assert_false (gtk_window_get_focus_visible (window));

  gtk_window_set_focus_visible (window, TRUE);
  g_assert_true (gtk_widget_activate_action (fixture->view, "list.sort-by", "u", 0));
  g_assert_true (gtk_window_get_focus_visible (window));
}

/* Users */

static void
test_users_populate (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GListModel *model = view_model (fixture->view);
  guint n_users = ringside_demo_server_get_n_users (fixture->server, FALSE);
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  guint max_depth = 0;
  RingsideDemoRequest *request;
  GPtrArray *requests;

  reload_and_wait (fixture->view);

  /* The flat form of the list, so that nested users come as rows of their own. */
  requests = ringside_demo_server_get_requests (fixture->server);
  request = g_ptr_array_index (requests, requests->len - 1);
  g_assert_cmpstr (request->path, ==, USERS_PATH);
  g_assert_cmpstr (g_hash_table_lookup (request->query, "flatten"), ==, "true");

  g_assert_cmpstr (visible_page (fixture->view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_users);
  summary = view_summary (fixture->view);
  expected = g_strdup_printf ("%u users", n_users);
  g_assert_cmpstr (summary, ==, expected);

  for (guint i = 0; i < n_users; i++)
    {
      RingsideUser *user = g_list_model_get_item (model, i);

      g_ptr_array_add (users, user);
      max_depth = MAX (max_depth, ringside_user_get_depth (user));
    }
  for (guint i = 0; i < users->len; i++)
    {
      RingsideUser *user = g_ptr_array_index (users, i);

      g_hash_table_add (ids, g_memdup2 (&(gint64) { ringside_user_get_id (user) },
                                        sizeof (gint64)));
    }
  /* Every user once, and every nested user's manager is there too. */
  g_assert_cmpuint (g_hash_table_size (ids), ==, n_users);
  g_assert_cmpuint (max_depth, >=, 2);
  for (guint i = 0; i < users->len; i++)
    {
      gint64 parent = ringside_user_get_parent_id (g_ptr_array_index (users, i));

      if (parent != 0)
        g_assert_true (g_hash_table_contains (ids, &parent));
    }

  save_screenshot (fixture, "users");
}

/* The search checks a few rows per frame: waits until it is done, and checks that "No
 * Results" never shows while rows may still come. */
static void
search_and_wait (GtkWidget  *view,
                 const char *text)
{
  RingsideRemoteList *list = ringside_list_view_get_list (RINGSIDE_LIST_VIEW (view));
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_object_set (view, "search-text", text, NULL);
  while (ringside_remote_list_get_searching (list))
    {
      g_assert_cmpstr (visible_page (view), !=, "no-results");
      if (g_get_monotonic_time () > deadline)
        g_error ("the search for “%s” never finished", text);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_users_search (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GListModel *model = view_model (fixture->view);
  guint n_users = ringside_demo_server_get_n_users (fixture->server, FALSE);
  g_autoptr(RingsideUser) someone = NULL;
  g_autofree char *needle = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *folded = NULL;
  guint n_broad, n_narrow;

  reload_and_wait (fixture->view);
  someone = g_list_model_get_item (model, n_users / 2);

  /* The first letters of an e-mail address, then all of it. */
  needle = g_utf8_substring (ringside_user_get_user_name (someone), 0, 2);
  search_and_wait (fixture->view, needle);
  n_broad = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_broad, >, 0);
  g_assert_cmpuint (n_broad, <, n_users);
  folded = g_utf8_casefold (needle, -1);
  for (guint i = 0; i < n_broad; i++)
    {
      g_autoptr(RingsideUser) user = g_list_model_get_item (model, i);

      g_assert_true (ringside_user_matches (user, folded));
    }
  summary = view_summary (fixture->view);
  expected = g_strdup_printf ("%u of %u users", n_broad, n_users);
  g_assert_cmpstr (summary, ==, expected);

  search_and_wait (fixture->view, ringside_user_get_user_name (someone));
  n_narrow = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_narrow, >=, 1);
  g_assert_cmpuint (n_narrow, <=, n_broad);

  /* Shortening the text widens the results again. */
  search_and_wait (fixture->view, needle);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_broad);

  /* By ID too, and case does not matter. */
  g_clear_pointer (&needle, g_free);
  needle = g_strdup_printf ("%" G_GINT64_FORMAT, ringside_user_get_id (someone));
  search_and_wait (fixture->view, needle);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  g_clear_pointer (&needle, g_free);
  needle = g_utf8_strup (ringside_user_get_user_name (someone), -1);
  search_and_wait (fixture->view, needle);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_narrow);

  search_and_wait (fixture->view, "zzzz-nobody-by-this-name");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (visible_page (fixture->view), ==, "no-results");
  g_clear_pointer (&summary, g_free);
  summary = view_summary (fixture->view);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("0 of %u users", n_users);
  g_assert_cmpstr (summary, ==, expected);
  save_screenshot (fixture, "users-no-results");

  search_and_wait (fixture->view, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_users);
  g_assert_cmpstr (visible_page (fixture->view), ==, "list");
}

/* How many of every user loaded hold the role @code. */
static guint
count_with_role (GtkWidget  *view,
                 const char *code)
{
  RingsideRemoteList *list = ringside_list_view_get_list (RINGSIDE_LIST_VIEW (view));
  GListModel *items = G_LIST_MODEL (ringside_remote_list_get_items (list));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RingsideUser) user = g_list_model_get_item (items, i);

      n += g_strv_contains (ringside_user_get_roles (user), code);
    }
  return n;
}

/* Typing a role leaves exactly the users who hold it, however the text was reached: the
 * incremental filter must not keep or drop rows when a role matches from its start only. */
static void
test_users_search_roles (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GListModel *model = view_model (fixture->view);
  guint n_managers, n_super;

  reload_and_wait (fixture->view);
  n_managers = count_with_role (fixture->view, "MANAGE_USERS");
  n_super = count_with_role (fixture->view, "SUPER_USER");
  g_assert_cmpuint (n_managers, >, 0);
  g_assert_cmpuint (n_super, >, 0);

  search_and_wait (fixture->view, "Manage users");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_managers);
  /* "users" is not the start of a role: deleting the front must not keep the managers. */
  search_and_wait (fixture->view, "users");
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n_managers);
  search_and_wait (fixture->view, "manage users");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_managers);
  search_and_wait (fixture->view, "MANAGE_USERS");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_managers);
  search_and_wait (fixture->view, "super user");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_super);
  search_and_wait (fixture->view, "");
}

/* Waits until the filter model has checked every row. */
static void
wait_for_filter (GtkWidget *view)
{
  RingsideRemoteList *list = ringside_list_view_get_list (RINGSIDE_LIST_VIEW (view));
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (ringside_remote_list_get_searching (list))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the filter never finished");
      g_main_context_iteration (NULL, TRUE);
    }
}

/* How many of every user loaded are disabled and hold the role @code (NULL: any). */
static guint
count_disabled_with (GtkWidget  *view,
                     const char *code)
{
  RingsideRemoteList *list = ringside_list_view_get_list (RINGSIDE_LIST_VIEW (view));
  GListModel *items = G_LIST_MODEL (ringside_remote_list_get_items (list));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RingsideUser) user = g_list_model_get_item (items, i);

      n += !ringside_user_get_enabled (user) &&
           (code == NULL || g_strv_contains (ringside_user_get_roles (user), code));
    }
  return n;
}

/* The enabled and role filters narrow the rows with the search, and the count says so. */
static void
test_users_filters (Fixture       *fixture,
                    gconstpointer  user_data)
{
  RingsideUsersView *view = RINGSIDE_USERS_VIEW (fixture->view);
  GListModel *model = view_model (fixture->view);
  guint n_users = ringside_demo_server_get_n_users (fixture->server, FALSE);
  g_auto(GStrv) roles = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;
  guint n_disabled, n_disabled_managers, n_managers;

  reload_and_wait (fixture->view);
  /* Each role once, by its code, however RingCX spelled it for each user. */
  roles = ringside_users_view_dup_roles (view, &words);
  g_assert_true (g_strv_contains ((const char * const *) roles, "MANAGE_USERS"));
  g_assert_cmpuint (g_strv_length (roles), ==, g_strv_length (words));
  for (guint i = 0; words[i] != NULL; i++)
    g_assert_null (strchr (words[i], '_'));

  n_disabled = count_disabled_with (fixture->view, NULL);
  g_assert_cmpuint (n_disabled, >, 0);
  ringside_users_view_set_enabled_filter (view, RINGSIDE_USERS_DISABLED);
  wait_for_filter (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_disabled);
  summary = view_summary (fixture->view);
  expected = g_strdup_printf ("%u of %u users", n_disabled, n_users);
  g_assert_cmpstr (summary, ==, expected);

  ringside_users_view_set_enabled_filter (view, RINGSIDE_USERS_ENABLED);
  wait_for_filter (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_users - n_disabled);

  /* A role, with the enabled filter and then with a search. */
  n_managers = count_with_role (fixture->view, "MANAGE_USERS");
  n_disabled_managers = count_disabled_with (fixture->view, "MANAGE_USERS");
  ringside_users_view_set_enabled_filter (view, RINGSIDE_USERS_DISABLED);
  ringside_users_view_set_role_filter (view, "MANAGE_USERS");
  wait_for_filter (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_disabled_managers);
  ringside_users_view_set_enabled_filter (view, RINGSIDE_USERS_ALL);
  wait_for_filter (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_managers);
  search_and_wait (fixture->view, "zzzz-nobody-by-this-name");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  search_and_wait (fixture->view, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_managers);

  ringside_users_view_set_role_filter (view, NULL);
  wait_for_filter (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_users);
  g_clear_pointer (&summary, g_free);
  summary = view_summary (fixture->view);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%u users", n_users);
  g_assert_cmpstr (summary, ==, expected);
}

static gint64
first_user_id (GtkWidget *view)
{
  g_autoptr(RingsideUser) first = g_list_model_get_item (view_model (view), 0);

  return ringside_user_get_id (first);
}

/* Orders of the users' columns, said here independently of the view's sorters. */

static int
collate_folded (const char *a,
                const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return g_utf8_collate (folded_a, folded_b);
}

static int
order_by_name (RingsideUser *a,
               RingsideUser *b)
{
  return collate_folded (ringside_user_get_full_name (a), ringside_user_get_full_name (b));
}

static int
order_by_user_name (RingsideUser *a,
                    RingsideUser *b)
{
  return collate_folded (ringside_user_get_user_name (a), ringside_user_get_user_name (b));
}

static int
order_by_id (RingsideUser *a,
             RingsideUser *b)
{
  return ringside_user_get_id (a) < ringside_user_get_id (b) ? -1 :
         ringside_user_get_id (a) > ringside_user_get_id (b);
}

static int
order_by_roles (RingsideUser *a,
                RingsideUser *b)
{
  return collate_folded (ringside_user_get_roles_text (a), ringside_user_get_roles_text (b));
}

static int
order_by_enabled (RingsideUser *a,
                  RingsideUser *b)
{
  return (int) ringside_user_get_enabled (a) - (int) ringside_user_get_enabled (b);
}

/* Missing dates last. */
static int
order_by_creation_date (RingsideUser *a,
                        RingsideUser *b)
{
  GDateTime *date_a = ringside_user_get_creation_date (a);
  GDateTime *date_b = ringside_user_get_creation_date (b);

  if (date_a == NULL || date_b == NULL)
    return (date_a == NULL) - (date_b == NULL);
  return g_date_time_compare (date_a, date_b);
}

/* Who reports to no one first; the demo data has no two managers of the same name. */
static int
order_by_parent_id (RingsideUser *a,
                    RingsideUser *b)
{
  return (ringside_user_get_parent_id (a) != 0) - (ringside_user_get_parent_id (b) != 0);
}

static const struct {
  const char *title;
  int       (*compare) (RingsideUser *a,
                        RingsideUser *b);
} column_orders[] = {
  { "Name", order_by_name },
  { "User Name", order_by_user_name },
  { "ID", order_by_id },
  { "Reports To", order_by_parent_id },
  { "Roles", order_by_roles },
  { "Enabled", order_by_enabled },
  { "Created", order_by_creation_date },
};

/* @direction: 1 ascending, -1 descending */
static void
assert_sorted (GListModel  *model,
               const char  *title,
               int        (*compare) (RingsideUser *a,
                                      RingsideUser *b),
               int          direction)
{
  guint n_items = g_list_model_get_n_items (model);
  guint n_steps = 0;

  for (guint i = 1; i < n_items; i++)
    {
      g_autoptr(RingsideUser) before = g_list_model_get_item (model, i - 1);
      g_autoptr(RingsideUser) after = g_list_model_get_item (model, i);
      int order = compare (before, after) * direction;

      if (order > 0)
        g_error ("sorted by %s (%d), row %u comes before row %u: “%s”, “%s”", title,
                 direction, i - 1, i, ringside_user_get_full_name (before),
                 ringside_user_get_full_name (after));
      n_steps += order < 0;
    }

  /* The order said something: not every row compared equal. */
  g_assert_cmpuint (n_steps, >, 0);
}

static void
test_users_sort (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GListModel *model = view_model (fixture->view);
  guint n_users;
  gint64 by_name, max_id = 0;

  reload_and_wait (fixture->view);
  n_users = g_list_model_get_n_items (model);
  by_name = first_user_id (fixture->view);

  for (guint i = 0; i < n_users; i++)
    {
      g_autoptr(RingsideUser) user = g_list_model_get_item (model, i);

      max_id = MAX (max_id, ringside_user_get_id (user));
    }

  gtk_column_view_sort_by_column (column_view (fixture->view),
                                  column_titled (fixture->view, "ID"), GTK_SORT_DESCENDING);
  g_assert_cmpint (first_user_id (fixture->view), ==, max_id);
  g_assert_cmpint (first_user_id (fixture->view), !=, by_name);

  gtk_column_view_sort_by_column (column_view (fixture->view),
                                  column_titled (fixture->view, "Name"), GTK_SORT_ASCENDING);
  g_assert_cmpint (first_user_id (fixture->view), ==, by_name);

  /* Every column sorts, both ways. */
  for (guint i = 0; i < G_N_ELEMENTS (column_orders); i++)
    {
      GtkColumnViewColumn *column = column_titled (fixture->view, column_orders[i].title);

      gtk_column_view_sort_by_column (column_view (fixture->view), column, GTK_SORT_ASCENDING);
      assert_sorted (model, column_orders[i].title, column_orders[i].compare, 1);
      gtk_column_view_sort_by_column (column_view (fixture->view), column, GTK_SORT_DESCENDING);
      assert_sorted (model, column_orders[i].title, column_orders[i].compare, -1);
    }
}

static void
test_users_export (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GListModel *model = view_model (fixture->view);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                       g_free, g_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  char **header;
  guint id, name, reports_to, n_rows, n_nested = 0;

  reload_and_wait (fixture->view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RingsideUser) user = g_list_model_get_item (model, i);

      g_hash_table_insert (names, g_memdup2 (&(gint64) { ringside_user_get_id (user) },
                                             sizeof (gint64)),
                           g_strdup (ringside_user_get_full_name (user)));
    }

  /* Filtered and sorted: what the user sees is what gets written, every row of it even when
   * the export starts while the search is still checking rows. */
  gtk_column_view_sort_by_column (column_view (fixture->view),
                                  column_titled (fixture->view, "ID"), GTK_SORT_DESCENDING);
  g_object_set (fixture->view, "search-text", "an", NULL);
  g_assert_true (ringside_remote_list_get_searching (
    ringside_list_view_get_list (RINGSIDE_LIST_VIEW (fixture->view))));

  csv = export_csv (fixture->view);
  n_rows = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_rows, >, 0);
  g_assert_cmpuint (n_rows, <, g_hash_table_size (names));
  rows = ringside_test_parse_csv (csv);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (header), ==, 7);
  name = column_index (header, "Name");
  id = column_index (header, "ID");
  reports_to = column_index (header, "Reports To");
  column_index (header, "User Name");
  column_index (header, "Roles");
  column_index (header, "Enabled");
  column_index (header, "Created");

  g_assert_cmpuint (rows->len, ==, n_rows + 1);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(RingsideUser) user = g_list_model_get_item (model, i);
      char **row = g_ptr_array_index (rows, i + 1);
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  ringside_user_get_id (user));
      gint64 parent = ringside_user_get_parent_id (user);

      g_assert_cmpstr (row[id], ==, id_text);
      g_assert_cmpstr (row[name], ==, ringside_user_get_full_name (user));
      if (parent != 0)
        {
          g_assert_cmpstr (row[reports_to], ==, g_hash_table_lookup (names, &parent));
          n_nested++;
        }
      else
        {
          g_assert_cmpstr (row[reports_to], ==, "");
        }
    }
  g_assert_cmpuint (n_nested, >, 0);
  g_assert_null (strstr (csv, RINGSIDE_DEMO_SECRET_MARKER));
}

static void
click_retry (GtkWidget *view)
{
  GtkWidget *button = find_descendant (visible_status_page (view), GTK_TYPE_BUTTON);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
test_users_error_and_retry (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const struct {
    RingsideDemoFault fault;
    guint             argument;
    const char       *message;
  } cases[] = {
    { RINGSIDE_DEMO_FAULT_SERVER_ERROR, 0,
      "The RingCX server ran into a problem. Try again later." },
    { RINGSIDE_DEMO_FAULT_FORBIDDEN, 0, "Your account lacks permission to list users." },
    { RINGSIDE_DEMO_FAULT_RATE_LIMITED, 30, "RingCX is busy. Try again in 30 seconds." },
    { RINGSIDE_DEMO_FAULT_MALFORMED, 0,
      "The server sent an answer Ringside cannot read. Check the server address in "
      "Preferences." },
  };
  GListModel *model = view_model (fixture->view);
  guint n_users = ringside_demo_server_get_n_users (fixture->server, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *summary = NULL;
      GtkWidget *status_page;

      ringside_demo_server_set_fault (fixture->server, USERS_PATH, cases[i].fault,
                                      cases[i].argument, 1);
      reload_and_wait (fixture->view);

      g_assert_cmpstr (visible_page (fixture->view), ==, "error");
      status_page = visible_status_page (fixture->view);
      g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status_page)), ==,
                       cases[i].message);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
      summary = view_summary (fixture->view);
      g_assert_cmpstr (summary, ==, "");
      if (i == 0)
        save_screenshot (fixture, "users-error");

      /* The fault was for one request: Retry brings the list. */
      click_retry (fixture->view);
      wait_until_loaded (fixture->view);
      g_assert_cmpstr (visible_page (fixture->view), ==, "list");
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_users);
    }
}

/* An endless list stops at the cap: the view says so, holds no rows, and the session stays. */
static void
test_users_too_large (Fixture       *fixture,
                      gconstpointer  user_data)
{
  RingsideRemoteList *list = ringside_list_view_get_list (RINGSIDE_LIST_VIEW (fixture->view));
  guint n_users = ringside_demo_server_get_n_users (fixture->server, FALSE);
  GtkWidget *status_page;
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;
  /* What the app caps lists at, whatever this test sets, in the test's locale. */
  g_autofree char *max_items = ringside_format_count (2000000);

  ringside_remote_list_set_limits (list, G_MAXUINT64, 20000);
  ringside_demo_server_set_fault (fixture->server, USERS_PATH, RINGSIDE_DEMO_FAULT_ENDLESS, 0, 1);
  reload_and_wait (fixture->view);

  g_assert_cmpstr (visible_page (fixture->view), ==, "error");
  status_page = visible_status_page (fixture->view);
  expected = g_strdup_printf ("This list is larger than Ringside can show (over %s items).",
                              max_items);
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status_page)), ==,
                   expected);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (fixture->view)), ==, 0);
  g_assert_cmpuint (ringside_remote_list_get_n_total (list), ==, 0);
  summary = view_summary (fixture->view);
  g_assert_cmpstr (summary, ==, "");
  g_assert_cmpint (ringside_session_get_state (fixture->session), ==,
                   RINGSIDE_SESSION_STATE_SIGNED_IN);

  /* The list is the trouble, not the session: Retry brings the real one. */
  click_retry (fixture->view);
  wait_until_loaded (fixture->view);
  g_assert_cmpstr (visible_page (fixture->view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (view_model (fixture->view)), ==, n_users);
}

static void
test_users_loading_state (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *summary = NULL;

  ringside_demo_server_set_fault (fixture->server, USERS_PATH, RINGSIDE_DEMO_FAULT_DELAY, 500, 1);
  reload (fixture->view);

  g_assert_cmpstr (visible_page (fixture->view), ==, "loading");
  summary = view_summary (fixture->view);
  g_assert_cmpstr (summary, ==, "Loading…");

  wait_until_loaded (fixture->view);
  g_assert_cmpstr (visible_page (fixture->view), ==, "list");
}

static void
test_users_empty (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *summary = NULL;

  ringside_demo_server_set_sizes (fixture->server, 3, 0);
  reload_and_wait (fixture->view);

  g_assert_cmpstr (visible_page (fixture->view), ==, "empty");
  summary = view_summary (fixture->view);
  g_assert_cmpstr (summary, ==, "0 users");
}

typedef struct
{
  GtkWidget *view;
  gboolean   started;
} ReloadOnRequest;

/* Reloads once the server has read the first request for the list, before it answers. */
static void
reload_on_request_read (SoupServer        *server,
                        SoupServerMessage *message,
                        ReloadOnRequest   *data)
{
  if (g_strcmp0 (g_uri_get_path (soup_server_message_get_uri (message)), USERS_PATH) != 0)
    return;

  g_signal_handlers_disconnect_by_data (server, data);
  data->started = TRUE;
  reload (data->view);
}

/* A second reload cancels the first, whose late answer must not show. */
static void
test_users_reload_cancels (Fixture       *fixture,
                           gconstpointer  user_data)
{
  SoupServer *soup_server = ringside_demo_server_get_soup_server (fixture->server);
  GListModel *model = view_model (fixture->view);
  ReloadOnRequest data = { fixture->view, FALSE };

  ringside_demo_server_set_fault (fixture->server, USERS_PATH, RINGSIDE_DEMO_FAULT_SERVER_ERROR,
                                  0, 1);
  g_signal_connect (soup_server, "request-read", G_CALLBACK (reload_on_request_read), &data);
  reload (fixture->view);
  ringside_test_wait_for (&data.started, 30);
  wait_until_loaded (fixture->view);

  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, USERS_PATH), ==, 2);
  g_assert_cmpstr (visible_page (fixture->view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    ringside_demo_server_get_n_users (fixture->server, FALSE));

  /* Refreshing keeps the rows on screen until the new ones arrive. */
  reload (fixture->view);
  g_assert_cmpstr (visible_page (fixture->view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  wait_until_loaded (fixture->view);
}

static void
test_users_sign_out (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *summary = NULL;

  reload_and_wait (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (fixture->view)), >, 0);

  g_object_set (fixture->view, "session", NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (fixture->view)), ==, 0);
  g_assert_cmpstr (visible_page (fixture->view), ==, "empty");
  summary = view_summary (fixture->view);
  g_assert_cmpstr (summary, ==, "");
}

static void
on_request_read (SoupServer        *server,
                 SoupServerMessage *message,
                 gboolean          *read)
{
  if (g_strcmp0 (g_uri_get_path (soup_server_message_get_uri (message)), USERS_PATH) == 0)
    *read = TRUE;
}

/* Closing the window while the list is loading leaves nothing behind to call back. */
static void
test_users_dispose_while_loading (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  SoupServer *soup_server = ringside_demo_server_get_soup_server (fixture->server);
  gboolean read = FALSE;
  gulong handler;

  ringside_demo_server_set_fault (fixture->server, USERS_PATH, RINGSIDE_DEMO_FAULT_DELAY, 200, 1);
  handler = g_signal_connect (soup_server, "request-read", G_CALLBACK (on_request_read), &read);
  reload (fixture->view);
  ringside_test_wait_for (&read, 30);
  g_signal_handler_disconnect (soup_server, handler);

  gtk_window_destroy (fixture->window);
  fixture->window = GTK_WINDOW (adw_window_new ());

  /* Let the delayed answer arrive and the cancelled load wind down. */
  ringside_test_run_for (400);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* GL under Xvfb renders in software, so slowly that the frame clock could keep the main
   * loop busy; the cairo renderer is what the benchmarks use too. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  adw_init ();

#define ADD_TEST(path, type, func) \
  g_test_add (path, Fixture, GSIZE_TO_POINTER (type), fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/views/accounts/populate", RINGSIDE_TYPE_ACCOUNTS_VIEW, test_accounts_populate);
  ADD_TEST ("/views/accounts/sort-by-id", RINGSIDE_TYPE_ACCOUNTS_VIEW, test_accounts_sort_by_id);
  ADD_TEST ("/views/accounts/export", RINGSIDE_TYPE_ACCOUNTS_VIEW, test_accounts_export);
  ADD_TEST ("/views/accounts/narrow", RINGSIDE_TYPE_ACCOUNTS_VIEW, test_narrow_columns);
  ADD_TEST ("/views/users/populate", RINGSIDE_TYPE_USERS_VIEW, test_users_populate);
  ADD_TEST ("/views/users/narrow", RINGSIDE_TYPE_USERS_VIEW, test_narrow_columns);
  ADD_TEST ("/views/users/sort-focus", RINGSIDE_TYPE_USERS_VIEW, test_users_sort_focus);
  ADD_TEST ("/views/users/search", RINGSIDE_TYPE_USERS_VIEW, test_users_search);
  ADD_TEST ("/views/users/search-roles", RINGSIDE_TYPE_USERS_VIEW, test_users_search_roles);
  ADD_TEST ("/views/users/filters", RINGSIDE_TYPE_USERS_VIEW, test_users_filters);
  ADD_TEST ("/views/users/sort", RINGSIDE_TYPE_USERS_VIEW, test_users_sort);
  ADD_TEST ("/views/users/export", RINGSIDE_TYPE_USERS_VIEW, test_users_export);
  ADD_TEST ("/views/users/error-and-retry", RINGSIDE_TYPE_USERS_VIEW,
            test_users_error_and_retry);
  ADD_TEST ("/views/users/too-large", RINGSIDE_TYPE_USERS_VIEW, test_users_too_large);
  ADD_TEST ("/views/users/loading-state", RINGSIDE_TYPE_USERS_VIEW, test_users_loading_state);
  ADD_TEST ("/views/users/empty", RINGSIDE_TYPE_USERS_VIEW, test_users_empty);
  ADD_TEST ("/views/users/reload-cancels", RINGSIDE_TYPE_USERS_VIEW, test_users_reload_cancels);
  ADD_TEST ("/views/users/sign-out", RINGSIDE_TYPE_USERS_VIEW, test_users_sign_out);
  ADD_TEST ("/views/users/dispose-while-loading", RINGSIDE_TYPE_USERS_VIEW,
            test_users_dispose_while_loading);

#undef ADD_TEST

  return g_test_run ();
}
