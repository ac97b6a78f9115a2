/* ringside-change-log.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ringside-change-record.h"
#include "ringside-session.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_CHANGE_LOG (ringside_change_log_get_type ())
G_DECLARE_FINAL_TYPE (RingsideChangeLog, ringside_change_log, RINGSIDE, CHANGE_LOG, GObject)

/* Ringside's own journal of the changes applied in one session: a GListModel of
 * RingsideChangeRecord, newest first, successes and failures alike. It lives in memory as
 * long as the session (nothing is written to disk), so the History view can show this
 * session's changes before RingCX's audit log has them (RingCX publishes audit entries
 * about five minutes after the change). Items are only ever added, at position 0.
 *
 * The History view binds a GtkFilterListModel (ringside_change_record_matches()) over
 * ringside_change_log_get_for_session (session); ringside_active_change_apply_async() fills
 * it. Main thread only. */

/* The session's journal, made on first use. Transfer none: it lives as long as @session. */
RingsideChangeLog *ringside_change_log_get_for_session (RingsideSession      *session);

/* Adds @record first. */
void               ringside_change_log_add             (RingsideChangeLog    *self,
                                                        RingsideChangeRecord *record);

G_END_DECLS
