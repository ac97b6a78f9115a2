/* ringside-queues-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ringside-list-view.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_QUEUES_VIEW (ringside_queues_view_get_type ())
G_DECLARE_FINAL_TYPE (RingsideQueuesView, ringside_queues_view, RINGSIDE, QUEUES_VIEW,
                      RingsideListView)

/* Every queue (RingCX: gate) of every queue group of a sub-account
 * (ringside_queues_list_kind), in a sortable, searchable column view. Set the account with
 * ringside_list_view_set_path_values().
 *
 * A RingsideListView: use it through the RingsideListView API (ringside-list-view.h). */
RingsideQueuesView *ringside_queues_view_new (void);

G_END_DECLS
