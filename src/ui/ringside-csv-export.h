/* ringside-csv-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ringside-remote-list.h"

G_BEGIN_DECLS

/* "ringside-@what-YYYY-MM-DD.csv" with today's date. */
char       *ringside_export_file_name           (const char        *what);

/* Asks where to save a CSV export: GtkFileDialog where available, else GtkFileChooserNative
 * (both go through the file chooser portal when sandboxed). Fails with G_IO_ERROR_CANCELLED
 * when the user dismisses the dialog. */
void        ringside_choose_export_file_async   (GtkWindow          *parent,
                                                 const char         *title,
                                                 const char         *suggested_name,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
GFile      *ringside_choose_export_file_finish  (GAsyncResult       *result,
                                                 GError            **error);

/* Returns the text of @field for @item, or NULL; called from a worker thread, so it reads
 * only what items hold for good. */
typedef char *(*RingsideCsvFieldFunc) (gpointer  item,
                                       guint     field,
                                       gpointer  user_data);

/* Writes the rows @list shows, with the visible columns of @column_view in their order (each
 * the field of its index in @columns), as CSV to @file, replacing it atomically. */
void        ringside_csv_export_view_async      (RingsideRemoteList   *list,
                                                 GtkColumnView        *column_view,
                                                 GPtrArray            *columns,
                                                 RingsideCsvFieldFunc  field_text,
                                                 GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean    ringside_csv_export_view_finish     (GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
