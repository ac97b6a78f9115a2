/* bench-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-utils.h"

/* How often the stall monitor asks to run. */
#define STALL_INTERVAL_MS 1

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* A figure of /proc/self/status ("VmHWM"), in MB. */
static double
status_mb (const char *name)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strdup_printf ("\n%s:", name);
  const char *line;
  guint64 kb = 0;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    bench_fail ("cannot read /proc/self/status");

  line = strstr (status, key);
  if (line == NULL)
    bench_fail ("/proc/self/status has no %s", name);

  kb = g_ascii_strtoull (line + strlen (key), NULL, 10);
  return kb / 1024.0;
}

double
bench_peak_rss_mb (void)
{
  return status_mb ("VmHWM");
}

double
bench_current_rss_mb (void)
{
  return status_mb ("VmRSS");
}

void
bench_fail (const char *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "ringside-bench: %s\n", message);
  exit (1);
}

static gboolean
on_timed_out (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
bench_wait_for (const gboolean *flag,
                guint           timeout_seconds,
                const char     *what)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (timeout_seconds, on_timed_out, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!*flag)
    bench_fail ("timed out after %u s waiting for %s", timeout_seconds, what);

  g_source_remove (timeout_id);
}

void
bench_run_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, on_timed_out, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (double *values,
              guint   n_values)
{
  g_return_val_if_fail (n_values > 0, 0);

  qsort (values, n_values, sizeof (double), compare_doubles);
  if (n_values % 2 == 1)
    return values[n_values / 2];

  return (values[n_values / 2 - 1] + values[n_values / 2]) / 2;
}

/* Demo server process */

BenchServer *
bench_server_spawn (guint       n_users,
                    guint       n_accounts,
                    const char *form)
{
  g_autoptr(BenchServer) server = g_new0 (BenchServer, 1);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) fields = NULL;

  g_ptr_array_add (argv, g_strdup (BENCH_BUILDDIR "/ringside-bench-server"));
  g_ptr_array_add (argv, g_strdup_printf ("--users=%u", n_users));
  g_ptr_array_add (argv, g_strdup_printf ("--accounts=%u", n_accounts));
  if (form != NULL)
    g_ptr_array_add (argv, g_strdup_printf ("--form=%s", form));
  g_ptr_array_add (argv, NULL);

  /* Its standard input stays open while we live: it quits when it reads the end. Its
   * standard output carries its address, which GLib's debug messages would mix into: they
   * are for the client (G_MESSAGES_DEBUG=Ringside shows how the loader paces itself). */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  server->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                                  &error);
  if (server->process == NULL)
    bench_fail ("cannot start the demo server: %s", error->message);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  if (line == NULL)
    bench_fail ("the demo server said nothing: %s", error ? error->message : "it quit");

  /* "URL N_USERS N_ACCOUNTS" */
  fields = g_strsplit (line, " ", 3);
  if (g_strv_length (fields) != 3)
    bench_fail ("the demo server said “%s”", line);

  server->url = g_strdup (fields[0]);
  server->n_users = (guint) g_ascii_strtoull (fields[1], NULL, 10);
  server->n_accounts = (guint) g_ascii_strtoull (fields[2], NULL, 10);

  return g_steal_pointer (&server);
}

void
bench_server_free (BenchServer *server)
{
  if (server->process != NULL)
    {
      g_output_stream_close (g_subprocess_get_stdin_pipe (server->process), NULL, NULL);
      if (!g_subprocess_wait (server->process, NULL, NULL))
        g_subprocess_force_exit (server->process);
      g_clear_object (&server->process);
    }

  g_free (server->url);
  g_free (server);
}

/* Stall monitor */

struct _BenchStallMonitor
{
  GSource *source;
  gint64   last_dispatch;   /* µs */
  gint64   last_cpu;        /* µs of the main thread's CPU time, at the last dispatch */
  gint64   longest_stall;   /* µs */
};

/* The main thread's CPU time: a stall longer than it waited for a processor. */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gboolean
on_stall_tick (gpointer user_data)
{
  BenchStallMonitor *monitor = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();
  gint64 late = now - monitor->last_dispatch - STALL_INTERVAL_MS * 1000;

  /* To tell what stalled, beside the app's own debug messages. */
  if (late > 30000)
    g_debug ("The main loop stalled for %" G_GINT64_FORMAT " ms, %" G_GINT64_FORMAT
             " ms of them on a processor", late / 1000, (cpu - monitor->last_cpu) / 1000);

  monitor->longest_stall = MAX (monitor->longest_stall, late);
  monitor->last_dispatch = now;
  monitor->last_cpu = cpu;

  return G_SOURCE_CONTINUE;
}

BenchStallMonitor *
bench_stall_monitor_start (void)
{
  BenchStallMonitor *monitor = g_new0 (BenchStallMonitor, 1);

  /* Above everything the main loop runs, redraws included, so that only a dispatch already
   * under way can hold it back. */
  monitor->source = g_timeout_source_new (STALL_INTERVAL_MS);
  g_source_set_priority (monitor->source, G_PRIORITY_HIGH);
  g_source_set_callback (monitor->source, on_stall_tick, monitor, NULL);
  monitor->last_dispatch = g_get_monotonic_time ();
  monitor->last_cpu = thread_cpu_time ();
  g_source_attach (monitor->source, NULL);

  return monitor;
}

double
bench_stall_monitor_stop (BenchStallMonitor *monitor)
{
  double longest;

  /* A stall still under way counts too. */
  on_stall_tick (monitor);
  longest = monitor->longest_stall / 1000.0;

  g_source_destroy (monitor->source);
  g_source_unref (monitor->source);
  g_free (monitor);

  return longest;
}

void
bench_profile_enable (gboolean enable)
{
  const char *control = g_getenv ("RINGSIDE_BENCH_PERF_CTL");
  FILE *fifo;

  if (control == NULL)
    return;

  fifo = fopen (control, "w");
  if (fifo == NULL)
    bench_fail ("cannot open %s", control);
  fputs (enable ? "enable\n" : "disable\n", fifo);
  fclose (fifo);
}
