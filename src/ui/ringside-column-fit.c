/* ringside-column-fit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-column-fit.h"

#define MIN_VIEW_WIDTH_KEY "ringside-min-view-width"
#define REDUNDANT_KEY      "ringside-redundant"
#define FIT_SOURCE_KEY     "ringside-fit-source"
#define FIXED_WIDTH_KEY    "ringside-fixed-width"

static gboolean
column_wanted (GtkColumnViewColumn *column,
               int                  view_width)
{
  int min_width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), MIN_VIEW_WIDTH_KEY));

  if (g_object_get_data (G_OBJECT (column), REDUNDANT_KEY) != NULL)
    return FALSE;
  return view_width <= 0 || view_width >= min_width;
}

#define WIDTH_KEY          "ringside-view-width"

static int
view_width (GtkColumnView *column_view)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column_view), WIDTH_KEY));
}

/* Whether any column's visibility is not what the width asks for. */
static gboolean
needs_fitting (GtkColumnView *column_view,
               int            width)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column) != column_wanted (column, width))
        return TRUE;
    }
  return FALSE;
}

/* GTK 4.8 still counts a hidden column's fixed width in the view's width, which then
 * leaves that much blank beside the columns shown: a hidden column has none. */
static void
set_shown (GtkColumnViewColumn *column,
           gboolean             shown)
{
  int fixed_width;

  if (gtk_column_view_column_get_visible (column) == shown)
    return;

  if (shown)
    {
      fixed_width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), FIXED_WIDTH_KEY));
      gtk_column_view_column_set_visible (column, TRUE);
      if (fixed_width > 0)
        gtk_column_view_column_set_fixed_width (column, fixed_width);
      return;
    }

  /* A width the user dragged to is kept too. */
  fixed_width = gtk_column_view_column_get_fixed_width (column);
  g_object_set_data (G_OBJECT (column), FIXED_WIDTH_KEY,
                     GINT_TO_POINTER (MAX (fixed_width, 0)));
  gtk_column_view_column_set_visible (column, FALSE);
  gtk_column_view_column_set_fixed_width (column, -1);
}

static void
fit (GtkColumnView *column_view)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);
  int width = view_width (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      set_shown (column, column_wanted (column, width));
    }
}

static gboolean
fit_idle (gpointer user_data)
{
  GtkColumnView *column_view = user_data;

  g_object_set_data (G_OBJECT (column_view), FIT_SOURCE_KEY, NULL);
  fit (column_view);
  return G_SOURCE_REMOVE;
}

/* The width is known while the view is allocated: the columns change after, as showing or
 * hiding them then would resize what is being allocated. */
static void
queue_fit (GtkColumnView *column_view)
{
  if (!needs_fitting (column_view, view_width (column_view)) ||
      g_object_get_data (G_OBJECT (column_view), FIT_SOURCE_KEY) != NULL)
    return;

  g_object_set_data (G_OBJECT (column_view), FIT_SOURCE_KEY,
                     GUINT_TO_POINTER (g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_idle,
                                                        g_object_ref (column_view),
                                                        g_object_unref)));
}

void
ringside_column_set_min_view_width (GtkColumnViewColumn *column,
                                    int                  width)
{
  GtkColumnView *column_view;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  g_object_set_data (G_OBJECT (column), MIN_VIEW_WIDTH_KEY, GINT_TO_POINTER (MAX (width, 0)));
  column_view = gtk_column_view_column_get_column_view (column);
  if (column_view != NULL)
    queue_fit (column_view);
}

void
ringside_column_set_redundant (GtkColumnViewColumn *column,
                               gboolean             redundant)
{
  GtkColumnView *column_view;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  g_object_set_data (G_OBJECT (column), REDUNDANT_KEY, redundant ? GINT_TO_POINTER (1) : NULL);
  column_view = gtk_column_view_column_get_column_view (column);
  if (column_view != NULL)
    queue_fit (column_view);
}

gboolean
ringside_column_is_exported (GtkColumnViewColumn *column)
{
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column), FALSE);

  return gtk_column_view_column_get_visible (column) ||
         g_object_get_data (G_OBJECT (column), MIN_VIEW_WIDTH_KEY) != NULL ||
         g_object_get_data (G_OBJECT (column), REDUNDANT_KEY) != NULL;
}

void
ringside_column_view_fit_to_width (GtkColumnView *column_view,
                                   int            width)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));

  g_object_set_data (G_OBJECT (column_view), WIDTH_KEY, GINT_TO_POINTER (MAX (width, 0)));
  queue_fit (column_view);
}
