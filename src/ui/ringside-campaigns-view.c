/* ringside-campaigns-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ringside-campaign.h"
#include "ringside-campaigns-view.h"
#include "ringside-column-fit.h"

/* The columns in their order in the .ui, which are also the fields of the CSV export. */
typedef enum
{
  FIELD_NAME,
  FIELD_DIAL_GROUP,
  FIELD_DIAL_MODE,
  FIELD_ACTIVE,
  FIELD_PRIORITY,
  FIELD_START,
  FIELD_END,
} Field;

struct _RingsideCampaignsView
{
  RingsideListView     parent_instance;

  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *dial_group_column;
  GtkColumnViewColumn *dial_mode_column;
  GtkColumnViewColumn *active_column;
  GtkColumnViewColumn *priority_column;
  GtkColumnViewColumn *start_column;
  GtkColumnViewColumn *end_column;
};

G_DEFINE_FINAL_TYPE (RingsideCampaignsView, ringside_campaigns_view, RINGSIDE_TYPE_LIST_VIEW)

RingsideCampaignsView *
ringside_campaigns_view_new (void)
{
  return g_object_new (RINGSIDE_TYPE_CAMPAIGNS_VIEW, NULL);
}

static const char *
active_text (RingsideCampaign *campaign)
{
  return ringside_campaign_get_is_active (campaign) ? _("Yes") : _("No");
}

/* Cells (made in C: see ringside-list-view.c) */

#define CELL_CAMPAIGN(list_item) RINGSIDE_CAMPAIGN (ringside_list_view_get_cell_item (list_item))

static void
name_cell_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_campaign_get_name (CELL_CAMPAIGN (list_item)));
}

static void
dial_group_cell_bind (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_campaign_get_dial_group_name (
                                      CELL_CAMPAIGN (list_item)));
}

static void
dial_mode_cell_bind (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item,
                                    ringside_campaign_get_dial_mode (CELL_CAMPAIGN (list_item)));
}

static void
active_cell_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  ringside_list_view_set_cell_text (list_item, active_text (CELL_CAMPAIGN (list_item)));
}

static void
priority_cell_bind (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT,
              ringside_campaign_get_priority (CELL_CAMPAIGN (list_item)));
  ringside_list_view_set_cell_text (list_item, text);
}

static void
start_cell_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  ringside_list_view_set_cell_date (list_item,
                                    ringside_campaign_get_start_date (CELL_CAMPAIGN (list_item)));
}

static void
end_cell_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  ringside_list_view_set_cell_date (list_item,
                                    ringside_campaign_get_end_date (CELL_CAMPAIGN (list_item)));
}

/* Sorters */

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (ringside_campaign_get_name_sort_key ((RingsideCampaign *) a),
                 ringside_campaign_get_name_sort_key ((RingsideCampaign *) b));
}

static int
compare_dial_groups (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  return g_utf8_collate (ringside_campaign_get_dial_group_name ((RingsideCampaign *) a),
                         ringside_campaign_get_dial_group_name ((RingsideCampaign *) b));
}

static int
compare_dial_modes (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return g_utf8_collate (ringside_campaign_get_dial_mode ((RingsideCampaign *) a),
                         ringside_campaign_get_dial_mode ((RingsideCampaign *) b));
}

static int
compare_active (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return (int) ringside_campaign_get_is_active ((RingsideCampaign *) a) -
         (int) ringside_campaign_get_is_active ((RingsideCampaign *) b);
}

static int
compare_priorities (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  gint64 pa = ringside_campaign_get_priority ((RingsideCampaign *) a);
  gint64 pb = ringside_campaign_get_priority ((RingsideCampaign *) b);

  return (pa > pb) - (pa < pb);
}

static int
compare_starts (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return ringside_compare_dates (ringside_campaign_get_start_date ((RingsideCampaign *) a),
                                 ringside_campaign_get_start_date ((RingsideCampaign *) b));
}

static int
compare_ends (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return ringside_compare_dates (ringside_campaign_get_end_date ((RingsideCampaign *) a),
                                 ringside_campaign_get_end_date ((RingsideCampaign *) b));
}

/* Runs in the export's worker thread: campaigns are not changed once they are in the list. */
static char *
campaign_field_text (gpointer item,
                     guint    field,
                     gpointer user_data)
{
  RingsideCampaign *campaign = item;

  switch ((Field) field)
    {
    case FIELD_NAME:
      return g_strdup (ringside_campaign_get_name (campaign));

    case FIELD_DIAL_GROUP:
      return g_strdup (ringside_campaign_get_dial_group_name (campaign));

    case FIELD_DIAL_MODE:
      return g_strdup (ringside_campaign_get_dial_mode (campaign));

    case FIELD_ACTIVE:
      return g_strdup (active_text (campaign));

    case FIELD_PRIORITY:
      return g_strdup_printf ("%" G_GINT64_FORMAT, ringside_campaign_get_priority (campaign));

    case FIELD_START:
      return ringside_format_iso_date (ringside_campaign_get_start_date (campaign));

    case FIELD_END:
      return ringside_format_iso_date (ringside_campaign_get_end_date (campaign));

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
      /* Translators: %s is a number, e.g. "1,234 campaigns" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s campaign", "%s campaigns",
                                           total),
                              total_text);
    }

  /* Translators: the campaigns matching a search, e.g. "3 of 1,234 campaigns" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s of %s campaign", "%s of %s campaigns", total),
                          shown_text, total_text);
}

/* A 403 on some groups' campaigns, while the others loaded. */
static char *
skipped_text (guint       n_skipped,
              const char *first_name)
{
  if (n_skipped == 1)
    {
      /* Translators: %s is the name of a dial group */
      return g_strdup_printf (_("Dial group “%s” is left out: you don’t have permission to view "
                                "its campaigns."), first_name);
    }

  /* Translators: %u is a number of dial groups, at least 2 */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u dial group is left out: you don’t have permission "
                                       "to view its campaigns.",
                                       "%u dial groups are left out: you don’t have permission "
                                       "to view their campaigns.",
                                       n_skipped),
                          n_skipped);
}

/* GObject */

static void
ringside_campaigns_view_class_init (RingsideCampaignsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RingsideListViewClass *list_view_class = RINGSIDE_LIST_VIEW_CLASS (klass);

  list_view_class->kind = &ringside_campaigns_list_kind;
  list_view_class->count_text = count_text;
  list_view_class->skipped_text = skipped_text;
  list_view_class->forbidden_message = ringside_campaigns_list_kind.forbidden_message;
  list_view_class->export_title = N_("Export Campaigns");
  list_view_class->export_name = "campaigns";
  list_view_class->csv_field_text = campaign_field_text;

  ringside_list_view_class_set_template_from_resource (list_view_class, RESOURCE_PREFIX
                                                       "/ringside-campaigns-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideCampaignsView, name_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideCampaignsView, dial_group_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideCampaignsView, dial_mode_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideCampaignsView, active_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideCampaignsView, priority_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideCampaignsView, start_column);
  gtk_widget_class_bind_template_child (widget_class, RingsideCampaignsView, end_column);

  gtk_widget_class_bind_template_callback (widget_class, name_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, dial_group_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, dial_mode_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, active_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, priority_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, start_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, end_cell_bind);
}

static void
ringside_campaigns_view_init (RingsideCampaignsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Narrow, the columns that matter least give way first (see ringside-column-fit.h). */
  ringside_column_set_min_view_width (self->active_column, 520);
  ringside_column_set_min_view_width (self->dial_mode_column, 600);
  ringside_column_set_min_view_width (self->priority_column, 700);
  ringside_column_set_min_view_width (self->start_column, 860);
  ringside_column_set_min_view_width (self->end_column, 980);

  ringside_column_set_compare_func (self->name_column, compare_names, NULL);
  ringside_column_set_compare_func (self->dial_group_column, compare_dial_groups, NULL);
  ringside_column_set_compare_func (self->dial_mode_column, compare_dial_modes, NULL);
  ringside_column_set_compare_func (self->active_column, compare_active, NULL);
  ringside_column_set_compare_func (self->priority_column, compare_priorities, NULL);
  ringside_column_set_compare_func (self->start_column, compare_starts, NULL);
  ringside_column_set_compare_func (self->end_column, compare_ends, NULL);
}
