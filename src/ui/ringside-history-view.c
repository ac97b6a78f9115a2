/* ringside-history-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-audit-log.h"
#include "ringside-change-log.h"
#include "ringside-column-fit.h"
#include "ringside-history-item.h"
#include "ringside-history-view.h"

/* How far back one "page" of the log reaches. */
#define DAYS_PER_PAGE 30

/* The columns in their order in the .ui, which are also the fields of the CSV export. */
typedef enum
{
  FIELD_WHEN,
  FIELD_WHO,
  FIELD_WHAT,
  FIELD_ACTION,
  FIELD_DETAILS,
} Field;

struct _RingsideHistoryView
{
  RingsideListView     parent_instance;

  /* Template widgets */
  GtkColumnViewColumn *when_column;
  GtkColumnViewColumn *who_column;
  GtkColumnViewColumn *what_column;
  GtkColumnViewColumn *action_column;
  GtkColumnViewColumn *details_column;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *since_label;
  AdwStatusPage       *empty_page;

  /* Owned */
  char                *account_id;
  GDateTime           *since;
  RingsideChangeLog   *change_log;     /* the session's, watched */
  /* The list of rows the session's changes were last merged into, and what was merged:
   * RingsideChangeRecord → its row, for the records shown as rows of their own. */
  gpointer             merged_items;   /* compared only, never dereferenced */
  GHashTable          *merged_records;
  /* Where the list was scrolled before "Show Older", restored once the rows are back. */
  double               scroll_to;
};

G_DEFINE_FINAL_TYPE (RingsideHistoryView, ringside_history_view, RINGSIDE_TYPE_LIST_VIEW)

RingsideHistoryView *
ringside_history_view_new (void)
{
  return g_object_new (RINGSIDE_TYPE_HISTORY_VIEW, NULL);
}

GDateTime *
ringside_history_view_get_since (RingsideHistoryView *self)
{
  g_return_val_if_fail (RINGSIDE_IS_HISTORY_VIEW (self), NULL);

  return self->since;
}

static void
set_since (RingsideHistoryView *self,
           GDateTime           *since)
{
  g_autofree char *seconds = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (since));
  g_autofree char *date = ringside_format_date (since);
  g_autofree char *since_text = NULL;
  g_autofree char *empty_text = NULL;
  const char *values[] = { "accountId", self->account_id, "since", seconds, NULL };

  g_clear_pointer (&self->since, g_date_time_unref);
  self->since = g_date_time_ref (since);
  ringside_list_view_set_path_values (RINGSIDE_LIST_VIEW (self), values);

  /* Translators: %s is a date: the History shows the changes made since then */
  since_text = g_strdup_printf (_("Since %s"), date);
  gtk_label_set_label (self->since_label, since_text);
  /* Translators: %s is a date */
  empty_text = g_strdup_printf (_("Nobody changed anything in this account since %s"), date);
  adw_status_page_set_description (self->empty_page, empty_text);
}

void
ringside_history_view_set_account (RingsideHistoryView *self,
                                   const char          *account_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) since = g_date_time_add_days (now, -DAYS_PER_PAGE);

  g_return_if_fail (RINGSIDE_IS_HISTORY_VIEW (self));
  g_return_if_fail (account_id != NULL);

  g_free (self->account_id);
  self->account_id = g_strdup (account_id);
  set_since (self, since);
}

void
ringside_history_view_show_older (RingsideHistoryView *self)
{
  g_autoptr(GDateTime) since = NULL;

  g_return_if_fail (RINGSIDE_IS_HISTORY_VIEW (self));

  if (self->account_id == NULL || self->since == NULL)
    return;

  since = g_date_time_add_days (self->since, -DAYS_PER_PAGE);
  set_since (self, since);
  /* The newer rows stay where they are; the older ones come below them. */
  self->scroll_to = gtk_adjustment_get_value (
                      gtk_scrolled_window_get_vadjustment (self->scrolled_window));
  ringside_list_view_reload (RINGSIDE_LIST_VIEW (self));
}

static void
on_show_older_clicked (RingsideHistoryView *self)
{
  ringside_history_view_show_older (self);
}

/* This session's changes
 *
 * Each load brings a new list of rows; once it is complete, the session's changes to this
 * account are merged in: a change the server's log already has marks that entry ("This
 * session"), any other becomes a row of its own. A change that completes later is merged at
 * once. Changes still pending wait for their outcome. */

/* The active state @entry sets, if it changes "isActive" (true/false, or 1/0 for
 * campaigns). */
static gboolean
entry_new_active (RingsideAuditEntry *entry,
                  gboolean           *active)
{
  const char * const *names = ringside_audit_entry_get_attribute_names (entry);
  const char * const *values = ringside_audit_entry_get_new_values (entry);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_equal (names[i], "isActive"))
      {
        *active = g_strcmp0 (values[i], "true") == 0 || g_strcmp0 (values[i], "1") == 0;
        return TRUE;
      }
  return FALSE;
}

/* The server's entry for @record: the earliest entry not yet claimed by another change that
 * is the same object's update, logged after the change was sent (give or take the clocks),
 * and that sets the same state. So a disable and its undo match two entries, in order. */
static RingsideHistoryItem *
find_entry (RingsideItemList     *items,
            RingsideChangeRecord *record)
{
  RingsideHistoryItem *best = NULL;

  for (guint i = 0;; i++)
    {
      RingsideHistoryItem *item = ringside_item_list_peek (items, i);
      RingsideAuditEntry *entry;
      gboolean active;

      if (item == NULL)
        break;
      entry = ringside_history_item_get_entry (item);
      if (entry == NULL || ringside_history_item_get_this_session (item) ||
          !ringside_change_record_is_in_audit_log (record, entry))
        continue;
      if (entry_new_active (entry, &active) &&
          active != ringside_change_record_get_new_active (record))
        continue;
      if (best == NULL ||
          g_date_time_compare (ringside_history_item_get_time (item),
                               ringside_history_item_get_time (best)) < 0)
        best = item;
    }
  return best;
}

static gboolean
restore_scroll (gpointer user_data)
{
  RingsideHistoryView *self = user_data;

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window),
                            self->scroll_to);
  self->scroll_to = 0;
  return G_SOURCE_REMOVE;
}

/* The list view keeps the row that was first in sight when rows come before it: back to the
 * first row, by the list's own action (GTK 4.8 has no gtk_column_view_scroll_to()). */
static gboolean
scroll_to_top (gpointer user_data)
{
  RingsideHistoryView *self = user_data;
  GtkWidget *column_view = gtk_scrolled_window_get_child (self->scrolled_window);

  for (GtkWidget *child = gtk_widget_get_first_child (column_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", 0);
  return G_SOURCE_REMOVE;
}

static void merge_changes (RingsideHistoryView *self);

static void
on_record_status (RingsideHistoryView *self)
{
  merge_changes (self);
}

static void
merge_changes (RingsideHistoryView *self)
{
  RingsideListView *view = RINGSIDE_LIST_VIEW (self);
  RingsideRemoteList *list = ringside_list_view_get_list (view);
  RingsideItemList *items;
  GListModel *journal;
  g_autoptr(GPtrArray) added = NULL;
  guint n;

  if (list == NULL || self->change_log == NULL || self->account_id == NULL ||
      ringside_remote_list_get_loading (list) || ringside_remote_list_get_error (list) != NULL)
    return;

  items = ringside_remote_list_get_items (list);
  if (items == NULL)
    return;
  if (self->merged_items != items)
    {
      self->merged_items = items;
      g_hash_table_remove_all (self->merged_records);
    }

  journal = G_LIST_MODEL (self->change_log);
  n = g_list_model_get_n_items (journal);
  added = g_ptr_array_new_with_free_func (g_object_unref);
  /* Oldest first, so that an earlier change claims the earlier entry. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(RingsideChangeRecord) record = g_list_model_get_item (journal, i - 1);
      RingsideHistoryItem *entry_item;

      if (g_strcmp0 (ringside_change_record_get_account_id (record), self->account_id) != 0 ||
          g_hash_table_contains (self->merged_records, record) ||
          ringside_change_record_get_status (record) == RINGSIDE_CHANGE_STATUS_PENDING)
        continue;

      entry_item = find_entry (items, record);
      if (entry_item != NULL)
        {
          ringside_history_item_set_this_session (entry_item, TRUE);
          g_hash_table_insert (self->merged_records, g_object_ref (record),
                               g_object_ref (entry_item));
          ringside_item_list_item_changed (items, entry_item);
        }
      else
        {
          RingsideHistoryItem *item = ringside_history_item_new_for_record (record);

          g_hash_table_insert (self->merged_records, g_object_ref (record),
                               g_object_ref (item));
          g_ptr_array_add (added, item);
        }
    }

  if (added->len > 0)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
      gboolean at_top = gtk_adjustment_get_value (adjustment) <= 0;

      ringside_item_list_append (items, added);
      /* A list at its top stays there: the change just made is the row to see, where the
       * list view would otherwise keep the row that was first in sight. */
      if (at_top && self->scroll_to <= 0)
        g_idle_add_full (G_PRIORITY_LOW, scroll_to_top, g_object_ref (self), g_object_unref);
    }
}

static void
on_journal_changed (RingsideHistoryView *self,
                    guint                position,
                    guint                removed,
                    guint                added,
                    GListModel          *journal)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(RingsideChangeRecord) record = g_list_model_get_item (journal, i);

      if (ringside_change_record_get_status (record) == RINGSIDE_CHANGE_STATUS_PENDING)
        g_signal_connect_object (record, "notify::status", G_CALLBACK (on_record_status), self,
                                 G_CONNECT_SWAPPED);
    }
  merge_changes (self);
}

static void
watch_session (RingsideHistoryView *self)
{
  RingsideSession *session = ringside_list_view_get_session (RINGSIDE_LIST_VIEW (self));
  RingsideChangeLog *change_log = session != NULL
                                  ? ringside_change_log_get_for_session (session) : NULL;

  if (change_log == self->change_log)
    return;

  if (self->change_log != NULL)
    g_signal_handlers_disconnect_by_func (self->change_log, on_journal_changed, self);
  g_set_object (&self->change_log, change_log);
  if (change_log != NULL)
    {
      GListModel *journal = G_LIST_MODEL (change_log);

      g_signal_connect_object (change_log, "items-changed", G_CALLBACK (on_journal_changed),
                               self, G_CONNECT_SWAPPED);
      on_journal_changed (self, 0, 0, g_list_model_get_n_items (journal), journal);
    }
}

static void
on_list_notify (RingsideHistoryView *self,
                GParamSpec          *pspec,
                RingsideRemoteList  *list)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "session"))
    watch_session (self);
  else if (g_str_equal (name, "loading") && !ringside_remote_list_get_loading (list))
    {
      merge_changes (self);
      if (self->scroll_to > 0)
        g_idle_add_full (G_PRIORITY_LOW, restore_scroll, g_object_ref (self), g_object_unref);
    }
}

/* Cells (made in C: see ringside-list-view.c) */

#define CELL_ITEM(list_item) RINGSIDE_HISTORY_ITEM (ringside_list_view_get_cell_item (list_item))

/* Cells keep a readable width: in a narrow window the table scrolls sideways rather than
 * cutting every column to a few letters. */
static GtkWidget *
cell_new (guint min_chars,
          guint nat_chars)
{
  GtkWidget *cell = ringside_list_view_inscription_new (0, nat_chars);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), min_chars);
  return cell;
}

/* Wide enough for "30 Nov 2026, 14:03". */
static void
when_cell_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *cell = cell_new (17, 18);

  gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (list_item, cell);
}

static void
history_cell_setup (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, cell_new (14, 24));
}

static void
action_cell_setup (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, cell_new (10, 12));
}

static void
when_cell_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_history_item_get_when_text (CELL_ITEM (list_item)));
}

/* A label rather than the shared GtkInscription: the tag follows the name's own width. */
static void
who_cell_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *tag = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 12);
  gtk_box_append (GTK_BOX (box), name);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "caption-heading");
  gtk_widget_add_css_class (tag, "accent");
  gtk_box_append (GTK_BOX (box), tag);

  gtk_list_item_set_child (list_item, box);
}

static void
who_cell_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  RingsideHistoryItem *item = CELL_ITEM (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)),
                       ringside_history_item_get_who (item));
  /* The text changes rather than the visibility: see enabled_cell_bind() in
   * ringside-users-view.c for what GTK 4.8 does when a cell's widget is hidden or shown. */
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)),
                       /* Translators: a tag in the History after who made a change, for
                        * the changes made with Ringside since it started */
                       ringside_history_item_get_this_session (item) ? _("This session") : "");
}

static void
what_cell_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_history_item_get_what (CELL_ITEM (list_item)));
}

static void
action_cell_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_history_item_get_action (CELL_ITEM (list_item)));
}

static void
details_cell_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_history_item_get_details (CELL_ITEM (list_item)));
}

/* Sorters */

static int
compare_times (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return ringside_compare_dates (ringside_history_item_get_time ((RingsideHistoryItem *) a),
                                 ringside_history_item_get_time ((RingsideHistoryItem *) b));
}

#define DEFINE_TEXT_COMPARE(name, getter)                                   \
  static int                                                                \
  name (gconstpointer a,                                                    \
        gconstpointer b,                                                    \
        gpointer      user_data)                                            \
  {                                                                         \
    return g_utf8_collate (getter ((RingsideHistoryItem *) a),              \
                           getter ((RingsideHistoryItem *) b));             \
  }

DEFINE_TEXT_COMPARE (compare_whos, ringside_history_item_get_who)
DEFINE_TEXT_COMPARE (compare_whats, ringside_history_item_get_what)
DEFINE_TEXT_COMPARE (compare_actions, ringside_history_item_get_action)
DEFINE_TEXT_COMPARE (compare_details, ringside_history_item_get_details)

/* Runs in the export's worker thread: the texts are made once; the tag is read atomically. */
static char *
history_field_text (gpointer item,
                    guint    field,
                    gpointer user_data)
{
  RingsideHistoryItem *history = item;

  switch ((Field) field)
    {
    case FIELD_WHEN:
      {
        GDateTime *time = ringside_history_item_get_time (history);

        return time != NULL ? g_date_time_format_iso8601 (time) : g_strdup ("");
      }

    case FIELD_WHO:
      if (ringside_history_item_get_this_session (history))
        /* Translators: who made a change, in the CSV export of the History, for a change
         * made with Ringside since it started: e.g. "Ana Silva (this session)" */
        return g_strdup_printf (_("%s (this session)"), ringside_history_item_get_who (history));
      return g_strdup (ringside_history_item_get_who (history));

    case FIELD_WHAT:
      return g_strdup (ringside_history_item_get_what (history));

    case FIELD_ACTION:
      return g_strdup (ringside_history_item_get_action (history));

    case FIELD_DETAILS:
      return g_strdup (ringside_history_item_get_details (history));

    default:
      g_assert_not_reached ();
    }
}

static char *
count_text (guint       total,
            guint       shown,
            const char *total_text,
            const char *shown_text)
{
  if (shown == total)
    {
      /* Translators: %s is a number, e.g. "1,234 changes" (in the History) */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s change", "%s changes", total),
                              total_text);
    }

  /* Translators: the changes matching a search, e.g. "3 of 1,234 changes" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s of %s change", "%s of %s changes", total),
                          shown_text, total_text);
}

/* GObject */

static void
ringside_history_view_constructed (GObject *object)
{
  RingsideHistoryView *self = RINGSIDE_HISTORY_VIEW (object);
  RingsideRemoteList *list;

  G_OBJECT_CLASS (ringside_history_view_parent_class)->constructed (object);

  list = ringside_list_view_get_list (RINGSIDE_LIST_VIEW (self));
  /* The audit log's search is a PUT with a body, not a GET. */
  ringside_remote_list_set_opener (list, &ringside_audit_log_list_opener);
  g_signal_connect_object (list, "notify", G_CALLBACK (on_list_notify), self,
                           G_CONNECT_SWAPPED);

  /* Newest first: the base class sorts by the first column, ascending; again turns it. */
  gtk_widget_activate_action (GTK_WIDGET (self), "list.sort-by", "u", FIELD_WHEN);
}

static void
ringside_history_view_dispose (GObject *object)
{
  RingsideHistoryView *self = RINGSIDE_HISTORY_VIEW (object);

  if (self->change_log != NULL)
    g_signal_handlers_disconnect_by_func (self->change_log, on_journal_changed, self);
  g_clear_object (&self->change_log);
  g_clear_pointer (&self->merged_records, g_hash_table_unref);
  self->merged_items = NULL;

  G_OBJECT_CLASS (ringside_history_view_parent_class)->dispose (object);
}

static void
ringside_history_view_finalize (GObject *object)
{
  RingsideHistoryView *self = RINGSIDE_HISTORY_VIEW (object);

  g_free (self->account_id);
  g_clear_pointer (&self->since, g_date_time_unref);

  G_OBJECT_CLASS (ringside_history_view_parent_class)->finalize (object);
}

static void
ringside_history_view_class_init (RingsideHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RingsideListViewClass *list_view_class = RINGSIDE_LIST_VIEW_CLASS (klass);

  object_class->constructed = ringside_history_view_constructed;
  object_class->dispose = ringside_history_view_dispose;
  object_class->finalize = ringside_history_view_finalize;

  list_view_class->kind = &ringside_history_list_kind;
  list_view_class->count_text = count_text;
  list_view_class->forbidden_message = ringside_history_list_kind.forbidden_message;
  list_view_class->export_title = N_("Export History");
  list_view_class->export_name = "history";
  list_view_class->csv_field_text = history_field_text;

  ringside_list_view_class_set_template_from_resource (list_view_class, RESOURCE_PREFIX
                                                       "/ringside-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideHistoryView, when_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideHistoryView, who_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideHistoryView, what_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideHistoryView, action_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideHistoryView, details_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideHistoryView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RingsideHistoryView, since_label);
  gtk_widget_class_bind_template_child (widget_class, RingsideHistoryView, empty_page);

  gtk_widget_class_bind_template_callback (widget_class, when_cell_setup);
  gtk_widget_class_bind_template_callback (widget_class, history_cell_setup);
  gtk_widget_class_bind_template_callback (widget_class, action_cell_setup);
  gtk_widget_class_bind_template_callback (widget_class, when_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, who_cell_setup);
  gtk_widget_class_bind_template_callback (widget_class, who_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, what_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, action_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, details_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_show_older_clicked);
}

static void
ringside_history_view_init (RingsideHistoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Narrow, the columns that matter least give way first (see ringside-column-fit.h). */
  ringside_column_set_min_view_width (self->action_column, 520);
  ringside_column_set_min_view_width (self->who_column, 700);
  ringside_column_set_min_view_width (self->details_column, 860);

  self->merged_records = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);

  ringside_column_set_compare_func (self->when_column, compare_times, NULL);
  ringside_column_set_compare_func (self->who_column, compare_whos, NULL);
  ringside_column_set_compare_func (self->what_column, compare_whats, NULL);
  ringside_column_set_compare_func (self->action_column, compare_actions, NULL);
  ringside_column_set_compare_func (self->details_column, compare_details, NULL);
}
