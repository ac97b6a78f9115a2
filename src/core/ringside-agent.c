/* ringside-agent.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ringside-agent.h"
#include "ringside-group.h"
#include "ringside-json-extra.h"
#include "ringside-json-member.h"

struct _RingsideAgent
{
  GObject    parent_instance;

  gint64     id;
  gint64     group_id;
  /* NULL when the API left them out; the getters answer "". */
  char      *group_name;
  char      *first_name;
  char      *last_name;
  char      *display_name;
  char      *username;
  char      *email;
  char      *agent_type;   /* words */
  char      *external_id;
  gboolean   is_active;
  GDateTime *created;

  char      *display_name_sort_key;
  char      *group_name_sort_key;
  char      *search_key;
  char          *extra;  /* members not read, secrets left out, as JSON; nullable */
};

/* What the parser reads: the rest is the item's "extra" (ringside-json-extra.h). */
static const char * const known_members[] = {
  "agentId", "agentGroup", "agentGroupId", "groupId", "firstName", "lastName", "username",
  "email", "agentType", "active", "isActive", "externalAgentId", "createdOn", "created", NULL,
};

G_DEFINE_FINAL_TYPE (RingsideAgent, ringside_agent, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AGENT_ID,
  PROP_AGENT_GROUP_ID,
  PROP_GROUP_NAME,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_DISPLAY_NAME,
  PROP_USERNAME,
  PROP_EMAIL,
  PROP_AGENT_TYPE,
  PROP_IS_ACTIVE,
  PROP_EXTERNAL_AGENT_ID,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ringside_agent_finalize (GObject *object)
{
  RingsideAgent *self = (RingsideAgent *) object;

  g_clear_pointer (&self->extra, g_free);
  g_free (self->group_name);
  g_free (self->first_name);
  g_free (self->last_name);
  g_free (self->display_name);
  g_free (self->username);
  g_free (self->email);
  g_free (self->agent_type);
  g_free (self->external_id);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->display_name_sort_key);
  g_free (self->group_name_sort_key);
  g_free (self->search_key);

  G_OBJECT_CLASS (ringside_agent_parent_class)->finalize (object);
}

static void
ringside_agent_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RingsideAgent *self = RINGSIDE_AGENT (object);

  switch (prop_id)
    {
    case PROP_AGENT_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_AGENT_GROUP_ID:
      g_value_set_int64 (value, self->group_id);
      break;
    case PROP_GROUP_NAME:
      g_value_set_string (value, ringside_agent_get_group_name (self));
      break;
    case PROP_FIRST_NAME:
      g_value_set_string (value, ringside_agent_get_first_name (self));
      break;
    case PROP_LAST_NAME:
      g_value_set_string (value, ringside_agent_get_last_name (self));
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, ringside_agent_get_display_name (self));
      break;
    case PROP_USERNAME:
      g_value_set_string (value, ringside_agent_get_username (self));
      break;
    case PROP_EMAIL:
      g_value_set_string (value, ringside_agent_get_email (self));
      break;
    case PROP_AGENT_TYPE:
      g_value_set_string (value, ringside_agent_get_agent_type (self));
      break;
    case PROP_IS_ACTIVE:
      g_value_set_boolean (value, self->is_active);
      break;
    case PROP_EXTERNAL_AGENT_ID:
      g_value_set_string (value, ringside_agent_get_external_id (self));
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_agent_class_init (RingsideAgentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ringside_agent_finalize;
  object_class->get_property = ringside_agent_get_property;

  properties[PROP_AGENT_ID] =
    g_param_spec_int64 ("agent-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_AGENT_GROUP_ID] =
    g_param_spec_int64 ("agent-group-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_GROUP_NAME] =
    g_param_spec_string ("group-name", NULL, NULL, "",
                         flags | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FIRST_NAME] = g_param_spec_string ("first-name", NULL, NULL, "", flags);
  properties[PROP_LAST_NAME] = g_param_spec_string ("last-name", NULL, NULL, "", flags);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, "", flags);
  properties[PROP_USERNAME] = g_param_spec_string ("username", NULL, NULL, "", flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, "", flags);
  properties[PROP_AGENT_TYPE] = g_param_spec_string ("agent-type", NULL, NULL, "", flags);
  properties[PROP_IS_ACTIVE] = g_param_spec_boolean ("is-active", NULL, NULL, FALSE, flags);
  properties[PROP_EXTERNAL_AGENT_ID] =
    g_param_spec_string ("external-agent-id", NULL, NULL, "", flags);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_agent_init (RingsideAgent *self)
{
}

/* Words */

char *
ringside_agent_type_to_words (const char *code)
{
  static const struct { const char *code; const char *words; } types[] = {
    { "AGENT", N_("Agent") },
    { "SUPERVISOR", N_("Supervisor") },
    { "MULTI_USER", N_("Multi-User") },
    { "MULTI_SUPERVISOR", N_("Multi-Supervisor") },
  };
  g_autofree char *lower = NULL;

  if (code == NULL || code[0] == '\0')
    return g_strdup ("");

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      if (g_ascii_strcasecmp (code, types[i].code) == 0)
        return g_strdup (_(types[i].words));
    }

  /* "NEW_KIND" → "New kind": never the raw code. */
  lower = g_utf8_strdown (code, -1);
  g_strdelimit (lower, "_", ' ');
  lower[0] = g_ascii_toupper (lower[0]);
  return g_steal_pointer (&lower);
}

static char *
sort_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);

  return g_utf8_collate_key (folded, -1);
}

static void
update_search_key (RingsideAgent *self)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->id);
  g_autofree char *joined = g_strjoin ("\n",
                                       ringside_agent_get_display_name (self),
                                       ringside_agent_get_username (self),
                                       ringside_agent_get_email (self),
                                       ringside_agent_get_agent_type (self),
                                       ringside_agent_get_group_name (self),
                                       ringside_agent_get_external_id (self),
                                       id,
                                       NULL);

  g_free (self->search_key);
  self->search_key = g_utf8_casefold (joined, -1);
}

/* Some answers nest the group: {"agentGroup": {"agentGroupId": 7, "groupName": "Sales"}}. */
static gboolean
read_group (RingsideAgent  *self,
            JsonObject     *object,
            GError        **error)
{
  JsonNode *node = ringside_json_get_member (object, "agentGroup");
  JsonObject *group;

  if (!ringside_json_read_int64 (object, "agentGroupId", &self->group_id, error) ||
      (self->group_id == 0 && !ringside_json_read_int64 (object, "groupId", &self->group_id,
                                                         error)))
    return FALSE;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return ringside_json_fail_member (error, "agentGroup", node, "an object");

  group = json_node_get_object (node);
  if (self->group_id == 0 &&
      !ringside_json_read_int64 (group, "agentGroupId", &self->group_id, error))
    return FALSE;
  return ringside_json_read_string (group, "groupName", &self->group_name, error);
}

/**
 * ringside_agent_new_from_json:
 * @node: one element of a group's agents
 *
 * Only the members the app shows are read: "phoneLoginPin", "password", "sipPassword" and
 * the like are never looked at, let alone copied.
 *
 * Returns: (transfer full): the agent, or %NULL with @error set
 */
RingsideAgent *
ringside_agent_new_from_json (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(RingsideAgent) self = NULL;
  g_autofree char *type_code = NULL;
  gboolean active = FALSE;
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                   "the agent is %s, expected an object", ringside_json_describe (node));
      return NULL;
    }

  object = json_node_get_object (node);
  self = g_object_new (RINGSIDE_TYPE_AGENT, NULL);

  /* The guide says "isActive", the spec has "active" as well. */
  if (!ringside_json_read_int64 (object, "agentId", &self->id, error) ||
      !read_group (self, object, error) ||
      !ringside_json_read_string (object, "firstName", &self->first_name, error) ||
      !ringside_json_read_string (object, "lastName", &self->last_name, error) ||
      !ringside_json_read_string (object, "username", &self->username, error) ||
      !ringside_json_read_string (object, "email", &self->email, error) ||
      !ringside_json_read_string (object, "agentType", &type_code, error) ||
      !ringside_json_read_boolean (object, "active", &active, error) ||
      !ringside_json_read_boolean (object, "isActive", &active, error) ||
      !ringside_json_read_id_string (object, "externalAgentId", &self->external_id, error) ||
      !ringside_json_read_date (object, "createdOn", &self->created, error) ||
      (self->created == NULL &&
       !ringside_json_read_date (object, "created", &self->created, error)))
    return NULL;

  self->extra = ringside_json_dup_extra (object, known_members);
  self->is_active = active;
  self->agent_type = ringside_agent_type_to_words (type_code);

  if (self->first_name != NULL || self->last_name != NULL)
    self->display_name = g_strstrip (g_strjoin (" ", ringside_agent_get_first_name (self),
                                                ringside_agent_get_last_name (self), NULL));
  else
    self->display_name = g_strdup (self->username != NULL ? self->username
                                                          : ringside_agent_get_email (self));

  self->display_name_sort_key = sort_key (self->display_name);
  self->group_name_sort_key = sort_key (self->group_name);
  update_search_key (self);

  return g_steal_pointer (&self);
}

#define GETTER_STRING(name, member) \
  const char * \
  ringside_agent_get_##name (RingsideAgent *self) \
  { \
    g_return_val_if_fail (RINGSIDE_IS_AGENT (self), NULL); \
    return self->member != NULL ? self->member : ""; \
  }

GETTER_STRING (group_name, group_name)
GETTER_STRING (first_name, first_name)
GETTER_STRING (last_name, last_name)
GETTER_STRING (display_name, display_name)
GETTER_STRING (username, username)
GETTER_STRING (email, email)
GETTER_STRING (agent_type, agent_type)
GETTER_STRING (external_id, external_id)

#undef GETTER_STRING

gint64
ringside_agent_get_id (RingsideAgent *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AGENT (self), 0);

  return self->id;
}

gint64
ringside_agent_get_group_id (RingsideAgent *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AGENT (self), 0);

  return self->group_id;
}

gboolean
ringside_agent_get_is_active (RingsideAgent *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AGENT (self), FALSE);

  return self->is_active;
}

/* After a change was applied (ringside-active-change.h): the row and the details rebind. */
void
ringside_agent_set_is_active (RingsideAgent *self,
                              gboolean      is_active)
{
  g_return_if_fail (RINGSIDE_IS_AGENT (self));

  if (self->is_active == !!is_active)
    return;
  self->is_active = !!is_active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_ACTIVE]);
}

/**
 * ringside_agent_get_created:
 *
 * Returns: (transfer none) (nullable): when the agent was created, if the API said
 */
GDateTime *
ringside_agent_get_created (RingsideAgent *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AGENT (self), NULL);

  return self->created;
}

const char *
ringside_agent_get_display_name_sort_key (RingsideAgent *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AGENT (self), NULL);

  if (G_UNLIKELY (self->display_name_sort_key == NULL))
    self->display_name_sort_key = sort_key (self->display_name);
  return self->display_name_sort_key;
}

const char *
ringside_agent_get_group_name_sort_key (RingsideAgent *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AGENT (self), NULL);

  if (G_UNLIKELY (self->group_name_sort_key == NULL))
    self->group_name_sort_key = sort_key (self->group_name);
  return self->group_name_sort_key;
}

void
ringside_agent_set_group_name (RingsideAgent *self,
                               const char    *group_name)
{
  g_return_if_fail (RINGSIDE_IS_AGENT (self));

  if (group_name == NULL || group_name[0] == '\0' ||
      g_strcmp0 (self->group_name, group_name) == 0)
    return;

  g_free (self->group_name);
  self->group_name = g_strdup (group_name);
  g_free (self->group_name_sort_key);
  self->group_name_sort_key = sort_key (self->group_name);
  update_search_key (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP_NAME]);
}

gboolean
ringside_agent_matches (RingsideAgent *self,
                        const char    *needle)
{
  g_return_val_if_fail (RINGSIDE_IS_AGENT (self), FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);

  if (G_UNLIKELY (self->search_key == NULL))
    update_search_key (self);

  return strstr (self->search_key, needle) != NULL;
}

/* The agents list */

static gboolean
agent_parse (JsonNode   *element,
             GPtrArray  *out,
             GError    **error)
{
  RingsideAgent *agent = ringside_agent_new_from_json (element, error);

  if (agent == NULL)
    return FALSE;

  g_ptr_array_add (out, agent);
  return TRUE;
}

/* The members of the agent the list does not read, as RingCX wrote them; before those that
 * json-glib had to parse because they held a secret, which the parse left out. */
static void
agent_take_rest (gpointer  item,
                 char     *rest_json)
{
  RingsideAgent *self = item;

  self->extra = ringside_json_extra_join (rest_json, g_steal_pointer (&self->extra));
}

static gboolean
agent_match (gpointer    item,
             const char *needle)
{
  return ringside_agent_matches (item, needle);
}

/* The group list knows the group's name; an agent may only know its ID. */
static void
agent_adopt (gpointer child,
             gpointer parent)
{
  RingsideAgent *agent = child;

  if (agent->group_id == 0)
    agent->group_id = ringside_group_get_id (parent);
  ringside_agent_set_group_name (agent, ringside_group_get_name (parent));
}

static const RingsideListFanOut agents_fan_out = {
  .parent = &ringside_agent_groups_list_kind,
  .placeholder = "agentGroupId",
  .get_parent_id = ringside_group_dup_id_text,
  .adopt = agent_adopt,
  /* 4 at a time: fast on a real link, and far from RingCX's 120 requests a minute for the
   * sub-accounts people have (each group is one request). */
  .max_requests = 4,
  .get_parent_name = (RingsideListTextFunc) ringside_group_get_name,
};

static const char *
agents_group_of (gpointer item)
{
  return ringside_agent_get_group_name (item);
}

const RingsideListKind ringside_agents_list_kind = {
  .name = "agent",
  .get_item_type = ringside_agent_get_type,
  .path_template =
    "/voice/api/v1/admin/accounts/{accountId}/agentGroups/{agentGroupId}/agents",
  .parse = agent_parse,
  .match = agent_match,
  /* RingCX answers a group's agents at once (the spec has no paging for them). */
  .paging = RINGSIDE_LIST_PAGING_NONE,
  .fan_out = &agents_fan_out,
  .group_of = agents_group_of,
  .forbidden_message = N_("You don’t have permission to view agent groups in this account."),
  /* An agent has some sixty members: json-glib parsing all of them was most of the load. */
  .members_read = known_members,
  .take_rest = agent_take_rest,
};

const char *
ringside_agent_get_extra_json (RingsideAgent *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AGENT (self), NULL);

  return self->extra;
}
