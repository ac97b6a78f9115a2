/* ringside-queues-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ringside-column-fit.h"
#include "ringside-queue.h"
#include "ringside-queues-view.h"

/* The columns in their order in the .ui, which are also the fields of the CSV export. */
typedef enum
{
  FIELD_NAME,
  FIELD_GROUP,
  FIELD_DESCRIPTION,
  FIELD_ACTIVE,
  FIELD_OPEN,
  FIELD_PRIORITY,
} Field;

struct _RingsideQueuesView
{
  RingsideListView     parent_instance;

  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *group_column;
  GtkColumnViewColumn *description_column;
  GtkColumnViewColumn *active_column;
  GtkColumnViewColumn *open_column;
  GtkColumnViewColumn *priority_column;
};

G_DEFINE_FINAL_TYPE (RingsideQueuesView, ringside_queues_view, RINGSIDE_TYPE_LIST_VIEW)

RingsideQueuesView *
ringside_queues_view_new (void)
{
  return g_object_new (RINGSIDE_TYPE_QUEUES_VIEW, NULL);
}

static const char *
active_text (RingsideQueue *queue)
{
  return ringside_queue_get_is_active (queue) ? _("Yes") : _("No");
}

/* Empty when the data does not say. */
static const char *
open_text (RingsideQueue *queue)
{
  switch (ringside_queue_get_open (queue))
    {
    case RINGSIDE_QUEUE_OPEN_YES:
      return _("Yes");
    case RINGSIDE_QUEUE_OPEN_NO:
      return _("No");
    case RINGSIDE_QUEUE_OPEN_UNKNOWN:
    default:
      return "";
    }
}

/* Cells (made in C: see ringside-list-view.c) */

#define CELL_QUEUE(list_item) RINGSIDE_QUEUE (ringside_list_view_get_cell_item (list_item))

static void
name_cell_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item, ringside_queue_get_name (CELL_QUEUE (list_item)));
}

static void
group_cell_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_queue_get_group_name (CELL_QUEUE (list_item)));
}

static void
description_cell_bind (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_queue_get_description (CELL_QUEUE (list_item)));
}

static void
active_cell_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item, active_text (CELL_QUEUE (list_item)));
}

static void
open_cell_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item, open_text (CELL_QUEUE (list_item)));
}

static void
priority_cell_bind (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT,
              ringside_queue_get_priority (CELL_QUEUE (list_item)));
  ringside_list_view_set_cell_text (list_item, text);
}

/* Sorters */

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (ringside_queue_get_name_sort_key ((RingsideQueue *) a),
                 ringside_queue_get_name_sort_key ((RingsideQueue *) b));
}

static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return g_utf8_collate (ringside_queue_get_group_name ((RingsideQueue *) a),
                         ringside_queue_get_group_name ((RingsideQueue *) b));
}

static int
compare_descriptions (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  return g_utf8_collate (ringside_queue_get_description ((RingsideQueue *) a),
                         ringside_queue_get_description ((RingsideQueue *) b));
}

static int
compare_active (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return (int) ringside_queue_get_is_active ((RingsideQueue *) a) -
         (int) ringside_queue_get_is_active ((RingsideQueue *) b);
}

/* Unknown, closed, open. */
static int
compare_open (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return (int) ringside_queue_get_open ((RingsideQueue *) a) -
         (int) ringside_queue_get_open ((RingsideQueue *) b);
}

static int
compare_priorities (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  gint64 pa = ringside_queue_get_priority ((RingsideQueue *) a);
  gint64 pb = ringside_queue_get_priority ((RingsideQueue *) b);

  return (pa > pb) - (pa < pb);
}

/* Runs in the export's worker thread: queues are not changed once they are in the list. */
static char *
queue_field_text (gpointer item,
                  guint    field,
                  gpointer user_data)
{
  RingsideQueue *queue = item;

  switch ((Field) field)
    {
    case FIELD_NAME:
      return g_strdup (ringside_queue_get_name (queue));

    case FIELD_GROUP:
      return g_strdup (ringside_queue_get_group_name (queue));

    case FIELD_DESCRIPTION:
      return g_strdup (ringside_queue_get_description (queue));

    case FIELD_ACTIVE:
      return g_strdup (active_text (queue));

    case FIELD_OPEN:
      return g_strdup (open_text (queue));

    case FIELD_PRIORITY:
      return g_strdup_printf ("%" G_GINT64_FORMAT, ringside_queue_get_priority (queue));

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
      /* Translators: %s is a number, e.g. "1,234 queues" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s queue", "%s queues", total),
                              total_text);
    }

  /* Translators: the queues matching a search, e.g. "3 of 1,234 queues" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s of %s queue", "%s of %s queues", total),
                          shown_text, total_text);
}

/* GObject */

static void
ringside_queues_view_class_init (RingsideQueuesViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RingsideListViewClass *list_view_class = RINGSIDE_LIST_VIEW_CLASS (klass);

  list_view_class->kind = &ringside_queues_list_kind;
  list_view_class->count_text = count_text;
  list_view_class->forbidden_message = ringside_queues_list_kind.forbidden_message;
  list_view_class->export_title = N_("Export Queues");
  list_view_class->export_name = "queues";
  list_view_class->csv_field_text = queue_field_text;

  ringside_list_view_class_set_template_from_resource (list_view_class, RESOURCE_PREFIX
                                                       "/ringside-queues-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideQueuesView, name_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideQueuesView, group_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideQueuesView, description_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideQueuesView, active_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideQueuesView, open_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideQueuesView, priority_column);

  gtk_widget_class_bind_template_callback (widget_class, name_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, group_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, description_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, active_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, open_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, priority_cell_bind);
}

static void
ringside_queues_view_init (RingsideQueuesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Narrow, the columns that matter least give way first (see ringside-column-fit.h). */
  ringside_column_set_min_view_width (self->active_column, 520);
  ringside_column_set_min_view_width (self->open_column, 600);
  ringside_column_set_min_view_width (self->priority_column, 700);
  ringside_column_set_min_view_width (self->description_column, 860);

  ringside_column_set_compare_func (self->name_column, compare_names, NULL);
  ringside_column_set_compare_func (self->group_column, compare_groups, NULL);
  ringside_column_set_compare_func (self->description_column, compare_descriptions, NULL);
  ringside_column_set_compare_func (self->active_column, compare_active, NULL);
  ringside_column_set_compare_func (self->open_column, compare_open, NULL);
  ringside_column_set_compare_func (self->priority_column, compare_priorities, NULL);
}
