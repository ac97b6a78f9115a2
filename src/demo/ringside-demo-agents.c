/* ringside-demo-agents.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-demo-server-private.h"

/* A/agentGroups (paged) and A/agentGroups/{agentGroupId}/agents (not paged, as RingCX), one
 * agent by GET, and PUT of a whole agent, which the server keeps as sent. Agents carry the
 * secrets RingCX sends (password, sipPassword, phoneLoginPin). */

#define PATH_AGENT_GROUPS CC_ACCOUNT_PATH "*/agentGroups"
#define PATH_AGENTS       PATH_AGENT_GROUPS "/*/agents"
#define PATH_AGENT        PATH_AGENTS "/*"

/* Names the agents that a PUT stored. */
#define AGENT_KEY "agent"

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
  if (!ringside_demo_cc_append_stored (out, account, AGENT_KEY,
                                       account->agent_base + (gint32) index))
    append_generated_agent (out, account, index);
}

/* A PUT's isActive, a boolean, is the agent's from then on. */
static void
set_agent_active (DemoCcAccount *account,
                  guint          index,
                  JsonNode      *is_active)
{
  if (json_node_get_value_type (is_active) == G_TYPE_BOOLEAN)
    g_array_index (account->agents, DemoAgent, index).active = json_node_get_boolean (is_active);
}

static const DemoCcResource agents = {
  .kind = DEMO_CC_AGENTS,
  .key = AGENT_KEY,
  .object_name = "Agent",
  .group_name = "Agent group",
  .id_member = "agentId",
  .description_member = "username",
  .append = append_agent,
  .set_active = set_agent_active,
  .members_paged = FALSE,
  /* What an agent takes, give or take: the big account has a hundred thousand of them. */
  .item_size = 1400,
};

static DemoJsonList *
build_agent_groups (RingsideDemoServer *self,
                    DemoCcAccount      *account,
                    gpointer            data)
{
  return ringside_demo_json_list_build (account, 0, account->agent_groups->len,
                                        append_agent_group, 0);
}

static void
handle_agent_groups (RingsideDemoServer        *self,
                     const RingsideDemoRequest *request,
                     gboolean                   commit,
                     RingsideDemoReply         *reply)
{
  ringside_demo_cc_reply_account_list (self, request, "agentGroups", build_agent_groups, NULL,
                                       reply);
}

static void
handle_agents (RingsideDemoServer        *self,
               const RingsideDemoRequest *request,
               gboolean                   commit,
               RingsideDemoReply         *reply)
{
  ringside_demo_cc_handle_members (self, request, &agents, reply);
}

static void
handle_agent_get (RingsideDemoServer        *self,
                  const RingsideDemoRequest *request,
                  gboolean                   commit,
                  RingsideDemoReply         *reply)
{
  ringside_demo_cc_handle_get (self, request, &agents, reply);
}

static void
handle_agent_put (RingsideDemoServer        *self,
                  const RingsideDemoRequest *request,
                  gboolean                   commit,
                  RingsideDemoReply         *reply)
{
  ringside_demo_cc_handle_put (self, request, commit, &agents, reply);
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
