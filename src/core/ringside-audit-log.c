/* ringside-audit-log.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-audit-log.h"
#include "ringside-error.h"

#include <string.h>

#define AUDIT_SEARCH_PATH "/voice/api/v1/admin/auditLogs/search"

char *
ringside_audit_log_format_time (GDateTime *time)
{
  g_autofree char *date = NULL;
  g_autofree char *offset = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  /* RingCX refuses "Z": always the numeric offset, "+00:00" for UTC. */
  date = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
  offset = g_date_time_format (time, "%:z");
  return g_strdup_printf ("%s.%03d%s", date, g_date_time_get_microsecond (time) / 1000, offset);
}

static int
newest_first (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  RingsideAuditEntry *entry_a = *(RingsideAuditEntry **) a;
  RingsideAuditEntry *entry_b = *(RingsideAuditEntry **) b;

  return g_date_time_compare (ringside_audit_entry_get_time (entry_b),
                              ringside_audit_entry_get_time (entry_a));
}

static void
on_searched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GListStore) store = NULL;
  JsonArray *array;

  answer = ringside_session_send_json_finish (RINGSIDE_SESSION (source), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* An empty answer is an empty log. */
  if (JSON_NODE_HOLDS_NULL (answer))
    {
      g_task_return_pointer (task, g_list_store_new (RINGSIDE_TYPE_AUDIT_ENTRY),
                             g_object_unref);
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (answer))
    {
      g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                               "The audit log search did not answer a list.");
      return;
    }

  array = json_node_get_array (answer);
  entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      RingsideAuditEntry *entry =
        ringside_audit_entry_new_from_json (json_array_get_element (array, i), NULL);

      /* One unreadable entry does not hide the others. */
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }

  /* Stable, so entries of the same millisecond keep the server's order. */
  g_ptr_array_sort_with_data (entries, newest_first, NULL);
  store = g_list_store_new (RINGSIDE_TYPE_AUDIT_ENTRY);
  g_list_store_splice (store, 0, 0, entries->pdata, entries->len);

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

void
ringside_audit_log_search_async (RingsideSession     *session,
                                 const char          *account_id,
                                 GDateTime           *from,
                                 GDateTime           *to,
                                 const char          *audited_entity_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) criteria = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_if_fail (RINGSIDE_IS_SESSION (session));
  g_return_if_fail (account_id != NULL);
  g_return_if_fail (from != NULL && to != NULL);

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_audit_log_search_async);

  start = ringside_audit_log_format_time (from);
  end = ringside_audit_log_format_time (to);
  criteria = json_object_new ();
  json_object_set_string_member (criteria, "accountId", account_id);
  json_object_set_string_member (criteria, "startDateTime", start);
  json_object_set_string_member (criteria, "endDateTime", end);
  json_object_set_string_member (criteria, "ascOrDesc", "DESCENDING");
  if (audited_entity_id != NULL)
    json_object_set_string_member (criteria, "auditedEntityId", audited_entity_id);
  body = json_node_init_object (json_node_alloc (), criteria);

  ringside_session_send_json_async (session, "PUT", AUDIT_SEARCH_PATH, body, cancellable,
                                    on_searched, g_steal_pointer (&task));
}

GListModel *
ringside_audit_log_search_finish (RingsideSession  *session,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION (session), NULL);
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The History list's opener */

/* The answer may hold secrets (an entry's "fullJson"): wiped when the loader is done. */
static void
wipe_free (gpointer data)
{
  explicit_bzero (data, strlen (data));
  g_free (data);
}

static void
on_list_searched (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  answer = ringside_session_send_json_finish (RINGSIDE_SESSION (source), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* No body is an empty log; anything else the loader judges as it reads. */
  text = JSON_NODE_HOLDS_NULL (answer) ? g_strdup ("[]") : json_to_string (answer, FALSE);
  bytes = g_bytes_new_with_free_func (text, strlen (text), wipe_free, text);
  g_task_return_pointer (task, g_memory_input_stream_new_from_bytes (bytes), g_object_unref);
}

static void
list_open_async (gpointer             source,
                 const char          *path,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(JsonObject) criteria = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char *query = strchr (path, '?');
  const char *account_id;
  const char *since;
  gint64 since_seconds;

  g_task_set_source_tag (task, list_open_async);

  if (query != NULL)
    params = g_uri_parse_params (query + 1, -1, "&", G_URI_PARAMS_NONE, NULL);
  account_id = params != NULL ? g_hash_table_lookup (params, "accountId") : NULL;
  since = params != NULL ? g_hash_table_lookup (params, "since") : NULL;
  if (account_id == NULL || since == NULL ||
      !g_ascii_string_to_signed (since, 10, 0, G_MAXINT64, &since_seconds, NULL))
    {
      g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT,
                               "The audit log search needs an account and a start time.");
      return;
    }

  from = g_date_time_new_from_unix_local (since_seconds);
  now = g_date_time_new_now_local ();
  /* A little past now: the server's clock may be ahead of this computer's. */
  to = g_date_time_add_hours (now, 1);
  start = ringside_audit_log_format_time (from);
  end = ringside_audit_log_format_time (to);

  criteria = json_object_new ();
  json_object_set_string_member (criteria, "accountId", account_id);
  json_object_set_string_member (criteria, "startDateTime", start);
  json_object_set_string_member (criteria, "endDateTime", end);
  json_object_set_string_member (criteria, "ascOrDesc", "DESCENDING");
  body = json_node_init_object (json_node_alloc (), criteria);

  ringside_session_send_json_async (source, "PUT", AUDIT_SEARCH_PATH, body, cancellable,
                                    on_list_searched, g_steal_pointer (&task));
}

static GInputStream *
list_open_finish (gpointer       source,
                  GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const RingsideListOpener ringside_audit_log_list_opener = {
  .open_async = list_open_async,
  .open_finish = list_open_finish,
};
