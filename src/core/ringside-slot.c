/* ringside-slot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-slot-private.h"

struct _RingsideSlot
{
  GObject   parent_instance;

  guint     position;
  GObject  *item;       /* owned; NULL once the position has left the model */
};

G_DEFINE_FINAL_TYPE (RingsideSlot, ringside_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

RingsideSlot *
ringside_slot_new (guint    position,
                   gpointer item)
{
  RingsideSlot *self = g_object_new (RINGSIDE_TYPE_SLOT, NULL);

  self->position = position;
  self->item = item != NULL ? g_object_ref (item) : NULL;

  return self;
}

guint
ringside_slot_get_position (RingsideSlot *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SLOT (self), 0);

  return self->position;
}

gpointer
ringside_slot_get_item (RingsideSlot *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SLOT (self), NULL);

  return self->item;
}

void
ringside_slot_set_item (RingsideSlot *self,
                        gpointer      item,
                        gboolean      notify)
{
  g_return_if_fail (RINGSIDE_IS_SLOT (self));

  g_set_object (&self->item, item);
  if (notify)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

static void
ringside_slot_dispose (GObject *object)
{
  RingsideSlot *self = RINGSIDE_SLOT (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (ringside_slot_parent_class)->dispose (object);
}

static void
ringside_slot_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RingsideSlot *self = RINGSIDE_SLOT (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_slot_class_init (RingsideSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ringside_slot_dispose;
  object_class->get_property = ringside_slot_get_property;

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_slot_init (RingsideSlot *self)
{
}
