/* ringside-change-log.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-change-log.h"

struct _RingsideChangeLog
{
  GObject    parent_instance;

  GPtrArray *records;  /* RingsideChangeRecord, newest first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RingsideChangeLog, ringside_change_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return RINGSIDE_TYPE_CHANGE_RECORD;
}

static guint
get_n_items (GListModel *model)
{
  return RINGSIDE_CHANGE_LOG (model)->records->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RingsideChangeLog *self = RINGSIDE_CHANGE_LOG (model);

  if (position >= self->records->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->records, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
ringside_change_log_finalize (GObject *object)
{
  RingsideChangeLog *self = RINGSIDE_CHANGE_LOG (object);

  g_ptr_array_unref (self->records);

  G_OBJECT_CLASS (ringside_change_log_parent_class)->finalize (object);
}

static void
ringside_change_log_class_init (RingsideChangeLogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ringside_change_log_finalize;
}

static void
ringside_change_log_init (RingsideChangeLog *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
}

#define SESSION_KEY "ringside-change-log"

RingsideChangeLog *
ringside_change_log_get_for_session (RingsideSession *session)
{
  RingsideChangeLog *self;

  g_return_val_if_fail (RINGSIDE_IS_SESSION (session), NULL);

  self = g_object_get_data (G_OBJECT (session), SESSION_KEY);
  if (self == NULL)
    {
      self = g_object_new (RINGSIDE_TYPE_CHANGE_LOG, NULL);
      g_object_set_data_full (G_OBJECT (session), SESSION_KEY, self, g_object_unref);
    }

  return self;
}

void
ringside_change_log_add (RingsideChangeLog    *self,
                         RingsideChangeRecord *record)
{
  g_return_if_fail (RINGSIDE_IS_CHANGE_LOG (self));
  g_return_if_fail (RINGSIDE_IS_CHANGE_RECORD (record));

  g_ptr_array_insert (self->records, 0, g_object_ref (record));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, 1);
}
