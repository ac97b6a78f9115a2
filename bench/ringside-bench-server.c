/* ringside-bench-server.c: the demo server, sized for a benchmark, in its own process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: ringside-bench-server [--users=N] [--accounts=N] [--form=flat|nested] [--dump=FILE]
 *
 * Builds every body before it says anything, so that the first request is served as fast as
 * the next, then prints "URL N_USERS N_ACCOUNTS" on one line and serves until its standard
 * input ends. --form makes the users endpoint answer in that form whatever the query asks
 * (the app always asks for flatten=true). --dump writes the users list, in the --form form
 * (flat unless told), to FILE and exits.
 */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "bench-utils.h"
#include "ringside-demo-server.h"

#define USERS_PATH    "/voice/api/v1/admin/users"
#define ACCOUNTS_PATH "/voice/api/v1/admin/accounts"

static GBytes *forced_users;

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* GETs @path_and_query from the demo server, which runs on this same main context. */
static GBytes *
fetch (RingsideDemoServer *server,
       const char         *path_and_query)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = ringside_demo_server_issue_access_token (server);
  g_autofree char *uri = g_strconcat (ringside_demo_server_get_url (server), path_and_query,
                                      NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *body;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                authorization);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, on_fetched,
                                    &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  body = soup_session_send_and_read_finish (session, result, &error);
  if (body == NULL)
    bench_fail ("fetching %s failed: %s", path_and_query, error->message);
  if (soup_message_get_status (message) != SOUP_STATUS_OK)
    bench_fail ("fetching %s: HTTP %u", path_and_query, soup_message_get_status (message));

  return body;
}

/* Serves the users list in one form, whatever the query asks. Authorization is not
 * checked: the client measured has signed in already. */
static void
serve_forced_users (SoupServer        *server,
                    SoupServerMessage *message,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (message),
                                         "application/json", NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (message),
                                  forced_users);
}

static gboolean
on_stdin_closed (GIOChannel   *channel,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  GMainLoop *loop = user_data;
  char buffer[256];
  gsize n_read = 0;

  if (g_io_channel_read_chars (channel, buffer, sizeof buffer, &n_read, NULL) ==
        G_IO_STATUS_NORMAL && n_read > 0)
    return G_SOURCE_CONTINUE;

  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  int n_users = 300;
  int n_accounts = 12;
  g_autofree char *form = NULL;
  g_autofree char *dump = NULL;
  const GOptionEntry entries[] = {
    { "users", 0, 0, G_OPTION_ARG_INT, &n_users, "Users in the hierarchy", "N" },
    { "accounts", 0, 0, G_OPTION_ARG_INT, &n_accounts, "Sub-accounts", "N" },
    { "form", 0, 0, G_OPTION_ARG_STRING, &form, "Users list form: flat or nested", "FORM" },
    { "dump", 0, 0, G_OPTION_ARG_FILENAME, &dump, "Write the users list to FILE", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RingsideDemoServer) server = NULL;
  g_autoptr(GBytes) accounts = NULL;
  g_autoptr(GBytes) flat = NULL;
  g_autoptr(GBytes) nested = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GIOChannel) input = NULL;

  /* It stands in for RingCX, which does not share the client's processors: on this
   * benchmark's machine it gives way to the client, as the client's own parsing does to
   * its main thread. Before any thread starts, so that they all inherit it. */
  if (setpriority (PRIO_PROCESS, 0, 10) != 0)
    g_warning ("Could not lower the demo server's priority");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    bench_fail ("%s", error->message);
  if (n_users < 1 || n_accounts < 0)
    bench_fail ("--users must be at least 1, --accounts at least 0");
  if (form != NULL && g_strcmp0 (form, "flat") != 0 && g_strcmp0 (form, "nested") != 0)
    bench_fail ("--form is flat or nested");

  server = ringside_demo_server_new ();
  ringside_demo_server_set_sizes (server, n_accounts, n_users);
  if (!ringside_demo_server_start (server, &error))
    bench_fail ("cannot start the demo server: %s", error->message);

  /* The demo server builds each body on first use and keeps it. */
  accounts = fetch (server, ACCOUNTS_PATH);
  flat = fetch (server, USERS_PATH "?flatten=true");
  nested = fetch (server, USERS_PATH "?flatten=false");

  if (dump != NULL)
    {
      GBytes *body = g_strcmp0 (form, "nested") == 0 ? nested : flat;

      if (!g_file_set_contents (dump, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                &error))
        bench_fail ("%s", error->message);
      return 0;
    }

  if (form != NULL)
    {
      forced_users = g_strcmp0 (form, "nested") == 0 ? nested : flat;
      soup_server_add_handler (ringside_demo_server_get_soup_server (server), USERS_PATH,
                               serve_forced_users, NULL, NULL);
    }

  loop = g_main_loop_new (NULL, FALSE);
  input = g_io_channel_unix_new (0);
  g_io_add_watch (input, G_IO_IN | G_IO_HUP | G_IO_ERR, on_stdin_closed, loop);

  printf ("%s %u %u\n", ringside_demo_server_get_url (server),
          ringside_demo_server_get_n_users (server, FALSE),
          ringside_demo_server_get_n_accounts (server));
  fflush (stdout);

  g_main_loop_run (loop);
  ringside_demo_server_stop (server);

  return 0;
}
