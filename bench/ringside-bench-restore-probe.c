/* ringside-bench-restore-probe.c: the real application, telling when its first list shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: ringside-bench-restore-probe [RINGSIDE OPTIONS...]
 *
 * Runs RingsideApplication exactly as main.c does, with the same options, and watches its
 * window from outside the application code: it prints "mapped T" when the window is mapped
 * and "shown T" once a frame has been painted with rows in the list on screen (T: the
 * monotonic clock in microseconds), then quits.
 */

#include "config.h"

#include <stdio.h>

#include "ringside-accounts-view.h"
#include "ringside-application.h"
#include "ringside-users-view.h"

typedef struct
{
  GApplication *app;
  GtkWidget    *window;
  GPtrArray    *views;   /* the list views in the window */
  gboolean      shown;
} Probe;

static void
find_views (GtkWidget *widget,
            GPtrArray *views)
{
  if (RINGSIDE_IS_ACCOUNTS_VIEW (widget) || RINGSIDE_IS_USERS_VIEW (widget))
    {
      g_ptr_array_add (views, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_views (child, views);
}

static GListModel *
view_get_model (GtkWidget *view)
{
  return ringside_list_view_get_model (RINGSIDE_LIST_VIEW (view));
}

static void
print_marker (const char *what)
{
  printf ("%s %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time ());
  fflush (stdout);
}

/* A frame was painted: was a list with rows on screen? */
static void
on_after_paint (GdkFrameClock *clock,
                Probe         *probe)
{
  if (probe->shown)
    return;

  for (guint i = 0; i < probe->views->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (probe->views, i);

      if (gtk_widget_get_mapped (view) && g_list_model_get_n_items (view_get_model (view)) > 0)
        {
          probe->shown = TRUE;
          print_marker ("shown");
          g_application_quit (probe->app);
          return;
        }
    }
}

static void
on_window_mapped (GtkWidget *window,
                  Probe     *probe)
{
  print_marker ("mapped");
}

static void
on_window_realized (GtkWidget *window,
                    Probe     *probe)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), probe);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Probe          *probe)
{
  if (probe->window != NULL)
    return;

  probe->window = GTK_WIDGET (window);
  find_views (probe->window, probe->views);
  if (probe->views->len == 0)
    g_error ("The window has no list views");

  g_signal_connect (window, "realize", G_CALLBACK (on_window_realized), probe);
  g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), probe);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RingsideApplication) app = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  Probe probe = { 0 };
  int status;

  app = ringside_application_new ();
  probe.app = G_APPLICATION (app);
  probe.views = views;
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &probe);

  status = g_application_run (G_APPLICATION (app), argc, argv);
  return probe.shown ? status : 1;
}
