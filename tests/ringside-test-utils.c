/* ringside-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

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

/* Log capture */

static GMutex log_mutex;
static GString *log_text;
static RingsideTestLogFields log_fields;
static GLogLevelFlags expected_level;
static char *expected_text;

static void
append_field (const GLogField *field)
{
  if (field->length < 0)
    g_string_append (log_text, field->value);
  else
    g_string_append_len (log_text, field->value, field->length);
  g_string_append_c (log_text, '\n');
}

static const char *
find_message (const GLogField *fields,
              gsize            n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
      return fields[i].value;

  return NULL;
}

static GLogWriterOutput
capture_log (GLogLevelFlags   log_level,
             const GLogField *fields,
             gsize            n_fields,
             gpointer         user_data)
{
  const char *message = find_message (fields, n_fields);
  gboolean expected = FALSE;

  g_mutex_lock (&log_mutex);

  for (gsize i = 0; i < n_fields; i++)
    {
      if (log_fields == RINGSIDE_TEST_LOG_ALL_FIELDS)
        {
          /* Every field, not only MESSAGE: a secret has no business in any of them. */
          g_string_append (log_text, fields[i].key);
          g_string_append_c (log_text, '=');
          append_field (&fields[i]);
        }
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        {
          append_field (&fields[i]);
        }
    }

  if (expected_text != NULL && (log_level & expected_level) != 0
      && message != NULL && strstr (message, expected_text) != NULL)
    {
      g_clear_pointer (&expected_text, g_free);
      expected = TRUE;
    }

  g_mutex_unlock (&log_mutex);

  if (!expected && (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)))
    return g_log_writer_default (log_level, fields, n_fields, user_data);

  return G_LOG_WRITER_HANDLED;
}

void
ringside_test_log_capture (RingsideTestLogFields fields)
{
  g_assert_null (log_text);

  log_text = g_string_new (NULL);
  log_fields = fields;
  g_log_set_writer_func (capture_log, NULL, NULL);
}

void
ringside_test_log_append (const char *text)
{
  g_mutex_lock (&log_mutex);
  g_string_append (log_text, text);
  g_mutex_unlock (&log_mutex);
}

char *
ringside_test_log_dup (void)
{
  char *copy;

  g_mutex_lock (&log_mutex);
  copy = g_strndup (log_text->str, log_text->len);
  g_mutex_unlock (&log_mutex);
  return copy;
}

gboolean
ringside_test_log_contains (const char *text)
{
  gboolean found;

  g_mutex_lock (&log_mutex);
  found = strstr (log_text->str, text) != NULL;
  g_mutex_unlock (&log_mutex);
  return found;
}

void
ringside_test_log_clear (void)
{
  g_mutex_lock (&log_mutex);
  g_string_truncate (log_text, 0);
  g_mutex_unlock (&log_mutex);
}

void
ringside_test_log_expect (GLogLevelFlags  level,
                          const char     *text)
{
  g_mutex_lock (&log_mutex);
  g_assert_null (expected_text);
  expected_level = level;
  expected_text = g_strdup (text);
  g_mutex_unlock (&log_mutex);
}

void
ringside_test_log_assert_expected (void)
{
  g_autofree char *missing = NULL;

  g_mutex_lock (&log_mutex);
  missing = g_steal_pointer (&expected_text);
  g_mutex_unlock (&log_mutex);

  if (missing != NULL)
    g_error ("Expected a log message holding “%s”", missing);
}

GPtrArray *
ringside_test_parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *row = g_ptr_array_new ();
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(p[0] == '"' && p[1] != '"'); p++)
            {
              g_assert_cmpint (*p, !=, '\0');
              if (p[0] == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        {
          for (; *p != ',' && *p != '\r' && *p != '\0'; p++)
            {
              g_assert_cmpint (*p, !=, '"');
              g_assert_cmpint (*p, !=, '\n');
              g_string_append_c (field, *p);
            }
        }

      g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
      field = g_string_new (NULL);

      if (*p == ',')
        {
          p++;
          continue;
        }

      g_assert_cmpint (p[0], ==, '\r');
      g_assert_cmpint (p[1], ==, '\n');
      p += 2;
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (&row), FALSE));
      row = g_ptr_array_new ();
    }

  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_free (row, TRUE);
  g_string_free (field, TRUE);
  return rows;
}
