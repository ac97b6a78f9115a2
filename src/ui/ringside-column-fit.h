/* ringside-column-fit.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Columns that give way: in a narrow view (a phone, a window beside another, a list beside
 * details) the columns that matter least are hidden so that those that matter keep room to
 * be read, and a column that would repeat one value on every row is hidden too. Hidden so,
 * a column still belongs to the view: exports keep it. GTK 4.8 and libadwaita 1.2 have no
 * breakpoints: the list view passes its width on as it is allocated. */

/* @column shows only while the view is at least @width pixels wide; 0, always. */
void     ringside_column_set_min_view_width (GtkColumnViewColumn *column,
                                             int                  width);
/* Whether @column would repeat one value on every row (then hidden at any width). */
void     ringside_column_set_redundant      (GtkColumnViewColumn *column,
                                             gboolean             redundant);
/* Shown, or hidden only to fit: what an export writes. */
gboolean ringside_column_is_exported        (GtkColumnViewColumn *column);

/* Fits the columns of @column_view to the width of the view around it, @width pixels; may be
 * called while it is allocated (the columns change right after). */
void     ringside_column_view_fit_to_width  (GtkColumnView       *column_view,
                                             int                  width);

G_END_DECLS
