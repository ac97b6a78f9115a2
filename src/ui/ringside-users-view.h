/* ringside-users-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ringside-list-view.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_USERS_VIEW (ringside_users_view_get_type ())
G_DECLARE_FINAL_TYPE (RingsideUsersView, ringside_users_view, RINGSIDE, USERS_VIEW,
                      RingsideListView)

/* Every user of the account, nested ones included, in a sortable, searchable column view; a
 * "Reports To" column names each user's parent in the hierarchy.
 *
 * Properties: "session" (RingsideSession*, read-write), "search-text" (string, read-write),
 * "summary" (string, read-only: "1,234 users", "3 of 1,234 users"), "loading" (boolean,
 * read-only). Setting "session" does not load: call ringside_users_view_reload(). Setting it
 * to NULL cancels a load and clears the list (sign-out). */
RingsideUsersView *ringside_users_view_new             (void);

RingsideSession   *ringside_users_view_get_session     (RingsideUsersView   *self);
void               ringside_users_view_set_session     (RingsideUsersView   *self,
                                                        RingsideSession     *session);
const char        *ringside_users_view_get_search_text (RingsideUsersView   *self);
void               ringside_users_view_set_search_text (RingsideUsersView   *self,
                                                        const char          *text);
const char        *ringside_users_view_get_summary     (RingsideUsersView   *self);
gboolean           ringside_users_view_get_loading     (RingsideUsersView   *self);
/* The rows as shown: filtered by the search text, in the columns' sort order. */
GListModel        *ringside_users_view_get_model       (RingsideUsersView   *self);

/* (Re)loads from the session; cancels a load in flight. */
void     ringside_users_view_reload           (RingsideUsersView   *self);

/* Asks for a file with the file chooser portal, then writes the rows as shown to it as CSV.
 * Fails with G_IO_ERROR_CANCELLED when the user dismisses the chooser. */
void     ringside_users_view_export_async     (RingsideUsersView   *self,
                                               GtkWindow           *parent,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean ringside_users_view_export_finish    (RingsideUsersView   *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* What export does once it has a file: writes the rows as shown, with the visible columns in
 * their order, as CSV to @file (atomically, in a worker thread). */
void     ringside_users_view_write_csv_async  (RingsideUsersView   *self,
                                               GFile               *file,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean ringside_users_view_write_csv_finish (RingsideUsersView   *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
