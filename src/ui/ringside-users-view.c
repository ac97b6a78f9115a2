/* ringside-users-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ringside-user.h"
#include "ringside-users-view.h"
#include "ringside-column-fit.h"

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

  /* The filters beside the search */
  RingsideUsersEnabled enabled_filter;
  char                *role_filter;   /* a role's code, or NULL for all */
};

G_DEFINE_FINAL_TYPE (RingsideUsersView, ringside_users_view, RINGSIDE_TYPE_LIST_VIEW)

RingsideUsersView *
ringside_users_view_new (void)
{
  return g_object_new (RINGSIDE_TYPE_USERS_VIEW, NULL);
}

/* Filters */

static gboolean
narrow_func (gpointer item,
             gpointer user_data)
{
  RingsideUsersView *self = user_data;
  RingsideUser *user = item;

  if (self->enabled_filter != RINGSIDE_USERS_ALL &&
      ringside_user_get_enabled (user) != (self->enabled_filter == RINGSIDE_USERS_ENABLED))
    return FALSE;

  return self->role_filter == NULL ||
         g_strv_contains (ringside_user_get_roles (user), self->role_filter);
}

static void
update_narrowing (RingsideUsersView *self)
{
  RingsideRemoteList *list = ringside_list_view_get_list (RINGSIDE_LIST_VIEW (self));
  gboolean narrow = self->enabled_filter != RINGSIDE_USERS_ALL || self->role_filter != NULL;

  ringside_remote_list_set_narrow_func (list, narrow ? narrow_func : NULL, self);
}

void
ringside_users_view_set_enabled_filter (RingsideUsersView    *self,
                                        RingsideUsersEnabled  enabled)
{
  g_return_if_fail (RINGSIDE_IS_USERS_VIEW (self));
  g_return_if_fail (enabled <= RINGSIDE_USERS_DISABLED);

  if (self->enabled_filter == enabled)
    return;

  self->enabled_filter = enabled;
  update_narrowing (self);
}

void
ringside_users_view_set_role_filter (RingsideUsersView *self,
                                     const char        *role)
{
  g_return_if_fail (RINGSIDE_IS_USERS_VIEW (self));

  if (g_strcmp0 (self->role_filter, role) == 0)
    return;

  g_free (self->role_filter);
  self->role_filter = g_strdup (role);
  update_narrowing (self);
}

typedef struct
{
  const char *code;
  const char *words;
} Role;

static int
compare_role_words (gconstpointer a,
                    gconstpointer b)
{
  const Role *role_a = a;
  const Role *role_b = b;

  return g_utf8_collate (role_a->words, role_b->words);
}

/**
 * ringside_users_view_dup_roles:
 * @words: (out) (transfer full): what each role reads as, the first description seen
 *
 * Returns: (transfer full): the codes of every role of the users loaded, each once, in the
 *   collation order of their words
 */
GStrv
ringside_users_view_dup_roles (RingsideUsersView  *self,
                               GStrv              *words)
{
  RingsideRemoteList *list;
  RingsideItemList *items;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) roles = g_array_new (FALSE, FALSE, sizeof (Role));
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

  g_return_val_if_fail (RINGSIDE_IS_USERS_VIEW (self), NULL);
  g_return_val_if_fail (words != NULL, NULL);

  list = ringside_list_view_get_list (RINGSIDE_LIST_VIEW (self));
  items = ringside_remote_list_get_items (list);
  for (guint i = 0; items != NULL; i++)
    {
      RingsideUser *user = ringside_item_list_peek (items, i);
      const char * const *user_codes;
      const char * const *user_words;

      if (user == NULL)
        break;
      user_codes = ringside_user_get_roles (user);
      user_words = ringside_user_get_role_words (user);
      for (guint j = 0; user_codes[j] != NULL; j++)
        if (g_hash_table_add (seen, (gpointer) user_codes[j]))
          g_array_append_val (roles, ((Role) { user_codes[j], user_words[j] }));
    }

  g_array_sort (roles, compare_role_words);
  for (guint i = 0; i < roles->len; i++)
    {
      g_strv_builder_add (codes, g_array_index (roles, Role, i).code);
      g_strv_builder_add (labels, g_array_index (roles, Role, i).words);
    }

  *words = g_strv_builder_end (labels);
  return g_strv_builder_end (codes);
}

/* Cells (made in C: see ringside-list-view.c) */

#define CELL_USER(list_item) RINGSIDE_USER (ringside_list_view_get_cell_item (list_item))

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

/* The list links a user to its parent as soon as both are in, and announces the users it
 * linked late with items-changed, which rebinds their rows. */
static void
reports_to_cell_bind (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_user_get_parent_name (CELL_USER (list_item)));
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
  GtkWidget *cell = ringside_list_view_inscription_new (0, 0);

  gtk_widget_set_has_tooltip (cell, TRUE);

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

/* The check mark shows for enabled users only; its accessible label says it for both. */
static gboolean
on_enabled_query_tooltip (GtkWidget  *image,
                          int         x,
                          int         y,
                          gboolean    keyboard_mode,
                          GtkTooltip *tooltip)
{
  if (gtk_image_get_storage_type (GTK_IMAGE (image)) == GTK_IMAGE_EMPTY)
    return FALSE;

  gtk_tooltip_set_text (tooltip, _("Enabled"));
  return TRUE;
}

static void
enabled_cell_setup (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  GtkWidget *check = gtk_image_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (check, TRUE);
  g_signal_connect (check, "query-tooltip", G_CALLBACK (on_enabled_query_tooltip), NULL);
  gtk_list_item_set_child (list_item, check);
}

/* The image stays visible and only its icon changes. GTK's AT-SPI code turns hiding or
 * showing a widget into a children-changed event on its parent that carries the object
 * paths of both (gtk_at_spi_context_state_change, GTK_ACCESSIBLE_STATE_CHANGE_HIDDEN), and a
 * context that is not exported (a row being built, or torn down as the list changes) has a
 * NULL path: g_variant_new_object_path() criticals, then a crash in g_variant_new(), which is
 * how issue 15's SIGSEGV ended. A cell changed on every bind must stay out of that path. */
static void
enabled_cell_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  GtkImage *check = GTK_IMAGE (gtk_list_item_get_child (list_item));
  gboolean enabled = ringside_user_get_enabled (CELL_USER (list_item));

  if (enabled)
    gtk_image_set_from_icon_name (check, "object-select-symbolic");
  else
    gtk_image_clear (check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  enabled ? _("Enabled") : _("Disabled"),
                                  -1);
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
parent_sort_key (RingsideUser *user)
{
  RingsideUser *parent = ringside_user_get_parent (user);

  return parent != NULL ? ringside_user_get_full_name_sort_key (parent) : NULL;
}

/* Users who report to no one first. */
static int
compare_reports_to (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const char *key_a = parent_sort_key ((RingsideUser *) a);
  const char *key_b = parent_sort_key ((RingsideUser *) b);

  if (key_a == NULL || key_b == NULL)
    return (key_a != NULL) - (key_b != NULL);

  return strcmp (key_a, key_b);
}

/* Runs in the export's worker thread: only reads what users hold for good (a parent, once
 * linked, stays). */
static char *
user_field_text (gpointer item,
                 guint    field,
                 gpointer user_data)
{
  RingsideUser *user = item;

  switch ((Field) field)
    {
    case FIELD_NAME:
      return g_strdup (ringside_user_get_full_name (user));

    case FIELD_USER_NAME:
      return g_strdup (ringside_user_get_user_name (user));

    case FIELD_ID:
      return g_strdup_printf ("%" G_GINT64_FORMAT, ringside_user_get_id (user));

    case FIELD_REPORTS_TO:
      return g_strdup (ringside_user_get_parent_name (user));

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

/* GObject */

static void
ringside_users_view_dispose (GObject *object)
{
  RingsideUsersView *self = RINGSIDE_USERS_VIEW (object);
  RingsideRemoteList *list = ringside_list_view_get_list (RINGSIDE_LIST_VIEW (self));

  if (list != NULL)
    ringside_remote_list_set_narrow_func (list, NULL, NULL);

  G_OBJECT_CLASS (ringside_users_view_parent_class)->dispose (object);
}

static void
ringside_users_view_finalize (GObject *object)
{
  RingsideUsersView *self = RINGSIDE_USERS_VIEW (object);

  g_free (self->role_filter);

  G_OBJECT_CLASS (ringside_users_view_parent_class)->finalize (object);
}

static void
ringside_users_view_class_init (RingsideUsersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RingsideListViewClass *list_view_class = RINGSIDE_LIST_VIEW_CLASS (klass);

  object_class->dispose = ringside_users_view_dispose;
  object_class->finalize = ringside_users_view_finalize;

  list_view_class->kind = &ringside_users_list_kind;
  list_view_class->count_text = count_text;
  list_view_class->forbidden_message = N_("Your account lacks permission to list users.");
  list_view_class->export_title = N_("Export Users");
  list_view_class->export_name = "users";
  list_view_class->csv_field_text = user_field_text;

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
  gtk_widget_class_bind_template_callback (widget_class, roles_cell_setup);
  gtk_widget_class_bind_template_callback (widget_class, roles_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, enabled_cell_setup);
  gtk_widget_class_bind_template_callback (widget_class, enabled_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, created_cell_bind);
}

static void
ringside_users_view_init (RingsideUsersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ringside_column_set_compare_func (self->name_column, compare_full_names, NULL);
  ringside_column_set_compare_func (self->user_name_column, compare_user_names, NULL);
  ringside_column_set_compare_func (self->id_column, compare_ids, NULL);
  ringside_column_set_compare_func (self->roles_column, compare_roles, NULL);
  ringside_column_set_compare_func (self->enabled_column, compare_enabled, NULL);
  ringside_column_set_compare_func (self->created_column, compare_creation_dates, NULL);

  ringside_column_set_compare_func (self->reports_to_column, compare_reports_to, NULL);

  /* At 360 pixels, the name and the user name (the e-mail address); the rest as room
   * allows, the roles first. */
  ringside_column_set_min_view_width (self->roles_column, 520);
  ringside_column_set_min_view_width (self->enabled_column, 600);
  ringside_column_set_min_view_width (self->id_column, 700);
  ringside_column_set_min_view_width (self->reports_to_column, 860);
  ringside_column_set_min_view_width (self->created_column, 980);
}
