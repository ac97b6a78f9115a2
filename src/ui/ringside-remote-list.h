/* ringside-remote-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ringside-item-list.h"
#include "ringside-list-kind.h"
#include "ringside-list-loader.h"
#include "ringside-session.h"

G_BEGIN_DECLS

/**
 * RingsideRemoteListState:
 * @RINGSIDE_REMOTE_LIST_STATE_EMPTY: nothing to show: the list is empty, or no session is set
 * @RINGSIDE_REMOTE_LIST_STATE_LOADING: loading, and no rows have arrived yet
 * @RINGSIDE_REMOTE_LIST_STATE_ERROR: the last load failed; see ringside_remote_list_get_error()
 * @RINGSIDE_REMOTE_LIST_STATE_NO_RESULTS: there are rows, but none matches the search
 * @RINGSIDE_REMOTE_LIST_STATE_READY: rows to show (more may still be arriving)
 *
 * What a view over the list should show.
 */
typedef enum
{
  RINGSIDE_REMOTE_LIST_STATE_EMPTY,
  RINGSIDE_REMOTE_LIST_STATE_LOADING,
  RINGSIDE_REMOTE_LIST_STATE_ERROR,
  RINGSIDE_REMOTE_LIST_STATE_NO_RESULTS,
  RINGSIDE_REMOTE_LIST_STATE_READY,
} RingsideRemoteListState;

#define RINGSIDE_TYPE_REMOTE_LIST (ringside_remote_list_get_type ())
G_DECLARE_FINAL_TYPE (RingsideRemoteList, ringside_remote_list, RINGSIDE, REMOTE_LIST, GObject)

/* A list of @kind the session fetches with RingsideListLoader (from the kind's path, filled
 * in with the path values, page by page if the kind is paged), sorted by a sorter and
 * filtered by the kind's search. A reload fills new items and shows them once the first rows
 * arrive, so a refresh never flashes an empty list, and a cancelled load can never touch what
 * is shown.
 *
 * Properties: "session", "search-text", "sorter" (read-write); "items" (the
 * RingsideItemList shown, in the order loaded), "loading", "searching", "error",
 * "skipped-groups" (read-only). "model" is the sorted and filtered list, the same object for
 * the life of @self; views watch its items-changed and the notifications. */
RingsideRemoteList      *ringside_remote_list_new             (const RingsideListKind *kind);
const RingsideListKind  *ringside_remote_list_get_kind        (RingsideRemoteList *self);

/* The values of the kind's path template, names and values in turn ("accountId", "1234",
 * NULL); used from the next reload. A reload without a value a placeholder needs fails with
 * RINGSIDE_ERROR_INVALID_INPUT. */
void                     ringside_remote_list_set_path_values (RingsideRemoteList *self,
                                                               const char * const *values);

RingsideSession         *ringside_remote_list_get_session     (RingsideRemoteList *self);
/* Does not load: call ringside_remote_list_reload(). Setting NULL cancels any load and
 * empties the list. */
void                     ringside_remote_list_set_session     (RingsideRemoteList *self,
                                                               RingsideSession    *session);
const char              *ringside_remote_list_get_search_text (RingsideRemoteList *self);
void                     ringside_remote_list_set_search_text (RingsideRemoteList *self,
                                                               const char         *search_text);

/* Narrows the rows to one group (a kind with group_of: an agent's group); NULL for all. It
 * filters with the search, incrementally; the counts follow. */
void                     ringside_remote_list_set_group       (RingsideRemoteList *self,
                                                               const char         *group);
const char              *ringside_remote_list_get_group       (RingsideRemoteList *self);
/* A view's own narrowing (enabled users, a role), with the search and the group. */
void                     ringside_remote_list_set_narrow_func (RingsideRemoteList  *self,
                                                               GtkCustomFilterFunc  func,
                                                               gpointer             user_data);

/* Usually a GtkColumnView's sorter; NULL (the default) keeps the order loaded. */
GtkSorter               *ringside_remote_list_get_sorter      (RingsideRemoteList *self);
void                     ringside_remote_list_set_sorter      (RingsideRemoteList *self,
                                                               GtkSorter          *sorter);

RingsideItemList        *ringside_remote_list_get_items       (RingsideRemoteList *self);
GListModel              *ringside_remote_list_get_model       (RingsideRemoteList *self);
gboolean                 ringside_remote_list_get_loading     (RingsideRemoteList *self);
/* Whether the model is still checking rows against the search: it filters a few rows per
 * frame, so that typing stays fluid over 100,000 rows. */
gboolean                 ringside_remote_list_get_searching   (RingsideRemoteList *self);
void                     ringside_remote_list_wait_for_search_async
                                                              (RingsideRemoteList  *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean                 ringside_remote_list_wait_for_search_finish
                                                              (RingsideRemoteList  *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
const GError            *ringside_remote_list_get_error       (RingsideRemoteList *self);
/* The groups a fanned-out load left out, their rows refused (403) while the others loaded:
 * set when a load succeeds, notified as "skipped-groups"; NULL for none. */
const char * const      *ringside_remote_list_get_skipped_groups (RingsideRemoteList *self);
RingsideRemoteListState  ringside_remote_list_get_state       (RingsideRemoteList *self);

/* How far the load in flight is: see ringside_list_loader_get_parts_read(); "parts-read"
 * and "parts-total" are notified as it goes. */
gboolean                 ringside_remote_list_get_progress    (RingsideRemoteList *self,
                                                               guint              *parts_read,
                                                               guint              *parts_total);

/* Every row, and the rows that match the search. */
guint                    ringside_remote_list_get_n_total     (RingsideRemoteList *self);
guint                    ringside_remote_list_get_n_shown     (RingsideRemoteList *self);

/* For tests: the caps of the loads that follow (see RingsideListLoader:max-bytes). */
void                     ringside_remote_list_set_limits      (RingsideRemoteList *self,
                                                               guint64             max_bytes,
                                                               guint               max_items);

/* How the list is requested: a GET through the session (ringside_session_list_opener, the
 * default), or another opener for a list that is not a GET (the audit log's search is a PUT
 * with a body); used from the next reload. @opener must outlive @self. */
void                     ringside_remote_list_set_opener      (RingsideRemoteList       *self,
                                                               const RingsideListOpener *opener);

/* Cancels the load in flight, if any, and starts a new one. */
void                     ringside_remote_list_reload          (RingsideRemoteList *self);

G_END_DECLS
