/* test-history.c
 *
 * A sub-account's History: the real page and its History view in a real window under Xvfb,
 * reading the demo server's audit log through a real session (newest first, 30 days at a
 * time, searched), with the changes this session makes among them (tagged, never twice), a
 * right the admin lacks, the details of a row, and a change refused with a 409.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ringside-active-change.h"
#include "ringside-agent.h"
#include "ringside-agents-view.h"
#include "ringside-audit-log.h"
#include "ringside-demo-server.h"
#include "ringside-detail-pane.h"
#include "ringside-error.h"
#include "ringside-history-item.h"
#include "ringside-history-view.h"
#include "ringside-session.h"
#include "ringside-sub-account-page.h"
#include "ringside-test-ui-utils.h"
#include "ringside-test-utils.h"

#define AUDIT_PATH "/voice/api/v1/admin/auditLogs/search"

typedef struct
{
  RingsideDemoServer     *server;
  RingsideSession        *session;
  GtkWindow              *window;
  RingsideSubAccountPage *page;
  char                   *account_id;   /* the big sub-account: 300 entries over 90 days */
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

static RingsideListView *
page_view (Fixture *f,
           GType    type)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (f->page), type);

  g_assert_nonnull (view);
  return RINGSIDE_LIST_VIEW (view);
}

static RingsideListView *
history (Fixture *f)
{
  return page_view (f, RINGSIDE_TYPE_HISTORY_VIEW);
}

static gboolean
view_is_settled (gpointer data)
{
  RingsideListView *view = data;

  return !ringside_list_view_get_loading (view) &&
         !ringside_remote_list_get_searching (ringside_list_view_get_list (view));
}

static void
wait_settled (RingsideListView *view)
{
  ringside_test_ui_wait_until (view_is_settled, view, "the view to load");
}

static guint
n_shown (RingsideListView *view)
{
  return g_list_model_get_n_items (ringside_list_view_get_model (view));
}

static RingsideHistoryItem *
row (RingsideListView *view,
     guint             i)
{
  g_autoptr(RingsideHistoryItem) item = g_list_model_get_item (ringside_list_view_get_model (view),
                                                               i);

  g_assert_nonnull (item);
  /* The list holds it. */
  return item;
}

static void
assert_newest_first (RingsideListView *view)
{
  for (guint i = 1; i < n_shown (view); i++)
    g_assert_cmpint (g_date_time_compare (ringside_history_item_get_time (row (view, i - 1)),
                                          ringside_history_item_get_time (row (view, i))),
                     >=, 0);
}

static gboolean
label_below_contains (GtkWidget  *root,
                      const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (label_below_contains (child, text))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} LabelWait;

static gboolean
label_is_shown (gpointer data)
{
  LabelWait *wait = data;

  return label_below_contains (wait->widget, wait->text);
}

static gboolean
no_message_dialog (gpointer data)
{
  return !ringside_test_ui_message_dialog_is_open (NULL);
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Into $RINGSIDE_SCREENSHOT_DIR, or the build's screenshots/, to be looked at. */
static void
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  const char *env_dir = g_getenv ("RINGSIDE_SCREENSHOT_DIR");
  const char *root = g_getenv ("MESON_BUILD_ROOT");
  g_autofree char *dir = NULL;
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  gboolean painted = FALSE;
  gulong handler_id;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (env_dir != NULL && *env_dir != '\0')
    dir = g_strdup (env_dir);
  else if (root != NULL && *root != '\0')
    dir = g_build_filename (root, "screenshots", NULL);
  else
    dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  path = g_build_filename (dir, file_name, NULL);

  handler_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  ringside_test_ui_wait_until (flag_is_set, &painted, "a frame");
  g_signal_handler_disconnect (clock, handler_id);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
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

  ringside_session_sign_in_with_token_finish (RINGSIDE_SESSION (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean signed_in = FALSE;
  const char *url;

  f->server = ringside_demo_server_new ();
  ringside_demo_server_set_contact_centre_size (f->server, 9, 450);
  ringside_demo_server_start (f->server, &error);
  g_assert_no_error (error);
  url = ringside_demo_server_get_url (f->server);
  f->account_id = ringside_demo_server_get_account_id (f->server, 1);

  f->session = ringside_session_new (url, url, NULL, NULL);
  ringside_session_set_persistent (f->session, FALSE);
  ringside_session_sign_in_with_token_async (f->session, RINGSIDE_DEMO_RC_ACCESS_TOKEN, NULL,
                                             on_signed_in, &signed_in);
  ringside_test_wait_for (&signed_in, 30);

  f->page = ringside_sub_account_page_new ();
  ringside_sub_account_page_set_session (f->page, f->session);
  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->session);
  ringside_demo_server_stop (f->server);
  g_clear_object (&f->server);
  g_free (f->account_id);
}

/* Opens the account, and its History (Alt+4's action). */
static void
open_history (Fixture *f)
{
  guint searches = ringside_demo_server_count_requests (f->server, AUDIT_PATH);

  ringside_sub_account_page_open (f->page, f->account_id, "Technical Support");
  wait_settled (page_view (f, RINGSIDE_TYPE_AGENTS_VIEW));
  /* Read only when shown. */
  g_assert_cmpuint (ringside_demo_server_count_requests (f->server, AUDIT_PATH), ==, searches);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "sub-account.show-view", "s", "history");
  g_assert_true (ringside_sub_account_page_get_visible_view (f->page) == history (f));
  wait_settled (history (f));
}

/* The whole log as the server has it: one search over the last 120 days. */
static guint
server_log_length (Fixture *f)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -120);
  g_autoptr(GDateTime) to = g_date_time_add_hours (now, 1);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;

  ringside_audit_log_search_async (f->session, f->account_id, from, to, NULL, NULL,
                                   ringside_test_store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  entries = ringside_audit_log_search_finish (f->session, result, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (entries);
}

static void
on_csv_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ringside_list_view_write_csv_finish (RINGSIDE_LIST_VIEW (source), result,
                                                      &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static char *
export_csv (RingsideListView *view)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ringside-history-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;
  char *text = NULL;

  g_assert_no_error (error);
  ringside_list_view_write_csv_async (view, file, NULL, on_csv_written, &done);
  ringside_test_wait_for (&done, 60);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  return text;
}

/* Tests */

/* Newest first, 30 days at a time: each "Show Older" reaches further back, keeping the
 * order, until the whole log is shown. */
static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  RingsideListView *view;
  guint total = server_log_length (f);
  guint previous = 0;
  guint pages = 0;
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;

  open_history (f);
  view = history (f);
  g_assert_cmpstr (ringside_test_ui_view_page (GTK_WIDGET (view)), ==, "list");
  g_assert_cmpuint (total, >, 200);

  while (n_shown (view) < total)
    {
      GDateTime *since = ringside_history_view_get_since (RINGSIDE_HISTORY_VIEW (view));

      g_assert_cmpuint (n_shown (view), >, previous);
      g_assert_cmpuint (pages, <, 5);
      assert_newest_first (view);
      /* Nothing from before the window. */
      g_assert_cmpint (g_date_time_compare (ringside_history_item_get_time (
                                              row (view, n_shown (view) - 1)), since), >=, 0);
      previous = n_shown (view);
      pages++;

      g_signal_emit_by_name (ringside_test_ui_find_button (GTK_WIDGET (view), "Show _Older"),
                             "clicked");
      wait_settled (view);
    }

  /* At least two pages before the whole log: 90 days, 30 at a time. */
  g_assert_cmpuint (pages, >=, 2);
  g_assert_cmpuint (n_shown (view), ==, total);
  assert_newest_first (view);

  g_object_get (view, "summary", &summary, NULL);
  expected = g_strdup_printf ("%u changes", total);
  g_assert_cmpstr (summary, ==, expected);

  /* Words, not codes. */
  for (guint i = 0; i < n_shown (view); i++)
    {
      const char *action = ringside_history_item_get_action (row (view, i));
      const char *details = ringside_history_item_get_details (row (view, i));

      g_assert_true (g_str_equal (action, "Changed") || g_str_equal (action, "Created") ||
                     g_str_equal (action, "Enabled") || g_str_equal (action, "Disabled"));
      g_assert_false (strstr (ringside_history_item_get_what (row (view, i)), "Gate") != NULL);
      /* The attributes too: "Active: Yes → No", never "isActive: 1 → 0". */
      g_assert_null (strstr (details, "isActive"));
      g_assert_null (strstr (details, "true"));
      g_assert_null (strstr (details, "false"));
      if (g_str_equal (action, "Disabled"))
        g_assert_cmpstr (details, ==, "Active: Yes → No");
    }
}

/* The search narrows over every column: who, the action's words, the details. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  RingsideListView *view;
  guint total;

  open_history (f);
  view = history (f);
  total = n_shown (view);

  ringside_list_view_set_search_text (view, "priya");
  wait_settled (view);
  g_assert_cmpuint (n_shown (view), >, 0);
  g_assert_cmpuint (n_shown (view), <, total);
  for (guint i = 0; i < n_shown (view); i++)
    g_assert_cmpstr (ringside_history_item_get_who (row (view, i)), ==, "Priya Natarajan");
  assert_newest_first (view);

  ringside_list_view_set_search_text (view, "Disabled");
  wait_settled (view);
  g_assert_cmpuint (n_shown (view), >, 0);
  g_assert_cmpuint (n_shown (view), <, total);
  for (guint i = 0; i < n_shown (view); i++)
    g_assert_cmpstr (ringside_history_item_get_action (row (view, i)), ==, "Disabled");

  ringside_list_view_set_search_text (view, "no such change anywhere");
  wait_settled (view);
  g_assert_cmpstr (ringside_test_ui_view_page (GTK_WIDGET (view)), ==, "no-results");

  ringside_list_view_set_search_text (view, "");
  wait_settled (view);
  g_assert_cmpuint (n_shown (view), ==, total);
}

static void
apply (Fixture              *f,
       RingsideActiveChange *change,
       gboolean              succeeds)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ringside_active_change_apply_async (change, f->session, NULL, ringside_test_store_result,
                                      &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ringside_active_change_apply_finish (change, result, &error), ==, succeeds);
}

static guint
count_this_session (RingsideListView *view,
                    guint            *records)
{
  guint n = 0;

  *records = 0;
  for (guint i = 0; i < n_shown (view); i++)
    {
      RingsideHistoryItem *item = row (view, i);

      if (ringside_history_item_get_this_session (item))
        n++;
      if (ringside_history_item_get_record (item) != NULL)
        (*records)++;
    }
  return n;
}

/* A change made in this session shows at once, tagged; once the server's log has it (a
 * reload), its entry carries the tag and the change is not shown twice. A disable and its
 * undo are two changes, matched to two entries. A failed change stays, tagged. */
static void
test_session_changes (Fixture       *f,
                      gconstpointer  data)
{
  RingsideListView *view;
  RingsideListView *agents;
  g_autoptr(RingsideAgent) agent = NULL;
  g_autoptr(RingsideActiveChange) disable = NULL;
  g_autoptr(RingsideActiveChange) enable = NULL;
  RingsideHistoryItem *first;
  guint before, records;

  open_history (f);
  view = history (f);
  agents = page_view (f, RINGSIDE_TYPE_AGENTS_VIEW);
  before = n_shown (view);
  g_assert_cmpuint (count_this_session (view, &records), ==, 0);

  for (guint i = 0; agent == NULL; i++)
    {
      g_autoptr(RingsideAgent) candidate =
        g_list_model_get_item (ringside_list_view_get_model (agents), i);

      g_assert_nonnull (candidate);
      if (ringside_agent_get_is_active (candidate))
        agent = g_steal_pointer (&candidate);
    }
  disable = ringside_active_change_new_agent (f->account_id, ringside_agent_get_group_id (agent),
                                              ringside_agent_get_id (agent),
                                              ringside_agent_get_display_name (agent), FALSE);
  apply (f, disable, TRUE);

  /* At once, before any reload: first, tagged, in words. */
  g_assert_cmpuint (n_shown (view), ==, before + 1);
  first = row (view, 0);
  g_assert_nonnull (ringside_history_item_get_record (first));
  g_assert_true (ringside_history_item_get_this_session (first));
  g_assert_cmpstr (ringside_history_item_get_action (first), ==, "Disabled");
  g_assert_nonnull (strstr (ringside_history_item_get_what (first),
                            ringside_agent_get_display_name (agent)));
  {
    LabelWait wait = { GTK_WIDGET (view), "This session" };

    ringside_test_ui_wait_until (label_is_shown, &wait, "the tag");
  }
  save_screenshot (f->window, "history-session-change");

  /* The server's log has it now: one row, the server's, tagged. */
  ringside_list_view_reload (view);
  wait_settled (view);
  g_assert_cmpuint (n_shown (view), ==, before + 1);
  g_assert_cmpuint (count_this_session (view, &records), ==, 1);
  g_assert_cmpuint (records, ==, 0);
  first = row (view, 0);
  g_assert_nonnull (ringside_history_item_get_entry (first));
  g_assert_true (ringside_history_item_get_this_session (first));
  g_assert_cmpstr (ringside_history_item_get_action (first), ==, "Disabled");

  /* Undo: a second change, a second entry; each matched once. */
  enable = ringside_active_change_reverse (disable);
  apply (f, enable, TRUE);
  g_assert_cmpuint (n_shown (view), ==, before + 2);
  ringside_list_view_reload (view);
  wait_settled (view);
  g_assert_cmpuint (n_shown (view), ==, before + 2);
  g_assert_cmpuint (count_this_session (view, &records), ==, 2);
  g_assert_cmpuint (records, ==, 0);
  g_assert_cmpstr (ringside_history_item_get_action (row (view, 0)), ==, "Enabled");
  g_assert_cmpstr (ringside_history_item_get_action (row (view, 1)), ==, "Disabled");

  /* Refused: the server logs nothing, the session's row stays after a reload. */
  ringside_demo_server_set_fault (f->server, ringside_active_change_get_path (disable),
                                  RINGSIDE_DEMO_FAULT_FORBIDDEN, 0, 100);
  apply (f, disable, FALSE);
  ringside_demo_server_clear_faults (f->server);
  ringside_list_view_reload (view);
  wait_settled (view);
  g_assert_cmpuint (n_shown (view), ==, before + 3);
  first = row (view, 0);
  g_assert_nonnull (ringside_history_item_get_record (first));
  g_assert_cmpstr (ringside_history_item_get_action (first), ==, "Not disabled");

  /* The search sees the tag too. */
  ringside_list_view_set_search_text (view, "this session");
  wait_settled (view);
  g_assert_cmpuint (n_shown (view), ==, 3);
  save_screenshot (f->window, "history-this-session");

  /* The export: the rows shown, the columns shown, the tag kept. */
  {
    g_autofree char *csv = export_csv (view);
    g_autoptr(GPtrArray) rows = ringside_test_parse_csv (csv);
    char **header = g_ptr_array_index (rows, 0);

    g_assert_cmpuint (rows->len, ==, 4);
    g_assert_cmpstr (header[0], ==, "When");
    g_assert_cmpstr (header[1], ==, "Who");
    g_assert_cmpstr (header[2], ==, "What");
    g_assert_cmpstr (header[3], ==, "Action");
    g_assert_cmpstr (header[4], ==, "Details");
    for (guint i = 1; i < rows->len; i++)
      g_assert_true (g_str_has_suffix (((char **) g_ptr_array_index (rows, i))[1],
                                       "(this session)"));
    g_assert_null (strstr (csv, RINGSIDE_DEMO_SECRET_MARKER));
  }
}

/* No audit-log right: the History says so; the other lists work. */
static void
test_forbidden (Fixture       *f,
                gconstpointer  data)
{
  RingsideListView *view;
  GtkWidget *stack;
  AdwStatusPage *error_page;

  ringside_demo_server_set_fault (f->server, AUDIT_PATH, RINGSIDE_DEMO_FAULT_FORBIDDEN, 0, 100);
  open_history (f);
  view = history (f);

  g_assert_cmpstr (ringside_test_ui_view_page (GTK_WIDGET (view)), ==, "error");
  stack = find_descendant (GTK_WIDGET (view), GTK_TYPE_STACK);
  error_page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (stack)));
  g_assert_cmpstr (adw_status_page_get_description (error_page), ==,
                   "You don’t have permission to read the audit log in this account.");
  save_screenshot (f->window, "history-forbidden");

  g_assert_cmpstr (ringside_test_ui_view_page (GTK_WIDGET (page_view (f,
                                                 RINGSIDE_TYPE_AGENTS_VIEW))), ==, "list");

  /* Retry, once the right is there. */
  ringside_demo_server_clear_faults (f->server);
  g_signal_emit_by_name (ringside_test_ui_find_button (GTK_WIDGET (view), "_Retry"), "clicked");
  wait_settled (view);
  g_assert_cmpstr (ringside_test_ui_view_page (GTK_WIDGET (view)), ==, "list");
}

/* Enter on a row: its details, read-only, in the shared pane; at 360 px too. */
static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  RingsideListView *view;
  RingsideHistoryItem *first;
  GtkWidget *pane;
  LabelWait wait;

  open_history (f);
  view = history (f);
  save_screenshot (f->window, "history");

  first = row (view, 0);
  g_assert_true (ringside_list_view_activate_first (view));
  g_assert_true (ringside_sub_account_page_get_details_item (f->page) == G_OBJECT (first));
  pane = find_descendant (GTK_WIDGET (f->page), RINGSIDE_TYPE_DETAIL_PANE);
  g_assert_true (gtk_widget_get_visible (pane));
  wait.widget = pane;
  wait.text = ringside_history_item_get_who (first);
  ringside_test_ui_wait_until (label_is_shown, &wait, "who made the change");
  wait.text = "Entry ID";
  ringside_test_ui_wait_until (label_is_shown, &wait, "the entry's ID");
  /* Nothing to change in a row of the log. */
  {
    GtkWidget *disable = ringside_test_ui_find_button (pane, "Disable");
    GtkWidget *enable = ringside_test_ui_find_button (pane, "Enable");

    g_assert_true (disable == NULL || !gtk_widget_get_visible (disable));
    g_assert_true (enable == NULL || !gtk_widget_get_visible (enable));
  }
  save_screenshot (f->window, "history-details");
  ringside_sub_account_page_close_details (f->page);

  gtk_window_set_default_size (f->window, 360, 720);
  gtk_window_unmaximize (f->window);
  wait.widget = GTK_WIDGET (view);
  wait.text = "Show Older";
  ringside_test_ui_wait_until (label_is_shown, &wait, "the narrow window");
  save_screenshot (f->window, "history-narrow");
}

/* Someone else changed the agent meanwhile (409): a conflict, in words, in the pane. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  RingsideListView *agents;
  g_autoptr(RingsideAgent) agent = NULL;
  g_autoptr(RingsideActiveChange) change = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *pane;
  LabelWait wait;

  open_history (f);
  agents = page_view (f, RINGSIDE_TYPE_AGENTS_VIEW);
  for (guint i = 0; agent == NULL; i++)
    {
      g_autoptr(RingsideAgent) candidate =
        g_list_model_get_item (ringside_list_view_get_model (agents), i);

      g_assert_nonnull (candidate);
      if (ringside_agent_get_is_active (candidate))
        agent = g_steal_pointer (&candidate);
    }
  change = ringside_active_change_new_agent (f->account_id, ringside_agent_get_group_id (agent),
                                             ringside_agent_get_id (agent),
                                             ringside_agent_get_display_name (agent), FALSE);

  /* The core: 409 is its own error. */
  ringside_demo_server_set_fault (f->server, ringside_active_change_get_path (change),
                                  RINGSIDE_DEMO_FAULT_NONE, 0, 1);
  ringside_demo_server_set_fault (f->server, ringside_active_change_get_path (change),
                                  RINGSIDE_DEMO_FAULT_CONFLICT, 0, 1);
  ringside_active_change_apply_async (change, f->session, NULL, ringside_test_store_result,
                                      &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ringside_active_change_apply_finish (change, result, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Someone else changed it"));
  ringside_demo_server_clear_faults (f->server);

  /* The pane: the same refusal, said in the toast. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "sub-account.show-view", "s", "agents");
  g_signal_emit_by_name (agents, "item-activated", agent);
  pane = find_descendant (GTK_WIDGET (f->page), RINGSIDE_TYPE_DETAIL_PANE);
  ringside_demo_server_set_fault (f->server, ringside_active_change_get_path (change),
                                  RINGSIDE_DEMO_FAULT_NONE, 0, 1);
  ringside_demo_server_set_fault (f->server, ringside_active_change_get_path (change),
                                  RINGSIDE_DEMO_FAULT_CONFLICT, 0, 1);
  g_signal_emit_by_name (ringside_test_ui_find_button (pane, "Disable"), "clicked");
  ringside_test_ui_wait_until (ringside_test_ui_message_dialog_is_open, NULL, "the question");
  ringside_test_ui_respond ("Disable");
  ringside_test_ui_wait_until (no_message_dialog, NULL, "the question to close");
  wait.widget = pane;
  wait.text = "Someone else changed it in the meantime";
  ringside_test_ui_wait_until (label_is_shown, &wait, "the conflict");
  g_assert_true (ringside_agent_get_is_active (agent));
  save_screenshot (f->window, "conflict");
  ringside_demo_server_clear_faults (f->server);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/history/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("pages", test_pages);
  ADD ("search", test_search);
  ADD ("session-changes", test_session_changes);
  ADD ("forbidden", test_forbidden);
  ADD ("details", test_details);
  ADD ("conflict", test_conflict);

#undef ADD

  return g_test_run ();
}
