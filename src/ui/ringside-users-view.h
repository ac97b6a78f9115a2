/* ringside-users-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ringside-list-view.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_USERS_VIEW (ringside_users_view_get_type ())
G_DECLARE_FINAL_TYPE (RingsideUsersView, ringside_users_view, RINGSIDE, USERS_VIEW,
                      RingsideListView)

/* Every user of the account, nested ones included, in a sortable, searchable column view; a
 * "Reports To" column names each user's parent in the hierarchy.
 *
 * A RingsideListView, with its properties ("summary": "1,234 users", "3 of 1,234 users"); these
 * functions are its API under this type's name: see ringside-list-view.h. */
RingsideUsersView *ringside_users_view_new              (void);
RingsideSession   *ringside_users_view_get_session      (RingsideUsersView   *self);
void               ringside_users_view_set_session      (RingsideUsersView   *self,
                                                         RingsideSession     *session);
void               ringside_users_view_set_search_text  (RingsideUsersView   *self,
                                                         const char          *text);
GListModel        *ringside_users_view_get_model        (RingsideUsersView   *self);
void               ringside_users_view_reload           (RingsideUsersView   *self);
void               ringside_users_view_export_async     (RingsideUsersView   *self,
                                                         GtkWindow           *parent,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean           ringside_users_view_export_finish    (RingsideUsersView   *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
void               ringside_users_view_write_csv_async  (RingsideUsersView   *self,
                                                         GFile               *file,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean           ringside_users_view_write_csv_finish (RingsideUsersView   *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

G_END_DECLS
