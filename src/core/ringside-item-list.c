/* ringside-item-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-item-list.h"

/* A link never closes a cycle, and chains of links stay this short: an item holds a
 * reference on the one it is linked to, so a chain is let go of recursively. */
#define MAX_RELATION_DEPTH 1024

struct _RingsideItemList
{
  GObject                 parent_instance;

  GType                   item_type;
  const RingsideListKind *kind;       /* NULL for a plain list */
  GPtrArray              *items;      /* owned references, in model order */

  /* With a relation only. */
  GHashTable             *index;      /* gint64 key → item (borrowed from items) */
  GHashTable             *waiting;    /* gint64 key → GArray of the positions of the items
                                       * that relate to a key not in the index yet */
};

static void ringside_item_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RingsideItemList, ringside_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ringside_item_list_model_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GListModel: GTK calls get_item() for every row a change covers, so these stay plain
 * array reads; g_list_model_*() has already checked the instance. */

static GType
ringside_item_list_get_item_type (GListModel *model)
{
  return ((RingsideItemList *) model)->item_type;
}

static guint
ringside_item_list_get_n_items (GListModel *model)
{
  return ((RingsideItemList *) model)->items->len;
}

static gpointer
ringside_item_list_get_item (GListModel *model,
                             guint       position)
{
  GPtrArray *items = ((RingsideItemList *) model)->items;

  return position < items->len ? g_object_ref (items->pdata[position]) : NULL;
}

static void
ringside_item_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ringside_item_list_get_item_type;
  iface->get_n_items = ringside_item_list_get_n_items;
  iface->get_item = ringside_item_list_get_item;
}

/* GObject */

static void
ringside_item_list_finalize (GObject *object)
{
  RingsideItemList *self = (RingsideItemList *) object;

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->waiting, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (ringside_item_list_parent_class)->finalize (object);
}

static void
ringside_item_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RingsideItemList *self = RINGSIDE_ITEM_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_item_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RingsideItemList *self = RINGSIDE_ITEM_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      /* The pspec already refuses anything that is not a GObject type. */
      self->item_type = g_value_get_gtype (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_item_list_class_init (RingsideItemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ringside_item_list_finalize;
  object_class->get_property = ringside_item_list_get_property;
  object_class->set_property = ringside_item_list_set_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_item_list_init (RingsideItemList *self)
{
  self->item_type = G_TYPE_OBJECT;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Relations */

static gint64 *
key_new (gint64 key)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = key;
  return copy;
}

/* Links @item to @related unless that would close a cycle or make a chain too long. */
static void
relation_link (const RingsideListRelation *relation,
               gpointer                    item,
               gpointer                    related)
{
  guint depth = 0;

  for (gpointer up = related; up != NULL; up = relation->get_related (up))
    {
      if (up == item || ++depth > MAX_RELATION_DEPTH)
        {
          g_debug ("Not linking an item: it would close a cycle or make too long a chain");
          return;
        }
    }

  relation->relate (item, related);
}

/* Indexes the items from @position on and links what can be linked. Returns the range of
 * items before @position that were linked, or FALSE if none was. */
static gboolean
resolve_relation (RingsideItemList *self,
                  guint             position,
                  guint            *late_first,
                  guint            *late_last)
{
  const RingsideListRelation *relation = self->kind->relation;
  gboolean late = FALSE;

  for (guint i = position; i < self->items->len; i++)
    {
      gpointer item = self->items->pdata[i];
      gint64 key = relation->get_key (item);
      gint64 related_key = relation->get_related_key (item);
      GArray *waiting;

      if (related_key != 0 && relation->get_related (item) == NULL)
        {
          gpointer related = g_hash_table_lookup (self->index, &related_key);

          if (related != NULL)
            relation_link (relation, item, related);
          else
            {
              waiting = g_hash_table_lookup (self->waiting, &related_key);
              if (waiting == NULL)
                {
                  waiting = g_array_new (FALSE, FALSE, sizeof (guint));
                  g_hash_table_insert (self->waiting, key_new (related_key), waiting);
                }
              g_array_append_val (waiting, i);
            }
        }

      if (key == 0)
        continue;

      g_hash_table_replace (self->index, key_new (key), item);

      waiting = g_hash_table_lookup (self->waiting, &key);
      if (waiting == NULL)
        continue;

      for (guint w = 0; w < waiting->len; w++)
        {
          guint waiting_position = g_array_index (waiting, guint, w);

          relation_link (relation, self->items->pdata[waiting_position], item);
          if (waiting_position >= position)
            continue;

          *late_first = late ? MIN (*late_first, waiting_position) : waiting_position;
          *late_last = late ? MAX (*late_last, waiting_position) : waiting_position;
          late = TRUE;
        }
      g_hash_table_remove (self->waiting, &key);
    }

  return late;
}

/* Public API */

/**
 * ringside_item_list_new:
 * @item_type: the #GType of the items, a #GObject type
 *
 * Returns: (transfer full): a new, empty list
 */
RingsideItemList *
ringside_item_list_new (GType item_type)
{
  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  return g_object_new (RINGSIDE_TYPE_ITEM_LIST, "item-type", item_type, NULL);
}

/**
 * ringside_item_list_new_for_kind:
 * @kind: the kind of list; it must outlive the list (kinds are static)
 *
 * Returns: (transfer full): a new, empty list of @kind's items
 */
RingsideItemList *
ringside_item_list_new_for_kind (const RingsideListKind *kind)
{
  RingsideItemList *self;

  g_return_val_if_fail (kind != NULL && kind->get_item_type != NULL, NULL);
  g_return_val_if_fail (kind->relation == NULL ||
                        (kind->relation->get_key != NULL &&
                         kind->relation->get_related_key != NULL &&
                         kind->relation->relate != NULL &&
                         kind->relation->get_related != NULL), NULL);

  self = ringside_item_list_new (kind->get_item_type ());
  self->kind = kind;
  if (kind->relation != NULL)
    {
      self->index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      self->waiting = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_array_unref);
    }

  return self;
}

/**
 * ringside_item_list_get_kind:
 *
 * Returns: (nullable): the kind the list was made for
 */
const RingsideListKind *
ringside_item_list_get_kind (RingsideItemList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ITEM_LIST (self), NULL);

  return self->kind;
}

/**
 * ringside_item_list_append:
 * @self: a #RingsideItemList
 * @items: (element-type GObject): instances of the list's item type
 *
 * Adds a reference to each of @items and appends them, in one items-changed. Nothing is
 * emitted when @items is empty. If any of @items is not of the item type, nothing is added.
 */
void
ringside_item_list_append (RingsideItemList *self,
                           GPtrArray        *items)
{
  guint position;
  guint late_first = 0, late_last = 0;
  gboolean late = FALSE;

  g_return_if_fail (RINGSIDE_IS_ITEM_LIST (self));
  g_return_if_fail (items != NULL);

  /* All are checked before any goes in, so that a bad one leaves the list as it was. */
  for (guint i = 0; i < items->len; i++)
    g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (items->pdata[i], self->item_type));

  if (items->len == 0)
    return;

  position = self->items->len;
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->items, g_object_ref (items->pdata[i]));

  /* New items are linked before anyone sees them; older ones linked now are announced. */
  if (self->index != NULL)
    late = resolve_relation (self, position, &late_first, &late_last);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, items->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  if (late && late_last < self->items->len)
    g_list_model_items_changed (G_LIST_MODEL (self), late_first,
                                late_last - late_first + 1, late_last - late_first + 1);
}

/**
 * ringside_item_list_remove_all:
 * @self: a #RingsideItemList
 *
 * Removes every item, in one items-changed. Nothing is emitted when the list is empty.
 */
void
ringside_item_list_remove_all (RingsideItemList *self)
{
  g_autoptr(GPtrArray) removed = NULL;

  g_return_if_fail (RINGSIDE_IS_ITEM_LIST (self));

  if (self->items->len == 0)
    return;

  /* The items are let go only after the signal, so that no finalizer runs while the list
   * and what its handlers last heard disagree. */
  removed = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->index != NULL)
    {
      g_hash_table_remove_all (self->index);
      g_hash_table_remove_all (self->waiting);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed->len, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * ringside_item_list_peek:
 * @self: a #RingsideItemList
 * @position: the position of the item
 *
 * Returns: (transfer none) (nullable) (type GObject): the item at @position, or %NULL past
 *   the end
 */
gboolean
ringside_item_list_item_changed (RingsideItemList *self,
                                 gpointer          item)
{
  guint position;

  g_return_val_if_fail (RINGSIDE_IS_ITEM_LIST (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!g_ptr_array_find (self->items, item, &position))
    return FALSE;

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return TRUE;
}

gpointer
ringside_item_list_peek (RingsideItemList *self,
                         guint             position)
{
  g_return_val_if_fail (RINGSIDE_IS_ITEM_LIST (self), NULL);

  return position < self->items->len ? self->items->pdata[position] : NULL;
}

/**
 * ringside_item_list_lookup:
 * @self: a #RingsideItemList
 * @key: the key of an item (a non-zero API ID)
 *
 * Returns: (transfer none) (nullable) (type GObject): the item with @key
 */
gpointer
ringside_item_list_lookup (RingsideItemList *self,
                           gint64            key)
{
  g_return_val_if_fail (RINGSIDE_IS_ITEM_LIST (self), NULL);

  return self->index != NULL ? g_hash_table_lookup (self->index, &key) : NULL;
}

/**
 * ringside_item_list_dup_related_to:
 * @self: a #RingsideItemList
 * @item: an item of the list
 *
 * Returns: (transfer container) (element-type GObject): the items linked to @item
 */
GPtrArray *
ringside_item_list_dup_related_to (RingsideItemList *self,
                                   gpointer          item)
{
  GPtrArray *related = g_ptr_array_new_with_free_func (g_object_unref);
  RingsideListRelatedFunc get_related;

  g_return_val_if_fail (RINGSIDE_IS_ITEM_LIST (self), related);
  g_return_val_if_fail (item != NULL, related);

  if (self->index == NULL)
    return related;

  /* One pass over pointers: a few hundred microseconds for 100,000 users, asked once when
   * details open, so no second index to keep in step with every append. */
  get_related = self->kind->relation->get_related;
  for (guint i = 0; i < self->items->len; i++)
    if (get_related (self->items->pdata[i]) == item)
      g_ptr_array_add (related, g_object_ref (self->items->pdata[i]));

  return related;
}
