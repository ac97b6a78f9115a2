/* ringside-test-ui-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-test-ui-utils.h"

static gboolean
on_wait_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static guint
wait_seconds (void)
{
  guint64 factor = g_ascii_strtoull (g_getenv ("RINGSIDE_TEST_WAIT_FACTOR") ?: "1", NULL, 10);

  return RINGSIDE_TEST_UI_WAIT_SECONDS * CLAMP (factor, 1, 10);
}

void
ringside_test_ui_wait_until (RingsideTestCondition  condition,
                             gpointer               data,
                             const char            *what)
{
  gboolean timed_out = FALSE;
  guint seconds = wait_seconds ();
  guint timeout_id = g_timeout_add_seconds (seconds, on_wait_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out after %u s waiting for %s", seconds, what);

  g_source_remove (timeout_id);
}

/* Running the application */

typedef struct
{
  RingsideTestScenario  scenario;
  RingsideApplication  *app;
  gboolean              started;
  gboolean              done;
} Run;

static gboolean
run_scenario (gpointer user_data)
{
  Run *run = user_data;

  /* Transitions would only make screenshots catch widgets half-way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  run->scenario (run->app);
  run->done = TRUE;

  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *application,
             Run          *run)
{
  if (run->started)
    return;

  run->started = TRUE;
  g_idle_add (run_scenario, run);
}

void
ringside_test_ui_run_app (const char * const   *args,
                          RingsideTestScenario  scenario)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  Run run = { scenario, NULL, FALSE, FALSE };
  int status;

  g_ptr_array_add (argv, g_strdup ("ringside"));
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  run.app = ringside_application_new ();
  g_signal_connect_after (run.app, "activate", G_CALLBACK (on_activate), &run);

  status = g_application_run (G_APPLICATION (run.app), argv->len - 1, (char **) argv->pdata);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.done);

  g_object_add_weak_pointer (G_OBJECT (run.app), (gpointer *) &run.app);
  g_object_unref (run.app);
  g_assert_null (run.app);
}

/* Finding the real widgets */

RingsideWindow *
ringside_test_ui_get_window (RingsideApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (const GList *l = windows; l != NULL; l = l->next)
    if (RINGSIDE_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

gpointer
ringside_test_ui_window_child (RingsideApplication *app,
                               const char          *name)
{
  RingsideWindow *window = ringside_test_ui_get_window (app);

  g_assert_nonnull (window);
  return gtk_widget_get_template_child (GTK_WIDGET (window), RINGSIDE_TYPE_WINDOW, name);
}

gpointer
ringside_test_ui_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

RingsideSignInDialog *
ringside_test_ui_sign_in_dialog (void)
{
  return ringside_test_ui_find_toplevel (RINGSIDE_TYPE_SIGN_IN_DIALOG);
}

gpointer
ringside_test_ui_dialog_child (RingsideSignInDialog *dialog,
                               const char           *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (dialog), RINGSIDE_TYPE_SIGN_IN_DIALOG, name);
}

GtkWidget *
ringside_test_ui_find_button (GtkWidget  *widget,
                              const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = ringside_test_ui_find_button (child, label);

      if (button != NULL)
        return button;
    }

  return NULL;
}

void
ringside_test_ui_respond (const char *label)
{
  AdwMessageDialog *dialog = ringside_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *button;

  g_assert_nonnull (dialog);
  button = ringside_test_ui_find_button (GTK_WIDGET (dialog), label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

void
ringside_test_ui_activate_entry (gpointer row)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

  g_assert_true (GTK_IS_TEXT (text));
  g_signal_emit_by_name (text, "activate");
}

const char *
ringside_test_ui_view_page (GtkWidget *view)
{
  /* Each view's own template declares the stack, so look it up under the view's type. */
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (view, G_OBJECT_TYPE (view),
                                                              "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

gboolean
ringside_test_ui_sign_in_dialog_is_open (gpointer data)
{
  return ringside_test_ui_sign_in_dialog () != NULL;
}

gboolean
ringside_test_ui_sign_in_dialog_is_closed (gpointer data)
{
  return ringside_test_ui_sign_in_dialog () == NULL;
}

gboolean
ringside_test_ui_message_dialog_is_open (gpointer data)
{
  return ringside_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

gboolean
ringside_test_ui_lists_are_shown (gpointer data)
{
  RingsideApplication *app = data;
  RingsideSession *session = ringside_application_get_session (app);
  GtkStack *main_stack = ringside_test_ui_window_child (app, "main_stack");

  return ringside_session_get_state (session) == RINGSIDE_SESSION_STATE_SIGNED_IN
         && g_strcmp0 (gtk_stack_get_visible_child_name (main_stack), "content") == 0
         && g_strcmp0 (ringside_test_ui_view_page (ringside_test_ui_window_child (app,
                                                                                "accounts_view")),
                       "list") == 0
         && g_strcmp0 (ringside_test_ui_view_page (ringside_test_ui_window_child (app,
                                                                                "users_view")),
                       "list") == 0;
}

gboolean
ringside_test_ui_keep_ticking (GtkWidget     *widget,
                               GdkFrameClock *clock,
                               gpointer       user_data)
{
  return G_SOURCE_CONTINUE;
}
