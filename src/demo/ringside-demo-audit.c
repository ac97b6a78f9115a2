/* ringside-demo-audit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-demo-server-private.h"

/* PUT /voice/api/v1/admin/auditLogs/search: the audit log of one account, newest first
 * unless asked otherwise. Each account's log starts with generated history; every change a
 * client makes through the demo server (agents, gates, campaigns, users) adds an entry by
 * the demo admin. The search takes what the guide documents: accountId and the window
 * (ISO-8601 with an offset, as RingCX refuses "Z", or the *AsUnix members) are required. */

#define PATH_AUDIT_SEARCH "/voice/api/v1/admin/auditLogs/search"
#define CLASS_PREFIX      "com.connectfirst.api.model.intelliqueue_globalcatalog."
#define ADMIN_SOURCE_IP   "203.0.113.24"

struct _DemoAuditEntry
{
  gint64  time_ms;
  char   *action;
  char   *entity_class;  /* "Agent", "Gate", … */
  char   *entity_id;
  char   *user_id;
  char   *json;
};

typedef struct
{
  const char *first;
  const char *last;
  const char *email;
  const char *user_id;
  const char *source_ip;
} AuditAdmin;

static const AuditAdmin admins[] = {
  { ADMIN_FIRST_NAME, ADMIN_LAST_NAME, ADMIN_EMAIL, G_STRINGIFY (ROOT_USER_ID), ADMIN_SOURCE_IP },
  { "Priya", "Natarajan", "priya.natarajan@" EMAIL_DOMAIN, "210417", "198.51.100.7" },
  { "Marcus", "Oyelaran", "marcus.oyelaran@" EMAIL_DOMAIN, "210452", "198.51.100.31" },
  { "Ines", "Carvalho", "ines.carvalho@" EMAIL_DOMAIN, "210488", "192.0.2.140" },
};

static const char *
class_path (const char *entity_class)
{
  if (strcmp (entity_class, "Gate") == 0)
    return CLASS_PREFIX "acd.Gate";
  if (strcmp (entity_class, "Agent") == 0)
    return CLASS_PREFIX "agent.Agent";
  if (strcmp (entity_class, "Campaign") == 0)
    return CLASS_PREFIX "outbound.Campaign";
  return CLASS_PREFIX "admin.User";
}

void
ringside_demo_audit_entry_free (DemoAuditEntry *entry)
{
  g_free (entry->action);
  g_free (entry->entity_class);
  g_free (entry->entity_id);
  g_free (entry->user_id);
  g_free (entry->json);
  g_free (entry);
}

typedef struct
{
  const char *name;
  const char *old_value;
  const char *new_value;
} AuditChange;

static char *
format_date (gint64 time_ms)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (time_ms / 1000);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03d+0000", text, (int) (time_ms % 1000));
}

static void
add_nullable (JsonBuilder *builder,
              const char  *name,
              const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_entry (GPtrArray         *log,
           gint64             time_ms,
           const char        *uuid,
           const AuditAdmin  *admin,
           const char        *account_id,
           const char        *action,
           const char        *entity_class,
           gint64             entity_id,
           const char        *description,
           const AuditChange *changes,
           guint              n_changes,
           const char        *entity_json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *date = format_date (time_ms);
  DemoAuditEntry *entry = g_new0 (DemoAuditEntry, 1);

  entry->time_ms = time_ms;
  entry->action = g_strdup (action);
  entry->entity_class = g_strdup (entity_class);
  entry->entity_id = g_strdup_printf ("%" G_GINT64_FORMAT, entity_id);
  entry->user_id = g_strdup (admin->user_id);

  json_builder_begin_object (builder);
  add_nullable (builder, "id", uuid);
  json_builder_set_member_name (builder, "authUser");
  json_builder_begin_object (builder);
  add_nullable (builder, "sourceId", admin->source_ip);
  add_nullable (builder, "firstName", admin->first);
  add_nullable (builder, "lastName", admin->last);
  add_nullable (builder, "userName", admin->email);
  add_nullable (builder, "userId", admin->user_id);
  add_nullable (builder, "fullJson", NULL);
  add_nullable (builder, "simulatedByUserId", NULL);
  add_nullable (builder, "simulatedByUserName", NULL);
  add_nullable (builder, "simulatedFromIP", NULL);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "createTime");
  json_builder_add_int_value (builder, time_ms);
  json_builder_set_member_name (builder, "auditLogResultList");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_changes; i++)
    {
      json_builder_begin_object (builder);
      add_nullable (builder, "attributeName", changes[i].name);
      add_nullable (builder, "originalValue", changes[i].old_value);
      add_nullable (builder, "newValue", changes[i].new_value);
      add_nullable (builder, "classType", class_path (entity_class));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_nullable (builder, "auditedClass", class_path (entity_class));
  add_nullable (builder, "auditedEntityId", entry->entity_id);
  add_nullable (builder, "auditedEntityDescription", description);
  add_nullable (builder, "actionType", action);
  add_nullable (builder, "affectedEntityJson", entity_json);
  add_nullable (builder, "accountId", account_id);
  add_nullable (builder, "createTimeAsDateTime", date);
  add_nullable (builder, "_class", "com.connectfirst.api.model.documents.AuditLog");
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  entry->json = json_generator_to_data (generator, NULL);
  g_ptr_array_add (log, entry);
}

static char *
random_uuid (GRand *rand)
{
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%08x%04x", g_rand_int (rand),
                          g_rand_int_range (rand, 0, 0x10000), g_rand_int_range (rand, 0, 0x1000),
                          0x8000 | g_rand_int_range (rand, 0, 0x4000), g_rand_int (rand),
                          g_rand_int_range (rand, 0, 0x10000));
}

/* Changes that admins really make, per kind of object. */
static const AuditChange agent_changes[] = {
  { "isActive", "true", "false" }, { "agentRank", "5", "8" },
  { "allowOutbound", "false", "true" }, { "maxChats", "0", "3" },
  { "ghostRnaAction", "AVAILABLE", "PENDING" },
};
static const AuditChange gate_changes[] = {
  { "gatePriority", "0", "1" }, { "isActive", "true", "false" }, { "wrapTime", "8", "23" },
  { "slaTime", "20", "30" },
};
static const AuditChange campaign_changes[] = {
  { "isActive", "1", "0" }, { "campaignPriority", "3", "5" }, { "maxPasses", "3", "5" },
};

/* The account's history: a few hundred entries in the big account, some in the others, over
 * the 90 days before the log is first read. */
void
ringside_demo_audit_seed (RingsideDemoServer *self,
                          DemoCcAccount      *account)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x41554454u ^ account->index * 2654435761u);
  guint n_entries = account->index == 1 ? 300 : account->index == 0 ? 0 : 25;
  gint64 now_ms = ringside_demo_server_now (self) * 1000;
  gint64 span_ms = G_GINT64_CONSTANT (90) * 86400 * 1000;
  g_autofree gint64 *times = g_new (gint64, MAX (n_entries, 1));

  account->audit = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                   ringside_demo_audit_entry_free);

  for (guint i = 0; i < n_entries; i++)
    times[i] = now_ms - span_ms + (gint64) (g_rand_double (rand) * span_ms);
  /* Oldest first, as the log grows. */
  for (guint i = 1; i < n_entries; i++)
    for (guint j = i; j > 0 && times[j - 1] > times[j]; j--)
      {
        gint64 t = times[j];

        times[j] = times[j - 1];
        times[j - 1] = t;
      }

  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *uuid = random_uuid (rand);
      const AuditAdmin *admin = &admins[g_rand_int_range (rand, 0, G_N_ELEMENTS (admins))];
      guint kind = g_rand_int_range (rand, 0, 3);
      gboolean create = g_rand_int_range (rand, 0, 10) == 0;
      const AuditChange *changes;
      guint n_changes;
      const char *entity_class;
      g_autofree char *description = NULL;
      g_autofree char *entity_json = NULL;
      gint64 entity_id;

      if (kind == 0 && account->agents->len > 0)
        {
          guint a = g_rand_int_range (rand, 0, account->agents->len);
          const DemoAgent *agent = &g_array_index (account->agents, DemoAgent, a);

          entity_class = "Agent";
          entity_id = account->agent_base + a;
          description = g_strdup_printf ("%s %s", ringside_demo_first_names[agent->first].name,
                                         ringside_demo_last_names[agent->last].name);
          changes = agent_changes;
          n_changes = G_N_ELEMENTS (agent_changes);
        }
      else if (kind == 1 && account->gates->len > 0)
        {
          guint q = g_rand_int_range (rand, 0, account->gates->len);

          entity_class = "Gate";
          entity_id = account->gate_base + q;
          description = g_strdup (g_array_index (account->gates, DemoGate, q).name);
          changes = gate_changes;
          n_changes = G_N_ELEMENTS (gate_changes);
        }
      else if (account->campaigns->len > 0)
        {
          guint c = g_rand_int_range (rand, 0, account->campaigns->len);

          entity_class = "Campaign";
          entity_id = account->campaign_base + c;
          description = g_strdup (g_array_index (account->campaigns, DemoCampaign, c).name);
          changes = campaign_changes;
          n_changes = G_N_ELEMENTS (campaign_changes);
        }
      else
        continue;

      if (create)
        {
          entity_json = g_strdup_printf ("{\"id\":%" G_GINT64_FORMAT "}", entity_id);
          add_entry (account->audit, times[i], uuid, admin, account->id, "CREATE", entity_class,
                     entity_id, description, NULL, 0, entity_json);
        }
      else
        {
          guint c = g_rand_int_range (rand, 0, n_changes);

          add_entry (account->audit, times[i], uuid, admin, account->id, "UPDATE", entity_class,
                     entity_id, description, &changes[c], 1, NULL);
        }
    }
}

static GPtrArray *
ensure_log (RingsideDemoServer *self,
            DemoCcAccount      *account)
{
  if (account->audit == NULL)
    ringside_demo_audit_seed (self, account);

  return account->audit;
}

/* A member as the audit log shows it: strings bare, anything else as JSON. */
static char *
value_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  return json_to_string (node, FALSE);
}

void
ringside_demo_audit_record (RingsideDemoServer *self,
                            DemoCcAccount      *account,
                            const char         *entity_class,
                            gint64              entity_id,
                            const char         *description,
                            JsonObject         *before,
                            JsonObject         *after,
                            const char         *attribute,
                            const char         *old_value,
                            const char         *new_value)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (AuditChange));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *uuid = NULL;
  GPtrArray *log = ensure_log (self, account);
  gint64 time_ms = ringside_demo_server_now (self) * 1000 + g_get_real_time () / 1000 % 1000;

  if (before != NULL && after != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (after);

      for (GList *l = members; l != NULL; l = l->next)
        {
          char *old_text = value_text (json_object_get_member (before, l->data));
          char *new_text = value_text (json_object_get_member (after, l->data));
          AuditChange change = { l->data, old_text, new_text };

          g_ptr_array_add (texts, old_text);
          g_ptr_array_add (texts, new_text);
          if (g_strcmp0 (old_text, new_text) != 0)
            g_array_append_val (changes, change);
        }
    }
  else
    {
      AuditChange change = { attribute, old_value, new_value };

      g_array_append_val (changes, change);
    }

  /* Later entries never sort before earlier ones. */
  if (log->len > 0)
    time_ms = MAX (time_ms, ((DemoAuditEntry *) g_ptr_array_index (log, log->len - 1))->time_ms);

  uuid = g_strdup_printf ("5e1f0000-0000-4000-8000-%012x", ++self->audit_sequence);
  add_entry (log, time_ms, uuid, &admins[0], account->id, "UPDATE", entity_class, entity_id,
             description, (const AuditChange *) changes->data, changes->len, NULL);
}

/* Search */

static gboolean
parse_time (JsonObject *criteria,
            const char *name,
            const char *unix_name,
            gint64     *time_ms)
{
  JsonNode *text_node = json_object_get_member (criteria, name);
  JsonNode *unix_node = json_object_get_member (criteria, unix_name);
  const char *text = NULL;

  if (text_node != NULL && json_node_get_value_type (text_node) == G_TYPE_STRING)
    text = json_node_get_string (text_node);
  if (unix_node != NULL && json_node_get_value_type (unix_node) == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (unix_node);

      /* Seconds or milliseconds: the docs do not say which. */
      *time_ms = value < G_GINT64_CONSTANT (100000000000) ? value * 1000 : value;
      return TRUE;
    }

  if (text != NULL && !g_str_has_suffix (text, "Z") && !g_str_has_suffix (text, "z"))
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (text, NULL);

      if (date != NULL)
        {
          *time_ms = g_date_time_to_unix (date) * 1000 +
                     g_date_time_get_microsecond (date) / 1000;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
array_allows (JsonObject *criteria,
              const char *name,
              const char *value)
{
  JsonNode *node = json_object_get_member (criteria, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (element), value) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
entry_matches (const DemoAuditEntry *entry,
               JsonObject           *criteria,
               gint64                start_ms,
               gint64                end_ms)
{
  const char *user_id = json_object_get_string_member_with_default (criteria, "createUserId",
                                                                    NULL);
  const char *entity_id = json_object_get_string_member_with_default (criteria,
                                                                      "auditedEntityId", NULL);

  return entry->time_ms >= start_ms && entry->time_ms <= end_ms &&
         array_allows (criteria, "auditActions", entry->action) &&
         array_allows (criteria, "searchEntities", entry->entity_class) &&
         (user_id == NULL || strcmp (user_id, entry->user_id) == 0) &&
         (entity_id == NULL || strcmp (entity_id, entry->entity_id) == 0);
}

static void
handle_search (RingsideDemoServer        *self,
               const RingsideDemoRequest *request,
               gboolean                   commit,
               RingsideDemoReply         *reply)
{
  g_autoptr(JsonObject) criteria = NULL;
  DemoCcAccount *account;
  const char *account_id;
  gboolean ascending;
  gint64 start_ms, end_ms;
  GPtrArray *log;
  GString *out;

  if (!ringside_demo_auth_require_access (self, request, reply))
    return;

  criteria = ringside_demo_request_json_object (request, reply);
  if (criteria == NULL)
    return;

  account_id = json_object_get_string_member_with_default (criteria, "accountId", NULL);
  if (account_id == NULL)
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_BAD_REQUEST, "Invalid request",
                                 "accountId is required");
      return;
    }

  if (!parse_time (criteria, "startDateTime", "startDateTimeAsUnix", &start_ms) ||
      !parse_time (criteria, "endDateTime", "endDateTimeAsUnix", &end_ms))
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_BAD_REQUEST, "Invalid request",
                                 "startDateTime and endDateTime are required, as ISO-8601 "
                                 "with a UTC offset");
      return;
    }

  account = ringside_demo_cc_get_account (self, request, account_id, reply);
  if (account == NULL)
    return;

  ascending = g_strcmp0 (json_object_get_string_member_with_default (criteria, "ascOrDesc",
                                                                     "DESCENDING"),
                         "ASCENDING") == 0;
  log = ensure_log (self, account);
  out = g_string_new ("[");
  for (guint i = 0; i < log->len; i++)
    {
      const DemoAuditEntry *entry = g_ptr_array_index (log, ascending ? i : log->len - 1 - i);

      if (!entry_matches (entry, criteria, start_ms, end_ms))
        continue;
      g_string_append (out, entry->json);
      g_string_append_c (out, ',');
    }
  ringside_demo_json_close (out, ']');

  ringside_demo_reply_bytes (reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE,
                             g_string_free_to_bytes (out));
}

const RingsideDemoRoute ringside_demo_audit_routes[] = {
  { "PUT", PATH_AUDIT_SEARCH, FALSE, handle_search,
    "[{\"id\":5,\"createTime\":\"yesterday\",\"authUser\":\"admin\"}]", MALFORMED_LIST_BODY },
  { NULL }
};
