/* signed-in-demo-server.c
 *
 * A demo server of a given size in a process of its own, with a session for it already in
 * the keyring, for tests that run the real app binary against it (test-a11y.py): the app,
 * started with --server URL --platform-server URL, restores that session and loads the
 * lists without a sign-in dialog.
 *
 * usage: signed-in-demo-server [--users=N] [--accounts=N]
 *
 * Builds the users body before it says anything, signs in once with a persistent session
 * (which stores the refresh token in the keyring: run it under tests/run-isolated.sh
 * --keyring), prints "URL N_USERS" on one line, then serves until its standard input ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>

#include "ringside-demo-server.h"
#include "ringside-session.h"

static G_NORETURN void
fail (const char *what,
      const GError *error)
{
  fprintf (stderr, "signed-in-demo-server: %s: %s\n", what, error->message);
  exit (1);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

/* Asks for the users list once and reads it to the end: the demo server builds each body on
 * first use and keeps it, so that the app's request is served at once. */
static void
build_users_body (RingsideSession *session)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  gssize skipped;

  ringside_session_send_async (session, "GET", "/voice/api/v1/admin/users?flatten=true", NULL,
                               on_done, &result);
  stream = ringside_session_send_finish (session, wait_for (&result), &error);
  if (stream == NULL)
    fail ("fetching the users", error);

  /* Asynchronously: the server answering it runs on this same main context. */
  do
    {
      g_clear_object (&result);
      g_input_stream_skip_async (stream, 1 << 20, G_PRIORITY_DEFAULT, NULL, on_done, &result);
      skipped = g_input_stream_skip_finish (stream, wait_for (&result), &error);
      if (skipped < 0)
        fail ("reading the users", error);
    }
  while (skipped > 0);
}

static gboolean
on_stdin (GIOChannel   *channel,
          GIOCondition  condition,
          gpointer      user_data)
{
  char buffer[256];
  gsize n_read = 0;

  if (g_io_channel_read_chars (channel, buffer, sizeof buffer, &n_read, NULL) ==
        G_IO_STATUS_NORMAL && n_read > 0)
    return G_SOURCE_CONTINUE;

  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  int n_users = 300;
  int n_accounts = 12;
  const GOptionEntry entries[] = {
    { "users", 0, 0, G_OPTION_ARG_INT, &n_users, "Users", "N" },
    { "accounts", 0, 0, G_OPTION_ARG_INT, &n_accounts, "Sub-accounts", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RingsideDemoServer) server = NULL;
  g_autoptr(RingsideSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GIOChannel) input = NULL;
  const char *url;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    fail ("options", error);

  server = ringside_demo_server_new ();
  ringside_demo_server_set_sizes (server, n_accounts, n_users);
  if (!ringside_demo_server_start (server, &error))
    fail ("starting the demo server", error);
  url = ringside_demo_server_get_url (server);

  session = ringside_session_new (url, url, NULL, NULL);
  ringside_session_sign_in_with_token_async (session, RINGSIDE_DEMO_RC_ACCESS_TOKEN, NULL,
                                             on_done, &result);
  if (!ringside_session_sign_in_with_token_finish (session, wait_for (&result), &error))
    fail ("signing in", error);
  if (ringside_session_get_keyring_error (session) != NULL)
    fail ("storing the session", ringside_session_get_keyring_error (session));

  build_users_body (session);

  /* The app restores the stored refresh token: this session must not renew it behind the
   * app's back, as the demo server, like RingCX, rotates it. */
  g_clear_object (&session);

  loop = g_main_loop_new (NULL, FALSE);
  input = g_io_channel_unix_new (0);
  g_io_add_watch (input, G_IO_IN | G_IO_HUP | G_IO_ERR, on_stdin, loop);

  printf ("%s %u\n", url, ringside_demo_server_get_n_users (server, FALSE));
  fflush (stdout);

  g_main_loop_run (loop);
  ringside_demo_server_stop (server);

  return 0;
}
