/* ringside-partial-banner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-partial-banner.h"

struct _RingsidePartialBanner
{
  AdwBin       parent_instance;

  /* Template widgets */
  GtkRevealer *revealer;
  GtkLabel    *label;

  /* Owned */
  char        *title;
};

G_DEFINE_FINAL_TYPE (RingsidePartialBanner, ringside_partial_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

RingsidePartialBanner *
ringside_partial_banner_new (void)
{
  return g_object_new (RINGSIDE_TYPE_PARTIAL_BANNER, NULL);
}

const char *
ringside_partial_banner_get_title (RingsidePartialBanner *self)
{
  g_return_val_if_fail (RINGSIDE_IS_PARTIAL_BANNER (self), NULL);

  return self->title;
}

void
ringside_partial_banner_set_title (RingsidePartialBanner *self,
                                   const char            *title)
{
  gboolean shown;

  g_return_if_fail (RINGSIDE_IS_PARTIAL_BANNER (self));

  if (title != NULL && title[0] == '\0')
    title = NULL;
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);

  shown = self->title != NULL;
  gtk_label_set_label (self->label, shown ? self->title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, shown ? self->title : "",
                                  -1);
  /* Hidden rather than only folded, so that a screen reader finds no empty status. */
  gtk_widget_set_visible (GTK_WIDGET (self), shown);
  gtk_revealer_set_reveal_child (self->revealer, shown);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
ringside_partial_banner_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), RINGSIDE_TYPE_PARTIAL_BANNER);

  G_OBJECT_CLASS (ringside_partial_banner_parent_class)->dispose (object);
}

static void
ringside_partial_banner_finalize (GObject *object)
{
  RingsidePartialBanner *self = RINGSIDE_PARTIAL_BANNER (object);

  g_free (self->title);

  G_OBJECT_CLASS (ringside_partial_banner_parent_class)->finalize (object);
}

static void
ringside_partial_banner_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RingsidePartialBanner *self = RINGSIDE_PARTIAL_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_partial_banner_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RingsidePartialBanner *self = RINGSIDE_PARTIAL_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ringside_partial_banner_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_partial_banner_class_init (RingsidePartialBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ringside_partial_banner_dispose;
  object_class->finalize = ringside_partial_banner_finalize;
  object_class->get_property = ringside_partial_banner_get_property;
  object_class->set_property = ringside_partial_banner_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ringside/Ringside/"
                                               "ringside-partial-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsidePartialBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, RingsidePartialBanner, label);
  /* What it says is a status of the list below it, not an alert to interrupt with. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_widget_class_set_css_name (widget_class, "ringside-partial-banner");
}

static void
ringside_partial_banner_init (RingsidePartialBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
