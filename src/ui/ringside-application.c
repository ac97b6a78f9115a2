/* ringside-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-application.h"
#include "ringside-demo-server.h"
#include "ringside-preferences-window.h"
#include "ringside-sign-in-context.h"
#include "ringside-window.h"

struct _RingsideApplication
{
  AdwApplication      parent_instance;

  GSettings          *settings;
  RingsideSession    *session;
  GSignalGroup       *session_signals;
  RingsideDemoServer *demo_server;
  /* What the windows and dialogs see of all this, kept in step. */
  RingsideSignInContext *context;

  /* Normalized URLs from the command line, the demo or the properties; NULL to follow the
   * settings. */
  char               *server_url_override;
  char               *platform_url_override;
  /* The URLs in use: the overrides, else the settings. */
  char               *server_url;
  char               *platform_url;
};

G_DEFINE_FINAL_TYPE (RingsideApplication, ringside_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DEMO,
  PROP_SERVER_URL,
  PROP_PLATFORM_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  { "server", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Sign in to the RingCX server at URL instead of the one in Preferences"), N_("URL") },
  { "platform-server", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Get RingCentral access tokens for JWT credentials from URL"), N_("URL") },
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Try Ringside with sample data from a built-in demo server"), NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static char *
ringside_application_dup_settings_platform_url (RingsideApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *setting = g_settings_get_string (self->settings, "platform-server-url");
  char *url = ringside_server_normalize_url (setting, &error);

  if (url == NULL)
    {
      g_warning ("Ignoring the platform server URL in the settings: %s", error->message);
      url = g_strdup (RINGSIDE_DEFAULT_PLATFORM_URL);
    }

  return url;
}

static void
ringside_application_update_actions (RingsideApplication *self)
{
  GAction *sign_out = g_action_map_lookup_action (G_ACTION_MAP (self), "sign-out");
  RingsideSessionState state = RINGSIDE_SESSION_STATE_SIGNED_OUT;

  if (self->session != NULL)
    state = ringside_session_get_state (self->session);

  if (sign_out != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (sign_out),
                                 state != RINGSIDE_SESSION_STATE_SIGNED_OUT
                                 && state != RINGSIDE_SESSION_STATE_SIGNING_IN);
}

/* The demo flag first: whoever follows the session reads it as the session changes. */
static void
ringside_application_update_context (RingsideApplication *self)
{
  ringside_sign_in_context_set_demo (self->context, self->demo_server != NULL);
  ringside_sign_in_context_set_server_url (self->context, self->server_url);
  ringside_sign_in_context_set_server_overridden (self->context,
                                                  self->server_url_override != NULL);
  ringside_sign_in_context_set_session (self->context, self->session);
}

/* Creates the session, or replaces it when the URLs it was made for are no longer the ones in
 * use. A replaced session is dropped as it is: whoever changes the server deliberately signs
 * out first (see the preferences); its stored session stays in the keyring for that server. */
static void
ringside_application_update_session (RingsideApplication *self)
{
  g_autoptr(RingsideSession) session = NULL;
  const char *server_url = self->server_url;
  const char *platform_url = self->platform_url;

  if (self->session != NULL
      && g_strcmp0 (server_url, ringside_session_get_server_url (self->session)) == 0
      && g_strcmp0 (platform_url, ringside_session_get_platform_url (self->session)) == 0
      && ringside_session_get_persistent (self->session) == (self->demo_server == NULL))
    return;

  session = ringside_session_new (server_url, platform_url, NULL, NULL);
  /* The demo server forgets everything when the app quits: nothing to remember. */
  ringside_session_set_persistent (session, self->demo_server == NULL);

  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  ringside_application_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  ringside_application_update_context (self);
}

/* Recomputes the URLs in use, then brings the session (once there is one) in step. */
static void
ringside_application_update_urls (RingsideApplication *self)
{
  g_autofree char *server_url = NULL;
  g_autofree char *platform_url = NULL;

  if (self->server_url_override != NULL)
    server_url = g_strdup (self->server_url_override);
  else
    server_url = ringside_server_dup_settings_url (self->settings);

  if (self->platform_url_override != NULL)
    platform_url = g_strdup (self->platform_url_override);
  else
    platform_url = ringside_application_dup_settings_platform_url (self);

  if (g_strcmp0 (server_url, self->server_url) != 0)
    {
      g_free (self->server_url);
      self->server_url = g_steal_pointer (&server_url);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
    }

  if (g_strcmp0 (platform_url, self->platform_url) != 0)
    {
      g_free (self->platform_url);
      self->platform_url = g_steal_pointer (&platform_url);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLATFORM_URL]);
    }

  /* Until the first activation there is no session to keep in step. */
  if (self->session != NULL)
    ringside_application_update_session (self);
  ringside_application_update_context (self);
}

static void
on_settings_changed (RingsideApplication *self,
                     const char          *key)
{
  ringside_application_update_urls (self);
}

static void
ringside_application_set_override (RingsideApplication  *self,
                                   char                **field,
                                   const char           *url)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  if (url != NULL)
    {
      normalized = ringside_server_normalize_url (url, &error);
      if (normalized == NULL)
        {
          g_critical ("Cannot use %s: %s", url, error->message);
          return;
        }
    }

  if (g_strcmp0 (*field, normalized) == 0)
    return;

  g_free (*field);
  *field = g_steal_pointer (&normalized);
  ringside_application_update_urls (self);
}

static gboolean
ringside_application_start_demo (RingsideApplication  *self,
                                 GError              **error)
{
  g_autoptr(RingsideDemoServer) server = NULL;
  const char *url;

  if (self->demo_server != NULL)
    return TRUE;

  server = ringside_demo_server_new ();
  if (!ringside_demo_server_start (server, error))
    return FALSE;

  self->demo_server = g_steal_pointer (&server);
  url = ringside_demo_server_get_url (self->demo_server);
  g_free (self->server_url_override);
  self->server_url_override = g_strdup (url);
  g_free (self->platform_url_override);
  self->platform_url_override = g_strdup (url);
  ringside_application_update_urls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);

  return TRUE;
}

/* Leaves demo mode for the server in the settings. */
static void
ringside_application_stop_demo (RingsideApplication *self)
{
  if (self->demo_server == NULL)
    return;

  ringside_demo_server_stop (self->demo_server);
  g_clear_object (&self->demo_server);
  g_clear_pointer (&self->server_url_override, g_free);
  g_clear_pointer (&self->platform_url_override, g_free);
  ringside_application_update_urls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
}

static gboolean
check_url_option (GVariantDict *options,
                  const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  const char *url = NULL;

  if (!g_variant_dict_lookup (options, name, "&s", &url))
    return TRUE;

  normalized = ringside_server_normalize_url (url, &error);
  if (normalized == NULL)
    {
      /* Translators: the first %s is an option (--server), the second the URL given to it,
       * the third a sentence saying why it cannot be used */
      g_printerr (_("Cannot use --%s %s: %s\n"), name, url,
                  ringside_server_describe_url_error (error));
      return FALSE;
    }

  return TRUE;
}

/* Runs in the process that was started: refuses bad options before reaching the primary
 * instance, which gets them in command_line(). */
static int
ringside_application_handle_local_options (GApplication *application,
                                           GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "ringside", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "demo")
      && (g_variant_dict_contains (options, "server")
          || g_variant_dict_contains (options, "platform-server")))
    {
      g_printerr (_("--demo cannot be combined with --server or --platform-server\n"));
      return EXIT_FAILURE;
    }

  if (!check_url_option (options, "server") || !check_url_option (options, "platform-server"))
    return EXIT_FAILURE;

  return -1;
}

static int
ringside_application_command_line (GApplication            *application,
                                   GApplicationCommandLine *command_line)
{
  RingsideApplication *self = RINGSIDE_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *server_url = NULL;
  const char *platform_url = NULL;

  if (g_variant_dict_contains (options, "demo"))
    {
      g_autoptr(GError) error = NULL;

      if (!ringside_application_start_demo (self, &error))
        {
          g_application_command_line_printerr (command_line,
                                               _("Cannot start the demo server: %s\n"),
                                               error->message);
          return EXIT_FAILURE;
        }
    }
  else
    {
      g_variant_dict_lookup (options, "server", "&s", &server_url);
      g_variant_dict_lookup (options, "platform-server", "&s", &platform_url);

      /* A later invocation of a running instance may point it elsewhere; one without options
       * leaves it as it is. */
      if (server_url != NULL || platform_url != NULL)
        {
          ringside_application_stop_demo (self);
          ringside_application_set_server_url (self, server_url);
          ringside_application_set_platform_url (self, platform_url);
        }
    }

  g_application_activate (application);

  return EXIT_SUCCESS;
}

static void
ringside_application_activate (GApplication *application)
{
  RingsideApplication *self = RINGSIDE_APPLICATION (application);
  GtkWindow *window;

  ringside_application_update_session (self);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (ringside_window_new (GTK_APPLICATION (self), self->context));

  gtk_window_present (window);
}

static void
ringside_application_quit_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (application));

  /* Closing (rather than destroying) lets each window save its size. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);

  g_application_quit (G_APPLICATION (application));
}

static void
ringside_application_preferences_action (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       user_data)
{
  RingsideApplication *self = RINGSIDE_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  RingsidePreferencesWindow *preferences = ringside_preferences_window_new (self->context);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
ringside_application_about_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  const char *developers[] = { _("The Ringside developers"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", _("Ringside"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", developers[0],
                         "developers", developers,
                         "copyright", _("© The Ringside developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/ringside/ringside",
                         "issue-url", "https://github.com/ringside/ringside/issues",
                         "comments", _("Browse the accounts and users of your RingCX contact "
                                       "centre."),
                         /* Translators: your name(s), one per line, to be credited */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
ringside_application_sign_out_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  /* The window asks for confirmation and shows what follows. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", ringside_application_quit_action },
  { "preferences", ringside_application_preferences_action },
  { "about", ringside_application_about_action },
  { "sign-out", ringside_application_sign_out_action },
};

static void
ringside_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } shortcuts[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.refresh", { "<Control>r", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };
  RingsideApplication *self = RINGSIDE_APPLICATION (application);

  G_APPLICATION_CLASS (ringside_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), shortcuts[i].action,
                                           shortcuts[i].accels);

  ringside_application_update_actions (self);
}

static void
ringside_application_shutdown (GApplication *application)
{
  RingsideApplication *self = RINGSIDE_APPLICATION (application);

  if (self->demo_server != NULL)
    ringside_demo_server_stop (self->demo_server);

  G_APPLICATION_CLASS (ringside_application_parent_class)->shutdown (application);
}

static void
ringside_application_dispose (GObject *object)
{
  RingsideApplication *self = RINGSIDE_APPLICATION (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session);
  g_clear_object (&self->demo_server);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ringside_application_parent_class)->dispose (object);
}

static void
ringside_application_finalize (GObject *object)
{
  RingsideApplication *self = RINGSIDE_APPLICATION (object);

  g_free (self->server_url_override);
  g_free (self->platform_url_override);
  g_free (self->server_url);
  g_free (self->platform_url);

  G_OBJECT_CLASS (ringside_application_parent_class)->finalize (object);
}

static void
ringside_application_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RingsideApplication *self = RINGSIDE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_DEMO:
      g_value_set_boolean (value, ringside_application_get_demo (self));
      break;

    case PROP_SERVER_URL:
      g_value_set_string (value, ringside_application_get_server_url (self));
      break;

    case PROP_PLATFORM_URL:
      g_value_set_string (value, ringside_application_get_platform_url (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_application_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RingsideApplication *self = RINGSIDE_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_SERVER_URL:
      ringside_application_set_server_url (self, g_value_get_string (value));
      break;

    case PROP_PLATFORM_URL:
      ringside_application_set_platform_url (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_application_class_init (RingsideApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ringside_application_dispose;
  object_class->finalize = ringside_application_finalize;
  object_class->get_property = ringside_application_get_property;
  object_class->set_property = ringside_application_set_property;

  app_class->handle_local_options = ringside_application_handle_local_options;
  app_class->command_line = ringside_application_command_line;
  app_class->activate = ringside_application_activate;
  app_class->startup = ringside_application_startup;
  app_class->shutdown = ringside_application_shutdown;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         RINGSIDE_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PLATFORM_URL] =
    g_param_spec_string ("platform-url", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_application_init (RingsideApplication *self)
{
  self->settings = g_settings_new (BASE_APPLICATION_ID);
  self->context = ringside_sign_in_context_new (self->settings, NULL, NULL, FALSE, FALSE);
  g_signal_connect_object (self->settings, "changed::server-kind",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::custom-server-url",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::platform-server-url",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);

  self->session_signals = g_signal_group_new (RINGSIDE_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::state",
                                  G_CALLBACK (ringside_application_update_actions), self);

  ringside_application_update_urls (self);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Browse the accounts and users of RingCX."));
}

RingsideApplication *
ringside_application_new (void)
{
  return g_object_new (RINGSIDE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       NULL);
}

GSettings *
ringside_application_get_settings (RingsideApplication *self)
{
  g_return_val_if_fail (RINGSIDE_IS_APPLICATION (self), NULL);

  return self->settings;
}

RingsideSession *
ringside_application_get_session (RingsideApplication *self)
{
  g_return_val_if_fail (RINGSIDE_IS_APPLICATION (self), NULL);

  return self->session;
}

gboolean
ringside_application_get_demo (RingsideApplication *self)
{
  g_return_val_if_fail (RINGSIDE_IS_APPLICATION (self), FALSE);

  return self->demo_server != NULL;
}

const char *
ringside_application_get_server_url (RingsideApplication *self)
{
  g_return_val_if_fail (RINGSIDE_IS_APPLICATION (self), NULL);

  return self->server_url;
}

const char *
ringside_application_get_platform_url (RingsideApplication *self)
{
  g_return_val_if_fail (RINGSIDE_IS_APPLICATION (self), NULL);

  return self->platform_url;
}

gboolean
ringside_application_get_server_overridden (RingsideApplication *self)
{
  g_return_val_if_fail (RINGSIDE_IS_APPLICATION (self), FALSE);

  return self->server_url_override != NULL;
}

void
ringside_application_set_server_url (RingsideApplication *self,
                                     const char          *url)
{
  g_return_if_fail (RINGSIDE_IS_APPLICATION (self));

  ringside_application_set_override (self, &self->server_url_override, url);
}

void
ringside_application_set_platform_url (RingsideApplication *self,
                                       const char          *url)
{
  g_return_if_fail (RINGSIDE_IS_APPLICATION (self));

  ringside_application_set_override (self, &self->platform_url_override, url);
}
