/* ringside-window.c: the window, its session and its views; its actions and opening a
 * sub-account are in ringside-window-actions.c, around ringside-window-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-demo-server.h"
#include "ringside-error.h"
#include "ringside-sign-in-dialog.h"
#include "ringside-window-private.h"

G_DEFINE_FINAL_TYPE (RingsideWindow, ringside_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void ringside_window_update_state (RingsideWindow *self);

static gboolean
ringside_window_get_demo (RingsideWindow *self)
{
  /* The template's callbacks may come before the context. */
  return self->context != NULL && ringside_sign_in_context_get_demo (self->context);
}

gboolean
ringside_window_showing_accounts (RingsideWindow *self)
{
  return adw_view_stack_get_visible_child (self->view_stack) == GTK_WIDGET (self->accounts_view);
}

RingsideListView *
ringside_window_get_visible_view (RingsideWindow *self)
{
  if (ringside_window_showing_accounts (self))
    return RINGSIDE_LIST_VIEW (self->accounts_view);

  return RINGSIDE_LIST_VIEW (self->users_view);
}

void
ringside_window_reload_view (RingsideWindow   *self,
                             RingsideListView *view)
{
  if (view == RINGSIDE_LIST_VIEW (self->accounts_view))
    self->accounts_stale = FALSE;
  else
    self->users_stale = FALSE;

  ringside_list_view_reload (view);
}

/* The views only hold the session while it is signed in, so that nothing of one user's lists
 * stays around once they sign out. */
static void
ringside_window_set_views_session (RingsideWindow  *self,
                                   RingsideSession *session)
{
  ringside_list_view_set_session (RINGSIDE_LIST_VIEW (self->accounts_view), session);
  ringside_list_view_set_session (RINGSIDE_LIST_VIEW (self->users_view), session);
  ringside_sub_account_page_set_session (self->sub_account_page, session);
}

gboolean
ringside_window_showing_sub_account (RingsideWindow *self)
{
  return adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->sub_account_page);
}

static void
ringside_window_reload_all (RingsideWindow *self)
{
  ringside_window_reload_view (self, RINGSIDE_LIST_VIEW (self->accounts_view));
  ringside_window_reload_view (self, RINGSIDE_LIST_VIEW (self->users_view));
}

/* Toasts and the sign-in dialog */

void
ringside_window_add_toast (RingsideWindow *self,
                           const char     *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
on_dialog_signed_in (RingsideWindow *self)
{
  /* The session's state change does the rest: this only makes sure we show it. */
  self->resuming = FALSE;
  ringside_window_update_state (self);
}

/* Presents the sign-in dialog, saying why the user has to sign in when @reason is set. */
void
ringside_window_show_sign_in (RingsideWindow *self,
                              const GError   *reason)
{
  if (self->sign_in_dialog == NULL)
    {
      RingsideSignInDialog *dialog = ringside_sign_in_dialog_new (self->context);

      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
      g_signal_connect_object (dialog, "signed-in", G_CALLBACK (on_dialog_signed_in), self,
                               G_CONNECT_SWAPPED);
      g_set_weak_pointer (&self->sign_in_dialog, dialog);
    }

  ringside_sign_in_dialog_set_reason (self->sign_in_dialog, reason);
  gtk_window_present (GTK_WINDOW (self->sign_in_dialog));
}

/* Session state */

static char *
describe_offline (const GError *error)
{
  if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_RATE_LIMITED))
    return g_strdup (_("RingCX asked Ringside to slow down. Ringside will try again shortly."));

  if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_SERVER))
    return g_strdup (_("The RingCX server is having problems. Ringside keeps trying to "
                       "reconnect."));

  if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TIMEOUT))
    return g_strdup (_("The RingCX server is not answering. Ringside keeps trying to "
                       "reconnect."));

  return g_strdup (_("Offline: Ringside cannot reach the RingCX server and keeps trying to "
                     "reconnect."));
}

/* Narrower than this (a phone is 360 pixels), the header bar gives its title the room it
 * needs: the title may sit off centre (strict centring alone would keep the window 466
 * pixels wide), the "Demo" tag makes way (the banner says it) and the title is the short
 * one. */
#define NARROW_WIDTH 600

static void
ringside_window_update_header (RingsideWindow *self)
{
  gboolean demo = ringside_window_get_demo (self);
  int width = 0;
  int height = 0;
  const char *title = gtk_window_get_title (GTK_WINDOW (self));
  gboolean narrow;

  /* GTK 4.8 takes no NULL here. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < NARROW_WIDTH;

  adw_header_bar_set_centering_policy (self->header_bar, narrow ? ADW_CENTERING_POLICY_LOOSE
                                                                : ADW_CENTERING_POLICY_STRICT);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_tag), demo && !narrow);
  adw_view_switcher_title_set_title (self->switcher_title,
                                     narrow || title == NULL ? _("Ringside") : title);
}

static void
ringside_window_update_banners (RingsideWindow *self)
{
  gboolean demo = ringside_window_get_demo (self);
  gboolean offline = self->state == RINGSIDE_SESSION_STATE_OFFLINE;

  gtk_revealer_set_reveal_child (self->demo_banner, demo);
  gtk_window_set_title (GTK_WINDOW (self), demo ? _("Ringside Demo") : _("Ringside"));
  ringside_window_update_header (self);

  if (offline)
    {
      g_autofree char *text = describe_offline (ringside_session_get_last_error (self->session));

      gtk_label_set_label (self->offline_label, text);
    }
  gtk_revealer_set_reveal_child (self->offline_banner, offline);
}

static void
set_identity_line (GtkLabel   *label,
                   const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* Who is signed in, at the top of the primary menu. */
static void
ringside_window_update_identity (RingsideWindow *self)
{
  const char *name;

  if (self->session == NULL || !state_is_signed_in (self->state))
    {
      set_identity_line (self->identity_name_label, _("Not Signed In"));
      set_identity_line (self->identity_email_label, NULL);
      set_identity_line (self->identity_account_label,
                         self->session != NULL ? ringside_session_get_server_url (self->session)
                                               : NULL);
      return;
    }

  name = ringside_session_get_user_display_name (self->session);
  set_identity_line (self->identity_name_label,
                     name != NULL && *name != '\0' ? name : _("Signed In"));
  set_identity_line (self->identity_email_label, ringside_session_get_user_email (self->session));
  set_identity_line (self->identity_account_label,
                     ringside_session_get_account_name (self->session));
}

/* The switcher moves to the bottom when the header bar is too narrow for it, and only where
 * there are lists to switch between. */
static void
ringside_window_update_switcher_bar (RingsideWindow *self)
{
  gboolean content = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                "content") == 0;

  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    content
                                    && adw_view_switcher_title_get_title_visible (
                                         self->switcher_title));
}

static void
ringside_window_show_page (RingsideWindow *self,
                           const char     *page)
{
  gboolean content = g_str_equal (page, "content");
  gboolean loading = g_str_equal (page, "loading");

  gtk_stack_set_visible_child_name (self->main_stack, page);
  gtk_spinner_set_spinning (self->loading_spinner, loading);
  /* A sub-account is only shown while signed in. */
  if (!content)
    adw_leaflet_set_visible_child_name (self->leaflet, "main");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, content);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", content);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_bar), content);

  /* Typing anywhere in the window starts a search, but only where there is a list. */
  gtk_search_bar_set_key_capture_widget (self->search_bar,
                                         content && !ringside_window_showing_sub_account (self)
                                         ? GTK_WIDGET (self) : NULL);
  if (!content)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  /* Signed out, there is nothing to search: no button that does nothing. */
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), content);
  ringside_window_update_switcher_bar (self);
}

static void
ringside_window_update_state (RingsideWindow *self)
{
  RingsideSessionState previous = self->state;
  RingsideSessionState state = RINGSIDE_SESSION_STATE_SIGNED_OUT;

  if (self->session != NULL)
    state = ringside_session_get_state (self->session);
  self->state = state;

  if (state_is_signed_in (state) && !state_is_signed_in (previous))
    {
      /* Signed in, restored, or restored while offline (the lists then show the failure
       * with a Retry button, and load again once the session is back). */
      ringside_window_set_views_session (self, self->session);
      ringside_window_reload_all (self);
      self->reload_when_online = state == RINGSIDE_SESSION_STATE_OFFLINE;
    }
  else if (!state_is_signed_in (state) && state_is_signed_in (previous))
    {
      ringside_window_set_views_session (self, NULL);
    }
  else if (state == RINGSIDE_SESSION_STATE_SIGNED_IN && self->reload_when_online)
    {
      self->reload_when_online = FALSE;
      ringside_window_reload_all (self);
    }

  if (self->resuming || state == RINGSIDE_SESSION_STATE_SIGNING_IN)
    ringside_window_show_page (self, "loading");
  else if (state_is_signed_in (state))
    ringside_window_show_page (self, "content");
  else
    ringside_window_show_page (self, "signed-out");

  ringside_window_update_banners (self);
  ringside_window_update_identity (self);
}

static void
ringside_window_check_keyring (RingsideWindow *self)
{
  if (self->session == NULL || ringside_session_get_keyring_error (self->session) == NULL)
    return;

  if (self->keyring_warned)
    return;

  self->keyring_warned = TRUE;
  ringside_window_add_toast (self, _("The system keyring is unavailable: you will need to sign "
                                     "in again next time"));
}

static void
on_session_signed_out (RingsideWindow  *self,
                       const GError    *reason,
                       RingsideSession *session)
{
  /* Signing out on purpose has its own follow-up; here the server ended the session. */
  if (reason != NULL)
    ringside_window_show_sign_in (self, reason);
}

/* Resuming: getting the session going without asking anything */

static void
on_session_resumed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  RingsideSession *session = RINGSIDE_SESSION (source);
  gboolean demo = GPOINTER_TO_INT (g_task_get_task_data (task));
  gboolean ok;

  if (demo)
    ok = ringside_session_sign_in_with_token_finish (session, result, &error);
  else
    ok = ringside_session_restore_finish (session, result, &error);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* On the demo server, signs in with its public token; otherwise restores the stored session
 * (RINGSIDE_ERROR_NO_SESSION when there is none). */
static void
ringside_window_resume_async (RingsideWindow      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gboolean demo;

  g_return_if_fail (self->session != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_window_resume_async);

  demo = ringside_window_get_demo (self);
  g_task_set_task_data (task, GINT_TO_POINTER (demo), NULL);

  if (demo)
    ringside_session_sign_in_with_token_async (self->session, RINGSIDE_DEMO_RC_ACCESS_TOKEN,
                                               cancellable, on_session_resumed,
                                               g_steal_pointer (&task));
  else if (!ringside_session_get_persistent (self->session))
    g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_NO_SESSION,
                             _("This session is never stored"));
  else
    ringside_session_restore_async (self->session, cancellable, on_session_resumed,
                                    g_steal_pointer (&task));
}

static gboolean
ringside_window_resume_finish (RingsideWindow  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_window_resume_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_resumed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RingsideWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ringside_window_resume_finish (self, result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->resuming = FALSE;

  /* An OFFLINE session keeps its token and retries, whatever the error (a firewall's 403
   * is not transient by its code, yet is no reason to sign in again). */
  if (error == NULL || ringside_error_is_transient (error) ||
      (self->session != NULL &&
       ringside_session_get_state (self->session) == RINGSIDE_SESSION_STATE_OFFLINE))
    ;  /* Signed in, or OFFLINE and retrying: the state says it all. */
  else if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NO_SESSION))
    ringside_window_show_sign_in (self, NULL);
  else
    ringside_window_show_sign_in (self, error);

  ringside_window_update_state (self);
  ringside_window_check_keyring (self);
}

static void
ringside_window_resume (RingsideWindow *self)
{
  self->resuming = TRUE;
  ringside_window_update_state (self);

  ringside_window_resume_async (self, self->cancellable, on_resumed, g_object_ref (self));
}

static void
ringside_window_set_session (RingsideWindow  *self,
                             RingsideSession *session)
{
  if (self->session == session)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (state_is_signed_in (self->state))
    ringside_window_set_views_session (self, NULL);

  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  self->state = RINGSIDE_SESSION_STATE_SIGNED_OUT;
  self->resuming = FALSE;
  self->keyring_warned = FALSE;
  self->reload_when_online = FALSE;

  /* The sign-in dialog replaces the session when the user picks another server there, and
   * signs in to the new one itself. */
  if (session != NULL && self->sign_in_dialog == NULL)
    ringside_window_resume (self);
  else
    ringside_window_update_state (self);
}

static void
on_context_session_changed (RingsideWindow *self)
{
  ringside_window_set_session (self, ringside_sign_in_context_get_session (self->context));
}

/* Search and views */

static void
on_search_changed (RingsideWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  ringside_list_view_set_search_text (ringside_window_get_visible_view (self), text);
}

/* Users' filters: beside the search, for the users view only. */

static void
on_user_filter_changed (RingsideWindow *self)
{
  /* In the drop-down's order */
  static const RingsideUsersEnabled choices[] = {
    RINGSIDE_USERS_ALL, RINGSIDE_USERS_ENABLED, RINGSIDE_USERS_DISABLED,
  };
  guint enabled = gtk_drop_down_get_selected (self->enabled_dropdown);
  guint role = gtk_drop_down_get_selected (self->role_dropdown);

  if (self->updating_roles)
    return;

  ringside_users_view_set_enabled_filter (self->users_view,
                                          enabled < G_N_ELEMENTS (choices)
                                          ? choices[enabled] : RINGSIDE_USERS_ALL);
  ringside_users_view_set_role_filter (self->users_view,
                                       self->user_roles != NULL && role >= 1 &&
                                       role <= g_strv_length (self->user_roles)
                                       ? self->user_roles[role - 1] : NULL);
}

/* Fills the role drop-down with the roles of the users loaded, keeping the choice. */
static void
update_user_roles (RingsideWindow *self)
{
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) roles = ringside_users_view_dup_roles (self->users_view, &words);
  guint old = gtk_drop_down_get_selected (self->role_dropdown);
  const char *current = NULL;
  guint selected = 0;

  if (self->user_roles != NULL && old >= 1 && old <= g_strv_length (self->user_roles))
    current = self->user_roles[old - 1];
  for (guint i = 0; current != NULL && roles[i] != NULL; i++)
    {
      if (g_str_equal (roles[i], current))
        selected = i + 1;
    }

  self->updating_roles = TRUE;
  gtk_string_list_splice (self->role_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->role_names)) - 1,
                          (const char * const *) words);
  g_strfreev (self->user_roles);
  self->user_roles = g_steal_pointer (&roles);
  gtk_drop_down_set_selected (self->role_dropdown, selected);
  self->updating_roles = FALSE;

  /* A role the reloaded list no longer has shows every role again. */
  on_user_filter_changed (self);
}

static void
on_users_loading_changed (RingsideWindow *self)
{
  if (!ringside_list_view_get_loading (RINGSIDE_LIST_VIEW (self->users_view)))
    update_user_roles (self);
}

static void
on_visible_view_changed (RingsideWindow *self)
{
  RingsideListView *view = ringside_window_get_visible_view (self);
  gboolean accounts = ringside_window_showing_accounts (self);
  const char *placeholder = accounts ? _("Search accounts") : _("Search users");

  g_clear_pointer (&self->summary_binding, g_binding_unbind);
  /* The subtitle shows where the view switcher leaves room for a title. */
  self->summary_binding = g_object_bind_property (view, "summary",
                                                  self->switcher_title, "subtitle",
                                                  G_BINDING_SYNC_CREATE);

  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), !accounts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder,
                                  -1);
  on_search_changed (self);

  if (state_is_signed_in (self->state)
      && (accounts ? self->accounts_stale : self->users_stale))
    ringside_window_reload_view (self, view);
}

/* Window */

static void
ringside_window_save_state (RingsideWindow *self)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* The default size is the unmaximized one: keep it to return to. */
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static gboolean
ringside_window_close_request (GtkWindow *window)
{
  ringside_window_save_state (RINGSIDE_WINDOW (window));

  return GTK_WINDOW_CLASS (ringside_window_parent_class)->close_request (window);
}

static void
ringside_window_constructed (GObject *object)
{
  RingsideWindow *self = RINGSIDE_WINDOW (object);

  G_OBJECT_CLASS (ringside_window_parent_class)->constructed (object);

  g_return_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (self->context));

  g_signal_connect_object (self->context, "notify::session",
                           G_CALLBACK (on_context_session_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::demo",
                           G_CALLBACK (ringside_window_update_banners), self, G_CONNECT_SWAPPED);

  ringside_window_set_session (self, ringside_sign_in_context_get_session (self->context));
}

static void
ringside_window_dispose (GObject *object)
{
  RingsideWindow *self = RINGSIDE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  /* The context outlives the window: nothing of it may reach a disposed one. */
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_pointer (&self->summary_binding, g_binding_unbind);
  g_clear_weak_pointer (&self->sign_in_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), RINGSIDE_TYPE_WINDOW);

  g_clear_object (&self->session);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->user_roles, g_strfreev);

  G_OBJECT_CLASS (ringside_window_parent_class)->dispose (object);
}

static void
ringside_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RingsideWindow *self = RINGSIDE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RingsideWindow *self = RINGSIDE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_window_class_init (RingsideWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ringside_window_constructed;
  object_class->dispose = ringside_window_dispose;
  object_class->get_property = ringside_window_get_property;
  object_class->set_property = ringside_window_set_property;
  window_class->close_request = ringside_window_close_request;

  /* The session to show and what the sign-in dialog needs. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RINGSIDE_TYPE_SIGN_IN_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RINGSIDE_TYPE_ACCOUNTS_VIEW);
  g_type_ensure (RINGSIDE_TYPE_USERS_VIEW);
  g_type_ensure (RINGSIDE_TYPE_SUB_ACCOUNT_PAGE);
  g_type_ensure (RINGSIDE_TYPE_DETAIL_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ringside-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, demo_tag);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, identity_name_label);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, identity_email_label);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, identity_account_label);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, demo_banner);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, offline_banner);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, offline_label);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, enabled_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, role_names);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, accounts_view);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, users_view);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, user_details_separator);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, user_details);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RingsideWindow, sub_account_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_user_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, ringside_window_update_switcher_bar);

  ringside_window_class_init_actions (widget_class);
}

static void
ringside_window_init (RingsideWindow *self)
{
  self->state = RINGSIDE_SESSION_STATE_SIGNED_OUT;
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "last-view", self->view_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  ringside_drop_down_name_button (self->enabled_dropdown, _("Show Enabled or Disabled Users"));
  ringside_drop_down_name_button (self->role_dropdown, _("Show One Role"));
  g_signal_connect_object (self->users_view, "notify::loading",
                           G_CALLBACK (on_users_loading_changed), self, G_CONNECT_SWAPPED);
  on_visible_view_changed (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", FALSE);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (ringside_window_update_header),
                    NULL);
  ringside_window_update_header (self);

  self->session_signals = g_signal_group_new (RINGSIDE_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::state",
                                  G_CALLBACK (ringside_window_update_state), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::last-error",
                                  G_CALLBACK (ringside_window_update_banners), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::user-display-name",
                                  G_CALLBACK (ringside_window_update_identity), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::user-email",
                                  G_CALLBACK (ringside_window_update_identity), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::account-name",
                                  G_CALLBACK (ringside_window_update_identity), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::keyring-error",
                                  G_CALLBACK (ringside_window_check_keyring), self);
  g_signal_group_connect_swapped (self->session_signals, "signed-out",
                                  G_CALLBACK (on_session_signed_out), self);
}

RingsideWindow *
ringside_window_new (GtkApplication        *application,
                     RingsideSignInContext *context)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (context), NULL);

  return g_object_new (RINGSIDE_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}
