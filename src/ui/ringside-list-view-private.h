/* ringside-list-view-private.h
 *
 * RingsideListView is split by concern:
 *   ringside-list-view.c         the type: state, pages, cells, sorting, the banner
 *   ringside-list-view-export.c  CSV export (the writing is in ringside-csv-export.c)
 *   ringside-list-view-rows.c    the rows: slots that show what the list has where they are
 * This header is what they share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ringside-list-view.h"
#include "ringside-partial-banner.h"
#include "ringside-slot-model.h"

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
  RingsideSlotModel  *rows;               /* over the list's model, under the selection */
  guint               reveal_tick;        /* adds rows held back, once a frame */
  guint               cells_built;        /* cells GTK made, ever */
  gboolean            reveal_wait;        /* the next tick adds no row */
  GObject            *selected_item;      /* what the selected row showed when selected */
  guint               selection_check;    /* an idle: is it still what it shows? */
  char               *summary;
  gboolean            busy;
  /* The sort last asked for from the keyboard (GTK 4.8 cannot say which column sorts). */
  guint               sort_column;
  GtkSortType         sort_order;
  gboolean            sorting_by_key;
} RingsideListViewPrivate;

RingsideListViewPrivate *ringside_list_view_get_private (RingsideListView *self);

void ringside_list_view_set_up_rows   (RingsideListView *self);
void ringside_list_view_tear_down_rows (RingsideListView *self);

G_END_DECLS
