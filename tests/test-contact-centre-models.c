/* test-contact-centre-models.c: agents, queues, campaigns and their groups, read tolerantly
 * and never holding a secret.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "ringside-agent.h"
#include "ringside-campaign.h"
#include "ringside-error.h"
#include "ringside-group.h"
#include "ringside-queue.h"

static const char * const secrets[] = {
  "pin-4711", "pass-word-1", "sip-secret-2", "sip-user-3", "rc-token-4", NULL,
};

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Every readable property of @object, as text, holds no secret. */
static void
assert_no_secret_in_properties (GObject *object)
{
  guint n_specs;
  g_autofree GParamSpec **specs =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_specs);

  for (guint i = 0; i < n_specs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) text = G_VALUE_INIT;
      const char *s;

      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (object, specs[i]->name, &value);
      g_value_init (&text, G_TYPE_STRING);
      if (!g_value_transform (&value, &text))
        continue;
      s = g_value_get_string (&text);
      for (guint j = 0; s != NULL && secrets[j] != NULL; j++)
        g_assert_null (strstr (s, secrets[j]));
    }
}

static void
test_agent_full (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"agentId\": 1234567, \"agentGroupId\": \"77\", \"firstName\": \"Ada\","
    " \"lastName\": \"Lovelace\", \"email\": \"ada@example.com\", \"username\": \"ada.l\","
    " \"password\": \"pass-word-1\", \"phoneLoginPin\": \"pin-4711\","
    " \"sipPassword\": \"sip-secret-2\", \"sipSafeUsername\": \"sip-user-3\","
    " \"agentType\": \"MULTI_SUPERVISOR\", \"isActive\": true, \"externalAgentId\": 99,"
    " \"createdOn\": \"2024-03-01T10:00:00.000+0000\", \"unknown\": {\"x\": [1]},"
    " \"agentGroup\": {\"agentGroupId\": 77, \"groupName\": \"Sales\"}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RingsideAgent) agent = ringside_agent_new_from_json (node, &error);
  g_autofree char *needle = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (ringside_agent_get_id (agent), ==, 1234567);
  g_assert_cmpint (ringside_agent_get_group_id (agent), ==, 77);
  g_assert_cmpstr (ringside_agent_get_group_name (agent), ==, "Sales");
  g_assert_cmpstr (ringside_agent_get_display_name (agent), ==, "Ada Lovelace");
  g_assert_cmpstr (ringside_agent_get_username (agent), ==, "ada.l");
  g_assert_cmpstr (ringside_agent_get_email (agent), ==, "ada@example.com");
  g_assert_cmpstr (ringside_agent_get_agent_type (agent), ==, "Multi-Supervisor");
  g_assert_true (ringside_agent_get_is_active (agent));
  g_assert_cmpstr (ringside_agent_get_external_id (agent), ==, "99");
  g_assert_nonnull (ringside_agent_get_created (agent));
  g_assert_cmpint (g_date_time_get_year (ringside_agent_get_created (agent)), ==, 2024);

  needle = g_utf8_casefold ("SUPERVISOR", -1);
  g_assert_true (ringside_agent_matches (agent, needle));
  g_assert_true (ringside_agent_matches (agent, "sales"));
  g_assert_true (ringside_agent_matches (agent, "1234567"));
  g_assert_false (ringside_agent_matches (agent, "pin-4711"));
  g_assert_false (ringside_agent_matches (agent, "pass-word"));

  assert_no_secret_in_properties (G_OBJECT (agent));
}

static void
test_agent_minimal (void)
{
  g_autoptr(JsonNode) node = parse ("{\"agentId\": 5, \"username\": \"solo\","
                                    " \"active\": 1, \"agentType\": \"NEW_KIND\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RingsideAgent) agent = ringside_agent_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ringside_agent_get_display_name (agent), ==, "solo");
  g_assert_cmpstr (ringside_agent_get_group_name (agent), ==, "");
  g_assert_cmpstr (ringside_agent_get_agent_type (agent), ==, "New kind");
  g_assert_true (ringside_agent_get_is_active (agent));
  g_assert_null (ringside_agent_get_created (agent));

  ringside_agent_set_group_name (agent, "Told later");
  g_assert_cmpstr (ringside_agent_get_group_name (agent), ==, "Told later");
  g_assert_true (ringside_agent_matches (agent, "told later"));
}

static void
test_agent_wrong_types (void)
{
  const char *bodies[] = {
    "[1, 2]",
    "{\"agentId\": \"not a number\"}",
    "{\"firstName\": 12}",
    "{\"isActive\": \"yes\"}",
    "{\"agentGroup\": [1]}",
    "{\"createdOn\": [\"pin-4711\"]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(JsonNode) node = parse (bodies[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(RingsideAgent) agent = ringside_agent_new_from_json (node, &error);

      g_assert_null (agent);
      g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
      g_assert_null (strstr (error->message, "pin-4711"));
    }
}

/* The secrets are not looked at: a secret of a strange type fails nothing. */
static void
test_agent_secret_types_ignored (void)
{
  g_autoptr(JsonNode) node = parse ("{\"agentId\": 5, \"password\": {\"a\": 1},"
                                    " \"phoneLoginPin\": [1, 2], \"sipPassword\": 3}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RingsideAgent) agent = ringside_agent_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_nonnull (agent);
}

static void
test_agent_types (void)
{
  const char *codes[][2] = {
    { "AGENT", "Agent" }, { "SUPERVISOR", "Supervisor" }, { "MULTI_USER", "Multi-User" },
    { "multi_supervisor", "Multi-Supervisor" }, { "", "" }, { "ODD_ONE", "Odd one" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *words = ringside_agent_type_to_words (codes[i][0]);

      g_assert_cmpstr (words, ==, codes[i][1]);
    }
}

static void
test_queue_group (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"gateGroupId\": 52653, \"groupName\": \"Support Queues\", \"billingKey\": null,"
    " \"gates\": [{\"gateId\": 1, \"gateName\": \"Tier 1\", \"gateDesc\": \"First line\","
    "             \"isActive\": true, \"gateOpen\": false, \"gatePriority\": 3},"
    "            {\"gateId\": \"2\", \"name\": \"Tier 2\"}]}");
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  RingsideQueue *queue;

  g_assert_true (ringside_queue_parse_group_json (node, out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (out->len, ==, 2);

  queue = out->pdata[0];
  g_assert_cmpint (ringside_queue_get_id (queue), ==, 1);
  g_assert_cmpint (ringside_queue_get_group_id (queue), ==, 52653);
  g_assert_cmpstr (ringside_queue_get_group_name (queue), ==, "Support Queues");
  g_assert_cmpstr (ringside_queue_get_name (queue), ==, "Tier 1");
  g_assert_cmpstr (ringside_queue_get_description (queue), ==, "First line");
  g_assert_true (ringside_queue_get_is_active (queue));
  g_assert_cmpint (ringside_queue_get_open (queue), ==, RINGSIDE_QUEUE_OPEN_NO);
  g_assert_cmpint (ringside_queue_get_priority (queue), ==, 3);
  g_assert_true (ringside_queue_matches (queue, "support"));
  g_assert_true (ringside_queue_matches (queue, "first line"));

  queue = out->pdata[1];
  g_assert_cmpint (ringside_queue_get_id (queue), ==, 2);
  g_assert_cmpstr (ringside_queue_get_name (queue), ==, "Tier 2");
  g_assert_false (ringside_queue_get_is_active (queue));
  g_assert_cmpint (ringside_queue_get_open (queue), ==, RINGSIDE_QUEUE_OPEN_UNKNOWN);
}

static void
test_queue_group_tolerant (void)
{
  const char *empty[] = {
    "{\"gateGroupId\": 1, \"groupName\": \"No gates\"}",
    "{\"gateGroupId\": 1, \"gates\": null}",
    "{\"gateGroupId\": 1, \"gates\": []}",
  };
  const char *broken[] = {
    "\"text\"",
    "{\"gateGroupId\": 1, \"gates\": {\"gateId\": 1}}",
    "{\"gateGroupId\": 1, \"gates\": [{\"gateId\": 1}, 7]}",
    "{\"gateGroupId\": 1, \"gates\": [{\"gateOpen\": \"open\"}]}",
    "{\"gateGroupId\": [1]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autoptr(JsonNode) node = parse (empty[i]);
      g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      g_assert_true (ringside_queue_parse_group_json (node, out, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (out->len, ==, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(JsonNode) node = parse (broken[i]);
      g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      g_assert_false (ringside_queue_parse_group_json (node, out, &error));
      g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
      /* Nothing of a broken group gets in. */
      g_assert_cmpuint (out->len, ==, 0);
    }
}

static void
test_campaign (void)
{
  g_autoptr(JsonNode) node = parse (
    "{\"campaignId\": 136785, \"campaignName\": \"Renewal Outreach\","
    " \"campaignDesc\": \"Outbound renewal reminders\", \"isActive\": 1,"
    " \"callerId\": \"4155550123\", \"campaignPriority\": 2,"
    " \"startDate\": \"2026-07-01T07:00:00.000+0000\","
    " \"endDate\": \"2026-12-31T07:00:00.000+0000\","
    " \"dialGroup\": {\"id\": 115793, \"description\": \"Outbound Renewals\"}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RingsideCampaign) campaign = ringside_campaign_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ringside_campaign_get_id (campaign), ==, 136785);
  g_assert_cmpint (ringside_campaign_get_dial_group_id (campaign), ==, 115793);
  g_assert_cmpstr (ringside_campaign_get_dial_group_name (campaign), ==, "Outbound Renewals");
  g_assert_cmpstr (ringside_campaign_get_name (campaign), ==, "Renewal Outreach");
  g_assert_true (ringside_campaign_get_is_active (campaign));
  g_assert_cmpint (ringside_campaign_get_priority (campaign), ==, 2);
  g_assert_cmpint (g_date_time_get_month (ringside_campaign_get_start_date (campaign)), ==, 7);
  g_assert_cmpint (g_date_time_get_month (ringside_campaign_get_end_date (campaign)), ==, 12);
  g_assert_cmpstr (ringside_campaign_get_dial_mode (campaign), ==, "");

  /* The group fills in what the campaign did not say, and only that. */
  ringside_campaign_set_dial_group (campaign, "Other name", "PREDICTIVE");
  g_assert_cmpstr (ringside_campaign_get_dial_group_name (campaign), ==, "Outbound Renewals");
  g_assert_cmpstr (ringside_campaign_get_dial_mode (campaign), ==, "Predictive");
  g_assert_true (ringside_campaign_matches (campaign, "predictive"));
}

static void
test_campaign_wrong_types (void)
{
  const char *bodies[] = {
    "null",
    "{\"campaignId\": true}",
    "{\"campaignName\": [\"x\"]}",
    "{\"isActive\": \"1\"}",
    "{\"dialGroup\": 5}",
    "{\"startDate\": true}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(JsonNode) node = parse (bodies[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(RingsideCampaign) campaign = ringside_campaign_new_from_json (node, &error);

      g_assert_null (campaign);
      g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
    }
}

static void
test_dial_modes (void)
{
  const char *codes[][2] = {
    { "PREVIEW", "Preview" }, { "CLICK_TO_TALK", "Click to Talk" },
    { "PREDICTIVE", "Predictive" }, { "POWER", "Power" }, { "TCPA_SAFE_MODE", "TCPA Safe" },
    { "ROBOT_MODE", "Robot mode" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *words = ringside_campaign_dial_mode_to_words (codes[i][0]);

      g_assert_cmpstr (words, ==, codes[i][1]);
    }
}

static void
test_groups (void)
{
  g_autoptr(JsonNode) agent_group = parse ("{\"agentGroupId\": 7, \"groupName\": \"Sales\","
                                           " \"isDefault\": false, \"permissions\": []}");
  g_autoptr(JsonNode) dial_group = parse ("{\"dialGroupId\": \"9\", \"dialGroupName\": \"Out\","
                                          " \"dialMode\": \"POWER\", \"isActive\": true}");
  g_autoptr(JsonNode) broken = parse ("{\"agentGroupId\": {}}");
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (ringside_agent_groups_list_kind.parse (agent_group, out, &error));
  g_assert_true (ringside_dial_groups_list_kind.parse (dial_group, out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ringside_group_get_id (out->pdata[0]), ==, 7);
  g_assert_cmpstr (ringside_group_get_name (out->pdata[0]), ==, "Sales");
  g_assert_cmpint (ringside_group_get_id (out->pdata[1]), ==, 9);
  g_assert_cmpstr (ringside_group_get_name (out->pdata[1]), ==, "Out");
  g_assert_cmpstr (ringside_group_get_dial_mode (out->pdata[1]), ==, "POWER");
  id = ringside_group_dup_id_text (out->pdata[1]);
  g_assert_cmpstr (id, ==, "9");

  g_assert_false (ringside_agent_groups_list_kind.parse (broken, out, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
}

/* The kinds say what the loader needs to read them, and what a view says on a 403. */
static void
test_kinds (void)
{
  const RingsideListKind *kinds[] = {
    &ringside_agents_list_kind, &ringside_queues_list_kind, &ringside_campaigns_list_kind,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const char * const values[] = { "accountId", "15", NULL };
      const RingsideListKind *top = kinds[i]->fan_out != NULL ? kinds[i]->fan_out->parent
                                                             : kinds[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *path = ringside_list_kind_expand_path (top, values, &error);

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (path, "/voice/api/v1/admin/accounts/15/"));
      g_assert_nonnull (kinds[i]->forbidden_message);
      g_assert_cmpint (top->paging, ==, RINGSIDE_LIST_PAGING_PAGE_MAX_ROWS);
    }

  g_assert_cmpstr (ringside_agents_list_kind.forbidden_message, ==,
                   "You don’t have permission to view agent groups in this account.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contact-centre-models/agent/full", test_agent_full);
  g_test_add_func ("/contact-centre-models/agent/minimal", test_agent_minimal);
  g_test_add_func ("/contact-centre-models/agent/wrong-types", test_agent_wrong_types);
  g_test_add_func ("/contact-centre-models/agent/secret-types-ignored",
                   test_agent_secret_types_ignored);
  g_test_add_func ("/contact-centre-models/agent/types", test_agent_types);
  g_test_add_func ("/contact-centre-models/queue/group", test_queue_group);
  g_test_add_func ("/contact-centre-models/queue/tolerant", test_queue_group_tolerant);
  g_test_add_func ("/contact-centre-models/campaign/full", test_campaign);
  g_test_add_func ("/contact-centre-models/campaign/wrong-types", test_campaign_wrong_types);
  g_test_add_func ("/contact-centre-models/campaign/dial-modes", test_dial_modes);
  g_test_add_func ("/contact-centre-models/groups", test_groups);
  g_test_add_func ("/contact-centre-models/kinds", test_kinds);

  return g_test_run ();
}
