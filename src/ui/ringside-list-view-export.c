/* ringside-list-view-export.c: a list view's rows as CSV, to a file the user chooses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-list-view-private.h"

static void
on_csv_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (ringside_csv_export_view_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ringside_list_view_write_csv_async (RingsideListView    *self,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_private (self);
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RINGSIDE_IS_LIST_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_list_view_write_csv_async);

  ringside_csv_export_view_async (priv->list, priv->column_view, priv->columns,
                                  RINGSIDE_LIST_VIEW_GET_CLASS (self)->csv_field_text, file,
                                  cancellable, on_csv_written, g_steal_pointer (&task));
}

gboolean
ringside_list_view_write_csv_finish (RingsideListView  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_return_val_if_fail (RINGSIDE_IS_LIST_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_list_view_write_csv_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_export_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (ringside_list_view_write_csv_finish (RINGSIDE_LIST_VIEW (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_export_file_chosen (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  RingsideListView *self = g_task_get_source_object (task);
  g_autoptr(GFile) file = NULL;
  GError *error = NULL;

  file = ringside_choose_export_file_finish (result, &error);
  if (file == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  ringside_list_view_write_csv_async (self, file, cancellable,
                                      on_export_written, g_object_ref (task));
}

void
ringside_list_view_export_async (RingsideListView    *self,
                                 GtkWindow           *parent,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  RingsideListViewClass *klass = RINGSIDE_LIST_VIEW_GET_CLASS (self);
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (RINGSIDE_IS_LIST_VIEW (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_list_view_export_async);

  name = ringside_export_file_name (klass->export_name);
  ringside_choose_export_file_async (parent, _(klass->export_title), name, cancellable,
                                     on_export_file_chosen, g_steal_pointer (&task));
}

gboolean
ringside_list_view_export_finish (RingsideListView  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (RINGSIDE_IS_LIST_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_list_view_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
