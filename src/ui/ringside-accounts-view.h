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
 * A RingsideListView, with its properties ("summary": "12 accounts", "3 of 12 accounts"): use it
 * through the RingsideListView API (ringside-list-view.h). */
RingsideAccountsView *ringside_accounts_view_new (void);

G_END_DECLS
