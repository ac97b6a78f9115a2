/* test-people.c: a user's managers and reports in the details, and "More"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ringside-agent.h"
#include "ringside-detail-pane.h"
#include "ringside-item-list.h"
#include "ringside-user.h"

#define N_REPORTS 120

static RingsideUser *
parse_user (const char *json)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  node = json_from_string (json, &error);
  g_assert_no_error (error);
  g_assert_true (ringside_user_parse_json (node, users, &error));
  g_assert_no_error (error);
  return g_object_ref (users->pdata[0]);
}

static RingsideUser *
new_user (gint64      id,
          const char *parent_path,
          const char *name)
{
  g_autofree char *json = g_strdup_printf ("{\"userId\": %" G_GINT64_FORMAT ", "
                                           "\"fullName\": \"%s\", \"userName\": "
                                           "\"user%" G_GINT64_FORMAT "@example.com\", "
                                           "\"parentPath\": \"%s\"}",
                                           id, name, id, parent_path);

  return parse_user (json);
}

/* Dana (1) → Ian (2) → Ann (3); Ian has Ann and N_REPORTS others as his reports. */
static RingsideItemList *
new_hierarchy (void)
{
  RingsideItemList *list = ringside_item_list_new_for_kind (&ringside_users_list_kind);
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (users, new_user (1, "", "Dana Root"));
  g_ptr_array_add (users, new_user (2, "1", "Ian Manager"));
  g_ptr_array_add (users, new_user (3, "1.2", "Ann Report"));
  for (guint i = 0; i < N_REPORTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Zed Report %03u", i);

      g_ptr_array_add (users, new_user (100 + i, "1.2", name));
    }
  ringside_item_list_append (list, users);
  return list;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
show_pane (GtkWidget **window)
{
  GtkWidget *pane = GTK_WIDGET (ringside_detail_pane_new ());

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 400, 700);
  gtk_window_set_child (GTK_WINDOW (*window), pane);
  gtk_window_present (GTK_WINDOW (*window));
  iterate ();
  return pane;
}

/* The link rows below @widget, in order, each the person it opens. */
static void
collect_links (GtkWidget *widget,
               GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child) && g_object_get_data (G_OBJECT (child), "person") != NULL)
        g_ptr_array_add (out, child);
      collect_links (child, out);
    }
}

static GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_GROUP (child) &&
          g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child)),
                     title) == 0)
        return child;
      found = find_group (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a label below @widget holds @text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text))
        return TRUE;
      if (has_label (child, text))
        return TRUE;
    }
  return FALSE;
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static GObject *
link_person (GPtrArray *links,
             guint      i)
{
  return g_object_get_data (links->pdata[i], "person");
}

/* The chain from the top down, each a link; following one shows that person, with their
 * reports; back returns through the people visited, then asks to close. */
static void
test_chain_and_reports (void)
{
  g_autoptr(RingsideItemList) list = new_hierarchy ();
  RingsideUser *root = ringside_item_list_lookup (list, 1);
  RingsideUser *manager = ringside_item_list_lookup (list, 2);
  RingsideUser *ann = ringside_item_list_lookup (list, 3);
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  GtkWidget *window;
  GtkWidget *pane = show_pane (&window);
  GtkWidget *chain;
  GtkWidget *reports;
  GtkWidget *show_all;
  GtkWidget *list_view;
  guint n_closes = 0;

  g_signal_connect (pane, "close-requested", G_CALLBACK (count_signal), &n_closes);

  ringside_detail_pane_set_related_list (RINGSIDE_DETAIL_PANE (pane), list);
  ringside_detail_pane_set_item (RINGSIDE_DETAIL_PANE (pane), G_OBJECT (ann));
  iterate ();

  /* Ann: Dana, then Ian; no reports of her own. */
  chain = find_group (pane, "Reports To");
  g_assert_nonnull (chain);
  g_assert_null (find_group (pane, "Direct Reports"));
  collect_links (chain, links);
  g_assert_cmpuint (links->len, ==, 2);
  g_assert_true (link_person (links, 0) == G_OBJECT (root));
  g_assert_true (link_person (links, 1) == G_OBJECT (manager));
  g_assert_true (gtk_list_box_row_get_activatable (links->pdata[1]));
  g_assert_true (has_label (links->pdata[1], "Ian Manager"));

  /* Her manager's link opens his details: Dana above, his reports below, the first 50 of
   * them as links, by name, and one row for them all. */
  g_signal_emit_by_name (links->pdata[1], "activated");
  iterate ();
  g_assert_true (ringside_detail_pane_get_item (RINGSIDE_DETAIL_PANE (pane)) ==
                 G_OBJECT (manager));
  g_ptr_array_set_size (links, 0);
  collect_links (find_group (pane, "Reports To"), links);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_true (link_person (links, 0) == G_OBJECT (root));

  reports = find_group (pane, "Direct Reports");
  g_assert_nonnull (reports);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (reports)),
                   ==, "121 people");
  g_ptr_array_set_size (links, 0);
  collect_links (reports, links);
  g_assert_cmpuint (links->len, ==, 50);
  g_assert_true (link_person (links, 0) == G_OBJECT (ann));
  g_assert_null (find_type (reports, GTK_TYPE_LIST_VIEW));

  /* "Show All" puts every report in one scrolled list, in the same place. */
  show_all = find_row (reports, "Show All 121");
  g_assert_nonnull (show_all);
  g_signal_emit_by_name (show_all, "activated");
  iterate ();
  list_view = find_type (reports, GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  g_assert_cmpuint (g_list_model_get_n_items (
                      G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)))),
                    ==, 1 + N_REPORTS);
  g_ptr_array_set_size (links, 0);
  collect_links (reports, links);
  g_assert_cmpuint (links->len, ==, 0);

  /* The last report in it opens that report's details. */
  g_signal_emit_by_name (list_view, "activate", N_REPORTS);
  iterate ();
  g_assert_true (ringside_detail_pane_get_item (RINGSIDE_DETAIL_PANE (pane)) ==
                 ringside_item_list_lookup (list, 100 + N_REPORTS - 1));

  /* Back: Ian, then Ann, then nowhere: the button asks to close. */
  g_assert_true (ringside_detail_pane_go_back (RINGSIDE_DETAIL_PANE (pane)));
  g_assert_true (ringside_detail_pane_get_item (RINGSIDE_DETAIL_PANE (pane)) ==
                 G_OBJECT (manager));
  g_assert_true (gtk_widget_activate_action (pane, "details.back", NULL));
  g_assert_true (ringside_detail_pane_get_item (RINGSIDE_DETAIL_PANE (pane)) == G_OBJECT (ann));
  g_assert_cmpuint (n_closes, ==, 0);
  g_assert_false (ringside_detail_pane_go_back (RINGSIDE_DETAIL_PANE (pane)));
  g_assert_true (gtk_widget_activate_action (pane, "details.back", NULL));
  g_assert_cmpuint (n_closes, ==, 1);

  /* An item opened from outside starts afresh: nothing to go back to. */
  g_ptr_array_set_size (links, 0);
  collect_links (find_group (pane, "Reports To"), links);
  g_signal_emit_by_name (links->pdata[0], "activated");
  g_assert_true (ringside_detail_pane_get_item (RINGSIDE_DETAIL_PANE (pane)) == G_OBJECT (root));
  ringside_detail_pane_set_item (RINGSIDE_DETAIL_PANE (pane), G_OBJECT (root));
  g_assert_false (ringside_detail_pane_go_back (RINGSIDE_DETAIL_PANE (pane)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* "More": what the model does not show, in words, for users and agents alike; never a
 * secret, by name or by value. */
static void
test_more (void)
{
  g_autoptr(RingsideUser) user =
    parse_user ("{\"userId\": 9, \"fullName\": \"Eve Extra\", "
                "\"phoneNumberE164\": \"+15555550142\", \"voicemailPin\": \"8642\", "
                "\"site\": {\"siteName\": \"Head Office\", \"extensionNumber\": \"1042\"}, "
                "\"futureFlag\": true}");
  g_autoptr(JsonNode) agent_node =
    json_from_string ("{\"agentId\": 5, \"firstName\": \"Al\", \"agentGroupId\": 2, "
                      "\"maxChats\": 4, \"sipPassword\": \"s3cr3t-value\"}", NULL);
  g_autoptr(RingsideAgent) agent = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *pane = show_pane (&window);
  GtkWidget *more;

  ringside_detail_pane_set_item (RINGSIDE_DETAIL_PANE (pane), G_OBJECT (user));
  iterate ();
  more = find_group (pane, "More");
  g_assert_nonnull (more);
  g_assert_nonnull (find_row (more, "Phone number E164"));
  g_assert_true (has_label (more, "+15555550142"));
  g_assert_nonnull (find_row (more, "Site"));
  g_assert_true (has_label (more, "Site name: Head Office; Extension number: 1042"));
  g_assert_nonnull (find_row (more, "Future flag"));
  g_assert_null (find_row (more, "Voicemail pin"));
  g_assert_false (has_label (pane, "8642"));
  g_assert_false (has_label (pane, "Pin"));

  agent = ringside_agent_new_from_json (agent_node, &error);
  g_assert_no_error (error);
  ringside_detail_pane_set_item (RINGSIDE_DETAIL_PANE (pane), G_OBJECT (agent));
  iterate ();
  more = find_group (pane, "More");
  g_assert_nonnull (more);
  g_assert_nonnull (find_row (more, "Max chats"));
  g_assert_false (has_label (pane, "s3cr3t"));
  g_assert_null (find_row (more, "Sip password"));
  g_assert_null (find_row (more, "SIP password"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/people/chain-and-reports", test_chain_and_reports);
  g_test_add_func ("/people/more", test_more);

  return g_test_run ();
}
