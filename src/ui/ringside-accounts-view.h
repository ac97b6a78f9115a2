/* ringside-accounts-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ringside-list-view.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_ACCOUNTS_VIEW (ringside_accounts_view_get_type ())
G_DECLARE_FINAL_TYPE (RingsideAccountsView, ringside_accounts_view, RINGSIDE, ACCOUNTS_VIEW,
                      RingsideListView)

/* The main account and its sub-accounts in a sortable, searchable column view.
 *
 * A RingsideListView, with its properties ("summary": "12 accounts", "3 of 12 accounts"); these
 * functions are its API under this type's name: see ringside-list-view.h. */
RingsideAccountsView *ringside_accounts_view_new              (void);
RingsideSession      *ringside_accounts_view_get_session      (RingsideAccountsView *self);
void                  ringside_accounts_view_set_session      (RingsideAccountsView *self,
                                                               RingsideSession      *session);
void                  ringside_accounts_view_set_search_text  (RingsideAccountsView *self,
                                                               const char           *text);
GListModel           *ringside_accounts_view_get_model        (RingsideAccountsView *self);
void                  ringside_accounts_view_reload           (RingsideAccountsView *self);
void                  ringside_accounts_view_export_async     (RingsideAccountsView *self,
                                                               GtkWindow            *parent,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
gboolean              ringside_accounts_view_export_finish    (RingsideAccountsView *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);
void                  ringside_accounts_view_write_csv_async  (RingsideAccountsView *self,
                                                               GFile                *file,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
gboolean              ringside_accounts_view_write_csv_finish (RingsideAccountsView *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);

G_END_DECLS
