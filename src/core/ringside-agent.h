/* ringside-agent.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ringside-list-kind.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_AGENT (ringside_agent_get_type ())
G_DECLARE_FINAL_TYPE (RingsideAgent, ringside_agent, RINGSIDE, AGENT, GObject)

/* One element of GET A/agentGroups/{agentGroupId}/agents. Unknown members are ignored,
 * missing ones defaulted, members of the wrong type rejected with RINGSIDE_ERROR_BAD_RESPONSE
 * and a reason naming the member. The secrets agents carry (phoneLoginPin, password,
 * sipPassword, ...) are never read.
 *
 * Read-only properties: "agent-id", "agent-group-id" (gint64), "group-name" (from the
 * agent's "agentGroup", or told by its group when the list is read group by group),
 * "first-name", "last-name", "display-name", "username", "email", "agent-type" (words:
 * "Agent", "Supervisor"...), "external-agent-id" (strings), "is-active" (boolean), "created"
 * (GDateTime, nullable). */
RingsideAgent *ringside_agent_new_from_json        (JsonNode      *node,
                                                    GError       **error);

gint64         ringside_agent_get_id               (RingsideAgent *self);
gint64         ringside_agent_get_group_id         (RingsideAgent *self);
const char    *ringside_agent_get_group_name       (RingsideAgent *self);
const char    *ringside_agent_get_first_name       (RingsideAgent *self);
const char    *ringside_agent_get_last_name        (RingsideAgent *self);
/* First and last name, else the user name, else the e-mail address. */
const char    *ringside_agent_get_display_name     (RingsideAgent *self);
const char    *ringside_agent_get_username         (RingsideAgent *self);
const char    *ringside_agent_get_email            (RingsideAgent *self);
/* Words ("Supervisor"), never the API's code. */
const char    *ringside_agent_get_agent_type       (RingsideAgent *self);
gboolean       ringside_agent_get_is_active        (RingsideAgent *self);
void           ringside_agent_set_is_active        (RingsideAgent *self, gboolean is_active);
const char    *ringside_agent_get_external_id      (RingsideAgent *self);
/* Nullable. */
GDateTime     *ringside_agent_get_created          (RingsideAgent *self);

/* Collation keys (casefolded), for sorting with strcmp(). */
const char    *ringside_agent_get_display_name_sort_key (RingsideAgent *self);
const char    *ringside_agent_get_group_name_sort_key   (RingsideAgent *self);

/* Sets the group's name; main thread, before the agent is in a list that views show. */
void           ringside_agent_set_group_name       (RingsideAgent *self,
                                                    const char    *group_name);

/* @needle must be casefolded; matches every column a view shows but the dates. */
gboolean       ringside_agent_matches              (RingsideAgent *self,
                                                    const char    *needle);

/* The words for an agent type code ("MULTI_SUPERVISOR" → "Multi-Supervisor"); a code Ringside
 * does not know is turned into words too ("NEW_KIND" → "New kind"). */
char          *ringside_agent_type_to_words        (const char    *code);

/* Every agent of every agent group of a sub-account: the groups (GET A/agentGroups, paged),
 * then each group's agents, several groups at a time. Path value: "accountId". */
extern const RingsideListKind ringside_agents_list_kind;

/* The members of its JSON the model does not read, secrets left out, as the text of a JSON
 * object; NULL when there are none. Read it with ringside_json_extra_parse(): from the list,
 * most of it is as RingCX wrote it (ringside-json-cutter.h). */
const char *ringside_agent_get_extra_json (RingsideAgent *self);

G_END_DECLS
