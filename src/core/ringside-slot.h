/* ringside-slot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RINGSIDE_TYPE_SLOT (ringside_slot_get_type ())
G_DECLARE_FINAL_TYPE (RingsideSlot, ringside_slot, RINGSIDE, SLOT, GObject)

/* One position of a RingsideSlotModel: it stays at its position and shows whichever item
 * its model's source has there now. When that changes, or the item there was changed in
 * place, the slot notifies "item" (even when the item is the same object), and whatever
 * shows the slot shows it again.
 *
 * Read-only properties: "position" (guint), "item" (GObject, NULL once the slot's position
 * has left the model). */
guint     ringside_slot_get_position (RingsideSlot *self);
gpointer  ringside_slot_get_item     (RingsideSlot *self);

G_END_DECLS
