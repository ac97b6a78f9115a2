/* ringside-accounts-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ringside-list-view.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_ACCOUNTS_VIEW (ringside_accounts_view_get_type ())
G_DECLARE_FINAL_TYPE (RingsideAccountsView, ringside_accounts_view, RINGSIDE, ACCOUNTS_VIEW,
                      RingsideListView)

/* The main account and its sub-accounts in a sortable, searchable column view.
 *
 * Properties: "session" (RingsideSession*, read-write), "search-text" (string, read-write),
 * "summary" (string, read-only: "12 accounts", "3 of 12 accounts"), "loading" (boolean,
 * read-only). Setting "session" does not load: call ringside_accounts_view_reload(). Setting
 * it to NULL cancels a load and clears the list (sign-out). */
RingsideAccountsView *ringside_accounts_view_new             (void);

RingsideSession      *ringside_accounts_view_get_session     (RingsideAccountsView *self);
void                  ringside_accounts_view_set_session     (RingsideAccountsView *self,
                                                              RingsideSession      *session);
const char           *ringside_accounts_view_get_search_text (RingsideAccountsView *self);
void                  ringside_accounts_view_set_search_text (RingsideAccountsView *self,
                                                              const char           *text);
const char           *ringside_accounts_view_get_summary     (RingsideAccountsView *self);
gboolean              ringside_accounts_view_get_loading     (RingsideAccountsView *self);
/* The rows as shown: filtered by the search text, in the columns' sort order. */
GListModel           *ringside_accounts_view_get_model       (RingsideAccountsView *self);

/* (Re)loads from the session; cancels a load in flight. */
void     ringside_accounts_view_reload           (RingsideAccountsView *self);

/* Asks for a file with the file chooser portal, then writes the rows as shown to it as CSV.
 * Fails with G_IO_ERROR_CANCELLED when the user dismisses the chooser. */
void     ringside_accounts_view_export_async     (RingsideAccountsView *self,
                                                  GtkWindow            *parent,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean ringside_accounts_view_export_finish    (RingsideAccountsView *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* What export does once it has a file: writes the rows as shown, with the visible columns in
 * their order, as CSV to @file (atomically, in a worker thread). */
void     ringside_accounts_view_write_csv_async  (RingsideAccountsView *self,
                                                  GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean ringside_accounts_view_write_csv_finish (RingsideAccountsView *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
