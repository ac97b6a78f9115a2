/* ringside-campaign.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ringside-list-kind.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_CAMPAIGN (ringside_campaign_get_type ())
G_DECLARE_FINAL_TYPE (RingsideCampaign, ringside_campaign, RINGSIDE, CAMPAIGN, GObject)

/* One element of GET A/dialGroups/{dialGroupId}/campaigns. The dial mode belongs to the dial
 * group in RingCX: a campaign takes it, and the group's name, from its "dialGroup" if the
 * answer nests one, else from its group when the list is read group by group. Unknown members
 * are ignored, members of the wrong type rejected with RINGSIDE_ERROR_BAD_RESPONSE.
 *
 * Read-only properties: "campaign-id", "dial-group-id", "priority" (gint64), "name",
 * "dial-group-name", "dial-mode" (words: "Predictive"...) (strings), "is-active" (boolean),
 * "start-date", "end-date" (GDateTime, nullable). */
RingsideCampaign *ringside_campaign_new_from_json        (JsonNode         *node,
                                                          GError          **error);

gint64            ringside_campaign_get_id               (RingsideCampaign *self);
gint64            ringside_campaign_get_dial_group_id    (RingsideCampaign *self);
const char       *ringside_campaign_get_dial_group_name  (RingsideCampaign *self);
const char       *ringside_campaign_get_name             (RingsideCampaign *self);
/* Words, never the API's code. */
const char       *ringside_campaign_get_dial_mode        (RingsideCampaign *self);
gboolean          ringside_campaign_get_is_active        (RingsideCampaign *self);
void              ringside_campaign_set_is_active        (RingsideCampaign *self,
                                                          gboolean          is_active);
gint64            ringside_campaign_get_priority         (RingsideCampaign *self);
/* Nullable. */
GDateTime        *ringside_campaign_get_start_date       (RingsideCampaign *self);
GDateTime        *ringside_campaign_get_end_date         (RingsideCampaign *self);

const char       *ringside_campaign_get_name_sort_key    (RingsideCampaign *self);

/* Main thread, before the campaign is in a list that views show: what its group says, for
 * what the campaign did not say itself (@dial_mode is the API's code). */
void              ringside_campaign_set_dial_group       (RingsideCampaign *self,
                                                          const char       *name,
                                                          const char       *dial_mode);

/* @needle must be casefolded; matches every column a view shows but the dates. */
gboolean          ringside_campaign_matches              (RingsideCampaign *self,
                                                          const char       *needle);

/* "PREDICTIVE" → "Predictive"; unknown codes become words too. */
char             *ringside_campaign_dial_mode_to_words   (const char       *code);

/* Every campaign of every dial group: GET A/dialGroups (paged), then each group's campaigns
 * (paged), several groups at a time. Path value: "accountId". */
extern const RingsideListKind ringside_campaigns_list_kind;

/* The members of its JSON the model does not read, secrets left out, as compact JSON text
 * (ringside_json_dup_extra()); NULL when there are none. */
const char *ringside_campaign_get_extra_json (RingsideCampaign *self);

G_END_DECLS
