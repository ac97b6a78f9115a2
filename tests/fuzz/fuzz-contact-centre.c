/* fuzz-contact-centre.c: one element of a sub-account's contact-centre lists, read by every
 * parser of them: an agent, a campaign, a queue group with its queues (gateGroups/
 * withChildren), an agent group and a dial group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "ringside-agent.h"
#include "ringside-campaign.h"
#include "ringside-group.h"
#include "ringside-queue.h"

static gboolean
matches_text (gboolean  (*matches) (gpointer, const char *),
              gpointer    item,
              const char *text)
{
  g_autofree char *needle = g_utf8_casefold (text, -1);

  return text[0] == '\0' || matches (item, needle);
}

static gboolean
agent_matches (gpointer    item,
               const char *needle)
{
  return ringside_agent_matches (item, needle);
}

static gboolean
campaign_matches (gpointer    item,
                  const char *needle)
{
  return ringside_campaign_matches (item, needle);
}

static gboolean
queue_matches (gpointer    item,
               const char *needle)
{
  return ringside_queue_matches (item, needle);
}

static void
check_agent (JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RingsideAgent) agent = ringside_agent_new_from_json (node, &error);

  ringside_fuzz_assert_outcome (agent != NULL, error);
  if (agent == NULL)
    return;

  ringside_fuzz_assert_text (ringside_agent_get_display_name (agent));
  ringside_fuzz_assert_text (ringside_agent_get_username (agent));
  ringside_fuzz_assert_text (ringside_agent_get_email (agent));
  ringside_fuzz_assert_text (ringside_agent_get_external_id (agent));
  ringside_fuzz_assert_text (ringside_agent_get_group_name (agent));
  /* A type is words, never the API's code. */
  ringside_fuzz_assert_text (ringside_agent_get_agent_type (agent));
  g_assert_null (strchr (ringside_agent_get_agent_type (agent), '_'));

  /* The search finds an agent by what the list shows of it, the group told later too. */
  g_assert_true (matches_text (agent_matches, agent, ringside_agent_get_display_name (agent)));
  g_assert_true (matches_text (agent_matches, agent, ringside_agent_get_email (agent)));
  g_assert_true (matches_text (agent_matches, agent, ringside_agent_get_agent_type (agent)));
  ringside_agent_set_group_name (agent, "Fuzzed Group");
  g_assert_true (matches_text (agent_matches, agent, "fuzzed group"));
  ringside_agent_get_display_name_sort_key (agent);
  ringside_agent_get_group_name_sort_key (agent);
  ringside_fuzz_read_properties (G_OBJECT (agent));
}

static void
check_campaign (JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RingsideCampaign) campaign = ringside_campaign_new_from_json (node, &error);

  ringside_fuzz_assert_outcome (campaign != NULL, error);
  if (campaign == NULL)
    return;

  ringside_fuzz_assert_text (ringside_campaign_get_name (campaign));
  ringside_fuzz_assert_text (ringside_campaign_get_dial_group_name (campaign));
  ringside_fuzz_assert_text (ringside_campaign_get_dial_mode (campaign));
  g_assert_null (strchr (ringside_campaign_get_dial_mode (campaign), '_'));
  g_assert_true (matches_text (campaign_matches, campaign, ringside_campaign_get_name (campaign)));
  ringside_campaign_set_dial_group (campaign, "Fuzzed", "SOME_MODE");
  g_assert_null (strchr (ringside_campaign_get_dial_mode (campaign), '_'));
  ringside_fuzz_read_properties (G_OBJECT (campaign));
}

static void
check_queue_group (JsonNode *node)
{
  g_autoptr(GPtrArray) queues = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gboolean ok = ringside_queue_parse_group_json (node, queues, &error);

  ringside_fuzz_assert_outcome (ok, error);
  /* A broken group adds nothing. */
  if (!ok)
    g_assert_cmpuint (queues->len, ==, 0);

  for (guint i = 0; i < queues->len; i++)
    {
      RingsideQueue *queue = queues->pdata[i];

      ringside_fuzz_assert_text (ringside_queue_get_name (queue));
      ringside_fuzz_assert_text (ringside_queue_get_group_name (queue));
      ringside_fuzz_assert_text (ringside_queue_get_description (queue));
      g_assert_true (matches_text (queue_matches, queue, ringside_queue_get_name (queue)));
      g_assert_true (matches_text (queue_matches, queue, ringside_queue_get_group_name (queue)));
      ringside_fuzz_read_properties (G_OBJECT (queue));
    }
}

static void
check_groups (JsonNode *node)
{
  const RingsideListKind *kinds[] = {
    &ringside_agent_groups_list_kind, &ringside_dial_groups_list_kind,
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      gboolean ok = kinds[k]->parse (node, groups, &error);

      ringside_fuzz_assert_outcome (ok, error);
      for (guint i = 0; i < groups->len; i++)
        {
          g_autofree char *id = ringside_group_dup_id_text (groups->pdata[i]);

          ringside_fuzz_assert_text (ringside_group_get_name (groups->pdata[i]));
          ringside_fuzz_read_properties (groups->pdata[i]);
        }
    }
}

static void
parse_element (JsonNode *node)
{
  check_agent (node);
  check_campaign (node);
  check_queue_group (node);
  check_groups (node);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = ringside_fuzz_parse_json ((const char *) data, size);
  JsonNode *root;
  JsonArray *array;

  if (parser == NULL || (root = json_parser_get_root (parser)) == NULL)
    return 0;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      parse_element (root);
      return 0;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    parse_element (json_array_get_element (array, i));

  return 0;
}
