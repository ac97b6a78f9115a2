/* ringside-active-change.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ringside-session.h"

G_BEGIN_DECLS

/**
 * RingsideChangeKind:
 * @RINGSIDE_CHANGE_KIND_USER: a RingCX user (admin), by its userId
 * @RINGSIDE_CHANGE_KIND_AGENT: an agent, in its agent group of a sub-account
 * @RINGSIDE_CHANGE_KIND_QUEUE: a queue (RingCX's "gate"), in its queue (gate) group
 * @RINGSIDE_CHANGE_KIND_CAMPAIGN: an outbound campaign, in its dial group
 */
typedef enum
{
  RINGSIDE_CHANGE_KIND_USER,
  RINGSIDE_CHANGE_KIND_AGENT,
  RINGSIDE_CHANGE_KIND_QUEUE,
  RINGSIDE_CHANGE_KIND_CAMPAIGN,
} RingsideChangeKind;

#define RINGSIDE_TYPE_ACTIVE_CHANGE (ringside_active_change_get_type ())
G_DECLARE_FINAL_TYPE (RingsideActiveChange, ringside_active_change, RINGSIDE, ACTIVE_CHANGE,
                      GObject)

/* One enable or disable of one object, immutable once made.
 *
 * How the UI uses it (a detail pane's "Disable"/"Enable" button):
 *   1. Make the change from the object shown: ringside_active_change_new_agent (account ID,
 *      agent group ID, agent ID, "Ana Silva", FALSE) to disable. @active is the state
 *      wanted; the object is taken to be in the other one now.
 *   2. Confirm: an AdwMessageDialog whose heading is ringside_active_change_dup_question()
 *      ("Disable agent “Ana Silva”?"), whose confirm response is labelled
 *      ringside_active_change_get_confirm_label() ("Disable") with the destructive
 *      appearance when ringside_active_change_is_destructive(). Nothing is sent before.
 *   3. Apply: ringside_active_change_apply_async(). While it runs, keep the button
 *      insensitive (ringside_active_change_is_pending() says so for any change to the same
 *      object); a second apply to the same object fails at once anyway.
 *   4. On success: show the new state (reload the row, or set it), and a toast whose title is
 *      ringside_active_change_dup_done_message() ("Disabled agent “Ana Silva”.") with an
 *      "Undo" button that applies ringside_active_change_reverse() without asking again.
 *      On failure: keep the old state and show
 *      ringside_active_change_dup_failure_message() (the server's reason in words).
 *   Every apply is recorded in the session's RingsideChangeLog (ringside-change-log.h). */

/* The state wanted is @active; the object is taken to be in the other state now. @name is
 * what dialogs, toasts and the journal call the object (a full name, a queue's name). */
RingsideActiveChange *ringside_active_change_new_user     (gint64                user_id,
                                                           const char           *name,
                                                           gboolean              active);
/* @account_id is the sub-account's "accountId" (a string in RingCX's API). */
RingsideActiveChange *ringside_active_change_new_agent    (const char           *account_id,
                                                           gint64                agent_group_id,
                                                           gint64                agent_id,
                                                           const char           *name,
                                                           gboolean              active);
RingsideActiveChange *ringside_active_change_new_queue    (const char           *account_id,
                                                           gint64                gate_group_id,
                                                           gint64                gate_id,
                                                           const char           *name,
                                                           gboolean              active);
RingsideActiveChange *ringside_active_change_new_campaign (const char           *account_id,
                                                           gint64                dial_group_id,
                                                           gint64                campaign_id,
                                                           const char           *name,
                                                           gboolean              active);

RingsideChangeKind    ringside_active_change_get_kind       (RingsideActiveChange *self);
/* NULL for users, which belong to the main account. */
const char           *ringside_active_change_get_account_id (RingsideActiveChange *self);
/* 0 for users. */
gint64                ringside_active_change_get_group_id   (RingsideActiveChange *self);
gint64                ringside_active_change_get_object_id  (RingsideActiveChange *self);
const char           *ringside_active_change_get_name       (RingsideActiveChange *self);
gboolean              ringside_active_change_get_old_active (RingsideActiveChange *self);
gboolean              ringside_active_change_get_new_active (RingsideActiveChange *self);
/* The object's path under the server URL ("/voice/api/v1/admin/accounts/…/agents/…"). */
const char           *ringside_active_change_get_path       (RingsideActiveChange *self);

/* The change that undoes this one: the same object, back to the old state. */
RingsideActiveChange *ringside_active_change_reverse        (RingsideActiveChange *self);

/* Texts for the UI, translated. */
/* "Disable" or "Enable": the confirm button's label. */
const char           *ringside_active_change_get_confirm_label (RingsideActiveChange *self);
/* TRUE when disabling: the confirm button takes the destructive appearance. */
gboolean              ringside_active_change_is_destructive    (RingsideActiveChange *self);
/* "Disable agent “Ana Silva”?" */
char                 *ringside_active_change_dup_question      (RingsideActiveChange *self);
/* "Disabled agent “Ana Silva”." */
char                 *ringside_active_change_dup_done_message  (RingsideActiveChange *self);
/* "Could not disable agent “Ana Silva”: <@error's message>" */
char                 *ringside_active_change_dup_failure_message (RingsideActiveChange *self,
                                                                  const GError         *error);

/* Whether a change to the same object is being applied in @session now. */
gboolean              ringside_active_change_is_pending     (RingsideActiveChange *self,
                                                             RingsideSession      *session);

/* Sends the change:
 *   user, queue      PUT …/setIsActive {"isActive": b}
 *   agent, campaign  GET the object fresh, set only its "isActive" (keeping its JSON type:
 *                    an agent's boolean stays a boolean, a campaign's 1/0 stays a number),
 *                    and PUT back the whole object as RingCX sent it, members the app does
 *                    not know included. When the fresh object is already in the wanted
 *                    state, nothing is PUT and the change succeeds.
 * Fails at once, sending nothing, with RINGSIDE_ERROR_BUSY when a change to the same object
 * is in flight in @session (two clicks never send two changes). Server failures are
 * RINGSIDE_ERROR with the server's reason in the message: FORBIDDEN (403, or a 401 again
 * after the session renewed its token once), NOT_FOUND (404: the object is gone), CONFLICT
 * (409: someone else changed it; the message says to reload), SERVER (5xx), TIMEOUT, NETWORK, BAD_RESPONSE (an object without a readable "isActive").
 * Nothing is retried but the session's renew-and-retry-once after a 401. The outcome is
 * recorded in the session's RingsideChangeLog before the callback runs. */
void                  ringside_active_change_apply_async    (RingsideActiveChange *self,
                                                             RingsideSession      *session,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean              ringside_active_change_apply_finish   (RingsideActiveChange *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

G_END_DECLS
