/* ringside-demo-campaigns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-demo-server-private.h"

/* Dial groups and their outbound campaigns: A/dialGroups and A/dialGroups/withChildren,
 * A/dialGroups/{dialGroupId}/campaigns (all paged), one campaign by GET, and PUT of a whole
 * campaign, which the server keeps as sent. As in RingCX's spec and guide, a campaign's
 * "isActive" is a number (1 or 0) where a dial group's is a boolean. */

#define PATH_DIAL_GROUPS          CC_ACCOUNT_PATH "*/dialGroups"
#define PATH_DIAL_GROUPS_CHILDREN PATH_DIAL_GROUPS "/withChildren"
#define PATH_CAMPAIGNS            PATH_DIAL_GROUPS "/*/campaigns"
#define PATH_CAMPAIGN             PATH_CAMPAIGNS "/*"

/* Names the campaigns that a PUT stored. */
#define CAMPAIGN_KEY "campaign"

/* The spec's enum for DialGroup.dialMode. */
static const char * const dial_modes[] = {
  "PREDICTIVE", "PREVIEW", "POWER", "CLICK_TO_TALK", "TCPA_SAFE_MODE",
};

static const char * const dnc_options[] = {
  "INTERNAL_AND_NATIONAL", "INTERNAL_ONLY", "CELLULAR_AND_INTERNAL",
};

static void
append_generated_campaign (GString             *out,
                           const DemoCcAccount *account,
                           guint                index)
{
  const DemoCampaign *campaign = &g_array_index (account->campaigns, DemoCampaign, index);
  const DemoDialGroup *group = &g_array_index (account->dial_groups, DemoDialGroup,
                                               campaign->group);
  gint32 group_id = account->dial_group_base + campaign->group;
  guint area_code = area_codes[index % G_N_ELEMENTS (area_codes)];

  g_string_append_c (out, '{');
  ringside_demo_json_member_int (out, "campaignId", account->campaign_base + (gint32) index);
  ringside_demo_json_member_string (out, "campaignName", campaign->name);
  ringside_demo_json_member_string (out, "campaignDesc", group->desc);
  ringside_demo_json_member_int (out, "dialGroupId", group_id);
  ringside_demo_json_member (out, "dialGroup");
  g_string_append_printf (out, "{\"id\":%d,\"description\":\"", group_id);
  ringside_demo_json_append_escaped (out, group->name);
  g_string_append (out, "\"},");
  ringside_demo_json_member_int (out, "isActive", campaign->active ? 1 : 0);
  ringside_demo_json_member_int (out, "campaignPriority", campaign->priority);
  ringside_demo_json_member_date (out, "startDate", campaign->start);
  if (campaign->end != 0)
    ringside_demo_json_member_date (out, "endDate", campaign->end);
  else
    ringside_demo_json_member_string (out, "endDate", NULL);
  ringside_demo_json_member (out, "callerId");
  g_string_append_printf (out, "\"%u555%04u\",", area_code, 100 + index % 9000);
  ringside_demo_json_member_string (out, "countryId", "USA");
  ringside_demo_json_member_int (out, "maxPasses", campaign->max_passes);
  ringside_demo_json_member_int (out, "maxDailyPasses", MIN (campaign->max_passes, 3));
  ringside_demo_json_member_int (out, "passDelayMin", 60 * (1 + index % 4));
  ringside_demo_json_member_int (out, "maxRingTime", 25);
  ringside_demo_json_member_int (out, "maxRingTimeTransfer", 30);
  ringside_demo_json_member_int (out, "dialLoadedOrder", index % 2);
  ringside_demo_json_member_string (out, "dncScrubOption",
                                    dnc_options[index % G_N_ELEMENTS (dnc_options)]);
  ringside_demo_json_member_bool (out, "machineDetect", index % 3 != 0);
  ringside_demo_json_member_int (out, "recordCall", 1);
  ringside_demo_json_member_string (out, "recordingSettings", "RECORD_FULL_CALL");
  ringside_demo_json_member_string (out, "perspectiveRecordingMode", "DISABLED");
  ringside_demo_json_member (out, "targetAbandonRate");
  g_string_append (out, "3.0,");
  ringside_demo_json_member (out, "seedAbandonRate");
  g_string_append (out, "0.0,");
  ringside_demo_json_member (out, "seedSuccessRate");
  g_string_append (out, "0.35,");
  ringside_demo_json_member_int (out, "dispositionTimeout", 60);
  ringside_demo_json_member_int (out, "hangupOnDisposition", 0);
  ringside_demo_json_member_int (out, "showLeadInfo", 1);
  ringside_demo_json_member_bool (out, "showLeadPasses", TRUE);
  ringside_demo_json_member_bool (out, "showListName", FALSE);
  ringside_demo_json_member_bool (out, "exportFlag", FALSE);
  ringside_demo_json_member_bool (out, "useGlobalWhitelist", FALSE);
  ringside_demo_json_member_bool (out, "enableGlobalPhoneBook", TRUE);
  ringside_demo_json_member_string (out, "requeueType", "RESTRICTED");
  ringside_demo_json_member_string (out, "callingConfiguration", "SIMPLE");
  ringside_demo_json_member_string (out, "monSched", "09:00-20:00");
  ringside_demo_json_member_string (out, "tueSched", "09:00-20:00");
  ringside_demo_json_member_string (out, "wedSched", "09:00-20:00");
  ringside_demo_json_member_string (out, "thuSched", "09:00-20:00");
  ringside_demo_json_member_string (out, "friSched", "09:00-18:00");
  ringside_demo_json_member_string (out, "satSched", NULL);
  ringside_demo_json_member_string (out, "sunSched", NULL);
  ringside_demo_json_member_string (out, "aux1Label", "Account Number");
  ringside_demo_json_member_string (out, "aux2Label", "Plan");
  ringside_demo_json_member_string (out, "liveAnswerMsg", NULL);
  ringside_demo_json_member_string (out, "machAnswerMsg", NULL);
  ringside_demo_json_member (out, "permissions");
  g_string_append (out, "[],");
  ringside_demo_json_close (out, '}');
  g_string_append_c (out, ',');
}

static void
append_campaign (GString             *out,
                 const DemoCcAccount *account,
                 guint                index)
{
  if (!ringside_demo_cc_append_stored (out, account, CAMPAIGN_KEY,
                                       account->campaign_base + (gint32) index))
    append_generated_campaign (out, account, index);
}

/* What withChildren lists of each campaign, as the guide's example shows. */
static void
append_campaign_summary (GString             *out,
                         const DemoCcAccount *account,
                         guint                index)
{
  const DemoCampaign *campaign = &g_array_index (account->campaigns, DemoCampaign, index);
  gint32 campaign_id = account->campaign_base + (gint32) index;
  JsonNode *stored = ringside_demo_cc_find_stored (account, CAMPAIGN_KEY, campaign_id);
  const char *name = campaign->name;

  if (stored != NULL)
    name = json_object_get_string_member_with_default (json_node_get_object (stored),
                                                       "campaignName", name);

  g_string_append_c (out, '{');
  ringside_demo_json_member_int (out, "campaignId", campaign_id);
  ringside_demo_json_member_string (out, "campaignName", name);
  ringside_demo_json_member_int (out, "isActive", campaign->active ? 1 : 0);
  ringside_demo_json_close (out, '}');
  g_string_append_c (out, ',');
}

static DemoJsonList *
build_dial_groups (RingsideDemoServer *self,
                   DemoCcAccount      *account,
                   gpointer            data)
{
  gboolean with_children = GPOINTER_TO_INT (data);
  DemoJsonList *list = ringside_demo_json_list_new ();
  GString *out = list->text;

  for (guint g = 0; g < account->dial_groups->len; g++)
    {
      const DemoDialGroup *group = &g_array_index (account->dial_groups, DemoDialGroup, g);
      gboolean predictive = group->mode == 0 || group->mode == 4;

      g_string_append_c (out, '{');
      ringside_demo_json_member_int (out, "dialGroupId", account->dial_group_base + (gint32) g);
      ringside_demo_json_member_string (out, "dialGroupName", group->name);
      ringside_demo_json_member_string (out, "dialGroupDesc", group->desc);
      ringside_demo_json_member_string (out, "dialMode", dial_modes[group->mode]);
      ringside_demo_json_member_bool (out, "isActive", group->active);
      ringside_demo_json_member_int (out, "maxLeadsReturned", predictive ? 0 : 1);
      ringside_demo_json_member_int (out, "maxPorts", predictive ? 60 : 0);
      ringside_demo_json_member_int (out, "minPredictiveAgents", predictive ? 3 : 0);
      ringside_demo_json_member_bool (out, "progressiveEnabled", group->mode == 2);
      ringside_demo_json_member_int (out, "progressiveCallDelay", group->mode == 2 ? 5 : 0);
      ringside_demo_json_member_string (out, "allowLeadSearch", predictive ? "NO" : "YES");
      ringside_demo_json_member_bool (out, "allowPreviewLeadFilters", group->mode == 1);
      ringside_demo_json_member_bool (out, "enableAbsolutePriority", FALSE);
      ringside_demo_json_member_bool (out, "enableAgentFilter", FALSE);
      ringside_demo_json_member_bool (out, "enableListPriority", g % 3 == 0);
      ringside_demo_json_member_string (out, "hciEnabled", "DISABLED");
      ringside_demo_json_member_bool (out, "realTimeAgentData", TRUE);
      ringside_demo_json_member_bool (out, "requireFetchedLeadsCalled", FALSE);
      ringside_demo_json_member_string (out, "billingKey", NULL);
      ringside_demo_json_member (out, "agentDialGroupMembers");
      g_string_append (out, "[],");
      ringside_demo_json_member (out, "permissions");
      g_string_append (out, "[],");
      if (with_children)
        {
          ringside_demo_json_member (out, "campaigns");
          g_string_append_c (out, '[');
          for (guint c = group->first_campaign; c < group->first_campaign + group->n_campaigns;
               c++)
            append_campaign_summary (out, account, c);
          ringside_demo_json_close (out, ']');
          g_string_append_c (out, ',');
        }
      ringside_demo_json_close (out, '}');
      g_string_append_c (out, ',');
      ringside_demo_json_list_mark (list);
    }

  return list;
}

/* The spec's campaigns say 1 or 0 for isActive; a client may send a boolean. */
static void
set_campaign_active (DemoCcAccount *account,
                     guint          index,
                     JsonNode      *is_active)
{
  DemoCampaign *record = &g_array_index (account->campaigns, DemoCampaign, index);

  if (json_node_get_value_type (is_active) == G_TYPE_INT64)
    record->active = json_node_get_int (is_active) != 0;
  else if (json_node_get_value_type (is_active) == G_TYPE_BOOLEAN)
    record->active = json_node_get_boolean (is_active);
}

static const DemoCcResource campaigns = {
  .kind = DEMO_CC_CAMPAIGNS,
  .key = CAMPAIGN_KEY,
  .object_name = "Campaign",
  .group_name = "Dial group",
  .id_member = "campaignId",
  .description_member = "campaignName",
  .append = append_campaign,
  .set_active = set_campaign_active,
  .members_paged = TRUE,
};

static void
handle_dial_groups (RingsideDemoServer        *self,
                    const RingsideDemoRequest *request,
                    gboolean                   commit,
                    RingsideDemoReply         *reply)
{
  gboolean with_children = g_str_has_suffix (request->path, "/withChildren");

  ringside_demo_cc_reply_account_list (self, request,
                                       with_children ? "dialGroupsWithChildren" : "dialGroups",
                                       build_dial_groups, GINT_TO_POINTER (with_children),
                                       reply);
}

static void
handle_campaigns (RingsideDemoServer        *self,
                  const RingsideDemoRequest *request,
                  gboolean                   commit,
                  RingsideDemoReply         *reply)
{
  ringside_demo_cc_handle_members (self, request, &campaigns, reply);
}

static void
handle_campaign_get (RingsideDemoServer        *self,
                     const RingsideDemoRequest *request,
                     gboolean                   commit,
                     RingsideDemoReply         *reply)
{
  ringside_demo_cc_handle_get (self, request, &campaigns, reply);
}

static void
handle_campaign_put (RingsideDemoServer        *self,
                     const RingsideDemoRequest *request,
                     gboolean                   commit,
                     RingsideDemoReply         *reply)
{
  ringside_demo_cc_handle_put (self, request, commit, &campaigns, reply);
}

/* What RINGSIDE_DEMO_FAULT_WRONG_TYPE answers: the right members with the wrong types. */
#define WRONG_DIAL_GROUPS "[{\"dialGroupId\":\"115793\",\"dialGroupName\":false,\"dialMode\":3}]"
#define WRONG_CAMPAIGN    "{\"campaignId\":\"136785\",\"campaignName\":[],\"isActive\":\"1\"}"

const RingsideDemoRoute ringside_demo_campaigns_routes[] = {
  { "GET", PATH_DIAL_GROUPS, FALSE, handle_dial_groups, WRONG_DIAL_GROUPS, MALFORMED_LIST_BODY },
  { "GET", PATH_DIAL_GROUPS_CHILDREN, FALSE, handle_dial_groups, WRONG_DIAL_GROUPS,
    MALFORMED_LIST_BODY },
  { "GET", PATH_CAMPAIGNS, FALSE, handle_campaigns, "[" WRONG_CAMPAIGN "]", MALFORMED_LIST_BODY },
  { "GET", PATH_CAMPAIGN, FALSE, handle_campaign_get, WRONG_CAMPAIGN, NULL },
  { "PUT", PATH_CAMPAIGN, FALSE, handle_campaign_put, NULL, NULL },
  { NULL }
};
