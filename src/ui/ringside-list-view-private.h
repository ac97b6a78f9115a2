/* ringside-list-view-private.h
 *
 * RingsideListView is split by concern:
 *   ringside-list-view.c         the type: state, pages, cells, sorting, the banner
 *   ringside-list-view-export.c  CSV export (the writing is in ringside-csv-export.c)
 * This header is what they share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ringside-list-view.h"
#include "ringside-partial-banner.h"

G_BEGIN_DECLS

typedef struct
{
  /* Template widgets, from the subclass's template */
  GtkStack           *stack;
  AdwStatusPage      *error_page;
  GtkColumnView      *column_view;

  /* Owned */
  RingsidePartialBanner *partial_banner;  /* above the child, for a kind with a fan-out */
  /* The columns in their order in the .ui, which is the order of the CSV fields */
  GPtrArray          *columns;
  RingsideRemoteList *list;
  char               *summary;
  gboolean            busy;
  /* The sort last asked for from the keyboard (GTK 4.8 cannot say which column sorts). */
  guint               sort_column;
  GtkSortType         sort_order;
  gboolean            sorting_by_key;
} RingsideListViewPrivate;

RingsideListViewPrivate *ringside_list_view_get_private (RingsideListView *self);

G_END_DECLS
