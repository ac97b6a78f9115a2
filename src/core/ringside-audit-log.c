/* ringside-audit-log.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-audit-log.h"
#include "ringside-error.h"

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
