/* ringside-detail-pane.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ringside-item-list.h"
#include "ringside-session.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_DETAIL_PANE (ringside_detail_pane_get_type ())
G_DECLARE_FINAL_TYPE (RingsideDetailPane, ringside_detail_pane, RINGSIDE, DETAIL_PANE, AdwBin)

/* The details of one user, agent, queue or campaign: a header with its name, its fields as
 * rows labelled in words, "More" with what RingCX sent that no row shows (secrets never),
 * and a "Disable"/"Enable" button that makes a confirmed, undoable change
 * (ringside-active-change.h). A user's details link to their managers and direct reports;
 * following a link shows that person, and back (the button, Alt+Left) returns through the
 * people visited. Emits "close-requested" for Escape and for back with nowhere to go back
 * to, and "item-changed" (GObject *item) once a change was applied to the item, so that the
 * list behind can show it. */
RingsideDetailPane *ringside_detail_pane_new            (void);

GObject            *ringside_detail_pane_get_item       (RingsideDetailPane *self);
/* @item: a RingsideUser, RingsideAgent, RingsideQueue or RingsideCampaign, a
 * RingsideHistoryItem (read-only: no button), or NULL. */
void                ringside_detail_pane_set_item       (RingsideDetailPane *self,
                                                         GObject            *item);
/* Where changes are sent; agents, queues and campaigns also need their sub-account's ID. */
void                ringside_detail_pane_set_session    (RingsideDetailPane *self,
                                                         RingsideSession    *session);
void                ringside_detail_pane_set_account_id (RingsideDetailPane *self,
                                                         const char         *account_id);
/* The list the users shown come from, where their managers and reports are found. */
void                ringside_detail_pane_set_related_list (RingsideDetailPane *self,
                                                           RingsideItemList   *list);
/* Back to the item shown before the last link was followed; FALSE when there is none. */
gboolean            ringside_detail_pane_go_back        (RingsideDetailPane *self);

G_END_DECLS
