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

/* The default caps of one load: a body past them is not read further (see "max-bytes"). */
#define RINGSIDE_LIST_LOADER_DEFAULT_MAX_BYTES (G_GUINT64_CONSTANT (1) << 30)
#define RINGSIDE_LIST_LOADER_DEFAULT_MAX_ITEMS 2000000
/* How long a read may wait for the server's next bytes, in milliseconds. */
#define RINGSIDE_LIST_LOADER_DEFAULT_STALL_TIMEOUT_MS 30000

/**
 * RingsideListOpener:
 * @open_async: starts a GET of @path (with its query) on @source
 * @open_finish: the body of the answer, or %NULL with the error (HTTP failures included)
 *
 * How a loader asks for the pages of a list: ringside_session_send_async() for the app, a
 * plain SoupSession in tests.
 */
typedef struct
{
  void          (*open_async)  (gpointer             source,
                                const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
  GInputStream *(*open_finish) (gpointer             source,
                                GAsyncResult        *result,
                                GError             **error);
} RingsideListOpener;

/* Fills @items, made with ringside_item_list_new_for_kind(), with the kind's items from a
 * JSON array read as a stream: the body is read on the calling thread's main context,
 * elements are parsed (with the kind's parse function) in a worker thread, and items reach
 * the list in batches (one ringside_item_list_append() at most every ~50 ms), so first rows
 * appear while bytes still arrive. The list is emptied when loading starts; starting a load
 * cancels the one in progress.
 *
 * Bounds: a load that passes "max-bytes" or "max-items" stops reading, lets go of what it read
 * (the list ends empty) and fails with RINGSIDE_ERROR_TOO_LARGE; a read that gets no byte for
 * "stall-timeout" ms fails with RINGSIDE_ERROR_TIMEOUT. There is no deadline for a whole
 * load: a big list over a slow link may rightly take minutes, and a server that drips bytes
 * forever is stopped by the caps or by the user (cancellation: refresh, sign-out).
 *
 * On another error or cancellation the items already added stay; the caller decides whether
 * to keep them. Errors: RINGSIDE_ERROR_BAD_RESPONSE (the body is not a list, or element N is
 * broken: "user 17: …"), RINGSIDE_ERROR_NETWORK or _TIMEOUT (reading failed or stalled),
 * RINGSIDE_ERROR_TOO_LARGE, G_IO_ERROR_CANCELLED, and what the opener fails with.
 *
 * Properties: "items" (construct-only), "n-items" (read-only, notified after each batch),
 * "max-bytes" (guint64), "max-items" (guint), "stall-timeout" (guint, ms, 0 for none):
 * read-write, read when a load starts; settable so that tests need no gigabytes. */
RingsideListLoader *ringside_list_loader_new         (RingsideItemList    *items);

RingsideItemList   *ringside_list_loader_get_items   (RingsideListLoader  *self);
/* Items added to the list by the current or last load. */
guint               ringside_list_loader_get_n_items (RingsideListLoader  *self);

/* Loads one body: the kind's paging is not used. */
void                ringside_list_loader_load_async  (RingsideListLoader  *self,
                                                      GInputStream        *stream,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean            ringside_list_loader_load_finish (RingsideListLoader  *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Asks @opener for @path (from ringside_list_kind_expand_path()) and loads the answer; with a
 * paged kind, asks for page after page, each read to its end before the next is asked for,
 * until one comes back empty or shorter than the longest before. */
void                ringside_list_loader_fetch_async (RingsideListLoader       *self,
                                                      const RingsideListOpener *opener,
                                                      gpointer                  source,
                                                      const char               *path,
                                                      GCancellable             *cancellable,
                                                      GAsyncReadyCallback       callback,
                                                      gpointer                  user_data);
gboolean            ringside_list_loader_fetch_finish (RingsideListLoader      *self,
                                                       GAsyncResult            *result,
                                                       GError                 **error);

/* Loads the list the items' kind describes, its path filled in with @values (names and values
 * in turn, as ringside_list_kind_expand_path() takes them). A kind with a fan-out
 * (RingsideListKind.fan_out) is read in two steps: its parents' list (paged as the parent
 * kind says), then the children of each parent (each paged as the kind says), up to
 * max_requests of them at a time, starting as soon as the first parents arrive. Children
 * reach the list in batches once their parent's list was read whole, after the kind's adopt
 * function told them what they need of their parent (its name). Parents without an ID are
 * skipped. A child list refused with RINGSIDE_ERROR_FORBIDDEN (403: the admin may not read
 * that one group) is left out, and the rest loads: the parent is then among
 * ringside_list_loader_dup_skipped_parents(), which views show. Any other failure fails the
 * load: the parents' list's own error as it is (a 403 there stays RINGSIDE_ERROR_FORBIDDEN),
 * a child list's with the same code and a message naming the parent; the other requests are
 * cancelled. A child list answered 429 (RingCX allows 120
 * admin requests a minute) is asked for again after the wait the server names, three times
 * at most, before it fails the load. The caps apply to the items of the whole list
 * and to the bytes of each request.
 *
 * Progress, for views ("parts-read", "parts-total", guint, read-only): pages read of a
 * paged list (total 0: unknown); parents whose children were read, of the parents known so
 * far, for a fanned-out list. */
void                ringside_list_loader_fetch_kind_async  (RingsideListLoader       *self,
                                                            const RingsideListOpener *opener,
                                                            gpointer                  source,
                                                            const char * const       *values,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
gboolean            ringside_list_loader_fetch_kind_finish (RingsideListLoader       *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
guint               ringside_list_loader_get_parts_read    (RingsideListLoader       *self);
/* The parents (of the fan-out's parent kind, in the order refused) whose children the server
 * refused with 403 in the current or last load; empty for none, or for a kind without a
 * fan-out. Read it once the load has ended. */
GPtrArray          *ringside_list_loader_dup_skipped_parents (RingsideListLoader     *self);
guint               ringside_list_loader_get_parts_total   (RingsideListLoader       *self);

G_END_DECLS
