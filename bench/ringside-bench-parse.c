/* ringside-bench-parse.c: our users parser against Python's json on the same body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: ringside-bench-parse [--runs=N] [--label=TEXT] FILE
 *
 * FILE holds a users list (ringside-bench-server --dump). Times RingsideListLoader reading it
 * as a stream, cutting it, parsing each element with json-glib in its worker threads and
 * making every RingsideUser, until all of them are in a RingsideItemList; then the same body
 * through Python's json.loads plus one record per user (bench/parse-json.py), and prints the
 * ratio. Each side's figure is the median of N runs (default 5) in one process.
 */

#include "config.h"

#include <stdio.h>

#include "bench-utils.h"
#include "ringside-list-loader.h"
#include "ringside-user.h"

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  if (!ringside_list_loader_load_finish (RINGSIDE_LIST_LOADER (source), result, &error))
    bench_fail ("loading the users failed: %s", error->message);
  *done = TRUE;
}

/* One load of @file; returns its time in milliseconds. */
static double
time_our_parse (GFile *file,
                guint *n_users)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_users_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  double start = bench_now_ms ();

  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    bench_fail ("%s", error->message);

  ringside_list_loader_load_async (loader, G_INPUT_STREAM (stream), NULL, on_loaded, &done);
  bench_wait_for (&done, 120, "the users");

  *n_users = g_list_model_get_n_items (G_LIST_MODEL (items));
  return bench_now_ms () - start;
}

/* Runs bench/parse-json.py; returns its median in milliseconds, and that of json.loads
 * alone in @loads_ms. */
static double
time_python_parse (const char *path,
                   guint       runs,
                   guint       n_users,
                   double     *loads_ms)
{
  g_autofree char *runs_arg = g_strdup_printf ("%u", runs);
  g_autoptr(GSubprocess) python = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) fields = NULL;

  python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "python3", BENCH_SRCDIR "/parse-json.py", path, runs_arg, NULL);
  if (python == NULL)
    bench_fail ("cannot run python3: %s", error->message);
  if (!g_subprocess_communicate_utf8 (python, NULL, NULL, &output, NULL, &error))
    bench_fail ("python3: %s", error->message);
  if (!g_subprocess_get_successful (python))
    bench_fail ("bench/parse-json.py failed");

  /* "MEDIAN_MS LOADS_MEDIAN_MS N_RECORDS" */
  fields = g_strsplit (g_strstrip (output), " ", 3);
  if (g_strv_length (fields) != 3)
    bench_fail ("bench/parse-json.py said “%s”", output);
  if (g_ascii_strtoull (fields[2], NULL, 10) != n_users)
    bench_fail ("python made %s records, we made %u users", fields[2], n_users);

  *loads_ms = g_ascii_strtod (fields[1], NULL);
  return g_ascii_strtod (fields[0], NULL);
}

int
main (int   argc,
      char *argv[])
{
  int runs = 5;
  g_autofree char *label = NULL;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each parser (default 5)", "N" },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, "What to call the body", "TEXT" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree double *times = NULL;
  guint n_users = 0;
  double ours, python, python_loads;
  gsize size;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    bench_fail ("%s", error->message);
  if (argc != 2 || runs < 1)
    bench_fail ("usage: ringside-bench-parse [--runs=N] [--label=TEXT] FILE");

  file = g_file_new_for_commandline_arg (argv[1]);
  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, &error);

    if (info == NULL)
      bench_fail ("%s", error->message);
    size = g_file_info_get_size (info);
  }

  times = g_new (double, runs);
  for (int i = 0; i < runs; i++)
    times[i] = time_our_parse (file, &n_users);
  ours = bench_median (times, runs);

  python = time_python_parse (argv[1], runs, n_users, &python_loads);

  if (label == NULL)
    label = g_strdup_printf ("%u users", n_users);

  printf ("%s parse, ours (json-glib per element in worker threads, %.1f MB streamed, "
          "%u RingsideUser): %.0f ms, peak RSS %.0f MB\n",
          label, size / 1e6, n_users, ours, bench_peak_rss_mb ());
  printf ("%s parse, Python json.loads + one record per user: %.0f ms (json.loads alone %.0f ms)\n",
          label, python, python_loads);
  printf ("%s parse, ours / Python: %.2f (%.2f against json.loads alone)\n",
          label, ours / python, ours / python_loads);

  return 0;
}
