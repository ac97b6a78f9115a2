/* ringside-demo-contact-centre.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-demo-server-private.h"

/* What the contact-centre resources share: each sub-account's generated data, its lists as
 * JSON text, RingCX's paging, and the finding, listing, getting and storing of the objects of
 * any resource that a DemoCcResource describes. The resources themselves are in
 * ringside-demo-agents.c, -queues.c, -campaigns.c and -audit.c. */

#define MAX_AGENT_GROUPS 1000
#define MAX_AGENTS       100000

/* Lists */

DemoJsonList *
ringside_demo_json_list_new (void)
{
  DemoJsonList *list = g_new0 (DemoJsonList, 1);
  gsize zero = 0;

  list->text = g_string_new (NULL);
  list->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (list->offsets, zero);
  return list;
}

void
ringside_demo_json_list_mark (DemoJsonList *list)
{
  g_array_append_val (list->offsets, list->text->len);
}

static void
json_list_free (DemoJsonList *list)
{
  g_string_free (list->text, TRUE);
  g_array_unref (list->offsets);
  g_free (list);
}

static guint
json_list_length (const DemoJsonList *list)
{
  return list->offsets->len - 1;
}

/* Accounts */

static void
account_free (DemoCcAccount *account)
{
  for (guint i = 0; i < account->agent_groups->len; i++)
    g_free (g_array_index (account->agent_groups, DemoAgentGroup, i).name);
  for (guint i = 0; i < account->gate_groups->len; i++)
    g_free (g_array_index (account->gate_groups, DemoGateGroup, i).name);
  for (guint i = 0; i < account->gates->len; i++)
    {
      g_free (g_array_index (account->gates, DemoGate, i).name);
      g_free (g_array_index (account->gates, DemoGate, i).desc);
    }
  for (guint i = 0; i < account->dial_groups->len; i++)
    {
      g_free (g_array_index (account->dial_groups, DemoDialGroup, i).name);
      g_free (g_array_index (account->dial_groups, DemoDialGroup, i).desc);
    }
  for (guint i = 0; i < account->campaigns->len; i++)
    g_free (g_array_index (account->campaigns, DemoCampaign, i).name);

  g_array_unref (account->agent_groups);
  g_array_unref (account->agents);
  g_array_unref (account->gate_groups);
  g_array_unref (account->gates);
  g_array_unref (account->dial_groups);
  g_array_unref (account->campaigns);
  g_hash_table_unref (account->stored);
  g_hash_table_unref (account->lists);
  g_clear_pointer (&account->audit, g_ptr_array_unref);
  g_free (account->id);
  g_free (account);
}

DemoCcAccount *
ringside_demo_cc_ensure_account (RingsideDemoServer *self,
                                 guint               index)
{
  DemoCcAccount *account = g_hash_table_lookup (self->cc_accounts, GUINT_TO_POINTER (index));

  if (account != NULL)
    return account;

  account = g_new0 (DemoCcAccount, 1);
  account->index = index;
  account->id = g_strdup_printf ("%u", MAIN_ACCOUNT_NUMBER + index);
  account->agent_groups = g_array_new (FALSE, TRUE, sizeof (DemoAgentGroup));
  account->agents = g_array_new (FALSE, TRUE, sizeof (DemoAgent));
  account->gate_groups = g_array_new (FALSE, TRUE, sizeof (DemoGateGroup));
  account->gates = g_array_new (FALSE, TRUE, sizeof (DemoGate));
  account->dial_groups = g_array_new (FALSE, TRUE, sizeof (DemoDialGroup));
  account->campaigns = g_array_new (FALSE, TRUE, sizeof (DemoCampaign));
  /* Disjoint ranges per account, so that an ID names one object of the tenant. */
  account->agent_group_base = 10000 + (gint32) index * MAX_AGENT_GROUPS;
  account->agent_base = 1000000 + (gint32) index * MAX_AGENTS;
  account->gate_group_base = 52000 + (gint32) index * 100;
  account->gate_base = 72000 + (gint32) index * 1000;
  account->dial_group_base = 115000 + (gint32) index * 100;
  account->campaign_base = 136000 + (gint32) index * 1000;
  account->stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) json_node_unref);
  account->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) json_list_free);

  ringside_demo_cc_generate (self, account);
  g_hash_table_insert (self->cc_accounts, GUINT_TO_POINTER (index), account);
  return account;
}

static gboolean
parse_id (const char *text,
          gint64     *value)
{
  guint64 number;

  if (text == NULL || !g_ascii_isdigit (text[0]) || (text[0] == '0' && text[1] != '\0'))
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &number, NULL))
    return FALSE;

  *value = (gint64) number;
  return TRUE;
}

static gboolean
lookup_account_index (RingsideDemoServer *self,
                      const char         *id,
                      guint              *index)
{
  gint64 number;

  if (!parse_id (id, &number) || number < MAIN_ACCOUNT_NUMBER ||
      number > MAIN_ACCOUNT_NUMBER + (gint64) self->n_accounts)
    return FALSE;

  *index = (guint) (number - MAIN_ACCOUNT_NUMBER);
  return TRUE;
}

DemoCcAccount *
ringside_demo_cc_get_account (RingsideDemoServer        *self,
                              const RingsideDemoRequest *request,
                              const char                *id,
                              RingsideDemoReply         *reply)
{
  guint index;

  if (!lookup_account_index (self, id, &index))
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_NOT_FOUND, "Account not found",
                                 NULL);
      return NULL;
    }

  return ringside_demo_cc_ensure_account (self, index);
}

/* The index of @id_text in an array of @n_items whose IDs start at @base, or -1 with a 404
 * in @reply. */
static gint
lookup (const RingsideDemoRequest *request,
        const char                *id_text,
        gint32                     base,
        guint                      n_items,
        const char                *what,
        RingsideDemoReply         *reply)
{
  gint64 id;

  if (!parse_id (id_text, &id) || id < base || id - base >= n_items)
    {
      g_autofree char *message = g_strdup_printf ("%s not found", what);

      ringside_demo_reply_error (reply, request, SOUP_STATUS_NOT_FOUND, message, NULL);
      return -1;
    }

  return (gint) (id - base);
}

DemoJsonList *
ringside_demo_cc_get_list (RingsideDemoServer *self,
                           DemoCcAccount      *account,
                           const char         *name,
                           DemoListBuilder     build,
                           gpointer            data)
{
  DemoJsonList *list = g_hash_table_lookup (account->lists, name);

  if (list == NULL)
    {
      list = build (self, account, data);
      g_hash_table_insert (account->lists, g_strdup (name), list);
    }

  return list;
}

/* page and maxRows, as RingCX takes them: page zero-indexed, both optional. */
static gboolean
parse_paging (const RingsideDemoRequest *request,
              guint64                   *page,
              guint64                   *max_rows)
{
  const char *page_text = g_hash_table_lookup (request->query, "page");
  const char *rows_text = g_hash_table_lookup (request->query, "maxRows");

  *page = 0;
  *max_rows = CC_DEFAULT_MAX_ROWS;

  if (page_text != NULL &&
      !g_ascii_string_to_unsigned (page_text, 10, 0, G_MAXINT32, page, NULL))
    return FALSE;
  if (rows_text != NULL &&
      !g_ascii_string_to_unsigned (rows_text, 10, 1, G_MAXINT32, max_rows, NULL))
    return FALSE;

  return TRUE;
}

void
ringside_demo_cc_reply_list (RingsideDemoServer        *self,
                             const RingsideDemoRequest *request,
                             DemoJsonList              *list,
                             gboolean                   paged,
                             RingsideDemoReply         *reply)
{
  guint n_items = json_list_length (list);
  guint64 start = 0, end = n_items;
  gsize from, to;
  GString *body;

  if (paged)
    {
      guint64 page, max_rows;

      if (!parse_paging (request, &page, &max_rows))
        {
          ringside_demo_reply_error (reply, request, SOUP_STATUS_BAD_REQUEST,
                                     "Invalid paging parameters",
                                     "page must be 0 or more and maxRows 1 or more");
          return;
        }

      /* A server that serves fewer rows than asked pages by its own size. */
      if (self->page_limit > 0)
        max_rows = MIN (max_rows, self->page_limit);
      start = MIN (page * max_rows, n_items);
      end = MIN (start + max_rows, n_items);
    }

  from = g_array_index (list->offsets, gsize, start);
  to = g_array_index (list->offsets, gsize, end);
  body = g_string_sized_new (to - from + 2);
  g_string_append_c (body, '[');
  /* Each item ends with a comma: drop the last one. */
  if (to > from)
    g_string_append_len (body, list->text->str + from, to - from - 1);
  g_string_append_c (body, ']');

  ringside_demo_reply_bytes (reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE,
                             g_string_free_to_bytes (body));
}

void
ringside_demo_cc_changed (DemoCcAccount *account)
{
  g_hash_table_remove_all (account->lists);
}

void
ringside_demo_cc_reply_account_list (RingsideDemoServer        *self,
                                     const RingsideDemoRequest *request,
                                     const char                *name,
                                     DemoListBuilder            build,
                                     gpointer                   data,
                                     RingsideDemoReply         *reply)
{
  DemoCcAccount *account;

  if (ringside_demo_cc_find (self, request, NULL, reply, &account, NULL, NULL))
    ringside_demo_cc_reply_list (self, request,
                                 ringside_demo_cc_get_list (self, account, name, build, data),
                                 TRUE, reply);
}

DemoJsonList *
ringside_demo_json_list_build (const DemoCcAccount *account,
                               guint                first,
                               guint                n_items,
                               DemoCcAppend         append,
                               gsize                item_size)
{
  DemoJsonList *list = ringside_demo_json_list_new ();

  /* One allocation for a list that would otherwise double its way up to megabytes. */
  g_string_set_size (list->text, item_size * n_items);
  g_string_truncate (list->text, 0);
  for (guint i = first; i < first + n_items; i++)
    {
      append (list->text, account, i);
      ringside_demo_json_list_mark (list);
    }

  return list;
}

/* Resources */

/* Where @kind's groups and objects are in @account, and their first IDs. */
typedef struct
{
  GArray *groups;
  gint32  group_base;
  GArray *objects;
  gint32  object_base;
} KindArrays;

static KindArrays
kind_arrays (const DemoCcAccount *account,
             DemoCcKind           kind)
{
  switch (kind)
    {
    case DEMO_CC_AGENTS:
      return (KindArrays) { account->agent_groups, account->agent_group_base,
                            account->agents, account->agent_base };
    case DEMO_CC_GATES:
      return (KindArrays) { account->gate_groups, account->gate_group_base,
                            account->gates, account->gate_base };
    case DEMO_CC_CAMPAIGNS:
      return (KindArrays) { account->dial_groups, account->dial_group_base,
                            account->campaigns, account->campaign_base };
    default:
      g_assert_not_reached ();
    }
}

/* The objects of @group: a range of the account's array. */
static void
group_members (const DemoCcAccount *account,
               DemoCcKind           kind,
               guint                group,
               guint               *first,
               guint               *n_members)
{
  switch (kind)
    {
    case DEMO_CC_AGENTS:
      *first = g_array_index (account->agent_groups, DemoAgentGroup, group).first_agent;
      *n_members = g_array_index (account->agent_groups, DemoAgentGroup, group).n_agents;
      break;
    case DEMO_CC_GATES:
      *first = g_array_index (account->gate_groups, DemoGateGroup, group).first_gate;
      *n_members = g_array_index (account->gate_groups, DemoGateGroup, group).n_gates;
      break;
    case DEMO_CC_CAMPAIGNS:
      *first = g_array_index (account->dial_groups, DemoDialGroup, group).first_campaign;
      *n_members = g_array_index (account->dial_groups, DemoDialGroup, group).n_campaigns;
      break;
    default:
      g_assert_not_reached ();
    }
}

static guint
object_group (const DemoCcAccount *account,
              DemoCcKind           kind,
              guint                object)
{
  switch (kind)
    {
    case DEMO_CC_AGENTS:
      return g_array_index (account->agents, DemoAgent, object).group;
    case DEMO_CC_GATES:
      return g_array_index (account->gates, DemoGate, object).group;
    case DEMO_CC_CAMPAIGNS:
      return g_array_index (account->campaigns, DemoCampaign, object).group;
    default:
      g_assert_not_reached ();
    }
}

gboolean
ringside_demo_cc_find (RingsideDemoServer        *self,
                       const RingsideDemoRequest *request,
                       const DemoCcResource      *resource,
                       RingsideDemoReply         *reply,
                       DemoCcAccount            **account,
                       gint                      *group,
                       gint                      *object)
{
  KindArrays arrays;
  gint path_group;

  if (!ringside_demo_auth_require_access (self, request, reply))
    return FALSE;

  *account = ringside_demo_cc_get_account (self, request,
                                           ringside_demo_request_segment (request,
                                                                          CC_SEGMENT_ACCOUNT),
                                           reply);
  if (*account == NULL)
    return FALSE;
  if (group == NULL && object == NULL)
    return TRUE;

  arrays = kind_arrays (*account, resource->kind);
  path_group = lookup (request, ringside_demo_request_segment (request, CC_SEGMENT_GROUP),
                       arrays.group_base, arrays.groups->len, resource->group_name, reply);
  if (path_group < 0)
    return FALSE;
  if (group != NULL)
    *group = path_group;
  if (object == NULL)
    return TRUE;

  *object = lookup (request, ringside_demo_request_segment (request, CC_SEGMENT_OBJECT),
                    arrays.object_base, arrays.objects->len, resource->object_name, reply);
  if (*object < 0)
    return FALSE;

  /* An object of the account, but of another group, is not at this path. */
  if (object_group (*account, resource->kind, *object) != (guint) path_group)
    {
      g_autofree char *message = g_strdup_printf ("%s not found", resource->object_name);

      ringside_demo_reply_error (reply, request, SOUP_STATUS_NOT_FOUND, message, NULL);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const DemoCcResource *resource;
  guint                 group;
} MembersData;

static DemoJsonList *
build_members (RingsideDemoServer *self,
               DemoCcAccount      *account,
               gpointer            data)
{
  const MembersData *members = data;
  guint first, n_members;

  group_members (account, members->resource->kind, members->group, &first, &n_members);
  return ringside_demo_json_list_build (account, first, n_members, members->resource->append,
                                        members->resource->item_size);
}

void
ringside_demo_cc_handle_members (RingsideDemoServer        *self,
                                 const RingsideDemoRequest *request,
                                 const DemoCcResource      *resource,
                                 RingsideDemoReply         *reply)
{
  DemoCcAccount *account;
  g_autofree char *name = NULL;
  MembersData members = { resource, 0 };
  gint group;

  if (!ringside_demo_cc_find (self, request, resource, reply, &account, &group, NULL))
    return;

  members.group = group;
  name = g_strdup_printf ("%ss:%d", resource->key, group);
  ringside_demo_cc_reply_list (self, request,
                               ringside_demo_cc_get_list (self, account, name, build_members,
                                                          &members),
                               resource->members_paged, reply);
}

/* One object's JSON text, as the lists would write it. */
static GBytes *
object_text (const DemoCcAccount  *account,
             const DemoCcResource *resource,
             guint                 index)
{
  GString *out = g_string_new (NULL);

  resource->append (out, account, index);
  g_string_truncate (out, out->len - 1);
  return g_string_free_to_bytes (out);
}

void
ringside_demo_cc_handle_get (RingsideDemoServer        *self,
                             const RingsideDemoRequest *request,
                             const DemoCcResource      *resource,
                             RingsideDemoReply         *reply)
{
  DemoCcAccount *account;
  gint object;

  if (ringside_demo_cc_find (self, request, resource, reply, &account, NULL, &object))
    ringside_demo_reply_bytes (reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE,
                               object_text (account, resource, object));
}

/* Keeps @body as object @index, and records the change in the audit log. */
static void
store_object (RingsideDemoServer   *self,
              DemoCcAccount        *account,
              const DemoCcResource *resource,
              guint                 index,
              JsonNode             *body)
{
  gint32 id = kind_arrays (account, resource->kind).object_base + (gint32) index;
  JsonObject *after = json_node_get_object (body);
  g_autoptr(GBytes) before_text = object_text (account, resource, index);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *description = NULL;
  JsonObject *before;
  JsonNode *active;

  /* Our own text: it parses. */
  if (!json_parser_load_from_data (parser, g_bytes_get_data (before_text, NULL),
                                   g_bytes_get_size (before_text), NULL))
    g_assert_not_reached ();
  before = json_node_get_object (json_parser_get_root (parser));
  description = g_strdup (json_object_get_string_member_with_default (
                            before, resource->description_member, ""));

  active = json_object_get_member (after, "isActive");
  if (active != NULL && resource->set_active != NULL)
    resource->set_active (account, index, active);

  g_hash_table_insert (account->stored, g_strdup_printf ("%s:%d", resource->key, id),
                       json_node_ref (body));
  ringside_demo_cc_changed (account);
  ringside_demo_audit_record (self, account, resource->object_name, id, description, before,
                              after, NULL, NULL, NULL);
}

void
ringside_demo_cc_handle_put (RingsideDemoServer        *self,
                             const RingsideDemoRequest *request,
                             gboolean                   commit,
                             const DemoCcResource      *resource,
                             RingsideDemoReply         *reply)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonNode) node = NULL;
  DemoCcAccount *account;
  JsonNode *id;
  gint object;
  char *text;

  if (!ringside_demo_cc_find (self, request, resource, reply, &account, NULL, &object))
    return;

  body = ringside_demo_request_json_object (request, reply);
  if (body == NULL)
    return;

  id = json_object_get_member (body, resource->id_member);
  if (id == NULL || json_node_get_value_type (id) != G_TYPE_INT64 ||
      json_node_get_int (id) != kind_arrays (account, resource->kind).object_base + object)
    {
      g_autofree char *object_name = g_ascii_strdown (resource->object_name, -1);
      g_autofree char *details = g_strdup_printf ("%s in the body must be the %s of the path",
                                                  resource->id_member, object_name);

      ringside_demo_reply_error (reply, request, SOUP_STATUS_BAD_REQUEST, "Invalid request",
                                 details);
      return;
    }

  node = json_node_init_object (json_node_alloc (), body);
  if (commit)
    store_object (self, account, resource, object, node);

  text = json_to_string (node, FALSE);
  ringside_demo_reply_bytes (reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE,
                             g_bytes_new_take (text, strlen (text)));
}

/* Deterministic per agent and kind, and different for each: a hygiene test that finds one
 * in a log knows which one leaked. */
void
ringside_demo_cc_secret (char             out[CC_SECRET_LEN],
                         const DemoAgent *agent,
                         const char      *kind)
{
  guint32 mixed = agent->secret_seed ^ g_str_hash (kind);

  mixed = (mixed ^ (mixed >> 15)) * 2246822519u;
  if (strcmp (kind, "pin") == 0)
    g_snprintf (out, CC_SECRET_LEN, RINGSIDE_DEMO_SECRET_MARKER "-%06u", mixed % 1000000);
  else
    g_snprintf (out, CC_SECRET_LEN, RINGSIDE_DEMO_SECRET_MARKER "-%s-%08x%08x", kind,
                agent->secret_seed, mixed);
}

gboolean
ringside_demo_cc_append_stored (GString             *out,
                                const DemoCcAccount *account,
                                const char          *key,
                                gint32               id)
{
  JsonNode *stored = ringside_demo_cc_find_stored (account, key, id);
  g_autofree char *text = NULL;

  if (stored == NULL)
    return FALSE;

  text = json_to_string (stored, FALSE);
  g_string_append (out, text);
  g_string_append_c (out, ',');
  return TRUE;
}

JsonNode *
ringside_demo_cc_find_stored (const DemoCcAccount *account,
                              const char          *key,
                              gint32               id)
{
  char name[64];

  /* Most accounts have none: spare the big lists a key per object. */
  if (g_hash_table_size (account->stored) == 0)
    return NULL;

  g_snprintf (name, sizeof name, "%s:%d", key, id);
  return g_hash_table_lookup (account->stored, name);
}

void
ringside_demo_cc_clear (RingsideDemoServer *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->cc_accounts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    account_free (value);
  g_hash_table_remove_all (self->cc_accounts);
}

/* Public API */

void
ringside_demo_server_set_contact_centre_size (RingsideDemoServer *self,
                                              guint               n_agent_groups,
                                              guint               n_agents)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));
  g_return_if_fail (n_agent_groups >= 1 && n_agent_groups <= MAX_AGENT_GROUPS);
  g_return_if_fail (n_agents <= MAX_AGENTS);

  self->cc_agent_groups = n_agent_groups;
  self->cc_agents = n_agents;
  ringside_demo_cc_clear (self);
}

void
ringside_demo_server_set_page_limit (RingsideDemoServer *self,
                                     guint               max_rows)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  self->page_limit = max_rows;
}

static DemoCcAccount *
find_account (RingsideDemoServer *self,
              const char         *account_id)
{
  guint index;

  if (!lookup_account_index (self, account_id, &index))
    return NULL;

  return ringside_demo_cc_ensure_account (self, index);
}

GArray *
ringside_demo_server_get_agent_group_ids (RingsideDemoServer *self,
                                          const char         *account_id)
{
  DemoCcAccount *account;
  GArray *ids;

  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), NULL);

  account = find_account (self, account_id);
  if (account == NULL)
    return NULL;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint32), account->agent_groups->len);
  for (guint g = 0; g < account->agent_groups->len; g++)
    {
      gint32 id = account->agent_group_base + (gint32) g;

      g_array_append_val (ids, id);
    }

  return ids;
}

char *
ringside_demo_server_forbid_group (RingsideDemoServer    *self,
                                   const char            *account_id,
                                   RingsideDemoGroupKind  kind,
                                   guint                  index,
                                   guint                 *n_children)
{
  gboolean dial = kind == RINGSIDE_DEMO_DIAL_GROUP;
  KindArrays arrays;
  DemoCcAccount *account;
  g_autofree char *path = NULL;
  const char *name;

  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), NULL);

  account = find_account (self, account_id);
  if (account == NULL)
    return NULL;
  arrays = kind_arrays (account, dial ? DEMO_CC_CAMPAIGNS : DEMO_CC_AGENTS);
  if (index >= arrays.groups->len)
    return NULL;

  if (dial)
    {
      DemoDialGroup *group = &g_array_index (arrays.groups, DemoDialGroup, index);

      name = group->name;
      *n_children = group->n_campaigns;
    }
  else
    {
      DemoAgentGroup *group = &g_array_index (arrays.groups, DemoAgentGroup, index);

      name = group->name;
      *n_children = group->n_agents;
    }

  /* Every page of it: a rule without a query takes the path whatever the query. */
  path = g_strdup_printf (CC_ACCOUNT_PATH "%s/%s/%d/%s", account->id,
                          dial ? "dialGroups" : "agentGroups",
                          arrays.group_base + (gint32) index, dial ? "campaigns" : "agents");
  ringside_demo_server_set_fault (self, path, RINGSIDE_DEMO_FAULT_FORBIDDEN, 0, G_MAXUINT);
  return g_strdup (name);
}

guint
ringside_demo_server_get_n_agents (RingsideDemoServer *self,
                                   const char         *account_id)
{
  DemoCcAccount *account;

  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), 0);

  account = find_account (self, account_id);
  return account != NULL ? account->agents->len : 0;
}

guint
ringside_demo_server_get_n_gates (RingsideDemoServer *self,
                                  const char         *account_id)
{
  DemoCcAccount *account;

  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), 0);

  account = find_account (self, account_id);
  return account != NULL ? account->gates->len : 0;
}

guint
ringside_demo_server_get_n_campaigns (RingsideDemoServer *self,
                                      const char         *account_id)
{
  DemoCcAccount *account;

  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), 0);

  account = find_account (self, account_id);
  return account != NULL ? account->campaigns->len : 0;
}

char *
ringside_demo_server_get_account_id (RingsideDemoServer *self,
                                     guint               index)
{
  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), NULL);

  return g_strdup_printf ("%u", MAIN_ACCOUNT_NUMBER + index);
}
