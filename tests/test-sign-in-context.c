/* test-sign-in-context.c
 *
 * The sign-in dialog and the preferences built from a RingsideSignInContext alone, with no
 * application: what the context says is what they show and use, down to a session replaced
 * while the dialog is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-demo-server.h"
#include "ringside-preferences-window.h"
#include "ringside-server-group.h"
#include "ringside-sign-in-context.h"
#include "ringside-sign-in-dialog.h"

typedef struct
{
  RingsideDemoServer    *server;
  GSettings             *settings;
  RingsideSignInContext *context;
} Fixture;

static RingsideSession *
new_session (Fixture *fixture)
{
  const char *url = ringside_demo_server_get_url (fixture->server);
  RingsideSession *session = ringside_session_new (url, url, NULL, NULL);

  /* Nothing of the demo is worth remembering. */
  ringside_session_set_persistent (session, FALSE);
  return session;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RingsideSession) session = NULL;
  g_autoptr(GError) error = NULL;

  fixture->server = ringside_demo_server_new ();
  ringside_demo_server_start (fixture->server, &error);
  g_assert_no_error (error);

  fixture->settings = g_settings_new (BASE_APPLICATION_ID);
  session = new_session (fixture);
  fixture->context = ringside_sign_in_context_new (fixture->settings, session,
                                                   ringside_demo_server_get_url (fixture->server),
                                                   TRUE, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->context);
  g_settings_reset (fixture->settings, "sign-in-method");
  g_settings_reset (fixture->settings, "server-kind");
  g_settings_reset (fixture->settings, "oauth-client-id");
  g_clear_object (&fixture->settings);
  ringside_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
}

static void
count (guint *counter)
{
  (*counter)++;
}

static void
show (GtkWindow *window)
{
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_notifies_changes (Fixture       *fixture,
                       gconstpointer  data)
{
  RingsideSignInContext *context = fixture->context;
  g_autoptr(RingsideSession) session = new_session (fixture);
  guint changes = 0;

  g_signal_connect_swapped (context, "notify", G_CALLBACK (count), &changes);

  /* What it already says changes nothing. */
  ringside_sign_in_context_set_session (context, ringside_sign_in_context_get_session (context));
  ringside_sign_in_context_set_server_url (context, ringside_demo_server_get_url (fixture->server));
  ringside_sign_in_context_set_server_overridden (context, TRUE);
  ringside_sign_in_context_set_demo (context, TRUE);
  g_assert_cmpuint (changes, ==, 0);

  ringside_sign_in_context_set_session (context, session);
  ringside_sign_in_context_set_server_url (context, RINGSIDE_DEFAULT_SERVER_URL);
  ringside_sign_in_context_set_server_overridden (context, FALSE);
  ringside_sign_in_context_set_demo (context, FALSE);
  g_assert_cmpuint (changes, ==, 4);

  g_assert_true (ringside_sign_in_context_get_session (context) == session);
  g_assert_cmpstr (ringside_sign_in_context_get_server_url (context), ==,
                   RINGSIDE_DEFAULT_SERVER_URL);
  g_assert_false (ringside_sign_in_context_get_server_overridden (context));
  g_assert_false (ringside_sign_in_context_get_demo (context));
  g_assert_true (ringside_sign_in_context_get_settings (context) == fixture->settings);
}

static gpointer
dialog_child (RingsideSignInDialog *dialog,
              const char           *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (dialog), RINGSIDE_TYPE_SIGN_IN_DIALOG, name);
}

/* The dialog signs in whichever session the context has when the user signs in: the one
 * made for the server just chosen, not the one it was opened with. */
static void
test_dialog_follows_session (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(RingsideSession) opened_with = NULL;
  g_autoptr(RingsideSession) replacement = new_session (fixture);
  g_autofree char *method = NULL;
  RingsideSignInDialog *dialog;
  GtkWidget *sign_in_button;
  guint signed_in = 0;

  opened_with = g_object_ref (ringside_sign_in_context_get_session (fixture->context));
  g_settings_set_string (fixture->settings, "sign-in-method", "token");
  dialog = ringside_sign_in_dialog_new (fixture->context);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect_swapped (dialog, "signed-in", G_CALLBACK (count), &signed_in);
  show (GTK_WINDOW (dialog));

  /* The demo's public token is filled in: nothing to type. */
  sign_in_button = dialog_child (dialog, "sign_in_button");
  g_assert_true (gtk_widget_get_sensitive (sign_in_button));

  ringside_sign_in_context_set_session (fixture->context, replacement);
  g_signal_emit_by_name (sign_in_button, "clicked");
  while (signed_in == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (ringside_session_get_state (replacement), ==,
                   RINGSIDE_SESSION_STATE_SIGNED_IN);
  g_assert_cmpint (ringside_session_get_state (opened_with), ==,
                   RINGSIDE_SESSION_STATE_SIGNED_OUT);
  /* It remembers the method, and closes itself. */
  method = g_settings_get_string (fixture->settings, "sign-in-method");
  g_assert_cmpstr (method, ==, "token");
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static gpointer
preferences_child (RingsidePreferencesWindow *preferences,
                   const char                *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                        RINGSIDE_TYPE_PREFERENCES_WINDOW, name);
}

/* With the server not fixed and nobody signed in, a server picked is a server saved. */
static void
test_preferences_save_server (Fixture       *fixture,
                              gconstpointer  data)
{
  RingsidePreferencesWindow *preferences;
  RingsideServerGroup *group;

  ringside_sign_in_context_set_server_overridden (fixture->context, FALSE);
  ringside_sign_in_context_set_demo (fixture->context, FALSE);
  g_settings_set_string (fixture->settings, "oauth-client-id", "a-public-client");

  preferences = ringside_preferences_window_new (fixture->context);
  show (GTK_WINDOW (preferences));

  g_assert_cmpstr (gtk_editable_get_text (preferences_child (preferences,
                                                             "oauth_client_id_row")), ==,
                   "a-public-client");
  group = preferences_child (preferences, "server_group");
  g_assert_cmpint (ringside_server_group_get_kind (group), ==, RINGSIDE_SERVER_KIND_RINGCX);

  ringside_server_group_set_kind (group, RINGSIDE_SERVER_KIND_ENGAGE);
  g_assert_cmpint (g_settings_get_enum (fixture->settings, "server-kind"), ==,
                   RINGSIDE_SERVER_KIND_ENGAGE);

  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  adw_init ();

  g_test_add ("/sign-in-context/notifies-changes", Fixture, NULL, fixture_set_up,
              test_notifies_changes, fixture_tear_down);
  g_test_add ("/sign-in-context/dialog-follows-session", Fixture, NULL, fixture_set_up,
              test_dialog_follows_session, fixture_tear_down);
  g_test_add ("/sign-in-context/preferences-save-server", Fixture, NULL, fixture_set_up,
              test_preferences_save_server, fixture_tear_down);

  return g_test_run ();
}
