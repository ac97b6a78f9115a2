/* ringside-queue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ringside-json-extra.h"
#include "ringside-json-member.h"
#include "ringside-queue.h"

struct _RingsideQueue
{
  GObject            parent_instance;

  gint64             id;
  gint64             group_id;
  char              *group_name;
  char              *name;
  char              *description;
  gboolean           is_active;
  RingsideQueueOpen  open;
  gint64             priority;

  char              *name_sort_key;
  char              *search_key;
  char          *extra;  /* members not read, secrets left out, as JSON; nullable */
};

/* What the parser reads: the rest is the item's "extra" (ringside-json-extra.h). */
static const char * const known_members[] = {
  "gateId", "gateName", "name", "gateDesc", "description", "isActive", "gatePriority",
  "gateOpen", NULL,
};

G_DEFINE_FINAL_TYPE (RingsideQueue, ringside_queue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GATE_ID,
  PROP_GATE_GROUP_ID,
  PROP_GROUP_NAME,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_IS_ACTIVE,
  PROP_OPEN,
  PROP_PRIORITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ringside_queue_finalize (GObject *object)
{
  RingsideQueue *self = (RingsideQueue *) object;

  g_clear_pointer (&self->extra, g_free);
  g_free (self->group_name);
  g_free (self->name);
  g_free (self->description);
  g_free (self->name_sort_key);
  g_free (self->search_key);

  G_OBJECT_CLASS (ringside_queue_parent_class)->finalize (object);
}

static void
ringside_queue_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RingsideQueue *self = RINGSIDE_QUEUE (object);

  switch (prop_id)
    {
    case PROP_GATE_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_GATE_GROUP_ID:
      g_value_set_int64 (value, self->group_id);
      break;
    case PROP_GROUP_NAME:
      g_value_set_string (value, ringside_queue_get_group_name (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, ringside_queue_get_name (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, ringside_queue_get_description (self));
      break;
    case PROP_IS_ACTIVE:
      g_value_set_boolean (value, self->is_active);
      break;
    case PROP_OPEN:
      g_value_set_uint (value, self->open);
      break;
    case PROP_PRIORITY:
      g_value_set_int64 (value, self->priority);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_queue_class_init (RingsideQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ringside_queue_finalize;
  object_class->get_property = ringside_queue_get_property;

  properties[PROP_GATE_ID] =
    g_param_spec_int64 ("gate-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_GATE_GROUP_ID] =
    g_param_spec_int64 ("gate-group-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_GROUP_NAME] = g_param_spec_string ("group-name", NULL, NULL, "", flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[PROP_IS_ACTIVE] = g_param_spec_boolean ("is-active", NULL, NULL, FALSE, flags);
  properties[PROP_OPEN] =
    g_param_spec_uint ("open", NULL, NULL, RINGSIDE_QUEUE_OPEN_UNKNOWN,
                       RINGSIDE_QUEUE_OPEN_YES, RINGSIDE_QUEUE_OPEN_UNKNOWN, flags);
  properties[PROP_PRIORITY] =
    g_param_spec_int64 ("priority", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_queue_init (RingsideQueue *self)
{
}

static RingsideQueue *
queue_new (JsonNode    *node,
           gint64       group_id,
           const char  *group_name,
           GError     **error)
{
  g_autoptr(RingsideQueue) self = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *id = NULL;
  g_autofree char *folded = NULL;
  JsonObject *object;
  JsonNode *open;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                   "the queue is %s, expected an object", ringside_json_describe (node));
      return NULL;
    }

  object = json_node_get_object (node);
  self = g_object_new (RINGSIDE_TYPE_QUEUE, NULL);
  self->group_id = group_id;
  self->group_name = g_strdup (group_name);

  if (!ringside_json_read_int64 (object, "gateId", &self->id, error) ||
      !ringside_json_read_string (object, "gateName", &self->name, error) ||
      (self->name == NULL && !ringside_json_read_string (object, "name", &self->name, error)) ||
      !ringside_json_read_string (object, "gateDesc", &self->description, error) ||
      (self->description == NULL &&
       !ringside_json_read_string (object, "description", &self->description, error)) ||
      !ringside_json_read_boolean (object, "isActive", &self->is_active, error) ||
      !ringside_json_read_int64 (object, "gatePriority", &self->priority, error))
    return NULL;

  self->extra = ringside_json_dup_extra (object, known_members);
  open = ringside_json_get_member (object, "gateOpen");
  if (open != NULL)
    {
      gboolean is_open = FALSE;

      if (!ringside_json_read_boolean (object, "gateOpen", &is_open, error))
        return NULL;
      self->open = is_open ? RINGSIDE_QUEUE_OPEN_YES : RINGSIDE_QUEUE_OPEN_NO;
    }

  folded = g_utf8_casefold (ringside_queue_get_name (self), -1);
  self->name_sort_key = g_utf8_collate_key (folded, -1);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, self->id);
  joined = g_strjoin ("\n", ringside_queue_get_name (self), ringside_queue_get_group_name (self),
                      ringside_queue_get_description (self), id, NULL);
  self->search_key = g_utf8_casefold (joined, -1);

  return g_steal_pointer (&self);
}

/**
 * ringside_queue_parse_group_json:
 * @node: one element of GET A/gateGroups/withChildren
 * @out: where the group's queues are appended
 *
 * A group without "gates" has no queues. On error nothing is appended.
 *
 * Returns: whether the group could be read
 */
gboolean
ringside_queue_parse_group_json (JsonNode   *node,
                                 GPtrArray  *out,
                                 GError    **error)
{
  g_autoptr(GPtrArray) queues = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *group_name = NULL;
  gint64 group_id = 0;
  JsonObject *object;
  JsonNode *gates;
  JsonArray *array;

  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                   "the queue group is %s, expected an object", ringside_json_describe (node));
      return FALSE;
    }

  object = json_node_get_object (node);
  if (!ringside_json_read_int64 (object, "gateGroupId", &group_id, error) ||
      !ringside_json_read_string (object, "groupName", &group_name, error))
    return FALSE;

  gates = ringside_json_get_member (object, "gates");
  if (gates == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (gates))
    return ringside_json_fail_member (error, "gates", gates, "a list");

  array = json_node_get_array (gates);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      RingsideQueue *queue = queue_new (json_array_get_element (array, i), group_id,
                                        group_name, error);

      if (queue == NULL)
        {
          g_prefix_error (error, "queue %u of group %" G_GINT64_FORMAT ": ", i, group_id);
          return FALSE;
        }
      g_ptr_array_add (queues, queue);
    }

  g_ptr_array_extend_and_steal (out, g_steal_pointer (&queues));
  return TRUE;
}

#define GETTER_STRING(name, member) \
  const char * \
  ringside_queue_get_##name (RingsideQueue *self) \
  { \
    g_return_val_if_fail (RINGSIDE_IS_QUEUE (self), NULL); \
    return self->member != NULL ? self->member : ""; \
  }

GETTER_STRING (group_name, group_name)
GETTER_STRING (name, name)
GETTER_STRING (description, description)
GETTER_STRING (name_sort_key, name_sort_key)

#undef GETTER_STRING

gint64
ringside_queue_get_id (RingsideQueue *self)
{
  g_return_val_if_fail (RINGSIDE_IS_QUEUE (self), 0);

  return self->id;
}

gint64
ringside_queue_get_group_id (RingsideQueue *self)
{
  g_return_val_if_fail (RINGSIDE_IS_QUEUE (self), 0);

  return self->group_id;
}

gboolean
ringside_queue_get_is_active (RingsideQueue *self)
{
  g_return_val_if_fail (RINGSIDE_IS_QUEUE (self), FALSE);

  return self->is_active;
}

/* After a change was applied (ringside-active-change.h): the row and the details rebind. */
void
ringside_queue_set_is_active (RingsideQueue *self,
                              gboolean      is_active)
{
  g_return_if_fail (RINGSIDE_IS_QUEUE (self));

  if (self->is_active == !!is_active)
    return;
  self->is_active = !!is_active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_ACTIVE]);
}

RingsideQueueOpen
ringside_queue_get_open (RingsideQueue *self)
{
  g_return_val_if_fail (RINGSIDE_IS_QUEUE (self), RINGSIDE_QUEUE_OPEN_UNKNOWN);

  return self->open;
}

gint64
ringside_queue_get_priority (RingsideQueue *self)
{
  g_return_val_if_fail (RINGSIDE_IS_QUEUE (self), 0);

  return self->priority;
}

gboolean
ringside_queue_matches (RingsideQueue *self,
                        const char    *needle)
{
  g_return_val_if_fail (RINGSIDE_IS_QUEUE (self), FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);

  return self->search_key != NULL && strstr (self->search_key, needle) != NULL;
}

static gboolean
queue_match (gpointer    item,
             const char *needle)
{
  return ringside_queue_matches (item, needle);
}

static const char *
queues_group_of (gpointer item)
{
  return ringside_queue_get_group_name (item);
}

const RingsideListKind ringside_queues_list_kind = {
  .name = "queue group",
  .get_item_type = ringside_queue_get_type,
  .path_template = "/voice/api/v1/admin/accounts/{accountId}/gateGroups/withChildren",
  .parse = ringside_queue_parse_group_json,
  .match = queue_match,
  .paging = RINGSIDE_LIST_PAGING_PAGE_MAX_ROWS,
  .page_size = 100,
  .group_of = queues_group_of,
  .forbidden_message = N_("You don’t have permission to view queues in this account."),
};

const char *
ringside_queue_get_extra_json (RingsideQueue *self)
{
  g_return_val_if_fail (RINGSIDE_IS_QUEUE (self), NULL);

  return self->extra;
}
