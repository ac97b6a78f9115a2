/* ringside-accounts-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ringside-account.h"
#include "ringside-accounts-view.h"
#include "ringside-column-fit.h"

/* The columns in their order in the .ui, which are also the fields of the CSV export. */
typedef enum
{
  FIELD_NAME,
  FIELD_ID,
  FIELD_MAIN_ACCOUNT,
  FIELD_STATUS,
  FIELD_START_DATE,
  FIELD_END_DATE,
} Field;

struct _RingsideAccountsView
{
  RingsideListView     parent_instance;

  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *id_column;
  GtkColumnViewColumn *main_account_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *start_date_column;
  GtkColumnViewColumn *end_date_column;

  RingsideItemList    *accounts;  /* the loaded list watched (owned) */
};

G_DEFINE_FINAL_TYPE (RingsideAccountsView, ringside_accounts_view, RINGSIDE_TYPE_LIST_VIEW)

RingsideAccountsView *
ringside_accounts_view_new (void)
{
  return g_object_new (RINGSIDE_TYPE_ACCOUNTS_VIEW, NULL);
}

/* Cells (made in C by GtkSignalListItemFactory handlers: see why in ringside-list-view.c) */

#define CELL_ACCOUNT(list_item) RINGSIDE_ACCOUNT (ringside_list_view_get_cell_item (list_item))

static const char *
status_text (gboolean archived)
{
  return archived ? _("Archived") : _("Active");
}

/* A label rather than the shared GtkInscription: the "Main" tag follows the name's own width,
 * where an inscription is as wide as its "nat-chars" whatever its text. */
static void
name_cell_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *tag = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "caption-heading");
  gtk_widget_add_css_class (tag, "accent");
  gtk_box_append (GTK_BOX (box), tag);

  gtk_list_item_set_child (list_item, box);
}

static void
name_cell_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  RingsideAccount *account = CELL_ACCOUNT (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)),
                       ringside_account_get_name (account));
  /* The tag's text changes rather than its visibility: see enabled_cell_bind() in
   * ringside-users-view.c for what GTK 4.8 does when a cell's widget is hidden or shown. */
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)),
                       /* Translators: a tag after the name of the main account in the
                        * accounts list */
                       ringside_account_get_is_main (account) ? C_("account", "Main") : "");
}

static void
id_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_account_get_id (CELL_ACCOUNT (list_item)));
}

static void
main_account_cell_bind (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item)
{
  RingsideAccount *account = CELL_ACCOUNT (list_item);

  ringside_list_view_set_cell_text (list_item, ringside_account_get_main_account_name (account));
}

/* A label, so that the column is as wide as the translated words. */
static void
status_cell_setup (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
status_cell_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gboolean archived = ringside_account_get_archived (CELL_ACCOUNT (list_item));

  gtk_label_set_label (GTK_LABEL (label), status_text (archived));
  gtk_widget_remove_css_class (label, archived ? "success" : "dim-label");
  gtk_widget_add_css_class (label, archived ? "dim-label" : "success");
}

static void
start_date_cell_bind (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item)
{
  ringside_list_view_set_cell_date (list_item,
                                    ringside_account_get_start_date (CELL_ACCOUNT (list_item)));
}

static void
end_date_cell_bind (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  ringside_list_view_set_cell_date (list_item,
                                    ringside_account_get_end_date (CELL_ACCOUNT (list_item)));
}

/* Sorters, for ringside_column_set_compare_func() */

/* As GtkStringSorter did: case-insensitive, in the user's collation. Accounts are a few
 * hundred at most, so keys are not kept. */
static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return gtk_ordering_from_cmpfunc (g_utf8_collate (folded_a, folded_b));
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return compare_text (ringside_account_get_name ((RingsideAccount *) a),
                       ringside_account_get_name ((RingsideAccount *) b));
}

static int
compare_main_account_names (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data)
{
  return compare_text (ringside_account_get_main_account_name ((RingsideAccount *) a),
                       ringside_account_get_main_account_name ((RingsideAccount *) b));
}

/* Active accounts first, as FALSE < TRUE. */
static int
compare_archived (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return (int) ringside_account_get_archived ((RingsideAccount *) a) -
         (int) ringside_account_get_archived ((RingsideAccount *) b);
}

static gboolean
is_number (const char *text)
{
  return text[0] != '\0' && strspn (text, "0123456789") == strlen (text);
}

/* Account IDs are numbers in strings: "9" comes before "10". */
static int
compare_account_ids (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const char *id_a = ringside_account_get_id ((RingsideAccount *) a);
  const char *id_b = ringside_account_get_id ((RingsideAccount *) b);

  if (is_number (id_a) && is_number (id_b))
    {
      size_t len_a, len_b;

      id_a += strspn (id_a, "0");
      id_b += strspn (id_b, "0");
      len_a = strlen (id_a);
      len_b = strlen (id_b);
      if (len_a != len_b)
        return len_a < len_b ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
    }

  return gtk_ordering_from_cmpfunc (strcmp (id_a, id_b));
}

static int
compare_start_dates (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  return ringside_compare_dates (ringside_account_get_start_date ((RingsideAccount *) a),
                        ringside_account_get_start_date ((RingsideAccount *) b));
}

static int
compare_end_dates (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return ringside_compare_dates (ringside_account_get_end_date ((RingsideAccount *) a),
                        ringside_account_get_end_date ((RingsideAccount *) b));
}

static char *
count_text (guint       total,
            guint       shown,
            const char *total_text,
            const char *shown_text)
{
  if (shown == total)
    {
      /* Translators: %s is a number, e.g. "1,234 accounts" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s account", "%s accounts", total),
                              total_text);
    }

  /* Translators: the accounts matching a search, e.g. "3 of 1,234 accounts" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s of %s account", "%s of %s accounts", total),
                          shown_text, total_text);
}

/* Runs in the export's worker thread: only reads the immutable account. */
static char *
account_field_text (gpointer item,
                    guint    field,
                    gpointer user_data)
{
  RingsideAccount *account = item;

  switch ((Field) field)
    {
    case FIELD_NAME:
      return g_strdup (ringside_account_get_name (account));

    case FIELD_ID:
      return g_strdup (ringside_account_get_id (account));

    case FIELD_MAIN_ACCOUNT:
      return g_strdup (ringside_account_get_main_account_name (account));

    case FIELD_STATUS:
      return g_strdup (status_text (ringside_account_get_archived (account)));

    case FIELD_START_DATE:
      return ringside_format_iso_date (ringside_account_get_start_date (account));

    case FIELD_END_DATE:
      return ringside_format_iso_date (ringside_account_get_end_date (account));

    default:
      g_assert_not_reached ();
    }
}

/* "Main Account" names the same account on every row for most tenants: it is hidden then. */
static void
update_main_account_column (RingsideAccountsView *self)
{
  GListModel *accounts = G_LIST_MODEL (self->accounts);
  guint n_accounts = g_list_model_get_n_items (accounts);
  const char *first = NULL;
  gboolean redundant = TRUE;

  for (guint i = 0; i < n_accounts && redundant; i++)
    {
      RingsideAccount *account = ringside_item_list_peek (RINGSIDE_ITEM_LIST (accounts), i);
      const char *name = ringside_account_get_main_account_name (account);

      if (i == 0)
        first = name;
      else
        redundant = g_strcmp0 (first, name) == 0;
    }
  /* Two accounts or more say the same: one account alone says nothing repeated. */
  ringside_column_set_redundant (self->main_account_column, redundant && n_accounts > 1);
}

/* Each load fills a list of its own. */
static void
on_items_replaced (RingsideAccountsView *self)
{
  RingsideRemoteList *list = ringside_list_view_get_list (RINGSIDE_LIST_VIEW (self));

  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_func (self->accounts, update_main_account_column, self);
  g_set_object (&self->accounts, ringside_remote_list_get_items (list));
  g_signal_connect_object (self->accounts, "items-changed",
                           G_CALLBACK (update_main_account_column), self, G_CONNECT_SWAPPED);
  update_main_account_column (self);
}

/* GObject */

static void
ringside_accounts_view_constructed (GObject *object)
{
  RingsideAccountsView *self = RINGSIDE_ACCOUNTS_VIEW (object);

  G_OBJECT_CLASS (ringside_accounts_view_parent_class)->constructed (object);

  g_signal_connect_object (ringside_list_view_get_list (RINGSIDE_LIST_VIEW (self)),
                           "notify::items", G_CALLBACK (on_items_replaced), self,
                           G_CONNECT_SWAPPED);
  on_items_replaced (self);

  /* At 360 pixels, the name and ID; the rest as room allows. */
  ringside_column_set_min_view_width (self->status_column, 460);
  ringside_column_set_min_view_width (self->start_date_column, 600);
  ringside_column_set_min_view_width (self->end_date_column, 720);
  ringside_column_set_min_view_width (self->main_account_column, 860);
}

static void
ringside_accounts_view_dispose (GObject *object)
{
  RingsideAccountsView *self = RINGSIDE_ACCOUNTS_VIEW (object);

  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_func (self->accounts, update_main_account_column, self);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (ringside_accounts_view_parent_class)->dispose (object);
}

static void
ringside_accounts_view_class_init (RingsideAccountsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RingsideListViewClass *list_view_class = RINGSIDE_LIST_VIEW_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = ringside_accounts_view_constructed;
  G_OBJECT_CLASS (klass)->dispose = ringside_accounts_view_dispose;
  list_view_class->kind = &ringside_accounts_list_kind;
  list_view_class->count_text = count_text;
  list_view_class->forbidden_message = N_("Your account lacks permission to list accounts.");
  list_view_class->export_title = N_("Export Accounts");
  list_view_class->export_name = "accounts";
  list_view_class->csv_field_text = account_field_text;

  ringside_list_view_class_set_template_from_resource (list_view_class, RESOURCE_PREFIX
                                                       "/ringside-accounts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideAccountsView, name_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideAccountsView, id_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideAccountsView, main_account_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideAccountsView, status_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideAccountsView, start_date_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideAccountsView, end_date_column);

  gtk_widget_class_bind_template_callback (widget_class, name_cell_setup);
  gtk_widget_class_bind_template_callback (widget_class, name_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, id_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, main_account_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, status_cell_setup);
  gtk_widget_class_bind_template_callback (widget_class, status_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, start_date_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, end_date_cell_bind);
}

static void
ringside_accounts_view_init (RingsideAccountsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ringside_column_set_compare_func (self->name_column, compare_names, NULL);
  ringside_column_set_compare_func (self->id_column, compare_account_ids, NULL);
  ringside_column_set_compare_func (self->main_account_column, compare_main_account_names,
                                    NULL);
  ringside_column_set_compare_func (self->status_column, compare_archived, NULL);
  ringside_column_set_compare_func (self->start_date_column, compare_start_dates, NULL);
  ringside_column_set_compare_func (self->end_date_column, compare_end_dates, NULL);
}
