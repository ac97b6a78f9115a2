/* ringside-slot-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ringside-slot.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_SLOT_MODEL (ringside_slot_model_get_type ())
G_DECLARE_FINAL_TYPE (RingsideSlotModel, ringside_slot_model, RINGSIDE, SLOT_MODEL, GObject)

/* A list model of RingsideSlots over a source model: slot N shows the source's item N.
 *
 * Why: GTK 4.8's list views build new row widgets for every new item a change brings into
 * the couple of hundred rows they keep, and that costs a GTK 4.8 frame 50–250 ms when a
 * search or a sort replaces them. Slots stay where they are: a change in the source tells the
 * slots it reaches that they show another item, the rows bound to them are bound again, and
 * only a change of length adds or removes rows, at the end.
 *
 * Growth may be paced: within the first paced rows, rows are added only by
 * ringside_slot_model_reveal(), a step at a time (a caller calls it once a frame), so that no
 * frame builds more than a step of new rows; past them, the rest come at once. "pending" is
 * how far the rows shown are from the source's: rows held back (or blank rows yet to go, see
 * ringside_slot_model_set_placeholder()).
 *
 * Properties: "source" (GListModel, construct-only), "pending" (guint, read-only). */
RingsideSlotModel *ringside_slot_model_new         (GListModel        *source);

GListModel        *ringside_slot_model_get_source  (RingsideSlotModel *self);

void               ringside_slot_model_set_pacing  (RingsideSlotModel *self,
                                                    guint              paced_rows,
                                                    guint              step);
void               ringside_slot_model_set_placeholder
                                                   (RingsideSlotModel *self,
                                                    gpointer           placeholder);
guint              ringside_slot_model_get_pending (RingsideSlotModel *self);
gboolean           ringside_slot_model_reveal      (RingsideSlotModel *self);

G_END_DECLS
