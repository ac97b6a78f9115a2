/* ringside-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-window.h"

struct _RingsideWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (RingsideWindow, ringside_window, ADW_TYPE_APPLICATION_WINDOW)

static void
ringside_window_class_init (RingsideWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ringside-window.ui");
}

static void
ringside_window_init (RingsideWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RingsideWindow *
ringside_window_new (RingsideApplication *application)
{
  return g_object_new (RINGSIDE_TYPE_WINDOW, "application", application, NULL);
}
