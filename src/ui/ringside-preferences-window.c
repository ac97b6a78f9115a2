/* ringside-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-client.h"
#include "ringside-preferences-window.h"

struct _RingsidePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *server_group;
  AdwComboRow          *server_row;
  AdwEntryRow          *custom_url_row;
  GtkLabel             *url_error_label;
  AdwPreferencesGroup  *override_group;
  AdwActionRow         *override_row;

  /* Owned */
  RingsideApplication  *app;

  /* Set while the rows are being filled from the settings, not by the user. */
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (RingsidePreferencesWindow, ringside_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_APP,
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
  GSettings *settings = ringside_application_get_settings (self->app);
  g_autofree char *custom_url = g_settings_get_string (settings, "custom-server-url");
  RingsideServerKind kind = g_settings_get_enum (settings, "server-kind");

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->custom_url_row), custom_url);
  adw_combo_row_set_selected (self->server_row, kind);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_url_row), kind == RINGSIDE_SERVER_KIND_CUSTOM);
  gtk_widget_remove_css_class (GTK_WIDGET (self->custom_url_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->url_error_label), FALSE);
  self->loading = FALSE;
}

static void
ringside_preferences_window_store (RingsidePreferencesWindow *self,
                                   RingsideServerKind         kind,
                                   const char                *url)
{
  GSettings *settings = ringside_application_get_settings (self->app);

  /* The address first: the application moves to the new server once, on the kind. */
  if (kind == RINGSIDE_SERVER_KIND_CUSTOM)
    g_settings_set_string (settings, "custom-server-url", url);
  g_settings_set_enum (settings, "server-kind", kind);
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

  ringside_preferences_window_store (change->self, change->kind, change->url);
  gtk_window_close (GTK_WINDOW (change->self));
}

static void
on_change_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  ServerChange *change = user_data;
  RingsidePreferencesWindow *self = change->self;
  RingsideSession *session = ringside_application_get_session (self->app);

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
  RingsideSession *session = ringside_application_get_session (self->app);
  AdwMessageDialog *dialog;
  const char *current_url;

  current_url = session != NULL ? ringside_session_get_server_url (session) : NULL;
  if (session == NULL
      || ringside_session_get_state (session) == RINGSIDE_SESSION_STATE_SIGNED_OUT
      || g_strcmp0 (current_url, url) == 0)
    {
      ringside_preferences_window_store (self, kind, url);
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

/* Styles the address row and says what is wrong; returns the normalized URL or NULL. */
static char *
ringside_preferences_window_check_custom_url (RingsidePreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->custom_url_row));
  char *url = ringside_server_kind_resolve_url (RINGSIDE_SERVER_KIND_CUSTOM, text, &error);
  gboolean show_error = url == NULL && *text != '\0';

  if (show_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->custom_url_row), "error");
      gtk_label_set_label (self->url_error_label, ringside_describe_url_error (error));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->custom_url_row), "error");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->url_error_label), show_error);

  return url;
}

static void
on_custom_url_changed (RingsidePreferencesWindow *self)
{
  g_autofree char *url = NULL;

  if (self->loading)
    return;

  url = ringside_preferences_window_check_custom_url (self);
}

static void
on_custom_url_applied (RingsidePreferencesWindow *self)
{
  g_autofree char *url = ringside_preferences_window_check_custom_url (self);

  if (url == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->custom_url_row));
      return;
    }

  ringside_preferences_window_request_change (self, RINGSIDE_SERVER_KIND_CUSTOM, url);
}

static void
on_server_selected (RingsidePreferencesWindow *self)
{
  RingsideServerKind kind = adw_combo_row_get_selected (self->server_row);
  g_autofree char *url = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->custom_url_row), kind == RINGSIDE_SERVER_KIND_CUSTOM);
  if (self->loading)
    return;

  if (kind != RINGSIDE_SERVER_KIND_CUSTOM)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->url_error_label), FALSE);
      url = ringside_server_kind_resolve_url (kind, NULL, NULL);
      ringside_preferences_window_request_change (self, kind, url);
      return;
    }

  /* A custom server takes effect once its address is applied. */
  url = ringside_preferences_window_check_custom_url (self);
  if (url != NULL)
    ringside_preferences_window_request_change (self, kind, url);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->custom_url_row));
}

static void
ringside_preferences_window_constructed (GObject *object)
{
  RingsidePreferencesWindow *self = RINGSIDE_PREFERENCES_WINDOW (object);
  gboolean overridden;

  G_OBJECT_CLASS (ringside_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (RINGSIDE_IS_APPLICATION (self->app));

  /* The command line wins over the settings for this run: show what is used, read-only. */
  overridden = ringside_application_get_server_overridden (self->app);
  gtk_widget_set_visible (GTK_WIDGET (self->server_group), !overridden);
  gtk_widget_set_visible (GTK_WIDGET (self->override_group), overridden);
  adw_action_row_set_subtitle (self->override_row,
                               ringside_application_get_server_url (self->app));

  ringside_preferences_window_load (self);
}

static void
ringside_preferences_window_dispose (GObject *object)
{
  RingsidePreferencesWindow *self = RINGSIDE_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RINGSIDE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->app);

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
    case PROP_APP:
      g_value_set_object (value, self->app);
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
    case PROP_APP:
      self->app = g_value_dup_object (value);
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

  properties[PROP_APP] =
    g_param_spec_object ("app", NULL, NULL,
                         RINGSIDE_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ringside-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsidePreferencesWindow, server_group);
  gtk_widget_class_bind_template_child (widget_class, RingsidePreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, RingsidePreferencesWindow, custom_url_row);
  gtk_widget_class_bind_template_child (widget_class, RingsidePreferencesWindow, url_error_label);
  gtk_widget_class_bind_template_child (widget_class, RingsidePreferencesWindow, override_group);
  gtk_widget_class_bind_template_child (widget_class, RingsidePreferencesWindow, override_row);
  gtk_widget_class_bind_template_callback (widget_class, on_server_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_url_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_url_applied);
}

static void
ringside_preferences_window_init (RingsidePreferencesWindow *self)
{
  /* Filled from the settings in constructed(), once the application is known. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

RingsidePreferencesWindow *
ringside_preferences_window_new (RingsideApplication *app)
{
  g_return_val_if_fail (RINGSIDE_IS_APPLICATION (app), NULL);

  return g_object_new (RINGSIDE_TYPE_PREFERENCES_WINDOW, "app", app, NULL);
}
