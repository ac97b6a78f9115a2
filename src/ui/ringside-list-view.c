/* ringside-list-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-column-fit.h"
#include "ringside-list-view-private.h"


G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RingsideListView, ringside_list_view, ADW_TYPE_BIN)

RingsideListViewPrivate *
ringside_list_view_get_private (RingsideListView *self)
{
  return ringside_list_view_get_instance_private (self);
}

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SEARCH_TEXT,
  PROP_SUMMARY,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
ringside_list_view_reload (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);

  g_return_if_fail (RINGSIDE_IS_LIST_VIEW (self));

  ringside_remote_list_reload (priv->list);
}

void
ringside_list_view_item_changed (RingsideListView *self,
                                 gpointer          item)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);

  g_return_if_fail (RINGSIDE_IS_LIST_VIEW (self));

  ringside_item_list_item_changed (ringside_remote_list_get_items (priv->list), item);
}

RingsideSession *
ringside_list_view_get_session (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);

  g_return_val_if_fail (RINGSIDE_IS_LIST_VIEW (self), NULL);

  return ringside_remote_list_get_session (priv->list);
}

void
ringside_list_view_set_session (RingsideListView *self,
                                RingsideSession  *session)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);

  g_return_if_fail (RINGSIDE_IS_LIST_VIEW (self));
  g_return_if_fail (session == NULL || RINGSIDE_IS_SESSION (session));

  ringside_remote_list_set_session (priv->list, session);
}

const char *
ringside_list_view_get_search_text (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);

  g_return_val_if_fail (RINGSIDE_IS_LIST_VIEW (self), NULL);

  return ringside_remote_list_get_search_text (priv->list);
}

void
ringside_list_view_set_search_text (RingsideListView *self,
                                    const char       *text)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);

  g_return_if_fail (RINGSIDE_IS_LIST_VIEW (self));

  ringside_remote_list_set_search_text (priv->list, text);
}

const char *
ringside_list_view_get_summary (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);

  g_return_val_if_fail (RINGSIDE_IS_LIST_VIEW (self), NULL);

  return priv->summary != NULL ? priv->summary : "";
}

gboolean
ringside_list_view_get_loading (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);

  g_return_val_if_fail (RINGSIDE_IS_LIST_VIEW (self), FALSE);

  /* The template reads it before the list exists. */
  return priv->list != NULL && ringside_remote_list_get_loading (priv->list);
}

GListModel *
ringside_list_view_get_model (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);

  g_return_val_if_fail (RINGSIDE_IS_LIST_VIEW (self), NULL);

  return ringside_remote_list_get_model (priv->list);
}

/**
 * ringside_list_view_set_path_values:
 * @values: (array zero-terminated=1): names and values of the kind's path ("accountId",
 *   "1234", NULL), from the next reload on
 */
void
ringside_list_view_set_path_values (RingsideListView   *self,
                                    const char * const *values)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);

  g_return_if_fail (RINGSIDE_IS_LIST_VIEW (self));

  ringside_remote_list_set_path_values (priv->list, values);
}

/**
 * ringside_list_view_set_group:
 * @group: (nullable): show only the rows of this group; %NULL for all
 */
void
ringside_list_view_set_group (RingsideListView *self,
                              const char       *group)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);

  g_return_if_fail (RINGSIDE_IS_LIST_VIEW (self));

  ringside_remote_list_set_group (priv->list, group);
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/**
 * ringside_list_view_dup_groups:
 *
 * Returns: (transfer full): the names of the groups of every row (searched or not), each
 *   once, in collation order; empty when the kind has no groups
 */
GStrv
ringside_list_view_dup_groups (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);
  const RingsideListKind *kind;
  RingsideItemList *items;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (RINGSIDE_IS_LIST_VIEW (self), NULL);

  kind = ringside_remote_list_get_kind (priv->list);
  items = ringside_remote_list_get_items (priv->list);
  for (guint i = 0; kind->group_of != NULL && items != NULL; i++)
    {
      gpointer item = ringside_item_list_peek (items, i);
      const char *name;

      if (item == NULL)
        break;
      name = kind->group_of (item);
      if (name != NULL && name[0] != '\0' && g_hash_table_add (seen, (gpointer) name))
        g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_collated);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_steal (names, NULL);
}

RingsideRemoteList *
ringside_list_view_get_list (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);

  g_return_val_if_fail (RINGSIDE_IS_LIST_VIEW (self), NULL);

  return priv->list;
}

/* State */

static char *
format_counts (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);
  guint total = ringside_remote_list_get_n_total (priv->list);
  guint shown = ringside_remote_list_get_n_shown (priv->list);
  g_autofree char *total_text = ringside_format_count (total);
  g_autofree char *shown_text = ringside_format_count (shown);

  return RINGSIDE_LIST_VIEW_GET_CLASS (self)->count_text (total, shown, total_text, shown_text);
}

static char *
build_summary (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);
  gboolean loading = ringside_remote_list_get_loading (priv->list);
  g_autofree char *counts = NULL;
  guint parts_read, parts_total;

  if (ringside_remote_list_get_session (priv->list) == NULL ||
      ringside_remote_list_get_error (priv->list) != NULL)
    return g_strdup ("");

  if (ringside_remote_list_get_n_total (priv->list) == 0 && loading)
    return g_strdup (_("Loading…"));

  counts = format_counts (self);
  if (!loading)
    return g_steal_pointer (&counts);

  /* How far a list read in parts is: groups of a fanned-out list, pages of a paged one. */
  if (ringside_remote_list_get_progress (priv->list, &parts_read, &parts_total) &&
      parts_read > 0)
    {
      if (parts_total > 0)
        /* Translators: a count while groups are read, e.g. "1,234 agents, 3 of 40 groups
         * read…" */
        return g_strdup_printf (_("%s, %u of %u groups read…"), counts, parts_read,
                                parts_total);

      /* Translators: a count while pages are read, e.g. "1,234 queues, reading page 3…" */
      return g_strdup_printf (_("%s, reading page %u…"), counts, parts_read + 1);
    }

  /* Translators: a count while more rows arrive, e.g. "1,234 accounts, loading…" */
  return g_strdup_printf (_("%s, loading…"), counts);
}

static void
show_error (RingsideListView *self,
            const GError     *error)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);
  RingsideListViewClass *klass = RINGSIDE_LIST_VIEW_GET_CLASS (self);
  const char *icon_name = NULL;
  /* The kind's words, if it has its own ("…agent groups in this account"). */
  const char *forbidden = klass->kind->forbidden_message != NULL ? klass->kind->forbidden_message
                                                                 : klass->forbidden_message;
  g_autofree char *text = ringside_describe_load_error (error, _(forbidden), &icon_name);

  adw_status_page_set_description (priv->error_page, text);
  adw_status_page_set_icon_name (priv->error_page, icon_name);
}

static const char *
page_name (RingsideRemoteListState state)
{
  switch (state)
    {
    case RINGSIDE_REMOTE_LIST_STATE_LOADING:
      return "loading";

    case RINGSIDE_REMOTE_LIST_STATE_ERROR:
      return "error";

    case RINGSIDE_REMOTE_LIST_STATE_NO_RESULTS:
      return "no-results";

    case RINGSIDE_REMOTE_LIST_STATE_READY:
      return "list";

    case RINGSIDE_REMOTE_LIST_STATE_EMPTY:
    default:
      return "empty";
    }
}

static void
update_state (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);
  RingsideRemoteListState state = ringside_remote_list_get_state (priv->list);
  g_autofree char *summary = NULL;

  if (state == RINGSIDE_REMOTE_LIST_STATE_ERROR)
    show_error (self, ringside_remote_list_get_error (priv->list));
  gtk_stack_set_visible_child_name (priv->stack, page_name (state));

  /* Tells a screen reader that the table is still filling (AT-SPI's "busy" state); only on
   * changes, as each update is a D-Bus signal once a client has read the table. */
  if (priv->busy != ringside_remote_list_get_loading (priv->list))
    {
      priv->busy = !priv->busy;
      gtk_accessible_update_state (GTK_ACCESSIBLE (priv->column_view),
                                   GTK_ACCESSIBLE_STATE_BUSY, priv->busy,
                                   -1);
    }

  summary = build_summary (self);
  if (g_strcmp0 (summary, priv->summary) != 0)
    {
      g_free (priv->summary);
      priv->summary = g_steal_pointer (&summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
}

/* The groups the last load left out, said in the banner. */
static void
update_banner (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);
  RingsideListViewClass *klass = RINGSIDE_LIST_VIEW_GET_CLASS (self);
  const char * const *skipped = ringside_remote_list_get_skipped_groups (priv->list);
  g_autofree char *text = NULL;

  if (priv->partial_banner == NULL)
    return;

  if (skipped != NULL && skipped[0] != NULL && klass->skipped_text != NULL)
    text = klass->skipped_text (g_strv_length ((GStrv) skipped), skipped[0]);
  ringside_partial_banner_set_title (priv->partial_banner, text);
}

static void
on_list_notify (RingsideListView   *self,
                GParamSpec         *pspec,
                RingsideRemoteList *list)
{
  if (pspec == g_object_class_find_property (G_OBJECT_GET_CLASS (list), "skipped-groups"))
    update_banner (self);

  /* The list's properties of the same name are ours. */
  for (guint i = PROP_SESSION; i <= PROP_LOADING; i++)
    {
      if (i != PROP_SUMMARY && g_strcmp0 (pspec->name, properties[i]->name) == 0)
        g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
    }

  update_state (self);
}

/* Cells are built by GtkSignalListItemFactory handlers rather than from builder XML: a
 * sorted, searched list replaces its visible rows on most changes, and a GtkBuilder per cell
 * cost more than the rest of a search keystroke over 100,000 users. GtkInscription lays its
 * text out only when drawn, and its size does not depend on its text.
 *
 * An inscription's text is never NULL, from its creation on: GTK 4.8's AT-SPI Text interface
 * for GtkInscription (gtk/a11y/gtkatspitext.c) answers CharacterCount and GetText with
 * g_utf8_strlen (gtk_inscription_get_text (…), -1), which is a GLib critical for the NULL
 * text a new GtkInscription has, or one set to NULL (a user whose manager has not arrived). */

GtkWidget *
ringside_list_view_inscription_new (float xalign,
                                    guint nat_chars)
{
  return g_object_new (GTK_TYPE_INSCRIPTION,
                       "text", "",
                       "xalign", xalign,
                       "nat-chars", nat_chars,
                       "text-overflow", GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END,
                       NULL);
}

static void
text_cell_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, ringside_list_view_inscription_new (0, 20));
}

static void
number_cell_setup (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  GtkWidget *cell = ringside_list_view_inscription_new (1, 8);

  gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (list_item, cell);
}

static void
date_cell_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *cell = ringside_list_view_inscription_new (0, 12);

  gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (list_item, cell);
}

/**
 * ringside_list_view_set_cell_text:
 * @list_item: a cell made by one of the template's "*_cell_setup" handlers
 *
 * Shows @text (nullable: an empty cell) in the cell.
 */
void
ringside_list_view_set_cell_text (GtkListItem *list_item,
                                  const char  *text)
{
  /* Never NULL: see ringside_list_view_inscription_new(). */
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)),
                            text != NULL ? text : "");
}

/**
 * ringside_list_view_set_cell_date:
 *
 * Shows @date (nullable) in a cell made by "date_cell_setup".
 */
void
ringside_list_view_set_cell_date (GtkListItem *list_item,
                                  GDateTime   *date)
{
  g_autofree char *text = ringside_format_date (date);

  ringside_list_view_set_cell_text (list_item, text);
}

/* Enter or a double-click on a row. */
static void
on_row_activated (RingsideListView *self,
                  guint             position,
                  GtkColumnView    *column_view)
{
  g_autoptr(GObject) item = g_list_model_get_item (ringside_list_view_get_model (self), position);

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

/**
 * ringside_list_view_activate_first:
 *
 * Activates the first row shown (the first match of a search), as Enter in a search entry
 * does in GNOME apps.
 *
 * Returns: whether there was a row to activate
 */
gboolean
ringside_list_view_activate_first (RingsideListView *self)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (RINGSIDE_IS_LIST_VIEW (self), FALSE);

  item = g_list_model_get_item (ringside_list_view_get_model (self), 0);
  if (item == NULL)
    return FALSE;

  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
  return TRUE;
}

/* GTK 4.8 names a cell (a GtkColumnViewCell, GTK's own widget around ours) after its type,
 * "GtkColumnViewCell", and exports no relation between a cell and its column's header: label
 * each cell with its column's title, once, so that a screen reader says "Reports To" before
 * what the cell holds. The cell widget is only there once the factory's setup is done. */
static void
on_cell_bind (GtkListItemFactory  *factory,
              GtkListItem         *list_item,
              GtkColumnViewColumn *column)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *cell = child != NULL ? gtk_widget_get_parent (child) : NULL;

  if (cell == NULL || g_object_get_data (G_OBJECT (cell), "ringside-labelled") != NULL)
    return;

  g_object_set_data (G_OBJECT (cell), "ringside-labelled", GINT_TO_POINTER (TRUE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_column_view_column_get_title (column),
                                  -1);
}

/* Allocated by hand, not by AdwBin's layout manager, to learn the width: columns give way in
 * a narrow view (ringside-column-fit.h) before the first rows show, as pages are allocated.
 * The banner, when there is one, goes above the template's child, whatever page it shows. */
static void
ringside_list_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  RingsideListViewPrivate *priv =
    ringside_list_view_get_instance_private (RINGSIDE_LIST_VIEW (widget));
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  GtkWidget *banner = GTK_WIDGET (priv->partial_banner);
  int banner_minimum, banner_natural;

  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);

  if (banner == NULL || !gtk_widget_should_layout (banner))
    return;

  gtk_widget_measure (banner, orientation, for_size, &banner_minimum, &banner_natural,
                      NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum += banner_minimum;
      *natural += banner_natural;
      *minimum_baseline = *natural_baseline = -1;
    }
  else
    {
      *minimum = MAX (*minimum, banner_minimum);
      *natural = MAX (*natural, banner_natural);
    }
}

static void
ringside_list_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  RingsideListViewPrivate *priv =
    ringside_list_view_get_instance_private (RINGSIDE_LIST_VIEW (widget));
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  GtkWidget *banner = GTK_WIDGET (priv->partial_banner);
  int top = 0;

  if (banner != NULL && gtk_widget_should_layout (banner))
    {
      gtk_widget_measure (banner, GTK_ORIENTATION_VERTICAL, width, NULL, &top, NULL, NULL);
      top = MIN (top, height);
      gtk_widget_allocate (banner, width, top, -1, NULL);
      baseline = -1;
    }
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height - top, baseline,
                         gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, top)));
  if (priv->column_view != NULL)
    ringside_column_view_fit_to_width (priv->column_view, width);
}

/* Sorting from the keyboard: GTK 4.8's column headers cannot take the focus, so Ctrl+1…9
 * (see ringside_list_view_init) sorts by that column as a click on its header does
 * (again: the other way), and the table's accessible description says how it is sorted. */
static void
ringside_list_view_sort_by (RingsideListView *self,
                            guint             position,
                            GtkSortType       order)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);
  GtkColumnViewColumn *column = g_ptr_array_index (priv->columns, position);
  g_autofree char *description = NULL;

  priv->sort_column = position;
  priv->sort_order = order;
  priv->sorting_by_key = TRUE;
  gtk_column_view_sort_by_column (priv->column_view, column, order);
  priv->sorting_by_key = FALSE;

  description = g_strdup_printf (order == GTK_SORT_ASCENDING
                                 /* Translators: %s is a column title, e.g. "Sorted by Name" */
                                 ? _("Sorted by %s")
                                 /* Translators: %s is a column title */
                                 : _("Sorted by %s, descending"),
                                 gtk_column_view_column_get_title (column));
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* A sort replaces every row, and GTK 4.8's list keeps its focus at the same position (the
 * first row, which the window focused): after a click on a header, that row would wear a
 * focus ring nobody moved there. A pointer sort hides the rings until the next key press. */
static void
on_sorter_changed (RingsideListView *self)
{
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (priv->sorting_by_key || !GTK_IS_WINDOW (root) ||
      (gtk_widget_get_state_flags (GTK_WIDGET (priv->column_view)) &
       GTK_STATE_FLAG_FOCUS_WITHIN) == 0)
    return;

  gtk_window_set_focus_visible (GTK_WINDOW (root), FALSE);
}

static void
sort_by_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RingsideListView *self = RINGSIDE_LIST_VIEW (widget);
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);
  guint position = g_variant_get_uint32 (parameter);
  GtkSortType order = GTK_SORT_ASCENDING;

  if (priv->columns == NULL || position >= priv->columns->len)
    return;

  if (position == priv->sort_column && priv->sort_order == GTK_SORT_ASCENDING)
    order = GTK_SORT_DESCENDING;
  ringside_list_view_sort_by (self, position, order);
}

/* The text a cell shows: an inscription's, a label's, or its first label's (a name with a
 * tag after it). */
static const char *
cell_text (GtkWidget *child)
{
  if (GTK_IS_INSCRIPTION (child))
    return gtk_inscription_get_text (GTK_INSCRIPTION (child));
  if (GTK_IS_LABEL (child))
    return gtk_label_get_label (GTK_LABEL (child));
  if (child != NULL && GTK_IS_LABEL (gtk_widget_get_first_child (child)))
    return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (child)));
  return NULL;
}

/* Tab moves the focus from row to row in GTK 4.8, and a screen reader announces the row it
 * lands on, which GTK 4.8 names after its type ("GtkListItemWidget"): name each row after
 * what its first column shows (the user's or the account's name), on every bind. */
static void
on_first_cell_bind (GtkListItemFactory  *factory,
                    GtkListItem         *list_item,
                    GtkColumnViewColumn *column)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *cell = child != NULL ? gtk_widget_get_parent (child) : NULL;
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  const char *text = cell_text (child);

  if (row != NULL && text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                    -1);
}

static void
on_retry_clicked (RingsideListView *self,
                  GtkButton        *button)
{
  ringside_list_view_reload (self);
}

/* GObject */

static void
ringside_list_view_constructed (GObject *object)
{
  RingsideListView *self = RINGSIDE_LIST_VIEW (object);
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);
  RingsideListViewClass *klass = RINGSIDE_LIST_VIEW_GET_CLASS (self);
  GListModel *columns;

  G_OBJECT_CLASS (ringside_list_view_parent_class)->constructed (object);

  /* Here rather than in init, where the subclass's class fields are not visible yet. */
  priv->list = ringside_remote_list_new (klass->kind);
  g_signal_connect_object (priv->list, "notify", G_CALLBACK (on_list_notify), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (ringside_remote_list_get_model (priv->list), "items-changed",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);

  columns = gtk_column_view_get_columns (priv->column_view);
  priv->columns = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      GtkColumnViewColumn *column = g_list_model_get_item (columns, i);

      g_signal_connect_object (gtk_column_view_column_get_factory (column), "bind",
                               G_CALLBACK (on_cell_bind), column, G_CONNECT_AFTER);
      if (i == 0)
        g_signal_connect_object (gtk_column_view_column_get_factory (column), "bind",
                                 G_CALLBACK (on_first_cell_bind), column, G_CONNECT_AFTER);
      g_ptr_array_add (priv->columns, column);
    }

  /* GTK 4.8's column view shows its header as a row named after its type too: its only
   * child that is not the list of rows. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (priv->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LIST_VIEW (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column Headers"),
                                        -1);
    }

  ringside_remote_list_set_sorter (priv->list, gtk_column_view_get_sorter (priv->column_view));
  g_signal_connect_object (gtk_column_view_get_sorter (priv->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);
  ringside_list_view_set_up_rows (self);
  g_signal_connect_object (priv->column_view, "activate", G_CALLBACK (on_row_activated), self,
                           G_CONNECT_SWAPPED);

  ringside_list_view_sort_by (self, 0, GTK_SORT_ASCENDING);

  /* First among the children, so that a screen reader meets it before the list. */
  if (klass->skipped_text != NULL)
    {
      priv->partial_banner = ringside_partial_banner_new ();
      gtk_widget_insert_after (GTK_WIDGET (priv->partial_banner), GTK_WIDGET (self), NULL);
    }

  update_state (self);
  update_banner (self);
}

static void
ringside_list_view_dispose (GObject *object)
{
  RingsideListView *self = RINGSIDE_LIST_VIEW (object);
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);

  /* Cancels a load in flight; its callbacks then leave the view alone. */
  if (priv->list != NULL)
    {
      /* Otherwise the columns going away one by one would re-sort every row each time. */
      gtk_column_view_set_model (priv->column_view, NULL);
      ringside_list_view_tear_down_rows (self);
      g_signal_handlers_disconnect_by_data (priv->list, self);
      g_signal_handlers_disconnect_by_data (ringside_remote_list_get_model (priv->list), self);
      g_clear_object (&priv->list);
    }

  /* AdwBin lets go of its child itself; the template would unparent it behind its back.
   * The template is the subclass's, which has no templates of its own below it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (priv->partial_banner != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&priv->partial_banner)));
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));

  g_clear_pointer (&priv->columns, g_ptr_array_unref);

  G_OBJECT_CLASS (ringside_list_view_parent_class)->dispose (object);
}

static void
ringside_list_view_finalize (GObject *object)
{
  RingsideListView *self = RINGSIDE_LIST_VIEW (object);
  RingsideListViewPrivate *priv = ringside_list_view_get_instance_private (self);

  g_free (priv->summary);

  G_OBJECT_CLASS (ringside_list_view_parent_class)->finalize (object);
}

static void
ringside_list_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RingsideListView *self = RINGSIDE_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, ringside_list_view_get_session (self));
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, ringside_list_view_get_search_text (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, ringside_list_view_get_summary (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, ringside_list_view_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_list_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RingsideListView *self = RINGSIDE_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      ringside_list_view_set_session (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_TEXT:
      ringside_list_view_set_search_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_list_view_class_init (RingsideListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ringside_list_view_constructed;
  object_class->dispose = ringside_list_view_dispose;
  object_class->finalize = ringside_list_view_finalize;
  object_class->get_property = ringside_list_view_get_property;
  object_class->set_property = ringside_list_view_set_property;
  GTK_WIDGET_CLASS (klass)->measure = ringside_list_view_measure;
  GTK_WIDGET_CLASS (klass)->size_allocate = ringside_list_view_size_allocate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RINGSIDE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RingsideListView::item-activated:
   * @item: the row's item
   *
   * A row was activated: Enter or a double-click on it, or
   * ringside_list_view_activate_first().
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "list.sort-by", "u",
                                   sort_by_action);
}

static void
ringside_list_view_init (RingsideListView *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  /* Managed by the window: the shortcuts work wherever the focus is while the view shows
   * (a hidden view is not mapped, and its shortcuts do not run). */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < 9; i++)
    {
      GtkShortcut *shortcut =
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_1 + i, GDK_CONTROL_MASK),
                          gtk_named_action_new ("list.sort-by"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_uint32 (i));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

void
ringside_list_view_class_set_template_from_resource (RingsideListViewClass *klass,
                                                     const char            *resource_name)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_return_if_fail (RINGSIDE_IS_LIST_VIEW_CLASS (klass));

  gtk_widget_class_set_template_from_resource (widget_class, resource_name);
  gtk_widget_class_bind_template_child_private (widget_class, RingsideListView, stack);
  gtk_widget_class_bind_template_child_private (widget_class, RingsideListView, error_page);
  gtk_widget_class_bind_template_child_private (widget_class, RingsideListView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
  gtk_widget_class_bind_template_callback (widget_class, text_cell_setup);
  gtk_widget_class_bind_template_callback (widget_class, number_cell_setup);
  gtk_widget_class_bind_template_callback (widget_class, date_cell_setup);
}

