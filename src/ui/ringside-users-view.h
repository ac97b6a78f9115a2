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

/* Which users show, besides the search: the count says "N of M users" when it narrows. */
typedef enum
{
  RINGSIDE_USERS_ALL,
  RINGSIDE_USERS_ENABLED,
  RINGSIDE_USERS_DISABLED,
} RingsideUsersEnabled;

void               ringside_users_view_set_enabled_filter (RingsideUsersView    *self,
                                                           RingsideUsersEnabled  enabled);
/* @role: (nullable): the code of a role, as ringside_users_view_dup_roles() gives them;
 * NULL for every role */
void               ringside_users_view_set_role_filter    (RingsideUsersView    *self,
                                                           const char           *role);
/* The codes of every role of the users loaded, each once, in the order of their @words. */
GStrv              ringside_users_view_dup_roles          (RingsideUsersView    *self,
                                                           GStrv                *words);

G_END_DECLS
