/* ringside-sub-account-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ringside-list-view.h"
#include "ringside-session.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_SUB_ACCOUNT_PAGE (ringside_sub_account_page_get_type ())
G_DECLARE_FINAL_TYPE (RingsideSubAccountPage, ringside_sub_account_page, RINGSIDE,
                      SUB_ACCOUNT_PAGE, AdwBin)

/* A sub-account's contact centre: its agents, queues and campaigns in three views labelled
 * "Agents", "Queues" and "Campaigns" (Alt+1, Alt+2, Alt+3), and its "History" (Alt+4: the
 * audit log, read when first shown), under a header bar with the
 * account's name and ID and a back button (the action "win.go-back"), with a search bar of its
 * own, where a drop-down narrows the view shown to one group. Each view loads, fails (a 403
 * says which right is missing) and retries on its own.
 *
 * Properties: "account-id", "account-name" (strings, read-only), "session" (read-write). */
RingsideSubAccountPage *ringside_sub_account_page_new              (void);

void              ringside_sub_account_page_set_session     (RingsideSubAccountPage *self,
                                                             RingsideSession        *session);
/* Shows the account, and loads its three lists (cancelling the loads of the account shown
 * before); the search is cleared and the agents are shown. The account shown already keeps
 * the lists it read, and reads again only those that failed or are empty. */
void              ringside_sub_account_page_open            (RingsideSubAccountPage *self,
                                                             const char             *account_id,
                                                             const char             *account_name);
const char       *ringside_sub_account_page_get_account_id  (RingsideSubAccountPage *self);
const char       *ringside_sub_account_page_get_account_name (RingsideSubAccountPage *self);

/* The view shown: what refresh and export act on. */
RingsideListView *ringside_sub_account_page_get_visible_view (RingsideSubAccountPage *self);
/* "agents", "queues", "campaigns" or "history". */
void              ringside_sub_account_page_show_view       (RingsideSubAccountPage *self,
                                                             const char             *name);
/* The view at @position in the switcher, as Alt+1… choose it. */
void              ringside_sub_account_page_show_view_at    (RingsideSubAccountPage *self,
                                                             guint                   position);
/* Reloads the lists of the account shown. */
void              ringside_sub_account_page_reload          (RingsideSubAccountPage *self);
/* Opens the search bar and focuses its entry. */
void              ringside_sub_account_page_search          (RingsideSubAccountPage *self);
/* Where typing starts a search (the window while the page is shown), or NULL. */
void              ringside_sub_account_page_set_key_capture (RingsideSubAccountPage *self,
                                                             GtkWidget              *widget);

/* The details of a row of the lists (RingsideDetailPane), beside them or over them. */
void     ringside_sub_account_page_show_details     (RingsideSubAccountPage *self,
                                                     GObject                *item);
/* The item whose details are open, or NULL. */
GObject *ringside_sub_account_page_get_details_item (RingsideSubAccountPage *self);
void     ringside_sub_account_page_close_details    (RingsideSubAccountPage *self);

G_END_DECLS
