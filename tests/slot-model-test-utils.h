/* slot-model-test-utils.h: what test-slot-model.c and test-slot-model-placeholder.c both use,
 * kept once so that the two check the slot model the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ringside-slot-model.h"

G_BEGIN_DECLS

/* The source: a GListStore of plain objects, told apart by their addresses. */

/* Replaces @removed items at @position with @added new ones. */
void        slot_test_splice_new  (GListStore *store,
                                   guint       position,
                                   guint       removed,
                                   guint       added);
/* A new store of @n_items new items, owned. */
GListStore *slot_test_store_new   (guint       n_items);
/* The source's item at @position, borrowed (the store keeps it), or NULL. */
gpointer    slot_test_source_item (GListModel *source,
                                   guint       position);

/* What the slot model told its listeners. */

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_items;    /* the model's length when it told */
} SlotTestChange;

typedef struct
{
  GListModel *model;
  GArray     *changes;          /* of SlotTestChange */
  guint       pending_notifies;
} SlotTestRecorder;

/* Starts recording @model's items-changed and notify::pending into @recorder. */
void slot_test_recorder_init  (SlotTestRecorder  *recorder,
                               RingsideSlotModel *model);
void slot_test_recorder_clear (SlotTestRecorder  *recorder);

/* The changes heard since the last look, replayed on *@shadow_len (the model's length as its
 * items-changed tell it), which they update: rows come and go at the end only, and the model
 * has the length it tells. They are forgotten; "pending" is left to look at. */
void slot_test_recorder_replay (SlotTestRecorder *recorder,
                                guint            *shadow_len);

/* Since the last look, the model said "pending" changed so often, and told of no change. */
void slot_test_assert_heard_nothing (SlotTestRecorder *recorder,
                                     guint             pending_notifies);
/* Since the last look, the model said "pending" changed so often, and told of this change
 * alone, having the length it tells of already. */
void slot_test_assert_heard         (SlotTestRecorder *recorder,
                                     guint             pending_notifies,
                                     guint             position,
                                     guint             removed,
                                     guint             added);

/* The model has @n_items rows and @pending held back, by its getter and its property. */
void slot_test_assert_pending (RingsideSlotModel *model,
                               guint              n_items,
                               guint              pending);

/* A slot the test holds, and how often it said "item" changed. */

typedef struct
{
  RingsideSlot *slot;       /* owned */
  guint         position;
  guint         notified;
  gboolean      left;       /* the model shrank past it: it shows nothing from then on */
  gpointer      item_before; /* borrowed, for comparison only: what it showed before a step */
} SlotTestWatch;

/* Holds the model's slot at @position, which must be there, and counts its notify::item. */
SlotTestWatch *slot_test_watch_new   (RingsideSlotModel *model,
                                      guint              position);
void           slot_test_watch_free  (SlotTestWatch     *watch);
/* Watches of every position from @first below @end, as a view holds the rows it shows; a
 * GPtrArray that frees them. */
GPtrArray     *slot_test_watch_range (RingsideSlotModel *model,
                                      guint              first,
                                      guint              end);

G_END_DECLS
