/* ringside-sign-in-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-sign-in-context.h"

struct _RingsideSignInContext
{
  GObject          parent_instance;

  GSettings       *settings;
  RingsideSession *session;
  char            *server_url;
  gboolean         server_overridden;
  gboolean         demo;
};

G_DEFINE_FINAL_TYPE (RingsideSignInContext, ringside_sign_in_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_SESSION,
  PROP_SERVER_URL,
  PROP_SERVER_OVERRIDDEN,
  PROP_DEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ringside_sign_in_context_dispose (GObject *object)
{
  RingsideSignInContext *self = RINGSIDE_SIGN_IN_CONTEXT (object);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ringside_sign_in_context_parent_class)->dispose (object);
}

static void
ringside_sign_in_context_finalize (GObject *object)
{
  RingsideSignInContext *self = RINGSIDE_SIGN_IN_CONTEXT (object);

  g_free (self->server_url);

  G_OBJECT_CLASS (ringside_sign_in_context_parent_class)->finalize (object);
}

static void
ringside_sign_in_context_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  RingsideSignInContext *self = RINGSIDE_SIGN_IN_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;

    case PROP_SERVER_OVERRIDDEN:
      g_value_set_boolean (value, self->server_overridden);
      break;

    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_sign_in_context_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  RingsideSignInContext *self = RINGSIDE_SIGN_IN_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      ringside_sign_in_context_set_session (self, g_value_get_object (value));
      break;

    case PROP_SERVER_URL:
      ringside_sign_in_context_set_server_url (self, g_value_get_string (value));
      break;

    case PROP_SERVER_OVERRIDDEN:
      ringside_sign_in_context_set_server_overridden (self, g_value_get_boolean (value));
      break;

    case PROP_DEMO:
      ringside_sign_in_context_set_demo (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_sign_in_context_class_init (RingsideSignInContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ringside_sign_in_context_dispose;
  object_class->finalize = ringside_sign_in_context_finalize;
  object_class->get_property = ringside_sign_in_context_get_property;
  object_class->set_property = ringside_sign_in_context_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The others are set at construction and then only kept in step by whoever made it. */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         RINGSIDE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);

  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);

  properties[PROP_SERVER_OVERRIDDEN] =
    g_param_spec_boolean ("server-overridden", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY
                          | G_PARAM_STATIC_STRINGS);

  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY
                          | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_sign_in_context_init (RingsideSignInContext *self)
{
}

RingsideSignInContext *
ringside_sign_in_context_new (GSettings       *settings,
                              RingsideSession *session,
                              const char      *server_url,
                              gboolean         server_overridden,
                              gboolean         demo)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (session == NULL || RINGSIDE_IS_SESSION (session), NULL);

  return g_object_new (RINGSIDE_TYPE_SIGN_IN_CONTEXT,
                       "settings", settings,
                       "session", session,
                       "server-url", server_url,
                       "server-overridden", server_overridden,
                       "demo", demo,
                       NULL);
}

GSettings *
ringside_sign_in_context_get_settings (RingsideSignInContext *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (self), NULL);

  return self->settings;
}

RingsideSession *
ringside_sign_in_context_get_session (RingsideSignInContext *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (self), NULL);

  return self->session;
}

const char *
ringside_sign_in_context_get_server_url (RingsideSignInContext *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (self), NULL);

  return self->server_url;
}

gboolean
ringside_sign_in_context_get_server_overridden (RingsideSignInContext *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (self), FALSE);

  return self->server_overridden;
}

gboolean
ringside_sign_in_context_get_demo (RingsideSignInContext *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (self), FALSE);

  return self->demo;
}

void
ringside_sign_in_context_set_session (RingsideSignInContext *self,
                                      RingsideSession       *session)
{
  g_return_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (self));
  g_return_if_fail (session == NULL || RINGSIDE_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
ringside_sign_in_context_set_server_url (RingsideSignInContext *self,
                                         const char            *url)
{
  g_return_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (self));

  if (g_strcmp0 (self->server_url, url) == 0)
    return;

  g_free (self->server_url);
  self->server_url = g_strdup (url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
}

void
ringside_sign_in_context_set_server_overridden (RingsideSignInContext *self,
                                                gboolean               overridden)
{
  g_return_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (self));

  overridden = !!overridden;
  if (self->server_overridden == overridden)
    return;

  self->server_overridden = overridden;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_OVERRIDDEN]);
}

void
ringside_sign_in_context_set_demo (RingsideSignInContext *self,
                                   gboolean               demo)
{
  g_return_if_fail (RINGSIDE_IS_SIGN_IN_CONTEXT (self));

  demo = !!demo;
  if (self->demo == demo)
    return;

  self->demo = demo;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
}
