/* ringside-campaigns-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ringside-list-view.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_CAMPAIGNS_VIEW (ringside_campaigns_view_get_type ())
G_DECLARE_FINAL_TYPE (RingsideCampaignsView, ringside_campaigns_view, RINGSIDE, CAMPAIGNS_VIEW,
                      RingsideListView)

/* Every campaign of every dial group of a sub-account (ringside_campaigns_list_kind), in a
 * sortable, searchable column view. Set the account with ringside_list_view_set_path_values().
 *
 * A RingsideListView: use it through the RingsideListView API (ringside-list-view.h). */
RingsideCampaignsView *ringside_campaigns_view_new (void);

G_END_DECLS
