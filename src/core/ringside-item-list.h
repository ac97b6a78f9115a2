/* ringside-item-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ringside-list-kind.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_ITEM_LIST (ringside_item_list_get_type ())
G_DECLARE_FINAL_TYPE (RingsideItemList, ringside_item_list, RINGSIDE, ITEM_LIST, GObject)

/* A GListModel that only grows at its end, or is emptied at once: what a load fills. Items
 * live in one array, so g_list_model_get_item() is a constant-time lookup; GTK's list views
 * call it for every row a change covers, and over a GListStore (a GSequence) that walk cost
 * more than anything else in showing 100,000 users.
 *
 * A list made for a kind with a relation (RingsideListKind.relation) keeps an index of its
 * items by key and links every item to the one its related key names as soon as both are
 * in, whichever came first. Items linked after they were added (the item they relate to came
 * in a later batch) are announced, after the append's own signal, with one items-changed
 * that replaces the range holding them by itself, so that sorted views place them again and
 * rebind their rows. Parents listed before their reports cost nothing more.
 *
 * Properties: "item-type" (GType, construct-only), "n-items" (guint, read-only, notified
 * after items-changed, as GListStore does). */
RingsideItemList *ringside_item_list_new        (GType             item_type);
/* A list of @kind's items, resolving its relation if it has one. @kind must outlive it. */
RingsideItemList *ringside_item_list_new_for_kind (const RingsideListKind *kind);
/* The kind the list was made for, or NULL. */
const RingsideListKind *ringside_item_list_get_kind (RingsideItemList *self);

/* Appends the objects of @items in one items-changed, with references of its own (@items
 * keeps its). Each must be an instance of the item type; an empty @items emits nothing. */
void              ringside_item_list_append     (RingsideItemList *self,
                                                 GPtrArray        *items);
/* Empties the list in one items-changed; nothing is emitted when it is already empty. */
void              ringside_item_list_remove_all (RingsideItemList *self);

/* Announces that @item, in the list, has changed (an edit made by the app), with one
 * items-changed that replaces its position by itself, so that sorted and filtered views
 * place it again and rebind its row. Returns FALSE when @item is not in the list. */
gboolean          ringside_item_list_item_changed (RingsideItemList *self,
                                                   gpointer          item);

/* The item at @position without a reference, for hot loops; NULL past the end. */
gpointer          ringside_item_list_peek       (RingsideItemList *self,
                                                 guint             position);
/* The item whose key is @key, without a reference; NULL if there is none, or if the list
 * has no relation (so no index). The last item added with a key wins. */
gpointer          ringside_item_list_lookup     (RingsideItemList *self,
                                                 gint64            key);
/* The items linked to @item by the list's relation (a manager's direct reports), in list
 * order, with references; empty when the list has no relation. Takes one pass over the list. */
GPtrArray        *ringside_item_list_dup_related_to (RingsideItemList *self,
                                                     gpointer          item);

G_END_DECLS
