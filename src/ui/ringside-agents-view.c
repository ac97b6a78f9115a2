/* ringside-agents-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ringside-agent.h"
#include "ringside-column-fit.h"
#include "ringside-agents-view.h"

/* The columns in their order in the .ui, which are also the fields of the CSV export. */
typedef enum
{
  FIELD_NAME,
  FIELD_USER_NAME,
  FIELD_TYPE,
  FIELD_GROUP,
  FIELD_ACTIVE,
  FIELD_EXTERNAL_ID,
  FIELD_CREATED,
} Field;

struct _RingsideAgentsView
{
  RingsideListView     parent_instance;

  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *user_name_column;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *group_column;
  GtkColumnViewColumn *active_column;
  GtkColumnViewColumn *external_id_column;
  GtkColumnViewColumn *created_column;
};

G_DEFINE_FINAL_TYPE (RingsideAgentsView, ringside_agents_view, RINGSIDE_TYPE_LIST_VIEW)

RingsideAgentsView *
ringside_agents_view_new (void)
{
  return g_object_new (RINGSIDE_TYPE_AGENTS_VIEW, NULL);
}

/* The user name, or the e-mail address of an agent without one. */
static const char *
user_name_text (RingsideAgent *agent)
{
  const char *username = ringside_agent_get_username (agent);

  return username[0] != '\0' ? username : ringside_agent_get_email (agent);
}

static const char *
active_text (RingsideAgent *agent)
{
  return ringside_agent_get_is_active (agent) ? _("Yes") : _("No");
}

/* Cells (made in C: see ringside-list-view.c) */

#define CELL_AGENT(list_item) RINGSIDE_AGENT (ringside_list_view_get_cell_item (list_item))

static void
name_cell_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_agent_get_display_name (CELL_AGENT (list_item)));
}

static void
user_name_cell_bind (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item, user_name_text (CELL_AGENT (list_item)));
}

static void
type_cell_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_agent_get_agent_type (CELL_AGENT (list_item)));
}

static void
group_cell_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_agent_get_group_name (CELL_AGENT (list_item)));
}

static void
active_cell_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item, active_text (CELL_AGENT (list_item)));
}

static void
external_id_cell_bind (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_agent_get_external_id (CELL_AGENT (list_item)));
}

static void
created_cell_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  ringside_list_view_set_cell_date (list_item,
                                    ringside_agent_get_created (CELL_AGENT (list_item)));
}

/* Sorters */

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (ringside_agent_get_display_name_sort_key ((RingsideAgent *) a),
                 ringside_agent_get_display_name_sort_key ((RingsideAgent *) b));
}

static int
compare_user_names (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return g_utf8_collate (user_name_text ((RingsideAgent *) a),
                         user_name_text ((RingsideAgent *) b));
}

static int
compare_types (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_utf8_collate (ringside_agent_get_agent_type ((RingsideAgent *) a),
                         ringside_agent_get_agent_type ((RingsideAgent *) b));
}

static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return strcmp (ringside_agent_get_group_name_sort_key ((RingsideAgent *) a),
                 ringside_agent_get_group_name_sort_key ((RingsideAgent *) b));
}

/* Inactive agents first, as FALSE < TRUE. */
static int
compare_active (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return (int) ringside_agent_get_is_active ((RingsideAgent *) a) -
         (int) ringside_agent_get_is_active ((RingsideAgent *) b);
}

static int
compare_external_ids (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  return g_utf8_collate (ringside_agent_get_external_id ((RingsideAgent *) a),
                         ringside_agent_get_external_id ((RingsideAgent *) b));
}

static int
compare_created (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return ringside_compare_dates (ringside_agent_get_created ((RingsideAgent *) a),
                                 ringside_agent_get_created ((RingsideAgent *) b));
}

/* Runs in the export's worker thread: agents are not changed once they are in the list. No
 * secret is in an agent to be exported. */
static char *
agent_field_text (gpointer item,
                  guint    field,
                  gpointer user_data)
{
  RingsideAgent *agent = item;

  switch ((Field) field)
    {
    case FIELD_NAME:
      return g_strdup (ringside_agent_get_display_name (agent));

    case FIELD_USER_NAME:
      return g_strdup (user_name_text (agent));

    case FIELD_TYPE:
      return g_strdup (ringside_agent_get_agent_type (agent));

    case FIELD_GROUP:
      return g_strdup (ringside_agent_get_group_name (agent));

    case FIELD_ACTIVE:
      return g_strdup (active_text (agent));

    case FIELD_EXTERNAL_ID:
      return g_strdup (ringside_agent_get_external_id (agent));

    case FIELD_CREATED:
      return ringside_format_iso_date (ringside_agent_get_created (agent));

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
      /* Translators: %s is a number, e.g. "1,234 agents" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s agent", "%s agents", total),
                              total_text);
    }

  /* Translators: the agents matching a search, e.g. "3 of 1,234 agents" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s of %s agent", "%s of %s agents", total),
                          shown_text, total_text);
}

/* A 403 on some groups' agents, while the others loaded. */
static char *
skipped_text (guint       n_skipped,
              const char *first_name)
{
  if (n_skipped == 1)
    {
      /* Translators: %s is the name of an agent group */
      return g_strdup_printf (_("Agent group “%s” is left out: you don’t have permission to view "
                                "its agents."), first_name);
    }

  /* Translators: %u is a number of agent groups, at least 2 */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u agent group is left out: you don’t have permission "
                                       "to view its agents.",
                                       "%u agent groups are left out: you don’t have permission "
                                       "to view their agents.",
                                       n_skipped),
                          n_skipped);
}

/* GObject */

static void
ringside_agents_view_class_init (RingsideAgentsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RingsideListViewClass *list_view_class = RINGSIDE_LIST_VIEW_CLASS (klass);

  list_view_class->kind = &ringside_agents_list_kind;
  list_view_class->count_text = count_text;
  list_view_class->skipped_text = skipped_text;
  list_view_class->forbidden_message = ringside_agents_list_kind.forbidden_message;
  list_view_class->export_title = N_("Export Agents");
  list_view_class->export_name = "agents";
  list_view_class->csv_field_text = agent_field_text;

  ringside_list_view_class_set_template_from_resource (list_view_class, RESOURCE_PREFIX
                                                       "/ringside-agents-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideAgentsView, name_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideAgentsView, user_name_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideAgentsView, type_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideAgentsView, group_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideAgentsView, active_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideAgentsView, external_id_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideAgentsView, created_column);

  gtk_widget_class_bind_template_callback (widget_class, name_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, user_name_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, type_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, group_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, active_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, external_id_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, created_cell_bind);
}

static void
ringside_agents_view_init (RingsideAgentsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Narrow, the columns that matter least give way first (see ringside-column-fit.h). */
  ringside_column_set_min_view_width (self->group_column, 520);
  ringside_column_set_min_view_width (self->type_column, 600);
  ringside_column_set_min_view_width (self->active_column, 700);
  ringside_column_set_min_view_width (self->external_id_column, 860);
  ringside_column_set_min_view_width (self->created_column, 980);

  ringside_column_set_compare_func (self->name_column, compare_names, NULL);
  ringside_column_set_compare_func (self->user_name_column, compare_user_names, NULL);
  ringside_column_set_compare_func (self->type_column, compare_types, NULL);
  ringside_column_set_compare_func (self->group_column, compare_groups, NULL);
  ringside_column_set_compare_func (self->active_column, compare_active, NULL);
  ringside_column_set_compare_func (self->external_id_column, compare_external_ids, NULL);
  ringside_column_set_compare_func (self->created_column, compare_created, NULL);
}
