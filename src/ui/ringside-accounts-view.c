/* ringside-accounts-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ringside-account.h"
#include "ringside-accounts-view.h"
#include "ringside-remote-list.h"
#include "ringside-ui-utils.h"

#define ACCOUNTS_PATH "/voice/api/v1/admin/accounts"

/* The columns in their default order, which are also the fields of the CSV export. */
typedef enum
{
  FIELD_NAME,
  FIELD_ID,
  FIELD_MAIN_ACCOUNT,
  FIELD_STATUS,
  FIELD_START_DATE,
  FIELD_END_DATE,
  N_FIELDS
} Field;

struct _RingsideAccountsView
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkColumnView       *column_view;
  GtkSortListModel    *sort_model;
  GtkColumnViewColumn *columns[N_FIELDS];

  /* Owned */
  RingsideRemoteList  *list;
  char                *summary;
};

G_DEFINE_FINAL_TYPE (RingsideAccountsView, ringside_accounts_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SEARCH_TEXT,
  PROP_SUMMARY,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

RingsideAccountsView *
ringside_accounts_view_new (void)
{
  return g_object_new (RINGSIDE_TYPE_ACCOUNTS_VIEW, NULL);
}

void
ringside_accounts_view_reload (RingsideAccountsView *self)
{
  g_return_if_fail (RINGSIDE_IS_ACCOUNTS_VIEW (self));

  ringside_remote_list_reload (self->list);
}

RingsideSession *
ringside_accounts_view_get_session (RingsideAccountsView *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNTS_VIEW (self), NULL);

  return ringside_remote_list_get_session (self->list);
}

void
ringside_accounts_view_set_session (RingsideAccountsView *self,
                                    RingsideSession      *session)
{
  g_return_if_fail (RINGSIDE_IS_ACCOUNTS_VIEW (self));
  g_return_if_fail (session == NULL || RINGSIDE_IS_SESSION (session));

  ringside_remote_list_set_session (self->list, session);
}

const char *
ringside_accounts_view_get_search_text (RingsideAccountsView *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNTS_VIEW (self), NULL);

  return ringside_remote_list_get_search_text (self->list);
}

void
ringside_accounts_view_set_search_text (RingsideAccountsView *self,
                                        const char           *text)
{
  g_return_if_fail (RINGSIDE_IS_ACCOUNTS_VIEW (self));

  ringside_remote_list_set_search_text (self->list, text);
}

const char *
ringside_accounts_view_get_summary (RingsideAccountsView *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNTS_VIEW (self), NULL);

  return self->summary != NULL ? self->summary : "";
}

gboolean
ringside_accounts_view_get_loading (RingsideAccountsView *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNTS_VIEW (self), FALSE);

  return ringside_remote_list_get_loading (self->list);
}

GListModel *
ringside_accounts_view_get_model (RingsideAccountsView *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNTS_VIEW (self), NULL);

  return G_LIST_MODEL (self->sort_model);
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

static char *
format_date (gpointer   this,
             GDateTime *date)
{
  return ringside_format_date (date);
}

/* Accounts without the date sort last in ascending order. */
static gint64
date_sort_key (gpointer   this,
               GDateTime *date)
{
  return date != NULL ? g_date_time_to_unix (date) : G_MAXINT64;
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

    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* State */

static char *
build_summary (RingsideAccountsView *self)
{
  guint total = ringside_remote_list_get_n_total (self->list);
  guint shown = ringside_remote_list_get_n_shown (self->list);
  gboolean loading = ringside_remote_list_get_loading (self->list);
  g_autofree char *total_text = NULL;
  g_autofree char *counts = NULL;

  if (ringside_remote_list_get_session (self->list) == NULL ||
      ringside_remote_list_get_error (self->list) != NULL)
    return g_strdup ("");

  if (total == 0 && loading)
    return g_strdup (_("Loading…"));

  total_text = ringside_format_count (total);
  if (shown == total)
    {
      /* Translators: %s is a number, e.g. "1,234 accounts" */
      counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s account", "%s accounts", total),
                                total_text);
    }
  else
    {
      g_autofree char *shown_text = ringside_format_count (shown);

      /* Translators: the accounts matching a search, e.g. "3 of 1,234 accounts" */
      counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s of %s account", "%s of %s accounts", total),
                                shown_text, total_text);
    }

  if (!loading)
    return g_steal_pointer (&counts);

  /* Translators: a count while more rows arrive, e.g. "1,234 accounts, loading…" */
  return g_strdup_printf (_("%s, loading…"), counts);
}

static void
show_error (RingsideAccountsView *self,
            const GError         *error)
{
  const char *icon_name = NULL;
  g_autofree char *text =
    ringside_describe_load_error (error, _("Your account lacks permission to list accounts."),
                                  &icon_name);

  adw_status_page_set_description (self->error_page, text);
  adw_status_page_set_icon_name (self->error_page, icon_name);
}

static void
update_state (RingsideAccountsView *self)
{
  g_autofree char *summary = NULL;
  const char *page = "empty";

  switch (ringside_remote_list_get_state (self->list))
    {
    case RINGSIDE_REMOTE_LIST_STATE_LOADING:
      page = "loading";
      break;

    case RINGSIDE_REMOTE_LIST_STATE_ERROR:
      show_error (self, ringside_remote_list_get_error (self->list));
      page = "error";
      break;

    case RINGSIDE_REMOTE_LIST_STATE_NO_RESULTS:
      page = "no-results";
      break;

    case RINGSIDE_REMOTE_LIST_STATE_READY:
      page = "list";
      break;

    case RINGSIDE_REMOTE_LIST_STATE_EMPTY:
    default:
      break;
    }

  gtk_stack_set_visible_child_name (self->stack, page);

  summary = build_summary (self);
  if (g_strcmp0 (summary, self->summary) != 0)
    {
      g_free (self->summary);
      self->summary = g_steal_pointer (&summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
}

static void
on_list_notify (RingsideAccountsView *self,
                GParamSpec           *pspec,
                RingsideRemoteList   *list)
{
  if (g_strcmp0 (pspec->name, "loading") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  else if (g_strcmp0 (pspec->name, "session") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  else if (g_strcmp0 (pspec->name, "search-text") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);

  update_state (self);
}

static void
on_rows_changed (RingsideAccountsView *self)
{
  update_state (self);
}

static void
on_retry_clicked (RingsideAccountsView *self,
                  GtkButton            *button)
{
  ringside_accounts_view_reload (self);
}

/* Export */

static void
on_csv_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (ringside_csv_export_write_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ringside_accounts_view_write_csv_async (RingsideAccountsView *self,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  RingsideCsvExport *export;

  g_return_if_fail (RINGSIDE_IS_ACCOUNTS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_accounts_view_write_csv_async);

  export = ringside_csv_export_new (file, self->column_view, self->columns, N_FIELDS,
                                    G_LIST_MODEL (self->sort_model));
  ringside_csv_export_write_async (export, account_field_text, NULL, NULL, cancellable,
                                   on_csv_written, g_steal_pointer (&task));
}

gboolean
ringside_accounts_view_write_csv_finish (RingsideAccountsView  *self,
                                         GAsyncResult          *result,
                                         GError               **error)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNTS_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_accounts_view_write_csv_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_export_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (ringside_accounts_view_write_csv_finish (RINGSIDE_ACCOUNTS_VIEW (source), result, &error))
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
  RingsideAccountsView *self = g_task_get_source_object (task);
  g_autoptr(GFile) file = NULL;
  GError *error = NULL;

  file = ringside_choose_export_file_finish (result, &error);
  if (file == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  ringside_accounts_view_write_csv_async (self, file, cancellable,
                                          on_export_written, g_object_ref (task));
}

void
ringside_accounts_view_export_async (RingsideAccountsView *self,
                                     GtkWindow            *parent,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (RINGSIDE_IS_ACCOUNTS_VIEW (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_accounts_view_export_async);

  name = ringside_export_file_name ("accounts");
  ringside_choose_export_file_async (parent, _("Export Accounts"), name, cancellable,
                                     on_export_file_chosen, g_steal_pointer (&task));
}

gboolean
ringside_accounts_view_export_finish (RingsideAccountsView  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNTS_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_accounts_view_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GObject */

static void
ringside_accounts_view_dispose (GObject *object)
{
  RingsideAccountsView *self = RINGSIDE_ACCOUNTS_VIEW (object);

  /* Cancels a load in flight; its callbacks then leave the view alone. */
  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      g_signal_handlers_disconnect_by_data (ringside_remote_list_get_model (self->list), self);
      g_clear_object (&self->list);
    }

  /* AdwBin lets go of its child itself; the template would unparent it behind its back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RINGSIDE_TYPE_ACCOUNTS_VIEW);

  G_OBJECT_CLASS (ringside_accounts_view_parent_class)->dispose (object);
}

static void
ringside_accounts_view_finalize (GObject *object)
{
  RingsideAccountsView *self = RINGSIDE_ACCOUNTS_VIEW (object);

  g_free (self->summary);

  G_OBJECT_CLASS (ringside_accounts_view_parent_class)->finalize (object);
}

static void
ringside_accounts_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RingsideAccountsView *self = RINGSIDE_ACCOUNTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, ringside_accounts_view_get_session (self));
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, ringside_accounts_view_get_search_text (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, ringside_accounts_view_get_summary (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, ringside_accounts_view_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_accounts_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RingsideAccountsView *self = RINGSIDE_ACCOUNTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      ringside_accounts_view_set_session (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_TEXT:
      ringside_accounts_view_set_search_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_accounts_view_class_init (RingsideAccountsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ringside_accounts_view_dispose;
  object_class->finalize = ringside_accounts_view_finalize;
  object_class->get_property = ringside_accounts_view_get_property;
  object_class->set_property = ringside_accounts_view_set_property;

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

  /* The .ui looks the item type up by name. */
  g_type_ensure (RINGSIDE_TYPE_ACCOUNT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ringside-accounts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideAccountsView, stack);
  gtk_widget_class_bind_template_child (widget_class, RingsideAccountsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, RingsideAccountsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, RingsideAccountsView, sort_model);
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE,
    G_STRUCT_OFFSET (RingsideAccountsView, columns[FIELD_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "id_column", FALSE,
    G_STRUCT_OFFSET (RingsideAccountsView, columns[FIELD_ID]));
  gtk_widget_class_bind_template_child_full (widget_class, "main_account_column", FALSE,
    G_STRUCT_OFFSET (RingsideAccountsView, columns[FIELD_MAIN_ACCOUNT]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_column", FALSE,
    G_STRUCT_OFFSET (RingsideAccountsView, columns[FIELD_STATUS]));
  gtk_widget_class_bind_template_child_full (widget_class, "start_date_column", FALSE,
    G_STRUCT_OFFSET (RingsideAccountsView, columns[FIELD_START_DATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "end_date_column", FALSE,
    G_STRUCT_OFFSET (RingsideAccountsView, columns[FIELD_END_DATE]));

  gtk_widget_class_bind_template_callback (widget_class, main_account_tag);
  gtk_widget_class_bind_template_callback (widget_class, status_text);
  gtk_widget_class_bind_template_callback (widget_class, status_css_classes);
  gtk_widget_class_bind_template_callback (widget_class, format_date);
  gtk_widget_class_bind_template_callback (widget_class, date_sort_key);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
}

static void
ringside_accounts_view_init (RingsideAccountsView *self)
{
  g_autoptr(GtkSorter) id_sorter = NULL;

  /* Before the template, whose bindings read "loading". */
  self->list = ringside_remote_list_new (RINGSIDE_TYPE_ACCOUNT, ACCOUNTS_PATH, match_account);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->list, "notify", G_CALLBACK (on_list_notify), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (ringside_remote_list_get_model (self->list), "items-changed",
                           G_CALLBACK (on_rows_changed), self, G_CONNECT_SWAPPED);

  id_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_account_ids, NULL, NULL));
  gtk_column_view_column_set_sorter (self->columns[FIELD_ID], id_sorter);

  gtk_sort_list_model_set_model (self->sort_model, ringside_remote_list_get_model (self->list));
  gtk_sort_list_model_set_sorter (self->sort_model,
                                  gtk_column_view_get_sorter (self->column_view));
  gtk_column_view_sort_by_column (self->column_view, self->columns[FIELD_NAME],
                                  GTK_SORT_ASCENDING);

  update_state (self);
}
