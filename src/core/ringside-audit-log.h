/* ringside-audit-log.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ringside-audit-entry.h"
#include "ringside-list-loader.h"
#include "ringside-session.h"

G_BEGIN_DECLS

/* Reads RingCX's audit log of one sub-account: PUT /voice/api/v1/admin/auditLogs/search
 * with {accountId, startDateTime, endDateTime (ISO-8601 with a UTC offset, as RingCX
 * refuses "Z"), ascOrDesc: "DESCENDING"}, and @audited_entity_id when not NULL (one
 * object's history).
 *
 * Completes with a GListModel of RingsideAuditEntry, newest first (sorted here too, whatever
 * order the server used). RingCX's search has no page parameters: the History view pages by
 * time, asking for a window ([now − 7 days, now], say) and then, for "older", the window
 * that ends just before the oldest entry shown. Entries appear in RingCX's log about five
 * minutes after a change: show this session's own from RingsideChangeLog meanwhile.
 *
 * Errors are RINGSIDE_ERROR: FORBIDDEN when the admin lacks the "Audit log access" right
 * (a 403; the UI says "You don't have permission to read the audit log" in the History view
 * only), NOT_FOUND for an unknown account, BAD_RESPONSE when the answer is not a list,
 * and the session's usual ones (TIMEOUT, NETWORK, RATE_LIMITED, SERVER, NO_SESSION). */
void        ringside_audit_log_search_async  (RingsideSession      *session,
                                              const char           *account_id,
                                              GDateTime            *from,
                                              GDateTime            *to,
                                              const char           *audited_entity_id,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GListModel *ringside_audit_log_search_finish (RingsideSession      *session,
                                              GAsyncResult         *result,
                                              GError              **error);

/* @time as the search wants it: "2025-11-20T00:00:00.000-08:00", in @time's own offset. */
char       *ringside_audit_log_format_time   (GDateTime            *time);

/* Lets a RingsideListLoader read the History list (ringside_history_list_kind) with the
 * session given as the loader's source: its path's query ("accountId", "since" in Unix
 * seconds) becomes the search of the entries from then until now, newest first. The answer
 * is read whole (RingCX sends the window at once) and handed to the loader as a stream. */
extern const RingsideListOpener ringside_audit_log_list_opener;

G_END_DECLS
