/* test-changes.c
 *
 * Enabling and disabling users, agents, queues and campaigns, Ringside's journal of it and
 * RingCX's audit log, against the demo server (a real SoupServer on 127.0.0.1) with a
 * session signed in through a real keyring. Every test checks what the server holds
 * afterwards with a fresh GET, and what it received.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "ringside-active-change.h"
#include "ringside-audit-log.h"
#include "ringside-change-log.h"
#include "ringside-demo-server.h"
#include "ringside-error.h"
#include "ringside-test-utils.h"

#define USERS_PATH   "/voice/api/v1/admin/users"
#define AUDIT_PATH   "/voice/api/v1/admin/auditLogs/search"
#define REFRESH_PATH "/api/auth/token/refresh"

typedef struct
{
  RingsideDemoServer *server;
  RingsideSession    *session;
  char               *account_id;  /* the first sub-account, which has a contact centre */
} Fixture;

/* An object of the demo's data to change: its IDs, name and path. */
typedef struct
{
  gint64  group_id;
  gint64  id;
  char   *name;
  char   *path;
} Target;

static void
target_clear (Target *target)
{
  g_free (target->name);
  g_free (target->path);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RingsideClient) client = NULL;
  g_autoptr(GError) error = NULL;

  fixture->server = ringside_demo_server_new ();
  ringside_demo_server_set_sizes (fixture->server, 3, 40);
  ringside_demo_server_set_contact_centre_size (fixture->server, 3, 30);
  g_assert_true (ringside_demo_server_start (fixture->server, &error));
  g_assert_no_error (error);
  fixture->account_id = ringside_demo_server_get_account_id (fixture->server, 1);

  /* @data: a timeout in seconds for the client, which connections take when they are
   * made, so it is set before any is. */
  client = ringside_client_new ();
  if (data != NULL)
    ringside_client_set_timeout (client, GPOINTER_TO_UINT (data));
  fixture->session = ringside_session_new (ringside_demo_server_get_url (fixture->server),
                                           ringside_demo_server_get_url (fixture->server),
                                           NULL, client);
  g_assert_true (ringside_test_sign_in (fixture->session, RINGSIDE_DEMO_RC_ACCESS_TOKEN,
                                        &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *log = ringside_test_log_dup ();

  /* Agents' passwords, PINs and SIP passwords crossed the wire whole; none may be logged. */
  g_assert_null (strstr (log, RINGSIDE_DEMO_SECRET_MARKER));

  g_clear_object (&fixture->session);
  ringside_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  g_free (fixture->account_id);
  ringside_test_log_clear ();
}

/* Helpers */

static JsonNode *
fetch (Fixture    *fixture,
       const char *path)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = ringside_test_fetch (fixture->session, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static char *
cc_path (Fixture    *fixture,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static char *
cc_path (Fixture    *fixture,
         const char *format,
         ...)
{
  g_autofree char *rest = NULL;
  va_list args;

  va_start (args, format);
  rest = g_strdup_vprintf (format, args);
  va_end (args);

  return g_strconcat ("/voice/api/v1/admin/accounts/", fixture->account_id, rest, NULL);
}

static gboolean
apply (Fixture               *fixture,
       RingsideActiveChange  *change,
       GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;

  ringside_active_change_apply_async (change, fixture->session, NULL,
                                      ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);
  return ringside_active_change_apply_finish (change, result, error);
}

static void
apply_ok (Fixture              *fixture,
          RingsideActiveChange *change)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (apply (fixture, change, &error));
  g_assert_no_error (error);
}

/* The request body the server received last at @path, parsed. */
static JsonNode *
last_body (Fixture    *fixture,
           const char *path)
{
  GPtrArray *requests = ringside_demo_server_get_requests (fixture->server);

  for (guint i = requests->len; i > 0; i--)
    {
      const RingsideDemoRequest *request = g_ptr_array_index (requests, i - 1);

      if (g_str_equal (request->path, path) && request->body != NULL)
        {
          g_autoptr(GError) error = NULL;
          JsonNode *node = json_from_string (g_bytes_get_data (request->body, NULL), &error);

          g_assert_no_error (error);
          return node;
        }
    }

  g_error ("The server never received a body at %s", path);
  return NULL;
}

static guint
count_method (Fixture    *fixture,
              const char *method,
              const char *path)
{
  GPtrArray *requests = ringside_demo_server_get_requests (fixture->server);
  guint count = 0;

  for (guint i = 0; i < requests->len; i++)
    {
      const RingsideDemoRequest *request = g_ptr_array_index (requests, i);

      count += g_str_equal (request->method, method) && g_str_equal (request->path, path);
    }

  return count;
}

/* A user that is enabled and not the root (whose switch a real admin would not flip). */
static void
find_user (Fixture *fixture,
           Target  *target)
{
  g_autoptr(JsonNode) users = fetch (fixture, USERS_PATH "?flatten=true");
  JsonArray *array = json_node_get_array (users);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *user = json_array_get_object_element (array, i);

      if (json_object_get_boolean_member_with_default (user, "rootUser", FALSE) ||
          !json_object_get_boolean_member_with_default (user, "enabled", FALSE))
        continue;

      target->id = json_object_get_int_member (user, "userId");
      target->name = g_strdup (json_object_get_string_member (user, "fullName"));
      target->path = g_strdup_printf (USERS_PATH "/%" G_GINT64_FORMAT "/setIsActive",
                                      target->id);
      return;
    }

  g_error ("The demo has no enabled user");
}

static gboolean
user_enabled (Fixture *fixture,
              gint64   user_id)
{
  g_autoptr(JsonNode) users = fetch (fixture, USERS_PATH "?flatten=true");
  JsonArray *array = json_node_get_array (users);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *user = json_array_get_object_element (array, i);

      if (json_object_get_int_member (user, "userId") == user_id)
        return json_object_get_boolean_member (user, "enabled");
    }

  g_error ("User %" G_GINT64_FORMAT " is gone", user_id);
  return FALSE;
}

static gboolean
is_active (JsonObject *object)
{
  JsonNode *flag = json_object_get_member (object, "isActive");

  if (json_node_get_value_type (flag) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (flag);
  return json_node_get_int (flag) != 0;
}

/* The first active member of the first group's @children list that has one. */
static void
find_in_groups (Fixture    *fixture,
                const char *groups_path,
                const char *group_member,
                const char *children,
                const char *id_member,
                const char *name_member,
                const char *group_segment,
                Target     *target)
{
  g_autoptr(JsonNode) groups = fetch (fixture, groups_path);
  JsonArray *array = json_node_get_array (groups);

  for (guint g = 0; g < json_array_get_length (array); g++)
    {
      JsonObject *group = json_array_get_object_element (array, g);
      JsonArray *members = json_object_get_array_member (group, children);

      for (guint i = 0; members != NULL && i < json_array_get_length (members); i++)
        {
          JsonObject *object = json_array_get_object_element (members, i);

          if (!is_active (object))
            continue;

          target->group_id = json_object_get_int_member (group, group_member);
          target->id = json_object_get_int_member (object, id_member);
          target->name = g_strdup (json_object_get_string_member (object, name_member));
          target->path = cc_path (fixture, "/%s/%" G_GINT64_FORMAT "/%s/%" G_GINT64_FORMAT,
                                  group_segment, target->group_id, children, target->id);
          return;
        }
    }

  g_error ("No active %s under %s", children, groups_path);
}

static void
find_queue (Fixture *fixture,
            Target  *target)
{
  g_autofree char *path = cc_path (fixture, "/gateGroups/withChildren");

  find_in_groups (fixture, path, "gateGroupId", "gates", "gateId", "gateName", "gateGroups",
                  target);
}

static void
find_campaign (Fixture *fixture,
               Target  *target)
{
  g_autofree char *path = cc_path (fixture, "/dialGroups/withChildren");

  find_in_groups (fixture, path, "dialGroupId", "campaigns", "campaignId", "campaignName",
                  "dialGroups", target);
}

static void
find_agent (Fixture *fixture,
            Target  *target)
{
  g_autoptr(GArray) groups = ringside_demo_server_get_agent_group_ids (fixture->server,
                                                                       fixture->account_id);

  for (guint g = 0; g < groups->len; g++)
    {
      gint64 group_id = g_array_index (groups, gint, g);
      g_autofree char *path = cc_path (fixture, "/agentGroups/%" G_GINT64_FORMAT "/agents",
                                       group_id);
      g_autoptr(JsonNode) agents = fetch (fixture, path);
      JsonArray *array = json_node_get_array (agents);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *agent = json_array_get_object_element (array, i);

          if (!is_active (agent))
            continue;

          target->group_id = group_id;
          target->id = json_object_get_int_member (agent, "agentId");
          target->name = g_strdup_printf ("%s %s",
                                          json_object_get_string_member (agent, "firstName"),
                                          json_object_get_string_member (agent, "lastName"));
          target->path = cc_path (fixture, "/agentGroups/%" G_GINT64_FORMAT "/agents/%"
                                  G_GINT64_FORMAT, group_id, target->id);
          return;
        }
    }

  g_error ("No active agent");
}

static gboolean
queue_active (Fixture *fixture,
              Target  *queue)
{
  g_autoptr(JsonNode) gate = fetch (fixture, queue->path);

  return json_object_get_boolean_member (json_node_get_object (gate), "isActive");
}

/* Every member of @after but isActive is the same node as in @before, no member is missing
 * or added, and isActive has @before's JSON type and the value @active. */
static void
assert_only_flag_changed (JsonNode *before,
                          JsonNode *after,
                          gboolean  active)
{
  JsonObject *old_object = json_node_get_object (before);
  JsonObject *new_object = json_node_get_object (after);
  g_autoptr(GList) names = json_object_get_members (old_object);
  JsonNode *old_flag = json_object_get_member (old_object, "isActive");
  JsonNode *new_flag = json_object_get_member (new_object, "isActive");

  g_assert_cmpuint (json_object_get_size (new_object), ==, json_object_get_size (old_object));
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *old_member = json_object_get_member (old_object, l->data);
      JsonNode *new_member = json_object_get_member (new_object, l->data);

      g_assert_nonnull (new_member);
      if (!g_str_equal (l->data, "isActive") && !json_node_equal (old_member, new_member))
        g_error ("Member %s changed", (const char *) l->data);
    }

  g_assert_true (json_node_get_value_type (new_flag) == json_node_get_value_type (old_flag));
  g_assert_cmpint (is_active (new_object), ==, active);
}

static RingsideChangeRecord *
journal_item (Fixture *fixture,
              guint    position)
{
  GListModel *journal = G_LIST_MODEL (ringside_change_log_get_for_session (fixture->session));

  return g_list_model_get_item (journal, position);
}

/* Users */

static void
test_user_disable_enable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(Target) user = { 0 };
  g_autoptr(RingsideActiveChange) disable = NULL;
  g_autoptr(RingsideActiveChange) undo = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(RingsideChangeRecord) newest = NULL;
  g_autoptr(RingsideChangeRecord) oldest = NULL;
  g_autofree char *question = NULL;
  g_autofree char *done = NULL;
  GListModel *journal;

  find_user (fixture, &user);
  disable = ringside_active_change_new_user (user.id, user.name, FALSE);

  question = ringside_active_change_dup_question (disable);
  g_assert_true (g_str_has_prefix (question, "Disable user “"));
  g_assert_nonnull (strstr (question, user.name));
  g_assert_cmpstr (ringside_active_change_get_confirm_label (disable), ==, "Disable");
  g_assert_true (ringside_active_change_is_destructive (disable));
  /* Nothing is sent by making the change or its texts. */
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, user.path), ==, 0);

  apply_ok (fixture, disable);
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, user.path), ==, 1);
  body = last_body (fixture, user.path);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (body), "isActive"));
  g_assert_cmpuint (json_object_get_size (json_node_get_object (body)), ==, 1);
  g_assert_false (user_enabled (fixture, user.id));

  done = ringside_active_change_dup_done_message (disable);
  g_assert_true (g_str_has_prefix (done, "Disabled user “"));

  undo = ringside_active_change_reverse (disable);
  g_assert_true (ringside_active_change_get_new_active (undo));
  g_assert_false (ringside_active_change_is_destructive (undo));
  g_assert_cmpstr (ringside_active_change_get_confirm_label (undo), ==, "Enable");
  apply_ok (fixture, undo);
  g_assert_true (user_enabled (fixture, user.id));

  journal = G_LIST_MODEL (ringside_change_log_get_for_session (fixture->session));
  g_assert_cmpuint (g_list_model_get_n_items (journal), ==, 2);
  newest = journal_item (fixture, 0);
  oldest = journal_item (fixture, 1);
  g_assert_true (ringside_change_record_get_new_active (newest));
  g_assert_false (ringside_change_record_get_new_active (oldest));
  g_assert_cmpint (ringside_change_record_get_status (oldest), ==,
                   RINGSIDE_CHANGE_STATUS_SUCCEEDED);
  g_assert_cmpstr (ringside_change_record_get_message (oldest), ==, done);
  g_assert_cmpint (ringside_change_record_get_object_id (oldest), ==, user.id);
  g_assert_cmpint (ringside_change_record_get_kind (oldest), ==, RINGSIDE_CHANGE_KIND_USER);
  /* Who: the signed-in admin, as the session knows them. */
  g_assert_cmpstr (ringside_change_record_get_who (oldest), ==,
                   ringside_session_get_user_display_name (fixture->session));
  g_assert_true (g_date_time_compare (ringside_change_record_get_time (newest),
                                      ringside_change_record_get_time (oldest)) >= 0);
}

/* Queues */

static void
test_queue_disable_enable (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(Target) queue = { 0 };
  g_autoptr(RingsideActiveChange) disable = NULL;
  g_autoptr(RingsideActiveChange) undo = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *put_path = NULL;

  find_queue (fixture, &queue);
  put_path = g_strconcat (queue.path, "/setIsActive", NULL);
  disable = ringside_active_change_new_queue (fixture->account_id, queue.group_id, queue.id,
                                              queue.name, FALSE);
  g_assert_cmpstr (ringside_active_change_get_path (disable), ==, queue.path);

  apply_ok (fixture, disable);
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, put_path), ==, 1);
  body = last_body (fixture, put_path);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (body), "isActive"));
  g_assert_false (queue_active (fixture, &queue));

  undo = ringside_active_change_reverse (disable);
  apply_ok (fixture, undo);
  g_assert_true (queue_active (fixture, &queue));
}

/* Agents and campaigns: the whole object, as RingCX sent it */

static void
add_unknown_member (Fixture    *fixture,
                    const char *path)
{
  g_autoptr(JsonNode) object = fetch (fixture, path);
  g_autoptr(JsonNode) copy = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *pending = NULL;
  g_autoptr(JsonObject) edited = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  /* A setting RingCX may add one day, which no model of Ringside's knows. */
  json_object_iter_init_ordered (&iter, json_node_get_object (object));
  while (json_object_iter_next_ordered (&iter, &name, &node))
    json_object_set_member (edited, name, json_node_ref (node));
  json_object_set_member (edited, "futureSetting",
                          json_from_string ("{\"mode\":\"x\",\"levels\":[1,2.5,null]}", NULL));
  copy = json_node_init_object (json_node_alloc (), edited);

  ringside_session_send_json_async (fixture->session, "PUT", path, copy, NULL,
                                    ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);
  answer = ringside_session_send_json_finish (fixture->session, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (answer);
}

static void
test_agent_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Target) agent = { 0 };
  g_autoptr(RingsideActiveChange) disable = NULL;
  g_autoptr(RingsideActiveChange) undo = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) sent = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) restored = NULL;

  find_agent (fixture, &agent);
  add_unknown_member (fixture, agent.path);
  before = fetch (fixture, agent.path);
  g_assert_true (json_object_has_member (json_node_get_object (before), "futureSetting"));
  g_assert_true (json_node_get_value_type (json_object_get_member (json_node_get_object (before),
                                                                   "isActive")) ==
                 G_TYPE_BOOLEAN);

  disable = ringside_active_change_new_agent (fixture->account_id, agent.group_id, agent.id,
                                              agent.name, FALSE);
  ringside_demo_server_clear_requests (fixture->server);
  apply_ok (fixture, disable);

  /* Fetched fresh, then the whole object PUT back once. */
  g_assert_cmpuint (count_method (fixture, "GET", agent.path), ==, 1);
  g_assert_cmpuint (count_method (fixture, "PUT", agent.path), ==, 1);
  sent = last_body (fixture, agent.path);
  assert_only_flag_changed (before, sent, FALSE);
  after = fetch (fixture, agent.path);
  assert_only_flag_changed (before, after, FALSE);

  undo = ringside_active_change_reverse (disable);
  apply_ok (fixture, undo);
  restored = fetch (fixture, agent.path);
  g_assert_true (json_node_equal (before, restored));
}

static void
test_campaign_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(Target) campaign = { 0 };
  g_autoptr(RingsideActiveChange) disable = NULL;
  g_autoptr(RingsideActiveChange) undo = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) sent = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) restored = NULL;
  JsonNode *flag;

  find_campaign (fixture, &campaign);
  add_unknown_member (fixture, campaign.path);
  before = fetch (fixture, campaign.path);
  flag = json_object_get_member (json_node_get_object (before), "isActive");
  g_assert_true (json_node_get_value_type (flag) == G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (flag), ==, 1);

  disable = ringside_active_change_new_campaign (fixture->account_id, campaign.group_id,
                                                 campaign.id, campaign.name, FALSE);
  apply_ok (fixture, disable);
  sent = last_body (fixture, campaign.path);
  assert_only_flag_changed (before, sent, FALSE);
  /* The number 0, not false. */
  flag = json_object_get_member (json_node_get_object (sent), "isActive");
  g_assert_true (json_node_get_value_type (flag) == G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (flag), ==, 0);
  after = fetch (fixture, campaign.path);
  assert_only_flag_changed (before, after, FALSE);

  undo = ringside_active_change_reverse (disable);
  apply_ok (fixture, undo);
  restored = fetch (fixture, campaign.path);
  g_assert_true (json_node_equal (before, restored));
  flag = json_object_get_member (json_node_get_object (restored), "isActive");
  g_assert_cmpint (json_node_get_int (flag), ==, 1);
}

/* An object already in the wanted state (someone else was quicker) is not PUT again. */
static void
test_already_in_state (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Target) agent = { 0 };
  g_autoptr(RingsideActiveChange) disable = NULL;

  find_agent (fixture, &agent);
  disable = ringside_active_change_new_agent (fixture->account_id, agent.group_id, agent.id,
                                              agent.name, FALSE);
  apply_ok (fixture, disable);
  ringside_demo_server_clear_requests (fixture->server);
  apply_ok (fixture, disable);
  g_assert_cmpuint (count_method (fixture, "GET", agent.path), ==, 1);
  g_assert_cmpuint (count_method (fixture, "PUT", agent.path), ==, 0);
}

/* Failures */

typedef struct
{
  RingsideDemoFault  fault;
  int                code;
  const char        *server_text;
} FailureCase;

static void
test_agent_failures (Fixture       *fixture,
                     gconstpointer  data)
{
  static const FailureCase cases[] = {
    { RINGSIDE_DEMO_FAULT_FORBIDDEN, RINGSIDE_ERROR_FORBIDDEN, "Access is denied" },
    { RINGSIDE_DEMO_FAULT_CONFLICT, RINGSIDE_ERROR_CONFLICT, "modified by another user" },
    { RINGSIDE_DEMO_FAULT_SERVER_ERROR, RINGSIDE_ERROR_SERVER, "An unexpected error" },
    { RINGSIDE_DEMO_FAULT_HANG, RINGSIDE_ERROR_TIMEOUT, NULL },
  };
  g_auto(Target) agent = { 0 };
  g_autoptr(JsonNode) before = NULL;
  GListModel *journal = G_LIST_MODEL (ringside_change_log_get_for_session (fixture->session));

  find_agent (fixture, &agent);
  before = fetch (fixture, agent.path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RingsideActiveChange) disable = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) after = NULL;
      g_autoptr(RingsideChangeRecord) record = NULL;
      g_autofree char *failure = NULL;

      disable = ringside_active_change_new_agent (fixture->account_id, agent.group_id,
                                                  agent.id, agent.name, FALSE);
      ringside_demo_server_set_fault (fixture->server, agent.path, RINGSIDE_DEMO_FAULT_NONE, 0,
                                      1);
      ringside_demo_server_set_fault (fixture->server, agent.path, cases[i].fault, 0, 1);
      ringside_demo_server_clear_requests (fixture->server);

      g_assert_false (apply (fixture, disable, &error));
      g_assert_error (error, RINGSIDE_ERROR, cases[i].code);
      if (cases[i].server_text != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].server_text));
      /* Nothing retried: one GET, one PUT. */
      g_assert_cmpuint (count_method (fixture, "PUT", agent.path), ==, 1);
      ringside_demo_server_clear_faults (fixture->server);

      after = fetch (fixture, agent.path);
      g_assert_true (json_node_equal (before, after));

      failure = ringside_active_change_dup_failure_message (disable, error);
      g_assert_true (g_str_has_prefix (failure, "Could not disable agent “"));
      g_assert_nonnull (strstr (failure, error->message));

      record = g_list_model_get_item (journal, 0);
      g_assert_cmpint (ringside_change_record_get_status (record), ==,
                       RINGSIDE_CHANGE_STATUS_FAILED);
      g_assert_cmpstr (ringside_change_record_get_message (record), ==, failure);
      g_assert_cmpuint (g_list_model_get_n_items (journal), ==, i + 1);
    }
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Target) agent = { 0 };
  g_autoptr(RingsideActiveChange) gone_agent = NULL;
  g_autoptr(RingsideActiveChange) gone_user = NULL;
  g_autoptr(GError) error = NULL;

  find_agent (fixture, &agent);
  gone_agent = ringside_active_change_new_agent (fixture->account_id, agent.group_id, 999999999,
                                                 "Nobody", FALSE);
  g_assert_false (apply (fixture, gone_agent, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no longer"));
  g_clear_error (&error);

  gone_user = ringside_active_change_new_user (999999999, "Nobody", TRUE);
  g_assert_false (apply (fixture, gone_user, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NOT_FOUND);
}

static void
test_queue_forbidden (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Target) queue = { 0 };
  g_autoptr(RingsideActiveChange) disable = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *put_path = NULL;

  find_queue (fixture, &queue);
  put_path = g_strconcat (queue.path, "/setIsActive", NULL);
  ringside_demo_server_set_fault (fixture->server, put_path, RINGSIDE_DEMO_FAULT_FORBIDDEN, 0,
                                  1);
  disable = ringside_active_change_new_queue (fixture->account_id, queue.group_id, queue.id,
                                              queue.name, FALSE);
  g_assert_false (apply (fixture, disable, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_FORBIDDEN);
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, put_path), ==, 1);
  g_assert_true (queue_active (fixture, &queue));
}

/* A 401 renews the session and sends the same whole body again, once. */
static void
test_token_expired_retries_once (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_auto(Target) agent = { 0 };
  g_autoptr(RingsideActiveChange) disable = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  GPtrArray *requests;
  GBytes *first_body = NULL;
  GBytes *second_body = NULL;

  find_agent (fixture, &agent);
  before = fetch (fixture, agent.path);
  ringside_demo_server_set_fault (fixture->server, agent.path, RINGSIDE_DEMO_FAULT_NONE, 0, 1);
  ringside_demo_server_set_fault (fixture->server, agent.path,
                                  RINGSIDE_DEMO_FAULT_TOKEN_EXPIRED, 0, 1);
  ringside_demo_server_clear_requests (fixture->server);

  disable = ringside_active_change_new_agent (fixture->account_id, agent.group_id, agent.id,
                                              agent.name, FALSE);
  apply_ok (fixture, disable);
  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, REFRESH_PATH), ==, 1);
  g_assert_cmpuint (count_method (fixture, "PUT", agent.path), ==, 2);

  requests = ringside_demo_server_get_requests (fixture->server);
  for (guint i = 0; i < requests->len; i++)
    {
      const RingsideDemoRequest *request = g_ptr_array_index (requests, i);

      if (g_str_equal (request->method, "PUT") && g_str_equal (request->path, agent.path))
        {
          if (first_body == NULL)
            first_body = request->body;
          else
            second_body = request->body;
        }
    }
  g_assert_nonnull (first_body);
  g_assert_nonnull (second_body);
  g_assert_true (g_bytes_equal (first_body, second_body));

  after = fetch (fixture, agent.path);
  assert_only_flag_changed (before, after, FALSE);
}

/* Two clicks: the second apply, while the first is in flight, is refused at once. */
static void
test_single_flight (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Target) user = { 0 };
  g_autoptr(RingsideActiveChange) first = NULL;
  g_autoptr(RingsideActiveChange) second = NULL;
  g_autoptr(GAsyncResult) first_result = NULL;
  g_autoptr(GAsyncResult) second_result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *first_pending = NULL;
  GAsyncResult *second_pending = NULL;
  GListModel *journal;

  find_user (fixture, &user);
  ringside_demo_server_set_fault (fixture->server, user.path, RINGSIDE_DEMO_FAULT_DELAY, 300,
                                  1);
  first = ringside_active_change_new_user (user.id, user.name, FALSE);
  second = ringside_active_change_new_user (user.id, user.name, FALSE);

  g_assert_false (ringside_active_change_is_pending (second, fixture->session));
  ringside_active_change_apply_async (first, fixture->session, NULL,
                                      ringside_test_store_result, &first_pending);
  g_assert_true (ringside_active_change_is_pending (second, fixture->session));
  ringside_active_change_apply_async (second, fixture->session, NULL,
                                      ringside_test_store_result, &second_pending);

  second_result = ringside_test_wait_result (&second_pending, 30);
  /* Refused before the first one got its answer. */
  g_assert_null (first_pending);
  g_assert_false (ringside_active_change_apply_finish (second, second_result, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BUSY);
  g_clear_error (&error);

  first_result = ringside_test_wait_result (&first_pending, 30);
  g_assert_true (ringside_active_change_apply_finish (first, first_result, &error));
  g_assert_no_error (error);
  g_assert_false (ringside_active_change_is_pending (second, fixture->session));

  g_assert_cmpuint (ringside_demo_server_count_requests (fixture->server, user.path), ==, 1);
  g_assert_false (user_enabled (fixture, user.id));
  /* The refused click is no change: the journal has one entry. */
  journal = G_LIST_MODEL (ringside_change_log_get_for_session (fixture->session));
  g_assert_cmpuint (g_list_model_get_n_items (journal), ==, 1);
}

/* The audit log */

static GListModel *
search (Fixture     *fixture,
        const char  *account_id,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -100);
  g_autoptr(GDateTime) to = g_date_time_add_minutes (now, 5);
  GAsyncResult *pending = NULL;

  ringside_audit_log_search_async (fixture->session, account_id, from, to, NULL, NULL,
                                   ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);
  return ringside_audit_log_search_finish (fixture->session, result, error);
}

static void
assert_no_secret (RingsideAuditEntry *entry)
{
  const char *texts[] = {
    ringside_audit_entry_get_who (entry), ringside_audit_entry_get_who_user_name (entry),
    ringside_audit_entry_get_object_description (entry),
    ringside_audit_entry_get_changes_text (entry), ringside_audit_entry_get_id (entry),
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_true (texts[i] == NULL || strstr (texts[i], RINGSIDE_DEMO_SECRET_MARKER) == NULL);
}

static void
test_audit_search (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Target) agent = { 0 };
  g_autoptr(RingsideActiveChange) disable = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(RingsideAuditEntry) newest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *agent_id = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *criteria;

  find_agent (fixture, &agent);
  disable = ringside_active_change_new_agent (fixture->account_id, agent.group_id, agent.id,
                                              agent.name, FALSE);
  apply_ok (fixture, disable);

  entries = search (fixture, fixture->account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 1);

  /* What was asked: the account, a window with numeric offsets (RingCX refuses "Z"). */
  body = last_body (fixture, AUDIT_PATH);
  criteria = json_node_get_object (body);
  g_assert_cmpstr (json_object_get_string_member (criteria, "accountId"), ==,
                   fixture->account_id);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (criteria, "startDateTime"),
                                   "+00:00"));
  g_assert_cmpstr (json_object_get_string_member (criteria, "ascOrDesc"), ==, "DESCENDING");

  newest = g_list_model_get_item (entries, 0);
  agent_id = g_strdup_printf ("%" G_GINT64_FORMAT, agent.id);
  g_assert_cmpstr (ringside_audit_entry_get_object_class (newest), ==, "Agent");
  g_assert_cmpstr (ringside_audit_entry_get_object_id (newest), ==, agent_id);
  g_assert_cmpstr (ringside_audit_entry_get_action (newest), ==, "UPDATE");
  g_assert_cmpstr (ringside_audit_entry_get_changes_text (newest), ==, "isActive: true → false");
  g_assert_nonnull (ringside_audit_entry_get_who (newest));
  g_assert_cmpstr (ringside_audit_entry_get_who_user_name (newest), !=, NULL);

  /* The journal's record of it is recognised in the server's log; older entries are not. */
  {
    g_autoptr(RingsideChangeRecord) record = journal_item (fixture, 0);
    g_autoptr(RingsideAuditEntry) oldest =
      g_list_model_get_item (entries, g_list_model_get_n_items (entries) - 1);

    g_assert_true (ringside_change_record_is_in_audit_log (record, newest));
    g_assert_false (ringside_change_record_is_in_audit_log (record, oldest));
    g_assert_true (ringside_change_record_matches (record, "disabled agent"));
  }

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RingsideAuditEntry) entry = g_list_model_get_item (entries, i);

      assert_no_secret (entry);
      if (i > 0)
        {
          g_autoptr(RingsideAuditEntry) previous = g_list_model_get_item (entries, i - 1);

          g_assert_true (g_date_time_compare (ringside_audit_entry_get_time (previous),
                                              ringside_audit_entry_get_time (entry)) >= 0);
        }
    }
}

static void
test_audit_forbidden (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;

  ringside_demo_server_set_fault (fixture->server, AUDIT_PATH, RINGSIDE_DEMO_FAULT_FORBIDDEN, 0,
                                  1);
  entries = search (fixture, fixture->account_id, &error);
  g_assert_null (entries);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_FORBIDDEN);
  /* The session is untouched: a right the admin lacks, not a sign-in problem. */
  g_assert_cmpint (ringside_session_get_state (fixture->session), ==,
                   RINGSIDE_SESSION_STATE_SIGNED_IN);
  g_clear_error (&error);

  /* A body that is not JSON, or not a list, is a bad response, not an empty log. */
  ringside_demo_server_set_fault (fixture->server, AUDIT_PATH, RINGSIDE_DEMO_FAULT_MALFORMED, 0,
                                  1);
  g_assert_null (search (fixture, fixture->account_id, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
  g_clear_error (&error);
  ringside_demo_server_set_fault (fixture->server, AUDIT_PATH, RINGSIDE_DEMO_FAULT_HTML, 0, 1);
  g_assert_null (search (fixture, fixture->account_id, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
}

/* An entry is read for what is shown only: never fullJson or affectedEntityJson, and the
 * values of secret attributes hidden. */
static void
test_audit_entry_secrets (void)
{
  static const char entry_json[] =
    "{\"id\":\"5e1f\",\"authUser\":{\"firstName\":\"Dana\",\"lastName\":\"Admin\","
    "\"userName\":\"dana@example.com\",\"fullJson\":\"{\\\"password\\\":\\\"DEMO-SECRET-1\\\"}\"},"
    "\"createTime\":1700000000123,"
    "\"auditLogResultList\":[{\"attributeName\":\"password\",\"originalValue\":\"DEMO-SECRET-2\","
    "\"newValue\":\"DEMO-SECRET-3\"},{\"attributeName\":\"phoneLoginPin\","
    "\"originalValue\":\"DEMO-SECRET-4\",\"newValue\":\"DEMO-SECRET-5\"},"
    "{\"attributeName\":\"agentRank\",\"originalValue\":5,\"newValue\":8},"
    "{\"attributeName\":\"team\",\"originalValue\":{\"x\":\"DEMO-SECRET-6\"},\"newValue\":null}],"
    "\"auditedClass\":\"com.connectfirst.api.model.intelliqueue_globalcatalog.agent.Agent\","
    "\"auditedEntityId\":1234,\"auditedEntityDescription\":\"ana.silva@example.com\","
    "\"actionType\":\"UPDATE\","
    "\"affectedEntityJson\":\"{\\\"sipPassword\\\":\\\"DEMO-SECRET-7\\\"}\","
    "\"accountId\":\"15500001\"}";
  g_autoptr(JsonNode) node = json_from_string (entry_json, NULL);
  g_autoptr(RingsideAuditEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) not_object = json_from_string ("[1]", NULL);

  entry = ringside_audit_entry_new_from_json (node, &error);
  g_assert_no_error (error);
  assert_no_secret (entry);
  g_assert_cmpstr (ringside_audit_entry_get_who (entry), ==, "Dana Admin");
  g_assert_cmpstr (ringside_audit_entry_get_object_class (entry), ==, "Agent");
  g_assert_cmpstr (ringside_audit_entry_get_object_id (entry), ==, "1234");
  g_assert_cmpstr (ringside_audit_entry_get_changes_text (entry), ==,
                   "password: ••• → •••\nphoneLoginPin: ••• → •••\nagentRank: 5 → 8\n"
                   "team: — → —");
  g_assert_cmpint (g_date_time_to_unix (ringside_audit_entry_get_time (entry)), ==,
                   1700000000);
  g_assert_cmpint (g_date_time_get_microsecond (ringside_audit_entry_get_time (entry)), ==,
                   123000);
  g_assert_true (ringside_audit_entry_matches (entry, "ana.silva"));
  g_assert_false (ringside_audit_entry_matches (entry, "demo-secret"));

  g_assert_null (ringside_audit_entry_new_from_json (not_object, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
}

static void
test_format_time (void)
{
  g_autoptr(GTimeZone) pacific = g_time_zone_new_offset (-8 * 3600);
  g_autoptr(GDateTime) time = g_date_time_new (pacific, 2025, 11, 20, 0, 0, 0.228);
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2025, 12, 3, 23, 59, 0);
  g_autofree char *text = ringside_audit_log_format_time (time);
  g_autofree char *utc_text = ringside_audit_log_format_time (utc);

  g_assert_cmpstr (text, ==, "2025-11-20T00:00:00.228-08:00");
  g_assert_cmpstr (utc_text, ==, "2025-12-03T23:59:00.000+00:00");
}

/* A change to nothing in flight, texts for each kind, and the reverse of the reverse. */
static void
test_texts (void)
{
  g_autoptr(RingsideActiveChange) queue = ringside_active_change_new_queue ("15500001", 5, 7,
                                                                            "Support", TRUE);
  g_autoptr(RingsideActiveChange) campaign = NULL;
  g_autoptr(RingsideActiveChange) back = NULL;
  g_autoptr(RingsideActiveChange) again = NULL;
  g_autoptr(GError) error = g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_SERVER,
                                                 "The server failed.");
  g_autofree char *question = ringside_active_change_dup_question (queue);
  g_autofree char *done = ringside_active_change_dup_done_message (queue);
  g_autofree char *failure = NULL;

  g_assert_cmpstr (question, ==, "Enable queue “Support”?");
  g_assert_cmpstr (done, ==, "Enabled queue “Support”.");
  g_assert_cmpstr (ringside_active_change_get_path (queue), ==,
                   "/voice/api/v1/admin/accounts/15500001/gateGroups/5/gates/7");

  campaign = ringside_active_change_new_campaign ("15500001", 3, 9, "Renewals", FALSE);
  failure = ringside_active_change_dup_failure_message (campaign, error);
  g_assert_cmpstr (failure, ==, "Could not disable campaign “Renewals”: The server failed.");

  back = ringside_active_change_reverse (campaign);
  again = ringside_active_change_reverse (back);
  g_assert_true (ringside_active_change_get_new_active (back));
  g_assert_false (ringside_active_change_get_new_active (again));
  g_assert_cmpstr (ringside_active_change_get_path (again), ==,
                   ringside_active_change_get_path (campaign));
  g_assert_cmpint (ringside_active_change_get_object_id (again), ==, 9);
  g_assert_cmpint (ringside_active_change_get_group_id (again), ==, 3);
}

/* send_json: an answer without a body reads as JSON null. */
static void
handle_no_content (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
}

static void
test_send_json_no_content (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonNode) body = json_from_string ("{\"isActive\":true}", NULL);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *pending = NULL;
  g_autoptr(JsonNode) sent = NULL;

  soup_server_add_handler (ringside_demo_server_get_soup_server (fixture->server),
                           "/no-content", handle_no_content, NULL, NULL);
  ringside_session_send_json_async (fixture->session, "PUT", "/no-content", body, NULL,
                                    ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);
  answer = ringside_session_send_json_finish (fixture->session, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (answer);
  g_assert_true (JSON_NODE_HOLDS_NULL (answer));
  sent = last_body (fixture, "/no-content");
  g_assert_true (json_node_equal (sent, body));
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  /* Debug output on, as a user reporting a bug would run it: secrets must stay out. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  /* The English texts are what the tests compare. */
  g_setenv ("LANGUAGE", "C", TRUE);
  ringside_test_log_capture (RINGSIDE_TEST_LOG_MESSAGES);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/changes/texts", test_texts);
  g_test_add_func ("/changes/audit/format-time", test_format_time);
  g_test_add_func ("/changes/audit/entry-secrets", test_audit_entry_secrets);
  ADD ("/changes/user/disable-enable", test_user_disable_enable);
  ADD ("/changes/queue/disable-enable", test_queue_disable_enable);
  ADD ("/changes/agent/round-trip", test_agent_round_trip);
  ADD ("/changes/campaign/round-trip", test_campaign_round_trip);
  ADD ("/changes/agent/already-in-state", test_already_in_state);
  /* Hanging requests time out after 2 s, not the client's default 30. */
  g_test_add ("/changes/agent/failures", Fixture, GUINT_TO_POINTER (2), fixture_setup,
              test_agent_failures, fixture_teardown);
  ADD ("/changes/not-found", test_not_found);
  ADD ("/changes/queue/forbidden", test_queue_forbidden);
  ADD ("/changes/agent/token-expired-retries-once", test_token_expired_retries_once);
  ADD ("/changes/single-flight", test_single_flight);
  ADD ("/changes/audit/search", test_audit_search);
  ADD ("/changes/audit/forbidden", test_audit_forbidden);
  ADD ("/changes/session/send-json-no-content", test_send_json_no_content);

  return g_test_run ();
}
