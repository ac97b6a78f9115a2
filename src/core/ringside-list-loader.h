/* ringside-list-loader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ringside-item-list.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_LIST_LOADER (ringside_list_loader_get_type ())
G_DECLARE_FINAL_TYPE (RingsideListLoader, ringside_list_loader, RINGSIDE, LIST_LOADER, GObject)

/* Fills @items, whose item type is RINGSIDE_TYPE_ACCOUNT or RINGSIDE_TYPE_USER, from a JSON
 * array read as a stream: the body is read on the calling thread's main context, elements are
 * parsed by json-glib in a worker thread, and items reach the list in batches (one
 * ringside_item_list_append() at most every ~50 ms), so first rows appear while bytes still
 * arrive. The list is emptied when loading starts; starting a load cancels the one in progress.
 * On error or cancellation the items already added stay; the caller decides whether to keep
 * them. Errors: RINGSIDE_ERROR_BAD_RESPONSE (the body is not a list, or element N is broken:
 * "user 17: …"), RINGSIDE_ERROR_NETWORK or _TIMEOUT (reading failed), G_IO_ERROR_CANCELLED.
 *
 * Properties: "items" (construct-only), "n-items" (read-only, notified after each batch). */
RingsideListLoader *ringside_list_loader_new         (RingsideItemList    *items);

RingsideItemList   *ringside_list_loader_get_items   (RingsideListLoader  *self);
/* Items added to the list by the current or last load. */
guint               ringside_list_loader_get_n_items (RingsideListLoader  *self);

void                ringside_list_loader_load_async  (RingsideListLoader  *self,
                                                      GInputStream        *stream,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean            ringside_list_loader_load_finish (RingsideListLoader  *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
