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
 * A RingsideListView, with its properties ("summary": "1,234 users", "3 of 1,234 users"): use it
 * through the RingsideListView API (ringside-list-view.h). */
RingsideUsersView *ringside_users_view_new (void);

G_END_DECLS
