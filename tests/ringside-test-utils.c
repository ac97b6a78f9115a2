/* ringside-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ringside-test-utils.h"
#include "ringside-token-store.h"

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
ringside_test_wait_for (const gboolean *flag,
                        guint           timeout_seconds)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (timeout_seconds, on_timeout, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  if (!*flag)
    g_error ("Timed out after %u s waiting for an event", timeout_seconds);
}

void
ringside_test_run_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
ringside_test_store_result (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static gboolean
result_is_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

GAsyncResult *
ringside_test_wait_result (GAsyncResult **result,
                           guint          timeout_seconds)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (timeout_seconds, on_timeout, &timed_out);

  while (!result_is_set (result) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  if (*result == NULL)
    g_error ("Timed out after %u s waiting for an async result", timeout_seconds);

  return g_steal_pointer (result);
}

char *
ringside_test_keyring_lookup (const char *server_url)
{
  g_autoptr(GError) error = NULL;
  char *secret;
  char *copy;

  secret = secret_password_lookup_sync (ringside_token_store_get_schema (), NULL, &error,
                                        "server", server_url, NULL);
  g_assert_no_error (error);
  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

gboolean
ringside_test_sign_in (RingsideSession  *session,
                       const char       *rc_access_token,
                       GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;

  ringside_session_sign_in_with_token_async (session, rc_access_token, NULL,
                                             ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);
  return ringside_session_sign_in_with_token_finish (session, result, error);
}

gboolean
ringside_test_refresh (RingsideSession  *session,
                       GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;

  ringside_session_refresh_async (session, NULL, ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);
  return ringside_session_refresh_finish (session, result, error);
}

gboolean
ringside_test_restore (RingsideSession  *session,
                       GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;

  ringside_session_restore_async (session, NULL, ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);
  return ringside_session_restore_finish (session, result, error);
}

JsonNode *
ringside_test_fetch (RingsideSession  *session,
                     const char       *path,
                     GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;

  ringside_session_fetch_json_async (session, path, NULL, ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);
  return ringside_session_fetch_json_finish (session, result, error);
}
