/* test-rotation-safety.c
 *
 * Kills a process with SIGKILL right after the server rotated its refresh token — at random
 * points while the new token travels to the keyring — many times over. After every kill the
 * keyring must hold a token the server accepts, or the next start must ask to sign in with a
 * clear reason and clear the dead token: never a silent lock-out loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <string.h>

#include "ringside-demo-server.h"
#include "ringside-session.h"
#include "ringside-test-utils.h"

#define REFRESH_PATH "/api/auth/token/refresh"
#define ROUNDS       40

typedef struct
{
  RingsideDemoServer *server;
  const char         *url;
  GSubprocess        *victim;
  GDataInputStream   *output;
  char               *line;
  gboolean            line_done;
  gboolean            armed;
  gboolean            killed;
  guint               kill_source;
  GRand              *rand;
} Rig;

static gboolean
kill_victim (gpointer user_data)
{
  Rig *rig = user_data;

  rig->kill_source = 0;
  if (rig->victim != NULL)
    g_subprocess_send_signal (rig->victim, SIGKILL);
  rig->killed = TRUE;
  return G_SOURCE_REMOVE;
}

/* The response is on the wire: from here the old token is dead and the new one exists only
 * in the victim's memory until it reaches the keyring. Kill it somewhere in that window. */
static void
on_request_finished (SoupServer        *server,
                     SoupServerMessage *msg,
                     gpointer           user_data)
{
  Rig *rig = user_data;

  if (!rig->armed || !g_str_equal (g_uri_get_path (soup_server_message_get_uri (msg)),
                                   REFRESH_PATH))
    return;

  rig->armed = FALSE;
  rig->kill_source = g_timeout_add (g_rand_int_range (rig->rand, 0, 8), kill_victim, rig);
}

static void
on_line (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Rig *rig = user_data;

  g_free (rig->line);
  rig->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result,
                                                         NULL, NULL);
  rig->line_done = TRUE;
}

static void
spawn_victim (Rig *rig)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "rotation-victim", NULL);
  g_autoptr(GError) error = NULL;

  rig->victim = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                  program, rig->url, NULL);
  g_assert_no_error (error);
  rig->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (rig->victim));
  rig->line_done = FALSE;
  rig->killed = FALSE;
  g_data_input_stream_read_line_async (rig->output, G_PRIORITY_DEFAULT, NULL, on_line, rig);
}

static void
reap_victim (Rig *rig)
{
  g_autoptr(GError) error = NULL;

  if (!rig->killed)
    g_subprocess_send_signal (rig->victim, SIGKILL);
  g_subprocess_wait (rig->victim, NULL, &error);
  g_assert_no_error (error);
  /* The first line, or EOF if the victim died before writing it. */
  ringside_test_wait_for (&rig->line_done, 30);
  g_clear_object (&rig->output);
  g_clear_object (&rig->victim);
  g_clear_handle_id (&rig->kill_source, g_source_remove);
}

static void
sign_in_again (Rig *rig)
{
  g_autoptr(RingsideSession) session = ringside_session_new (rig->url, rig->url, NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *pending = NULL;

  ringside_session_sign_in_with_token_async (session, RINGSIDE_DEMO_RC_ACCESS_TOKEN, NULL,
                                             ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);
  g_assert_true (ringside_session_sign_in_with_token_finish (session, result, &error));
  g_assert_no_error (error);
}

static void
test_kill_after_rotation (void)
{
  Rig rig = { 0 };
  g_autoptr(GError) error = NULL;
  guint kept = 0;
  guint stale = 0;

  rig.rand = g_rand_new_with_seed (g_test_rand_int ());
  rig.server = ringside_demo_server_new ();
  ringside_demo_server_set_sizes (rig.server, 2, 10);
  g_assert_true (ringside_demo_server_start (rig.server, &error));
  rig.url = ringside_demo_server_get_url (rig.server);
  g_signal_connect (ringside_demo_server_get_soup_server (rig.server), "request-finished",
                    G_CALLBACK (on_request_finished), &rig);

  sign_in_again (&rig);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *token = NULL;

      /* Restoring is itself a rotation: kill the victim somewhere after it. */
      rig.armed = TRUE;
      spawn_victim (&rig);
      ringside_test_wait_for (&rig.killed, 30);
      reap_victim (&rig);

      token = ringside_test_keyring_lookup (rig.url);
      g_assert_nonnull (token);

      if (ringside_demo_server_is_refresh_token_valid (rig.server, token))
        {
          kept++;
          continue;
        }

      /* The victim died holding the only valid token. The next start must say so. */
      stale++;
      spawn_victim (&rig);
      ringside_test_wait_for (&rig.line_done, 30);
      g_assert_nonnull (rig.line);
      if (!g_str_has_prefix (rig.line, "sign-in-needed") || strstr (rig.line, "Sign in") == NULL)
        g_error ("After a lost rotation the app said “%s”, not a reason to sign in", rig.line);
      reap_victim (&rig);

      /* …and it removed the dead token, so the next start shows the sign-in dialog at once
       * instead of failing the same way again. */
      g_clear_pointer (&token, g_free);
      for (guint i = 0; i < 200 && (token = ringside_test_keyring_lookup (rig.url)) != NULL; i++)
        {
          g_clear_pointer (&token, g_free);
          ringside_test_run_for (25);
        }
      g_assert_null (token);

      sign_in_again (&rig);
    }

  g_test_message ("%u kills: keyring token still valid %u times, sign-in asked for %u times",
                  ROUNDS, kept, stale);
  g_assert_cmpuint (kept + stale, ==, ROUNDS);

  g_signal_handlers_disconnect_by_data (ringside_demo_server_get_soup_server (rig.server), &rig);
  ringside_demo_server_stop (rig.server);
  g_clear_object (&rig.server);
  g_rand_free (rig.rand);
  g_free (rig.line);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rotation-safety/kill-after-rotation", test_kill_after_rotation);

  return g_test_run ();
}
