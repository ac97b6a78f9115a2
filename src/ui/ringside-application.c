/* ringside-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-application.h"
#include "ringside-window.h"

struct _RingsideApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (RingsideApplication, ringside_application, ADW_TYPE_APPLICATION)

static void
ringside_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (ringside_window_new (RINGSIDE_APPLICATION (app)));

  gtk_window_present (window);
}

static void
ringside_application_class_init (RingsideApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = ringside_application_activate;
}

static void
ringside_application_init (RingsideApplication *self)
{
}

RingsideApplication *
ringside_application_new (void)
{
  return g_object_new (RINGSIDE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
