/* ringside-change-record.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ringside-active-change.h"
#include "ringside-audit-entry.h"

G_BEGIN_DECLS

/**
 * RingsideChangeStatus:
 * @RINGSIDE_CHANGE_STATUS_PENDING: sent, no answer yet
 * @RINGSIDE_CHANGE_STATUS_SUCCEEDED: RingCX made the change
 * @RINGSIDE_CHANGE_STATUS_FAILED: RingCX refused it, or it could not be sent
 */
typedef enum
{
  RINGSIDE_CHANGE_STATUS_PENDING,
  RINGSIDE_CHANGE_STATUS_SUCCEEDED,
  RINGSIDE_CHANGE_STATUS_FAILED,
} RingsideChangeStatus;

#define RINGSIDE_TYPE_CHANGE_RECORD (ringside_change_record_get_type ())
G_DECLARE_FINAL_TYPE (RingsideChangeRecord, ringside_change_record, RINGSIDE, CHANGE_RECORD,
                      GObject)

/* One entry of Ringside's own journal (RingsideChangeLog): a change this session applied,
 * with its outcome. The History view shows these, marked as Ringside's, next to the server's
 * audit log, which has them only minutes later.
 *
 * Read-only properties, for views to bind: "time" (GDateTime, local, when it was sent),
 * "who" (string, nullable: the signed-in admin as the session knows them), "kind" (int, a
 * RingsideChangeKind), "account-id" (string, NULL for users), "object-id" (gint64),
 * "object-name" (string), "old-active", "new-active" (booleans), "status" (int, a
 * RingsideChangeStatus) and "message" (string: NULL while pending, then the done or the
 * failure sentence of ringside-active-change.h). "status" and "message" are notified when
 * the outcome arrives. */

/* Made by ringside_active_change_apply_async(); the UI never needs to. */
RingsideChangeRecord *ringside_change_record_new      (RingsideActiveChange *change,
                                                       const char           *who);
/* The outcome: success when @error is NULL. Called once, by the apply. */
void                  ringside_change_record_complete (RingsideChangeRecord *self,
                                                       RingsideActiveChange *change,
                                                       const GError         *error);

GDateTime            *ringside_change_record_get_time        (RingsideChangeRecord *self);
const char           *ringside_change_record_get_who         (RingsideChangeRecord *self);
RingsideChangeKind    ringside_change_record_get_kind        (RingsideChangeRecord *self);
const char           *ringside_change_record_get_account_id  (RingsideChangeRecord *self);
gint64                ringside_change_record_get_object_id   (RingsideChangeRecord *self);
const char           *ringside_change_record_get_object_name (RingsideChangeRecord *self);
gboolean              ringside_change_record_get_old_active  (RingsideChangeRecord *self);
gboolean              ringside_change_record_get_new_active  (RingsideChangeRecord *self);
RingsideChangeStatus  ringside_change_record_get_status      (RingsideChangeRecord *self);
const char           *ringside_change_record_get_message     (RingsideChangeRecord *self);

/* @needle must be casefolded (g_utf8_casefold()): matches the object's name and ID, who
 * and the message, for the History view's search. */
gboolean              ringside_change_record_matches         (RingsideChangeRecord *self,
                                                              const char           *needle);

/* Whether @entry of RingCX's audit log is this change, as RingCX recorded it: a succeeded
 * change to the same object (its "auditedClass" is User, Agent, Gate or Campaign, its ID
 * the same) logged no earlier than two minutes before Ringside sent it (clocks differ).
 * The History view hides such a record once the server's log shows the entry, or marks
 * the entry as Ringside's. */
gboolean              ringside_change_record_is_in_audit_log (RingsideChangeRecord *self,
                                                              RingsideAuditEntry   *entry);

G_END_DECLS
