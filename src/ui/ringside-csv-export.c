/* ringside-csv-export.c: the UI side of CSV export, in one place: which file (the file
 * chooser portal), what is written (the rows and visible columns a view shows, once its
 * search has caught up), and writing it in a worker thread with RingsideCsvWriter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-column-fit.h"
#include "ringside-csv-export.h"
#include "ringside-csv-writer.h"

/* A snapshot of what a column view shows, taken on the main thread and written as CSV from a
 * worker thread: the items hold only immutable data (or data set once, like a user's
 * parent), so reading them there is safe. */
typedef struct
{
  GFile     *file;
  GPtrArray *rows;     /* the items, in the order shown */
  GArray    *fields;   /* guint indices into the columns given, visible ones in the order shown */
  GPtrArray *titles;   /* their titles */
} RingsideCsvExport;

static void ringside_csv_export_free (RingsideCsvExport *export);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RingsideCsvExport, ringside_csv_export_free)

char *
ringside_export_file_name (const char *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("ringside-%s-%s.csv", what, date);
}

static GtkFileFilter *
create_csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_file_dialog_save (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);

  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
           g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", error->message);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
choose_file (GTask      *task,
             GtkWindow  *parent,
             const char *title,
             const char *suggested_name)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = create_csv_filter ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_initial_name (dialog, suggested_name);
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_set_modal (dialog, TRUE);

  gtk_file_dialog_save (dialog, parent, g_task_get_cancellable (task),
                        on_file_dialog_save, g_object_ref (task));
}

#else /* GTK < 4.10 */

static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)),
                           g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The export was cancelled");

  gtk_native_dialog_destroy (native);
}

static void
choose_file (GTask      *task,
             GtkWindow  *parent,
             const char *title,
             const char *suggested_name)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = create_csv_filter ();

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  /* The task owns the dialog until it answers: GtkNativeDialog does not keep itself alive. */
  g_task_set_task_data (task, native, g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (on_native_response), g_object_ref (task));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif

void
ringside_choose_export_file_async (GtkWindow           *parent,
                                   const char          *title,
                                   const char          *suggested_name,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);
  g_return_if_fail (suggested_name != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_choose_export_file_async);

  choose_file (task, parent, title, suggested_name);
}

GFile *
ringside_choose_export_file_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_choose_export_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ringside_csv_export_new:
 * @columns: the view's columns, indexed by the field each shows
 *
 * Takes a reference on every row of @rows and notes which of @columns are visible, in the
 * order the user sees them (columns can be reordered by dragging their headers).
 */
static RingsideCsvExport *
ringside_csv_export_new (GFile                      *file,
                         GtkColumnView              *column_view,
                         GtkColumnViewColumn * const *columns,
                         guint                       n_columns,
                         GListModel                 *rows)
{
  RingsideCsvExport *export;
  GListModel *shown_columns;
  guint n_rows;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (column_view), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (rows), NULL);

  export = g_new0 (RingsideCsvExport, 1);
  export->file = g_object_ref (file);
  export->fields = g_array_new (FALSE, FALSE, sizeof (guint));
  export->titles = g_ptr_array_new_with_free_func (g_free);

  shown_columns = gtk_column_view_get_columns (column_view);
  for (guint i = 0; i < g_list_model_get_n_items (shown_columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (shown_columns, i);

      if (!ringside_column_is_exported (column))
        continue;

      for (guint field = 0; field < n_columns; field++)
        {
          if (columns[field] != column)
            continue;

          g_array_append_val (export->fields, field);
          g_ptr_array_add (export->titles, g_strdup (gtk_column_view_column_get_title (column)));
        }
    }

  n_rows = g_list_model_get_n_items (rows);
  export->rows = g_ptr_array_new_full (n_rows, g_object_unref);
  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (export->rows, g_list_model_get_item (rows, i));

  return export;
}

static void
ringside_csv_export_free (RingsideCsvExport *export)
{
  if (export == NULL)
    return;

  g_clear_object (&export->file);
  g_clear_pointer (&export->rows, g_ptr_array_unref);
  g_clear_pointer (&export->fields, g_array_unref);
  g_clear_pointer (&export->titles, g_ptr_array_unref);
  g_free (export);
}

typedef struct
{
  RingsideCsvExport    *export;
  RingsideCsvFieldFunc  field_func;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->export, ringside_csv_export_free);
  g_free (data);
}

static gboolean
write_csv (WriteData     *data,
           GCancellable  *cancellable,
           GError       **error)
{
  RingsideCsvExport *export = data->export;
  g_autoptr(RingsideCsvWriter) writer = ringside_csv_writer_new ();
  g_autoptr(GBytes) csv = NULL;

  for (guint i = 0; i < export->titles->len; i++)
    ringside_csv_writer_add_field (writer, g_ptr_array_index (export->titles, i));
  ringside_csv_writer_end_row (writer);

  for (guint row = 0; row < export->rows->len; row++)
    {
      gpointer item = g_ptr_array_index (export->rows, row);

      /* Checking on every row would cost more than it saves. */
      if (row % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      for (guint i = 0; i < export->fields->len; i++)
        {
          guint field = g_array_index (export->fields, guint, i);
          g_autofree char *text = data->field_func (item, field, NULL);

          ringside_csv_writer_add_field (writer, text);
        }
      ringside_csv_writer_end_row (writer);
    }

  csv = ringside_csv_writer_free_to_bytes (g_steal_pointer (&writer));

  /* g_file_replace writes a temporary file and renames it over the target on success. */
  return g_file_replace_contents (export->file,
                                  g_bytes_get_data (csv, NULL), g_bytes_get_size (csv),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  cancellable, error);
}

static void
write_csv_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_csv (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The task has no source object on purpose: the worker may drop the last reference to it,
 * and a widget must never be finalized outside the main thread. */
static void
ringside_csv_export_write_async (RingsideCsvExport    *export,
                                 RingsideCsvFieldFunc  field_func,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              callback_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (export != NULL);
  g_return_if_fail (field_func != NULL);

  data = g_new0 (WriteData, 1);
  data->export = export;
  data->field_func = field_func;

  task = g_task_new (NULL, cancellable, callback, callback_data);
  g_task_set_source_tag (task, ringside_csv_export_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_csv_thread);
}

static gboolean
ringside_csv_export_write_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_csv_export_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Writing what a view shows */

typedef struct
{
  GtkColumnView        *column_view;
  GPtrArray            *columns;
  RingsideCsvFieldFunc  field_text;
  GFile                *file;
} ViewExport;

static void
view_export_free (ViewExport *data)
{
  g_clear_object (&data->column_view);
  g_clear_pointer (&data->columns, g_ptr_array_unref);
  g_clear_object (&data->file);
  g_free (data);
}

static void
on_csv_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (ringside_csv_export_write_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Once the rows as shown are all there. */
static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RingsideRemoteList *list = RINGSIDE_REMOTE_LIST (source);
  ViewExport *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  RingsideCsvExport *export;
  GError *error = NULL;

  if (!ringside_remote_list_wait_for_search_finish (list, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  export = ringside_csv_export_new (data->file, data->column_view,
                                    (GtkColumnViewColumn * const *) data->columns->pdata,
                                    data->columns->len, ringside_remote_list_get_model (list));
  ringside_csv_export_write_async (export, data->field_text, cancellable, on_csv_written,
                                   g_steal_pointer (&task));
}

/**
 * ringside_csv_export_view_async:
 * @list: the list @column_view shows
 * @column_view: the view, whose visible columns in their order are written
 * @columns: (element-type GtkColumnViewColumn): the view's columns, indexed by field
 * @field_text: the text of a field; called in a worker thread
 * @file: where to write
 *
 * Waits for the search to check every row (it filters a few rows per frame), then writes
 * the rows as shown, atomically, from a worker thread.
 */
void
ringside_csv_export_view_async (RingsideRemoteList   *list,
                                GtkColumnView        *column_view,
                                GPtrArray            *columns,
                                RingsideCsvFieldFunc  field_text,
                                GFile                *file,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ViewExport *data;

  g_return_if_fail (RINGSIDE_IS_REMOTE_LIST (list));
  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));
  g_return_if_fail (columns != NULL);
  g_return_if_fail (field_text != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ViewExport, 1);
  data->column_view = g_object_ref (column_view);
  data->columns = g_ptr_array_ref (columns);
  data->field_text = field_text;
  data->file = g_object_ref (file);

  /* No source object: the list need not outlive the task, nor be unreferenced elsewhere. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_csv_export_view_async);
  g_task_set_task_data (task, data, (GDestroyNotify) view_export_free);

  ringside_remote_list_wait_for_search_async (list, cancellable, on_search_done,
                                              g_steal_pointer (&task));
}

gboolean
ringside_csv_export_view_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_csv_export_view_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
