/* test-slot-model-placeholder.c: the slot model's blank rows (a placeholder with pacing).
 * It shares its helpers with test-slot-model.c (slot-model-test-utils.h); those that know
 * blank rows are here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "slot-model-test-utils.h"

/* What a slot at @position of @model should show: the source's item, or past the source's
 * end the placeholder, or past the model's end nothing. */
static gpointer
expected_item (RingsideSlotModel *model,
               gpointer           placeholder,
               guint              position)
{
  GListModel *source = ringside_slot_model_get_source (model);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (model)))
    return NULL;
  if (position >= g_list_model_get_n_items (source))
    return placeholder;
  return slot_test_source_item (source, position);
}

/* Whether a watched slot's "item" was told is not checked. */
#define TOLD_UNCHECKED G_MAXUINT

/* The watched slots show what they should: the source's item, a blank row's placeholder,
 * or once past the model's end nothing; those still in the model are the model's slots.
 * Since the last look, those in [first, end) said "item" changed once, the others not. */
static void
assert_shown (RingsideSlotModel *model,
              GPtrArray         *watches,
              gpointer           placeholder,
              guint              first,
              guint              end)
{
  for (guint i = 0; i < watches->len; i++)
    {
      SlotTestWatch *watch = g_ptr_array_index (watches, i);
      gpointer expected = expected_item (model, placeholder, watch->position);
      g_autoptr(GObject) item = NULL;

      if (first != TOLD_UNCHECKED)
        g_assert_cmpuint (watch->notified, ==,
                          watch->position >= first && watch->position < end);
      watch->notified = 0;
      g_object_get (watch->slot, "item", &item, NULL);
      g_assert_true (item == ringside_slot_get_item (watch->slot));
      g_assert_true (item == expected);
      if (expected != NULL)
        {
          g_autoptr(RingsideSlot) slot = g_list_model_get_item (G_LIST_MODEL (model),
                                                                watch->position);

          g_assert_true (slot == watch->slot);
        }
    }
}

/* 1. GtkFilterListModel on a new search empties itself, then adds the matches a chunk at a
 * time. The rows a view holds stay through that, blank for a moment, then show the matches:
 * no change of length reaches them, and each is told of every item it shows. */
static void
test_filter_refill (void)
{
  g_autoptr(GListStore) store = slot_test_store_new (100);
  GListModel *source = G_LIST_MODEL (store);
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (source);
  g_autoptr(GFileInfo) placeholder = g_file_info_new ();
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) watches = NULL;
  SlotTestRecorder recorder;
  /* The chunks, and after each: "pending" told, pending, the slots told. */
  const struct { guint first, n, notifies, pending, told_first, told_end; } chunks[] = {
    {  0, 12, 1, 18,  0, 12 },
    /* Another keystroke before the chunks are all in: blank again, without a change. */
    {  0,  0, 1, 30,  0, 12 },
    {  0, 12, 1, 18,  0, 12 },
    { 12, 12, 1,  6, 12, 24 },
    /* Past the rows shown: the last blank ones show items, the rest is held back (6 then
     * too, so "pending" is not told). */
    { 24, 12, 0,  6, 24, 30 },
    { 36, 12, 1, 18,  0,  0 },
    { 48,  2, 1, 20,  0,  0 },
  };

  ringside_slot_model_set_pacing (model, 50, 8);
  ringside_slot_model_set_placeholder (model, placeholder);
  /* The view shows the first 30 rows of 100. */
  watches = slot_test_watch_range (model, 0, 30);
  slot_test_recorder_init (&recorder, model);

  /* The new search matches every other item. */
  for (guint i = 0; i < 100; i += 2)
    g_ptr_array_add (matches, g_list_model_get_item (source, i));

  /* Emptied: the rows nobody holds go at once, past the held ones; those show blank. */
  g_list_store_remove_all (store);
  slot_test_assert_heard (&recorder, 1, 30, 70, 0);
  slot_test_assert_pending (model, 30, 30);
  assert_shown (model, watches, placeholder, 0, 30);

  for (guint i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      if (chunks[i].n == 0)
        g_list_store_remove_all (store);
      else
        g_list_store_splice (store, chunks[i].first, 0, matches->pdata + chunks[i].first,
                             chunks[i].n);
      slot_test_assert_heard_nothing (&recorder, chunks[i].notifies);
      slot_test_assert_pending (model, 30, chunks[i].pending);
      assert_shown (model, watches, placeholder, chunks[i].told_first, chunks[i].told_end);
    }

  /* The rows held back come a step at a time until the paced rows are passed. */
  g_assert_true (ringside_slot_model_reveal (model));
  slot_test_assert_heard (&recorder, 1, 30, 0, 8);
  g_assert_true (ringside_slot_model_reveal (model));
  slot_test_assert_heard (&recorder, 1, 38, 0, 8);
  g_assert_false (ringside_slot_model_reveal (model));
  slot_test_assert_heard (&recorder, 1, 46, 0, 4);
  slot_test_assert_pending (model, 50, 0);
  assert_shown (model, watches, placeholder, 0, 0);

  for (guint i = 0; i < watches->len; i++)
    g_assert_true (ringside_slot_get_item (((SlotTestWatch *) watches->pdata[i])->slot) ==
                   matches->pdata[i]);

  slot_test_recorder_clear (&recorder);
}

/* 2. The source settles shorter than the rows held: the blank rows go a step per reveal,
 * from the end, and a slot asked for at a blank row shows the placeholder. */
static void
test_blank_rows_go (void)
{
  g_autoptr(GListStore) store = slot_test_store_new (20);
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (G_LIST_MODEL (store));
  g_autoptr(GFileInfo) placeholder = g_file_info_new ();
  g_autoptr(GPtrArray) watches = NULL;
  SlotTestRecorder recorder;
  guint n_items = 16;

  ringside_slot_model_set_pacing (model, 40, 3);
  ringside_slot_model_set_placeholder (model, placeholder);
  watches = slot_test_watch_range (model, 0, 16);
  slot_test_recorder_init (&recorder, model);

  g_list_store_remove_all (store);
  slot_test_assert_heard (&recorder, 1, 16, 4, 0);
  slot_test_assert_pending (model, 16, 16);
  assert_shown (model, watches, placeholder, 0, 16);

  slot_test_splice_new (store, 0, 0, 4);
  slot_test_assert_heard_nothing (&recorder, 1);
  slot_test_assert_pending (model, 16, 12);
  assert_shown (model, watches, placeholder, 0, 4);

  /* Let go of and asked for again: a new slot, blank too. */
  g_ptr_array_remove_index (watches, 14);
  g_ptr_array_add (watches, slot_test_watch_new (model, 14));
  g_assert_true (ringside_slot_get_item (((SlotTestWatch *) watches->pdata[15])->slot) ==
                 placeholder);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 16));
  assert_shown (model, watches, placeholder, 0, 0);

  /* 16 - 3 - 3 - 3 = 7, then the 3 left: the slots that go are emptied without a word. */
  while (n_items > 4)
    {
      gboolean more = ringside_slot_model_reveal (model);
      guint next = n_items > 7 ? n_items - 3 : 4;

      g_assert_cmpint (more, ==, next > 4);
      slot_test_assert_heard (&recorder, 1, next, n_items - next, 0);
      slot_test_assert_pending (model, next, next - 4);
      assert_shown (model, watches, placeholder, 0, 0);
      n_items = next;
    }
  g_assert_false (ringside_slot_model_reveal (model));
  slot_test_assert_heard_nothing (&recorder, 0);

  slot_test_recorder_clear (&recorder);
}

/* 2b. The source grows while blank rows show: they show the new items, with no change of
 * length; growth past the rows shown is held back below the paced rows, at once past them.
 * Blank rows nobody holds any more go with the source's next change, to the last one held. */
static void
test_grow_while_blank (void)
{
  g_autoptr(GListStore) store = slot_test_store_new (20);
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (G_LIST_MODEL (store));
  g_autoptr(GFileInfo) placeholder = g_file_info_new ();
  g_autoptr(GPtrArray) watches = NULL;
  SlotTestRecorder recorder;

  ringside_slot_model_set_pacing (model, 40, 3);
  ringside_slot_model_set_placeholder (model, placeholder);
  watches = slot_test_watch_range (model, 0, 10);
  slot_test_recorder_init (&recorder, model);

  slot_test_splice_new (store, 3, 17, 0);
  slot_test_assert_heard (&recorder, 1, 10, 10, 0);
  slot_test_assert_pending (model, 10, 7);
  assert_shown (model, watches, placeholder, 3, 10);

  /* Rows 7 to 9 let go of: they go with the next change. */
  g_ptr_array_set_size (watches, 7);
  slot_test_splice_new (store, 3, 0, 2);
  slot_test_assert_heard (&recorder, 1, 7, 3, 0);
  slot_test_assert_pending (model, 7, 2);
  assert_shown (model, watches, placeholder, 3, 5);

  /* At the start: the slots with items show the shifted ones, and the first blank one an
   * item; the last blank one stays blank, untold. */
  slot_test_splice_new (store, 0, 0, 1);
  slot_test_assert_heard_nothing (&recorder, 1);
  slot_test_assert_pending (model, 7, 1);
  assert_shown (model, watches, placeholder, 0, 6);

  slot_test_splice_new (store, 6, 0, 5);
  slot_test_assert_heard_nothing (&recorder, 1);
  slot_test_assert_pending (model, 7, 4);
  assert_shown (model, watches, placeholder, 6, 7);

  g_assert_true (ringside_slot_model_reveal (model));
  slot_test_assert_heard (&recorder, 1, 7, 0, 3);
  g_assert_false (ringside_slot_model_reveal (model));
  slot_test_assert_heard (&recorder, 1, 10, 0, 1);
  slot_test_assert_pending (model, 11, 0);
  assert_shown (model, watches, placeholder, 0, 0);

  /* The paced rows are all shown, some blank: growth past them comes at once. */
  ringside_slot_model_set_pacing (model, 11, 3);
  g_ptr_array_add (watches, slot_test_watch_new (model, 10));
  slot_test_splice_new (store, 2, 9, 0);
  slot_test_assert_heard_nothing (&recorder, 1);
  slot_test_assert_pending (model, 11, 9);
  assert_shown (model, watches, placeholder, 2, 11);

  slot_test_splice_new (store, 2, 0, 15);
  slot_test_assert_heard (&recorder, 1, 11, 0, 6);
  slot_test_assert_pending (model, 17, 0);
  assert_shown (model, watches, placeholder, 2, 11);

  slot_test_recorder_clear (&recorder);
}

/* 3. A slot held past the paced rows: the rows go at once, as without a placeholder. At the
 * bound, a slot held on the last paced row still keeps the rows; a source that stays longer
 * than the paced rows has its rows go at once too. */
static void
test_held_past_paced (void)
{
  g_autoptr(GFileInfo) placeholder = g_file_info_new ();
  /* The source's length before and after, the rows held from the first on, one held far
   * down if not 0, and the rows then. */
  const struct { guint n, n_source, held, far, kept; } cases[] = {
    { 20,  4, 10,  0, 10 },
    { 20,  4, 11,  0,  4 },
    { 30,  4,  3, 25,  4 },
    { 30, 12,  3,  0, 12 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n_source = cases[i].n_source, kept = cases[i].kept;
      g_autoptr(GListStore) store = slot_test_store_new (cases[i].n);
      g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (G_LIST_MODEL (store));
      g_autoptr(GPtrArray) watches = NULL;
      SlotTestRecorder recorder;

      ringside_slot_model_set_pacing (model, 10, 3);
      ringside_slot_model_set_placeholder (model, placeholder);
      watches = slot_test_watch_range (model, 0, cases[i].held);
      if (cases[i].far != 0)
        g_ptr_array_add (watches, slot_test_watch_new (model, cases[i].far));
      slot_test_recorder_init (&recorder, model);

      slot_test_splice_new (store, n_source, cases[i].n - n_source, 0);
      slot_test_assert_heard (&recorder, kept > n_source, kept, cases[i].n - kept, 0);
      slot_test_assert_pending (model, kept, kept - n_source);
      /* Whether the slots that left were told on the way is test_leavers_untold's. */
      assert_shown (model, watches, placeholder, kept > n_source ? n_source : TOLD_UNCHECKED,
                    kept);
      slot_test_recorder_clear (&recorder);
    }
}

/* 3b. When the rows go at once, the slots that leave are emptied without a word, as without
 * a placeholder: told to show the placeholder first, a view would bind each row once more
 * just before it drops it. */
static void
test_leavers_untold (void)
{
  g_autoptr(GFileInfo) placeholder = g_file_info_new ();

  for (guint from = 0; from <= 4; from += 4)
    {
      g_autoptr(GListStore) store = slot_test_store_new (20);
      g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (G_LIST_MODEL (store));
      g_autoptr(GPtrArray) watches = NULL;
      SlotTestRecorder recorder;
      guint told = 0;

      ringside_slot_model_set_pacing (model, 10, 3);
      ringside_slot_model_set_placeholder (model, placeholder);
      watches = slot_test_watch_range (model, 0, 12);
      slot_test_recorder_init (&recorder, model);

      slot_test_splice_new (store, from, 20 - from, 0);
      slot_test_assert_heard (&recorder, 0, from, 20 - from, 0);
      for (guint i = 0; i < watches->len; i++)
        told += ((SlotTestWatch *) watches->pdata[i])->notified;
      g_assert_cmpuint (told, ==, 0);
      assert_shown (model, watches, placeholder, TOLD_UNCHECKED, 0);
      slot_test_recorder_clear (&recorder);
    }
}

/* 4. Nobody holds a row past the source's new end: the rows go at once. */
static void
test_no_holders (void)
{
  g_autoptr(GListStore) store = slot_test_store_new (20);
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (G_LIST_MODEL (store));
  g_autoptr(GFileInfo) placeholder = g_file_info_new ();
  g_autoptr(GPtrArray) watches = NULL;
  SlotTestRecorder recorder;

  ringside_slot_model_set_pacing (model, 40, 3);
  ringside_slot_model_set_placeholder (model, placeholder);
  slot_test_recorder_init (&recorder, model);

  /* None ever asked for. */
  slot_test_splice_new (store, 15, 5, 0);
  slot_test_assert_heard (&recorder, 0, 15, 5, 0);
  slot_test_assert_pending (model, 15, 0);

  /* Asked for and let go. */
  g_ptr_array_unref (slot_test_watch_range (model, 0, 15));
  slot_test_splice_new (store, 10, 5, 0);
  slot_test_assert_heard (&recorder, 0, 10, 5, 0);
  slot_test_assert_pending (model, 10, 0);

  /* Held before the new end only, up to it. */
  watches = slot_test_watch_range (model, 0, 3);
  slot_test_splice_new (store, 3, 7, 0);
  slot_test_assert_heard (&recorder, 0, 3, 7, 0);
  slot_test_assert_pending (model, 3, 0);
  assert_shown (model, watches, placeholder, 0, 0);

  slot_test_recorder_clear (&recorder);
}

/* 5. Without a placeholder, or with it taken away, shrinking is at once as it always was,
 * and the slots that leave are emptied without a word; with one but without pacing too. */
static void
test_no_placeholder (void)
{
  g_autoptr(GFileInfo) placeholder = g_file_info_new ();

  for (guint variant = 0; variant < 3; variant++)
    {
      g_autoptr(GListStore) store = slot_test_store_new (20);
      g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (G_LIST_MODEL (store));
      g_autoptr(GPtrArray) watches = NULL;
      SlotTestRecorder recorder;

      if (variant < 2)
        ringside_slot_model_set_pacing (model, 40, 3);
      if (variant > 0)
        ringside_slot_model_set_placeholder (model, placeholder);
      if (variant == 1)
        ringside_slot_model_set_placeholder (model, NULL);
      watches = slot_test_watch_range (model, 0, 16);
      slot_test_recorder_init (&recorder, model);

      slot_test_splice_new (store, 4, 16, 0);
      slot_test_assert_heard (&recorder, 0, 4, 16, 0);
      slot_test_assert_pending (model, 4, 0);
      /* With a placeholder, see test_leavers_untold. */
      assert_shown (model, watches, placeholder, variant < 2 ? 0 : TOLD_UNCHECKED, 0);

      /* Emptied and filled again: the rows went, the new ones come paced. */
      g_list_store_remove_all (store);
      slot_test_assert_heard (&recorder, 0, 0, 4, 0);
      slot_test_splice_new (store, 0, 0, 5);
      if (variant < 2)
        {
          slot_test_assert_heard_nothing (&recorder, 1);
          slot_test_assert_pending (model, 0, 5);
        }
      else
        {
          slot_test_assert_heard (&recorder, 0, 0, 0, 5);
          slot_test_assert_pending (model, 5, 0);
        }
      for (guint i = 0; i < watches->len; i++)
        g_assert_null (ringside_slot_get_item (((SlotTestWatch *) watches->pdata[i])->slot));
      slot_test_recorder_clear (&recorder);
    }
}

/* 5b. Pacing turned off while blank rows show: each reveal() still takes some away, so that
 * a caller that reveals once a frame until it is done does not tick for ever. */
static void
test_blank_rows_unpaced (void)
{
  g_autoptr(GListStore) store = slot_test_store_new (20);
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (G_LIST_MODEL (store));
  g_autoptr(GFileInfo) placeholder = g_file_info_new ();
  g_autoptr(GPtrArray) watches = NULL;
  guint n_items = 16;

  ringside_slot_model_set_pacing (model, 40, 3);
  ringside_slot_model_set_placeholder (model, placeholder);
  watches = slot_test_watch_range (model, 0, 16);
  slot_test_splice_new (store, 4, 16, 0);
  slot_test_assert_pending (model, 16, 12);

  ringside_slot_model_set_pacing (model, 0, 0);
  while (ringside_slot_model_reveal (model))
    {
      guint now = g_list_model_get_n_items (G_LIST_MODEL (model));

      g_assert_cmpuint (now, <, n_items);
      if (now >= n_items)
        break;
      n_items = now;
    }
  slot_test_assert_pending (model, 4, 0);
}

/* 6. Random splices, searches as a filter model makes them, reveals, and slots held and let
 * go, with a placeholder; the model agrees with its source and its rules after each. */

typedef struct
{
  GListStore        *store;
  RingsideSlotModel *model;
  GObject           *placeholder;
  GPtrArray         *watches;    /* of SlotTestWatch */
  SlotTestRecorder   recorder;
  guint              shadow_len; /* the model's length as its items-changed tell it */
  guint              paced_rows;
  guint              step;
  guint              paced_bound; /* the paced rows the blank rows shown came under */

  /* What the run went through, so that a change that makes it test less shows. */
  guint              n_told;
  guint              n_left;
  guint              n_left_told;
  guint              n_blank_steps;
  guint              n_blank_kept;
  guint              n_searches;
} Rig;

/* The slot tells while the source already has its new item there, or it is a blank row. */
static void
rig_on_notify_item (RingsideSlot *slot,
                    GParamSpec   *pspec,
                    Rig          *rig)
{
  g_assert_true (ringside_slot_get_item (slot) ==
                 expected_item (rig->model, rig->placeholder,
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

/* 1 + the last position a slot is held at, 0 if none: past it nobody shows a row. */
static guint
rig_end_of_held (Rig *rig)
{
  guint end = 0;

  for (guint i = 0; i < rig->watches->len; i++)
    {
      SlotTestWatch *watch = g_ptr_array_index (rig->watches, i);

      if (!watch->left)
        end = MAX (end, watch->position + 1);
    }
  return end;
}

static void
rig_before (Rig *rig)
{
  for (guint i = 0; i < rig->watches->len; i++)
    {
      SlotTestWatch *watch = g_ptr_array_index (rig->watches, i);

      watch->notified = 0;
      watch->item_before = ringside_slot_get_item (watch->slot);
    }
}

/* After a step: the changes told replay to the model's length, "pending" was told if it
 * changed, and every slot shows what it should. */
static void
rig_check (Rig   *rig,
           guint  pending_before)
{
  GListModel *source = G_LIST_MODEL (rig->store);
  GListModel *list = G_LIST_MODEL (rig->model);
  guint n_source = g_list_model_get_n_items (source);
  guint n_items = g_list_model_get_n_items (list);
  guint pending = ringside_slot_model_get_pending (rig->model);

  slot_test_recorder_replay (&rig->recorder, &rig->shadow_len);
  slot_test_assert_heard_nothing (&rig->recorder, pending != pending_before);

  g_assert_cmpuint (rig->shadow_len, ==, n_items);
  g_assert_cmpuint (pending, ==, n_source > n_items ? n_source - n_items : n_items - n_source);
  if (n_items <= MAX (n_source, rig->paced_rows))
    rig->paced_bound = rig->paced_rows;
  g_assert_cmpuint (n_items, <=, MAX (n_source, rig->paced_bound));

  /* Every row, held or asked for anew, shows the source's item or the placeholder. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RingsideSlot) slot = g_list_model_get_item (list, i);

      g_assert_true (ringside_slot_get_item (slot) ==
                     expected_item (rig->model, rig->placeholder, i));
    }
  g_assert_null (g_list_model_get_item (list, n_items));

  for (guint i = 0; i < rig->watches->len; i++)
    {
      SlotTestWatch *watch = g_ptr_array_index (rig->watches, i);
      g_autoptr(RingsideSlot) slot = NULL;

      g_assert_cmpuint (ringside_slot_get_position (watch->slot), ==, watch->position);
      rig->n_left += !watch->left && watch->position >= n_items;
      watch->left = watch->left || watch->position >= n_items;
      if (watch->position < n_items)
        slot = g_list_model_get_item (list, watch->position);
      g_assert_true ((slot == watch->slot) == !watch->left);
      g_assert_true (ringside_slot_get_item (watch->slot) ==
                     (watch->left ? NULL
                                  : expected_item (rig->model, rig->placeholder,
                                                   watch->position)));
    }

  rig->n_blank_steps += n_items > n_source;
}

/* The source's splice of @removed items at @position for @items, or @added new ones: the
 * rows follow the rules, and the slots told are those it reached whose item changed or was
 * changed. */
static void
rig_splice (Rig        *rig,
            guint       position,
            guint       removed,
            guint       added,
            GPtrArray  *items)
{
  g_autoptr(GPtrArray) new_items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (rig->model));
  guint pending_before = ringside_slot_model_get_pending (rig->model);
  guint held = rig_end_of_held (rig);
  guint n_source, expected;

  for (guint i = 0; items == NULL && i < added; i++)
    g_ptr_array_add (new_items, g_file_info_new ());
  rig_before (rig);
  g_list_store_splice (rig->store, position, removed,
                       (items != NULL ? items : new_items)->pdata, added);
  n_source = g_list_model_get_n_items (G_LIST_MODEL (rig->store));

  /* The rules, as RingsideSlotModel's documentation gives them. */
  if (n_source >= n_before)
    expected = n_before >= rig->paced_rows ? n_source : n_before;
  else if (MAX (n_source, held) <= rig->paced_rows)
    expected = MIN (n_before, MAX (n_source, held));
  else
    expected = n_source;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rig->model)), ==, expected);
  rig->n_blank_kept += expected > n_source && n_source < n_before;

  for (guint i = 0; i < rig->watches->len; i++)
    {
      SlotTestWatch *watch = g_ptr_array_index (rig->watches, i);
      gboolean in_range = watch->position >= position && watch->position < position + added;
      gboolean moved = ringside_slot_get_item (watch->slot) != watch->item_before;
      gboolean reached = watch->position >= position &&
                         !(removed == added && watch->position >= position + added);

      g_assert_cmpuint (watch->notified, <=, 1);
      rig->n_told += watch->notified;
      if (watch->left)
        g_assert_cmpuint (watch->notified, ==, 0);
      else if (watch->position >= expected)
        /* Leaving now: see test_leavers_untold. */
        rig->n_left_told += watch->notified;
      else
        g_assert_cmpuint (watch->notified, ==, reached && (in_range || moved));
    }

  rig_check (rig, pending_before);
}

static void
rig_reveal (Rig *rig)
{
  guint n_source = g_list_model_get_n_items (G_LIST_MODEL (rig->store));
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (rig->model));
  guint pending_before = ringside_slot_model_get_pending (rig->model);
  guint expected = n_source;
  gboolean more;

  if (n_before < n_source && n_before + rig->step < rig->paced_rows)
    expected = MIN (n_before + rig->step, n_source);
  /* Unpaced, blank rows go at once too (see test_blank_rows_unpaced). */
  else if (rig->paced_rows > 0 && n_before > n_source + rig->step)
    expected = n_before - rig->step;

  rig_before (rig);
  more = ringside_slot_model_reveal (rig->model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rig->model)), ==, expected);
  g_assert_cmpint (more, ==, expected != n_source);

  /* Rows come or go; no slot is told. */
  for (guint i = 0; i < rig->watches->len; i++)
    g_assert_cmpuint (((SlotTestWatch *) rig->watches->pdata[i])->notified, ==, 0);
  rig_check (rig, pending_before);
}

/* A new search: the filter model empties itself and adds the matches a chunk at a time, some
 * of them the items it had, while the view reveals now and then. */
static void
rig_search (Rig   *rig,
            GRand *rand)
{
  GListModel *source = G_LIST_MODEL (rig->store);
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_matches = g_rand_int_range (rand, 0, 60);

  for (guint i = 0; i < n_matches; i++)
    {
      guint n_source = g_list_model_get_n_items (source);

      g_ptr_array_add (matches, n_source > 0 && g_rand_boolean (rand)
                                ? g_list_model_get_item (source,
                                                         g_rand_int_range (rand, 0, n_source))
                                : g_file_info_new ());
    }

  rig_splice (rig, 0, g_list_model_get_n_items (source), 0, NULL);
  for (guint done = 0; done < n_matches;)
    {
      guint chunk = g_rand_int_range (rand, 1, 17);
      g_autoptr(GPtrArray) items = g_ptr_array_new ();

      chunk = MIN (chunk, n_matches - done);
      for (guint i = 0; i < chunk; i++)
        g_ptr_array_add (items, matches->pdata[done + i]);
      rig_splice (rig, done, 0, chunk, items);
      done += chunk;
      if (g_rand_int_range (rand, 0, 3) == 0)
        rig_reveal (rig);
    }
  rig->n_searches++;
}

static void
rig_set_pacing (Rig   *rig,
                guint  paced_rows,
                guint  step)
{
  ringside_slot_model_set_pacing (rig->model, paced_rows, step);
  /* Blank rows already shown stay until revealed or the source changes. */
  rig->paced_bound = MAX (rig->paced_bound, paced_rows);
  rig->paced_rows = paced_rows;
  rig->step = step;
}

static void
test_random (void)
{
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GListStore) store = slot_test_store_new (g_rand_int_range (rand, 0, 30));
  g_autoptr(RingsideSlotModel) model = ringside_slot_model_new (G_LIST_MODEL (store));
  g_autoptr(GObject) placeholder = G_OBJECT (g_file_info_new ());
  g_autoptr(GPtrArray) watches =
    g_ptr_array_new_with_free_func ((GDestroyNotify) slot_test_watch_free);
  Rig rig = { store, model, placeholder, watches, };

  g_test_message ("random seed of this case: %u (the run's seed is printed above; "
                  "--seed=SEED repeats it)", seed);
  rig.shadow_len = g_list_model_get_n_items (G_LIST_MODEL (store));
  slot_test_recorder_init (&rig.recorder, model);
  ringside_slot_model_set_placeholder (model, placeholder);
  rig_set_pacing (&rig, g_rand_int_range (rand, 1, 40), g_rand_int_range (rand, 1, 6));

  for (guint step = 0; step < 600; step++)
    {
      GListModel *source = G_LIST_MODEL (store);
      guint n_source = g_list_model_get_n_items (source);
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
      guint action = g_rand_int_range (rand, 0, 100);

      if (action < 34)
        {
          /* A few rows, or from a few rows on all. */
          guint position = g_rand_int_range (rand, 0, n_source + 1);
          guint removed = g_rand_int_range (rand, 0, MIN (n_source - position, 8) + 1);
          guint added = g_rand_int_range (rand, 0, n_source > 60 ? 4 : 9);

          if (action >= 28)
            {
              position = MIN (position, 6);
              removed = n_source - position;
              added = g_rand_int_range (rand, 0, 40);
            }
          rig_splice (&rig, position, removed, added, NULL);
        }
      else if (action < 40 && n_source > 0)
        {
          /* A sort of a part: the same items in another order. */
          guint position = g_rand_int_range (rand, 0, n_source);
          guint n = g_rand_int_range (rand, 1, n_source - position + 1);
          g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = 0; i < n; i++)
            g_ptr_array_insert (items, g_rand_int_range (rand, 0, i + 1),
                                g_list_model_get_item (source, position + i));
          rig_splice (&rig, position, n, n, items);
        }
      else if (action < 48)
        rig_search (&rig, rand);
      else if (action < 66)
        rig_reveal (&rig);
      else if (action < 84 && n_items > 0)
        {
          /* One row, or the rows a view shows from somewhere. */
          guint first = g_rand_int_range (rand, 0, n_items);
          guint n = action < 78 ? 1 : MIN (n_items - first, 12);

          for (guint i = 0; i < n; i++)
            rig_hold (&rig, first + i);
        }
      else if (action < 96 && watches->len > 0)
        {
          guint n = g_rand_int_range (rand, 1, MIN (watches->len, 6) + 1);

          for (guint i = 0; i < n; i++)
            g_ptr_array_remove_index_fast (watches, g_rand_int_range (rand, 0, watches->len));
        }
      else if (action >= 96)
        {
          guint paced_rows = g_rand_int_range (rand, 0, 5) > 0 ? g_rand_int_range (rand, 1, 40)
                                                               : 0;

          rig_set_pacing (&rig, paced_rows, g_rand_int_range (rand, 1, 6));
        }
    }

  g_test_message ("slots told %u times, %u slots left (%u of them told as they left), "
                  "%u steps with blank rows, %u shrinks that kept rows blank, %u searches",
                  rig.n_told, rig.n_left, rig.n_left_told, rig.n_blank_steps, rig.n_blank_kept,
                  rig.n_searches);

  slot_test_recorder_clear (&rig.recorder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slot-model-placeholder/filter-refill", test_filter_refill);
  g_test_add_func ("/slot-model-placeholder/blank-rows-go", test_blank_rows_go);
  g_test_add_func ("/slot-model-placeholder/grow-while-blank", test_grow_while_blank);
  g_test_add_func ("/slot-model-placeholder/held-past-paced", test_held_past_paced);
  g_test_add_func ("/slot-model-placeholder/no-holders", test_no_holders);
  g_test_add_func ("/slot-model-placeholder/no-placeholder", test_no_placeholder);
  g_test_add_func ("/slot-model-placeholder/random", test_random);
  g_test_add_func ("/slot-model-placeholder/leavers-untold", test_leavers_untold);
  g_test_add_func ("/slot-model-placeholder/blank-rows-unpaced", test_blank_rows_unpaced);

  return g_test_run ();
}
