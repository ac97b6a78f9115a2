/* ringside-bench-list.c: loading a list into the real view, in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: ringside-bench-list (--users=N [--form=flat|nested] [--search-sort] | --accounts=N |
 *                             --agents)
 *
 * Starts a demo server of that size in another process, signs in, shows a RingsideUsersView
 * (or RingsideAccountsView) in a window, and reloads it, timing from the request to the
 * first rows in the view's model and to all of them. Meanwhile a high-priority timeout that
 * asks to run every millisecond measures how late it runs: the longest main-loop stall.
 * Then prints the process's peak RSS. With --search-sort it goes on to time search
 * keystrokes and column sorts over the loaded list. With --agents it loads the demo's big
 * sub-account into a RingsideAgentsView instead: its agent groups, then every group's agents
 * (20,000 across 40 groups), once outside the view to warm the server (which makes an
 * account's data on its first request), then into the view, timed; RSS is also given before
 * the timed load. With --atspi-client it first starts bench/atspi-client.py, an AT-SPI
 * client that walks the window's accessible tree every 0.5 s (as a screen reader or an
 * accessibility checker does), and times the load while it reads: "all rows" is then when
 * the count shows (the view's "loading" turns false).
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "bench-utils.h"
#include "ringside-accounts-view.h"
#include "ringside-agent.h"
#include "ringside-agents-view.h"
#include "ringside-demo-server.h"
#include "ringside-slot-model.h"
#include "ringside-users-view.h"

typedef struct
{
  GtkWindow   *window;
  GtkWidget   *view;
  GListModel  *model;        /* the view's rows: the list, sorted and searched */
  RingsideSlotModel *shown;  /* the rows the column view shows, some held back a while */
  const char  *label;        /* "users-100k flat" */

  double       request_time;
  double       first_rows_time;
  double       all_rows_time;
  gboolean     first_rows;
  gboolean     loaded;
  gboolean     painted;
} Bench;

/* Sizes as the figures name them: 1k, 10k, 100k. */
static char *
format_size (guint n)
{
  if (n >= 1000 && n % 1000 == 0)
    return g_strdup_printf ("%uk", n / 1000);
  return g_strdup_printf ("%u", n);
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *self)
{
  self->painted = TRUE;
}

/* Waits until the window has painted a frame; queues one if none is due. */
static void
wait_for_paint (Bench *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->window));
  gulong id;

  self->painted = FALSE;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
  gtk_widget_queue_draw (GTK_WIDGET (self->window));
  bench_wait_for (&self->painted, 30, "a frame");
  g_signal_handler_disconnect (clock, id);
}

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  if (!ringside_session_sign_in_with_token_finish (RINGSIDE_SESSION (source), result, &error))
    bench_fail ("signing in failed: %s", error->message);
  *done = TRUE;
}

static RingsideSession *
sign_in (const char *url)
{
  g_autoptr(RingsideSession) session = ringside_session_new (url, url, NULL, NULL);
  gboolean done = FALSE;

  ringside_session_set_persistent (session, FALSE);
  ringside_session_sign_in_with_token_async (session, RINGSIDE_DEMO_RC_ACCESS_TOKEN, NULL,
                                             on_signed_in, &done);
  bench_wait_for (&done, 30, "signing in");

  return g_steal_pointer (&session);
}

/* Rows count as there once the column view has them: the first rows of a list come a few
 * per frame (ringside-list-view-rows.c). */
static void
on_rows_changed (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 Bench      *self)
{
  if (!self->first_rows && g_list_model_get_n_items (model) > 0)
    {
      self->first_rows = TRUE;
      self->first_rows_time = bench_now_ms ();
    }
  if (self->loaded && ringside_slot_model_get_pending (self->shown) == 0)
    self->all_rows_time = MAX (self->all_rows_time, bench_now_ms ());
}

static void
on_loading_changed (GObject    *view,
                    GParamSpec *pspec,
                    Bench      *self)
{
  gboolean loading;

  g_object_get (view, "loading", &loading, NULL);
  if (!loading && self->request_time > 0 && !self->loaded)
    {
      self->loaded = TRUE;
      self->all_rows_time = bench_now_ms ();
    }
}

/* With G_MESSAGES_DEBUG, the phases of each long frame, to tell what a stall was. */
static gint64 frame_phases[5];

static void
on_frame_phase (GdkFrameClock *clock,
                gpointer       phase)
{
  guint i = GPOINTER_TO_UINT (phase);
  gint64 now = g_get_monotonic_time ();

  frame_phases[i] = now;
  if (i == 4 && now - frame_phases[0] > 20000)
    g_debug ("A frame took %.1f ms: events %.1f, update %.1f, layout %.1f, paint %.1f",
             (now - frame_phases[0]) / 1000.0, (frame_phases[1] - frame_phases[0]) / 1000.0,
             (frame_phases[2] - frame_phases[1]) / 1000.0,
             (frame_phases[3] - frame_phases[2]) / 1000.0,
             (now - frame_phases[3]) / 1000.0);
}

static void
watch_frames (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  const char *phases[] = { "before-paint", "update", "layout", "paint", "after-paint" };

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    g_signal_connect (clock, phases[i], G_CALLBACK (on_frame_phase), GUINT_TO_POINTER (i));
}

static void
show_window (Bench     *self,
             GtkWidget *view)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->view = view;
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), view);

  self->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_title (self->window, "Ringside");
  gtk_window_set_default_size (self->window, 1200, 760);
  adw_window_set_content (ADW_WINDOW (self->window), box);
  gtk_window_present (self->window);

  wait_for_paint (self);
  watch_frames (self->window);
  /* Let start-up work (fonts, icons, the spinner) settle before the clock starts. */
  bench_run_for (300);
}

/* AT-SPI client */

static void
on_client_line (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  gboolean *attached = user_data;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL,
                                                    &error);
  if (g_strcmp0 (line, "attached") != 0)
    bench_fail ("the AT-SPI client did not attach: %s",
                line != NULL ? line : error != NULL ? error->message : "it ended");
  *attached = TRUE;
}

/* Starts the client on this process and waits (running the main loop, which answers its
 * requests) until it has read the whole window once. */
static GSubprocess *
start_atspi_client (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  GSubprocess *client;
  gboolean attached = FALSE;

  client = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "/usr/bin/python3", BENCH_SRCDIR "/atspi-client.py", pid, NULL);
  if (client == NULL)
    bench_fail ("cannot start the AT-SPI client: %s", error->message);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (client));
  g_data_input_stream_read_line_async (lines, G_PRIORITY_DEFAULT, NULL, on_client_line,
                                       &attached);
  bench_wait_for (&attached, 60, "the AT-SPI client");

  return client;
}

/* Loads the list and prints its line. */
static void
bench_load (Bench *self,
            guint  expected)
{
  BenchStallMonitor *monitor;
  double stall;
  guint n_rows;

  g_signal_connect (self->shown, "items-changed", G_CALLBACK (on_rows_changed), self);
  g_signal_connect (self->view, "notify::loading", G_CALLBACK (on_loading_changed), self);

  monitor = bench_stall_monitor_start ();
  bench_profile_enable (TRUE);
  self->request_time = bench_now_ms ();
  ringside_list_view_reload (RINGSIDE_LIST_VIEW (self->view));

  bench_wait_for (&self->loaded, 120, "the list");
  while (ringside_slot_model_get_pending (self->shown) > 0)
    g_main_context_iteration (NULL, TRUE);
  /* The last rows are on screen once the next frame is painted. */
  wait_for_paint (self);
  bench_profile_enable (FALSE);
  stall = bench_stall_monitor_stop (monitor);

  n_rows = g_list_model_get_n_items (self->model);
  if (n_rows != expected)
    bench_fail ("%s: %u rows loaded, the server has %u", self->label, n_rows, expected);

  printf ("%s: first rows %.0f ms, all rows %.0f ms, peak RSS %.0f MB, longest stall %.0f ms\n",
          self->label, self->first_rows_time - self->request_time,
          self->all_rows_time - self->request_time, bench_peak_rss_mb (), stall);
  fflush (stdout);
}

/* Search and sort */

static GtkColumnView *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return GTK_COLUMN_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *found = find_column_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The slots under the column view's selection. */
static RingsideSlotModel *
find_shown_rows (GtkWidget *view)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (find_column_view (view));

  return RINGSIDE_SLOT_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)));
}

static GtkColumnViewColumn *
find_column (GtkColumnView *column_view,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  bench_fail ("the users view has no column “%s”", title);
}

/* Whether @model, or a sort or filter model under it, still has work to do. */
static gboolean
model_is_pending (GListModel *model)
{
  while (model != NULL)
    {
      if (GTK_IS_SORT_LIST_MODEL (model))
        {
          if (gtk_sort_list_model_get_pending (GTK_SORT_LIST_MODEL (model)) > 0)
            return TRUE;
          model = gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (model));
        }
      else if (GTK_IS_FILTER_LIST_MODEL (model))
        {
          if (gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (model)) > 0)
            return TRUE;
          model = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (model));
        }
      else
        return FALSE;
    }

  return FALSE;
}

/* The view's rows come from sort and filter models. The filter is incremental: it checks a
 * few rows per frame, so the time until it settles is what the user waits for, and the
 * longest stall meanwhile is whether typing stays fluid. */
static void
wait_until_settled (Bench *self)
{
  while (model_is_pending (self->model) || ringside_slot_model_get_pending (self->shown) > 0)
    g_main_context_iteration (NULL, TRUE);
}

typedef void (*ChangeFunc) (Bench      *self,
                            const char *argument);

/* Times @change: until the models have settled, and until the next frame is painted; and
 * the longest main-loop stall from the change until that frame. */
static void
time_change (Bench      *self,
             const char *what,
             ChangeFunc  change,
             const char *argument)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->window));
  BenchStallMonitor *monitor;
  double start, settled, painted, stall;
  gulong id;

  /* Start from a quiet main loop. */
  bench_run_for (200);

  self->painted = FALSE;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);

  monitor = bench_stall_monitor_start ();
  bench_profile_enable (TRUE);
  start = bench_now_ms ();
  change (self, argument);
  wait_until_settled (self);
  settled = bench_now_ms ();

  gtk_widget_queue_draw (GTK_WIDGET (self->window));
  bench_wait_for (&self->painted, 30, "a frame");
  painted = bench_now_ms ();
  stall = bench_stall_monitor_stop (monitor);
  bench_profile_enable (FALSE);
  g_signal_handler_disconnect (clock, id);

  printf ("%s %s: longest stall %.1f ms; all rows in %.1f ms, next frame painted at %.1f ms "
          "(%u rows shown)\n",
          self->label, what, stall, settled - start, painted - start,
          g_list_model_get_n_items (self->model));
  fflush (stdout);
}

static void
set_search_text (Bench      *self,
                 const char *text)
{
  ringside_list_view_set_search_text (RINGSIDE_LIST_VIEW (self->view), text);
}

/* @argument: "TITLE" or "-TITLE" for descending. */
static void
sort_by_column (Bench      *self,
                const char *argument)
{
  GtkColumnView *column_view = find_column_view (self->view);
  gboolean descending = argument[0] == '-';
  GtkColumnViewColumn *column = find_column (column_view, argument + descending);

  gtk_column_view_sort_by_column (column_view, column,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

static void
bench_search_sort (Bench *self)
{
  /* Typing a surname, deleting a letter, clearing the field. The first letter checks every
   * row; each further letter only the rows still shown; a deletion only the rows hidden. */
  static const struct { const char *what; const char *text; } keystrokes[] = {
    { "search keystroke 1 (\"g\", every row checked)", "g" },
    { "search keystroke 2 (\"ga\", rows shown checked)", "ga" },
    { "search keystroke 3 (\"gar\")", "gar" },
    { "search backspace (\"ga\", rows hidden checked)", "ga" },
    { "search cleared", "" },
  };
  static const struct { const char *what; const char *column; } sorts[] = {
    { "sort by User Name", "User Name" },
    { "sort by ID", "ID" },
    { "sort by Name, descending", "-Name" },
    { "sort by Name", "Name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    time_change (self, keystrokes[i].what, set_search_text, keystrokes[i].text);

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    time_change (self, sorts[i].what, sort_by_column, sorts[i].column);
}

static void
on_warmed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ringside_list_loader_fetch_kind_finish (RINGSIDE_LIST_LOADER (source), result, &error))
    bench_fail ("warming the server failed: %s", error->message);
  *(gboolean *) user_data = TRUE;
}

/* The big sub-account's agents: the server warmed once, then a load into the view timed. */
static int
bench_agents (void)
{
  g_autoptr(BenchServer) server = bench_server_spawn (1, 12, NULL);
  /* The demo's data is the same for the same sizes: ask a local one for the IDs. */
  g_autoptr(RingsideDemoServer) local = ringside_demo_server_new ();
  g_autofree char *account_id = ringside_demo_server_get_account_id (local, 1);
  guint expected = ringside_demo_server_get_n_agents (local, account_id);
  const char *values[] = { "accountId", account_id, NULL };
  g_autoptr(RingsideSession) session = sign_in (server->url);
  RingsideListView *view = RINGSIDE_LIST_VIEW (ringside_agents_view_new ());
  Bench self = { 0 };

  self.label = "agents-20k in 40 groups";
  ringside_list_view_set_session (view, session);
  ringside_list_view_set_path_values (view, values);
  self.model = ringside_list_view_get_model (view);
  self.shown = find_shown_rows (GTK_WIDGET (view));
  show_window (&self, GTK_WIDGET (view));

  /* Warm-up, outside the view: the server makes the account's data on its first request. */
  {
    g_autoptr(RingsideItemList) items =
      ringside_item_list_new_for_kind (&ringside_agents_list_kind);
    g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
    gboolean done = FALSE;

    ringside_list_loader_fetch_kind_async (loader, &ringside_session_list_opener, session,
                                           values, NULL, on_warmed, &done);
    bench_wait_for (&done, 120, "the warm-up");
  }
  bench_run_for (300);

  printf ("%s: RSS before the timed load %.0f MB\n", self.label, bench_current_rss_mb ());
  bench_load (&self, expected);

  gtk_window_destroy (self.window);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  int n_users = 0;
  int n_accounts = 0;
  g_autofree char *form = NULL;
  gboolean search_sort = FALSE;
  gboolean agents = FALSE;
  gboolean atspi_client = FALSE;
  const GOptionEntry entries[] = {
    { "agents", 0, 0, G_OPTION_ARG_NONE, &agents, "Load the big sub-account's agents", NULL },
    { "users", 0, 0, G_OPTION_ARG_INT, &n_users, "Load this many users", "N" },
    { "form", 0, 0, G_OPTION_ARG_STRING, &form, "Users list form: flat or nested", "FORM" },
    { "accounts", 0, 0, G_OPTION_ARG_INT, &n_accounts, "Load this many sub-accounts", "N" },
    { "search-sort", 0, 0, G_OPTION_ARG_NONE, &search_sort, "Then time search and sort", NULL },
    { "atspi-client", 0, 0, G_OPTION_ARG_NONE, &atspi_client,
      "Load while an AT-SPI client reads the window", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BenchServer) server = NULL;
  g_autoptr(RingsideSession) session = NULL;
  g_autofree char *size = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GSubprocess) client = NULL;
  RingsideListView *view;
  Bench self = { 0 };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    bench_fail ("%s", error->message);
  if ((n_users > 0) + (n_accounts > 0) + agents != 1)
    bench_fail ("give one of --users, --accounts and --agents");
  if (form == NULL)
    form = g_strdup ("flat");

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  adw_init ();

  if (agents)
    return bench_agents ();

  /* Before the server exists, so that its start-up does not count as ours. */
  if (n_users > 0)
    {
      server = bench_server_spawn (n_users, 12, form);
      size = format_size (n_users);
      label = g_strdup_printf ("users-%s %s", size,
                               g_strcmp0 (form, "flat") == 0 ? "flat" : "hierarchical");
    }
  else
    {
      server = bench_server_spawn (1, n_accounts, NULL);
      size = format_size (n_accounts);
      label = g_strdup_printf ("accounts-%s", size);
    }
  self.label = label;

  session = sign_in (server->url);
  view = n_users > 0 ? RINGSIDE_LIST_VIEW (ringside_users_view_new ())
                     : RINGSIDE_LIST_VIEW (ringside_accounts_view_new ());
  ringside_list_view_set_session (view, session);
  self.model = ringside_list_view_get_model (view);
  self.shown = find_shown_rows (GTK_WIDGET (view));
  show_window (&self, GTK_WIDGET (view));
  if (atspi_client)
    {
      client = start_atspi_client ();
      g_free (label);
      label = g_strdup_printf ("users-%s %s, AT-SPI client reading", size, form);
      self.label = label;
    }
  bench_load (&self, n_users > 0 ? server->n_users : server->n_accounts);
  if (client != NULL)
    g_subprocess_force_exit (client);

  if (search_sort)
    {
      g_free (label);
      label = g_strdup_printf ("users-%s", size);
      self.label = label;
      bench_search_sort (&self);
    }

  gtk_window_destroy (self.window);
  return 0;
}
