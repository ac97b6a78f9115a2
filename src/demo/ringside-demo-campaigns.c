/* ringside-demo-campaigns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-demo-server-private.h"

/* Dial groups and their outbound campaigns: A/dialGroups and A/dialGroups/withChildren,
 * A/dialGroups/{dialGroupId}/campaigns (all paged), one campaign by GET, and PUT of a whole
 * campaign, which the server keeps as sent. As in RingCX's spec and guide, a campaign's
 * "isActive" is a number (1 or 0) where a dial group's is a boolean. */

#define PATH_DIAL_GROUPS          CC_ACCOUNT_PATH "*/dialGroups"
#define PATH_DIAL_GROUPS_CHILDREN PATH_DIAL_GROUPS "/withChildren"
#define PATH_CAMPAIGNS            PATH_DIAL_GROUPS "/*/campaigns"
#define PATH_CAMPAIGN             PATH_CAMPAIGNS "/*"

/* voice/api/v1/admin/accounts/ID/dialGroups/ID/campaigns/ID */
#define SEGMENT_ACCOUNT  5
#define SEGMENT_GROUP    7
#define SEGMENT_CAMPAIGN 9

/* The spec's enum for DialGroup.dialMode. */
static const char * const dial_modes[] = {
  "PREDICTIVE", "PREVIEW", "POWER", "CLICK_TO_TALK", "TCPA_SAFE_MODE",
};

static const char * const dnc_options[] = {
  "INTERNAL_AND_NATIONAL", "INTERNAL_ONLY", "CELLULAR_AND_INTERNAL",
};

static JsonNode *
find_stored (const DemoCcAccount *account,
             gint32               campaign_id)
{
  char key[32];

  if (g_hash_table_size (account->stored) == 0)
    return NULL;

  g_snprintf (key, sizeof key, "campaign:%d", campaign_id);
  return g_hash_table_lookup (account->stored, key);
}

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
  JsonNode *stored = find_stored (account, account->campaign_base + (gint32) index);

  if (stored != NULL)
    ringside_demo_cc_append_stored (out, stored);
  else
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
  JsonNode *stored = find_stored (account, campaign_id);
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

static DemoJsonList *
build_campaigns (RingsideDemoServer *self,
                 DemoCcAccount      *account,
                 gpointer            data)
{
  const DemoDialGroup *group = data;
  DemoJsonList *list = ringside_demo_json_list_new ();

  for (guint c = group->first_campaign; c < group->first_campaign + group->n_campaigns; c++)
    {
      append_campaign (list->text, account, c);
      ringside_demo_json_list_mark (list);
    }

  return list;
}

static gboolean
find_objects (RingsideDemoServer        *self,
              const RingsideDemoRequest *request,
              RingsideDemoReply         *reply,
              DemoCcAccount            **account,
              gint                      *group,
              gint                      *campaign)
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

  *group = ringside_demo_cc_lookup (request,
                                    ringside_demo_request_segment (request, SEGMENT_GROUP),
                                    (*account)->dial_group_base, (*account)->dial_groups->len,
                                    "Dial group", reply);
  if (*group < 0)
    return FALSE;
  if (campaign == NULL)
    return TRUE;

  *campaign = ringside_demo_cc_lookup (request,
                                       ringside_demo_request_segment (request, SEGMENT_CAMPAIGN),
                                       (*account)->campaign_base, (*account)->campaigns->len,
                                       "Campaign", reply);
  if (*campaign < 0)
    return FALSE;

  if (g_array_index ((*account)->campaigns, DemoCampaign, *campaign).group != *group)
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_NOT_FOUND, "Campaign not found",
                                 NULL);
      return FALSE;
    }

  return TRUE;
}

static void
handle_dial_groups (RingsideDemoServer        *self,
                    const RingsideDemoRequest *request,
                    gboolean                   commit,
                    RingsideDemoReply         *reply)
{
  gboolean with_children = g_str_has_suffix (request->path, "/withChildren");
  DemoCcAccount *account;

  if (find_objects (self, request, reply, &account, NULL, NULL))
    ringside_demo_cc_reply_list (self, request,
                                 ringside_demo_cc_get_list (self, account,
                                                            with_children
                                                              ? "dialGroupsWithChildren"
                                                              : "dialGroups",
                                                            build_dial_groups,
                                                            GINT_TO_POINTER (with_children)),
                                 TRUE, reply);
}

static void
handle_campaigns (RingsideDemoServer        *self,
                  const RingsideDemoRequest *request,
                  gboolean                   commit,
                  RingsideDemoReply         *reply)
{
  DemoCcAccount *account;
  g_autofree char *name = NULL;
  gint group;

  if (!find_objects (self, request, reply, &account, &group, NULL))
    return;

  name = g_strdup_printf ("campaigns:%d", group);
  ringside_demo_cc_reply_list (self, request,
                               ringside_demo_cc_get_list (self, account, name, build_campaigns,
                                                          &g_array_index (account->dial_groups,
                                                                          DemoDialGroup,
                                                                          group)),
                               TRUE, reply);
}

static GBytes *
campaign_text (const DemoCcAccount *account,
               guint                index)
{
  GString *out = g_string_new (NULL);

  append_campaign (out, account, index);
  g_string_truncate (out, out->len - 1);
  return g_string_free_to_bytes (out);
}

static void
handle_campaign_get (RingsideDemoServer        *self,
                     const RingsideDemoRequest *request,
                     gboolean                   commit,
                     RingsideDemoReply         *reply)
{
  DemoCcAccount *account;
  gint group, campaign;

  if (find_objects (self, request, reply, &account, &group, &campaign))
    ringside_demo_reply_bytes (reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE,
                               campaign_text (account, campaign));
}

static void
handle_campaign_put (RingsideDemoServer        *self,
                     const RingsideDemoRequest *request,
                     gboolean                   commit,
                     RingsideDemoReply         *reply)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonNode) node = NULL;
  DemoCcAccount *account;
  JsonNode *id;
  gint32 campaign_id;
  gint group, campaign;
  char *text;

  if (!find_objects (self, request, reply, &account, &group, &campaign))
    return;

  body = ringside_demo_request_json_object (request, reply);
  if (body == NULL)
    return;

  campaign_id = account->campaign_base + campaign;
  id = json_object_get_member (body, "campaignId");
  if (id == NULL || json_node_get_value_type (id) != G_TYPE_INT64 ||
      json_node_get_int (id) != campaign_id)
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_BAD_REQUEST, "Invalid request",
                                 "campaignId in the body must be the campaign of the path");
      return;
    }

  node = json_node_init_object (json_node_alloc (), body);
  if (commit)
    {
      DemoCampaign *record = &g_array_index (account->campaigns, DemoCampaign, campaign);
      g_autoptr(GBytes) before_text = campaign_text (account, campaign);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *before;
      JsonNode *active = json_object_get_member (body, "isActive");
      g_autofree char *description = NULL;

      json_parser_load_from_data (parser, g_bytes_get_data (before_text, NULL),
                                  g_bytes_get_size (before_text), NULL);
      before = json_node_get_object (json_parser_get_root (parser));
      description = g_strdup (json_object_get_string_member_with_default (before,
                                                                          "campaignName", ""));
      /* The spec's campaigns say 1 or 0; a client may send a boolean. */
      if (active != NULL && json_node_get_value_type (active) == G_TYPE_INT64)
        record->active = json_node_get_int (active) != 0;
      else if (active != NULL && json_node_get_value_type (active) == G_TYPE_BOOLEAN)
        record->active = json_node_get_boolean (active);

      g_hash_table_insert (account->stored, g_strdup_printf ("campaign:%d", campaign_id),
                           json_node_ref (node));
      ringside_demo_cc_changed (account);
      ringside_demo_audit_record (self, account, "Campaign", campaign_id, description, before,
                                  body, NULL, NULL, NULL);
    }

  text = json_to_string (node, FALSE);
  ringside_demo_reply_bytes (reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE,
                             g_bytes_new_take (text, strlen (text)));
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
