/* ringside-history-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ringside-list-view.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_HISTORY_VIEW (ringside_history_view_get_type ())
G_DECLARE_FINAL_TYPE (RingsideHistoryView, ringside_history_view, RINGSIDE, HISTORY_VIEW,
                      RingsideListView)

/* A sub-account's History: RingCX's audit log (ringside_history_list_kind, read with
 * ringside_audit_log_list_opener) newest first, with the changes Ringside made in this
 * session (the session's RingsideChangeLog) among them, tagged "This session", at once and
 * until the server's log has them. An entry of the log that matches such a change takes the
 * tag, and the change's own row goes: each change is shown once. Changes to users are the
 * tenant's, not the sub-account's, and are not shown here.
 *
 * The log is read by time: the last 30 days first, and 30 days more each time "Show Older"
 * is clicked (ringside_history_view_show_older()). RingCX's search has no pages, so a time
 * window is its page; the rows shown stay while the wider window loads.
 *
 * A RingsideListView: use it through the RingsideListView API (ringside-list-view.h). */
RingsideHistoryView *ringside_history_view_new          (void);

/* Shows @account_id's history from the last 30 days on, from the next reload. */
void                 ringside_history_view_set_account  (RingsideHistoryView *self,
                                                         const char          *account_id);
/* Reads 30 days further back (a reload). */
void                 ringside_history_view_show_older   (RingsideHistoryView *self);
/* The start of the time shown. */
GDateTime           *ringside_history_view_get_since    (RingsideHistoryView *self);

G_END_DECLS
