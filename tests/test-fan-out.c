/* test-fan-out.c: lists read group by group (agents, campaigns) and nested lists (queues),
 * from a loopback server playing RingCX, paged, with a group refused and a slow one; then
 * the rate limit of a sub-account's requests, through a real session to the demo server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ringside-agent.h"
#include "ringside-campaign.h"
#include "ringside-demo-server.h"
#include "ringside-error.h"
#include "ringside-group.h"
#include "ringside-list-loader.h"
#include "ringside-queue.h"
#include "ringside-rate-limiter.h"
#include "ringside-session-private.h"
#include "ringside-test-utils.h"

#define TIMEOUT_SECONDS 60
#define ACCOUNT_PREFIX "/voice/api/v1/admin/accounts/15/"

typedef struct
{
  SoupServer   *server;
  SoupSession  *session;
  char         *url;
  GAsyncResult *result;

  /* What the server serves */
  guint         n_groups;          /* groups 1 to n_groups */
  guint         page_limit;        /* the most rows a page, whatever was asked; 0: none */
  gboolean      groups_forbidden;  /* 403 on the group list */
  guint         forbidden_group;   /* 403 on this group's children; 0: none */
  guint         broken_group;      /* this group's agents are not JSON; 0: none */
  guint         slow_group;        /* this group's children come after a while; 0: none */
  guint         hold_ms;           /* how long every child list is held */
  guint         limited_group;     /* this group's children answer 429 (Retry-After: 1)... */
  guint         limited_times;     /* ...this many times */

  /* What the server saw */
  GPtrArray    *requests;          /* path?query of each */
  guint         in_flight;         /* child lists being answered */
  guint         max_in_flight;
} Fixture;

/* Agents of group g: g % 4 + 2 of them, IDs g * 1000 + i. */
static guint
n_agents (guint group)
{
  return group % 4 + 2;
}

/* Campaigns of dial group g: 10 * g + 3 of them, so that they span pages. */
static guint
n_campaigns (guint group)
{
  return 10 * group + 3;
}

static void
page_bounds (Fixture    *f,
             GHashTable *query,
             guint       n_rows,
             guint      *first,
             guint      *last)
{
  const char *page_text = query != NULL ? g_hash_table_lookup (query, "page") : NULL;
  const char *rows_text = query != NULL ? g_hash_table_lookup (query, "maxRows") : NULL;
  guint page, rows;

  g_assert_nonnull (page_text);
  g_assert_nonnull (rows_text);
  page = atoi (page_text);
  rows = atoi (rows_text);
  if (f->page_limit > 0)
    rows = MIN (rows, f->page_limit);
  *first = MIN (page * rows, n_rows);
  *last = MIN (*first + rows, n_rows);
}

static GString *
groups_body (Fixture    *f,
             GHashTable *query,
             const char *kind)
{
  g_autoptr(GString) body = g_string_new ("[");
  guint first, last;

  page_bounds (f, query, f->n_groups, &first, &last);
  for (guint i = first; i < last; i++)
    {
      guint group = i + 1;

      if (i > first)
        g_string_append_c (body, ',');
      if (strcmp (kind, "agent") == 0)
        g_string_append_printf (body, "{\"agentGroupId\": %u, \"groupName\": \"Group %u\","
                                " \"isDefault\": false}", group, group);
      else if (strcmp (kind, "dial") == 0)
        g_string_append_printf (body, "{\"dialGroupId\": %u, \"dialGroupName\": \"Dial %u\","
                                " \"dialMode\": \"%s\"}", group, group,
                                group % 2 ? "PREDICTIVE" : "PREVIEW");
      else
        {
          g_string_append_printf (body, "{\"gateGroupId\": %u, \"groupName\": \"Gates %u\","
                                  " \"gates\": [", group, group);
          for (guint g = 0; g < group; g++)
            g_string_append_printf (body, "%s{\"gateId\": %u, \"gateName\": \"Gate %u.%u\","
                                    " \"gateOpen\": %s, \"isActive\": true}",
                                    g > 0 ? "," : "", group * 100 + g, group, g,
                                    g % 2 ? "true" : "false");
          g_string_append (body, "]}");
        }
    }
  g_string_append (body, "]");

  return g_steal_pointer (&body);
}

static GString *
agents_body (guint group)
{
  g_autoptr(GString) body = g_string_new ("[");

  for (guint i = 0; i < n_agents (group); i++)
    g_string_append_printf (body, "%s{\"agentId\": %u, \"firstName\": \"Agent\","
                            " \"lastName\": \"%u\", \"agentType\": \"AGENT\","
                            " \"phoneLoginPin\": \"pin-%u\", \"isActive\": true}",
                            i > 0 ? "," : "", group * 1000 + i, group * 1000 + i, i);
  g_string_append (body, "]");

  return g_steal_pointer (&body);
}

static GString *
campaigns_body (Fixture    *f,
                GHashTable *query,
                guint       group)
{
  g_autoptr(GString) body = g_string_new ("[");
  guint first, last;

  page_bounds (f, query, n_campaigns (group), &first, &last);
  for (guint i = first; i < last; i++)
    g_string_append_printf (body, "%s{\"campaignId\": %u, \"campaignName\": \"C %u\","
                            " \"isActive\": 1}",
                            i > first ? "," : "", group * 1000 + i, group * 1000 + i);
  g_string_append (body, "]");

  return g_steal_pointer (&body);
}

typedef struct
{
  Fixture           *f;
  SoupServerMessage *msg;
} Held;

static gboolean
release_held (gpointer user_data)
{
  Held *held = user_data;

  held->f->in_flight--;
  soup_server_message_unpause (held->msg);
  g_object_unref (held->msg);
  g_free (held);
  return G_SOURCE_REMOVE;
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Fixture *f = user_data;
  g_autoptr(GString) body = NULL;
  g_autofree char *query_text = query != NULL ? soup_form_encode_hash (query) : NULL;
  const char *rest;
  guint group = 0;
  gboolean child = FALSE;

  g_ptr_array_add (f->requests, g_strdup_printf ("%s?%s", path, query_text ? query_text : ""));
  g_assert_true (g_str_has_prefix (path, ACCOUNT_PREFIX));
  rest = path + strlen (ACCOUNT_PREFIX);

  if (strcmp (rest, "agentGroups") == 0)
    body = f->groups_forbidden ? NULL : groups_body (f, query, "agent");
  else if (strcmp (rest, "dialGroups") == 0)
    body = f->groups_forbidden ? NULL : groups_body (f, query, "dial");
  else if (strcmp (rest, "gateGroups/withChildren") == 0)
    body = f->groups_forbidden ? NULL : groups_body (f, query, "gate");
  else if (sscanf (rest, "agentGroups/%u/agents", &group) == 1)
    {
      g_assert_null (query);  /* not paged */
      child = TRUE;
      if (group == f->limited_group && f->limited_times > 0)
        {
          f->limited_times--;
          soup_server_message_set_status (msg, 429, "Too Many Requests");
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Retry-After", "1");
          return;
        }
      if (group == f->broken_group)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                            "{\"pin-", 6);
          return;
        }
      body = group != f->forbidden_group ? agents_body (group) : NULL;
    }
  else if (sscanf (rest, "dialGroups/%u/campaigns", &group) == 1)
    {
      child = TRUE;
      body = group != f->forbidden_group ? campaigns_body (f, query, group) : NULL;
    }
  else
    g_assert_not_reached ();

  if (body == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_FORBIDDEN, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "No", 2);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    body->str, body->len);

  /* Child lists take a while, so that several are asked for at once. */
  if (child && (f->hold_ms > 0 || group == f->slow_group))
    {
      Held *held = g_new0 (Held, 1);

      held->f = f;
      held->msg = g_object_ref (msg);
      f->in_flight++;
      f->max_in_flight = MAX (f->max_in_flight, f->in_flight);
      soup_server_message_pause (msg);
      g_timeout_add (group == f->slow_group ? 300 : f->hold_ms, release_held, held);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  f->requests = g_ptr_array_new_with_free_func (g_free);
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, "/voice/api/v1/admin/accounts", handler, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->url = g_uri_to_string (uris->data);
  f->session = soup_session_new_with_options ("max-conns-per-host", 8, NULL);
}

static void
on_finalized (gpointer  data,
              GObject  *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gboolean finalized = FALSE;

  g_assert_null (f->result);
  /* Held answers go out before the server does. */
  while (f->in_flight > 0)
    g_main_context_iteration (NULL, TRUE);

  g_clear_object (&f->session);
  g_clear_pointer (&f->url, g_free);
  g_object_weak_ref (G_OBJECT (f->server), on_finalized, &finalized);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  ringside_test_wait_for (&finalized, TIMEOUT_SECONDS);
  g_ptr_array_unref (f->requests);
}

/* The opener: a GET, with a 403 failing as the session fails it. */

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *msg = g_task_get_task_data (task);
  GError *error = NULL;
  GInputStream *stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);

  if (stream == NULL)
    g_task_return_error (task, error);
  else if (soup_message_get_status (msg) == 429)
    {
      const char *retry_after =
        soup_message_headers_get_one (soup_message_get_response_headers (msg), "Retry-After");

      g_object_unref (stream);
      g_task_return_error (task, ringside_error_new_rate_limited (atoi (retry_after),
                                                                 "Too many requests."));
    }
  else if (soup_message_get_status (msg) == SOUP_STATUS_FORBIDDEN)
    {
      g_object_unref (stream);
      g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_FORBIDDEN,
                               "Permission denied.");
    }
  else
    g_task_return_pointer (task, stream, g_object_unref);
}

static void
open_async (gpointer             source,
            const char          *path,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  Fixture *f = source;
  g_autofree char *url = g_strconcat (f->url, path + 1, NULL);
  SoupMessage *msg = soup_message_new ("GET", url);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_assert_nonnull (msg);
  g_task_set_task_data (task, msg, g_object_unref);
  soup_session_send_async (f->session, msg, G_PRIORITY_DEFAULT, cancellable, on_sent, task);
}

static GInputStream *
open_finish (gpointer       source,
             GAsyncResult  *result,
             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static const RingsideListOpener opener = {
  .open_async = open_async,
  .open_finish = open_finish,
};

static const char * const values[] = { "accountId", "15", NULL };

static gboolean
fetch (Fixture                 *f,
       RingsideListLoader      *loader,
       GCancellable            *cancellable,
       GError                 **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ringside_list_loader_fetch_kind_async (loader, &opener, f, values, cancellable,
                                         ringside_test_store_result, &f->result);
  result = ringside_test_wait_result (&f->result, TIMEOUT_SECONDS);
  return ringside_list_loader_fetch_kind_finish (loader, result, error);
}

static guint
count_requests (Fixture    *f,
                const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < f->requests->len; i++)
    n += g_str_has_prefix (g_ptr_array_index (f->requests, i), prefix);
  return n;
}

/* Tests */

/* Ten groups over pages of three: four pages of groups, then every group's agents, at most
 * four at a time, each agent told its group's name. */
static void
test_agents (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  guint expected = 0;

  f->n_groups = 10;
  f->page_limit = 3;
  f->hold_ms = 30;
  for (guint g = 1; g <= f->n_groups; g++)
    expected += n_agents (g);

  g_assert_true (fetch (f, loader, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, expected);
  g_assert_cmpuint (ringside_list_loader_get_n_items (loader), ==, expected);
  for (guint i = 0; i < expected; i++)
    {
      RingsideAgent *agent = ringside_item_list_peek (items, i);
      guint group = ringside_agent_get_id (agent) / 1000;
      g_autofree char *group_name = g_strdup_printf ("Group %u", group);
      gpointer key = GINT_TO_POINTER (ringside_agent_get_id (agent));

      g_assert_cmpstr (ringside_agent_get_group_name (agent), ==, group_name);
      g_assert_cmpint (ringside_agent_get_group_id (agent), ==, group);
      g_assert_cmpstr (ringside_agent_get_agent_type (agent), ==, "Agent");
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, key);
    }

  /* 3 + 3 + 3 + 1 groups: the short page ends the list. */
  g_assert_cmpuint (count_requests (f, ACCOUNT_PREFIX "agentGroups?"), ==, 4);
  g_assert_cmpuint (count_requests (f, ACCOUNT_PREFIX "agentGroups/"), ==, f->n_groups);
  g_assert_cmpuint (f->max_in_flight, >=, 2);
  g_assert_cmpuint (f->max_in_flight, <=, 4);

  g_assert_cmpuint (ringside_list_loader_get_parts_read (loader), ==, f->n_groups);
  g_assert_cmpuint (ringside_list_loader_get_parts_total (loader), ==, f->n_groups);
}

static void
test_no_groups (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GError) error = NULL;

  f->n_groups = 0;
  g_assert_true (fetch (f, loader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, 0);
  g_assert_cmpuint (f->requests->len, ==, 1);
}

/* A 403 on the groups is the list's own: the view says the admin lacks that right. */
static void
test_groups_forbidden (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GError) error = NULL;

  f->n_groups = 5;
  f->groups_forbidden = TRUE;
  g_assert_false (fetch (f, loader, NULL, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_FORBIDDEN);
  g_assert_cmpuint (f->requests->len, ==, 1);
}

/* One group refused (403): a right the admin lacks for that group alone. It is left out and
 * named, and the others load. */
static void
test_one_group_forbidden (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  guint expected = 0;

  f->n_groups = 10;
  f->forbidden_group = 2;
  f->hold_ms = 20;
  for (guint g = 1; g <= f->n_groups; g++)
    expected += g != f->forbidden_group ? n_agents (g) : 0;

  g_assert_true (fetch (f, loader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, expected);
  for (guint i = 0; i < expected; i++)
    g_assert_cmpint (ringside_agent_get_group_id (ringside_item_list_peek (items, i)), !=, 2);
  g_assert_cmpuint (count_requests (f, ACCOUNT_PREFIX "agentGroups/"), ==, f->n_groups);
  g_assert_cmpuint (ringside_list_loader_get_parts_read (loader), ==, f->n_groups);

  skipped = ringside_list_loader_dup_skipped_parents (loader);
  g_assert_cmpuint (skipped->len, ==, 1);
  g_assert_cmpstr (ringside_group_get_name (g_ptr_array_index (skipped, 0)), ==, "Group 2");
  g_clear_pointer (&skipped, g_ptr_array_unref);

  /* Once the right is there, the next load has them all, and leaves nothing out. */
  f->forbidden_group = 0;
  g_assert_true (fetch (f, loader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, expected + n_agents (2));
  skipped = ringside_list_loader_dup_skipped_parents (loader);
  g_assert_cmpuint (skipped->len, ==, 0);
}

/* The same for a paged child list: a dial group whose campaigns are refused. */
static void
test_one_dial_group_forbidden (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(RingsideItemList) items =
    ringside_item_list_new_for_kind (&ringside_campaigns_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;

  f->n_groups = 3;
  f->page_limit = 10;
  f->forbidden_group = 3;
  g_assert_true (fetch (f, loader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==,
                    n_campaigns (1) + n_campaigns (2));
  skipped = ringside_list_loader_dup_skipped_parents (loader);
  g_assert_cmpuint (skipped->len, ==, 1);
  g_assert_cmpstr (ringside_group_get_name (g_ptr_array_index (skipped, 0)), ==, "Dial 3");
}

/* Any other failure of a group still fails the whole load: a list with a group missing
 * would pass for the whole list. */
static void
test_one_group_fails (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GError) error = NULL;

  f->n_groups = 40;
  f->broken_group = 2;
  f->hold_ms = 20;
  g_assert_false (fetch (f, loader, NULL, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "agent group 2"));
  g_assert_null (strstr (error->message, "pin-"));
  /* Group 2 failed at once; the others were held, so most were never asked for. */
  g_assert_cmpuint (count_requests (f, ACCOUNT_PREFIX "agentGroups/"), <, f->n_groups);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, 0);
}

/* A slow group holds up the end, not the others. */
static void
test_slow_group (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GError) error = NULL;
  guint expected = 0;
  gboolean slow_seen = FALSE;

  f->n_groups = 8;
  f->slow_group = 1;
  for (guint g = 1; g <= f->n_groups; g++)
    expected += n_agents (g);

  g_assert_true (fetch (f, loader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, expected);
  /* The slow group's agents came last. */
  for (guint i = 0; i < expected; i++)
    {
      guint group = ringside_agent_get_id (ringside_item_list_peek (items, i)) / 1000;

      if (group == 1)
        slow_seen = TRUE;
      else
        g_assert_false (slow_seen);
    }
  g_assert_true (slow_seen);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  f->n_groups = 6;
  f->slow_group = 3;
  ringside_list_loader_fetch_kind_async (loader, &opener, f, values, cancellable,
                                         ringside_test_store_result, &f->result);
  while (f->in_flight == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  result = ringside_test_wait_result (&f->result, TIMEOUT_SECONDS);
  g_assert_false (ringside_list_loader_fetch_kind_finish (loader, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* The loader is free for the next load, which replaces what the cancelled one added. */
  f->slow_group = 0;
  g_assert_true (fetch (f, loader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==,
                    n_agents (1) + n_agents (2) + n_agents (3) + n_agents (4) + n_agents (5) +
                    n_agents (6));
}

/* A new load replaces one in flight: the first ends cancelled. */
static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GError) error = NULL;

  f->n_groups = 3;
  f->hold_ms = 50;
  ringside_list_loader_fetch_kind_async (loader, &opener, f, values, NULL,
                                         ringside_test_store_result, &first);
  g_assert_true (fetch (f, loader, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_false (ringside_list_loader_fetch_kind_finish (loader, first, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==,
                    n_agents (1) + n_agents (2) + n_agents (3));
}

/* RingCX allows 120 requests a minute: a group answered 429 is asked again after the wait
 * the server names, and the list comes whole. */
static void
test_rate_limited_group (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GError) error = NULL;

  f->n_groups = 4;
  f->limited_group = 3;
  f->limited_times = 2;
  g_assert_true (fetch (f, loader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==,
                    n_agents (1) + n_agents (2) + n_agents (3) + n_agents (4));
  g_assert_cmpuint (count_requests (f, ACCOUNT_PREFIX "agentGroups/3/"), ==, 3);
}

/* ...but not forever: after three waits the load fails as rate-limited. */
static void
test_rate_limited_for_good (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GError) error = NULL;

  f->n_groups = 2;
  f->limited_group = 2;
  f->limited_times = G_MAXUINT;
  g_assert_false (fetch (f, loader, NULL, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_RATE_LIMITED);
  g_assert_cmpuint (count_requests (f, ACCOUNT_PREFIX "agentGroups/2/"), ==, 4);
}

/* Cancelled while a group waits to be asked again: nothing is asked for after. */
static void
test_cancel_while_waiting (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  f->n_groups = 1;
  f->limited_group = 1;
  f->limited_times = G_MAXUINT;
  ringside_list_loader_fetch_kind_async (loader, &opener, f, values, cancellable,
                                         ringside_test_store_result, &f->result);
  while (count_requests (f, ACCOUNT_PREFIX "agentGroups/1/") == 0)
    g_main_context_iteration (NULL, TRUE);
  ringside_test_run_for (100);
  g_cancellable_cancel (cancellable);
  result = ringside_test_wait_result (&f->result, TIMEOUT_SECONDS);
  g_assert_false (ringside_list_loader_fetch_kind_finish (loader, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  ringside_test_run_for (1500);
  g_assert_cmpuint (count_requests (f, ACCOUNT_PREFIX "agentGroups/1/"), ==, 1);
}

/* Campaigns: paged groups, paged children, the dial mode from the group. */
static void
test_campaigns (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RingsideItemList) items =
    ringside_item_list_new_for_kind (&ringside_campaigns_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GError) error = NULL;
  guint expected = 0;

  f->n_groups = 3;
  f->page_limit = 10;
  for (guint g = 1; g <= f->n_groups; g++)
    expected += n_campaigns (g);

  g_assert_true (fetch (f, loader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, expected);
  for (guint i = 0; i < expected; i++)
    {
      RingsideCampaign *campaign = ringside_item_list_peek (items, i);
      guint group = ringside_campaign_get_id (campaign) / 1000;
      g_autofree char *name = g_strdup_printf ("Dial %u", group);

      g_assert_cmpstr (ringside_campaign_get_dial_group_name (campaign), ==, name);
      g_assert_cmpstr (ringside_campaign_get_dial_mode (campaign), ==,
                       group % 2 ? "Predictive" : "Preview");
      g_assert_true (ringside_campaign_get_is_active (campaign));
    }
  /* Group 1: 13 campaigns (10, 3); 2: 23 (10, 10, 3); 3: 33 (10, 10, 10, 3). */
  g_assert_cmpuint (count_requests (f, ACCOUNT_PREFIX "dialGroups/"), ==, 2 + 3 + 4);
}

/* Queues: one paged list whose groups nest their gates. */
static void
test_queues (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_queues_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GError) error = NULL;
  guint expected = 0;

  f->n_groups = 7;
  f->page_limit = 2;
  for (guint g = 1; g <= f->n_groups; g++)
    expected += g;

  g_assert_true (fetch (f, loader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, expected);
  for (guint i = 0; i < expected; i++)
    {
      RingsideQueue *queue = ringside_item_list_peek (items, i);
      guint group = ringside_queue_get_id (queue) / 100;
      g_autofree char *name = g_strdup_printf ("Gates %u", group);

      g_assert_cmpstr (ringside_queue_get_group_name (queue), ==, name);
      g_assert_cmpint (ringside_queue_get_open (queue), ==,
                       ringside_queue_get_id (queue) % 2 ? RINGSIDE_QUEUE_OPEN_YES
                                                         : RINGSIDE_QUEUE_OPEN_NO);
    }
  /* 2 + 2 + 2 + 1 groups. */
  g_assert_cmpuint (f->requests->len, ==, 4);
  g_assert_cmpuint (ringside_list_loader_get_parts_read (loader), ==, 4);
}

static void
test_queues_forbidden (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_queues_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GError) error = NULL;

  f->n_groups = 3;
  f->groups_forbidden = TRUE;
  g_assert_false (fetch (f, loader, NULL, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_FORBIDDEN);
}

/* Without the account's ID there is nothing to ask for. */
static void
test_missing_value (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ringside_list_loader_fetch_kind_async (loader, &opener, f, NULL, NULL,
                                         ringside_test_store_result, &f->result);
  result = ringside_test_wait_result (&f->result, TIMEOUT_SECONDS);
  g_assert_false (ringside_list_loader_fetch_kind_finish (loader, result, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT);
  g_assert_cmpuint (f->requests->len, ==, 0);
}

/* The rate limit: through a real session to the demo server, whose sub-account requests are
 * timed as they arrive. */

typedef struct
{
  RingsideDemoServer *server;
  RingsideSession    *session;
  char               *account_id;
  char               *values[3];
  GArray             *times;     /* gint64: monotonic µs each sub-account request arrived */
  GPtrArray          *paths;     /* ...and its path */
  GAsyncResult       *result;
} Limited;

static void
on_request_read (SoupServer        *server,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  Limited *f = user_data;
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));
  gint64 now = g_get_monotonic_time ();

  if (!g_str_has_prefix (path, "/voice/api/v1/admin/accounts/"))
    return;

  g_array_append_val (f->times, now);
  g_ptr_array_add (f->paths, g_strdup (path));
}

static void
limited_set_up (Limited       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *url;

  f->server = ringside_demo_server_new ();
  ringside_demo_server_set_contact_centre_size (f->server, 12, 120);
  ringside_demo_server_start (f->server, &error);
  g_assert_no_error (error);
  g_signal_connect (ringside_demo_server_get_soup_server (f->server), "request-read",
                    G_CALLBACK (on_request_read), f);
  url = ringside_demo_server_get_url (f->server);
  f->account_id = ringside_demo_server_get_account_id (f->server, 1);
  f->values[0] = (char *) "accountId";
  f->values[1] = f->account_id;
  f->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->paths = g_ptr_array_new_with_free_func (g_free);

  f->session = ringside_session_new (url, url, NULL, NULL);
  ringside_session_set_persistent (f->session, FALSE);
  g_assert_true (ringside_test_sign_in (f->session, RINGSIDE_DEMO_RC_ACCESS_TOKEN, &error));
  g_assert_no_error (error);
}

static void
limited_tear_down (Limited       *f,
                   gconstpointer  data)
{
  g_assert_null (f->result);
  g_clear_object (&f->session);
  g_signal_handlers_disconnect_by_data (ringside_demo_server_get_soup_server (f->server), f);
  ringside_demo_server_stop (f->server);
  g_clear_object (&f->server);
  g_free (f->account_id);
  g_array_unref (f->times);
  g_ptr_array_unref (f->paths);
}

static void
limited_fetch_async (Limited            *f,
                     RingsideListLoader *loader,
                     GCancellable       *cancellable)
{
  ringside_list_loader_fetch_kind_async (loader, &ringside_session_list_opener, f->session,
                                         (const char * const *) f->values, cancellable,
                                         ringside_test_store_result, &f->result);
}

static gint64
arrival (Limited *f,
         guint    i)
{
  return g_array_index (f->times, gint64, i);
}

/* At most the budget in any window, all groups all the same. The limiter spaces sends; the
 * server sees arrivals, which the loopback may delay a little each: hence the margin. */
static void
test_rate_limit_budget (Limited       *f,
                        gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const guint budget = 4;
  /* A long window with a wide margin: arrivals at the server can bunch up by the time a
   * slow (sanitized, loaded) request takes, where the limiter's sending does not; unlimited,
   * five requests arrive within a few milliseconds. */
  const gint64 window = 1000 * 1000, margin = 400 * 1000;

  ringside_session_set_rate_limit (f->session, budget, 1000);
  limited_fetch_async (f, loader, NULL);
  result = ringside_test_wait_result (&f->result, TIMEOUT_SECONDS);
  g_assert_true (ringside_list_loader_fetch_kind_finish (loader, result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==,
                    ringside_demo_server_get_n_agents (f->server, f->account_id));
  /* The groups' page (or two), then 12 groups' agents. */
  g_assert_cmpuint (f->times->len, >=, 13);
  for (guint i = 0; i + budget < f->times->len; i++)
    {
      g_test_message ("Requests %u to %u came in %" G_GINT64_FORMAT " ms", i, i + budget,
                      (arrival (f, i + budget) - arrival (f, i)) / 1000);
      g_assert_cmpint (arrival (f, i + budget) - arrival (f, i), >=, window - margin);
    }
}

/* A 429 holds back every request of the sub-account for the wait it names (1 s), not only
 * its own: the groups asked for meanwhile wait in the limiter. */
static void
test_rate_limit_pause (Limited       *f,
                       gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GArray) ids = ringside_demo_server_get_agent_group_ids (f->server, f->account_id);
  g_autoptr(GPtrArray) first_paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RingsideRateLimiter *limiter = ringside_session_get_rate_limiter (f->session, f->account_id);
  gint64 refused_at = 0;
  guint later = 0, limited_requests = 0, most_waiting = 0;

  /* The first group is refused at once; the next three take 200 ms, so that the groups
   * after them are asked for while the pause holds. */
  for (guint g = 0; g < 4; g++)
    {
      char *path = g_strdup_printf ("/voice/api/v1/admin/accounts/%s/agentGroups/%d/agents",
                                    f->account_id, g_array_index (ids, gint32, g));

      if (g == 0)
        ringside_demo_server_set_fault (f->server, path, RINGSIDE_DEMO_FAULT_RATE_LIMITED, 1,
                                        1);
      else
        ringside_demo_server_set_fault (f->server, path, RINGSIDE_DEMO_FAULT_DELAY, 200, 1);
      g_ptr_array_add (first_paths, path);
    }

  limited_fetch_async (f, loader, NULL);
  while (f->result == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      most_waiting = MAX (most_waiting, ringside_rate_limiter_get_n_waiting (limiter));
    }
  result = g_steal_pointer (&f->result);
  g_assert_true (ringside_list_loader_fetch_kind_finish (loader, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==,
                    ringside_demo_server_get_n_agents (f->server, f->account_id));
  /* Only the pause holds requests back: the budget is RingCX's 120 a minute. */
  g_assert_cmpuint (most_waiting, >=, 1);

  for (guint i = 0; i < f->times->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (f->paths, i), g_ptr_array_index (first_paths, 0)) != 0)
        continue;
      if (limited_requests++ == 0)
        refused_at = arrival (f, i);
    }
  g_assert_cmpuint (limited_requests, ==, 2);

  /* The first four groups were sent together (libsoup may queue some of them for a
   * connection); every later request, the refused group's again included, was sent once
   * the second had passed. */
  for (guint i = 0, seen_first = 0; i < f->times->len; i++)
    {
      const char *path = g_ptr_array_index (f->paths, i);
      gint64 since = arrival (f, i) - refused_at;
      gboolean early = g_str_has_suffix (path, "/agentGroups");

      g_test_message ("%s came %" G_GINT64_FORMAT " ms after the 429", path, since / 1000);
      for (guint g = 0; g < first_paths->len; g++)
        {
          if (g_strcmp0 (path, g_ptr_array_index (first_paths, g)) == 0 &&
              (g > 0 || seen_first++ == 0))
            early = TRUE;
        }
      if (early)
        continue;

      g_assert_cmpint (since, >=, 850 * 1000);
      later++;
    }
  /* The refused group again, and the eight after the first four. */
  g_assert_cmpuint (later, ==, 1 + 8);
}

static JsonNode *
finish_fetch (Limited       *f,
              GAsyncResult **result,
              GError       **error)
{
  g_autoptr(GAsyncResult) done = ringside_test_wait_result (result, TIMEOUT_SECONDS);

  return ringside_session_fetch_json_finish (f->session, done, error);
}

/* Each sub-account has a budget of its own, which all its requests share; the main
 * account's lists (the accounts, the users) are not held back. */
static void
test_rate_limit_per_sub_account (Limited       *f,
                                 gconstpointer  data)
{
  g_autofree char *other_id = ringside_demo_server_get_account_id (f->server, 2);
  g_autofree char *path = g_strdup_printf ("/voice/api/v1/admin/accounts/%s/agentGroups",
                                           f->account_id);
  g_autofree char *other_path = g_strdup_printf ("/voice/api/v1/admin/accounts/%s/dialGroups",
                                                 other_id);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GAsyncResult *results[4] = { NULL, };
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  ringside_session_set_rate_limit (f->session, 1, 60 * 1000);
  ringside_session_fetch_json_async (f->session, path, NULL, ringside_test_store_result,
                                     &results[0]);
  ringside_session_fetch_json_async (f->session, path, cancellable, ringside_test_store_result,
                                     &results[1]);
  ringside_session_fetch_json_async (f->session, other_path, NULL, ringside_test_store_result,
                                     &results[2]);
  ringside_session_fetch_json_async (f->session, "/voice/api/v1/admin/accounts", NULL,
                                     ringside_test_store_result, &results[3]);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      if (i == 1)
        continue;
      node = finish_fetch (f, &results[i], &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
      json_node_unref (node);
    }

  /* The second request to the first sub-account waits for a minute to pass. */
  g_assert_null (results[1]);
  g_assert_cmpuint (ringside_rate_limiter_get_n_waiting (
                      ringside_session_get_rate_limiter (f->session, f->account_id)), ==, 1);
  g_cancellable_cancel (cancellable);
  g_assert_null (finish_fetch (f, &results[1], &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (ringside_demo_server_count_requests (f->server, path), ==, 1);
}

static void
on_finalized_flag (gpointer  data,
                   GObject  *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

/* A load cancelled while its requests wait: they leave the limiter, nothing is sent after,
 * and nothing holds the session. */
static void
test_rate_limit_cancel (Limited       *f,
                        gconstpointer  data)
{
  g_autoptr(RingsideItemList) items = ringside_item_list_new_for_kind (&ringside_agents_list_kind);
  g_autoptr(RingsideListLoader) loader = ringside_list_loader_new (items);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RingsideRateLimiter *limiter;
  gboolean finalized = FALSE;
  guint sent;

  ringside_session_set_rate_limit (f->session, 1, 60 * 1000);
  limiter = ringside_session_get_rate_limiter (f->session, f->account_id);
  limited_fetch_async (f, loader, cancellable);
  /* The groups' page goes; their agents wait. */
  while (ringside_rate_limiter_get_n_waiting (limiter) < 2)
    g_main_context_iteration (NULL, TRUE);

  sent = f->times->len;
  g_cancellable_cancel (cancellable);
  result = ringside_test_wait_result (&f->result, TIMEOUT_SECONDS);
  g_assert_false (ringside_list_loader_fetch_kind_finish (loader, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Each waiting request sees the cancellation on its own, in the iterations that follow. */
  ringside_test_run_for (200);
  g_assert_cmpuint (ringside_rate_limiter_get_n_waiting (limiter), ==, 0);
  g_assert_cmpuint (f->times->len, ==, sent);
  g_assert_null (f->result);

  g_object_weak_ref (G_OBJECT (f->session), on_finalized_flag, &finalized);
  g_clear_object (&f->session);
  ringside_test_wait_for (&finalized, TIMEOUT_SECONDS);
}

/* The limiter alone: in order, within the budget, and a cancelled wait leaves at once. */

typedef struct
{
  GArray *order;
  guint   done;
} Grants;

typedef struct
{
  Grants *grants;
  guint   index;
} Ask;

static void
on_granted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Ask *ask = user_data;
  g_autoptr(GError) error = NULL;

  if (ringside_rate_limiter_acquire_finish (RINGSIDE_RATE_LIMITER (source), result, &error))
    g_array_append_val (ask->grants->order, ask->index);
  else
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  ask->grants->done++;
}

static void
test_limiter_order (void)
{
  g_autoptr(RingsideRateLimiter) limiter = ringside_rate_limiter_new (2, 300);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Grants grants = { g_array_new (FALSE, FALSE, sizeof (guint)), 0 };
  Ask asks[5];

  for (guint i = 0; i < G_N_ELEMENTS (asks); i++)
    {
      asks[i] = (Ask) { &grants, i };
      ringside_rate_limiter_acquire_async (limiter, i == 2 ? cancellable : NULL, on_granted,
                                           &asks[i]);
    }
  /* Two go at once (their callbacks come from an idle), three wait. */
  g_assert_cmpuint (ringside_rate_limiter_get_n_waiting (limiter), ==, 3);

  g_cancellable_cancel (cancellable);
  while (grants.done < 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (ringside_rate_limiter_get_n_waiting (limiter), ==, 2);

  while (grants.done < 5)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (grants.order->len, ==, 4);
  g_assert_cmpuint (g_array_index (grants.order, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (grants.order, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (grants.order, guint, 2), ==, 3);
  g_assert_cmpuint (g_array_index (grants.order, guint, 3), ==, 4);
  g_array_unref (grants.order);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/fan-out/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("agents", test_agents);
  ADD ("no-groups", test_no_groups);
  ADD ("groups-forbidden", test_groups_forbidden);
  ADD ("one-group-forbidden", test_one_group_forbidden);
  ADD ("one-dial-group-forbidden", test_one_dial_group_forbidden);
  ADD ("one-group-fails", test_one_group_fails);
  ADD ("slow-group", test_slow_group);
  ADD ("cancel", test_cancel);
  ADD ("replace", test_replace);
  ADD ("rate-limited-group", test_rate_limited_group);
  ADD ("rate-limited-for-good", test_rate_limited_for_good);
  ADD ("cancel-while-waiting", test_cancel_while_waiting);
  ADD ("campaigns", test_campaigns);
  ADD ("queues", test_queues);
  ADD ("queues-forbidden", test_queues_forbidden);
  ADD ("missing-value", test_missing_value);

#undef ADD

  g_test_add ("/fan-out/rate-limit/budget", Limited, NULL, limited_set_up,
              test_rate_limit_budget, limited_tear_down);
  g_test_add ("/fan-out/rate-limit/pause", Limited, NULL, limited_set_up,
              test_rate_limit_pause, limited_tear_down);
  g_test_add ("/fan-out/rate-limit/cancel", Limited, NULL, limited_set_up,
              test_rate_limit_cancel, limited_tear_down);
  g_test_add ("/fan-out/rate-limit/per-sub-account", Limited, NULL, limited_set_up,
              test_rate_limit_per_sub_account, limited_tear_down);
  g_test_add_func ("/fan-out/rate-limit/limiter", test_limiter_order);

  return g_test_run ();
}
