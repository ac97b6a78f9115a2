/* ringside-history-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ringside-audit-entry.h"
#include "ringside-change-record.h"
#include "ringside-list-kind.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_HISTORY_ITEM (ringside_history_item_get_type ())
G_DECLARE_FINAL_TYPE (RingsideHistoryItem, ringside_history_item, RINGSIDE, HISTORY_ITEM,
                      GObject)

/* One row of a sub-account's History: an entry of RingCX's audit log, or a change Ringside
 * made in this session (RingsideChangeLog) that the log may not have yet. Both read the same
 * way, in words: when, who, what (the object's kind and name), the action ("Disabled",
 * "Changed", "Created"…) and the details ("Active: true → false").
 *
 * The texts are made once, when the item is made, so that the CSV export may read them from
 * its worker thread. Only "this-session" changes later (main thread, atomically): an entry
 * of the server's log is marked once the view matches it to a change of this session. */

/* Made by the History list's parse function, in a worker thread. */
RingsideHistoryItem  *ringside_history_item_new_for_entry  (RingsideAuditEntry   *entry);
/* A change of this session that is done (succeeded or failed). */
RingsideHistoryItem  *ringside_history_item_new_for_record (RingsideChangeRecord *record);

GDateTime            *ringside_history_item_get_time       (RingsideHistoryItem *self);
/* "4 Dec 2026, 14:03", local time. */
const char           *ringside_history_item_get_when_text  (RingsideHistoryItem *self);
const char           *ringside_history_item_get_who        (RingsideHistoryItem *self);
const char           *ringside_history_item_get_what       (RingsideHistoryItem *self);
const char           *ringside_history_item_get_action     (RingsideHistoryItem *self);
/* One line: "Active: true → false; Rank: 5 → 8". */
const char           *ringside_history_item_get_details    (RingsideHistoryItem *self);
/* The entry or the record shown: exactly one is not NULL. */
RingsideAuditEntry   *ringside_history_item_get_entry      (RingsideHistoryItem *self);
RingsideChangeRecord *ringside_history_item_get_record     (RingsideHistoryItem *self);

/* Whether the row is a change Ringside made in this session: always for a record, and for an
 * entry of the server's log once matched to one. */
gboolean              ringside_history_item_get_this_session (RingsideHistoryItem *self);
void                  ringside_history_item_set_this_session (RingsideHistoryItem *self,
                                                              gboolean             this_session);

/* @needle must be casefolded: matches every text shown (when, who, what, action, details, and
 * "This session"). */
gboolean              ringside_history_item_matches        (RingsideHistoryItem *self,
                                                            const char          *needle);

/* The item in words for a details pane: a title, a subtitle and rows of label and value, in
 * turn (owned strings), never a secret (see ringside-audit-entry.h). */
void                  ringside_history_item_describe       (RingsideHistoryItem *self,
                                                            char               **title,
                                                            char               **subtitle,
                                                            GPtrArray           *rows);

/* The History list: RingCX's audit log of one account since a time, as history items. Its
 * path is "/voice/api/v1/admin/auditLogs/search?accountId={accountId}&since={since}" (since:
 * Unix seconds), which only ringside_audit_log_list_opener knows how to ask for (a PUT with
 * the search as its body); a 403 is "You don’t have permission to read the audit log in
 * this account." */
extern const RingsideListKind ringside_history_list_kind;

G_END_DECLS
