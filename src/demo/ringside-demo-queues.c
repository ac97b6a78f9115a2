/* ringside-demo-queues.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-demo-server-private.h"

/* Queues, which RingCX's API calls gates, in queue groups (gate groups):
 * A/gateGroups/withChildren and A/gateGroups/{gateGroupId}/gates (both paged), one gate by
 * GET, and PUT …/gates/{gateId}/setIsActive with an ActiveStateBoolean, which answers a bare
 * boolean as the spec says. */

#define PATH_GATE_GROUPS_CHILDREN CC_ACCOUNT_PATH "*/gateGroups/withChildren"
#define PATH_GATES                CC_ACCOUNT_PATH "*/gateGroups/*/gates"
#define PATH_GATE                 PATH_GATES "/*"
#define PATH_GATE_SET_ACTIVE      PATH_GATE "/setIsActive"

#define QUEUE_HOURS "08:00-20:00"

static void
append_gate (GString             *out,
             const DemoCcAccount *account,
             guint                index)
{
  const DemoGate *gate = &g_array_index (account->gates, DemoGate, index);
  const DemoGateGroup *group = &g_array_index (account->gate_groups, DemoGateGroup, gate->group);
  gint32 group_id = account->gate_group_base + gate->group;
  const char *weekend_hours = gate->weekends ? QUEUE_HOURS : NULL;

  g_string_append_c (out, '{');
  ringside_demo_json_member_int (out, "gateId", account->gate_base + (gint32) index);
  ringside_demo_json_member_int (out, "gateGroupId", group_id);
  /* The guide's examples show the group as {id, description}. */
  ringside_demo_json_member (out, "gateGroup");
  g_string_append_printf (out, "{\"id\":%d,\"description\":\"", group_id);
  ringside_demo_json_append_escaped (out, group->name);
  g_string_append (out, "\"},");
  ringside_demo_json_member_string (out, "gateName", gate->name);
  ringside_demo_json_member_string (out, "gateDesc", gate->desc);
  ringside_demo_json_member_int (out, "gatePriority", gate->priority);
  ringside_demo_json_member_bool (out, "isActive", gate->active);
  ringside_demo_json_member_bool (out, "gateOpen", gate->active && gate->open);
  ringside_demo_json_member_date (out, "createdOn", gate->created);
  ringside_demo_json_member_string (out, "outboundCallerId", "ani");
  ringside_demo_json_member_string (out, "billingCode", NULL);
  ringside_demo_json_member_int (out, "recordCall", index % 6 == 5 ? 0 : 1);
  ringside_demo_json_member_string (out, "recordingSettings", "RECORD_FULL_CALL");
  ringside_demo_json_member_string (out, "perspectiveRecordingMode", "DISABLED");
  ringside_demo_json_member_int (out, "acceptTime", 30);
  ringside_demo_json_member_int (out, "slaTime", gate->sla);
  ringside_demo_json_member_int (out, "shortAbandonTime", 30);
  ringside_demo_json_member_int (out, "shortCallTime", 20);
  ringside_demo_json_member_int (out, "longCallTime", 1800);
  ringside_demo_json_member_int (out, "wrapTime", 8 + index % 4 * 15);
  ringside_demo_json_member_int (out, "dispositionTimeout", 60);
  ringside_demo_json_member_int (out, "dequeueDelay", 0);
  ringside_demo_json_member_int (out, "maxQueueLimit", 50);
  ringside_demo_json_member_int (out, "syncQueueWait", 0);
  ringside_demo_json_member_string (out, "requeueType", "ADVANCED");
  ringside_demo_json_member_bool (out, "fifoDisabled", FALSE);
  ringside_demo_json_member_bool (out, "observeDst", TRUE);
  ringside_demo_json_member_bool (out, "revMatch", FALSE);
  ringside_demo_json_member_bool (out, "ttAccept", FALSE);
  ringside_demo_json_member_bool (out, "hangupOnDisposition", FALSE);
  ringside_demo_json_member_bool (out, "enableGlobalPhoneBook", TRUE);
  ringside_demo_json_member_bool (out, "singleChannelEnabled", FALSE);
  ringside_demo_json_member_string (out, "monSched", QUEUE_HOURS);
  ringside_demo_json_member_string (out, "tueSched", QUEUE_HOURS);
  ringside_demo_json_member_string (out, "wedSched", QUEUE_HOURS);
  ringside_demo_json_member_string (out, "thuSched", QUEUE_HOURS);
  ringside_demo_json_member_string (out, "friSched", QUEUE_HOURS);
  ringside_demo_json_member_string (out, "satSched", weekend_hours);
  ringside_demo_json_member_string (out, "sunSched", weekend_hours);
  ringside_demo_json_member_string (out, "whisperMessage", NULL);
  ringside_demo_json_member_string (out, "agentPopMessage", NULL);
  ringside_demo_json_member (out, "permissions");
  g_string_append (out, "[],");
  ringside_demo_json_close (out, '}');
  g_string_append_c (out, ',');
}

static void
append_gate_group (GString             *out,
                   const DemoCcAccount *account,
                   guint                index)
{
  const DemoGateGroup *group = &g_array_index (account->gate_groups, DemoGateGroup, index);

  g_string_append_c (out, '{');
  ringside_demo_json_member_int (out, "gateGroupId", account->gate_group_base + (gint32) index);
  ringside_demo_json_member_string (out, "groupName", group->name);
  ringside_demo_json_member_string (out, "billingKey", NULL);
  ringside_demo_json_member_date (out, "createdOn", group->created);
  ringside_demo_json_member_date (out, "startDate", group->created);
  ringside_demo_json_member_string (out, "endDate", NULL);
  ringside_demo_json_member_string (out, "groupSkills", NULL);
  ringside_demo_json_member (out, "permissions");
  g_string_append (out, "[],");
  ringside_demo_json_member (out, "gates");
  g_string_append_c (out, '[');
  for (guint q = group->first_gate; q < group->first_gate + group->n_gates; q++)
    append_gate (out, account, q);
  ringside_demo_json_close (out, ']');
  g_string_append_c (out, ',');
  ringside_demo_json_close (out, '}');
  g_string_append_c (out, ',');
}

/* Gates take no PUT of a whole object: setIsActive is how a client changes one. */
static const DemoCcResource gates = {
  .kind = DEMO_CC_GATES,
  .key = "gate",
  .object_name = "Gate",
  .group_name = "Gate group",
  .append = append_gate,
  .members_paged = TRUE,
};

static DemoJsonList *
build_gate_groups (RingsideDemoServer *self,
                   DemoCcAccount      *account,
                   gpointer            data)
{
  return ringside_demo_json_list_build (account, 0, account->gate_groups->len,
                                        append_gate_group, 0);
}

static void
handle_gate_groups (RingsideDemoServer        *self,
                    const RingsideDemoRequest *request,
                    gboolean                   commit,
                    RingsideDemoReply         *reply)
{
  ringside_demo_cc_reply_account_list (self, request, "gateGroups", build_gate_groups, NULL,
                                       reply);
}

static void
handle_gates (RingsideDemoServer        *self,
              const RingsideDemoRequest *request,
              gboolean                   commit,
              RingsideDemoReply         *reply)
{
  ringside_demo_cc_handle_members (self, request, &gates, reply);
}

static void
handle_gate (RingsideDemoServer        *self,
             const RingsideDemoRequest *request,
             gboolean                   commit,
             RingsideDemoReply         *reply)
{
  ringside_demo_cc_handle_get (self, request, &gates, reply);
}

static void
handle_gate_set_active (RingsideDemoServer        *self,
                        const RingsideDemoRequest *request,
                        gboolean                   commit,
                        RingsideDemoReply         *reply)
{
  DemoCcAccount *account;
  DemoGate *record;
  gboolean active;
  gint gate;

  if (!ringside_demo_cc_find (self, request, &gates, reply, &account, NULL, &gate) ||
      !ringside_demo_request_is_active (request, reply, &active))
    return;

  record = &g_array_index (account->gates, DemoGate, gate);
  if (commit && record->active != active)
    {
      record->active = active;
      ringside_demo_cc_changed (account);
      ringside_demo_audit_record (self, account, "Gate", account->gate_base + gate, record->name,
                                  NULL, NULL, "isActive", active ? "false" : "true",
                                  active ? "true" : "false");
    }

  ringside_demo_reply_text (reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE, "true");
}

const RingsideDemoRoute ringside_demo_queues_routes[] = {
  { "GET", PATH_GATE_GROUPS_CHILDREN, FALSE, handle_gate_groups,
    "[{\"gateGroupId\":\"52653\",\"groupName\":[],\"gates\":{}}]", MALFORMED_LIST_BODY },
  { "GET", PATH_GATES, FALSE, handle_gates,
    "[{\"gateId\":\"72992\",\"gateName\":1,\"isActive\":\"true\"}]", MALFORMED_LIST_BODY },
  { "GET", PATH_GATE, FALSE, handle_gate,
    "{\"gateId\":\"72992\",\"gateName\":1,\"isActive\":\"true\"}", NULL },
  { "PUT", PATH_GATE_SET_ACTIVE, FALSE, handle_gate_set_active, NULL, NULL },
  { NULL }
};
