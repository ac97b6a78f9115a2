/* ringside-queue.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ringside-list-kind.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_QUEUE (ringside_queue_get_type ())
G_DECLARE_FINAL_TYPE (RingsideQueue, ringside_queue, RINGSIDE, QUEUE, GObject)

/**
 * RingsideQueueOpen:
 * @RINGSIDE_QUEUE_OPEN_UNKNOWN: the data does not say
 * @RINGSIDE_QUEUE_OPEN_NO: the queue is closed
 * @RINGSIDE_QUEUE_OPEN_YES: the queue is open
 */
typedef enum
{
  RINGSIDE_QUEUE_OPEN_UNKNOWN,
  RINGSIDE_QUEUE_OPEN_NO,
  RINGSIDE_QUEUE_OPEN_YES,
} RingsideQueueOpen;

/* A queue, which RingCX calls a gate, read from one element of
 * GET A/gateGroups/withChildren: the group ({gateGroupId, groupName, gates: [...]}) gives
 * every queue of its "gates" its ID and name. Unknown members are ignored, members of the
 * wrong type rejected with RINGSIDE_ERROR_BAD_RESPONSE and a reason naming the member.
 *
 * Read-only properties: "gate-id", "gate-group-id", "priority" (gint64), "group-name", "name",
 * "description" (strings), "is-active" (boolean), "open" (RingsideQueueOpen as guint). */
gboolean           ringside_queue_parse_group_json  (JsonNode       *node,
                                                     GPtrArray      *out,
                                                     GError        **error);

gint64             ringside_queue_get_id            (RingsideQueue  *self);
gint64             ringside_queue_get_group_id      (RingsideQueue  *self);
const char        *ringside_queue_get_group_name    (RingsideQueue  *self);
const char        *ringside_queue_get_name          (RingsideQueue  *self);
const char        *ringside_queue_get_description   (RingsideQueue  *self);
gboolean           ringside_queue_get_is_active     (RingsideQueue  *self);
void               ringside_queue_set_is_active     (RingsideQueue *self, gboolean is_active);
RingsideQueueOpen  ringside_queue_get_open          (RingsideQueue  *self);
gint64             ringside_queue_get_priority      (RingsideQueue  *self);

/* Collation key of the casefolded name, for sorting with strcmp(). */
const char        *ringside_queue_get_name_sort_key (RingsideQueue  *self);

/* @needle must be casefolded; matches name, group, description and ID. */
gboolean           ringside_queue_matches           (RingsideQueue  *self,
                                                     const char     *needle);

/* GET A/gateGroups/withChildren, paged. Path value: "accountId". */
extern const RingsideListKind ringside_queues_list_kind;

/* The members of its JSON the model does not read, secrets left out, as compact JSON text
 * (ringside_json_dup_extra()); NULL when there are none. */
const char *ringside_queue_get_extra_json (RingsideQueue *self);

G_END_DECLS
