/* test-agent-rest.c: the agents list has json-glib parse only the members it reads (see
 * ringside-json-cutter.h), and loses nothing a user sees: every agent it loads is the agent a
 * whole parse of the same element makes, "More" included, and no secret is kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "ringside-agent.h"
#include "ringside-error.h"
#include "ringside-json-extra.h"
#include "ringside-list-loader.h"
#include "ringside-test-utils.h"

#define TIMEOUT_SECONDS 60
#define SECRET_MARK "Sekr1t"

/* One agent as RingCX writes it, with the things a cut must get right: secrets at the top
 * and inside a member that is no secret, nulls and empty values, nested objects and lists,
 * escapes and non-ASCII letters. @variant changes which of them the agent has. */
static void
append_agent (GString *body,
              guint    id,
              guint    variant)
{
  g_string_append_printf (body,
    "{\"agentId\":%u,\"agentGroupId\":77,"
    "\"agentGroup\":{\"agentGroupId\":77,\"groupName\":\"Ni\\u00f1os \\\"A\\\"\","
    "\"isDefault\":false},"
    "\"firstName\":\"Zo\xc3\xab\",\"lastName\":\"O'Brien %u\",\"username\":\"zoe%u@x.test\","
    "\"email\":\"zoe%u@x.test\",\"externalAgentId\":\"NW-%06u\",\"agentType\":\"%s\","
    "\"agentRank\":%d,\"isActive\":%s,\"createdOn\":\"2024-03-0%uT10:00:00.000+0000\","
    "\"password\":\"" SECRET_MARK "-pw\",\"phoneLoginPin\":\"" SECRET_MARK "-pin\","
    "\"sipPassword\":\"" SECRET_MARK "-sip\","
    "\"location\":\"Line\\nbreak \\\\ and tab\\t\",\"team\":\"Blue\",\"maxChats\":%u,"
    "\"ratio\":%s,\"allowChat\":%s,\"lastLoginDate\":null,\"note\":\"\","
    "\"gateAssignments\":[%u,%u],\"chatQueueAssignments\":[],\"permissions\":[ ],"
    "\"regionalSettings\":{\"language\":\"en-US\",\"timezone\":%u,\"extra\":null,"
    "\"words\":[\"a\",\"\"]},\"empty\":{ }",
    id, id, id, id, id, variant % 2 == 0 ? "AGENT" : "MULTI_SUPERVISOR", -(int) variant,
    variant % 3 == 0 ? "true" : "false", 1 + variant % 9, variant, variant % 2 ? "3.5e2" : "-0.25",
    variant % 4 == 0 ? "true" : "false", id * 2, id * 3, variant % 5);

  /* A member that is no secret holding one: json-glib parses it and the model drops it. */
  if (variant % 3 == 1)
    g_string_append (body, ",\"sipSettings\":{\"server\":\"sip.x.test\","
                           "\"login\":{\"user\":\"u\",\"secretKey\":\"" SECRET_MARK "\"}}");
  if (variant % 4 == 2)
    g_string_append (body, ",\"devices\":[{\"name\":\"desk\",\"pin\":\"" SECRET_MARK "\"}]");
  /* Left whole by the cutter: an escaped name. */
  if (variant % 7 == 3)
    g_string_append (body, ",\"sho\\u0077n\":\"escaped name\"");
  g_string_append (body, ",\"futureMember\":{\"rollout\":[1,2,3]}}");
}

static char *
agents_body (guint n_agents)
{
  GString *body = g_string_new ("[\n");

  for (guint i = 0; i < n_agents; i++)
    {
      if (i > 0)
        g_string_append (body, ",\n");
      append_agent (body, 1000 + i, i);
    }
  g_string_append (body, "\n]");
  return g_string_free (body, FALSE);
}

/* Loads @body as one group's agents, with the agents list's own parse. */
static GPtrArray *
load_agents (const char  *body,
             GError     **error)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;
  GPtrArray *agents;

  ringside_list_loader_load_async (loader, stream, NULL, ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, TIMEOUT_SECONDS);
  if (!ringside_list_loader_load_finish (loader, result, error))
    return NULL;

  agents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
    g_ptr_array_add (agents, g_list_model_get_item (G_LIST_MODEL (items), i));
  return agents;
}

/* The same agents, each element parsed whole by json-glib, as before the cutter. */
static GPtrArray *
parse_agents_whole (const char *body)
{
  g_autoptr(JsonNode) root = json_from_string (body, NULL);
  JsonArray *array;
  GPtrArray *agents = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_nonnull (root);
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) error = NULL;
      RingsideAgent *agent = ringside_agent_new_from_json (json_array_get_element (array, i),
                                                           &error);

      g_assert_no_error (error);
      g_ptr_array_add (agents, agent);
    }
  return agents;
}

static gint64
created_unix (RingsideAgent *agent)
{
  GDateTime *created = ringside_agent_get_created (agent);

  return created != NULL ? g_date_time_to_unix (created) : 0;
}

/* Both extras, read for display, hold the same members with equal values, whatever their
 * order. */
static void
assert_same_extra (RingsideAgent *cut,
                   RingsideAgent *whole)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) cut_more = NULL;
  g_autoptr(JsonObject) whole_more = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  g_assert_nonnull (ringside_agent_get_extra_json (cut));
  g_assert_nonnull (ringside_agent_get_extra_json (whole));
  cut_more = ringside_json_extra_parse (ringside_agent_get_extra_json (cut), &error);
  g_assert_no_error (error);
  whole_more = ringside_json_extra_parse (ringside_agent_get_extra_json (whole), &error);
  g_assert_no_error (error);

  g_assert_cmpuint (json_object_get_size (cut_more), ==, json_object_get_size (whole_more));
  json_object_iter_init (&iter, whole_more);
  while (json_object_iter_next (&iter, &name, &value))
    {
      JsonNode *cut_value = json_object_get_member (cut_more, name);

      g_assert_nonnull (cut_value);
      g_assert_true (json_node_equal (cut_value, value));
    }
}

static void
assert_same_agent (RingsideAgent *cut,
                   RingsideAgent *whole)
{
  g_assert_cmpint (ringside_agent_get_id (cut), ==, ringside_agent_get_id (whole));
  g_assert_cmpint (ringside_agent_get_group_id (cut), ==, ringside_agent_get_group_id (whole));
  g_assert_cmpstr (ringside_agent_get_group_name (cut), ==,
                   ringside_agent_get_group_name (whole));
  g_assert_cmpstr (ringside_agent_get_display_name (cut), ==,
                   ringside_agent_get_display_name (whole));
  g_assert_cmpstr (ringside_agent_get_username (cut), ==, ringside_agent_get_username (whole));
  g_assert_cmpstr (ringside_agent_get_email (cut), ==, ringside_agent_get_email (whole));
  g_assert_cmpstr (ringside_agent_get_agent_type (cut), ==,
                   ringside_agent_get_agent_type (whole));
  g_assert_cmpint (ringside_agent_get_is_active (cut), ==, ringside_agent_get_is_active (whole));
  g_assert_cmpstr (ringside_agent_get_external_id (cut), ==,
                   ringside_agent_get_external_id (whole));
  g_assert_cmpint (created_unix (cut), ==, created_unix (whole));
  assert_same_extra (cut, whole);
}

static void
test_same_as_whole (void)
{
  g_autofree char *body = agents_body (300);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = load_agents (body, &error);
  g_autoptr(GPtrArray) whole = parse_agents_whole (body);

  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 300);
  for (guint i = 0; i < loaded->len; i++)
    assert_same_agent (loaded->pdata[i], whole->pdata[i]);
}

/* "More" has what no column shows, in words a user reads, and no secret at any depth. */
static void
test_more_keeps_the_rest (void)
{
  g_autofree char *body = agents_body (12);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = load_agents (body, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < loaded->len; i++)
    {
      const char *extra = ringside_agent_get_extra_json (loaded->pdata[i]);
      g_autoptr(JsonObject) more = ringside_json_extra_parse (extra, &error);
      JsonObject *settings;

      g_assert_no_error (error);
      g_assert_null (strstr (extra, SECRET_MARK));
      g_assert_cmpstr (json_object_get_string_member (more, "team"), ==, "Blue");
      g_assert_cmpstr (json_object_get_string_member (more, "location"), ==,
                       "Line\nbreak \\ and tab\t");
      g_assert_true (json_object_has_member (more, "futureMember"));
      g_assert_true (json_object_has_member (more, "gateAssignments"));
      /* Read into the model, so not "more". */
      g_assert_false (json_object_has_member (more, "firstName"));
      g_assert_false (json_object_has_member (more, "agentGroup"));
      /* Nothing, said as nothing. */
      g_assert_false (json_object_has_member (more, "lastLoginDate"));
      g_assert_false (json_object_has_member (more, "note"));
      g_assert_false (json_object_has_member (more, "permissions"));
      g_assert_false (json_object_has_member (more, "empty"));

      settings = json_object_get_object_member (more, "regionalSettings");
      g_assert_cmpstr (json_object_get_string_member (settings, "language"), ==, "en-US");
      g_assert_false (json_object_has_member (settings, "extra"));

      if (i % 3 == 1)
        {
          JsonObject *sip = json_object_get_object_member (more, "sipSettings");
          JsonObject *login;

          g_assert_cmpstr (json_object_get_string_member (sip, "server"), ==, "sip.x.test");
          login = json_object_get_object_member (sip, "login");
          g_assert_cmpstr (json_object_get_string_member (login, "user"), ==, "u");
          g_assert_false (json_object_has_member (login, "secretKey"));
        }
      if (i % 7 == 3)
        g_assert_cmpstr (json_object_get_string_member (more, "shown"), ==, "escaped name");
    }
}

/* A value the cutter finds malformed sends the element to json-glib whole, which refuses it
 * as it always did: the load fails, naming the element and quoting nothing. */
static void
test_malformed_rest_fails_as_before (void)
{
  g_autoptr(GString) body = g_string_new ("[");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = NULL;

  append_agent (body, 1, 0);
  g_string_append (body, ",{\"agentId\":2,\"firstName\":\"Ok\",\"password\":\"" SECRET_MARK
                         "\",\"mood\":tru}]");
  loaded = load_agents (body->str, &error);

  g_assert_null (loaded);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "agent 2"));
  g_assert_null (strstr (error->message, SECRET_MARK));
}

/* Text that is not UTF-8 in a member no column shows: the element goes whole, as before. */
static void
test_not_utf8_parsed_whole (void)
{
  g_autoptr(GString) body = g_string_new ("[");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = NULL;

  g_string_append (body, "{\"agentId\":5,\"firstName\":\"Ann\",\"team\":\"Bl\xff" "e\","
                         "\"location\":\"Austin\"}]");
  loaded = load_agents (body->str, &error);

  /* json-glib refuses text that is not UTF-8, and so the load does. */
  g_assert_null (loaded);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agent-rest/same-as-whole", test_same_as_whole);
  g_test_add_func ("/agent-rest/more-keeps-the-rest", test_more_keeps_the_rest);
  g_test_add_func ("/agent-rest/malformed-rest-fails-as-before",
                   test_malformed_rest_fails_as_before);
  g_test_add_func ("/agent-rest/not-utf8-parsed-whole", test_not_utf8_parsed_whole);

  return g_test_run ();
}
