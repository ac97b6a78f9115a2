/* ringside-users-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-remote-list.h"
#include "ringside-ui-utils.h"
#include "ringside-user.h"
#include "ringside-users-view.h"

/* Flat: every user once, nested ones included, with "parentPath" to place them. */
#define USERS_PATH "/voice/api/v1/admin/users?flatten=true"

/* The columns in their default order, which are also the fields of the CSV export. */
typedef enum
{
  FIELD_NAME,
  FIELD_USER_NAME,
  FIELD_ID,
  FIELD_REPORTS_TO,
  FIELD_ROLES,
  FIELD_ENABLED,
  FIELD_CREATED,
  N_FIELDS
} Field;

struct _RingsideUsersView
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
  GtkSorter           *reports_to_sorter;
  /* The store shown, and its users by ID for "Reports To" (values borrowed from it) */
  GListStore          *indexed_store;
  GHashTable          *users_by_id;
  /* The Reports To cells bound now (GtkListItem *), to fill in once a parent arrives */
  GHashTable          *reports_to_cells;
};

G_DEFINE_FINAL_TYPE (RingsideUsersView, ringside_users_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SEARCH_TEXT,
  PROP_SUMMARY,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

RingsideUsersView *
ringside_users_view_new (void)
{
  return g_object_new (RINGSIDE_TYPE_USERS_VIEW, NULL);
}

void
ringside_users_view_reload (RingsideUsersView *self)
{
  g_return_if_fail (RINGSIDE_IS_USERS_VIEW (self));

  ringside_remote_list_reload (self->list);
}

RingsideSession *
ringside_users_view_get_session (RingsideUsersView *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USERS_VIEW (self), NULL);

  return ringside_remote_list_get_session (self->list);
}

void
ringside_users_view_set_session (RingsideUsersView *self,
                                 RingsideSession   *session)
{
  g_return_if_fail (RINGSIDE_IS_USERS_VIEW (self));
  g_return_if_fail (session == NULL || RINGSIDE_IS_SESSION (session));

  ringside_remote_list_set_session (self->list, session);
}

const char *
ringside_users_view_get_search_text (RingsideUsersView *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USERS_VIEW (self), NULL);

  return ringside_remote_list_get_search_text (self->list);
}

void
ringside_users_view_set_search_text (RingsideUsersView *self,
                                     const char        *text)
{
  g_return_if_fail (RINGSIDE_IS_USERS_VIEW (self));

  ringside_remote_list_set_search_text (self->list, text);
}

const char *
ringside_users_view_get_summary (RingsideUsersView *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USERS_VIEW (self), NULL);

  return self->summary != NULL ? self->summary : "";
}

gboolean
ringside_users_view_get_loading (RingsideUsersView *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USERS_VIEW (self), FALSE);

  return ringside_remote_list_get_loading (self->list);
}

GListModel *
ringside_users_view_get_model (RingsideUsersView *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USERS_VIEW (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

/* The user index: IDs are 64-bit, so keys are allocated rather than packed in pointers. */

static GHashTable *
user_index_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
user_index_add (GHashTable   *index,
                RingsideUser *user)
{
  gint64 *id = g_new (gint64, 1);

  *id = ringside_user_get_id (user);
  g_hash_table_replace (index, id, user);
}

static const char *
user_index_lookup_parent_name (GHashTable   *index,
                               RingsideUser *user)
{
  gint64 parent_id = ringside_user_get_parent_id (user);
  RingsideUser *parent;

  if (parent_id == 0)
    return NULL;

  parent = g_hash_table_lookup (index, &parent_id);
  return parent != NULL ? ringside_user_get_full_name (parent) : NULL;
}

static void
refresh_reports_to_cells (RingsideUsersView *self)
{
  GHashTableIter iter;
  GtkListItem *list_item;

  g_hash_table_iter_init (&iter, self->reports_to_cells);
  while (g_hash_table_iter_next (&iter, (gpointer *) &list_item, NULL))
    {
      RingsideUser *user = gtk_list_item_get_item (list_item);
      const char *name = user_index_lookup_parent_name (self->users_by_id, user);

      gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), name ? name : "");
    }
}

static void
on_store_items_changed (RingsideUsersView *self,
                        guint              position,
                        guint              removed,
                        guint              added,
                        GListModel        *store)
{
  if (removed > 0)
    {
      g_hash_table_remove_all (self->users_by_id);
      position = 0;
      added = g_list_model_get_n_items (store);
    }

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(RingsideUser) user = g_list_model_get_item (store, i);

      user_index_add (self->users_by_id, user);
    }

  /* Parents may come in a later batch than their reports. */
  if (added > 0)
    refresh_reports_to_cells (self);
}

static void
index_store (RingsideUsersView *self,
             GListStore        *store)
{
  if (self->indexed_store != NULL)
    g_signal_handlers_disconnect_by_func (self->indexed_store, on_store_items_changed, self);

  g_hash_table_remove_all (self->users_by_id);
  g_set_object (&self->indexed_store, store);

  if (store == NULL)
    return;

  g_signal_connect_object (store, "items-changed", G_CALLBACK (on_store_items_changed), self,
                           G_CONNECT_SWAPPED);
  on_store_items_changed (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                          G_LIST_MODEL (store));
}

/* Cells and sorters */

static void
reports_to_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  RingsideUsersView        *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
reports_to_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RingsideUsersView        *self)
{
  RingsideUser *user = gtk_list_item_get_item (list_item);
  const char *name = user_index_lookup_parent_name (self->users_by_id, user);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), name ? name : "");
  g_hash_table_add (self->reports_to_cells, list_item);
}

static void
reports_to_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   RingsideUsersView        *self)
{
  g_hash_table_remove (self->reports_to_cells, list_item);
}

/* The sort key of the Reports To column. */
static char *
reports_to_sort_key (RingsideUser      *user,
                     RingsideUsersView *self)
{
  if (self->users_by_id == NULL)
    return NULL;

  return g_strdup (user_index_lookup_parent_name (self->users_by_id, user));
}

static char *
enabled_text (gpointer this,
              gboolean enabled)
{
  return g_strdup (enabled ? _("Enabled") : _("Disabled"));
}

static char *
format_date (gpointer   this,
             GDateTime *date)
{
  return ringside_format_date (date);
}

/* Users without the date sort last in ascending order. */
static gint64
date_sort_key (gpointer   this,
               GDateTime *date)
{
  return date != NULL ? g_date_time_to_unix (date) : G_MAXINT64;
}

static gboolean
match_user (gpointer    item,
            const char *needle)
{
  return ringside_user_matches (item, needle);
}

/* What the export's worker thread reads: its own index of every user, made there. */
typedef struct
{
  GPtrArray  *users;
  GHashTable *users_by_id;
} ExportIndex;

static void
export_index_free (ExportIndex *index)
{
  g_clear_pointer (&index->users_by_id, g_hash_table_unref);
  g_clear_pointer (&index->users, g_ptr_array_unref);
  g_free (index);
}

static ExportIndex *
export_index_new (GListModel *store)
{
  ExportIndex *index = g_new0 (ExportIndex, 1);
  guint n_users = g_list_model_get_n_items (store);

  index->users = g_ptr_array_new_full (n_users, g_object_unref);
  for (guint i = 0; i < n_users; i++)
    g_ptr_array_add (index->users, g_list_model_get_item (store, i));

  return index;
}

/* Runs in the export's worker thread: only reads the immutable users. */
static char *
user_field_text (gpointer item,
                 guint    field,
                 gpointer user_data)
{
  RingsideUser *user = item;
  ExportIndex *index = user_data;

  switch ((Field) field)
    {
    case FIELD_NAME:
      return g_strdup (ringside_user_get_full_name (user));

    case FIELD_USER_NAME:
      return g_strdup (ringside_user_get_user_name (user));

    case FIELD_ID:
      return g_strdup_printf ("%" G_GINT64_FORMAT, ringside_user_get_id (user));

    case FIELD_REPORTS_TO:
      if (index->users_by_id == NULL)
        {
          index->users_by_id = user_index_new ();
          for (guint i = 0; i < index->users->len; i++)
            user_index_add (index->users_by_id, g_ptr_array_index (index->users, i));
        }
      return g_strdup (user_index_lookup_parent_name (index->users_by_id, user));

    case FIELD_ROLES:
      return g_strdup (ringside_user_get_roles_text (user));

    case FIELD_ENABLED:
      return g_strdup (ringside_user_get_enabled (user) ? _("Yes") : _("No"));

    case FIELD_CREATED:
      return ringside_format_iso_date (ringside_user_get_creation_date (user));

    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* State */

static char *
build_summary (RingsideUsersView *self)
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
      /* Translators: %s is a number, e.g. "1,234 users" */
      counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s user", "%s users", total),
                                total_text);
    }
  else
    {
      g_autofree char *shown_text = ringside_format_count (shown);

      /* Translators: the users matching a search, e.g. "3 of 1,234 users" */
      counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s of %s user", "%s of %s users", total),
                                shown_text, total_text);
    }

  if (!loading)
    return g_steal_pointer (&counts);

  /* Translators: a count while more rows arrive, e.g. "1,234 users, loading…" */
  return g_strdup_printf (_("%s, loading…"), counts);
}

static void
show_error (RingsideUsersView *self,
            const GError      *error)
{
  const char *icon_name = NULL;
  g_autofree char *text =
    ringside_describe_load_error (error, _("Your account lacks permission to list users."),
                                  &icon_name);

  adw_status_page_set_description (self->error_page, text);
  adw_status_page_set_icon_name (self->error_page, icon_name);
}

static void
update_state (RingsideUsersView *self)
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
on_list_notify (RingsideUsersView  *self,
                GParamSpec         *pspec,
                RingsideRemoteList *list)
{
  if (g_strcmp0 (pspec->name, "store") == 0)
    {
      index_store (self, ringside_remote_list_get_store (list));
    }
  else if (g_strcmp0 (pspec->name, "loading") == 0)
    {
      /* Rows sorted by Reports To before their parent arrived sort right now. */
      if (!ringside_remote_list_get_loading (list))
        gtk_sorter_changed (self->reports_to_sorter, GTK_SORTER_CHANGE_DIFFERENT);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
  else if (g_strcmp0 (pspec->name, "session") == 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
    }
  else if (g_strcmp0 (pspec->name, "search-text") == 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
    }

  update_state (self);
}

static void
on_rows_changed (RingsideUsersView *self)
{
  update_state (self);
}

static void
on_retry_clicked (RingsideUsersView *self,
                  GtkButton         *button)
{
  ringside_users_view_reload (self);
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
ringside_users_view_write_csv_async (RingsideUsersView   *self,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RingsideCsvExport *export;
  ExportIndex *index;

  g_return_if_fail (RINGSIDE_IS_USERS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_users_view_write_csv_async);

  export = ringside_csv_export_new (file, self->column_view, self->columns, N_FIELDS,
                                    G_LIST_MODEL (self->sort_model));
  /* Every user, not only the rows shown: a shown user may report to a hidden one. */
  index = export_index_new (G_LIST_MODEL (ringside_remote_list_get_store (self->list)));
  ringside_csv_export_write_async (export, user_field_text,
                                   index, (GDestroyNotify) export_index_free,
                                   cancellable, on_csv_written, g_steal_pointer (&task));
}

gboolean
ringside_users_view_write_csv_finish (RingsideUsersView  *self,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  g_return_val_if_fail (RINGSIDE_IS_USERS_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_users_view_write_csv_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_export_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (ringside_users_view_write_csv_finish (RINGSIDE_USERS_VIEW (source), result, &error))
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
  RingsideUsersView *self = g_task_get_source_object (task);
  g_autoptr(GFile) file = NULL;
  GError *error = NULL;

  file = ringside_choose_export_file_finish (result, &error);
  if (file == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  ringside_users_view_write_csv_async (self, file, cancellable,
                                       on_export_written, g_object_ref (task));
}

void
ringside_users_view_export_async (RingsideUsersView   *self,
                                  GtkWindow           *parent,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (RINGSIDE_IS_USERS_VIEW (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_users_view_export_async);

  name = ringside_export_file_name ("users");
  ringside_choose_export_file_async (parent, _("Export Users"), name, cancellable,
                                     on_export_file_chosen, g_steal_pointer (&task));
}

gboolean
ringside_users_view_export_finish (RingsideUsersView  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (RINGSIDE_IS_USERS_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_users_view_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GObject */

static void
ringside_users_view_dispose (GObject *object)
{
  RingsideUsersView *self = RINGSIDE_USERS_VIEW (object);

  /* Cancels a load in flight; its callbacks then leave the view alone. */
  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      g_signal_handlers_disconnect_by_data (ringside_remote_list_get_model (self->list), self);
      index_store (self, NULL);
      g_clear_object (&self->list);
    }

  /* AdwBin lets go of its child itself; the template would unparent it behind its back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RINGSIDE_TYPE_USERS_VIEW);

  g_clear_object (&self->reports_to_sorter);

  G_OBJECT_CLASS (ringside_users_view_parent_class)->dispose (object);
}

static void
ringside_users_view_finalize (GObject *object)
{
  RingsideUsersView *self = RINGSIDE_USERS_VIEW (object);

  g_clear_pointer (&self->users_by_id, g_hash_table_unref);
  g_clear_pointer (&self->reports_to_cells, g_hash_table_unref);
  g_free (self->summary);

  G_OBJECT_CLASS (ringside_users_view_parent_class)->finalize (object);
}

static void
ringside_users_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RingsideUsersView *self = RINGSIDE_USERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, ringside_users_view_get_session (self));
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, ringside_users_view_get_search_text (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, ringside_users_view_get_summary (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, ringside_users_view_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_users_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RingsideUsersView *self = RINGSIDE_USERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      ringside_users_view_set_session (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_TEXT:
      ringside_users_view_set_search_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_users_view_class_init (RingsideUsersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ringside_users_view_dispose;
  object_class->finalize = ringside_users_view_finalize;
  object_class->get_property = ringside_users_view_get_property;
  object_class->set_property = ringside_users_view_set_property;

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
  g_type_ensure (RINGSIDE_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ringside-users-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideUsersView, stack);
  gtk_widget_class_bind_template_child (widget_class, RingsideUsersView, error_page);
  gtk_widget_class_bind_template_child (widget_class, RingsideUsersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, RingsideUsersView, sort_model);
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE,
    G_STRUCT_OFFSET (RingsideUsersView, columns[FIELD_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "user_name_column", FALSE,
    G_STRUCT_OFFSET (RingsideUsersView, columns[FIELD_USER_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "id_column", FALSE,
    G_STRUCT_OFFSET (RingsideUsersView, columns[FIELD_ID]));
  gtk_widget_class_bind_template_child_full (widget_class, "reports_to_column", FALSE,
    G_STRUCT_OFFSET (RingsideUsersView, columns[FIELD_REPORTS_TO]));
  gtk_widget_class_bind_template_child_full (widget_class, "roles_column", FALSE,
    G_STRUCT_OFFSET (RingsideUsersView, columns[FIELD_ROLES]));
  gtk_widget_class_bind_template_child_full (widget_class, "enabled_column", FALSE,
    G_STRUCT_OFFSET (RingsideUsersView, columns[FIELD_ENABLED]));
  gtk_widget_class_bind_template_child_full (widget_class, "created_column", FALSE,
    G_STRUCT_OFFSET (RingsideUsersView, columns[FIELD_CREATED]));

  gtk_widget_class_bind_template_callback (widget_class, reports_to_setup);
  gtk_widget_class_bind_template_callback (widget_class, reports_to_bind);
  gtk_widget_class_bind_template_callback (widget_class, reports_to_unbind);
  gtk_widget_class_bind_template_callback (widget_class, enabled_text);
  gtk_widget_class_bind_template_callback (widget_class, format_date);
  gtk_widget_class_bind_template_callback (widget_class, date_sort_key);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
}

static void
ringside_users_view_init (RingsideUsersView *self)
{
  GtkExpression *reports_to;

  self->users_by_id = user_index_new ();
  self->reports_to_cells = g_hash_table_new (NULL, NULL);

  /* Before the template, whose bindings read "loading". */
  self->list = ringside_remote_list_new (RINGSIDE_TYPE_USER, USERS_PATH, match_user);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->list, "notify", G_CALLBACK (on_list_notify), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (ringside_remote_list_get_model (self->list), "items-changed",
                           G_CALLBACK (on_rows_changed), self, G_CONNECT_SWAPPED);
  index_store (self, ringside_remote_list_get_store (self->list));

  /* A string sorter computes each row's collation key once, where a custom sorter would
   * collate names on every comparison: that matters with 100,000 users. */
  reports_to = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (reports_to_sort_key), self, NULL);
  self->reports_to_sorter = GTK_SORTER (gtk_string_sorter_new (reports_to));
  gtk_column_view_column_set_sorter (self->columns[FIELD_REPORTS_TO], self->reports_to_sorter);

  gtk_sort_list_model_set_model (self->sort_model, ringside_remote_list_get_model (self->list));
  gtk_sort_list_model_set_sorter (self->sort_model,
                                  gtk_column_view_get_sorter (self->column_view));
  gtk_column_view_sort_by_column (self->column_view, self->columns[FIELD_NAME],
                                  GTK_SORT_ASCENDING);

  update_state (self);
}
