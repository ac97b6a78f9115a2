/* ringside-server-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-enums.h"
#include "ringside-server-group.h"

struct _RingsideServerGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  AdwComboRow         *server_row;
  AdwEntryRow         *custom_url_row;
  AdwActionRow        *fixed_server_row;
  GtkLabel            *url_error_label;

  /* Owned */
  char                *url;

  /* Set while the kind is changed by code rather than by the user. */
  gboolean             setting_kind;
};

G_DEFINE_FINAL_TYPE (RingsideServerGroup, ringside_server_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_KIND,
  PROP_CUSTOM_URL,
  PROP_URL,
  PROP_SHOW_APPLY_BUTTON,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

RingsideServerGroup *
ringside_server_group_new (void)
{
  return g_object_new (RINGSIDE_TYPE_SERVER_GROUP, NULL);
}

RingsideServerKind
ringside_server_group_get_kind (RingsideServerGroup *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SERVER_GROUP (self), RINGSIDE_SERVER_KIND_RINGCX);

  return (RingsideServerKind) adw_combo_row_get_selected (self->server_row);
}

void
ringside_server_group_set_kind (RingsideServerGroup *self,
                                RingsideServerKind   kind)
{
  g_return_if_fail (RINGSIDE_IS_SERVER_GROUP (self));
  g_return_if_fail (kind <= RINGSIDE_SERVER_KIND_CUSTOM);

  self->setting_kind = TRUE;
  adw_combo_row_set_selected (self->server_row, kind);
  self->setting_kind = FALSE;
}

const char *
ringside_server_group_get_custom_url (RingsideServerGroup *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SERVER_GROUP (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->custom_url_row));
}

void
ringside_server_group_set_custom_url (RingsideServerGroup *self,
                                      const char          *custom_url)
{
  g_return_if_fail (RINGSIDE_IS_SERVER_GROUP (self));

  gtk_editable_set_text (GTK_EDITABLE (self->custom_url_row),
                         custom_url != NULL ? custom_url : "");
}

const char *
ringside_server_group_get_url (RingsideServerGroup *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SERVER_GROUP (self), NULL);

  return self->url;
}

void
ringside_server_group_show_fixed (RingsideServerGroup *self,
                                  const char          *title,
                                  const char          *url)
{
  g_return_if_fail (RINGSIDE_IS_SERVER_GROUP (self));
  g_return_if_fail (url != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->server_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_url_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->url_error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->fixed_server_row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fixed_server_row),
                                 title != NULL ? title : _("RingCX Server"));
  adw_action_row_set_subtitle (self->fixed_server_row, url);
}

gboolean
ringside_server_group_focus_address (RingsideServerGroup *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SERVER_GROUP (self), FALSE);

  if (!gtk_widget_is_visible (GTK_WIDGET (self->custom_url_row)))
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (self->custom_url_row));
}

static gboolean
ringside_server_group_is_fixed (RingsideServerGroup *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->fixed_server_row));
}

/* Resolves the choice, and says inline why a custom address cannot be used. An empty
 * address is unfinished rather than wrong: it is not usable, but no error is shown. */
static void
ringside_server_group_update (RingsideServerGroup *self)
{
  g_autoptr(GError) error = NULL;
  RingsideServerKind kind = ringside_server_group_get_kind (self);
  const char *text = ringside_server_group_get_custom_url (self);
  g_autofree char *url = ringside_server_kind_resolve_url (kind, text, &error);
  gboolean custom = kind == RINGSIDE_SERVER_KIND_CUSTOM;
  gboolean show_error = url == NULL && *text != '\0';
  const char *sentence = show_error ? ringside_server_describe_url_error (error) : NULL;

  if (!ringside_server_group_is_fixed (self))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->custom_url_row), custom);
      gtk_widget_set_visible (GTK_WIDGET (self->url_error_label), custom && show_error);
    }

  if (show_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->custom_url_row), "error");
      gtk_label_set_label (self->url_error_label, sentence);
      /* Screen readers tell why along with the field. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom_url_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sentence,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->custom_url_row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->custom_url_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  if (g_strcmp0 (url, self->url) != 0)
    {
      g_free (self->url);
      self->url = g_steal_pointer (&url);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
    }
}

static void
on_server_selected (RingsideServerGroup *self)
{
  ringside_server_group_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);

  /* Picking "Custom" without a usable address: it is to be typed next. */
  if (!self->setting_kind
      && ringside_server_group_get_kind (self) == RINGSIDE_SERVER_KIND_CUSTOM
      && self->url == NULL
      && gtk_widget_get_mapped (GTK_WIDGET (self)))
    ringside_server_group_focus_address (self);
}

static void
on_custom_url_changed (RingsideServerGroup *self)
{
  ringside_server_group_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM_URL]);
}

static void
on_custom_url_activated (RingsideServerGroup *self)
{
  ringside_server_group_update (self);

  if (self->url == NULL)
    {
      ringside_server_group_focus_address (self);
      return;
    }

  g_signal_emit (self, signals[ACTIVATED], 0);
}

static void
ringside_server_group_finalize (GObject *object)
{
  RingsideServerGroup *self = RINGSIDE_SERVER_GROUP (object);

  g_free (self->url);

  G_OBJECT_CLASS (ringside_server_group_parent_class)->finalize (object);
}

static void
ringside_server_group_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RINGSIDE_TYPE_SERVER_GROUP);

  G_OBJECT_CLASS (ringside_server_group_parent_class)->dispose (object);
}

static void
ringside_server_group_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RingsideServerGroup *self = RINGSIDE_SERVER_GROUP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, ringside_server_group_get_kind (self));
      break;

    case PROP_CUSTOM_URL:
      g_value_set_string (value, ringside_server_group_get_custom_url (self));
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_SHOW_APPLY_BUTTON:
      g_value_set_boolean (value, adw_entry_row_get_show_apply_button (self->custom_url_row));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_server_group_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RingsideServerGroup *self = RINGSIDE_SERVER_GROUP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ringside_server_group_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_CUSTOM_URL:
      ringside_server_group_set_custom_url (self, g_value_get_string (value));
      break;

    case PROP_SHOW_APPLY_BUTTON:
      if (g_value_get_boolean (value) != adw_entry_row_get_show_apply_button (self->custom_url_row))
        {
          adw_entry_row_set_show_apply_button (self->custom_url_row, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_server_group_class_init (RingsideServerGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ringside_server_group_finalize;
  object_class->dispose = ringside_server_group_dispose;
  object_class->get_property = ringside_server_group_get_property;
  object_class->set_property = ringside_server_group_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RINGSIDE_TYPE_SERVER_KIND, RINGSIDE_SERVER_KIND_RINGCX,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOM_URL] =
    g_param_spec_string ("custom-url", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The preferences apply an address with a button; the sign-in dialog with its own. */
  properties[PROP_SHOW_APPLY_BUTTON] =
    g_param_spec_boolean ("show-apply-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ringside-server-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideServerGroup, server_row);
  gtk_widget_class_bind_template_child (widget_class, RingsideServerGroup, custom_url_row);
  gtk_widget_class_bind_template_child (widget_class, RingsideServerGroup, fixed_server_row);
  gtk_widget_class_bind_template_child (widget_class, RingsideServerGroup, url_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_server_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_url_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_url_activated);
}

static void
ringside_server_group_init (RingsideServerGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ringside_server_group_update (self);
}
