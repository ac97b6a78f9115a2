/* ringside-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ringside-list-kind.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_GROUP (ringside_group_get_type ())
G_DECLARE_FINAL_TYPE (RingsideGroup, ringside_group, RINGSIDE, GROUP, GObject)

/* A group of a sub-account's contact centre, as the parent of a fanned-out list: an agent
 * group (GET A/agentGroups: agentGroupId, groupName) or a dial group (GET A/dialGroups:
 * dialGroupId, dialGroupName, dialMode). IDs may be numbers or text; unknown members are
 * ignored, members of the wrong type rejected with RINGSIDE_ERROR_BAD_RESPONSE.
 *
 * Read-only properties: "group-id" (gint64), "name", "dial-mode" (the API's code, "" when
 * none: models that show it turn it into words). */
gint64         ringside_group_get_id        (RingsideGroup *self);
const char    *ringside_group_get_name      (RingsideGroup *self);
const char    *ringside_group_get_dial_mode (RingsideGroup *self);

/* GET A/agentGroups, paged; the parents of ringside_agents_list_kind. */
extern const RingsideListKind ringside_agent_groups_list_kind;
/* GET A/dialGroups, paged; the parents of ringside_campaigns_list_kind. */
extern const RingsideListKind ringside_dial_groups_list_kind;

/* For fan-outs: the group's ID as text. */
char          *ringside_group_dup_id_text   (gpointer       group);

G_END_DECLS
