/* ringside-list-view-rows.c: the rows between the list and the column view.
 *
 * GTK 4.8's column view builds every row widget anew when a change brings a new item into
 * the couple of hundred rows it keeps: a search keystroke or a sort over a long list held
 * the main loop 50–250 ms doing so. The rows here are slots (RingsideSlotModel): a change
 * tells the slots it reaches to show other items and their cells are bound again, which
 * costs a few milliseconds; only a change of length adds or removes row widgets. The first
 * rows of a list that grows from (nearly) empty come a step per frame, so that no frame
 * builds more than a step of them; when the list shrinks, as GTK's filter model does for a
 * moment on every keystroke, the rows shown stay, blank, and go a step per frame unless the
 * list grows back first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-list-view-private.h"
#include "ringside-slot-model.h"

/* A little more than the ~205 rows GTK 4.8's list views keep around the top of the list. */
#define PACED_ROWS 256
/* Rows built per frame: each costs this VM about 0.6 ms (bench/README.md). */
#define ROWS_PER_FRAME 8

static GQuark column_quark;
/* Set while a slot's cells are bound again: their slot is watched already. */
static gboolean rebinding;

/**
 * ringside_list_view_get_cell_item:
 * @list_item: a cell of a RingsideListView
 *
 * Returns: (transfer none) (nullable): the item the cell's row shows
 */
gpointer
ringside_list_view_get_cell_item (GtkListItem *list_item)
{
  RingsideSlot *slot = gtk_list_item_get_item (list_item);

  return slot != NULL ? ringside_slot_get_item (slot) : NULL;
}

/* The selection is a position; the user selected the item there. */
static GtkSingleSelection *
get_selection (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_private (self);

  return GTK_SINGLE_SELECTION (gtk_column_view_get_model (priv->column_view));
}

static void
on_selection_changed (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_private (self);
  g_autoptr(RingsideSlot) slot = gtk_single_selection_get_selected_item (get_selection (self));

  g_set_object (&priv->selected_item, slot != NULL ? ringside_slot_get_item (slot) : NULL);
}

/* A selected row that shows another item now is not selected any more: the item the user
 * selected went, or moved. From an idle: GTK 4.8 crashes when the selection changes from
 * inside the filter model's own notification. */
static gboolean
drop_moved_selection (gpointer user_data)
{
  RingsideListView *self = user_data;
  RingsideListViewPrivate *priv = ringside_list_view_get_private (self);
  g_autoptr(RingsideSlot) slot = gtk_single_selection_get_selected_item (get_selection (self));

  priv->selection_check = 0;
  if (slot != NULL && ringside_slot_get_item (slot) != priv->selected_item)
    gtk_single_selection_set_selected (get_selection (self), GTK_INVALID_LIST_POSITION);

  return G_SOURCE_REMOVE;
}

/* The slot now shows another item, or its item changed: the cell shows it again, through
 * the same handlers as when GTK binds it. */
static void
on_slot_item_changed (RingsideSlot *slot,
                      GParamSpec   *pspec,
                      GtkListItem  *list_item)
{
  GtkColumnViewColumn *column = g_object_get_qdata (G_OBJECT (list_item), column_quark);
  RingsideListView *self;
  RingsideListViewPrivate *priv;

  if (column == NULL || ringside_slot_get_item (slot) == NULL)
    return;

  /* Only a selected row needs its view: the walk up stays off the rebinding path. */
  if (gtk_list_item_get_selected (list_item))
    {
      self = RINGSIDE_LIST_VIEW (gtk_widget_get_ancestor (
        GTK_WIDGET (gtk_column_view_column_get_column_view (column)), RINGSIDE_TYPE_LIST_VIEW));
      priv = ringside_list_view_get_private (self);
      if (priv->selection_check == 0)
        priv->selection_check = g_idle_add (drop_moved_selection, self);
    }

  rebinding = TRUE;
  g_signal_emit_by_name (gtk_column_view_column_get_factory (column), "bind", list_item);
  rebinding = FALSE;
}

static void
watch_slot (GtkListItemFactory  *factory,
            GtkListItem         *list_item,
            GtkColumnViewColumn *column)
{
  RingsideSlot *slot = gtk_list_item_get_item (list_item);

  if (rebinding || slot == NULL)
    return;
  /* GTK may bind a cell again to the same slot: watch each slot once. */
  if (g_signal_handler_find (slot, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             on_slot_item_changed, list_item) != 0)
    return;

  g_object_set_qdata (G_OBJECT (list_item), column_quark, column);
  g_signal_connect_object (slot, "notify::item", G_CALLBACK (on_slot_item_changed),
                           list_item, 0);
}

static void
unwatch_slot (GtkListItemFactory *factory,
              GtkListItem        *list_item)
{
  RingsideSlot *slot = gtk_list_item_get_item (list_item);

  if (slot != NULL)
    g_signal_handlers_disconnect_by_func (slot, on_slot_item_changed, list_item);
}

/* Counts the cells GTK builds, to see when it stops building rows. */
static void
on_cell_setup (RingsideListView *self)
{
  ringside_list_view_get_private (self)->cells_built++;
}

static gboolean
is_growing (RingsideSlotModel *rows)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (rows));

  return n_rows > 0 && n_rows < g_list_model_get_n_items (ringside_slot_model_get_source (rows));
}

/* Adds a step of the rows held back. GTK builds a row for each of the first items, up to a
 * number of its own (about 205 in GTK 4.8, fewer in later versions); once a step builds
 * none, the rows held back cost nothing, and all of them come at once. Blank rows still go a
 * step a frame: taking rows away costs too. Returns whether rows are still to come or go. */
static gboolean
reveal_step (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_private (self);
  guint cells_before = priv->cells_built;
  gboolean more = ringside_slot_model_reveal (priv->rows);

  while (more && priv->cells_built == cells_before && is_growing (priv->rows))
    more = ringside_slot_model_reveal (priv->rows);
  return more;
}

static gboolean
reveal_rows (GtkWidget     *column_view,
             GdkFrameClock *frame_clock,
             gpointer       user_data)
{
  RingsideListView *self = user_data;
  RingsideListViewPrivate *priv = ringside_list_view_get_private (self);

  GListModel *rows = G_LIST_MODEL (priv->rows);
  GListModel *list = ringside_slot_model_get_source (priv->rows);

  /* Blank rows stay while a search still fills the list: it may need them again. */
  if (g_list_model_get_n_items (rows) > g_list_model_get_n_items (list) &&
      ringside_remote_list_get_searching (priv->list))
    return G_SOURCE_CONTINUE;

  if (priv->reveal_wait)
    {
      priv->reveal_wait = FALSE;
      return G_SOURCE_CONTINUE;
    }

  if (reveal_step (self))
    return G_SOURCE_CONTINUE;

  priv->reveal_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Rows held back are added once a frame from the next frame on (the one after, for the first
 * rows of an empty table); a view not shown builds none until it is. */
static void
on_pending_changed (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_private (self);

  if (priv->reveal_tick != 0 || ringside_slot_model_get_pending (priv->rows) == 0)
    return;

  /* The first rows of a table that had none: the frame that shows the table (its page, a
   * repaint of the whole view) builds none, so that no frame does both (bench/README.md). */
  priv->reveal_wait = g_list_model_get_n_items (G_LIST_MODEL (priv->rows)) == 0;
  priv->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (priv->column_view),
                                                    reveal_rows, self, NULL);
}

/* Called once, from constructed: puts the slots between the list's model and the column
 * view, and has every column's cells follow their slots. */
void
ringside_list_view_set_up_rows (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_private (self);
  RingsideListViewClass *klass = RINGSIDE_LIST_VIEW_GET_CLASS (self);
  g_autoptr(GtkSingleSelection) selection = NULL;
  g_autoptr(GObject) placeholder = NULL;

  if (column_quark == 0)
    column_quark = g_quark_from_static_string ("ringside-list-view-column");

  priv->rows = ringside_slot_model_new (ringside_remote_list_get_model (priv->list));
  ringside_slot_model_set_pacing (priv->rows, PACED_ROWS, ROWS_PER_FRAME);
  /* An item with nothing in it: the cells' bind handlers show it as an empty row. */
  placeholder = g_object_new (klass->kind->get_item_type (), NULL);
  ringside_slot_model_set_placeholder (priv->rows, placeholder);
  g_signal_connect_object (priv->rows, "notify::pending", G_CALLBACK (on_pending_changed),
                           self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < priv->columns->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (priv->columns, i);
      GtkListItemFactory *factory = gtk_column_view_column_get_factory (column);

      g_signal_connect_object (factory, "bind", G_CALLBACK (watch_slot), column,
                               G_CONNECT_AFTER);
      g_signal_connect_object (factory, "setup", G_CALLBACK (on_cell_setup), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect (factory, "unbind", G_CALLBACK (unwatch_slot), NULL);
    }

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (priv->rows)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  g_signal_connect_object (selection, "selection-changed", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (selection));
}

/* From dispose. */
void
ringside_list_view_tear_down_rows (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_private (self);

  if (priv->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (priv->column_view), priv->reveal_tick);
  priv->reveal_tick = 0;
  g_clear_handle_id (&priv->selection_check, g_source_remove);
  g_clear_object (&priv->selected_item);
  if (priv->rows != NULL)
    g_signal_handlers_disconnect_by_data (priv->rows, self);
  g_clear_object (&priv->rows);
}
