/* ringside-bench-startup.c: cold start, and restore from the keyring, of the real app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: ringside-bench-startup --cold-start=PROGRAM [--label=TEXT] [--runs=N]
 *        ringside-bench-startup --restore [--runs=N]
 *
 * --cold-start spawns `PROGRAM --demo` N times (default 7) and times each run from the
 * spawn to the X server mapping its window (MapNotify on the root window, for a window whose
 * _NET_WM_PID is the child): the app is not changed nor asked anything.
 *
 * --restore starts a demo server in another process and, for each run, signs in with a
 * persistent session, which stores a refresh token in the keyring (run it on a private bus
 * with a keyring: tests/run-isolated.sh --keyring), then spawns ringside-bench-restore-probe
 * (the real application plus a watch on its window) against that server and times from the
 * spawn to the first frame painted with rows in a list.
 *
 * Prints the median, the fastest and the slowest run. Needs DISPLAY (Xvfb).
 */

#include "config.h"

#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <signal.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include "bench-utils.h"
#include "ringside-demo-server.h"
#include "ringside-session.h"

/* Cold start */

static GPid
window_get_pid (Display *display,
                Window   window)
{
  Atom pid_atom = XInternAtom (display, "_NET_WM_PID", False);
  Atom type;
  int format;
  unsigned long n_items, bytes_after;
  unsigned char *data = NULL;
  GPid pid = 0;

  if (XGetWindowProperty (display, window, pid_atom, 0, 1, False, XA_CARDINAL, &type, &format,
                          &n_items, &bytes_after, &data) == Success &&
      data != NULL && n_items == 1 && format == 32)
    pid = (GPid) *(unsigned long *) data;

  if (data != NULL)
    XFree (data);
  return pid;
}

/* Waits for a MapNotify of a top-level window of @pid; returns when it came, in ms. */
static double
wait_for_map (Display *display,
              GPid     pid)
{
  struct pollfd fd = { .fd = ConnectionNumber (display), .events = POLLIN };
  double deadline = bench_now_ms () + 30000;

  for (;;)
    {
      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && !event.xmap.override_redirect &&
              window_get_pid (display, event.xmap.window) == pid)
            return bench_now_ms ();
        }

      if (bench_now_ms () > deadline)
        bench_fail ("the app mapped no window within 30 s");
      poll (&fd, 1, 100);
    }
}

static double
time_cold_start (Display    *display,
                 const char *ringside)
{
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GError) error = NULL;
  double start, mapped;

  start = bench_now_ms ();
  app = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, ringside, "--demo", NULL);
  if (app == NULL)
    bench_fail ("cannot start %s: %s", ringside, error->message);

  mapped = wait_for_map (display, atoi (g_subprocess_get_identifier (app)));

  g_subprocess_send_signal (app, SIGTERM);
  g_subprocess_wait (app, NULL, NULL);

  return mapped - start;
}

/* Restore */

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  if (!ringside_session_sign_in_with_token_finish (RINGSIDE_SESSION (source), result, &error))
    bench_fail ("signing in failed: %s", error->message);
  if (ringside_session_get_keyring_error (RINGSIDE_SESSION (source)) != NULL)
    bench_fail ("the keyring did not take the session: %s",
                ringside_session_get_keyring_error (RINGSIDE_SESSION (source))->message);
  *done = TRUE;
}

/* Signs in as the user did last time, which leaves a refresh token in the keyring. */
static void
store_session (const char *url)
{
  g_autoptr(RingsideSession) session = ringside_session_new (url, url, NULL, NULL);
  gboolean done = FALSE;

  ringside_session_sign_in_with_token_async (session, RINGSIDE_DEMO_RC_ACCESS_TOKEN, NULL,
                                             on_signed_in, &done);
  bench_wait_for (&done, 30, "signing in");
}

static double
time_restore (const char *url,
              double     *mapped_ms)
{
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  double start, mapped = 0, shown = 0;

  store_session (url);

  start = bench_now_ms ();
  app = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                          BENCH_BUILDDIR "/ringside-bench-restore-probe",
                          "--server", url, "--platform-server", url, NULL);
  if (app == NULL)
    bench_fail ("cannot start the probe: %s", error->message);
  if (!g_subprocess_communicate_utf8 (app, NULL, NULL, &output, NULL, &error))
    bench_fail ("the probe: %s", error->message);
  if (!g_subprocess_get_successful (app))
    bench_fail ("the probe never showed a list");

  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "mapped "))
        mapped = g_ascii_strtod (lines[i] + strlen ("mapped "), NULL) / 1000.0;
      else if (g_str_has_prefix (lines[i], "shown "))
        shown = g_ascii_strtod (lines[i] + strlen ("shown "), NULL) / 1000.0;
    }
  if (shown == 0)
    bench_fail ("the probe said “%s”", output);

  *mapped_ms = mapped > 0 ? mapped - start : 0;
  return shown - start;
}

static void
print_runs (const char *what,
            double     *times,
            guint       runs)
{
  double median = bench_median (times, runs);

  /* bench_median() sorted them. */
  printf ("%s: median %.0f ms of %u runs (fastest %.0f ms, slowest %.0f ms)\n",
          what, median, runs, times[0], times[runs - 1]);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *ringside = NULL;
  g_autofree char *label = NULL;
  gboolean restore = FALSE;
  int runs = 7;
  const GOptionEntry entries[] = {
    { "cold-start", 0, 0, G_OPTION_ARG_FILENAME, &ringside, "Time `PROGRAM --demo`",
      "PROGRAM" },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, "What to call the program", "TEXT" },
    { "restore", 0, 0, G_OPTION_ARG_NONE, &restore, "Time a restore from the keyring", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs (default 7)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree double *times = NULL;
  g_autofree double *mapped = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    bench_fail ("%s", error->message);
  if ((ringside != NULL) == restore || runs < 1)
    bench_fail ("give either --cold-start=PROGRAM or --restore");

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  times = g_new0 (double, runs);
  mapped = g_new0 (double, runs);

  if (ringside != NULL)
    {
      Display *display = XOpenDisplay (NULL);

      if (display == NULL)
        bench_fail ("cannot open the X display");
      XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
      XSync (display, False);

      for (int i = 0; i < runs; i++)
        times[i] = time_cold_start (display, ringside);

      XCloseDisplay (display);
      if (label == NULL)
        label = g_strdup_printf ("cold start to window mapped (%s --demo)", ringside);
      print_runs (label, times, runs);
    }
  else
    {
      g_autoptr(BenchServer) server = bench_server_spawn (300, 12, NULL);

      for (int i = 0; i < runs; i++)
        times[i] = time_restore (server->url, &mapped[i]);

      print_runs ("restore from keyring, start to window mapped", mapped, runs);
      print_runs ("restore from keyring, start to first list shown", times, runs);
    }

  return 0;
}
