/* test-slot-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "slot-model-test-utils.h"

/* Puts the items of [position, position + n) of @store back in another order in one splice
 * that keeps the length, as a sort does: reversed, or shuffled by @rand. */
static void
reorder_range (GListStore *store,
               GRand      *rand,
               guint       position,
               guint       n)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), position + n - 1 - i));
  for (guint i = n; rand != NULL && i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer swap = items->pdata[i - 1];

      items->pdata[i - 1] = items->pdata[j];
      items->pdata[j] = swap;
    }
  g_list_store_splice (store, position, n, items->pdata, n);
}

/* A slot at a position below @n_items shows what @source has there; past them, nothing. */
static void
assert_slot_shows (RingsideSlot *slot,
                   GListModel   *source,
                   guint         n_items)
{
  guint position = ringside_slot_get_position (slot);
  g_autoptr(GObject) item = NULL;

  g_object_get (slot, "item", &item, NULL);
  g_assert_true (item == ringside_slot_get_item (slot));
  g_assert_true (item == (position < n_items ? slot_test_source_item (source, position) : NULL));
}

/* Since the last look, the watched slots in [first, end) said "item" changed once, the others
 * not; those the model has show what its source has there, the others nothing. */
static void
assert_told (RingsideSlotModel *model,
             GPtrArray         *watches,
             guint              first,
             guint              end)
{
  GListModel *source = ringside_slot_model_get_source (model);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < watches->len; i++)
    {
      SlotTestWatch *watch = g_ptr_array_index (watches, i);

      g_assert_cmpuint (watch->notified, ==, watch->position >= first && watch->position < end);
      watch->notified = 0;
      assert_slot_shows (watch->slot, source, n_items);
    }
}

/* 1. Slot N shows item N, and lives as long as someone holds it, no longer. */
static void
test_slots_show_source (void)
{
  g_autoptr(GListStore) store = slot_test_store_new (5);
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (G_LIST_MODEL (store));
  GListModel *list = G_LIST_MODEL (model);
  g_autoptr(GListModel) source = NULL;
  g_autoptr(GPtrArray) watches = NULL;
  RingsideSlot *weak_slot;

  g_object_get (model, "source", &source, NULL);
  g_assert_true (source == G_LIST_MODEL (store));
  g_assert_true (ringside_slot_model_get_source (model) == source);
  g_assert_true (g_list_model_get_item_type (list) == RINGSIDE_TYPE_SLOT);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  g_assert_cmpuint (ringside_slot_model_get_pending (model), ==, 0);
  g_assert_null (g_list_model_get_item (list, 5));

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(RingsideSlot) slot = g_list_model_get_item (list, i);
      g_autoptr(RingsideSlot) again = g_list_model_get_item (list, i);
      g_autoptr(GObject) item = NULL;
      guint position;

      g_assert_true (slot == again);
      g_object_get (slot, "position", &position, "item", &item, NULL);
      g_assert_cmpuint (position, ==, i);
      g_assert_true (item == slot_test_source_item (source, i));
      g_assert_true (ringside_slot_get_item (slot) == item);
    }

  /* Nobody holds slot 2 any more, and the model does not keep it alive; nor slot 3, which
   * lived through a change first. Changes there reach no freed slot; new slots show them. */
  weak_slot = g_list_model_get_item (list, 2);
  g_object_add_weak_pointer (G_OBJECT (weak_slot), (gpointer *) &weak_slot);
  g_object_unref (weak_slot);
  g_assert_null (weak_slot);
  slot_test_splice_new (store, 2, 1, 1);

  weak_slot = g_list_model_get_item (list, 3);
  g_object_add_weak_pointer (G_OBJECT (weak_slot), (gpointer *) &weak_slot);
  slot_test_splice_new (store, 3, 1, 1);
  g_assert_true (ringside_slot_get_item (weak_slot) == slot_test_source_item (source, 3));
  g_object_unref (weak_slot);
  g_assert_null (weak_slot);
  slot_test_splice_new (store, 3, 1, 1);

  watches = slot_test_watch_range (model, 0, 5);
  assert_told (model, watches, 0, 0);
}

/* 2. A change that keeps the length moves no rows: the slots it reaches show the new items. */
static void
test_same_length (void)
{
  g_autoptr(GListStore) store = slot_test_store_new (5);
  GListModel *source = G_LIST_MODEL (store);
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (source);
  g_autoptr(GPtrArray) watches = slot_test_watch_range (model, 0, 5);
  g_autoptr(GObject) middle = g_list_model_get_item (source, 2);
  g_autoptr(GObject) third = NULL;
  SlotTestRecorder recorder;

  slot_test_recorder_init (&recorder, model);

  /* A sort of the whole list: every slot is told, the middle one too, though its item stays
   * the same object (the source changed it in place). */
  reorder_range (store, NULL, 0, 5);
  slot_test_assert_heard_nothing (&recorder, 0);
  g_assert_true (ringside_slot_get_item (((SlotTestWatch *) watches->pdata[2])->slot) == middle);
  assert_told (model, watches, 0, 5);

  /* A sort of a part: only the slots in it are told. */
  reorder_range (store, NULL, 1, 2);
  slot_test_assert_heard_nothing (&recorder, 0);
  assert_told (model, watches, 1, 3);

  /* One item changed in place: its slot is told, no other. */
  third = g_list_model_get_item (source, 3);
  g_list_store_splice (store, 3, 1, (gpointer *) &third, 1);
  slot_test_assert_heard_nothing (&recorder, 0);
  g_assert_true (ringside_slot_get_item (((SlotTestWatch *) watches->pdata[3])->slot) == third);
  assert_told (model, watches, 3, 4);

  /* New items in place of old ones. */
  slot_test_splice_new (store, 0, 2, 2);
  slot_test_assert_heard_nothing (&recorder, 0);
  assert_told (model, watches, 0, 2);

  slot_test_recorder_clear (&recorder);
}

/* 3. Insertion and removal in the middle: the rows stay, the slots from there on show the
 * shifted items, and the model grows or shrinks at its end only. */
static void
test_middle (void)
{
  g_autoptr(GListStore) store = slot_test_store_new (8);
  GListModel *source = G_LIST_MODEL (store);
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (source);
  g_autoptr(GPtrArray) watches = slot_test_watch_range (model, 0, 8);
  SlotTestRecorder recorder;

  slot_test_recorder_init (&recorder, model);

  slot_test_splice_new (store, 3, 0, 2);
  slot_test_assert_heard (&recorder, 0, 8, 0, 2);
  assert_told (model, watches, 3, 8);
  g_ptr_array_add (watches, slot_test_watch_new (model, 8));
  g_ptr_array_add (watches, slot_test_watch_new (model, 9));
  assert_told (model, watches, 0, 0);

  /* Three out from position 2: slots 2 to 6 show the shifted items, 7 to 9 leave. */
  slot_test_splice_new (store, 2, 3, 0);
  slot_test_assert_heard (&recorder, 0, 7, 3, 0);
  assert_told (model, watches, 2, 7);

  /* Removed and added at once, not as many: one change at the end, of the difference. */
  g_ptr_array_set_size (watches, 7);
  slot_test_splice_new (store, 4, 1, 3);
  slot_test_assert_heard (&recorder, 0, 7, 0, 2);
  assert_told (model, watches, 4, 7);

  slot_test_splice_new (store, 1, 4, 2);
  slot_test_assert_heard (&recorder, 0, 7, 2, 0);
  assert_told (model, watches, 1, 7);

  slot_test_recorder_clear (&recorder);
}

/* 4. Slots past a new end show nothing, without a word; asked for again, they are new. */
static void
test_shrink (void)
{
  g_autoptr(GListStore) store = slot_test_store_new (6);
  GListModel *source = G_LIST_MODEL (store);
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (source);
  g_autoptr(GPtrArray) kept = slot_test_watch_range (model, 0, 3);
  g_autoptr(GPtrArray) gone = slot_test_watch_range (model, 3, 6);
  SlotTestRecorder recorder;

  slot_test_recorder_init (&recorder, model);

  slot_test_splice_new (store, 3, 3, 0);
  slot_test_assert_heard (&recorder, 0, 3, 3, 0);
  assert_told (model, kept, 0, 0);
  assert_told (model, gone, 0, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 3));
  for (guint i = 0; i < gone->len; i++)
    {
      SlotTestWatch *watch = g_ptr_array_index (gone, i);
      g_autoptr(GObject) item = NULL;

      /* A plain object now, that keeps its position. */
      g_object_get (watch->slot, "item", &item, NULL);
      g_assert_null (item);
      g_assert_cmpuint (ringside_slot_get_position (watch->slot), ==, watch->position);
    }

  /* The source grows back: the old slots stay empty and are not told; asked for again, the
   * slots there are new ones that show the new items. */
  slot_test_splice_new (store, 3, 0, 4);
  slot_test_assert_heard (&recorder, 0, 3, 0, 4);
  for (guint i = 0; i < gone->len; i++)
    {
      SlotTestWatch *watch = g_ptr_array_index (gone, i);

      g_assert_null (ringside_slot_get_item (watch->slot));
      g_assert_cmpuint (watch->notified, ==, 0);
      g_ptr_array_add (kept, slot_test_watch_new (model, watch->position));
      g_assert_true (((SlotTestWatch *) g_ptr_array_index (kept, kept->len - 1))->slot !=
                     watch->slot);
    }
  g_ptr_array_add (kept, slot_test_watch_new (model, 6));
  assert_told (model, kept, 0, 0);

  /* To nothing at all. */
  slot_test_splice_new (store, 0, 7, 0);
  slot_test_assert_heard (&recorder, 0, 0, 7, 0);
  assert_told (model, kept, 0, 0);
  assert_told (model, gone, 0, 0);

  /* The old slots go after the model forgot them: nothing reaches back into it. */
  g_ptr_array_set_size (gone, 0);
  g_ptr_array_set_size (kept, 0);
  slot_test_splice_new (store, 0, 0, 2);
  g_ptr_array_add (kept, slot_test_watch_new (model, 1));
  assert_told (model, kept, 0, 0);

  slot_test_recorder_clear (&recorder);
}


/* 5. Paced growth: the first rows come a step at a time, the rest at once. */
static void
test_pacing (void)
{
  g_autoptr(GListStore) store = slot_test_store_new (0);
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (G_LIST_MODEL (store));
  SlotTestRecorder recorder;

  ringside_slot_model_set_pacing (model, 10, 3);
  slot_test_recorder_init (&recorder, model);

  slot_test_splice_new (store, 0, 0, 25);
  slot_test_assert_heard_nothing (&recorder, 1);
  slot_test_assert_pending (model, 0, 25);

  for (guint shown = 3; shown < 10; shown += 3)
    {
      g_assert_true (ringside_slot_model_reveal (model));
      slot_test_assert_heard (&recorder, 1, shown - 3, 0, 3);
      slot_test_assert_pending (model, shown, 25 - shown);
    }

  /* 9 + 3 would pass 10: the rest come at once. */
  g_assert_false (ringside_slot_model_reveal (model));
  slot_test_assert_heard (&recorder, 1, 9, 0, 16);
  slot_test_assert_pending (model, 25, 0);

  g_assert_false (ringside_slot_model_reveal (model));
  slot_test_assert_heard_nothing (&recorder, 0);

  /* Past the paced rows, growth is immediate. */
  slot_test_splice_new (store, 25, 0, 5);
  slot_test_assert_heard (&recorder, 0, 25, 0, 5);
  slot_test_assert_pending (model, 30, 0);

  /* Shrinking is never held back; growing from below the paced rows is again. */
  slot_test_splice_new (store, 2, 28, 0);
  slot_test_assert_heard (&recorder, 0, 2, 28, 0);
  slot_test_assert_pending (model, 2, 0);

  slot_test_splice_new (store, 0, 0, 1);
  slot_test_splice_new (store, 3, 0, 20);
  slot_test_assert_heard_nothing (&recorder, 2);
  slot_test_assert_pending (model, 2, 21);

  /* 2 + 3 = 5. */
  g_assert_true (ringside_slot_model_reveal (model));
  slot_test_assert_heard (&recorder, 1, 2, 0, 3);
  slot_test_assert_pending (model, 5, 18);

  /* Shrinking the rows held back: nothing shown changes, pending does. */
  slot_test_splice_new (store, 10, 8, 0);
  slot_test_assert_heard_nothing (&recorder, 1);
  slot_test_assert_pending (model, 5, 10);

  /* Shrinking below the rows shown: at once, and nothing is held back any more. */
  slot_test_splice_new (store, 1, 12, 0);
  slot_test_assert_heard (&recorder, 1, 3, 2, 0);
  slot_test_assert_pending (model, 3, 0);

  /* Without pacing, all at once. */
  ringside_slot_model_set_pacing (model, 0, 0);
  slot_test_splice_new (store, 3, 0, 40);
  slot_test_assert_heard (&recorder, 0, 3, 0, 40);
  slot_test_assert_pending (model, 43, 0);

  slot_test_recorder_clear (&recorder);
}

/* 5. Items added one by one while paced: each adds to pending, none is shown. At the bounds:
 * a step that reaches the paced rows exactly shows the rest; fewer rows than a step come in
 * one; a model that shows exactly the paced rows grows at once. */
static void
test_pacing_bounds (void)
{
  g_autoptr(GListStore) store = slot_test_store_new (0);
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (G_LIST_MODEL (store));
  g_autoptr(GListStore) full = slot_test_store_new (10);
  g_autoptr(RingsideSlotModel) full_model = ringside_slot_model_new (G_LIST_MODEL (full));
  SlotTestRecorder recorder;

  ringside_slot_model_set_pacing (model, 8, 4);
  slot_test_recorder_init (&recorder, model);
  for (guint i = 0; i < 20; i++)
    slot_test_splice_new (store, i, 0, 1);
  slot_test_assert_heard_nothing (&recorder, 20);
  slot_test_assert_pending (model, 0, 20);

  g_assert_true (ringside_slot_model_reveal (model));
  slot_test_assert_heard (&recorder, 1, 0, 0, 4);
  g_assert_false (ringside_slot_model_reveal (model));
  slot_test_assert_heard (&recorder, 1, 4, 0, 16);
  slot_test_assert_pending (model, 20, 0);

  slot_test_splice_new (store, 2, 18, 0);
  slot_test_splice_new (store, 2, 0, 1);
  slot_test_assert_pending (model, 2, 1);
  g_assert_false (ringside_slot_model_reveal (model));
  slot_test_assert_pending (model, 3, 0);
  slot_test_recorder_clear (&recorder);

  ringside_slot_model_set_pacing (full_model, 10, 3);
  slot_test_recorder_init (&recorder, full_model);
  slot_test_splice_new (full, 10, 0, 5);
  slot_test_assert_heard (&recorder, 0, 10, 0, 5);
  slot_test_assert_pending (full_model, 15, 0);
  slot_test_recorder_clear (&recorder);
}

/* 6. A source change while rows are held back. */
static void
test_change_while_held_back (void)
{
  g_autoptr(GListStore) store = slot_test_store_new (0);
  GListModel *source = G_LIST_MODEL (store);
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (source);
  g_autoptr(GPtrArray) watches = NULL;
  SlotTestRecorder recorder;

  ringside_slot_model_set_pacing (model, 10, 3);
  slot_test_splice_new (store, 0, 0, 25);
  g_assert_true (ringside_slot_model_reveal (model));
  watches = slot_test_watch_range (model, 0, 3);
  slot_test_recorder_init (&recorder, model);

  /* Past the rows shown, the same length: nothing at all. */
  slot_test_splice_new (store, 10, 2, 2);
  slot_test_assert_heard_nothing (&recorder, 0);
  slot_test_assert_pending (model, 3, 22);
  assert_told (model, watches, 0, 0);

  /* Past them, longer: pending only. */
  slot_test_splice_new (store, 5, 0, 4);
  slot_test_assert_heard_nothing (&recorder, 1);
  slot_test_assert_pending (model, 3, 26);
  assert_told (model, watches, 0, 0);

  /* Just at the end of the rows shown: still nothing shown. */
  slot_test_splice_new (store, 3, 1, 0);
  slot_test_assert_heard_nothing (&recorder, 1);
  slot_test_assert_pending (model, 3, 25);
  assert_told (model, watches, 0, 0);

  /* Within them, in place: that slot only. */
  slot_test_splice_new (store, 1, 1, 1);
  slot_test_assert_heard_nothing (&recorder, 0);
  slot_test_assert_pending (model, 3, 25);
  assert_told (model, watches, 1, 2);

  /* Within them, longer: the slots from there on show the shifted items; no row is added. */
  slot_test_splice_new (store, 0, 0, 1);
  slot_test_assert_heard_nothing (&recorder, 1);
  slot_test_assert_pending (model, 3, 26);
  assert_told (model, watches, 0, 3);

  /* Across the end of the rows shown, shorter but not below them. */
  slot_test_splice_new (store, 2, 5, 1);
  slot_test_assert_heard_nothing (&recorder, 1);
  slot_test_assert_pending (model, 3, 22);
  assert_told (model, watches, 2, 3);

  /* What comes in later shows the source as it is now. */
  g_assert_true (ringside_slot_model_reveal (model));
  slot_test_assert_heard (&recorder, 1, 3, 0, 3);
  g_ptr_array_add (watches, slot_test_watch_new (model, 4));
  assert_told (model, watches, 0, 0);

  slot_test_recorder_clear (&recorder);
}

/* 7. Random splices, reveals and held slots; the model agrees with its source after each. */

typedef struct
{
  GListStore        *store;
  RingsideSlotModel *model;
  GPtrArray         *watches;   /* of SlotTestWatch */
  guint              shadow_len; /* the model's length as its items-changed tell it */

  /* What the run went through, so that a change that makes it test less shows. */
  guint              n_told;
  guint              n_left;
  guint              n_held_back;
  guint              n_revealed;
} Rig;

/* The slot tells while the source already has its new item there. */
static void
rig_on_notify_item (RingsideSlot *slot,
                    GParamSpec   *pspec,
                    Rig          *rig)
{
  g_assert_true (ringside_slot_get_item (slot) ==
                 slot_test_source_item (G_LIST_MODEL (rig->store),
                                        ringside_slot_get_position (slot)));
}

static void
rig_hold (Rig   *rig,
          guint  position)
{
  SlotTestWatch *watch = slot_test_watch_new (rig->model, position);

  g_signal_connect (watch->slot, "notify::item", G_CALLBACK (rig_on_notify_item), rig);
  g_ptr_array_add (rig->watches, watch);
}

static void
rig_check (Rig *rig)
{
  GListModel *source = G_LIST_MODEL (rig->store);
  GListModel *list = G_LIST_MODEL (rig->model);
  guint n_source = g_list_model_get_n_items (source);
  guint n_items = g_list_model_get_n_items (list);

  g_assert_cmpuint (n_items, <=, n_source);
  g_assert_cmpuint (ringside_slot_model_get_pending (rig->model), ==, n_source - n_items);
  g_assert_cmpuint (rig->shadow_len, ==, n_items);
  g_assert_null (g_list_model_get_item (list, n_items));

  for (guint i = 0; i < rig->watches->len; i++)
    {
      SlotTestWatch *watch = g_ptr_array_index (rig->watches, i);
      g_autoptr(RingsideSlot) slot = NULL;

      /* A slot that left shows nothing, and the model has another there if anything. */
      g_assert_cmpuint (ringside_slot_get_position (watch->slot), ==, watch->position);
      if (watch->position < n_items)
        slot = g_list_model_get_item (list, watch->position);
      g_assert_true ((slot == watch->slot) == !watch->left);
      g_assert_true (ringside_slot_get_item (watch->slot) ==
                     (watch->left ? NULL : slot_test_source_item (source, watch->position)));
    }
}

/* After a splice (@position, @removed, @added) of the source: which slots were told. */
static void
rig_check_told (Rig     *rig,
                guint    position,
                guint    removed,
                guint    added)
{
  for (guint i = 0; i < rig->watches->len; i++)
    {
      SlotTestWatch *watch = g_ptr_array_index (rig->watches, i);
      gboolean in_range = watch->position >= position && watch->position < position + added;
      gboolean moved = ringside_slot_get_item (watch->slot) != watch->item_before;

      if (watch->position >= g_list_model_get_n_items (G_LIST_MODEL (rig->model)) &&
          !watch->left)
        {
          watch->left = TRUE;
          rig->n_left++;
        }
      g_assert_cmpuint (watch->notified, <=, 1);
      rig->n_told += watch->notified;
      /* Not told: those that left, those before the change, those past it when it kept the
       * length. Told: those in it, and those past it whose item moved. */
      if (watch->left || watch->position < position ||
          (removed == added && watch->position >= position + added))
        g_assert_cmpuint (watch->notified, ==, 0);
      else
        g_assert_cmpuint (watch->notified, ==, in_range || moved);
    }
}

static void
test_random (void)
{
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GListStore) store = slot_test_store_new (g_rand_int_range (rand, 0, 20));
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) watches =
    g_ptr_array_new_with_free_func ((GDestroyNotify) slot_test_watch_free);
  Rig rig = { store, model, watches, g_list_model_get_n_items (G_LIST_MODEL (store)), };
  SlotTestRecorder recorder;

  g_test_message ("random seed of this case: %u (the run's seed is printed above; "
                  "--seed=SEED repeats it)", seed);
  slot_test_recorder_init (&recorder, model);
  if (g_rand_int_range (rand, 0, 4) > 0)
    ringside_slot_model_set_pacing (model, g_rand_int_range (rand, 1, 30),
                                    g_rand_int_range (rand, 1, 6));

  for (guint step = 0; step < 600; step++)
    {
      guint n_source = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
      guint pending_before = ringside_slot_model_get_pending (model);
      guint action = g_rand_int_range (rand, 0, 100);
      /* The source's change, if any; past every slot otherwise: no slot may be told. */
      guint position = G_MAXUINT, removed = 0, added = 0;

      for (guint i = 0; i < watches->len; i++)
        {
          SlotTestWatch *watch = g_ptr_array_index (watches, i);

          watch->notified = 0;
          watch->item_before = ringside_slot_get_item (watch->slot);
        }

      if (action < 46)
        {
          /* A few rows, or from a few rows on all (a new search). */
          position = g_rand_int_range (rand, 0, n_source + 1);
          removed = g_rand_int_range (rand, 0, MIN (n_source - position, 8) + 1);
          added = g_rand_int_range (rand, 0, n_source > 60 ? 4 : 9);
          if (action >= 40)
            {
              position = MIN (position, 6);
              removed = n_source - position;
              added = g_rand_int_range (rand, 0, 40);
            }
          slot_test_splice_new (store, position, removed, added);
        }
      else if (action < 54 && n_source > 0)
        {
          /* A sort of a part, or the whole: the same items in another order. */
          position = g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 0, n_source);
          removed = added = g_rand_int_range (rand, 1, n_source - position + 1);
          if (position == 0 && g_rand_boolean (rand))
            removed = added = n_source;
          reorder_range (store, rand, position, added);
        }
      else if (action < 72)
        {
          gboolean more = ringside_slot_model_reveal (model);
          guint n_after = g_list_model_get_n_items (G_LIST_MODEL (model));

          g_assert_cmpint (more, ==, n_after < n_source);
          g_assert_cmpuint (n_after, >=, MIN (n_items + 1, n_source));
          rig.n_revealed += n_after > n_items;
        }
      else if (action < 87 && n_items > 0)
        {
          rig_hold (&rig, g_rand_int_range (rand, 0, n_items));
        }
      else if (action < 96 && watches->len > 0)
        {
          g_ptr_array_remove_index_fast (watches, g_rand_int_range (rand, 0, watches->len));
        }
      else if (action >= 96)
        {
          guint paced_rows = g_rand_int_range (rand, 0, 5) > 0 ? g_rand_int_range (rand, 1, 30) : 0;

          ringside_slot_model_set_pacing (model, paced_rows, g_rand_int_range (rand, 1, 6));
        }

      slot_test_recorder_replay (&recorder, &rig.shadow_len);
      rig_check_told (&rig, position, removed, added);
      slot_test_assert_heard_nothing (&recorder,
                                      ringside_slot_model_get_pending (model) != pending_before);
      rig_check (&rig);
      rig.n_held_back += ringside_slot_model_get_pending (model) > 0;
    }

  g_test_message ("slots told %u times, %u slots left, %u steps with rows held back, "
                  "%u reveals that added rows", rig.n_told, rig.n_left, rig.n_held_back,
                  rig.n_revealed);

  slot_test_recorder_clear (&recorder);
}

/* What a view does while it hears of a change: lets rows go and asks for others. */

typedef struct
{
  RingsideSlotModel *model;
  RingsideSlot      *held[8];    /* owned, by position; NULL once let go */
  GPtrArray         *asked;      /* of RingsideSlot, owned: what the handlers asked for */
  guint              ask_at;     /* where the handlers ask */
} Busy;

static void
busy_let_go (Busy  *busy,
             guint  position)
{
  g_clear_object (&busy->held[position]);
}

static void
busy_ask (Busy  *busy,
          guint  position)
{
  RingsideSlot *slot = g_list_model_get_item (G_LIST_MODEL (busy->model), position);

  if (slot != NULL)
    g_ptr_array_add (busy->asked, slot);
}

static void
on_busy_notify_item (RingsideSlot *slot,
                     GParamSpec   *pspec,
                     Busy         *busy)
{
  /* One slot reached by this change, one before it; and a slot asked for anew. */
  busy_let_go (busy, 6);
  busy_let_go (busy, 0);
  busy_ask (busy, busy->ask_at);
}

static void
on_busy_items_changed (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       Busy       *busy)
{
  for (guint i = position; i < G_N_ELEMENTS (busy->held); i++)
    busy_let_go (busy, i);
  if (position > 0)
    busy_ask (busy, position - 1);
}

static void
test_reentrant (void)
{
  g_autoptr(GListStore) store = slot_test_store_new (8);
  GListModel *source = G_LIST_MODEL (store);
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (source);
  Busy busy = { model, { NULL, }, g_ptr_array_new_with_free_func (g_object_unref), 5 };
  RingsideSlot *weak_slot;

  for (guint i = 0; i < 8; i++)
    busy.held[i] = g_list_model_get_item (G_LIST_MODEL (model), i);
  weak_slot = busy.held[6];
  g_object_add_weak_pointer (G_OBJECT (weak_slot), (gpointer *) &weak_slot);
  g_signal_connect (busy.held[2], "notify::item", G_CALLBACK (on_busy_notify_item), &busy);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_busy_items_changed), &busy);

  slot_test_splice_new (store, 2, 1, 2);
  g_assert_null (busy.held[0]);
  g_assert_null (busy.held[6]);
  g_assert_null (weak_slot);
  g_assert_cmpuint (busy.asked->len, ==, 2);

  /* Shrinking: slot 2 is told while the model still has its old length, and its handler asks
   * for a row that is about to go. That slot shows nothing once the change is over. */
  busy.ask_at = 7;
  slot_test_splice_new (store, 1, 5, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  g_assert_cmpuint (busy.asked->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (busy.held); i++)
    if (busy.held[i] != NULL)
      assert_slot_shows (busy.held[i], source, 4);
  for (guint i = 0; i < busy.asked->len; i++)
    assert_slot_shows (g_ptr_array_index (busy.asked, i), source, 4);

  g_signal_handlers_disconnect_by_data (model, &busy);
  for (guint i = 0; i < G_N_ELEMENTS (busy.held); i++)
    busy_let_go (&busy, i);
  g_ptr_array_unref (busy.asked);
}

/* 8. The model goes first: the slots held stay plain objects, and going later they reach
 * back into nothing. */
static void
test_dispose_first (void)
{
  g_autoptr(GListStore) store = slot_test_store_new (6);
  GListModel *source = G_LIST_MODEL (store);
  RingsideSlotModel *model = ringside_slot_model_new (source);
  g_autoptr(GPtrArray) watches = slot_test_watch_range (model, 0, 6);
  RingsideSlotModel *weak_model = model;

  /* Two of them leave the model first: it must have let go of those as well. */
  slot_test_splice_new (store, 4, 2, 0);

  g_object_add_weak_pointer (G_OBJECT (model), (gpointer *) &weak_model);
  g_object_unref (model);
  g_assert_null (weak_model);

  for (guint i = 0; i < 6; i++)
    assert_slot_shows (((SlotTestWatch *) watches->pdata[i])->slot, source, 4);

  /* The source goes on without the model; the slots hear nothing of it. */
  slot_test_splice_new (store, 0, 4, 2);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpuint (((SlotTestWatch *) watches->pdata[i])->notified, ==, 0);

  /* The slots go one by one; with a weak reference left, the model would be reached. */
  g_ptr_array_set_size (watches, 0);
}

/* 8. g_object_run_dispose() leaves the model to answer until it is finalized: it must answer
 * without criticals, and a slot it hands out then must not keep a weak reference to it. */
static void
test_use_after_dispose (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GListStore) store = slot_test_store_new (4);
      RingsideSlotModel *model = ringside_slot_model_new (G_LIST_MODEL (store));
      g_autoptr(RingsideSlot) held = g_list_model_get_item (G_LIST_MODEL (model), 0);
      g_autoptr(RingsideSlot) later = NULL;

      g_object_run_dispose (G_OBJECT (model));
      g_assert_cmpuint (ringside_slot_model_get_pending (model), ==, 0);
      g_assert_false (ringside_slot_model_reveal (model));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
      later = g_list_model_get_item (G_LIST_MODEL (model), 1);
      g_assert_null (later);
      g_object_unref (model);
      /* "later" and "held" go after the model. */
      return;
    }

  /* Criticals are fatal in the subprocess. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slot-model/slots-show-source", test_slots_show_source);
  g_test_add_func ("/slot-model/same-length", test_same_length);
  g_test_add_func ("/slot-model/middle", test_middle);
  g_test_add_func ("/slot-model/shrink", test_shrink);
  g_test_add_func ("/slot-model/pacing", test_pacing);
  g_test_add_func ("/slot-model/pacing-bounds", test_pacing_bounds);
  g_test_add_func ("/slot-model/change-while-held-back", test_change_while_held_back);
  g_test_add_func ("/slot-model/random", test_random);
  g_test_add_func ("/slot-model/reentrant", test_reentrant);
  g_test_add_func ("/slot-model/dispose-first", test_dispose_first);
  g_test_add_func ("/slot-model/use-after-dispose", test_use_after_dispose);

  return g_test_run ();
}
