/* ringside-slot-private.h: for RingsideSlotModel only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ringside-slot.h"

G_BEGIN_DECLS

RingsideSlot *ringside_slot_new      (guint         position,
                                      gpointer      item);
/* Notifies "item" when @notify; a slot leaving the model is emptied without a word. */
void          ringside_slot_set_item (RingsideSlot *self,
                                      gpointer      item,
                                      gboolean      notify);

G_END_DECLS
