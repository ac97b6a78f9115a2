/* ringside-window-actions.c: the window's actions and their shortcuts, and opening a
 * sub-account from the accounts list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-account.h"
#include "ringside-window-private.h"

/* Sub-accounts */

/* Enter or a double-click on an account's row. */
static void
on_account_activated (RingsideWindow  *self,
                      RingsideAccount *account)
{
  if (!state_is_signed_in (self->state))
    return;

  ringside_sub_account_page_open (self->sub_account_page, ringside_account_get_id (account),
                                  ringside_account_get_name (account));
  adw_leaflet_set_visible_child_name (self->leaflet, "sub-account");
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RingsideWindow) self = user_data;

  if (!ringside_remote_list_wait_for_search_finish (RINGSIDE_REMOTE_LIST (source), result, NULL))
    return;
  if (source == G_OBJECT (ringside_list_view_get_list (RINGSIDE_LIST_VIEW (self->users_view))))
    ringside_list_view_activate_first (RINGSIDE_LIST_VIEW (self->users_view));
  else
    ringside_list_view_activate_first (RINGSIDE_LIST_VIEW (self->accounts_view));
}

/* Enter in the search entry opens the first match, as in GNOME's apps: the match of what was
 * typed, though the entry tells its text only after a pause and the rows are filtered a few
 * at a time. */
static void
on_search_activate (RingsideWindow *self)
{
  /* The visible list: accounts open their page, users their details. */
  RingsideListView *view = ringside_window_get_visible_view (self);

  ringside_list_view_set_search_text (view,
                                      gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  ringside_remote_list_wait_for_search_async (ringside_list_view_get_list (view),
                                              self->cancellable, on_search_done,
                                              g_object_ref (self));
}

/* A user's details (RingsideDetailPane), in a leaflet of the main page that is no template
 * child: gtk_widget_dispose_template() would unparent it before its pages. */

static AdwLeaflet *
user_details_leaflet (RingsideWindow *self)
{
  return ADW_LEAFLET (gtk_widget_get_parent (self->main_box));
}

/* One set of window buttons: the details' header has them when it is beside the lists. */
static void
update_user_title_buttons (RingsideWindow *self)
{
  gboolean beside = gtk_widget_get_visible (GTK_WIDGET (self->user_details)) &&
                    !adw_leaflet_get_folded (user_details_leaflet (self));

  adw_header_bar_set_show_end_title_buttons (self->header_bar, !beside);
}

static void
on_user_activated (RingsideWindow *self,
                   GObject        *user)
{
  ringside_detail_pane_set_session (self->user_details, self->session);
  ringside_detail_pane_set_related_list (
    self->user_details,
    ringside_remote_list_get_items (ringside_list_view_get_list (
                                      RINGSIDE_LIST_VIEW (self->users_view))));
  ringside_detail_pane_set_item (self->user_details, user);
  gtk_widget_set_visible (self->user_details_separator, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->user_details), TRUE);
  adw_leaflet_set_visible_child (user_details_leaflet (self), GTK_WIDGET (self->user_details));
  update_user_title_buttons (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->user_details));
}

/* A user enabled or disabled from the pane: the row shows it too. */
static void
on_user_details_item_changed (RingsideWindow *self,
                              GObject        *item)
{
  ringside_list_view_item_changed (RINGSIDE_LIST_VIEW (self->users_view), item);
}

static void
on_user_details_close_requested (RingsideWindow *self)
{
  adw_leaflet_set_visible_child (user_details_leaflet (self), self->main_box);
  gtk_widget_set_visible (GTK_WIDGET (self->user_details), FALSE);
  gtk_widget_set_visible (self->user_details_separator, FALSE);
  ringside_detail_pane_set_item (self->user_details, NULL);
  update_user_title_buttons (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->users_view));
}

/* Typing starts a search on the page shown; back on the main page, the window's. */
static void
on_leaflet_page_changed (RingsideWindow *self)
{
  gboolean sub_account = ringside_window_showing_sub_account (self);
  gboolean content = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                "content") == 0;

  gtk_search_bar_set_key_capture_widget (self->search_bar,
                                         content && !sub_account ? GTK_WIDGET (self) : NULL);
  ringside_sub_account_page_set_key_capture (self->sub_account_page,
                                             sub_account ? GTK_WIDGET (self) : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", sub_account);

  /* Keyboard focus goes with the page, so that its shortcuts (Alt+1…3) work at once. */
  if (sub_account)
    gtk_widget_child_focus (GTK_WIDGET (self->sub_account_page), GTK_DIR_TAB_FORWARD);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->accounts_view));
}

static void
ringside_window_go_back (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RingsideWindow *self = RINGSIDE_WINDOW (widget);

  /* Back from a row's details to its list first, then to the accounts. */
  if (ringside_sub_account_page_get_details_item (self->sub_account_page) != NULL)
    ringside_sub_account_page_close_details (self->sub_account_page);
  else
    adw_leaflet_set_visible_child_name (self->leaflet, "main");
}

/* Actions */

static void
ringside_window_refresh (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RingsideWindow *self = RINGSIDE_WINDOW (widget);
  gboolean accounts = ringside_window_showing_accounts (self);

  if (self->state == RINGSIDE_SESSION_STATE_OFFLINE)
    gtk_widget_activate_action (widget, "win.retry", NULL);

  if (ringside_window_showing_sub_account (self))
    {
      ringside_list_view_reload (ringside_sub_account_page_get_visible_view (
                                   self->sub_account_page));
      return;
    }

  ringside_window_reload_view (self, ringside_window_get_visible_view (self));
  if (accounts)
    self->users_stale = TRUE;
  else
    self->accounts_stale = TRUE;
}

static void
ringside_window_show_view (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RingsideWindow *self = RINGSIDE_WINDOW (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "content"))
    adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter,
                                                                                    NULL));
}

/* Alt+1, Alt+2…: the n-th view of the switcher in sight. Bound on the window, so that they
 * work wherever the focus is, or when no widget has it (after a dialog closes). */
static void
ringside_window_show_view_at (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  RingsideWindow *self = RINGSIDE_WINDOW (widget);
  guint position = g_variant_get_uint32 (parameter);
  g_autoptr(GtkSelectionModel) pages = NULL;

  if (ringside_window_showing_sub_account (self))
    {
      ringside_sub_account_page_show_view_at (self->sub_account_page, position);
      return;
    }

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "content"))
    return;

  pages = adw_view_stack_get_pages (self->view_stack);
  if (position < g_list_model_get_n_items (G_LIST_MODEL (pages)))
    gtk_selection_model_select_item (pages, position, TRUE);
}

static void
ringside_window_search (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RingsideWindow *self = RINGSIDE_WINDOW (widget);

  if (ringside_window_showing_sub_account (self))
    {
      ringside_sub_account_page_search (self->sub_account_page);
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RingsideWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = ringside_list_view_export_finish (RINGSIDE_LIST_VIEW (source), result, &error);

  if (ok)
    {
      ringside_window_add_toast (self, RINGSIDE_IS_ACCOUNTS_VIEW (source)
                                       ? _("Accounts exported")
                                       : RINGSIDE_IS_USERS_VIEW (source)
                                       ? _("Users exported")
                                       : _("List exported"));
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *title = NULL;

      /* Translators: %s says why, e.g. "Permission denied" */
      title = g_strdup_printf (_("Could not export: %s"), error->message);
      ringside_window_add_toast (self, title);
    }
}

static void
ringside_window_export (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RingsideWindow *self = RINGSIDE_WINDOW (widget);

  RingsideListView *view = ringside_window_showing_sub_account (self)
    ? ringside_sub_account_page_get_visible_view (self->sub_account_page)
    : ringside_window_get_visible_view (self);

  ringside_list_view_export_async (view, GTK_WINDOW (self), self->cancellable, on_exported,
                                   g_object_ref (self));
}

static void
ringside_window_sign_in (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ringside_window_show_sign_in (RINGSIDE_WINDOW (widget), NULL);
}

static void
on_retried (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RingsideWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Failures show through the session's state: still OFFLINE, or signed out with a reason. */
  if (!ringside_session_refresh_finish (RINGSIDE_SESSION (source), result, &error))
    g_debug ("Retrying the session failed: %s", error->message);
}

static void
ringside_window_retry (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RingsideWindow *self = RINGSIDE_WINDOW (widget);

  if (self->session == NULL || self->state != RINGSIDE_SESSION_STATE_OFFLINE)
    return;

  ringside_session_refresh_async (self->session, self->cancellable, on_retried,
                                  g_object_ref (self));
}

static void
on_signed_out (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RingsideWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* The session is gone from here whatever happened at the server. */
  if (!ringside_session_sign_out_finish (RINGSIDE_SESSION (source), result, &error))
    g_debug ("Signing out was incomplete: %s", error->message);

  ringside_window_add_toast (self, _("Signed out"));
  ringside_window_show_sign_in (self, NULL);
}

static void
on_sign_out_response (RingsideWindow   *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  if (!g_str_equal (response, "sign-out") || self->session == NULL)
    return;

  ringside_session_sign_out_async (self->session, NULL, on_signed_out, g_object_ref (self));
}

static void
ringside_window_sign_out (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RingsideWindow *self = RINGSIDE_WINDOW (widget);
  AdwMessageDialog *dialog;
  const char *account = NULL;

  if (self->session == NULL || !state_is_signed_in (self->state))
    return;

  account = ringside_session_get_account_name (self->session);
  if (account == NULL || *account == '\0')
    account = ringside_session_get_server_url (self->session);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Sign Out?"), NULL));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Ringside will forget the session for %s. You will need to "
                                    "sign in again to see its accounts and users."),
                                  account);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "sign-out", _("_Sign Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "sign-out", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_sign_out_response), self,
                           G_CONNECT_SWAPPED);

  gtk_window_present (GTK_WINDOW (dialog));
}

void
ringside_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_account_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_user_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_user_details_close_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_user_details_item_changed);
  gtk_widget_class_bind_template_callback (widget_class, update_user_title_buttons);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, ringside_window_refresh);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, ringside_window_search);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, ringside_window_export);
  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, ringside_window_sign_in);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL,
                                   ringside_window_sign_out);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, ringside_window_retry);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s",
                                   ringside_window_show_view);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, ringside_window_go_back);

  gtk_widget_class_install_action (widget_class, "win.show-view-at", "u",
                                   ringside_window_show_view_at);

  for (guint i = 0; i < 4; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view-at", "u", i);
  /* The leaflet goes back on Alt+Left itself while focus is in it; these work from anywhere. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.go-back", NULL);
}
