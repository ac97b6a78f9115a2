/* ringside-demo-agents.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-demo-server-private.h"

/* A/agentGroups (paged) and A/agentGroups/{agentGroupId}/agents (not paged, as RingCX), one
 * agent by GET, and PUT of a whole agent, which the server keeps as sent. Agents carry the
 * secrets RingCX sends (password, sipPassword, phoneLoginPin). */

#define PATH_AGENT_GROUPS CC_ACCOUNT_PATH "*/agentGroups"
#define PATH_AGENTS       PATH_AGENT_GROUPS "/*/agents"
#define PATH_AGENT        PATH_AGENTS "/*"

/* Segments of those paths: voice/api/v1/admin/accounts/ID/agentGroups/ID/agents/ID */
#define SEGMENT_ACCOUNT 5
#define SEGMENT_GROUP   7
#define SEGMENT_AGENT   9

static const char * const agent_types[] = {
  [AGENT_TYPE_AGENT] = "AGENT",
  [AGENT_TYPE_SUPERVISOR] = "SUPERVISOR",
  [AGENT_TYPE_MULTI_SUPERVISOR] = "MULTI_SUPERVISOR",
  [AGENT_TYPE_MULTI_USER] = "MULTI_USER",
};

static const char * const locations[] = {
  "Seattle", "Chicago", "Austin", "Boston", "Remote", "Manila", "Remote", "Denver",
};

static const char * const teams[] = {
  "Blue", "Green", "Orange", "Red", "Purple", "Silver",
};

static void
append_agent_group (GString             *out,
                    const DemoCcAccount *account,
                    guint                index)
{
  const DemoAgentGroup *group = &g_array_index (account->agent_groups, DemoAgentGroup, index);

  g_string_append_c (out, '{');
  ringside_demo_json_member_int (out, "agentGroupId", account->agent_group_base + index);
  ringside_demo_json_member_string (out, "groupName", group->name);
  ringside_demo_json_member_string (out, "accountId", account->id);
  ringside_demo_json_member_bool (out, "isDefault", group->is_default);
  ringside_demo_json_member (out, "permissions");
  g_string_append (out, "[],");
  ringside_demo_json_close (out, '}');
  g_string_append_c (out, ',');
}

static void
append_username (GString         *out,
                 const DemoAgent *agent,
                 const char      *name)
{
  ringside_demo_json_member (out, name);
  g_string_append_printf (out, "\"%s.%s", ringside_demo_first_names[agent->first].slug,
                          ringside_demo_last_names[agent->last].slug);
  if (agent->email_number > 0)
    g_string_append_printf (out, "%u", agent->email_number);
  g_string_append (out, "@" EMAIL_DOMAIN "\",");
}

static void
append_date_or_null (GString    *out,
                     const char *name,
                     gint64      unix_time)
{
  if (unix_time != 0)
    ringside_demo_json_member_date (out, name, unix_time);
  else
    ringside_demo_json_member_string (out, name, NULL);
}

static void
append_generated_agent (GString             *out,
                        const DemoCcAccount *account,
                        guint                index)
{
  const DemoAgent *agent = &g_array_index (account->agents, DemoAgent, index);
  const DemoAgentGroup *group = &g_array_index (account->agent_groups, DemoAgentGroup,
                                                agent->group);
  gint32 agent_id = account->agent_base + (gint32) index;
  gboolean supervisor = agent->type != AGENT_TYPE_AGENT && agent->type != AGENT_TYPE_MULTI_USER;
  guint area_code = area_codes[agent->secret_seed % G_N_ELEMENTS (area_codes)];
  char secret[CC_SECRET_LEN];

  g_string_append_c (out, '{');
  ringside_demo_json_member_int (out, "agentId", agent_id);
  ringside_demo_json_member_int (out, "agentGroupId", account->agent_group_base + agent->group);
  ringside_demo_json_member (out, "agentGroup");
  g_string_append_printf (out, "{\"agentGroupId\":%d,\"groupName\":",
                          account->agent_group_base + agent->group);
  g_string_append_c (out, '"');
  ringside_demo_json_append_escaped (out, group->name);
  g_string_append_printf (out, "\",\"isDefault\":%s},", group->is_default ? "true" : "false");
  ringside_demo_json_member_string (out, "firstName", ringside_demo_first_names[agent->first].name);
  ringside_demo_json_member_string (out, "lastName", ringside_demo_last_names[agent->last].name);
  append_username (out, agent, "username");
  append_username (out, agent, "email");
  ringside_demo_json_member (out, "externalAgentId");
  g_string_append_printf (out, "\"NW-%06d\",", agent_id % 1000000);
  ringside_demo_json_member_string (out, "agentType", agent_types[agent->type]);
  ringside_demo_json_member_int (out, "agentRank", (agent->secret_seed >> 8) % 20);
  ringside_demo_json_member_bool (out, "isActive", agent->active);
  ringside_demo_json_member_date (out, "createdOn", agent->created);
  append_date_or_null (out, "lastLoginDate", agent->last_login);
  if (agent->linked)
    ringside_demo_json_member_int (out, "rcUserId",
                                   RC_USER_ID_BASE + G_GINT64_CONSTANT (7000000) + agent_id);
  else
    ringside_demo_json_member_string (out, "rcUserId", NULL);
  ringside_demo_json_member_bool (out, "userManagedByRC", agent->linked);

  /* What RingCX really sends, and a client must never show, log or export. */
  ringside_demo_cc_secret (secret, agent, "pw");
  ringside_demo_json_member_string (out, "password", secret);
  ringside_demo_cc_secret (secret, agent, "pin");
  ringside_demo_json_member_string (out, "phoneLoginPin", secret);
  ringside_demo_cc_secret (secret, agent, "sip");
  ringside_demo_json_member_string (out, "sipPassword", secret);
  ringside_demo_json_member (out, "sipSafeUsername");
  g_string_append_printf (out, "\"nw%d\",", agent_id);

  ringside_demo_json_member_string (out, "initLoginBaseState", "AVAILABLE");
  ringside_demo_json_member_int (out, "initLoginBaseStateId", 11786);
  ringside_demo_json_member_string (out, "ghostRnaAction",
                                    agent->secret_seed % 3 == 0 ? "PENDING" : "AVAILABLE");
  ringside_demo_json_member_bool (out, "allowInbound", agent->inbound);
  ringside_demo_json_member_bool (out, "allowOutbound", agent->outbound);
  ringside_demo_json_member_bool (out, "allowBlended", agent->inbound && agent->outbound);
  ringside_demo_json_member_bool (out, "allowChat", agent->secret_seed % 4 == 0);
  ringside_demo_json_member_int (out, "maxChats", agent->secret_seed % 4 == 0 ? 3 : 0);
  ringside_demo_json_member_bool (out, "allowAutoAnswer", TRUE);
  ringside_demo_json_member_bool (out, "defaultAutoAnswerOn", agent->secret_seed % 5 == 0);
  ringside_demo_json_member_bool (out, "allowHold", TRUE);
  ringside_demo_json_member_bool (out, "allowHangup", TRUE);
  ringside_demo_json_member_bool (out, "allowTransfer", TRUE);
  ringside_demo_json_member_bool (out, "allowManualCalls", agent->outbound);
  ringside_demo_json_member_bool (out, "allowManualIntlCalls", FALSE);
  ringside_demo_json_member_bool (out, "allowOffHook", supervisor);
  ringside_demo_json_member_bool (out, "allowCallControl", supervisor);
  ringside_demo_json_member_bool (out, "allowRequeue", TRUE);
  ringside_demo_json_member_bool (out, "allowLeadInserts", supervisor);
  ringside_demo_json_member_bool (out, "allowLoginUpdates", supervisor);
  ringside_demo_json_member_bool (out, "allowAgentStats", TRUE);
  ringside_demo_json_member_bool (out, "allowGateStats", supervisor);
  ringside_demo_json_member_bool (out, "showLeadHistory", TRUE);
  ringside_demo_json_member_string (out, "allowDirectAgentTransfer",
                                    "ALLOW_DIRECT_TRANSFER_TO_SAME_GROUP");
  ringside_demo_json_member_bool (out, "enableSoftphone", TRUE);
  ringside_demo_json_member_int (out, "softphoneId", 400000 + agent_id % 100000);
  ringside_demo_json_member_string (out, "defaultLoginDest", "softphone");
  ringside_demo_json_member (out, "altDefaultLoginDest");
  g_string_append_printf (out, "\"%u555%04u\",", area_code, agent->secret_seed % 10000);
  ringside_demo_json_member (out, "directAgentExtension");
  g_string_append_printf (out, "\"%u\",", 2000 + index % 8000);
  ringside_demo_json_member (out, "manualOutboundDefaultCallerId");
  g_string_append_printf (out, "\"%u5550100\",", area_code);
  ringside_demo_json_member_string (out, "location",
                                    locations[agent->secret_seed % G_N_ELEMENTS (locations)]);
  ringside_demo_json_member_string (out, "team", teams[agent->group % G_N_ELEMENTS (teams)]);
  ringside_demo_json_member_string (out, "allowFromIpAddresses", NULL);
  ringside_demo_json_member_bool (out, "multiAccountAgent",
                                  agent->type == AGENT_TYPE_MULTI_SUPERVISOR ||
                                  agent->type == AGENT_TYPE_MULTI_USER);
  ringside_demo_json_member_bool (out, "transientAgent", FALSE);
  ringside_demo_json_member_bool (out, "disableSupervisorMonitoring", FALSE);
  ringside_demo_json_member_string (out, "parentAgentId", NULL);
  ringside_demo_json_member (out, "regionalSettings");
  g_string_append (out, "{\"formattingLocale\":\"en-US\",\"greetingLanguage\":\"en-US\","
                        "\"homeCountry\":1,\"homeCountryCode\":\"US\",\"language\":\"en-US\","
                        "\"timeFormat\":\"12h\",\"timezone\":");
  g_string_append_printf (out, "%u},", 6 + agent->secret_seed % 4);
  ringside_demo_json_member (out, "gateAssignments");
  if (agent->inbound && account->gates->len > 0)
    g_string_append_printf (out, "[%d,%d],",
                            account->gate_base + (gint32) (index % account->gates->len),
                            account->gate_base + (gint32) ((index + 7) % account->gates->len));
  else
    g_string_append (out, "[],");
  ringside_demo_json_member (out, "dialGroupAssignments");
  if (agent->outbound && account->dial_groups->len > 0)
    g_string_append_printf (out, "[%d],", account->dial_group_base +
                                          (gint32) (index % account->dial_groups->len));
  else
    g_string_append (out, "[],");
  ringside_demo_json_member (out, "chatQueueAssignments");
  g_string_append (out, "[],");
  ringside_demo_json_member (out, "permissions");
  g_string_append (out, "[],");
  ringside_demo_json_close (out, '}');
  g_string_append_c (out, ',');
}

static void
append_agent (GString             *out,
              const DemoCcAccount *account,
              guint                index)
{
  if (g_hash_table_size (account->stored) > 0)
    {
      char key[32];
      JsonNode *stored;

      g_snprintf (key, sizeof key, "agent:%d", account->agent_base + (gint32) index);
      stored = g_hash_table_lookup (account->stored, key);
      if (stored != NULL)
        {
          ringside_demo_cc_append_stored (out, stored);
          return;
        }
    }

  append_generated_agent (out, account, index);
}

static DemoJsonList *
build_agent_groups (RingsideDemoServer *self,
                    DemoCcAccount      *account,
                    gpointer            data)
{
  DemoJsonList *list = ringside_demo_json_list_new ();

  for (guint g = 0; g < account->agent_groups->len; g++)
    {
      append_agent_group (list->text, account, g);
      ringside_demo_json_list_mark (list);
    }

  return list;
}

static DemoJsonList *
build_agents (RingsideDemoServer *self,
              DemoCcAccount      *account,
              gpointer            data)
{
  const DemoAgentGroup *group = data;
  DemoJsonList *list = ringside_demo_json_list_new ();

  g_string_set_size (list->text, 1400 * (gsize) group->n_agents);
  g_string_truncate (list->text, 0);
  for (guint a = group->first_agent; a < group->first_agent + group->n_agents; a++)
    {
      append_agent (list->text, account, a);
      ringside_demo_json_list_mark (list);
    }

  return list;
}

/* The account and, when the path names one, the agent group; FALSE with the answer in
 * @reply when either is not there. */
static gboolean
find_group (RingsideDemoServer        *self,
            const RingsideDemoRequest *request,
            RingsideDemoReply         *reply,
            DemoCcAccount            **account,
            gint                      *group)
{
  if (!ringside_demo_auth_require_access (self, request, reply))
    return FALSE;

  *account = ringside_demo_cc_get_account (self, request,
                                           ringside_demo_request_segment (request,
                                                                          SEGMENT_ACCOUNT),
                                           reply);
  if (*account == NULL)
    return FALSE;

  if (group == NULL)
    return TRUE;

  *group = ringside_demo_cc_lookup (request, ringside_demo_request_segment (request,
                                                                            SEGMENT_GROUP),
                                    (*account)->agent_group_base,
                                    (*account)->agent_groups->len, "Agent group", reply);
  return *group >= 0;
}

static void
handle_agent_groups (RingsideDemoServer        *self,
                     const RingsideDemoRequest *request,
                     gboolean                   commit,
                     RingsideDemoReply         *reply)
{
  DemoCcAccount *account;

  if (find_group (self, request, reply, &account, NULL))
    ringside_demo_cc_reply_list (self, request,
                                 ringside_demo_cc_get_list (self, account, "agentGroups",
                                                            build_agent_groups, NULL),
                                 TRUE, reply);
}

static void
handle_agents (RingsideDemoServer        *self,
               const RingsideDemoRequest *request,
               gboolean                   commit,
               RingsideDemoReply         *reply)
{
  DemoCcAccount *account;
  g_autofree char *name = NULL;
  gint group;

  if (!find_group (self, request, reply, &account, &group))
    return;

  name = g_strdup_printf ("agents:%d", group);
  ringside_demo_cc_reply_list (self, request,
                               ringside_demo_cc_get_list (self, account, name, build_agents,
                                                          &g_array_index (account->agent_groups,
                                                                          DemoAgentGroup,
                                                                          group)),
                               FALSE, reply);
}

/* The agent of the path, which must be in the group of the path. */
static gint
find_agent (RingsideDemoServer        *self,
            const RingsideDemoRequest *request,
            RingsideDemoReply         *reply,
            DemoCcAccount            **account)
{
  gint group;
  gint agent;

  if (!find_group (self, request, reply, account, &group))
    return -1;

  agent = ringside_demo_cc_lookup (request, ringside_demo_request_segment (request,
                                                                           SEGMENT_AGENT),
                                   (*account)->agent_base, (*account)->agents->len, "Agent",
                                   reply);
  if (agent >= 0 && g_array_index ((*account)->agents, DemoAgent, agent).group != group)
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_NOT_FOUND, "Agent not found", NULL);
      return -1;
    }

  return agent;
}

/* One object's JSON text, as the lists would write it, in a reply. */
static GBytes *
object_text (const DemoCcAccount *account,
             guint                index)
{
  GString *out = g_string_new (NULL);

  append_agent (out, account, index);
  g_string_truncate (out, out->len - 1);
  return g_string_free_to_bytes (out);
}

static JsonObject *
parse_object (GBytes *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, g_bytes_get_data (text, NULL),
                                   g_bytes_get_size (text), NULL))
    g_assert_not_reached ();

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
handle_agent_get (RingsideDemoServer        *self,
                  const RingsideDemoRequest *request,
                  gboolean                   commit,
                  RingsideDemoReply         *reply)
{
  DemoCcAccount *account;
  gint agent = find_agent (self, request, reply, &account);

  if (agent >= 0)
    ringside_demo_reply_bytes (reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE,
                               object_text (account, agent));
}

static void
handle_agent_put (RingsideDemoServer        *self,
                  const RingsideDemoRequest *request,
                  gboolean                   commit,
                  RingsideDemoReply         *reply)
{
  DemoCcAccount *account;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(GBytes) before_text = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *description = NULL;
  JsonNode *active;
  char *text;
  gint32 agent_id;
  gint agent;

  agent = find_agent (self, request, reply, &account);
  if (agent < 0)
    return;

  body = ringside_demo_request_json_object (request, reply);
  if (body == NULL)
    return;

  agent_id = account->agent_base + agent;
  if (!json_object_has_member (body, "agentId") ||
      json_node_get_value_type (json_object_get_member (body, "agentId")) != G_TYPE_INT64 ||
      json_object_get_int_member (body, "agentId") != agent_id)
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_BAD_REQUEST,
                                 "Invalid request",
                                 "agentId in the body must be the agent of the path");
      return;
    }

  node = json_node_init_object (json_node_alloc (), body);
  if (commit)
    {
      DemoAgent *record = &g_array_index (account->agents, DemoAgent, agent);

      before_text = object_text (account, agent);
      before = parse_object (before_text);
      description = g_strdup (json_object_get_string_member_with_default (before, "username",
                                                                           ""));
      active = json_object_get_member (body, "isActive");
      if (active != NULL && json_node_get_value_type (active) == G_TYPE_BOOLEAN)
        record->active = json_node_get_boolean (active);

      g_hash_table_insert (account->stored, g_strdup_printf ("agent:%d", agent_id),
                           json_node_ref (node));
      ringside_demo_cc_changed (account);
      ringside_demo_audit_record (self, account, "Agent", agent_id, description, before, body,
                                  NULL, NULL, NULL);
    }

  text = json_to_string (node, FALSE);
  ringside_demo_reply_bytes (reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE,
                             g_bytes_new_take (text, strlen (text)));
}

const RingsideDemoRoute ringside_demo_agents_routes[] = {
  { "GET", PATH_AGENT_GROUPS, FALSE, handle_agent_groups,
    "[{\"agentGroupId\":\"1950\",\"groupName\":42,\"isDefault\":\"no\"}]",
    MALFORMED_LIST_BODY },
  { "GET", PATH_AGENTS, FALSE, handle_agents,
    "[{\"agentId\":\"1234567\",\"firstName\":12,\"isActive\":\"yes\",\"agentType\":7}]",
    MALFORMED_LIST_BODY },
  { "GET", PATH_AGENT, FALSE, handle_agent_get,
    "{\"agentId\":\"1234567\",\"firstName\":12,\"isActive\":\"yes\"}", NULL },
  { "PUT", PATH_AGENT, FALSE, handle_agent_put, NULL, NULL },
  { NULL }
};
