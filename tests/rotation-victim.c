/* rotation-victim.c
 *
 * A process for test-rotation-safety to kill: it restores the saved session for the server
 * given as argument, reports the outcome on stdout, then keeps the session alive (renewing it
 * from its timeout) until it is killed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>

#include "ringside-error.h"
#include "ringside-session.h"

static void
on_state_changed (RingsideSession *session,
                  GParamSpec      *pspec,
                  gpointer         user_data)
{
  if (ringside_session_get_state (session) == RINGSIDE_SESSION_STATE_SIGNED_OUT)
    {
      const GError *reason = ringside_session_get_last_error (session);

      printf ("signed-out %s\n", reason ? reason->message : "");
      fflush (stdout);
    }
}

static void
on_restored (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (ringside_session_restore_finish (RINGSIDE_SESSION (source), result, &error))
    {
      printf ("restored\n");
      /* From now on, report if the session ends. */
      g_signal_connect (source, "notify::state", G_CALLBACK (on_state_changed), NULL);
    }
  else if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_SESSION_REJECTED) ||
           g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NO_SESSION))
    printf ("sign-in-needed %d %s\n", error->code, error->message);
  else
    printf ("error %s\n", error->message);

  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RingsideSession) session = NULL;
  g_autoptr(GMainLoop) loop = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s SERVER_URL\n", argv[0]);
      return 2;
    }

  loop = g_main_loop_new (NULL, FALSE);
  session = ringside_session_new (argv[1], argv[1], NULL, NULL);
  ringside_session_set_retry_delays (session, 100, 1000);
  ringside_session_restore_async (session, NULL, on_restored, NULL);
  g_main_loop_run (loop);

  return 0;
}
