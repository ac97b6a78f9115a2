/* slot-model-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "slot-model-test-utils.h"

void
slot_test_splice_new (GListStore *store,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (items, g_file_info_new ());
  g_list_store_splice (store, position, removed, items->pdata, added);
}

GListStore *
slot_test_store_new (guint n_items)
{
  GListStore *store = g_list_store_new (G_TYPE_FILE_INFO);

  slot_test_splice_new (store, 0, 0, n_items);
  return store;
}

gpointer
slot_test_source_item (GListModel *source,
                       guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (source, position);

  return item;
}

static void
on_items_changed (GListModel       *model,
                  guint             position,
                  guint             removed,
                  guint             added,
                  SlotTestRecorder *recorder)
{
  SlotTestChange change = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_val (recorder->changes, change);
}

static void
on_notify_pending (GObject          *object,
                   GParamSpec       *pspec,
                   SlotTestRecorder *recorder)
{
  recorder->pending_notifies++;
}

void
slot_test_recorder_init (SlotTestRecorder  *recorder,
                         RingsideSlotModel *model)
{
  recorder->model = G_LIST_MODEL (model);
  recorder->changes = g_array_new (FALSE, FALSE, sizeof (SlotTestChange));
  recorder->pending_notifies = 0;
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), recorder);
  g_signal_connect (model, "notify::pending", G_CALLBACK (on_notify_pending), recorder);
}

void
slot_test_recorder_clear (SlotTestRecorder *recorder)
{
  g_signal_handlers_disconnect_by_data (recorder->model, recorder);
  g_clear_pointer (&recorder->changes, g_array_unref);
}

void
slot_test_recorder_replay (SlotTestRecorder *recorder,
                           guint            *shadow_len)
{
  for (guint i = 0; i < recorder->changes->len; i++)
    {
      SlotTestChange *change = &g_array_index (recorder->changes, SlotTestChange, i);

      g_assert_cmpuint (change->position + change->removed, ==, *shadow_len);
      g_assert_true (change->removed == 0 || change->added == 0);
      *shadow_len = *shadow_len - change->removed + change->added;
      g_assert_cmpuint (change->n_items, ==, *shadow_len);
    }
  g_array_set_size (recorder->changes, 0);
}

void
slot_test_assert_heard_nothing (SlotTestRecorder *recorder,
                                guint             pending_notifies)
{
  g_assert_cmpuint (recorder->changes->len, ==, 0);
  g_assert_cmpuint (recorder->pending_notifies, ==, pending_notifies);
  recorder->pending_notifies = 0;
}

void
slot_test_assert_heard (SlotTestRecorder *recorder,
                        guint             pending_notifies,
                        guint             position,
                        guint             removed,
                        guint             added)
{
  SlotTestChange *change;

  g_assert_cmpuint (recorder->changes->len, ==, 1);
  change = &g_array_index (recorder->changes, SlotTestChange, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_assert_cmpuint (change->n_items, ==, position + added);
  g_array_set_size (recorder->changes, 0);
  slot_test_assert_heard_nothing (recorder, pending_notifies);
}

void
slot_test_assert_pending (RingsideSlotModel *model,
                          guint              n_items,
                          guint              pending)
{
  guint pending_property;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_items);
  g_assert_cmpuint (ringside_slot_model_get_pending (model), ==, pending);
  g_object_get (model, "pending", &pending_property, NULL);
  g_assert_cmpuint (pending_property, ==, pending);
}

static void
on_notify_item (RingsideSlot  *slot,
                GParamSpec    *pspec,
                SlotTestWatch *watch)
{
  g_assert_true (slot == watch->slot);
  watch->notified++;
}

SlotTestWatch *
slot_test_watch_new (RingsideSlotModel *model,
                     guint              position)
{
  SlotTestWatch *watch = g_new0 (SlotTestWatch, 1);

  watch->slot = g_list_model_get_item (G_LIST_MODEL (model), position);
  g_assert_nonnull (watch->slot);
  g_assert_cmpuint (ringside_slot_get_position (watch->slot), ==, position);
  watch->position = position;
  g_signal_connect (watch->slot, "notify::item", G_CALLBACK (on_notify_item), watch);
  return watch;
}

void
slot_test_watch_free (SlotTestWatch *watch)
{
  g_signal_handlers_disconnect_by_data (watch->slot, watch);
  g_object_unref (watch->slot);
  g_free (watch);
}

GPtrArray *
slot_test_watch_range (RingsideSlotModel *model,
                       guint              first,
                       guint              end)
{
  GPtrArray *watches = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_test_watch_free);

  for (guint i = first; i < end; i++)
    g_ptr_array_add (watches, slot_test_watch_new (model, i));
  return watches;
}
