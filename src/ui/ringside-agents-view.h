/* ringside-agents-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ringside-list-view.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_AGENTS_VIEW (ringside_agents_view_get_type ())
G_DECLARE_FINAL_TYPE (RingsideAgentsView, ringside_agents_view, RINGSIDE, AGENTS_VIEW,
                      RingsideListView)

/* Every agent of every agent group of a sub-account (ringside_agents_list_kind), in a
 * sortable, searchable column view. Set the account with ringside_list_view_set_path_values().
 *
 * A RingsideListView: use it through the RingsideListView API (ringside-list-view.h). */
RingsideAgentsView *ringside_agents_view_new (void);

G_END_DECLS
