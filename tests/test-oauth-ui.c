/* test-oauth-ui.c
 *
 * The sign-in dialog's Browser method, end to end: the real application and dialog, the
 * in-process demo server as RingCentral's authorize page and token endpoint, the real
 * keyring, and a throwaway default browser — a .desktop file for x-scheme-handler/http in
 * this test's own XDG data directory, made the default in its mimeapps.list, whose command
 * is curl following the 302 back to the dialog's loopback server. GTK opens it the way it
 * opens any browser (gtk_show_uri / GtkUriLauncher → GIO's default handler).
 *
 * Screenshots go where test-ui.c puts its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ringside-application.h"
#include "ringside-demo-server.h"
#include "ringside-preferences-window.h"
#include "ringside-sign-in-dialog.h"
#include "ringside-test-ui-utils.h"
#include "ringside-test-utils.h"

#define TOKEN_PATH     "/restapi/oauth/token"
#define AUTHORIZE_PATH "/restapi/oauth/authorize"

static RingsideDemoServer *server;
/* Every secret of a flow the demo server saw, for the log check at the end. */
static GPtrArray *secrets;
/* Where the test browser (curl) writes the last page it was shown. */
static char *browser_page_path;

/* The throwaway browser */

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Before GTK and GIO read them: XDG directories of this test's own. */
static void
install_test_browser (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scratch = g_dir_make_tmp ("ringside-oauth-ui-XXXXXX", &error);
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  g_autofree char *desktop_path = NULL;
  g_autofree char *mimeapps_path = NULL;
  g_autofree char *desktop = NULL;
  g_autofree char *curl = g_find_program_in_path ("curl");

  g_assert_no_error (error);
  if (curl == NULL)
    g_error ("curl is not installed: the test browser needs it");

  data_home = g_build_filename (scratch, "data", NULL);
  config_home = g_build_filename (scratch, "config", NULL);
  browser_page_path = g_build_filename (scratch, "browser-page.html", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  /* No portal: GIO launches the default handler itself, as outside a sandbox. */
  g_unsetenv ("GTK_USE_PORTAL");

  desktop_path = g_build_filename (data_home, "applications",
                                   "ringside-test-browser.desktop", NULL);
  desktop = g_strdup_printf ("[Desktop Entry]\n"
                             "Type=Application\n"
                             "Name=Ringside Test Browser\n"
                             "Exec=%s -s -L -o %s %%u\n"
                             "MimeType=x-scheme-handler/http;x-scheme-handler/https;\n"
                             "NoDisplay=true\n",
                             curl, browser_page_path);
  write_file (desktop_path, desktop);

  mimeapps_path = g_build_filename (config_home, "mimeapps.list", NULL);
  write_file (mimeapps_path,
              "[Default Applications]\n"
              "x-scheme-handler/http=ringside-test-browser.desktop\n"
              "x-scheme-handler/https=ringside-test-browser.desktop\n");
}

static char *
read_browser_page (void)
{
  char *contents = NULL;

  if (!g_file_get_contents (browser_page_path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

static gboolean
browser_page_is_complete (gpointer data)
{
  g_autofree char *page = read_browser_page ();

  return page != NULL && strstr (page, "</html>") != NULL;
}

/* Waits until the test browser has been shown its last page, and returns it. */
static char *
wait_for_browser_page (void)
{
  ringside_test_ui_wait_until (browser_page_is_complete, NULL, "the browser's page");
  return read_browser_page ();
}

/* Screenshots (as in test-ui.c) */

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

static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_height (data) > 0;
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

static void
save_screenshot_now (GtkWindow  *window,
                     const char *name)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
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
  ringside_test_ui_wait_until (has_size, widget, "the window to be laid out");
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

/* Light, then dark. */
static void
save_screenshots (GtkWindow  *window,
                  const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  save_screenshot_now (window, name);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot_now (window, dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Conditions */

static gboolean
dialog_is_waiting (gpointer data)
{
  GtkStack *stack = ringside_test_ui_dialog_child (data, "page_stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "waiting") == 0;
}

static gboolean
dialog_shows_error (gpointer data)
{
  RingsideSignInDialog *dialog = data;
  GtkRevealer *revealer = ringside_test_ui_dialog_child (dialog, "message_revealer");

  return gtk_revealer_get_reveal_child (revealer) && !dialog_is_waiting (dialog)
         && gtk_widget_get_sensitive (ringside_test_ui_dialog_child (dialog, "form_box"));
}

static gboolean
token_request_arrived (gpointer data)
{
  return ringside_demo_server_count_requests (server, TOKEN_PATH) > 0;
}

static gboolean
authorize_request_arrived (gpointer data)
{
  return ringside_demo_server_count_requests (server, AUTHORIZE_PATH) > 0;
}

static gboolean
session_is_signed_in (gpointer data)
{
  return ringside_session_get_state (ringside_application_get_session (data))
         == RINGSIDE_SESSION_STATE_SIGNED_IN;
}

/* Helpers */

static void
assert_focus_in (RingsideSignInDialog *dialog,
                 const char           *name)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));

  g_assert_nonnull (focus);
  g_assert_true (focus == ringside_test_ui_dialog_child (dialog, name)
                 || gtk_widget_is_ancestor (focus, ringside_test_ui_dialog_child (dialog, name)));
}

static const char *
shown_message (RingsideSignInDialog *dialog)
{
  return gtk_label_get_label (ringside_test_ui_dialog_child (dialog, "message_label"));
}

static void
keep_secret (GHashTable *table,
             const char *name)
{
  const char *value = g_hash_table_lookup (table, name);

  if (value != NULL && *value != '\0')
    g_ptr_array_add (secrets, g_strdup (value));
}

/* The state, code, verifier and RingCentral token of the flows so far. */
static void
collect_secrets (void)
{
  GPtrArray *requests = ringside_demo_server_get_requests (server);

  for (guint i = 0; i < requests->len; i++)
    {
      RingsideDemoRequest *request = g_ptr_array_index (requests, i);

      keep_secret (request->query, "state");
      keep_secret (request->form, "code");
      keep_secret (request->form, "code_verifier");
      keep_secret (request->form, "rcAccessToken");
    }
}

static void
assert_log_clean (void)
{
  g_autofree char *log = ringside_test_log_dup ();

  g_assert_cmpuint (secrets->len, >, 0);
  for (guint i = 0; i < secrets->len; i++)
    if (strstr (log, g_ptr_array_index (secrets, i)) != NULL)
      {
        g_test_message ("The log holds a secret of the browser sign-in");
        g_test_fail ();
      }
}

/* Types @client_id, presses Enter and waits for the browser to open RingCentral's page. */
static void
start_browser_sign_in (RingsideSignInDialog *dialog,
                       const char           *client_id)
{
  g_remove (browser_page_path);
  collect_secrets ();
  ringside_demo_server_clear_requests (server);
  gtk_editable_set_text (ringside_test_ui_dialog_child (dialog, "browser_client_id_row"),
                         client_id);
  ringside_test_ui_activate_entry (ringside_test_ui_dialog_child (dialog,
                                                                  "browser_client_id_row"));
  /* The browser reaching RingCentral's page says the sign-in started (it may be over soon). */
  ringside_test_ui_wait_until (authorize_request_arrived, NULL, "the browser to open the page");
}

static void
assert_nothing_stored (RingsideApplication *app)
{
  const char *url = ringside_application_get_server_url (app);
  g_autofree char *stored = ringside_test_keyring_lookup (url);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  g_autofree char *client_id = g_settings_get_string (settings, "oauth-client-id");

  g_assert_null (stored);
  g_assert_cmpstr (client_id, ==, "");
  g_assert_cmpint (ringside_session_get_state (ringside_application_get_session (app)), !=,
                   RINGSIDE_SESSION_STATE_SIGNED_IN);
}

typedef struct
{
  gboolean  done;
  char     *text;
} ClipboardRead;

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

/* The scenario */

static void
scenario_browser (RingsideApplication *app)
{
  const char *url = ringside_demo_server_get_url (server);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  RingsideSignInDialog *dialog;
  g_autofree char *page = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *saved_id = NULL;
  g_autofree char *method = NULL;

  /* Nothing saved: the dialog opens on Browser, its Client ID field focused. */
  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_open, NULL, "the sign-in dialog");
  dialog = ringside_test_ui_sign_in_dialog ();
  ringside_test_ui_wait_until ((RingsideTestCondition) gtk_widget_get_mapped, dialog,
                               "the dialog to be mapped");
  g_assert_true (gtk_toggle_button_get_active (ringside_test_ui_dialog_child (dialog,
                                                                              "browser_toggle")));
  assert_focus_in (dialog, "browser_client_id_row");
  g_assert_false (gtk_widget_get_sensitive (ringside_test_ui_dialog_child (dialog,
                                                                           "sign_in_button")));
  save_screenshots (GTK_WINDOW (dialog), "sign-in-browser");

  /* Refused at the consent page: a sentence, and nothing stored. */
  ringside_demo_server_set_oauth_consent (server, FALSE);
  start_browser_sign_in (dialog, RINGSIDE_DEMO_CLIENT_ID);
  ringside_test_ui_wait_until (dialog_shows_error, dialog, "the refusal");
  g_assert_nonnull (strstr (shown_message (dialog), "not allowed"));
  page = wait_for_browser_page ();
  g_assert_nonnull (strstr (page, "Ringside could not sign in"));
  g_clear_pointer (&page, g_free);
  assert_nothing_stored (app);
  assert_focus_in (dialog, "browser_client_id_row");
  save_screenshots (GTK_WINDOW (dialog), "sign-in-browser-error");
  ringside_demo_server_set_oauth_consent (server, TRUE);

  /* A client ID RingCentral does not know. */
  start_browser_sign_in (dialog, "not-a-registered-app");
  ringside_test_ui_wait_until (dialog_shows_error, dialog, "the wrong client ID");
  g_assert_nonnull (strstr (shown_message (dialog), "client ID"));
  g_free (wait_for_browser_page ());
  assert_nothing_stored (app);

  /* The browser never comes back (its page hangs): the dialog gives up, on the knob. */
  ringside_sign_in_dialog_set_browser_timeout (dialog, 1);
  ringside_demo_server_set_fault (server, AUTHORIZE_PATH, RINGSIDE_DEMO_FAULT_HANG, 0, 1);
  start_browser_sign_in (dialog, RINGSIDE_DEMO_CLIENT_ID);
  ringside_test_ui_wait_until (dialog_shows_error, dialog, "the timeout");
  g_assert_nonnull (strstr (shown_message (dialog), "in time"));
  assert_nothing_stored (app);
  ringside_demo_server_clear_faults (server);
  ringside_sign_in_dialog_set_browser_timeout (dialog, 0);

  /* Cancel while RingCentral trades the code: back to the form, no message, nothing kept. */
  ringside_demo_server_set_fault (server, TOKEN_PATH, RINGSIDE_DEMO_FAULT_HANG, 0, 1);
  start_browser_sign_in (dialog, RINGSIDE_DEMO_CLIENT_ID);
  ringside_test_ui_wait_until (token_request_arrived, NULL, "the code to be traded");
  g_assert_true (dialog_is_waiting (dialog));
  g_assert_true (gtk_widget_get_visible (ringside_test_ui_dialog_child (dialog,
                                                                        "copy_link_button")));
  save_screenshots (GTK_WINDOW (dialog), "sign-in-browser-waiting");

  /* Copy Link puts the authorize page's address on the clipboard, and only that. */
  {
    ClipboardRead read = { FALSE, NULL };
    g_autofree char *prefix = g_strconcat (url, AUTHORIZE_PATH, "?", NULL);

    g_signal_emit_by_name (ringside_test_ui_dialog_child (dialog, "copy_link_button"), "clicked");
    gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL,
                                   on_clipboard_read, &read);
    ringside_test_ui_wait_until (flag_is_set, &read.done, "the clipboard");
    g_assert_nonnull (read.text);
    g_assert_true (g_str_has_prefix (read.text, prefix));
    g_assert_nonnull (strstr (read.text, "code_challenge="));
    g_assert_null (strstr (read.text, "verifier"));
    g_free (read.text);
  }

  g_signal_emit_by_name (ringside_test_ui_dialog_child (dialog, "cancel_button"), "clicked");
  g_assert_false (dialog_is_waiting (dialog));
  g_assert_true (gtk_widget_get_sensitive (ringside_test_ui_dialog_child (dialog, "form_box")));
  g_assert_false (gtk_revealer_get_reveal_child (ringside_test_ui_dialog_child (
                    dialog, "message_revealer")));
  page = wait_for_browser_page ();
  g_assert_nonnull (strstr (page, "cancelled"));
  g_clear_pointer (&page, g_free);
  assert_nothing_stored (app);
  ringside_demo_server_clear_faults (server);

  /* Success: signed in as a pasted token would, the refresh token in the keyring, the tab
   * told so, and the client ID remembered. */
  start_browser_sign_in (dialog, RINGSIDE_DEMO_CLIENT_ID);
  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_closed, NULL,
                               "the dialog to close");
  ringside_test_ui_wait_until (session_is_signed_in, app, "the session to be signed in");
  stored = ringside_test_keyring_lookup (url);
  g_assert_nonnull (stored);
  page = wait_for_browser_page ();
  g_assert_nonnull (strstr (page, "Signed in to Ringside"));
  saved_id = g_settings_get_string (settings, "oauth-client-id");
  g_assert_cmpstr (saved_id, ==, RINGSIDE_DEMO_CLIENT_ID);
  method = g_settings_get_string (settings, "sign-in-method");
  g_assert_cmpstr (method, ==, "browser");

  /* None of the flows' secrets, nor the session's, reached the log. */
  collect_secrets ();
  g_ptr_array_add (secrets, g_strdup (stored));
  assert_log_clean ();

  /* Signed out, the dialog comes back on Browser with the remembered ID: Enter signs in. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  ringside_test_ui_wait_until (ringside_test_ui_message_dialog_is_open, NULL, "the confirmation");
  ringside_test_ui_respond ("_Sign Out");
  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_open, NULL, "the sign-in dialog");
  dialog = ringside_test_ui_sign_in_dialog ();
  ringside_test_ui_wait_until ((RingsideTestCondition) gtk_widget_get_mapped, dialog,
                               "the dialog to be mapped");
  g_assert_true (gtk_toggle_button_get_active (ringside_test_ui_dialog_child (dialog,
                                                                              "browser_toggle")));
  g_assert_cmpstr (gtk_editable_get_text (ringside_test_ui_dialog_child (dialog,
                                                                         "browser_client_id_row")),
                   ==, RINGSIDE_DEMO_CLIENT_ID);
  assert_focus_in (dialog, "sign_in_button");
  gtk_window_close (GTK_WINDOW (dialog));

  /* Preferences: the remembered ID, and the port to pin. */
  {
    RingsidePreferencesWindow *preferences;
    GtkEditable *id_row;
    GtkSpinButton *port;

    g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
    preferences = ringside_test_ui_find_toplevel (RINGSIDE_TYPE_PREFERENCES_WINDOW);
    g_assert_nonnull (preferences);
    id_row = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                          RINGSIDE_TYPE_PREFERENCES_WINDOW,
                                                          "oauth_client_id_row"));
    g_assert_cmpstr (gtk_editable_get_text (id_row), ==, RINGSIDE_DEMO_CLIENT_ID);
    port = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                           RINGSIDE_TYPE_PREFERENCES_WINDOW,
                                                           "oauth_port_spin"));
    g_assert_cmpfloat (gtk_spin_button_get_value (port), ==, 0);
    gtk_spin_button_set_value (port, 48123);
    g_assert_cmpint (g_settings_get_int (settings, "oauth-loopback-port"), ==, 48123);
    save_screenshots (GTK_WINDOW (preferences), "preferences-browser");
    gtk_spin_button_set_value (port, 0);
    gtk_window_close (GTK_WINDOW (preferences));
  }
}

static void
test_browser_sign_in (void)
{
  const char *url = ringside_demo_server_get_url (server);
  const char * const args[] = { "--server", url, "--platform-server", url, NULL };

  ringside_test_ui_run_app (args, scenario_browser);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Debug output on, as a user reporting a bug would run it, and all of it kept. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  ringside_test_log_capture (RINGSIDE_TEST_LOG_ALL_FIELDS);
  secrets = g_ptr_array_new_with_free_func (g_free);
  install_test_browser ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  server = ringside_demo_server_new ();
  if (!ringside_demo_server_start (server, &error))
    g_error ("Cannot start the demo server: %s", error->message);

  g_test_add_func ("/oauth-ui/browser-sign-in", test_browser_sign_in);

  status = g_test_run ();

  ringside_demo_server_stop (server);
  g_clear_object (&server);
  g_free (browser_page_path);
  g_ptr_array_unref (secrets);

  return status;
}
