/* ringside-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-preferences-window.h"
#include "ringside-server-group.h"

struct _RingsidePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  RingsideServerGroup  *server_group;
  AdwEntryRow          *oauth_client_id_row;
  GtkSpinButton        *oauth_port_spin;

  /* Owned */
  RingsideSignInContext *context;

  /* Set while the rows are being filled from the settings, not by the user. */
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (RingsidePreferencesWindow, ringside_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A server change the user asked for, kept while they confirm it and while signing out. */
typedef struct
{
  RingsidePreferencesWindow *self;
  RingsideServerKind         kind;
  char                      *url;
} ServerChange;

static ServerChange *
server_change_new (RingsidePreferencesWindow *self,
                   RingsideServerKind         kind,
                   const char                *url)
{
  ServerChange *change = g_new0 (ServerChange, 1);

  change->self = g_object_ref (self);
  change->kind = kind;
  change->url = g_strdup (url);
  return change;
}

static void
server_change_free (ServerChange *change)
{
  g_clear_object (&change->self);
  g_free (change->url);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ServerChange, server_change_free)

static void
on_change_dialog_gone (gpointer  data,
                       GClosure *closure)
{
  server_change_free (data);
}

static void
ringside_preferences_window_load (RingsidePreferencesWindow *self)
{
  GSettings *settings = ringside_sign_in_context_get_settings (self->context);
  g_autofree char *custom_url = g_settings_get_string (settings, "custom-server-url");

  self->loading = TRUE;
  ringside_server_group_set_custom_url (self->server_group, custom_url);
  ringside_server_group_set_kind (self->server_group,
                                  g_settings_get_enum (settings, "server-kind"));
  self->loading = FALSE;
}

static void
on_signed_out (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ServerChange) change = user_data;
  g_autoptr(GError) error = NULL;

  /* Signed out here whatever the server said; then the new server, where the window asks
   * the user to sign in. */
  if (!ringside_session_sign_out_finish (RINGSIDE_SESSION (source), result, &error))
    g_debug ("Signing out was incomplete: %s", error->message);

  ringside_server_save_choice (ringside_sign_in_context_get_settings (change->self->context),
                               change->kind, change->url);
  gtk_window_close (GTK_WINDOW (change->self));
}

static void
on_change_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  ServerChange *change = user_data;
  RingsidePreferencesWindow *self = change->self;
  RingsideSession *session = ringside_sign_in_context_get_session (self->context);

  if (!g_str_equal (response, "change"))
    {
      /* Put the rows back to the server in use. */
      ringside_preferences_window_load (self);
      return;
    }

  ringside_session_sign_out_async (session, NULL, on_signed_out,
                                   server_change_new (self, change->kind, change->url));
}

static void
ringside_preferences_window_request_change (RingsidePreferencesWindow *self,
                                            RingsideServerKind         kind,
                                            const char                *url)
{
  RingsideSession *session = ringside_sign_in_context_get_session (self->context);
  AdwMessageDialog *dialog;
  const char *current_url;

  current_url = session != NULL ? ringside_session_get_server_url (session) : NULL;
  if (session == NULL
      || ringside_session_get_state (session) == RINGSIDE_SESSION_STATE_SIGNED_OUT
      || g_strcmp0 (current_url, url) == 0)
    {
      ringside_server_save_choice (ringside_sign_in_context_get_settings (self->context),
                                   kind, url);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Change Server?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("You will be signed out of %s, and then asked to sign in "
                                    "to %s."),
                                  current_url, url);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "change", _("_Change Server"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "change", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_change_response),
                         server_change_new (self, kind, url), on_change_dialog_gone, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* A usable custom address, confirmed with Enter or the apply button. */
static void
on_custom_url_applied (RingsidePreferencesWindow *self)
{
  ringside_preferences_window_request_change (self, RINGSIDE_SERVER_KIND_CUSTOM,
                                              ringside_server_group_get_url (self->server_group));
}

/* A known server takes effect at once; a custom one once its address can be used. */
static void
on_server_selected (RingsidePreferencesWindow *self)
{
  const char *url = ringside_server_group_get_url (self->server_group);

  if (self->loading || url == NULL)
    return;

  ringside_preferences_window_request_change (self,
                                              ringside_server_group_get_kind (self->server_group),
                                              url);
}

static void
ringside_preferences_window_constructed (GObject *object)
{
  RingsidePreferencesWindow *self = RINGSIDE_PREFERENCES_WINDOW (object);
  GSettings *settings;
  gboolean overridden;

  G_OBJECT_CLASS (ringside_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (self->context));

  settings = ringside_sign_in_context_get_settings (self->context);
  /* The command line wins over the settings for this run: show what is used, read-only. */
  overridden = ringside_sign_in_context_get_server_overridden (self->context);
  ringside_preferences_window_load (self);
  /* Neither is a secret: the client ID of a public client, a port number. */
  g_settings_bind (settings, "oauth-client-id",
                   self->oauth_client_id_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "oauth-loopback-port",
                   self->oauth_port_spin, "value", G_SETTINGS_BIND_DEFAULT);
  if (overridden)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->server_group),
                                             _("Chosen on the command line for as long as "
                                               "Ringside runs."));
      ringside_server_group_show_fixed (self->server_group,
                                        ringside_sign_in_context_get_demo (self->context)
                                        ? _("Demo Server") : NULL,
                                        ringside_sign_in_context_get_server_url (self->context));
    }
}

static void
ringside_preferences_window_dispose (GObject *object)
{
  RingsidePreferencesWindow *self = RINGSIDE_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RINGSIDE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ringside_preferences_window_parent_class)->dispose (object);
}

static void
ringside_preferences_window_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  RingsidePreferencesWindow *self = RINGSIDE_PREFERENCES_WINDOW (object);

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
ringside_preferences_window_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  RingsidePreferencesWindow *self = RINGSIDE_PREFERENCES_WINDOW (object);

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
ringside_preferences_window_class_init (RingsidePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ringside_preferences_window_constructed;
  object_class->dispose = ringside_preferences_window_dispose;
  object_class->get_property = ringside_preferences_window_get_property;
  object_class->set_property = ringside_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RINGSIDE_TYPE_SIGN_IN_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RINGSIDE_TYPE_SERVER_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ringside-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsidePreferencesWindow, server_group);
  gtk_widget_class_bind_template_child (widget_class, RingsidePreferencesWindow,
                                        oauth_client_id_row);
  gtk_widget_class_bind_template_child (widget_class, RingsidePreferencesWindow,
                                        oauth_port_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_server_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_url_applied);
}

static void
ringside_preferences_window_init (RingsidePreferencesWindow *self)
{
  /* Filled from the settings in constructed(), once the context is known. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

RingsidePreferencesWindow *
ringside_preferences_window_new (RingsideSignInContext *context)
{
  g_return_val_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (context), NULL);

  return g_object_new (RINGSIDE_TYPE_PREFERENCES_WINDOW, "context", context, NULL);
}
