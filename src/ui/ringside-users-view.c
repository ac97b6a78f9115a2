/* ringside-users-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ringside-user.h"
#include "ringside-users-view.h"

/* The columns in their order in the .ui, which are also the fields of the CSV export. */
typedef enum
{
  FIELD_NAME,
  FIELD_USER_NAME,
  FIELD_ID,
  FIELD_REPORTS_TO,
  FIELD_ROLES,
  FIELD_ENABLED,
  FIELD_CREATED,
} Field;

struct _RingsideUsersView
{
  RingsideListView     parent_instance;

  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *user_name_column;
  GtkColumnViewColumn *id_column;
  GtkColumnViewColumn *reports_to_column;
  GtkColumnViewColumn *roles_column;
  GtkColumnViewColumn *enabled_column;
  GtkColumnViewColumn *created_column;

  /* Owned */
  /* The users shown, and the same by ID for "Reports To" (values borrowed from them) */
  RingsideItemList    *indexed_items;
  GHashTable          *users_by_id;
  /* The Reports To cells bound now (GtkListItem *), to fill in once a parent arrives */
  GHashTable          *reports_to_cells;
};

G_DEFINE_FINAL_TYPE (RingsideUsersView, ringside_users_view, RINGSIDE_TYPE_LIST_VIEW)

RingsideUsersView *
ringside_users_view_new (void)
{
  return g_object_new (RINGSIDE_TYPE_USERS_VIEW, NULL);
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

      ringside_list_view_set_cell_text (list_item,
                                        user_index_lookup_parent_name (self->users_by_id, user));
    }
}

static void
on_items_changed (RingsideUsersView *self,
                  guint              position,
                  guint              removed,
                  guint              added,
                  RingsideItemList  *items)
{
  if (removed > 0)
    {
      g_hash_table_remove_all (self->users_by_id);
      position = 0;
      added = g_list_model_get_n_items (G_LIST_MODEL (items));
    }

  for (guint i = position; i < position + added; i++)
    user_index_add (self->users_by_id, ringside_item_list_peek (items, i));

  /* Parents may come in a later batch than their reports. */
  if (added > 0)
    refresh_reports_to_cells (self);
}

static void
index_items (RingsideUsersView *self,
             RingsideItemList  *items)
{
  if (self->indexed_items != NULL)
    g_signal_handlers_disconnect_by_func (self->indexed_items, on_items_changed, self);

  g_hash_table_remove_all (self->users_by_id);
  g_set_object (&self->indexed_items, items);

  if (items == NULL)
    return;

  g_signal_connect_object (items, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);
  on_items_changed (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (items)), items);
}

/* Cells (made in C: see ringside-list-view.c) */

#define CELL_USER(list_item) RINGSIDE_USER (gtk_list_item_get_item (list_item))

/* No avatar beside the name: GTK 4.8 builds new row widgets whenever a search or a sort
 * brings other rows into view, and an AdwAvatar (a Pango context of its own for the
 * initials, and more widgets) cost a third of the time a keystroke held up the main loop. */
static void
name_cell_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_user_get_full_name (CELL_USER (list_item)));
}

static void
user_name_cell_bind (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_user_get_user_name (CELL_USER (list_item)));
}

static void
id_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT,
              ringside_user_get_id (CELL_USER (list_item)));
  ringside_list_view_set_cell_text (list_item, text);
}

static void
reports_to_cell_bind (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      RingsideUsersView        *self)
{
  RingsideUser *user = CELL_USER (list_item);

  ringside_list_view_set_cell_text (list_item,
                                    user_index_lookup_parent_name (self->users_by_id, user));
  g_hash_table_add (self->reports_to_cells, list_item);
}

static void
reports_to_cell_unbind (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        RingsideUsersView        *self)
{
  g_hash_table_remove (self->reports_to_cells, list_item);
}

/* Tooltips are answered when asked for: bound per row, they cost X round trips on every bind
 * and made searching 100k users several times slower. */
static gboolean
on_roles_query_tooltip (GtkInscription *cell,
                        int             x,
                        int             y,
                        gboolean        keyboard_mode,
                        GtkTooltip     *tooltip)
{
  const char *roles = gtk_inscription_get_text (cell);

  if (roles == NULL || *roles == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, roles);
  return TRUE;
}

static void
roles_cell_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  GtkWidget *cell = g_object_new (GTK_TYPE_INSCRIPTION,
                                  "text-overflow", GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END,
                                  "has-tooltip", TRUE,
                                  NULL);

  g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_roles_query_tooltip), NULL);
  gtk_list_item_set_child (list_item, cell);
}

static void
roles_cell_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_user_get_roles_text (CELL_USER (list_item)));
}

/* The check mark is only visible for enabled users. */
static gboolean
on_enabled_query_tooltip (GtkWidget  *image,
                          int         x,
                          int         y,
                          gboolean    keyboard_mode,
                          GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, _("Enabled"));
  return TRUE;
}

static void
enabled_cell_setup (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (check, TRUE);
  g_signal_connect (check, "query-tooltip", G_CALLBACK (on_enabled_query_tooltip), NULL);
  gtk_list_item_set_child (list_item, check);
}

static void
enabled_cell_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  gtk_widget_set_visible (gtk_list_item_get_child (list_item),
                          ringside_user_get_enabled (CELL_USER (list_item)));
}

static void
created_cell_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  ringside_list_view_set_cell_date (list_item,
                                    ringside_user_get_creation_date (CELL_USER (list_item)));
}

/* Sorters, for ringside_column_set_compare_func() */

static int
compare_full_names (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return strcmp (ringside_user_get_full_name_sort_key ((RingsideUser *) a),
                 ringside_user_get_full_name_sort_key ((RingsideUser *) b));
}

static int
compare_user_names (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return strcmp (ringside_user_get_user_name_sort_key ((RingsideUser *) a),
                 ringside_user_get_user_name_sort_key ((RingsideUser *) b));
}

static int
compare_ids (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  gint64 id_a = ringside_user_get_id ((RingsideUser *) a);
  gint64 id_b = ringside_user_get_id ((RingsideUser *) b);

  return (id_a > id_b) - (id_a < id_b);
}

static int
compare_roles (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (ringside_user_get_roles_sort_key ((RingsideUser *) a),
                 ringside_user_get_roles_sort_key ((RingsideUser *) b));
}

/* Disabled users first, as FALSE < TRUE. */
static int
compare_enabled (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return (int) ringside_user_get_enabled ((RingsideUser *) a) -
         (int) ringside_user_get_enabled ((RingsideUser *) b);
}

/* Users without a creation date last. */
static int
compare_creation_dates (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  return ringside_compare_dates (ringside_user_get_creation_date ((RingsideUser *) a),
                                 ringside_user_get_creation_date ((RingsideUser *) b));
}

/* The parent's name key; NULL without a parent, or before it has arrived. */
static const char *
parent_sort_key (RingsideUsersView *self,
                 RingsideUser      *user)
{
  gint64 parent_id = ringside_user_get_parent_id (user);
  RingsideUser *parent = NULL;

  if (parent_id != 0)
    parent = g_hash_table_lookup (self->users_by_id, &parent_id);

  return parent != NULL ? ringside_user_get_full_name_sort_key (parent) : NULL;
}

/* Users who report to no one first. */
static int
compare_reports_to (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  RingsideUsersView *self = user_data;
  const char *key_a = parent_sort_key (self, (RingsideUser *) a);
  const char *key_b = parent_sort_key (self, (RingsideUser *) b);

  if (key_a == NULL || key_b == NULL)
    return (key_a != NULL) - (key_b != NULL);

  return strcmp (key_a, key_b);
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
export_index_new (RingsideItemList *items)
{
  ExportIndex *index = g_new0 (ExportIndex, 1);
  guint n_users = g_list_model_get_n_items (G_LIST_MODEL (items));

  index->users = g_ptr_array_new_full (n_users, g_object_unref);
  for (guint i = 0; i < n_users; i++)
    g_ptr_array_add (index->users, g_object_ref (ringside_item_list_peek (items, i)));

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
      /* Translators: %s is a number, e.g. "1,234 users" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s user", "%s users", total),
                              total_text);
    }

  /* Translators: the users matching a search, e.g. "3 of 1,234 users" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s of %s user", "%s of %s users", total),
                          shown_text, total_text);
}

/* Every user, not only the rows shown: a shown user may report to a hidden one. */
static gpointer
csv_data_new (RingsideListView *view,
              GDestroyNotify   *destroy)
{
  RingsideRemoteList *list = ringside_list_view_get_list (view);

  *destroy = (GDestroyNotify) export_index_free;
  return export_index_new (ringside_remote_list_get_items (list));
}

static void
on_list_notify (RingsideUsersView  *self,
                GParamSpec         *pspec,
                RingsideRemoteList *list)
{
  if (g_strcmp0 (pspec->name, "items") == 0)
    {
      index_items (self, ringside_remote_list_get_items (list));
    }
  else if (g_strcmp0 (pspec->name, "loading") == 0)
    {
      /* Rows sorted by Reports To before their parent arrived sort right now. */
      if (!ringside_remote_list_get_loading (list))
        gtk_sorter_changed (gtk_column_view_column_get_sorter (self->reports_to_column),
                            GTK_SORTER_CHANGE_DIFFERENT);
    }
}

/* GObject */

static void
ringside_users_view_constructed (GObject *object)
{
  RingsideUsersView *self = RINGSIDE_USERS_VIEW (object);
  RingsideRemoteList *list;

  G_OBJECT_CLASS (ringside_users_view_parent_class)->constructed (object);

  list = ringside_list_view_get_list (RINGSIDE_LIST_VIEW (self));
  g_signal_connect_object (list, "notify", G_CALLBACK (on_list_notify), self,
                           G_CONNECT_SWAPPED);
  index_items (self, ringside_remote_list_get_items (list));
}

static void
ringside_users_view_dispose (GObject *object)
{
  RingsideUsersView *self = RINGSIDE_USERS_VIEW (object);
  RingsideRemoteList *list = ringside_list_view_get_list (RINGSIDE_LIST_VIEW (self));

  if (list != NULL)
    g_signal_handlers_disconnect_by_data (list, self);
  index_items (self, NULL);

  G_OBJECT_CLASS (ringside_users_view_parent_class)->dispose (object);
}

static void
ringside_users_view_finalize (GObject *object)
{
  RingsideUsersView *self = RINGSIDE_USERS_VIEW (object);

  g_clear_pointer (&self->users_by_id, g_hash_table_unref);
  g_clear_pointer (&self->reports_to_cells, g_hash_table_unref);

  G_OBJECT_CLASS (ringside_users_view_parent_class)->finalize (object);
}

static void
ringside_users_view_class_init (RingsideUsersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RingsideListViewClass *list_view_class = RINGSIDE_LIST_VIEW_CLASS (klass);

  object_class->constructed = ringside_users_view_constructed;
  object_class->dispose = ringside_users_view_dispose;
  object_class->finalize = ringside_users_view_finalize;

  list_view_class->item_type = RINGSIDE_TYPE_USER;
  /* Flat: every user once, nested ones included, with "parentPath" to place them. */
  list_view_class->path = "/voice/api/v1/admin/users?flatten=true";
  list_view_class->match_func = match_user;
  list_view_class->count_text = count_text;
  list_view_class->forbidden_message = N_("Your account lacks permission to list users.");
  list_view_class->export_title = N_("Export Users");
  list_view_class->export_name = "users";
  list_view_class->csv_field_text = user_field_text;
  list_view_class->csv_data_new = csv_data_new;

  /* The .ui looks the item type up by name. */
  g_type_ensure (RINGSIDE_TYPE_USER);

  ringside_list_view_class_set_template_from_resource (list_view_class, RESOURCE_PREFIX
                                                       "/ringside-users-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideUsersView, name_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideUsersView, user_name_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideUsersView, id_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideUsersView, reports_to_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideUsersView, roles_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideUsersView, enabled_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideUsersView, created_column);

  gtk_widget_class_bind_template_callback (widget_class, name_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, user_name_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, id_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, reports_to_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, reports_to_cell_unbind);
  gtk_widget_class_bind_template_callback (widget_class, roles_cell_setup);
  gtk_widget_class_bind_template_callback (widget_class, roles_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, enabled_cell_setup);
  gtk_widget_class_bind_template_callback (widget_class, enabled_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, created_cell_bind);
}

static void
ringside_users_view_init (RingsideUsersView *self)
{
  self->users_by_id = user_index_new ();
  self->reports_to_cells = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  ringside_column_set_compare_func (self->name_column, compare_full_names, NULL);
  ringside_column_set_compare_func (self->user_name_column, compare_user_names, NULL);
  ringside_column_set_compare_func (self->id_column, compare_ids, NULL);
  ringside_column_set_compare_func (self->roles_column, compare_roles, NULL);
  ringside_column_set_compare_func (self->enabled_column, compare_enabled, NULL);
  ringside_column_set_compare_func (self->created_column, compare_creation_dates, NULL);

  ringside_column_set_compare_func (self->reports_to_column, compare_reports_to, self);
}
