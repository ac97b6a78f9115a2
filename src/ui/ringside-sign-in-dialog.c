/* ringside-sign-in-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-demo-server.h"
#include "ringside-error.h"
#include "ringside-sign-in-dialog-private.h"

G_DEFINE_FINAL_TYPE (RingsideSignInDialog, ringside_sign_in_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
row_is_empty (AdwEntryRow *row)
{
  return *row_text (row) == '\0';
}

/* The method chosen in the switcher (not necessarily the one in flight). */
RingsideSignInMethod
ringside_sign_in_dialog_get_method (RingsideSignInDialog *self)
{
  if (gtk_toggle_button_get_active (self->jwt_toggle))
    return RINGSIDE_SIGN_IN_METHOD_JWT;
  if (gtk_toggle_button_get_active (self->token_toggle))
    return RINGSIDE_SIGN_IN_METHOD_TOKEN;
  return RINGSIDE_SIGN_IN_METHOD_BROWSER;
}

gboolean
ringside_sign_in_dialog_is_busy (RingsideSignInDialog *self)
{
  return self->cancellable != NULL;
}

/* Messages */

static char *
describe_sign_in_error (const GError         *error,
                        RingsideSignInMethod  method)
{
  gboolean jwt = method == RINGSIDE_SIGN_IN_METHOD_JWT;
  guint retry_after;

  if (error->domain != RINGSIDE_ERROR)
    return g_strdup (_("Signing in failed. Try again."));

  switch ((RingsideError) error->code)
    {
    case RINGSIDE_ERROR_UNAUTHORIZED:
    case RINGSIDE_ERROR_TOKEN_EXPIRED:
    case RINGSIDE_ERROR_SESSION_REJECTED:
      if (jwt)
        return g_strdup (_("RingCentral did not accept these credentials. Check the client ID, "
                           "client secret and JWT."));
      if (method == RINGSIDE_SIGN_IN_METHOD_BROWSER)
        return g_strdup (_("RingCX did not accept the sign-in. Check that your RingCentral "
                           "user may use RingCX, and sign in again."));
      return g_strdup (_("RingCentral did not accept this token. Paste a fresh access token."));

    case RINGSIDE_ERROR_INVALID_INPUT:
      if (jwt)
        return g_strdup (_("These credentials cannot be used as typed. Paste them again without "
                           "spaces or line breaks."));
      return g_strdup (_("This does not look like an access token. Paste the whole token "
                         "without spaces or line breaks."));

    case RINGSIDE_ERROR_FORBIDDEN:
      return g_strdup (_("This RingCentral user may not use RingCX. Ask your RingCX "
                         "administrator for access."));

    case RINGSIDE_ERROR_NETWORK:
      return g_strdup (_("Ringside cannot reach the server. Check your network connection and "
                         "the server address."));

    case RINGSIDE_ERROR_TIMEOUT:
      return g_strdup (_("The server did not answer in time. Try again in a moment."));

    case RINGSIDE_ERROR_TLS:
      return g_strdup (_("The server’s security certificate is not trusted, so Ringside sent "
                         "nothing to it. Check the server address."));

    case RINGSIDE_ERROR_INSECURE_URL:
      return g_strdup (_("The server address must start with https://. Plain http:// only "
                         "works for this computer."));

    case RINGSIDE_ERROR_RATE_LIMITED:
      retry_after = ringside_error_get_retry_after (error);
      if (retry_after > 90)
        {
          guint minutes = (retry_after + 59) / 60;

          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Too many sign-in attempts. Wait %u minute and "
                                               "try again.",
                                               "Too many sign-in attempts. Wait %u minutes and "
                                               "try again.", minutes),
                                  minutes);
        }
      return g_strdup (_("Too many sign-in attempts. Wait a minute and try again."));

    case RINGSIDE_ERROR_SERVER:
      return g_strdup (_("The server ran into a problem. Try again in a few minutes."));

    case RINGSIDE_ERROR_NOT_FOUND:
    case RINGSIDE_ERROR_BAD_RESPONSE:
      return g_strdup (_("The server did not answer like a RingCX server. Check the server "
                         "address."));

    case RINGSIDE_ERROR_KEYRING:
      return g_strdup (_("The system keyring is unavailable, so Ringside cannot remember your "
                         "session. You can still sign in, but you will need to sign in again "
                         "next time."));

    case RINGSIDE_ERROR_NO_SESSION:
    default:
      return g_strdup (_("Signing in failed. Try again."));
    }
}

void
ringside_sign_in_dialog_show_message (RingsideSignInDialog *self,
                                      const char           *message,
                                      gboolean              is_error)
{
  if (message == NULL)
    {
      gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
      return;
    }

  gtk_label_set_label (self->message_label, message);
  gtk_image_set_from_icon_name (self->message_icon,
                                is_error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  if (is_error)
    {
      gtk_widget_remove_css_class (self->message_box, "warning");
      gtk_widget_add_css_class (self->message_box, "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->message_box, "error");
      gtk_widget_add_css_class (self->message_box, "warning");
    }
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);

  /* Screen readers announce the new text when the label gets a fresh description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
}

void
ringside_sign_in_dialog_set_reason (RingsideSignInDialog *self,
                                    const GError         *reason)
{
  g_autofree char *message = NULL;

  g_return_if_fail (RINGSIDE_IS_SIGN_IN_DIALOG (self));

  if (reason == NULL)
    {
      ringside_sign_in_dialog_show_message (self, NULL, FALSE);
      return;
    }

  if (g_error_matches (reason, RINGSIDE_ERROR, RINGSIDE_ERROR_SESSION_REJECTED)
      || g_error_matches (reason, RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED)
      || g_error_matches (reason, RINGSIDE_ERROR, RINGSIDE_ERROR_TOKEN_EXPIRED))
    message = g_strdup (_("Your session has ended. Sign in again to continue."));
  else
    message = describe_sign_in_error (reason, RINGSIDE_SIGN_IN_METHOD_TOKEN);

  ringside_sign_in_dialog_show_message (self, message, FALSE);
}

/* The form */

/* Whether the server chosen here can be used: the custom address may be unfinished. */
static gboolean
ringside_sign_in_dialog_check_server (RingsideSignInDialog *self)
{
  if (ringside_sign_in_context_get_server_overridden (self->context))
    return TRUE;

  return ringside_server_group_get_url (self->server_group) != NULL;
}

static gboolean
ringside_sign_in_dialog_can_sign_in (RingsideSignInDialog *self)
{
  gboolean filled;

  switch (ringside_sign_in_dialog_get_method (self))
    {
    case RINGSIDE_SIGN_IN_METHOD_JWT:
      filled = !row_is_empty (self->client_id_row)
               && !row_is_empty (self->client_secret_row)
               && !row_is_empty (self->jwt_row);
      break;

    case RINGSIDE_SIGN_IN_METHOD_TOKEN:
      filled = !row_is_empty (self->token_row);
      break;

    case RINGSIDE_SIGN_IN_METHOD_BROWSER:
    default:
      filled = ringside_sign_in_dialog_browser_can_start (self);
      break;
    }

  return filled && ringside_sign_in_dialog_check_server (self);
}

void
ringside_sign_in_dialog_update (RingsideSignInDialog *self)
{
  gboolean busy = ringside_sign_in_dialog_is_busy (self);
  /* The browser method waits on a page of its own, with its own spinner. */
  gboolean waiting = busy && self->method == RINGSIDE_SIGN_IN_METHOD_BROWSER;

  /* Template signals may arrive before construction has finished. */
  if (self->context == NULL)
    return;

  gtk_widget_set_sensitive (self->form_box, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button),
                            !busy && ringside_sign_in_dialog_can_sign_in (self));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy && !waiting);
  gtk_spinner_set_spinning (self->spinner, busy && !waiting);
  gtk_spinner_set_spinning (self->waiting_spinner, waiting);
  gtk_stack_set_visible_child_name (self->page_stack, waiting ? "waiting" : "form");
}

static void
ringside_sign_in_dialog_focus_first_empty (RingsideSignInDialog *self)
{
  AdwEntryRow *rows[3] = { self->token_row, NULL, NULL };
  guint n_rows = 1;

  switch (ringside_sign_in_dialog_get_method (self))
    {
    case RINGSIDE_SIGN_IN_METHOD_JWT:
      rows[0] = self->client_id_row;
      rows[1] = self->client_secret_row;
      rows[2] = self->jwt_row;
      n_rows = 3;
      break;

    case RINGSIDE_SIGN_IN_METHOD_BROWSER:
      /* A remembered (or built-in) client ID: Enter, or the button, is all it takes. */
      if (ringside_sign_in_dialog_browser_can_start (self))
        {
          gtk_widget_grab_focus (GTK_WIDGET (self->sign_in_button));
          return;
        }
      rows[0] = self->browser_client_id_row;
      break;

    case RINGSIDE_SIGN_IN_METHOD_TOKEN:
    default:
      break;
    }

  for (guint i = 0; i < n_rows; i++)
    {
      if (row_is_empty (rows[i]))
        {
          gtk_widget_grab_focus (GTK_WIDGET (rows[i]));
          return;
        }
    }

  /* Everything is filled in: the last field, from where Enter signs in. */
  gtk_widget_grab_focus (GTK_WIDGET (rows[n_rows - 1]));
}

static void
on_field_changed (RingsideSignInDialog *self)
{
  ringside_sign_in_dialog_update (self);
}

static const char * const method_names[] = { "browser", "token", "jwt" };

static void
on_method_toggled (RingsideSignInDialog *self)
{
  RingsideSignInMethod method = ringside_sign_in_dialog_get_method (self);

  gtk_stack_set_visible_child_name (self->method_stack, method_names[method]);
  ringside_sign_in_dialog_update (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ringside_sign_in_dialog_focus_first_empty (self);
}

/* Signing in */

static void
clear_row (AdwEntryRow *row)
{
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
ringside_sign_in_dialog_clear_secrets (RingsideSignInDialog *self)
{
  clear_row (self->token_row);
  clear_row (self->client_secret_row);
  clear_row (self->jwt_row);
}

/* Keeps the server chosen here in the settings; the application then moves its session to it
 * (unless the command line chose the server, which the settings do not override). */
static void
ringside_sign_in_dialog_apply_server (RingsideSignInDialog *self)
{
  if (ringside_sign_in_context_get_server_overridden (self->context))
    return;

  ringside_server_save_choice (ringside_sign_in_context_get_settings (self->context),
                               ringside_server_group_get_kind (self->server_group),
                               ringside_server_group_get_url (self->server_group));
}

static gboolean
error_is_about_server (const GError *error)
{
  return g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NETWORK)
         || g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TLS)
         || g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INSECURE_URL)
         || g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NOT_FOUND)
         || g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
}

static void
ringside_sign_in_dialog_focus_after_failure (RingsideSignInDialog *self)
{
  switch (self->method)
    {
    case RINGSIDE_SIGN_IN_METHOD_JWT:
      gtk_widget_grab_focus (GTK_WIDGET (self->jwt_row));
      break;

    case RINGSIDE_SIGN_IN_METHOD_BROWSER:
      gtk_widget_grab_focus (GTK_WIDGET (self->browser_client_id_row));
      break;

    case RINGSIDE_SIGN_IN_METHOD_TOKEN:
    default:
      gtk_widget_grab_focus (GTK_WIDGET (self->token_row));
      break;
    }
}

void
ringside_sign_in_dialog_fail_with (RingsideSignInDialog *self,
                                   const char           *message)
{
  g_clear_object (&self->cancellable);
  g_clear_object (&self->flow);
  ringside_sign_in_dialog_update (self);
  ringside_sign_in_dialog_show_message (self, message, TRUE);
  ringside_sign_in_dialog_focus_after_failure (self);
}

static void
ringside_sign_in_dialog_fail (RingsideSignInDialog *self,
                              const GError         *error)
{
  g_autofree char *message = describe_sign_in_error (error, self->method);

  ringside_sign_in_dialog_show_message (self, message, TRUE);

  if (error_is_about_server (error) && ringside_server_group_focus_address (self->server_group))
    return;

  ringside_sign_in_dialog_focus_after_failure (self);
}

void
ringside_sign_in_dialog_on_signed_in (GObject      *source,
                                      GAsyncResult *result,
                                      gpointer      user_data)
{
  g_autoptr(RingsideSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  RingsideSession *session = RINGSIDE_SESSION (source);
  gboolean ok;

  if (self->method == RINGSIDE_SIGN_IN_METHOD_JWT)
    ok = ringside_session_sign_in_with_jwt_finish (session, result, &error);
  else
    ok = ringside_session_sign_in_with_token_finish (session, result, &error);

  /* Cancelled from here: the form is already back to normal. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->flow);
  ringside_sign_in_dialog_update (self);

  /* A keyring that cannot save the session does not stop anyone from signing in; the
   * window tells about it. */
  if (ok || (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_KEYRING)
             && ringside_session_get_state (session) == RINGSIDE_SESSION_STATE_SIGNED_IN))
    {
      if (self->method == RINGSIDE_SIGN_IN_METHOD_BROWSER)
        ringside_sign_in_dialog_browser_signed_in (self);
      g_signal_emit (self, signals[SIGNED_IN], 0);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  ringside_sign_in_dialog_fail (self, error);
}

static void
ringside_sign_in_dialog_sign_in (RingsideSignInDialog *self)
{
  RingsideSession *session;
  GSettings *settings = ringside_sign_in_context_get_settings (self->context);
  RingsideSignInMethod method = ringside_sign_in_dialog_get_method (self);

  if (ringside_sign_in_dialog_is_busy (self) || !ringside_sign_in_dialog_can_sign_in (self))
    return;

  ringside_sign_in_dialog_apply_server (self);
  /* The method is remembered, never a secret that was typed. */
  g_settings_set_string (settings, "sign-in-method", method_names[method]);

  session = ringside_sign_in_context_get_session (self->context);
  g_return_if_fail (session != NULL);

  self->cancellable = g_cancellable_new ();
  self->method = method;
  ringside_sign_in_dialog_show_message (self, NULL, FALSE);
  /* The fields turn insensitive: GTK 4.8 does not take the focus out of them itself. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  ringside_sign_in_dialog_update (self);

  if (method == RINGSIDE_SIGN_IN_METHOD_BROWSER)
    ringside_sign_in_dialog_browser_start (self);
  else if (method == RINGSIDE_SIGN_IN_METHOD_JWT)
    ringside_session_sign_in_with_jwt_async (session,
                                             row_text (self->client_id_row),
                                             row_text (self->client_secret_row),
                                             row_text (self->jwt_row),
                                             self->cancellable,
                                             ringside_sign_in_dialog_on_signed_in,
                                             g_object_ref (self));
  else
    ringside_session_sign_in_with_token_async (session, row_text (self->token_row),
                                               self->cancellable,
                                               ringside_sign_in_dialog_on_signed_in,
                                               g_object_ref (self));
}

static void
ringside_sign_in_dialog_cancel (RingsideSignInDialog *self)
{
  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->flow);
  ringside_sign_in_dialog_update (self);
}

static void
on_sign_in_clicked (RingsideSignInDialog *self)
{
  ringside_sign_in_dialog_sign_in (self);
}

/* Enter in any field does what the default button does. (AdwEntryRow:activates-default
 * does not reach its text in libadwaita 1.2.) */
static void
on_entry_activated (RingsideSignInDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "default.activate", NULL);
}

static void
on_cancel_clicked (RingsideSignInDialog *self)
{
  /* While signing in, Cancel stops that and keeps the dialog open to change what was typed. */
  if (ringside_sign_in_dialog_is_busy (self))
    {
      ringside_sign_in_dialog_cancel (self);
      /* Back where the sign-in started: the waiting page and its button are gone. */
      ringside_sign_in_dialog_focus_after_failure (self);
    }
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Setting up */

static void
ringside_sign_in_dialog_load_settings (RingsideSignInDialog *self)
{
  GSettings *settings = ringside_sign_in_context_get_settings (self->context);
  g_autofree char *method = g_settings_get_string (settings, "sign-in-method");
  g_autofree char *custom_url = g_settings_get_string (settings, "custom-server-url");
  gboolean demo = ringside_sign_in_context_get_demo (self->context);
  gboolean overridden = ringside_sign_in_context_get_server_overridden (self->context);

  /* The demo has no JWT to offer: its token is filled in instead. */
  if (g_str_equal (method, "jwt") && !demo)
    gtk_toggle_button_set_active (self->jwt_toggle, TRUE);
  else if (g_str_equal (method, "browser"))
    gtk_toggle_button_set_active (self->browser_toggle, TRUE);
  else
    gtk_toggle_button_set_active (self->token_toggle, TRUE);
  ringside_sign_in_dialog_browser_load (self);

  ringside_server_group_set_custom_url (self->server_group, custom_url);
  ringside_server_group_set_kind (self->server_group,
                                  g_settings_get_enum (settings, "server-kind"));
  if (overridden)
    ringside_server_group_show_fixed (self->server_group, demo ? _("Demo Server") : NULL,
                                      ringside_sign_in_context_get_server_url (self->context));

  if (demo)
    {
      /* The demo server's token is public: fill it in so that Enter is all it takes. */
      gtk_label_set_label (self->token_description,
                           _("This is the demo server: its access token is filled in for you."));
      gtk_editable_set_text (GTK_EDITABLE (self->token_row), RINGSIDE_DEMO_RC_ACCESS_TOKEN);
    }

  on_method_toggled (self);
}

static void
ringside_sign_in_dialog_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ringside_sign_in_dialog_parent_class)->map (widget);

  ringside_sign_in_dialog_focus_first_empty (RINGSIDE_SIGN_IN_DIALOG (widget));
}

static gboolean
ringside_sign_in_dialog_close_request (GtkWindow *window)
{
  RingsideSignInDialog *self = RINGSIDE_SIGN_IN_DIALOG (window);

  ringside_sign_in_dialog_cancel (self);
  ringside_sign_in_dialog_clear_secrets (self);
  /* GTK 4.8 warns when a text field is destroyed while its cursor blinks. */
  gtk_window_set_focus (window, NULL);

  return GTK_WINDOW_CLASS (ringside_sign_in_dialog_parent_class)->close_request (window);
}

static void
ringside_sign_in_dialog_constructed (GObject *object)
{
  RingsideSignInDialog *self = RINGSIDE_SIGN_IN_DIALOG (object);

  G_OBJECT_CLASS (ringside_sign_in_dialog_parent_class)->constructed (object);

  g_return_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (self->context));

  ringside_sign_in_dialog_load_settings (self);
}

static void
ringside_sign_in_dialog_dispose (GObject *object)
{
  RingsideSignInDialog *self = RINGSIDE_SIGN_IN_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->flow);

  gtk_widget_dispose_template (GTK_WIDGET (self), RINGSIDE_TYPE_SIGN_IN_DIALOG);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (ringside_sign_in_dialog_parent_class)->dispose (object);
}

static void
ringside_sign_in_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RingsideSignInDialog *self = RINGSIDE_SIGN_IN_DIALOG (object);

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
ringside_sign_in_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RingsideSignInDialog *self = RINGSIDE_SIGN_IN_DIALOG (object);

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
ringside_sign_in_dialog_class_init (RingsideSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ringside_sign_in_dialog_constructed;
  object_class->dispose = ringside_sign_in_dialog_dispose;
  object_class->get_property = ringside_sign_in_dialog_get_property;
  object_class->set_property = ringside_sign_in_dialog_set_property;
  widget_class->map = ringside_sign_in_dialog_map;
  window_class->close_request = ringside_sign_in_dialog_close_request;

  /* Not GtkWindow:application: the dialog is no window of its own to the application, and
   * learns what it needs of it from the context. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RINGSIDE_TYPE_SIGN_IN_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RINGSIDE_TYPE_SERVER_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ringside-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, page_stack);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, message_box);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, message_icon);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, browser_toggle);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, token_toggle);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, jwt_toggle);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, method_stack);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog,
                                        token_description);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, client_secret_row);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, jwt_row);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, server_group);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_method_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  ringside_sign_in_dialog_browser_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ringside_sign_in_dialog_init (RingsideSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RingsideSignInDialog *
ringside_sign_in_dialog_new (RingsideSignInContext *context)
{
  g_return_val_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (context), NULL);

  return g_object_new (RINGSIDE_TYPE_SIGN_IN_DIALOG, "context", context, NULL);
}
