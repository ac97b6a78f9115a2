/* ringside-sign-in-dialog-browser.c
 *
 * The sign-in dialog's browser method: a RingsideOAuthFlow listens on the loopback, the
 * default browser (through GTK, so the OpenURI portal serves a Flatpak) opens RingCentral's
 * page, and the RingCentral access token the flow brings back signs the session in as a
 * pasted one would. The client ID is no secret and is remembered; the link the user may copy
 * holds only the state and the PKCE challenge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-demo-server.h"
#include "ringside-error.h"
#include "ringside-sign-in-dialog-private.h"
#include "ringside-token-response.h"

/* The ID the flow uses: the one typed, else the one built in (-Doauth_client_id). */
static char *
dup_client_id (RingsideSignInDialog *self)
{
  char *typed = g_strstrip (g_strdup (gtk_editable_get_text (
                                        GTK_EDITABLE (self->browser_client_id_row))));

  if (*typed != '\0')
    return typed;

  g_free (typed);
  return g_strdup (RINGSIDE_OAUTH_CLIENT_ID);
}

gboolean
ringside_sign_in_dialog_browser_can_start (RingsideSignInDialog *self)
{
  g_autofree char *client_id = dup_client_id (self);

  return *client_id != '\0';
}

void
ringside_sign_in_dialog_browser_load (RingsideSignInDialog *self)
{
  GSettings *settings = ringside_sign_in_context_get_settings (self->context);
  g_autofree char *saved = g_settings_get_string (settings, "oauth-client-id");

  if (ringside_sign_in_context_get_demo (self->context))
    {
      /* The demo server's authorize page knows this app: Enter is all it takes. */
      gtk_editable_set_text (GTK_EDITABLE (self->browser_client_id_row),
                             RINGSIDE_DEMO_CLIENT_ID);
      gtk_label_set_label (self->browser_client_id_hint,
                           _("This is the demo server: its client ID is filled in for you."));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->browser_client_id_row), saved);
  if (*RINGSIDE_OAUTH_CLIENT_ID != '\0')
    gtk_label_set_label (self->browser_client_id_hint,
                         _("Leave it empty to use the app built into Ringside, or enter the ID "
                           "of your own RingCentral app (authorization code flow with PKCE)."));
}

void
ringside_sign_in_dialog_browser_signed_in (RingsideSignInDialog *self)
{
  GSettings *settings = ringside_sign_in_context_get_settings (self->context);
  g_autofree char *typed = NULL;

  if (ringside_sign_in_context_get_demo (self->context))
    return;

  /* Only an ID that worked is remembered; an empty field keeps using the built-in one. */
  typed = g_strstrip (g_strdup (gtk_editable_get_text (
                                  GTK_EDITABLE (self->browser_client_id_row))));
  if (*typed != '\0')
    g_settings_set_string (settings, "oauth-client-id", typed);
}

void
ringside_sign_in_dialog_set_browser_timeout (RingsideSignInDialog *self,
                                             guint                 seconds)
{
  g_return_if_fail (RINGSIDE_IS_SIGN_IN_DIALOG (self));

  self->browser_timeout_s = seconds;
}

/* The waiting page */

static void
ringside_sign_in_dialog_reset_waiting (RingsideSignInDialog *self)
{
  gtk_label_set_label (self->waiting_title, _("Waiting for the browser…"));
  gtk_label_set_label (self->waiting_description,
                       _("Sign in to RingCentral in the browser tab that opened. Ringside "
                         "continues here once you are done."));
  gtk_label_set_label (self->copy_link_hint,
                       _("No browser opened? Copy the link and open it in one."));
  adw_button_content_set_label (self->copy_link_content, _("Copy _Link"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_link_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy Link"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->copy_link_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->copy_link_hint), TRUE);
}

static void
on_copy_link_clicked (RingsideSignInDialog *self)
{
  const char *uri = self->flow != NULL ? ringside_oauth_flow_get_authorize_uri (self->flow)
                                       : NULL;

  if (uri == NULL)
    return;

  /* Only on this click: the link holds the state and the challenge, never the verifier. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), uri);
  adw_button_content_set_label (self->copy_link_content, _("_Link Copied"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_link_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link Copied"),
                                  -1);
}

/* Opening the browser */

static void
on_browser_launched (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RingsideSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean launched;

#if GTK_CHECK_VERSION (4, 10, 0)
  launched = gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error);
#else
  launched = gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error);
#endif

  if (launched)
    {
      g_info ("Browser sign-in: the browser was asked to open RingCentral’s page");
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Not the error's text: it may quote the link, which holds the state. */
  g_info ("Browser sign-in: no browser could be opened");
  if (self->flow != NULL)
    gtk_label_set_label (self->copy_link_hint,
                         _("No browser could be opened. Copy the link and open it in a "
                           "browser; Ringside keeps waiting."));
}

static void
ringside_sign_in_dialog_open_browser (RingsideSignInDialog *self,
                                      const char           *uri)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

  gtk_uri_launcher_launch (launcher, GTK_WINDOW (self), self->cancellable,
                           on_browser_launched, g_object_ref (self));
#else
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, self->cancellable,
                     on_browser_launched, g_object_ref (self));
#endif
}

/* The flow */

static void
on_flow_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RingsideSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *token = ringside_oauth_flow_run_finish (RINGSIDE_OAUTH_FLOW (source), result, &error);
  RingsideSession *session;

  /* Cancelled from here, or replaced by a newer sign-in of this dialog: nothing to do. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || self->flow != RINGSIDE_OAUTH_FLOW (source))
    {
      ringside_clear_secret (&token);
      return;
    }

  if (token == NULL)
    {
      ringside_sign_in_dialog_fail_with (self, error->message);
      return;
    }

  g_clear_object (&self->flow);
  gtk_label_set_label (self->waiting_title, _("Signing in to RingCX…"));
  gtk_label_set_label (self->waiting_description,
                       _("RingCentral confirmed who you are. You can close the browser tab."));
  gtk_widget_set_visible (GTK_WIDGET (self->copy_link_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->copy_link_hint), FALSE);

  session = ringside_sign_in_context_get_session (self->context);
  ringside_session_sign_in_with_token_async (session, token, self->cancellable,
                                             ringside_sign_in_dialog_on_signed_in,
                                             g_object_ref (self));
  ringside_clear_secret (&token);
}

void
ringside_sign_in_dialog_browser_start (RingsideSignInDialog *self)
{
  GSettings *settings = ringside_sign_in_context_get_settings (self->context);
  RingsideSession *session = ringside_sign_in_context_get_session (self->context);
  g_autofree char *client_id = dup_client_id (self);
  const char *uri;

  ringside_sign_in_dialog_reset_waiting (self);

  g_clear_object (&self->flow);
  self->flow = ringside_oauth_flow_new (ringside_session_get_client (session),
                                        ringside_session_get_platform_url (session),
                                        client_id);
  ringside_oauth_flow_set_port (self->flow,
                                (guint) g_settings_get_int (settings, "oauth-loopback-port"));
  if (self->browser_timeout_s > 0)
    ringside_oauth_flow_set_timeout (self->flow, self->browser_timeout_s);

  ringside_oauth_flow_run_async (self->flow, self->cancellable, on_flow_done,
                                 g_object_ref (self));

  /* Not listening: the flow's error arrives in on_flow_done(). */
  uri = ringside_oauth_flow_get_authorize_uri (self->flow);
  if (uri == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->copy_link_button));
  ringside_sign_in_dialog_open_browser (self, uri);
}

void
ringside_sign_in_dialog_browser_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog,
                                        browser_client_id_row);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog,
                                        browser_client_id_hint);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, waiting_spinner);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, waiting_title);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog,
                                        waiting_description);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, copy_link_button);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, copy_link_content);
  gtk_widget_class_bind_template_child (widget_class, RingsideSignInDialog, copy_link_hint);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_link_clicked);
}
