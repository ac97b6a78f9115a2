/* ringside-bench-baseline.c: the smallest libadwaita application, to calibrate cold start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presents an empty AdwApplicationWindow, as a measure of what starting GTK and libadwaita
 * alone costs on the machine; its arguments are ignored.
 */

#include "config.h"

#include <adwaita.h>

static void
on_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Baseline");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.ringside.Ringside.Baseline",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
