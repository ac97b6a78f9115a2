/* ringside-slot-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-slot-model.h"
#include "ringside-slot-private.h"

struct _RingsideSlotModel
{
  GObject      parent_instance;

  GListModel  *source;      /* owned */
  guint        n_items;     /* the rows shown: the source's, less those held back */

  guint        paced_rows;  /* growth within these rows waits for reveal(); 0: never */
  guint        step;
  GObject     *placeholder; /* owned, nullable: what blank rows show */

  /* The slots alive, by position: the rows a view holds, a few hundred at most. Borrowed:
   * each slot takes itself out when it goes. */
  GHashTable  *slots;
};

static void     ringside_slot_model_model_init (GListModelInterface *iface);
static gpointer item_at                        (RingsideSlotModel   *self,
                                                guint                position);

G_DEFINE_FINAL_TYPE_WITH_CODE (RingsideSlotModel, ringside_slot_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ringside_slot_model_model_init))

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Slots */

static void
on_slot_finalized (gpointer  data,
                   GObject  *where_the_slot_was)
{
  RingsideSlotModel *self = data;
  GHashTableIter iter;
  gpointer slot;

  /* The slot's own position is not readable any more: find it by address. */
  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, NULL, &slot))
    {
      if (slot == (gpointer) where_the_slot_was)
        {
          g_hash_table_iter_remove (&iter);
          return;
        }
    }
}

static void
forget_slot (RingsideSlotModel *self,
             RingsideSlot      *slot)
{
  g_object_weak_unref (G_OBJECT (slot), on_slot_finalized, self);
}

/* GListModel */

static GType
ringside_slot_model_get_item_type (GListModel *model)
{
  return RINGSIDE_TYPE_SLOT;
}

static guint
ringside_slot_model_get_n_items (GListModel *model)
{
  return RINGSIDE_SLOT_MODEL (model)->n_items;
}

static gpointer
ringside_slot_model_get_item (GListModel *model,
                              guint       position)
{
  RingsideSlotModel *self = RINGSIDE_SLOT_MODEL (model);
  g_autoptr(GObject) item = NULL;
  RingsideSlot *slot;

  if (position >= self->n_items || self->slots == NULL)
    return NULL;

  slot = g_hash_table_lookup (self->slots, GUINT_TO_POINTER (position));
  if (slot != NULL)
    return g_object_ref (slot);

  item = item_at (self, position);
  slot = ringside_slot_new (position, item);
  g_hash_table_insert (self->slots, GUINT_TO_POINTER (position), slot);
  g_object_weak_ref (G_OBJECT (slot), on_slot_finalized, self);

  return slot;
}

static void
ringside_slot_model_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ringside_slot_model_get_item_type;
  iface->get_n_items = ringside_slot_model_get_n_items;
  iface->get_item = ringside_slot_model_get_item;
}

/* Following the source */

/* How far the rows shown are from the source's: rows held back, or rows held blank. */
static guint
count_pending (RingsideSlotModel *self)
{
  guint n_source;

  /* Disposed */
  if (self->source == NULL)
    return 0;

  n_source = g_list_model_get_n_items (self->source);

  return n_source > self->n_items ? n_source - self->n_items : self->n_items - n_source;
}

/* What the slot at @position shows: the source's item, or past its end, the placeholder.
 * Returns: (transfer full) (nullable) */
static gpointer
item_at (RingsideSlotModel *self,
         guint              position)
{
  if (position < g_list_model_get_n_items (self->source))
    return g_list_model_get_item (self->source, position);

  return self->placeholder != NULL ? g_object_ref (self->placeholder) : NULL;
}

/* The slots from @position on below @end show what they should now; those in
 * [position, changed_end) were changed in place too. */
static void
retarget_slots (RingsideSlotModel *self,
                guint              position,
                guint              changed_end,
                guint              end)
{
  g_autoptr(GPtrArray) reached = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key, slot;

  /* Collected first: a slot's new binding may ask for other slots, changing the table. */
  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, &key, &slot))
    {
      guint at = GPOINTER_TO_UINT (key);

      if (at >= position && at < end)
        g_ptr_array_add (reached, g_object_ref (slot));
    }

  for (guint i = 0; i < reached->len; i++)
    {
      RingsideSlot *slot_reached = g_ptr_array_index (reached, i);
      guint at = ringside_slot_get_position (slot_reached);
      g_autoptr(GObject) item = item_at (self, at);

      if (at < changed_end || item != ringside_slot_get_item (slot_reached))
        ringside_slot_set_item (slot_reached, item, TRUE);
    }
}

/* Slots at @n_items and past it have left the model: they show nothing from now on, and a
 * slot asked for there later is a new one. */
static void
drop_slots_from (RingsideSlotModel *self,
                 guint              n_items)
{
  GHashTableIter iter;
  gpointer key, slot;

  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, &key, &slot))
    {
      if (GPOINTER_TO_UINT (key) < n_items)
        continue;

      ringside_slot_set_item (slot, NULL, FALSE);
      forget_slot (self, slot);
      g_hash_table_iter_remove (&iter);
    }
}

static void
set_n_items (RingsideSlotModel *self,
             guint              n_items)
{
  guint old = self->n_items;

  if (n_items == old)
    return;

  self->n_items = n_items;
  if (n_items < old)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), n_items, old - n_items, 0);
      drop_slots_from (self, n_items);
    }
  else
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, n_items - old);
}

/* Past the last slot alive nobody shows a row. */
static guint
end_of_live_slots (RingsideSlotModel *self)
{
  GHashTableIter iter;
  gpointer key;
  guint end = 0;

  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    end = MAX (end, GPOINTER_TO_UINT (key) + 1);

  return end;
}

/* The rows shown after the source grew or shrank to @n_source: growth past the paced rows
 * at once; shrinking at once but for the blank rows someone shows within the paced rows,
 * which go a step at a time (see ringside_slot_model_set_placeholder()). */
static guint
follow_length (RingsideSlotModel *self,
               guint              n_source)
{
  guint held;

  if (n_source >= self->n_items)
    return self->n_items >= self->paced_rows ? n_source : self->n_items;
  if (self->placeholder == NULL)
    return n_source;

  held = MAX (n_source, end_of_live_slots (self));
  return held <= self->paced_rows ? MIN (self->n_items, held) : n_source;
}

static void
on_source_items_changed (GListModel        *source,
                         guint              position,
                         guint              removed,
                         guint              added,
                         RingsideSlotModel *self)
{
  guint n_source = g_list_model_get_n_items (source);
  guint n_source_before = n_source - added + removed;
  guint pending_before = n_source_before > self->n_items ? n_source_before - self->n_items
                                                         : self->n_items - n_source_before;
  guint n_items = follow_length (self, n_source);
  /* Slots about to leave are not told first. */
  guint end = MIN (self->n_items, n_items);

  if (removed == added)
    end = MIN (end, position + added);
  if (position < end)
    retarget_slots (self, position, position + added, end);

  set_n_items (self, n_items);

  if (count_pending (self) != pending_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* Public API */

RingsideSlotModel *
ringside_slot_model_new (GListModel *source)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);

  return g_object_new (RINGSIDE_TYPE_SLOT_MODEL, "source", source, NULL);
}

GListModel *
ringside_slot_model_get_source (RingsideSlotModel *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SLOT_MODEL (self), NULL);

  return self->source;
}

/**
 * ringside_slot_model_set_pacing:
 * @paced_rows: how many of the first rows are added @step at a time; 0 adds every row at once
 * @step: how many rows each ringside_slot_model_reveal() adds
 *
 * Takes effect with the next growth.
 */
void
ringside_slot_model_set_pacing (RingsideSlotModel *self,
                                guint              paced_rows,
                                guint              step)
{
  g_return_if_fail (RINGSIDE_IS_SLOT_MODEL (self));
  g_return_if_fail (paced_rows == 0 || step > 0);

  self->paced_rows = paced_rows;
  self->step = step;
}

guint
ringside_slot_model_get_pending (RingsideSlotModel *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SLOT_MODEL (self), 0);

  return count_pending (self);
}

/**
 * ringside_slot_model_reveal:
 *
 * Adds the next step of the rows held back, or takes away the next step of the blank rows;
 * adds all the rest once the first paced rows are shown.
 *
 * Returns: whether rows are still to be added or taken away
 */
gboolean
ringside_slot_model_reveal (RingsideSlotModel *self)
{
  guint n_source, n_items;

  g_return_val_if_fail (RINGSIDE_IS_SLOT_MODEL (self), FALSE);

  if (self->source == NULL)
    return FALSE;

  n_source = g_list_model_get_n_items (self->source);
  if (self->n_items == n_source)
    return FALSE;

  if (self->paced_rows == 0)
    n_items = n_source;
  else if (self->n_items < n_source)
    {
      n_items = self->n_items + self->step;
      n_items = n_items >= self->paced_rows ? n_source : MIN (n_items, n_source);
    }
  else
    n_items = self->n_items > n_source + self->step ? self->n_items - self->step : n_source;

  set_n_items (self, n_items);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);

  return self->n_items != n_source;
}

/**
 * ringside_slot_model_set_placeholder:
 * @placeholder: (nullable): an item of the source's type that shows as a blank row
 *
 * With a placeholder and pacing, a source that shrinks does not take rows away from a view
 * at once: the rows someone shows within the paced rows show @placeholder, and go a step at
 * a time; as the source grows again, they show its items. GTK's filter models empty
 * themselves when their filter changes and fill up again a few rows at a time, which would
 * otherwise throw the rows away and build them again on every search keystroke.
 */
void
ringside_slot_model_set_placeholder (RingsideSlotModel *self,
                                     gpointer           placeholder)
{
  guint n_source;

  g_return_if_fail (RINGSIDE_IS_SLOT_MODEL (self));
  g_return_if_fail (placeholder == NULL || G_IS_OBJECT (placeholder));

  if (!g_set_object (&self->placeholder, placeholder) || self->source == NULL)
    return;

  n_source = g_list_model_get_n_items (self->source);
  if (self->n_items <= n_source)
    return;

  /* Blank rows show the new placeholder, or without one, go. */
  if (placeholder != NULL)
    retarget_slots (self, n_source, 0, self->n_items);
  else
    {
      set_n_items (self, n_source);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
}

/* GObject */

static void
ringside_slot_model_constructed (GObject *object)
{
  RingsideSlotModel *self = RINGSIDE_SLOT_MODEL (object);

  G_OBJECT_CLASS (ringside_slot_model_parent_class)->constructed (object);

  g_return_if_fail (self->source != NULL);

  self->n_items = g_list_model_get_n_items (self->source);
  g_signal_connect_object (self->source, "items-changed",
                           G_CALLBACK (on_source_items_changed), self, 0);
}

static void
ringside_slot_model_dispose (GObject *object)
{
  RingsideSlotModel *self = RINGSIDE_SLOT_MODEL (object);

  if (self->slots != NULL)
    {
      GHashTableIter iter;
      gpointer slot;

      g_hash_table_iter_init (&iter, self->slots);
      while (g_hash_table_iter_next (&iter, NULL, &slot))
        forget_slot (self, slot);
      g_clear_pointer (&self->slots, g_hash_table_unref);
    }
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  /* A model disposed early (g_object_run_dispose()) is an empty one. */
  self->n_items = 0;
  g_clear_object (&self->placeholder);

  G_OBJECT_CLASS (ringside_slot_model_parent_class)->dispose (object);
}

static void
ringside_slot_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RingsideSlotModel *self = RINGSIDE_SLOT_MODEL (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    case PROP_PENDING:
      g_value_set_uint (value, count_pending (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_slot_model_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RingsideSlotModel *self = RINGSIDE_SLOT_MODEL (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      self->source = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_slot_model_class_init (RingsideSlotModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ringside_slot_model_constructed;
  object_class->dispose = ringside_slot_model_dispose;
  object_class->get_property = ringside_slot_model_get_property;
  object_class->set_property = ringside_slot_model_set_property;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_slot_model_init (RingsideSlotModel *self)
{
  self->slots = g_hash_table_new (NULL, NULL);
}
