/* ringside-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ringside-group.h"
#include "ringside-json-member.h"

struct _RingsideGroup
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *dial_mode;
};

G_DEFINE_FINAL_TYPE (RingsideGroup, ringside_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GROUP_ID,
  PROP_NAME,
  PROP_DIAL_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ringside_group_finalize (GObject *object)
{
  RingsideGroup *self = (RingsideGroup *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->dial_mode, g_free);

  G_OBJECT_CLASS (ringside_group_parent_class)->finalize (object);
}

static void
ringside_group_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RingsideGroup *self = RINGSIDE_GROUP (object);

  switch (prop_id)
    {
    case PROP_GROUP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, ringside_group_get_name (self));
      break;
    case PROP_DIAL_MODE:
      g_value_set_string (value, ringside_group_get_dial_mode (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_group_class_init (RingsideGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ringside_group_finalize;
  object_class->get_property = ringside_group_get_property;

  properties[PROP_GROUP_ID] =
    g_param_spec_int64 ("group-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_DIAL_MODE] = g_param_spec_string ("dial-mode", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_group_init (RingsideGroup *self)
{
}

gint64
ringside_group_get_id (RingsideGroup *self)
{
  g_return_val_if_fail (RINGSIDE_IS_GROUP (self), 0);

  return self->id;
}

const char *
ringside_group_get_name (RingsideGroup *self)
{
  g_return_val_if_fail (RINGSIDE_IS_GROUP (self), NULL);

  return self->name != NULL ? self->name : "";
}

const char *
ringside_group_get_dial_mode (RingsideGroup *self)
{
  g_return_val_if_fail (RINGSIDE_IS_GROUP (self), NULL);

  return self->dial_mode != NULL ? self->dial_mode : "";
}

/**
 * ringside_group_dup_id_text:
 *
 * Returns: (transfer full) (nullable): the ID as text, or %NULL when the API gave none
 */
char *
ringside_group_dup_id_text (gpointer group)
{
  RingsideGroup *self = group;

  g_return_val_if_fail (RINGSIDE_IS_GROUP (self), NULL);

  return self->id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, self->id) : NULL;
}

static RingsideGroup *
group_new (JsonNode    *node,
           const char  *id_member,
           const char  *name_member,
           gboolean     dial,
           GError     **error)
{
  g_autoptr(RingsideGroup) self = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                   "the group is %s, expected an object", ringside_json_describe (node));
      return NULL;
    }

  object = json_node_get_object (node);
  self = g_object_new (RINGSIDE_TYPE_GROUP, NULL);

  /* Some answers name the members without the kind ("groupName" for dial groups too). */
  if (!ringside_json_read_int64 (object, id_member, &self->id, error) ||
      (self->id == 0 && !ringside_json_read_int64 (object, "groupId", &self->id, error)) ||
      !ringside_json_read_string (object, name_member, &self->name, error) ||
      (self->name == NULL && !ringside_json_read_string (object, "groupName", &self->name,
                                                         error)) ||
      (dial && !ringside_json_read_string (object, "dialMode", &self->dial_mode, error)))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
agent_group_parse (JsonNode   *element,
                   GPtrArray  *out,
                   GError    **error)
{
  RingsideGroup *group = group_new (element, "agentGroupId", "groupName", FALSE, error);

  if (group == NULL)
    return FALSE;

  g_ptr_array_add (out, group);
  return TRUE;
}

static gboolean
dial_group_parse (JsonNode   *element,
                  GPtrArray  *out,
                  GError    **error)
{
  RingsideGroup *group = group_new (element, "dialGroupId", "dialGroupName", TRUE, error);

  if (group == NULL)
    return FALSE;

  g_ptr_array_add (out, group);
  return TRUE;
}

static gboolean
group_match (gpointer    item,
             const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (ringside_group_get_name (item), -1);

  return strstr (folded, needle) != NULL;
}

const RingsideListKind ringside_agent_groups_list_kind = {
  .name = "agent group",
  .get_item_type = ringside_group_get_type,
  .path_template = "/voice/api/v1/admin/accounts/{accountId}/agentGroups",
  .parse = agent_group_parse,
  .match = group_match,
  .paging = RINGSIDE_LIST_PAGING_PAGE_MAX_ROWS,
  .page_size = 100,
  .forbidden_message = N_("You don’t have permission to view agent groups in this account."),
};

const RingsideListKind ringside_dial_groups_list_kind = {
  .name = "dial group",
  .get_item_type = ringside_group_get_type,
  .path_template = "/voice/api/v1/admin/accounts/{accountId}/dialGroups",
  .parse = dial_group_parse,
  .match = group_match,
  .paging = RINGSIDE_LIST_PAGING_PAGE_MAX_ROWS,
  .page_size = 100,
  .forbidden_message = N_("You don’t have permission to view dial groups in this account."),
};
