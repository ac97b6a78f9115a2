/* test-ui.c
 *
 * The real application, in process, against an in-process demo server and the real keyring:
 * signing in through the dialog, restoring on a second start, searching, signing out, and the
 * error states. Each scenario runs inside g_application_run() and drives the real widgets,
 * iterating the main context until what it waits for has happened.
 *
 * Screenshots of the main screens go to $RINGSIDE_SCREENSHOT_DIR, else
 * $MESON_BUILD_ROOT/screenshots, else screenshots/ next to this program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "ringside-accounts-view.h"
#include "ringside-application.h"
#include "ringside-demo-server.h"
#include "ringside-preferences-window.h"
#include "ringside-server-group.h"
#include "ringside-sign-in-dialog.h"
#include "ringside-test-ui-utils.h"
#include "ringside-test-utils.h"
#include "ringside-token-store.h"
#include "ringside-user.h"
#include "ringside-users-view.h"
#include "ringside-window.h"

#define EXCHANGE_PATH "/api/auth/login/rc/accesstoken"
#define REFRESH_PATH "/api/auth/token/refresh"
#define ACCOUNTS_PATH "/voice/api/v1/admin/accounts"

/* Nothing listens on this port: connections are refused at once. */
#define UNREACHABLE_URL "http://127.0.0.1:1"

static RingsideDemoServer *server;

/* Waiting */

/* Finding the real widgets */

/* A row of the server picker of the dialog or preferences @window. */
static gpointer
server_child (gpointer    window,
              const char *name)
{
  GType type = RINGSIDE_IS_SIGN_IN_DIALOG (window) ? RINGSIDE_TYPE_SIGN_IN_DIALOG
                                                   : RINGSIDE_TYPE_PREFERENCES_WINDOW;
  gpointer group = gtk_widget_get_template_child (window, type, "server_group");

  return gtk_widget_get_template_child (group, RINGSIDE_TYPE_SERVER_GROUP, name);
}

static char *
view_summary (GtkWidget *view)
{
  char *summary = NULL;

  g_object_get (view, "summary", &summary, NULL);
  return summary;
}

static char *
lookup_stored_token (const char *url)
{
  g_autoptr(GError) error = NULL;
  char *token = secret_password_lookup_sync (ringside_token_store_get_schema (), NULL, &error,
                                             "server", url,
                                             NULL);

  g_assert_no_error (error);
  return token;
}

/* Conditions */

static gboolean
nothing_is_stored (gpointer url)
{
  g_autofree char *stored = lookup_stored_token (url);

  return stored == NULL;
}

static gboolean
dialog_is_busy (gpointer data)
{
  return gtk_widget_get_visible (ringside_test_ui_dialog_child (data, "spinner"));
}

static gboolean
dialog_shows_message (gpointer data)
{
  RingsideSignInDialog *dialog = data;
  GtkRevealer *revealer = ringside_test_ui_dialog_child (dialog, "message_revealer");

  return gtk_revealer_get_reveal_child (revealer)
         && gtk_widget_get_sensitive (ringside_test_ui_dialog_child (dialog, "form_box"));
}

static gboolean
main_page_is_signed_out (gpointer data)
{
  GtkStack *main_stack = ringside_test_ui_window_child (data, "main_stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (main_stack), "signed-out") == 0;
}

static gboolean
accounts_show_error (gpointer data)
{
  GtkWidget *accounts_view = ringside_test_ui_window_child (data, "accounts_view");

  return g_strcmp0 (ringside_test_ui_view_page (accounts_view), "error") == 0;
}

static gboolean
accounts_show_list (gpointer data)
{
  GtkWidget *accounts_view = ringside_test_ui_window_child (data, "accounts_view");

  return g_strcmp0 (ringside_test_ui_view_page (accounts_view), "list") == 0;
}

typedef struct
{
  GtkWidget  *view;
  const char *summary;
} SummaryWait;

static gboolean
summary_is (gpointer data)
{
  SummaryWait *wait = data;
  g_autofree char *summary = view_summary (wait->view);

  return g_strcmp0 (summary, wait->summary) == 0;
}

static void
wait_for_summary (GtkWidget  *view,
                  const char *expected)
{
  SummaryWait wait = { view, expected };
  g_autofree char *what = g_strdup_printf ("the summary “%s”", expected);

  ringside_test_ui_wait_until (summary_is, &wait, what);
}

static gboolean
offline_banner_is_shown (gpointer data)
{
  return gtk_revealer_get_reveal_child (ringside_test_ui_window_child (data, "offline_banner"));
}

static gboolean
message_dialog_is_closed (gpointer data)
{
  return !ringside_test_ui_message_dialog_is_open (data);
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Screenshots */

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

static char *
screenshot_dir (void)
{
  const char *dir = g_getenv ("RINGSIDE_SCREENSHOT_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);

  dir = g_getenv ("MESON_BUILD_ROOT");
  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, "screenshots", NULL);

  return g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
}

/* Renders @window as it is on screen, once it has painted its current state. */
static void
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = screenshot_dir ();
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  GtkWidget *widget = GTK_WIDGET (window);
  GdkFrameClock *clock;
  GtkSnapshot *snapshot;
  gboolean painted = FALSE;
  gulong handler_id;
  int width;
  int height;

  ringside_test_ui_wait_until ((RingsideTestCondition) gtk_widget_get_mapped, widget,
                               "the window to be mapped");

  clock = gtk_widget_get_frame_clock (widget);
  handler_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  ringside_test_ui_wait_until (flag_is_set, &painted, "a frame");
  g_signal_handler_disconnect (clock, handler_id);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

/* Running the application */

static void
run_app_on_server (RingsideTestScenario scenario)
{
  const char *url = ringside_demo_server_get_url (server);
  const char * const args[] = { "--server", url, "--platform-server", url, NULL };

  ringside_test_ui_run_app (args, scenario);
}

/* Scenarios */

static void
assert_focus_in (RingsideSignInDialog *dialog,
                 const char           *row_name)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, ringside_test_ui_dialog_child (dialog, row_name)));
}

static void
assert_lists_complete (RingsideApplication *app)
{
  g_autofree char *accounts = NULL;
  g_autofree char *users = NULL;

  accounts = g_strdup_printf ("%u accounts", ringside_demo_server_get_n_accounts (server));
  users = g_strdup_printf ("%u users", ringside_demo_server_get_n_users (server, FALSE));
  wait_for_summary (ringside_test_ui_window_child (app, "accounts_view"), accounts);
  wait_for_summary (ringside_test_ui_window_child (app, "users_view"), users);
}

static void
scenario_sign_in (RingsideApplication *app)
{
  const char *url = ringside_demo_server_get_url (server);
  RingsideSignInDialog *dialog;
  g_autofree char *stored = NULL;
  AdwViewStack *view_stack;

  /* Nothing stored: the dialog opens over the window, on the method used last (the browser
   * for a new user), with its field focused. */
  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_open, NULL, "the sign-in dialog");
  dialog = ringside_test_ui_sign_in_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog))
                 == GTK_WINDOW (ringside_test_ui_get_window (app)));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  ringside_test_ui_wait_until ((RingsideTestCondition) gtk_widget_get_mapped, dialog,
                               "the dialog to be mapped");
  assert_focus_in (dialog, "browser_client_id_row");
  gtk_toggle_button_set_active (ringside_test_ui_dialog_child (dialog, "token_toggle"), TRUE);
  assert_focus_in (dialog, "token_row");

  /* The JWT way: its first field gets the focus; and back. */
  gtk_toggle_button_set_active (ringside_test_ui_dialog_child (dialog, "jwt_toggle"), TRUE);
  assert_focus_in (dialog, "client_id_row");
  gtk_toggle_button_set_active (ringside_test_ui_dialog_child (dialog, "token_toggle"), TRUE);
  assert_focus_in (dialog, "token_row");
  g_assert_false (gtk_widget_get_sensitive (ringside_test_ui_dialog_child (dialog,
                                                                           "sign_in_button")));
  save_screenshot (GTK_WINDOW (dialog), "sign-in");

  /* Cancelled while the server takes its time: the form comes back as it was. */
  ringside_demo_server_set_fault (server, EXCHANGE_PATH, RINGSIDE_DEMO_FAULT_HANG, 0, 1);
  gtk_editable_set_text (ringside_test_ui_dialog_child (dialog, "token_row"), "a-token-to-cancel");
  ringside_test_ui_activate_entry (ringside_test_ui_dialog_child (dialog, "token_row"));
  ringside_test_ui_wait_until (dialog_is_busy, dialog, "the dialog to sign in");
  g_signal_emit_by_name (ringside_test_ui_dialog_child (dialog, "cancel_button"), "clicked");
  g_assert_false (dialog_is_busy (dialog));
  g_assert_true (gtk_widget_get_sensitive (ringside_test_ui_dialog_child (dialog, "form_box")));
  g_assert_false (gtk_revealer_get_reveal_child (ringside_test_ui_dialog_child (
                    dialog, "message_revealer")));
  g_assert_cmpstr (gtk_editable_get_text (ringside_test_ui_dialog_child (dialog, "token_row")), ==,
                   "a-token-to-cancel");
  g_assert_true (ringside_test_ui_sign_in_dialog () == dialog);
  ringside_test_ui_wait_until (main_page_is_signed_out, app, "the window to show it is signed out");
  ringside_demo_server_clear_faults (server);

  /* A wrong token: a plain message, and what was typed stays. */
  gtk_editable_set_text (ringside_test_ui_dialog_child (dialog, "token_row"),
                         "not-the-right-token");
  ringside_test_ui_activate_entry (ringside_test_ui_dialog_child (dialog, "token_row"));
  ringside_test_ui_wait_until (dialog_is_busy, dialog, "the dialog to sign in");
  g_assert_false (gtk_widget_get_sensitive (ringside_test_ui_dialog_child (dialog, "form_box")));
  g_assert_false (gtk_widget_get_sensitive (ringside_test_ui_dialog_child (dialog,
                                                                           "sign_in_button")));
  g_assert_true (gtk_widget_get_sensitive (ringside_test_ui_dialog_child (dialog,
                                                                          "cancel_button")));
  ringside_test_ui_wait_until (dialog_shows_message, dialog, "the sign-in error");
  g_assert_cmpstr (gtk_label_get_label (ringside_test_ui_dialog_child (dialog, "message_label")),
                   ==,
                   "RingCentral did not accept this token. Paste a fresh access token.");
  g_assert_cmpstr (gtk_editable_get_text (ringside_test_ui_dialog_child (dialog, "token_row")), ==,
                   "not-the-right-token");
  g_assert_true (ringside_test_ui_sign_in_dialog () == dialog);
  save_screenshot (GTK_WINDOW (dialog), "sign-in-error");

  /* The right one, with Enter: the dialog goes and both lists fill. */
  gtk_editable_set_text (ringside_test_ui_dialog_child (dialog, "token_row"),
                         RINGSIDE_DEMO_RC_ACCESS_TOKEN);
  ringside_test_ui_activate_entry (ringside_test_ui_dialog_child (dialog, "token_row"));
  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_closed, NULL,
                               "the dialog to close");
  ringside_test_ui_wait_until (ringside_test_ui_lists_are_shown, app, "both lists");
  assert_lists_complete (app);

  /* Only the rotating refresh token is kept, in the keyring, for this server. */
  stored = lookup_stored_token (url);
  g_assert_cmpstr (stored, ==, ringside_demo_server_get_latest_refresh_token (server));
  g_clear_pointer (&stored, secret_password_free);

  save_screenshot (GTK_WINDOW (ringside_test_ui_get_window (app)), "accounts");

  view_stack = ringside_test_ui_window_child (app, "view_stack");
  gtk_widget_activate_action (GTK_WIDGET (ringside_test_ui_get_window (app)), "win.show-view", "s",
                              "users");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "users");
  save_screenshot (GTK_WINDOW (ringside_test_ui_get_window (app)), "users");
}

static gboolean
file_chooser_is_open (gpointer data)
{
  return ringside_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  RingsideApplication *app;
  const char          *title;
} ToastWait;

static gboolean
toast_is_shown (gpointer data)
{
  ToastWait *wait = data;

  return has_label (ringside_test_ui_window_child (wait->app, "toast_overlay"), wait->title);
}

/* Signs in through the dialog that opens for want of a stored session. */
static void
sign_in_with_token (RingsideApplication *app)
{
  RingsideSignInDialog *dialog;

  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_open, NULL, "the sign-in dialog");
  dialog = ringside_test_ui_sign_in_dialog ();
  gtk_toggle_button_set_active (ringside_test_ui_dialog_child (dialog, "token_toggle"), TRUE);
  gtk_editable_set_text (ringside_test_ui_dialog_child (dialog, "token_row"),
                         RINGSIDE_DEMO_RC_ACCESS_TOKEN);
  ringside_test_ui_activate_entry (ringside_test_ui_dialog_child (dialog, "token_row"));
  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_closed, NULL,
                               "the dialog to close");
  ringside_test_ui_wait_until (ringside_test_ui_lists_are_shown, app, "both lists");
  assert_lists_complete (app);
}

/* Exports the accounts through the file chooser, as the user would. */
static void
scenario_export (RingsideApplication *app)
{
  g_autoptr(GError) error = NULL;
  /* Inside the rig's throwaway directory, so that nothing stays behind even on failure. */
  const char *scratch = g_getenv ("RINGSIDE_TEST_SCRATCH");
  g_autofree char *dir_path = g_build_filename (scratch != NULL ? scratch : g_get_tmp_dir (),
                                                "ringside-export-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  ToastWait toast = { app, "Accounts exported" };
  GtkFileChooser *chooser;

  g_assert_nonnull (g_mkdtemp (dir_path));
  path = g_build_filename (dir_path, "accounts.csv", NULL);

  sign_in_with_token (app);
  gtk_widget_activate_action (GTK_WIDGET (ringside_test_ui_get_window (app)), "win.show-view", "s",
                              "accounts");

  gtk_widget_activate_action (GTK_WIDGET (ringside_test_ui_get_window (app)), "win.export", NULL);
  ringside_test_ui_wait_until (file_chooser_is_open, NULL, "the file chooser");
  chooser = ringside_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  /* Typed as a whole path into the name field, as one can. */
  gtk_file_chooser_set_current_name (chooser, path);
  g_signal_emit_by_name (ringside_test_ui_find_button (GTK_WIDGET (chooser), "_Export"), "clicked");
  ringside_test_ui_wait_until (toast_is_shown, &toast, "the export toast");

  /* The rows as shown, under a header, and none of the secrets the API sends along. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "Northwind Support"));
  g_assert_null (strstr (contents, RINGSIDE_DEMO_SECRET_MARKER));
  lines = g_strsplit (g_strchomp (contents), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, ringside_demo_server_get_n_accounts (server) + 1);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir_path), ==, 0);
}

static void
scenario_search_and_errors (RingsideApplication *app)
{
  GtkWidget *accounts_view;
  GtkWidget *users_view;
  AdwViewStack *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkSearchBar *search_bar;
  AdwStatusPage *error_page;
  RingsideUser *first;
  g_autofree char *expected = NULL;
  g_autofree char *needle = NULL;
  g_autofree char *folded = NULL;
  guint n_users = ringside_demo_server_get_n_users (server, FALSE);
  guint n_matching;
  GListModel *model;

  ringside_test_ui_wait_until (ringside_test_ui_lists_are_shown, app, "both lists");
  assert_lists_complete (app);
  g_assert_null (ringside_test_ui_sign_in_dialog ());
  accounts_view = ringside_test_ui_window_child (app, "accounts_view");
  users_view = ringside_test_ui_window_child (app, "users_view");

  /* The view shown last comes back. */
  view_stack = ringside_test_ui_window_child (app, "view_stack");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "users");

  /* Search for one user's e-mail address: the summary counts what matches. */
  model = ringside_list_view_get_model (RINGSIDE_LIST_VIEW (users_view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_users);
  first = g_list_model_get_item (model, 0);
  needle = g_strdup (ringside_user_get_user_name (first));
  g_object_unref (first);
  folded = g_utf8_casefold (needle, -1);
  n_matching = 0;
  for (guint i = 0; i < n_users; i++)
    {
      g_autoptr(RingsideUser) user = g_list_model_get_item (model, i);

      n_matching += ringside_user_matches (user, folded) ? 1 : 0;
    }
  g_assert_cmpuint (n_matching, >=, 1);
  g_assert_cmpuint (n_matching, <, n_users);

  search_bar = ringside_test_ui_window_child (app, "search_bar");
  gtk_widget_activate_action (GTK_WIDGET (ringside_test_ui_get_window (app)), "win.search", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (search_bar));
  gtk_editable_set_text (ringside_test_ui_window_child (app, "search_entry"), needle);

  expected = g_strdup_printf ("%u of %u users", n_matching, n_users);
  wait_for_summary (users_view, expected);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_matching);
  switcher_title = ringside_test_ui_window_child (app, "switcher_title");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (switcher_title), ==, expected);
  save_screenshot (GTK_WINDOW (ringside_test_ui_get_window (app)), "users-search");

  /* Escape-like: clearing the search shows everything again. */
  gtk_editable_set_text (ringside_test_ui_window_child (app, "search_entry"), "");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%u users", n_users);
  wait_for_summary (users_view, expected);

  /* A failing server: the accounts show the error with Retry, and the app carries on. */
  ringside_demo_server_set_fault (server, ACCOUNTS_PATH, RINGSIDE_DEMO_FAULT_SERVER_ERROR, 0,
                                  G_MAXUINT);
  gtk_widget_activate_action (GTK_WIDGET (ringside_test_ui_get_window (app)), "win.show-view", "s",
                              "accounts");
  gtk_widget_activate_action (GTK_WIDGET (ringside_test_ui_get_window (app)), "win.refresh", NULL);
  ringside_test_ui_wait_until (accounts_show_error, app, "the error state");
  g_assert_cmpint (ringside_session_get_state (ringside_application_get_session (app)), ==,
                   RINGSIDE_SESSION_STATE_SIGNED_IN);
  save_screenshot (GTK_WINDOW (ringside_test_ui_get_window (app)), "error");

  ringside_demo_server_clear_faults (server);
  error_page = ADW_STATUS_PAGE (gtk_widget_get_template_child (accounts_view,
                                                              RINGSIDE_TYPE_ACCOUNTS_VIEW,
                                                              "error_page"));
  gtk_widget_activate (adw_status_page_get_child (error_page));
  ringside_test_ui_wait_until (accounts_show_list, app, "the accounts again");
}

static void
scenario_restore_and_sign_out (RingsideApplication *app)
{
  const char *url = ringside_demo_server_get_url (server);
  RingsideSignInDialog *dialog;
  GtkStack *main_stack;
  RingsideListView *accounts_view;
  g_autofree char *stored = NULL;

  /* Restored from the keyring: no dialog, no new exchange, only a refresh. */
  ringside_test_ui_wait_until (ringside_test_ui_lists_are_shown, app, "both lists");
  g_assert_null (ringside_test_ui_sign_in_dialog ());
  g_assert_cmpuint (ringside_demo_server_count_requests (server, EXCHANGE_PATH), ==, 0);
  g_assert_cmpuint (ringside_demo_server_count_requests (server, REFRESH_PATH), >=, 1);
  assert_lists_complete (app);

  /* Sign out, confirmed: the keyring forgets the session and the dialog comes back. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  ringside_test_ui_wait_until (ringside_test_ui_message_dialog_is_open, NULL, "the confirmation");
  ringside_test_ui_respond ("_Sign Out");
  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_open, NULL, "the sign-in dialog");

  stored = lookup_stored_token (url);
  g_assert_null (stored);
  g_assert_cmpint (ringside_session_get_state (ringside_application_get_session (app)), ==,
                   RINGSIDE_SESSION_STATE_SIGNED_OUT);
  main_stack = ringside_test_ui_window_child (app, "main_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "signed-out");
  accounts_view = ringside_test_ui_window_child (app, "accounts_view");
  g_assert_null (ringside_list_view_get_session (accounts_view));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "sign-out"));

  /* Back in with JWT credentials, remembered from here on. */
  dialog = ringside_test_ui_sign_in_dialog ();
  gtk_toggle_button_set_active (ringside_test_ui_dialog_child (dialog, "jwt_toggle"), TRUE);
  gtk_editable_set_text (ringside_test_ui_dialog_child (dialog, "client_id_row"),
                         RINGSIDE_DEMO_CLIENT_ID);
  gtk_editable_set_text (ringside_test_ui_dialog_child (dialog, "client_secret_row"),
                         RINGSIDE_DEMO_CLIENT_SECRET);
  gtk_editable_set_text (ringside_test_ui_dialog_child (dialog, "jwt_row"),
                         "eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl");
  ringside_test_ui_activate_entry (ringside_test_ui_dialog_child (dialog, "jwt_row"));
  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_closed, NULL,
                               "the dialog to close");
  ringside_test_ui_wait_until (ringside_test_ui_lists_are_shown, app, "both lists");

  stored = lookup_stored_token (url);
  g_assert_cmpstr (stored, ==, ringside_demo_server_get_latest_refresh_token (server));
  g_clear_pointer (&stored, secret_password_free);
}

static void
scenario_rejected (RingsideApplication *app)
{
  RingsideSignInDialog *dialog;

  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_open, NULL, "the sign-in dialog");
  dialog = ringside_test_ui_sign_in_dialog ();
  ringside_test_ui_wait_until (dialog_shows_message, dialog, "the reason");
  g_assert_cmpstr (gtk_label_get_label (ringside_test_ui_dialog_child (dialog, "message_label")),
                   ==,
                   "Your session has ended. Sign in again to continue.");

  /* The rejected session is not tried again next time. */
  ringside_test_ui_wait_until (nothing_is_stored, (gpointer) ringside_demo_server_get_url (server),
              "the keyring to forget the session");
}

static void
scenario_offline (RingsideApplication *app)
{
  GtkStack *main_stack;

  /* The server cannot be reached: the window stays, saying so, with Retry and Sign In. */
  ringside_test_ui_wait_until (offline_banner_is_shown, app, "the offline banner");
  main_stack = ringside_test_ui_window_child (app, "main_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "content");
  g_assert_null (ringside_test_ui_sign_in_dialog ());
  g_assert_cmpint (ringside_session_get_state (ringside_application_get_session (app)), ==,
                   RINGSIDE_SESSION_STATE_OFFLINE);
  save_screenshot (GTK_WINDOW (ringside_test_ui_get_window (app)), "offline");

  gtk_widget_activate_action (GTK_WIDGET (ringside_test_ui_get_window (app)), "win.sign-in", NULL);
  g_assert_nonnull (ringside_test_ui_sign_in_dialog ());
}

static void
scenario_demo (RingsideApplication *app)
{
  g_autofree char *stored = NULL;
  GtkWindow *shortcuts;
  GtkWindow *about;

  g_assert_true (ringside_application_get_demo (app));
  ringside_test_ui_wait_until (ringside_test_ui_lists_are_shown, app, "both lists");
  g_assert_null (ringside_test_ui_sign_in_dialog ());

  /* Marked as a demo in words, and never remembered. */
  g_assert_true (gtk_revealer_get_reveal_child (ringside_test_ui_window_child (app,
                                                                               "demo_banner")));
  g_assert_true (gtk_widget_get_visible (ringside_test_ui_window_child (app, "demo_tag")));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (ringside_test_ui_get_window (app))), ==,
                   "Ringside Demo");
  g_assert_false (ringside_session_get_persistent (ringside_application_get_session (app)));
  stored = lookup_stored_token (ringside_application_get_server_url (app));
  g_assert_null (stored);

  save_screenshot (GTK_WINDOW (ringside_test_ui_get_window (app)), "demo");

  /* The keyboard shortcuts and About windows open over it. */
  gtk_widget_activate_action (GTK_WIDGET (ringside_test_ui_get_window (app)),
                              "win.show-help-overlay", NULL);
  shortcuts = ringside_test_ui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  save_screenshot (shortcuts, "shortcuts");
  gtk_window_close (shortcuts);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = ringside_test_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  gtk_window_close (about);
}

static gboolean
preferences_are_closed (gpointer data)
{
  return ringside_test_ui_find_toplevel (RINGSIDE_TYPE_PREFERENCES_WINDOW) == NULL;
}

static void
scenario_preferences (RingsideApplication *app)
{
  const char *url = ringside_demo_server_get_url (server);
  GSettings *settings = ringside_application_get_settings (app);
  RingsidePreferencesWindow *preferences;
  RingsideSignInDialog *dialog;
  AdwComboRow *server_row;
  AdwEntryRow *custom_url_row;
  g_autofree char *stored = NULL;

  /* The server comes from the settings: the dialog shows it, and signing in keeps it. */
  g_assert_false (ringside_application_get_server_overridden (app));
  g_assert_cmpstr (ringside_application_get_server_url (app), ==, url);
  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_open, NULL, "the sign-in dialog");
  dialog = ringside_test_ui_sign_in_dialog ();
  g_assert_cmpuint (adw_combo_row_get_selected (server_child (dialog, "server_row")), ==,
                    RINGSIDE_SERVER_KIND_CUSTOM);
  g_assert_cmpstr (gtk_editable_get_text (server_child (dialog, "custom_url_row")), ==, url);
  sign_in_with_token (app);
  {
    g_autofree char *method = g_settings_get_string (settings, "sign-in-method");

    g_assert_cmpstr (method, ==, "token");
  }

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = ringside_test_ui_find_toplevel (RINGSIDE_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  server_row = server_child (preferences, "server_row");
  custom_url_row = server_child (preferences, "custom_url_row");
  g_assert_cmpuint (adw_combo_row_get_selected (server_row), ==, RINGSIDE_SERVER_KIND_CUSTOM);

  /* Plain http to another computer is refused inline, and never stored. */
  gtk_editable_set_text (GTK_EDITABLE (custom_url_row), "http://ringcx.example.com");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (custom_url_row), "error"));
  g_assert_true (gtk_widget_get_visible (server_child (preferences, "url_error_label")));
  g_signal_emit_by_name (custom_url_row, "apply");
  g_assert_null (ringside_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  save_screenshot (GTK_WINDOW (preferences), "preferences");
  gtk_editable_set_text (GTK_EDITABLE (custom_url_row), url);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (custom_url_row), "error"));
  {
    g_autofree char *stored_url = g_settings_get_string (settings, "custom-server-url");

    g_assert_cmpstr (stored_url, ==, url);
  }

  /* Another server asks first; cancelling changes nothing. */
  adw_combo_row_set_selected (server_row, RINGSIDE_SERVER_KIND_RINGCX);
  ringside_test_ui_wait_until (ringside_test_ui_message_dialog_is_open, NULL, "the confirmation");
  ringside_test_ui_respond ("_Cancel");
  g_assert_cmpuint (adw_combo_row_get_selected (server_row), ==, RINGSIDE_SERVER_KIND_CUSTOM);
  g_assert_cmpint (g_settings_get_enum (settings, "server-kind"), ==,
                   RINGSIDE_SERVER_KIND_CUSTOM);
  g_assert_cmpint (ringside_session_get_state (ringside_application_get_session (app)), ==,
                   RINGSIDE_SESSION_STATE_SIGNED_IN);

  ringside_test_ui_wait_until (message_dialog_is_closed, NULL, "the confirmation to close");

  /* Confirmed: signed out of this server, then asked to sign in to the new one. */
  adw_combo_row_set_selected (server_row, RINGSIDE_SERVER_KIND_RINGCX);
  ringside_test_ui_wait_until (ringside_test_ui_message_dialog_is_open, NULL, "the confirmation");
  ringside_test_ui_respond ("_Change Server");
  ringside_test_ui_wait_until (preferences_are_closed, NULL, "the preferences to close");
  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_open, NULL, "the sign-in dialog");

  g_assert_cmpint (g_settings_get_enum (settings, "server-kind"), ==,
                   RINGSIDE_SERVER_KIND_RINGCX);
  g_assert_cmpstr (ringside_application_get_server_url (app), ==, RINGSIDE_DEFAULT_SERVER_URL);
  g_assert_cmpstr (ringside_session_get_server_url (ringside_application_get_session (app)), ==,
                   RINGSIDE_DEFAULT_SERVER_URL);
  dialog = ringside_test_ui_sign_in_dialog ();
  g_assert_cmpuint (adw_combo_row_get_selected (server_child (dialog, "server_row")), ==,
                    RINGSIDE_SERVER_KIND_RINGCX);
  stored = lookup_stored_token (url);
  g_assert_null (stored);
}

/* Tests: they build on each other's keyring, in this order. */

static void
test_sign_in_through_dialog (void)
{
  run_app_on_server (scenario_sign_in);
}

static void
test_restore_search_and_errors (void)
{
  ringside_demo_server_clear_requests (server);
  run_app_on_server (scenario_search_and_errors);
  g_assert_cmpuint (ringside_demo_server_count_requests (server, EXCHANGE_PATH), ==, 0);
}

static void
test_restore_and_sign_out (void)
{
  ringside_demo_server_clear_requests (server);
  run_app_on_server (scenario_restore_and_sign_out);
}

static void
test_export (void)
{
  run_app_on_server (scenario_export);
}

static void
test_rejected_session (void)
{
  ringside_demo_server_revoke_refresh_tokens (server);
  run_app_on_server (scenario_rejected);
}

static void
test_offline (void)
{
  const char * const args[] = { "--server", UNREACHABLE_URL,
                                "--platform-server", UNREACHABLE_URL, NULL };
  g_autoptr(GError) error = NULL;

  secret_password_store_sync (ringside_token_store_get_schema (), SECRET_COLLECTION_DEFAULT,
                              "Ringside test", "a-refresh-token", NULL, &error,
                              "server", UNREACHABLE_URL,
                              NULL);
  g_assert_no_error (error);

  ringside_test_ui_run_app (args, scenario_offline);
}

static void
test_preferences (void)
{
  const char * const args[] = { NULL };
  const char *url = ringside_demo_server_get_url (server);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);

  g_settings_set_string (settings, "custom-server-url", url);
  g_settings_set_string (settings, "platform-server-url", url);
  g_settings_set_enum (settings, "server-kind", RINGSIDE_SERVER_KIND_CUSTOM);

  ringside_test_ui_run_app (args, scenario_preferences);
}

static void
test_demo (void)
{
  const char * const args[] = { "--demo", NULL };

  ringside_test_ui_run_app (args, scenario_demo);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  server = ringside_demo_server_new ();
  if (!ringside_demo_server_start (server, &error))
    g_error ("Cannot start the demo server: %s", error->message);

  g_test_add_func ("/ui/sign-in-through-dialog", test_sign_in_through_dialog);
  g_test_add_func ("/ui/restore-search-and-errors", test_restore_search_and_errors);
  g_test_add_func ("/ui/restore-and-sign-out", test_restore_and_sign_out);
  g_test_add_func ("/ui/rejected-session", test_rejected_session);
  g_test_add_func ("/ui/offline", test_offline);
  g_test_add_func ("/ui/demo", test_demo);
  g_test_add_func ("/ui/preferences", test_preferences);
  g_test_add_func ("/ui/export", test_export);

  status = g_test_run ();

  ringside_demo_server_stop (server);
  g_clear_object (&server);

  return status;
}
