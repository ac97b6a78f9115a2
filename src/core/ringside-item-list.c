/* ringside-item-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-item-list.h"

struct _RingsideItemList
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;      /* owned references, in model order */
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

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, items->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
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
gpointer
ringside_item_list_peek (RingsideItemList *self,
                         guint             position)
{
  g_return_val_if_fail (RINGSIDE_IS_ITEM_LIST (self), NULL);

  return position < self->items->len ? self->items->pdata[position] : NULL;
}
