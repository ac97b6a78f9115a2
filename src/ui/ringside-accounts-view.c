/* ringside-accounts-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ringside-account.h"
#include "ringside-accounts-view.h"

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

  GtkColumnViewColumn *id_column;
};

G_DEFINE_FINAL_TYPE (RingsideAccountsView, ringside_accounts_view, RINGSIDE_TYPE_LIST_VIEW)

RingsideAccountsView *
ringside_accounts_view_new (void)
{
  return g_object_new (RINGSIDE_TYPE_ACCOUNTS_VIEW, NULL);
}

/* Cells and sorters */

static char *
main_account_tag (gpointer this)
{
  /* Translators: a tag after the name of the main account in the accounts list */
  return g_strdup (C_("account", "Main"));
}

static char *
status_text (gpointer this,
             gboolean archived)
{
  return g_strdup (archived ? _("Archived") : _("Active"));
}

static char **
status_css_classes (gpointer this,
                    gboolean archived)
{
  const char *classes[] = { archived ? "dim-label" : "success", NULL };

  return g_strdupv ((char **) classes);
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

static gboolean
match_account (gpointer    item,
               const char *needle)
{
  return ringside_account_matches (item, needle);
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
      return status_text (NULL, ringside_account_get_archived (account));

    case FIELD_START_DATE:
      return ringside_format_iso_date (ringside_account_get_start_date (account));

    case FIELD_END_DATE:
      return ringside_format_iso_date (ringside_account_get_end_date (account));

    default:
      g_assert_not_reached ();
    }
}

/* The public API, kept for the window and the tests */

#define LIST_VIEW(self) RINGSIDE_LIST_VIEW (self)

RingsideSession *
ringside_accounts_view_get_session (RingsideAccountsView *self)
{
  return ringside_list_view_get_session (LIST_VIEW (self));
}

void
ringside_accounts_view_set_session (RingsideAccountsView *self,
                                    RingsideSession      *session)
{
  ringside_list_view_set_session (LIST_VIEW (self), session);
}

void
ringside_accounts_view_set_search_text (RingsideAccountsView *self,
                                        const char           *text)
{
  ringside_list_view_set_search_text (LIST_VIEW (self), text);
}

GListModel *
ringside_accounts_view_get_model (RingsideAccountsView *self)
{
  return ringside_list_view_get_model (LIST_VIEW (self));
}

void
ringside_accounts_view_reload (RingsideAccountsView *self)
{
  ringside_list_view_reload (LIST_VIEW (self));
}

void
ringside_accounts_view_export_async (RingsideAccountsView *self,
                                     GtkWindow            *parent,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  ringside_list_view_export_async (LIST_VIEW (self), parent, cancellable, callback, user_data);
}

gboolean
ringside_accounts_view_export_finish (RingsideAccountsView  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  return ringside_list_view_export_finish (LIST_VIEW (self), result, error);
}

void
ringside_accounts_view_write_csv_async (RingsideAccountsView *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  ringside_list_view_write_csv_async (LIST_VIEW (self), file, cancellable, callback, user_data);
}

gboolean
ringside_accounts_view_write_csv_finish (RingsideAccountsView  *self,
                                         GAsyncResult          *result,
                                         GError               **error)
{
  return ringside_list_view_write_csv_finish (LIST_VIEW (self), result, error);
}

/* GObject */

static void
ringside_accounts_view_class_init (RingsideAccountsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RingsideListViewClass *list_view_class = RINGSIDE_LIST_VIEW_CLASS (klass);

  list_view_class->item_type = RINGSIDE_TYPE_ACCOUNT;
  list_view_class->path = "/voice/api/v1/admin/accounts";
  list_view_class->match_func = match_account;
  list_view_class->count_text = count_text;
  list_view_class->forbidden_message = N_("Your account lacks permission to list accounts.");
  list_view_class->export_title = N_("Export Accounts");
  list_view_class->export_name = "accounts";
  list_view_class->csv_field_text = account_field_text;

  /* The .ui looks the item type up by name. */
  g_type_ensure (RINGSIDE_TYPE_ACCOUNT);

  ringside_list_view_class_set_template_from_resource (list_view_class, RESOURCE_PREFIX
                                                       "/ringside-accounts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideAccountsView, id_column);

  gtk_widget_class_bind_template_callback (widget_class, main_account_tag);
  gtk_widget_class_bind_template_callback (widget_class, status_text);
  gtk_widget_class_bind_template_callback (widget_class, status_css_classes);
}

static void
ringside_accounts_view_init (RingsideAccountsView *self)
{
  g_autoptr(GtkSorter) id_sorter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  id_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_account_ids, NULL, NULL));
  gtk_column_view_column_set_sorter (self->id_column, id_sorter);
}
