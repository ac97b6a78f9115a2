/* ringside-ui-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* "1,234" in the user's locale. */
char       *ringside_format_count               (guint              n);
/* A short, readable date in local time for list columns; "" for NULL. */
char       *ringside_format_date                (GDateTime         *date);
/* ISO 8601 ("2024-05-31") in local time, for exports; "" for NULL. */
char       *ringside_format_iso_date            (GDateTime         *date);
/* -1, 0 or 1, with missing (NULL) dates after every other: for list columns' sorters. */
int         ringside_compare_dates              (GDateTime         *a,
                                                 GDateTime         *b);

/* Sorts @column with @compare, which compares the items themselves: a GtkStringSorter or
 * GtkNumericSorter would evaluate a GtkExpression for every row each time the sort changes,
 * which takes seconds over 100,000 rows. */
void        ringside_column_set_compare_func    (GtkColumnViewColumn *column,
                                                 GCompareDataFunc     compare,
                                                 gpointer             user_data);

/* A plain sentence that says what went wrong while loading a list and what to do about it.
 * @forbidden_message is the sentence for RINGSIDE_ERROR_FORBIDDEN, which depends on the list.
 * @icon_name, if not NULL, is set to a symbolic icon that fits the failure. */
char       *ringside_describe_load_error        (const GError      *error,
                                                 const char        *forbidden_message,
                                                 const char       **icon_name);

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

/* A snapshot of what a column view shows, taken on the main thread and written as CSV from a
 * worker thread: the items hold only immutable data, so reading them there is safe. */
typedef struct
{
  GFile     *file;
  GPtrArray *rows;     /* the items, in the order shown */
  GArray    *fields;   /* guint indices into the columns given, visible ones in the order shown */
  GPtrArray *titles;   /* their titles */
} RingsideCsvExport;

/* Returns the text of @field for @item, or NULL; called from a worker thread. */
typedef char *(*RingsideCsvFieldFunc) (gpointer  item,
                                       guint     field,
                                       gpointer  user_data);

RingsideCsvExport *ringside_csv_export_new          (GFile                       *file,
                                                     GtkColumnView               *column_view,
                                                     GtkColumnViewColumn * const *columns,
                                                     guint                        n_columns,
                                                     GListModel                  *rows);
void               ringside_csv_export_free         (RingsideCsvExport           *export);

/* Builds the CSV, header row first, in a worker thread, and replaces the file with it
 * atomically. Takes @export. @field_func and @user_data are used in the worker thread only;
 * @user_data_free may run in either thread. */
void               ringside_csv_export_write_async  (RingsideCsvExport           *export,
                                                     RingsideCsvFieldFunc         field_func,
                                                     gpointer                     user_data,
                                                     GDestroyNotify               user_data_free,
                                                     GCancellable                *cancellable,
                                                     GAsyncReadyCallback          callback,
                                                     gpointer                     callback_data);
gboolean           ringside_csv_export_write_finish (GAsyncResult                *result,
                                                     GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RingsideCsvExport, ringside_csv_export_free)

G_END_DECLS
