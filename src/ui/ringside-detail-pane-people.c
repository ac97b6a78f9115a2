/* ringside-detail-pane-people.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ringside-detail-pane-private.h"
#include "ringside-ui-utils.h"

/* Rows made at once for a manager's reports; past that, one row offers them all in a
 * scrolled list whose rows are made as they scroll into view. */
#define REPORTS_SHOWN 50

static void
on_link_activated (AdwActionRow *row,
                   gpointer      user_data)
{
  RingsideDetailPane *self = RINGSIDE_DETAIL_PANE (user_data);
  GObject *person = g_object_get_data (G_OBJECT (row), "person");

  if (person != NULL)
    ringside_detail_pane_follow_link (self, person);
}

/* A person as a row that opens their details, by click, Enter or Space. */
static GtkWidget *
person_row_new (RingsideDetailPane *self,
                RingsideUser       *person)
{
  GtkWidget *row = adw_action_row_new ();
  const char *name = ringside_user_get_full_name (person);
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *subtitle = g_markup_escape_text (ringside_user_get_user_name (person), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Opens their details"), -1);
  g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_link_activated), self, 0);
  return row;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  RingsideUser *user_a = *(RingsideUser * const *) a;
  RingsideUser *user_b = *(RingsideUser * const *) b;

  return strcmp (ringside_user_get_full_name_sort_key (user_a),
                 ringside_user_get_full_name_sort_key (user_b));
}

/* The managers, from the top of the hierarchy down to the user's own. */
static void
add_chain (RingsideDetailPane *self,
           AdwPreferencesPage *page,
           RingsideUser       *user)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  GtkWidget *group;

  /* The list never links a cycle, so the walk ends. */
  for (RingsideUser *up = ringside_user_get_parent (user); up != NULL;
       up = ringside_user_get_parent (up))
    g_ptr_array_insert (chain, 0, up);
  if (chain->len == 0)
    return;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Reports To"));
  if (chain->len > 1)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("From the top of the hierarchy down"));
  for (guint i = 0; i < chain->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               person_row_new (self, chain->pdata[i]));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}

/* All the reports, in a list that makes rows only for what scrolls into view. */

static void
setup_report (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *user_name = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (user_name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (user_name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (user_name, "dim-label");
  gtk_widget_add_css_class (user_name, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), user_name);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));
  /* Spaced as the boxed rows above. */
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_report (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  RingsideUser *user = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *labels = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (labels);

  gtk_label_set_text (GTK_LABEL (name), ringside_user_get_full_name (user));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (name)),
                      ringside_user_get_user_name (user));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ringside_user_get_full_name (user), -1);
}

static void
on_report_activated (GtkListView *list_view,
                     guint        position,
                     gpointer     user_data)
{
  RingsideDetailPane *self = RINGSIDE_DETAIL_PANE (user_data);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(GObject) person = g_list_model_get_item (model, position);

  if (person != NULL)
    ringside_detail_pane_follow_link (self, person);
}

static GtkWidget *
all_reports_new (RingsideDetailPane *self,
                 GPtrArray          *reports)
{
  GListStore *store = g_list_store_new (RINGSIDE_TYPE_USER);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list_view;
  GtkWidget *scrolled;

  g_list_store_splice (store, 0, 0, reports->pdata, reports->len);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_report), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_report), NULL);
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
                                   G_LIST_MODEL (store))),
                                 factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list_view), TRUE);
  gtk_list_view_set_show_separators (GTK_LIST_VIEW (list_view), TRUE);
  gtk_widget_add_css_class (list_view, "ringside-reports");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Direct Reports"), -1);
  g_signal_connect_object (list_view, "activate", G_CALLBACK (on_report_activated), self, 0);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list_view);
  gtk_widget_add_css_class (scrolled, "card");
  return scrolled;
}

static void
on_show_all_activated (AdwActionRow *row,
                       gpointer      user_data)
{
  RingsideDetailPane *self = RINGSIDE_DETAIL_PANE (user_data);
  GPtrArray *reports = g_object_get_data (G_OBJECT (row), "reports");
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *list_box = gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_LIST_BOX);
  GtkWidget *all;
  GtkWidget *first;

  if (group == NULL || list_box == NULL)
    return;

  /* The rows made so far give way to the whole list, in the same place. */
  all = all_reports_new (self, reports);
  for (GtkWidget *child = gtk_widget_get_first_child (list_box); child != NULL;)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (ADW_IS_PREFERENCES_ROW (child))
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), child);
      child = next;
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), all);
  first = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (all));
  gtk_widget_grab_focus (first);
}

static void
add_reports (RingsideDetailPane *self,
             AdwPreferencesPage *page,
             RingsideUser       *user)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;
  GtkWidget *group;

  if (self->related_list == NULL)
    return;
  reports = ringside_item_list_dup_related_to (self->related_list, user);
  if (reports->len == 0)
    return;
  g_ptr_array_sort (reports, compare_by_name);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Direct Reports"));
  count = ringside_format_count (reports->len);
  /* Translators: %s is a number, e.g. "1,204" */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people",
                                              reports->len),
                                 count);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  for (guint i = 0; i < MIN (reports->len, REPORTS_SHOWN); i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               person_row_new (self, reports->pdata[i]));
  if (reports->len > REPORTS_SHOWN)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      /* Translators: %s is a number of people, always more than 50 */
      title = g_strdup_printf (_("Show All %s"), count);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("view-more-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data_full (G_OBJECT (row), "reports", g_ptr_array_ref (reports),
                              (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_show_all_activated), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}

void
ringside_detail_pane_add_people (RingsideDetailPane *self,
                                 AdwPreferencesPage *page,
                                 RingsideUser       *user)
{
  g_return_if_fail (RINGSIDE_IS_DETAIL_PANE (self));
  g_return_if_fail (RINGSIDE_IS_USER (user));

  add_chain (self, page, user);
  add_reports (self, page, user);
}
