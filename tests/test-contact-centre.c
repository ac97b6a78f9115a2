/* test-contact-centre.c
 *
 * A sub-account's agents, queues and campaigns: the real page and views in a real window
 * under Xvfb, loading from an in-process demo server through a real session (paged lists,
 * a right the admin lacks, search, sort, export); then the real application opening a
 * sub-account from the accounts list and going back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ringside-account.h"
#include "ringside-active-change.h"
#include "ringside-agent.h"
#include "ringside-agents-view.h"
#include "ringside-campaign.h"
#include "ringside-campaigns-view.h"
#include "ringside-demo-server.h"
#include "ringside-detail-pane.h"
#include "ringside-history-view.h"
#include "ringside-partial-banner.h"
#include "ringside-queues-view.h"
#include "ringside-session.h"
#include "ringside-sub-account-page.h"
#include "ringside-test-ui-utils.h"
#include "ringside-test-utils.h"
#include "ringside-user.h"

#define ACCOUNTS_PATH "/voice/api/v1/admin/accounts/"
#define WAIT_SECONDS 60

typedef struct
{
  RingsideDemoServer     *server;
  RingsideSession        *session;
  GtkWindow              *window;
  RingsideSubAccountPage *page;
  char                   *account_id;   /* the big sub-account */
} Fixture;

/* Widgets */

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static RingsideListView *
page_view (Fixture *f,
           GType    type)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (f->page), type);

  g_assert_nonnull (view);
  return RINGSIDE_LIST_VIEW (view);
}

static const char *
visible_page (RingsideListView *view)
{
  GtkWidget *stack = find_descendant (GTK_WIDGET (view), GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static GtkColumnView *
column_view (RingsideListView *view)
{
  return GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW));
}

static GtkColumnViewColumn *
column_titled (RingsideListView *view,
               const char       *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view (view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_error ("No column titled “%s”", title);
}

static guint
n_shown (RingsideListView *view)
{
  return g_list_model_get_n_items (ringside_list_view_get_model (view));
}

static gboolean
view_is_settled (gpointer data)
{
  RingsideListView *view = data;

  return !ringside_list_view_get_loading (view) &&
         !ringside_remote_list_get_searching (ringside_list_view_get_list (view));
}

static void
wait_settled (RingsideListView *view)
{
  ringside_test_ui_wait_until (view_is_settled, view, "the view to load");
}

static char *
summary (RingsideListView *view)
{
  char *text = NULL;

  g_object_get (view, "summary", &text, NULL);
  return text;
}

static void save_screenshot (GtkWindow  *window,
                             const char *name);

/* Fixture */

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  ringside_session_sign_in_with_token_finish (RINGSIDE_SESSION (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean signed_in = FALSE;
  const char *url;

  f->server = ringside_demo_server_new ();
  /* Small enough to load fast, and paged: 9 groups come 4 to a page. */
  ringside_demo_server_set_contact_centre_size (f->server, 9, 450);
  ringside_demo_server_set_page_limit (f->server, 4);
  ringside_demo_server_start (f->server, &error);
  g_assert_no_error (error);
  url = ringside_demo_server_get_url (f->server);
  f->account_id = ringside_demo_server_get_account_id (f->server, 1);

  f->session = ringside_session_new (url, url, NULL, NULL);
  ringside_session_set_persistent (f->session, FALSE);
  ringside_session_sign_in_with_token_async (f->session, RINGSIDE_DEMO_RC_ACCESS_TOKEN, NULL,
                                             on_signed_in, &signed_in);
  ringside_test_wait_for (&signed_in, 30);

  f->page = ringside_sub_account_page_new ();
  ringside_sub_account_page_set_session (f->page, f->session);
  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1100, 640);
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->session);
  ringside_demo_server_stop (f->server);
  g_clear_object (&f->server);
  g_free (f->account_id);
}

static void
open_and_wait (Fixture    *f,
               const char *account_id)
{
  ringside_sub_account_page_open (f->page, account_id, "Big Sub-Account");
  wait_settled (page_view (f, RINGSIDE_TYPE_AGENTS_VIEW));
  wait_settled (page_view (f, RINGSIDE_TYPE_QUEUES_VIEW));
  wait_settled (page_view (f, RINGSIDE_TYPE_CAMPAIGNS_VIEW));
}

/* Tests */

/* Every agent, queue and campaign, read page by page and group by group. */
static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  RingsideListView *agents = page_view (f, RINGSIDE_TYPE_AGENTS_VIEW);
  RingsideListView *queues = page_view (f, RINGSIDE_TYPE_QUEUES_VIEW);
  RingsideListView *campaigns = page_view (f, RINGSIDE_TYPE_CAMPAIGNS_VIEW);
  g_autofree char *groups_path = g_strconcat (ACCOUNTS_PATH, f->account_id, "/agentGroups",
                                              NULL);
  g_autofree char *agents_summary = NULL;
  g_autofree char *expected_summary = NULL;
  guint n_agents = ringside_demo_server_get_n_agents (f->server, f->account_id);
  g_autoptr(GArray) group_ids = ringside_demo_server_get_agent_group_ids (f->server,
                                                                          f->account_id);

  open_and_wait (f, f->account_id);

  g_assert_cmpstr (ringside_sub_account_page_get_account_id (f->page), ==, f->account_id);
  g_assert_cmpstr (visible_page (agents), ==, "list");
  g_assert_cmpuint (n_shown (agents), ==, n_agents);
  g_assert_cmpuint (n_agents, >=, 450);
  g_assert_cmpuint (n_shown (queues), ==,
                    ringside_demo_server_get_n_gates (f->server, f->account_id));
  g_assert_cmpuint (n_shown (campaigns), ==,
                    ringside_demo_server_get_n_campaigns (f->server, f->account_id));
  g_assert_cmpuint (n_shown (queues), >, 0);
  g_assert_cmpuint (n_shown (campaigns), >, 0);

  /* 9 groups, at most 4 a page: 4, 4, 1. */
  g_assert_cmpuint (group_ids->len, ==, 9);
  g_assert_cmpuint (ringside_demo_server_count_requests (f->server, groups_path), ==, 3);

  /* Every agent knows its group's name; types are words. */
  for (guint i = 0; i < n_agents; i++)
    {
      g_autoptr(RingsideAgent) agent = g_list_model_get_item (ringside_list_view_get_model (agents),
                                                              i);

      g_assert_cmpstr (ringside_agent_get_group_name (agent), !=, "");
      g_assert_null (strchr (ringside_agent_get_agent_type (agent), '_'));
    }
  for (guint i = 0; i < n_shown (campaigns); i++)
    {
      g_autoptr(RingsideCampaign) campaign =
        g_list_model_get_item (ringside_list_view_get_model (campaigns), i);

      g_assert_cmpstr (ringside_campaign_get_dial_group_name (campaign), !=, "");
    }

  agents_summary = summary (agents);
  expected_summary = g_strdup_printf ("%u agents", n_agents);
  if (n_agents >= 1000)
    {
      g_clear_pointer (&expected_summary, g_free);
      expected_summary = g_strdup_printf ("%u,%03u agents", n_agents / 1000, n_agents % 1000);
    }
  g_assert_cmpstr (agents_summary, ==, expected_summary);

  /* The page fits the window's narrowest width (360 px, as in ringside-window.ui). */
  {
    int minimum = 0;

    gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                        NULL, NULL);
    g_test_message ("The page's minimum width: %d px", minimum);
    g_assert_cmpint (minimum, <=, 360);
  }
}

/* No right to the dial groups: the campaigns say so, the other views load. */
static void
test_forbidden_one_view (Fixture       *f,
                         gconstpointer  data)
{
  RingsideListView *campaigns = page_view (f, RINGSIDE_TYPE_CAMPAIGNS_VIEW);
  g_autofree char *path = g_strconcat (ACCOUNTS_PATH, f->account_id, "/dialGroups", NULL);
  GtkWidget *status_page;

  ringside_demo_server_set_fault (f->server, path, RINGSIDE_DEMO_FAULT_FORBIDDEN, 0, 100);
  open_and_wait (f, f->account_id);

  g_assert_cmpstr (visible_page (page_view (f, RINGSIDE_TYPE_AGENTS_VIEW)), ==, "list");
  g_assert_cmpstr (visible_page (page_view (f, RINGSIDE_TYPE_QUEUES_VIEW)), ==, "list");
  g_assert_cmpstr (visible_page (campaigns), ==, "error");
  status_page = find_descendant (GTK_WIDGET (campaigns), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status_page);
  {
    GtkWidget *stack = find_descendant (GTK_WIDGET (campaigns), GTK_TYPE_STACK);
    AdwStatusPage *error_page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (stack)));

    g_assert_cmpstr (adw_status_page_get_description (error_page), ==,
                     "You don’t have permission to view dial groups in this account.");
  }

  /* Retry, once the right is there. */
  ringside_demo_server_clear_faults (f->server);
  ringside_list_view_reload (campaigns);
  wait_settled (campaigns);
  g_assert_cmpstr (visible_page (campaigns), ==, "list");
}

/* One group's agents fail: no partial list passes for the whole. */
static void
test_one_group_fails (Fixture       *f,
                      gconstpointer  data)
{
  RingsideListView *agents = page_view (f, RINGSIDE_TYPE_AGENTS_VIEW);
  g_autoptr(GArray) group_ids = ringside_demo_server_get_agent_group_ids (f->server,
                                                                          f->account_id);
  g_autofree char *path = g_strdup_printf (ACCOUNTS_PATH "%s/agentGroups/%d/agents",
                                           f->account_id, g_array_index (group_ids, int, 5));

  ringside_demo_server_set_fault (f->server, path, RINGSIDE_DEMO_FAULT_SERVER_ERROR, 0, 100);
  open_and_wait (f, f->account_id);

  g_assert_cmpstr (visible_page (agents), ==, "error");
  g_assert_cmpuint (n_shown (agents), ==, 0);
}

static RingsidePartialBanner *
view_banner (RingsideListView *view)
{
  GtkWidget *banner = find_descendant (GTK_WIDGET (view), RINGSIDE_TYPE_PARTIAL_BANNER);

  g_assert_nonnull (banner);
  return RINGSIDE_PARTIAL_BANNER (banner);
}

/* No right to one agent group's agents: the others show, counted without it, under a banner
 * that names the group; once the right is there, a reload shows them all and no banner. */
static void
test_one_group_forbidden (Fixture       *f,
                          gconstpointer  data)
{
  RingsideListView *agents = page_view (f, RINGSIDE_TYPE_AGENTS_VIEW);
  RingsidePartialBanner *banner = view_banner (agents);
  guint n_agents = ringside_demo_server_get_n_agents (f->server, f->account_id);
  guint n_left_out = 0;
  g_autofree char *name = ringside_demo_server_forbid_group (f->server, f->account_id,
                                                             RINGSIDE_DEMO_AGENT_GROUP, 5,
                                                             &n_left_out);
  g_autofree char *expected = NULL;
  g_autofree char *expected_summary = NULL;
  g_autofree char *agents_summary = NULL;

  g_assert_nonnull (name);
  g_assert_cmpuint (n_left_out, >, 0);
  g_assert_cmpuint (n_agents, <, 1000);
  open_and_wait (f, f->account_id);

  g_assert_cmpstr (visible_page (agents), ==, "list");
  g_assert_cmpuint (n_shown (agents), ==, n_agents - n_left_out);
  for (guint i = 0; i < n_shown (agents); i++)
    {
      g_autoptr(RingsideAgent) agent = g_list_model_get_item (ringside_list_view_get_model (agents),
                                                              i);

      g_assert_cmpstr (ringside_agent_get_group_name (agent), !=, name);
    }
  agents_summary = summary (agents);
  expected_summary = g_strdup_printf ("%u agents", n_agents - n_left_out);
  g_assert_cmpstr (agents_summary, ==, expected_summary);

  expected = g_strdup_printf ("Agent group “%s” is left out: you don’t have permission to "
                              "view its agents.", name);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (banner)));
  g_assert_cmpstr (ringside_partial_banner_get_title (banner), ==, expected);
  save_screenshot (f->window, "partial-banner");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (banner)), ==,
                   GTK_ACCESSIBLE_ROLE_STATUS);
  /* The other views left nothing out. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view_banner (page_view (f,
                                                     RINGSIDE_TYPE_CAMPAIGNS_VIEW)))));

  ringside_demo_server_clear_faults (f->server);
  ringside_list_view_reload (agents);
  wait_settled (agents);
  g_assert_cmpuint (n_shown (agents), ==, n_agents);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_null (ringside_partial_banner_get_title (banner));
}

/* Two dial groups refused: the banner counts them. */
static void
test_dial_groups_forbidden (Fixture       *f,
                            gconstpointer  data)
{
  RingsideListView *campaigns = page_view (f, RINGSIDE_TYPE_CAMPAIGNS_VIEW);
  guint n_campaigns = ringside_demo_server_get_n_campaigns (f->server, f->account_id);
  guint n_first = 0, n_second = 0;
  g_autofree char *first = ringside_demo_server_forbid_group (f->server, f->account_id,
                                                              RINGSIDE_DEMO_DIAL_GROUP, 0,
                                                              &n_first);
  g_autofree char *second = ringside_demo_server_forbid_group (f->server, f->account_id,
                                                               RINGSIDE_DEMO_DIAL_GROUP, 2,
                                                               &n_second);

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  open_and_wait (f, f->account_id);

  g_assert_cmpstr (visible_page (campaigns), ==, "list");
  g_assert_cmpuint (n_shown (campaigns), ==, n_campaigns - n_first - n_second);
  g_assert_cmpstr (ringside_partial_banner_get_title (view_banner (campaigns)), ==,
                   "2 dial groups are left out: you don’t have permission to view their "
                   "campaigns.");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view_banner (page_view (f,
                                                     RINGSIDE_TYPE_AGENTS_VIEW)))));
}

/* Search over every shown column, and sorting by each. */
static void
test_search_and_sort (Fixture       *f,
                      gconstpointer  data)
{
  RingsideListView *agents = page_view (f, RINGSIDE_TYPE_AGENTS_VIEW);
  GtkColumnView *view = column_view (agents);
  const char *titles[] = { "Name", "User Name or E-mail", "Type", "Group", "Active",
                           "External ID", "Created" };
  g_autoptr(RingsideAgent) first = NULL;
  g_autofree char *group = NULL;
  g_autofree char *text = NULL;
  guint total;

  open_and_wait (f, f->account_id);
  total = n_shown (agents);

  first = g_list_model_get_item (ringside_list_view_get_model (agents), 0);
  group = g_strdup (ringside_agent_get_group_name (first));
  ringside_list_view_set_search_text (agents, group);
  wait_settled (agents);
  g_assert_cmpuint (n_shown (agents), <, total);
  g_assert_cmpuint (n_shown (agents), >, 0);
  for (guint i = 0; i < n_shown (agents); i++)
    {
      g_autoptr(RingsideAgent) agent = g_list_model_get_item (ringside_list_view_get_model (agents),
                                                              i);
      g_autofree char *key = g_utf8_casefold (group, -1);

      g_assert_true (ringside_agent_matches (agent, key));
    }
  text = summary (agents);
  g_assert_true (strstr (text, " of ") != NULL);

  /* The type, in words, is searched too. */
  ringside_list_view_set_search_text (agents, "supervisor");
  wait_settled (agents);
  g_assert_cmpuint (n_shown (agents), >, 0);
  g_assert_cmpuint (n_shown (agents), <, total);

  ringside_list_view_set_search_text (agents, "no such agent anywhere");
  wait_settled (agents);
  g_assert_cmpstr (visible_page (agents), ==, "no-results");
  ringside_list_view_set_search_text (agents, "");
  wait_settled (agents);
  g_assert_cmpuint (n_shown (agents), ==, total);

  /* Every column sorts; by group, descending, the names come in order. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      gtk_column_view_sort_by_column (view, column_titled (agents, titles[i]),
                                      GTK_SORT_DESCENDING);
      g_assert_nonnull (gtk_column_view_column_get_sorter (column_titled (agents, titles[i])));
      wait_settled (agents);
      g_assert_cmpuint (n_shown (agents), ==, total);
    }
  gtk_column_view_sort_by_column (view, column_titled (agents, "Group"), GTK_SORT_DESCENDING);
  for (guint i = 1; i < n_shown (agents); i++)
    {
      g_autoptr(RingsideAgent) a = g_list_model_get_item (ringside_list_view_get_model (agents),
                                                          i - 1);
      g_autoptr(RingsideAgent) b = g_list_model_get_item (ringside_list_view_get_model (agents),
                                                          i);

      g_assert_cmpint (strcmp (ringside_agent_get_group_name_sort_key (a),
                               ringside_agent_get_group_name_sort_key (b)), >=, 0);
    }
}

/* The group drop-down narrows the view shown to one group, with the search. */
static void
test_group_filter (Fixture       *f,
                   gconstpointer  data)
{
  RingsideListView *agents = page_view (f, RINGSIDE_TYPE_AGENTS_VIEW);
  GtkDropDown *dropdown = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (f->page),
                                                          GTK_TYPE_DROP_DOWN));
  g_auto(GStrv) groups = NULL;
  g_autofree char *text = NULL;
  guint total, in_group;

  open_and_wait (f, f->account_id);
  total = n_shown (agents);
  groups = ringside_list_view_dup_groups (agents);
  g_assert_cmpuint (g_strv_length (groups), ==, 9);
  /* "All Groups", then the groups. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 10);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);

  gtk_drop_down_set_selected (dropdown, 2);
  wait_settled (agents);
  in_group = n_shown (agents);
  g_assert_cmpuint (in_group, >, 0);
  g_assert_cmpuint (in_group, <, total);
  for (guint i = 0; i < in_group; i++)
    {
      g_autoptr(RingsideAgent) agent = g_list_model_get_item (ringside_list_view_get_model (agents),
                                                              i);

      g_assert_cmpstr (ringside_agent_get_group_name (agent), ==, groups[1]);
    }
  text = summary (agents);
  g_assert_nonnull (strstr (text, " of "));

  /* With a search, both apply; clearing the search keeps the group. */
  ringside_list_view_set_search_text (agents, "supervisor");
  wait_settled (agents);
  g_assert_cmpuint (n_shown (agents), <=, in_group);
  ringside_list_view_set_search_text (agents, "");
  wait_settled (agents);
  g_assert_cmpuint (n_shown (agents), ==, in_group);

  /* The queues have their own groups and choice. */
  ringside_sub_account_page_show_view (f->page, "queues");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), >, 1);
  ringside_sub_account_page_show_view (f->page, "agents");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 2);

  gtk_drop_down_set_selected (dropdown, 0);
  wait_settled (agents);
  g_assert_cmpuint (n_shown (agents), ==, total);

  /* The drop-down is in the search bar: closing the bar shows every group again. */
  ringside_sub_account_page_search (f->page);
  gtk_drop_down_set_selected (dropdown, 2);
  wait_settled (agents);
  g_assert_cmpuint (n_shown (agents), ==, in_group);
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (find_descendant (GTK_WIDGET (f->page),
                                                                   GTK_TYPE_SEARCH_BAR)),
                                  FALSE);
  wait_settled (agents);
  g_assert_cmpuint (n_shown (agents), ==, total);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
}

static void
on_csv_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ringside_list_view_write_csv_finish (RINGSIDE_LIST_VIEW (source), result,
                                                      &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static char *
export_csv (RingsideListView *view)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ringside-cc-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;
  char *text = NULL;

  g_assert_no_error (error);
  ringside_list_view_write_csv_async (view, file, NULL, on_csv_written, &done);
  ringside_test_wait_for (&done, WAIT_SECONDS);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  return text;
}

/* The export holds the rows shown, with the columns shown, and never a secret. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  GType types[] = { RINGSIDE_TYPE_AGENTS_VIEW, RINGSIDE_TYPE_QUEUES_VIEW,
                    RINGSIDE_TYPE_CAMPAIGNS_VIEW };

  open_and_wait (f, f->account_id);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      RingsideListView *view = page_view (f, types[i]);
      g_autofree char *csv = export_csv (view);
      g_autoptr(GPtrArray) rows = ringside_test_parse_csv (csv);

      g_assert_null (strstr (csv, RINGSIDE_DEMO_SECRET_MARKER));
      g_assert_cmpuint (rows->len, ==, n_shown (view) + 1);
    }

  /* Agents, searched: the header, then the matches only. */
  {
    RingsideListView *agents = page_view (f, RINGSIDE_TYPE_AGENTS_VIEW);
    g_autofree char *csv = NULL;
    g_autoptr(GPtrArray) rows = NULL;
    char **header;

    ringside_list_view_set_search_text (agents, "supervisor");
    wait_settled (agents);
    csv = export_csv (agents);
    rows = ringside_test_parse_csv (csv);
    header = g_ptr_array_index (rows, 0);
    g_assert_cmpstr (header[0], ==, "Name");
    g_assert_cmpstr (header[2], ==, "Type");
    g_assert_cmpstr (header[3], ==, "Group");
    g_assert_cmpuint (rows->len, ==, n_shown (agents) + 1);
    g_assert_null (strstr (csv, RINGSIDE_DEMO_SECRET_MARKER));
    g_assert_null (strstr (csv, "SUPERVISOR"));
  }
}

/* Opening another account while one loads: only the second one's rows are shown. */
static void
test_switch_account (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *small = ringside_demo_server_get_account_id (f->server, 2);
  g_autofree char *groups_path = NULL;
  RingsideListView *agents = page_view (f, RINGSIDE_TYPE_AGENTS_VIEW);

  ringside_sub_account_page_open (f->page, f->account_id, "Big");
  ringside_sub_account_page_open (f->page, small, "Small");
  wait_settled (agents);
  wait_settled (page_view (f, RINGSIDE_TYPE_QUEUES_VIEW));
  wait_settled (page_view (f, RINGSIDE_TYPE_CAMPAIGNS_VIEW));

  g_assert_cmpuint (n_shown (agents), ==, ringside_demo_server_get_n_agents (f->server, small));
  g_assert_cmpuint (n_shown (agents), !=,
                    ringside_demo_server_get_n_agents (f->server, f->account_id));

  /* The same account again (back, then in) keeps its lists: RingCX allows 120 requests a
   * minute, and they were just read. Another account's lists are read. */
  groups_path = g_strdup_printf ("/voice/api/v1/admin/accounts/%s/agentGroups", small);
  ringside_demo_server_clear_requests (f->server);
  ringside_sub_account_page_open (f->page, small, "Small");
  wait_settled (agents);
  g_assert_cmpuint (ringside_demo_server_count_requests (f->server, groups_path), ==, 0);
  g_assert_cmpuint (n_shown (agents), ==, ringside_demo_server_get_n_agents (f->server, small));

  open_and_wait (f, f->account_id);
  g_assert_cmpuint (n_shown (agents), ==,
                    ringside_demo_server_get_n_agents (f->server, f->account_id));
}

/* The application: open a sub-account from the accounts list, switch views, go back. */

static char *
screenshot_dir (void)
{
  const char *dir = g_getenv ("RINGSIDE_SCREENSHOT_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  dir = g_getenv ("MESON_BUILD_ROOT");
  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, "screenshots", NULL);
  return g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = screenshot_dir ();
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  GtkSnapshot *snapshot;
  gboolean painted = FALSE;
  gulong handler_id;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  handler_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  ringside_test_ui_wait_until (flag_is_set, &painted, "a frame");
  g_signal_handler_disconnect (clock, handler_id);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

static gboolean
showing_sub_account (gpointer data)
{
  AdwLeaflet *leaflet = ringside_test_ui_window_child (data, "leaflet");

  return g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "sub-account") == 0 &&
         !adw_leaflet_get_child_transition_running (leaflet);
}

static gboolean
showing_main (gpointer data)
{
  AdwLeaflet *leaflet = ringside_test_ui_window_child (data, "leaflet");

  return g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "main") == 0 &&
         !adw_leaflet_get_child_transition_running (leaflet);
}

/* Finds the window's own shortcut for @accelerator ("Escape") and activates it, as the key
 * would. */
static void
press_window_shortcut (RingsideWindow *window,
                       const char     *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, accelerator) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           GTK_WIDGET (window),
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }

  g_error ("The window has no shortcut %s", accelerator);
}

typedef struct
{
  RingsideSubAccountPage *page;
  GObject                *item;   /* the details shown */
} DetailsWait;

static gboolean
details_are_shown (gpointer data)
{
  DetailsWait *wait = data;

  wait->item = ringside_sub_account_page_get_details_item (wait->page);
  return wait->item != NULL;
}

static void
scenario_open_sub_account (RingsideApplication *app)
{
  RingsideWindow *window = ringside_test_ui_get_window (app);
  RingsideListView *accounts = ringside_test_ui_window_child (app, "accounts_view");
  RingsideSubAccountPage *page = ringside_test_ui_window_child (app, "sub_account_page");
  g_autoptr(RingsideDemoServer) ids = ringside_demo_server_new ();
  g_autofree char *big_id = ringside_demo_server_get_account_id (ids, 1);
  GListModel *rows;
  GtkSearchEntry *search_entry = ringside_test_ui_window_child (app, "search_entry");
  RingsideListView *agents;
  RingsideListView *queues;
  guint position = G_MAXUINT;

  ringside_test_ui_wait_until (ringside_test_ui_lists_are_shown, app, "both lists");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "accounts");

  /* Activating the big sub-account's row (Enter or a double-click) opens it. */
  rows = ringside_list_view_get_model (accounts);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RingsideAccount) account = g_list_model_get_item (rows, i);

      if (g_strcmp0 (ringside_account_get_id (account), big_id) == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_signal_emit_by_name (column_view (accounts), "activate", position);
  ringside_test_ui_wait_until (showing_sub_account, app, "the sub-account page");
  g_assert_cmpstr (ringside_sub_account_page_get_account_id (page), ==, big_id);

  agents = RINGSIDE_LIST_VIEW (find_descendant (GTK_WIDGET (page), RINGSIDE_TYPE_AGENTS_VIEW));
  queues = RINGSIDE_LIST_VIEW (find_descendant (GTK_WIDGET (page), RINGSIDE_TYPE_QUEUES_VIEW));
  wait_settled (agents);
  g_assert_cmpstr (visible_page (agents), ==, "list");
  g_assert_cmpuint (n_shown (agents), >, 1000);
  g_assert_true (RINGSIDE_IS_AGENTS_VIEW (ringside_sub_account_page_get_visible_view (page)));
  save_screenshot (GTK_WINDOW (window), "sub-account");

  /* The switcher's views, by their shortcuts: the window's, so that they work even when
   * no widget has the focus (as after a dialog closes over a button made insensitive). */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  press_window_shortcut (window, "<Alt>4");
  g_assert_true (RINGSIDE_IS_HISTORY_VIEW (ringside_sub_account_page_get_visible_view (page)));
  press_window_shortcut (window, "<Alt>2");
  g_assert_true (ringside_sub_account_page_get_visible_view (page) == queues);
  wait_settled (queues);
  g_assert_cmpstr (visible_page (queues), ==, "list");
  save_screenshot (GTK_WINDOW (window), "sub-account-queues");

  /* Escape goes back to the accounts. */
  press_window_shortcut (window, "Escape");
  ringside_test_ui_wait_until (showing_main, app, "the accounts again");
  /* There, the same shortcuts choose among the window's own views. */
  press_window_shortcut (window, "<Alt>2");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (
                     ringside_test_ui_window_child (app, "view_stack")), ==, "users");
  press_window_shortcut (window, "<Alt>1");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (
                     ringside_test_ui_window_child (app, "view_stack")), ==, "accounts");

  /* Enter in the search entry opens the first match. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (search_entry), big_id);
  wait_settled (accounts);
  g_assert_cmpuint (n_shown (accounts), >=, 1);
  g_signal_emit_by_name (search_entry, "activate");
  ringside_test_ui_wait_until (showing_sub_account, app, "the sub-account page again");
  g_assert_cmpstr (ringside_sub_account_page_get_account_id (page), ==, big_id);
  /* It opens on the agents, with its own search cleared. */
  g_assert_true (ringside_sub_account_page_get_visible_view (page) == agents);

  /* There too, Enter in the search opens the first match: an agent's details. */
  wait_settled (agents);
  {
    GtkWidget *page_search = find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
    g_autoptr(RingsideAgent) first = NULL;
    DetailsWait details = { page, NULL };

    ringside_sub_account_page_search (page);
    gtk_editable_set_text (GTK_EDITABLE (page_search), "kim");
    g_signal_emit_by_name (page_search, "activate");
    ringside_test_ui_wait_until (details_are_shown, &details, "an agent's details");
    wait_settled (agents);
    first = g_list_model_get_item (ringside_list_view_get_model (agents), 0);
    g_assert_true (details.item == G_OBJECT (first));
    g_assert_nonnull (strstr (ringside_agent_get_display_name (first), "Kim"));
    g_signal_emit_by_name (find_descendant (GTK_WIDGET (page), RINGSIDE_TYPE_DETAIL_PANE),
                           "close-requested");
    g_assert_null (ringside_sub_account_page_get_details_item (page));
  }

  /* Alt+Left goes back too. */
  press_window_shortcut (window, "<Alt>Left");
  ringside_test_ui_wait_until (showing_main, app, "the accounts once more");
}


/* Details and safe changes: an agent's details open on activation; "Disable" asks first,
 * sends nothing when cancelled, changes the agent on the server when confirmed, and Undo
 * changes it back; a refusal (403) leaves it as it was and says why. */

static gboolean
label_below_contains (GtkWidget  *root,
                      const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (label_below_contains (child, text))
        return TRUE;
    }
  return FALSE;
}

static gboolean
no_message_dialog (gpointer data)
{
  return !ringside_test_ui_message_dialog_is_open (NULL);
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} LabelWait;

static gboolean
label_is_shown (gpointer data)
{
  LabelWait *wait = data;

  return label_below_contains (wait->widget, wait->text);
}

static gboolean
agent_active_is (RingsideAgent *agent,
                 gboolean       active)
{
  return ringside_agent_get_is_active (agent) == active;
}

static gboolean
agent_is_inactive (gpointer data)
{
  return agent_active_is (data, FALSE);
}

static gboolean
agent_is_active (gpointer data)
{
  return agent_active_is (data, TRUE);
}

static gboolean
button_is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

static gboolean
server_agent_active (Fixture    *f,
                     const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ringside_test_fetch (f->session, path, &error);
  JsonNode *flag;

  g_assert_no_error (error);
  flag = json_object_get_member (json_node_get_object (node), "isActive");
  if (json_node_get_value_type (flag) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (flag);
  return json_node_get_int (flag) != 0;
}

/* The row of the agent with @id, as the view shows it now (after a reload, a new item). */
static RingsideAgent *
shown_agent (RingsideListView *view,
             gint64            id)
{
  GListModel *rows = ringside_list_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RingsideAgent) agent = g_list_model_get_item (rows, i);

      if (ringside_agent_get_id (agent) == id)
        return agent;
    }
  g_error ("Agent %" G_GINT64_FORMAT " is not shown", id);
}

static void
test_details_and_changes (Fixture       *f,
                          gconstpointer  data)
{
  RingsideListView *agents = page_view (f, RINGSIDE_TYPE_AGENTS_VIEW);
  GListModel *rows;
  g_autoptr(RingsideAgent) agent = NULL;
  g_autoptr(RingsideActiveChange) change = NULL;
  RingsideDetailPane *pane;
  GtkWidget *disable;
  GtkWidget *undo;
  LabelWait wait;
  const char *path;
  g_autofree char *groups_path = g_strdup_printf ("/voice/api/v1/admin/accounts/%s/agentGroups",
                                                  f->account_id);

  open_and_wait (f, f->account_id);

  /* Enter on the first row opens its details beside the list. */
  g_assert_true (ringside_list_view_activate_first (agents));
  pane = RINGSIDE_DETAIL_PANE (find_descendant (GTK_WIDGET (f->page),
                                                RINGSIDE_TYPE_DETAIL_PANE));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (pane)));
  g_assert_nonnull (ringside_sub_account_page_get_details_item (f->page));

  /* An active agent's details: a "Disable" button. */
  rows = ringside_list_view_get_model (agents);
  for (guint i = 0; agent == NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RingsideAgent) candidate = g_list_model_get_item (rows, i);

      if (ringside_agent_get_is_active (candidate))
        agent = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (agent);
  g_signal_emit_by_name (agents, "item-activated", agent);
  g_assert_true (ringside_sub_account_page_get_details_item (f->page) == G_OBJECT (agent));
  wait.widget = GTK_WIDGET (pane);
  wait.text = ringside_agent_get_display_name (agent);
  ringside_test_ui_wait_until (label_is_shown, &wait, "the agent's name");
  save_screenshot (f->window, "details");

  change = ringside_active_change_new_agent (f->account_id,
                                             ringside_agent_get_group_id (agent),
                                             ringside_agent_get_id (agent),
                                             ringside_agent_get_display_name (agent), FALSE);
  path = ringside_active_change_get_path (change);
  ringside_demo_server_clear_requests (f->server);
  disable = ringside_test_ui_find_button (GTK_WIDGET (pane), "Disable");
  g_assert_nonnull (disable);

  /* Cancel: nothing reaches the server. */
  g_signal_emit_by_name (disable, "clicked");
  ringside_test_ui_wait_until (ringside_test_ui_message_dialog_is_open, NULL, "the question");
  ringside_test_ui_respond ("Cancel");
  ringside_test_ui_wait_until (no_message_dialog, NULL, "the question to close");
  g_assert_cmpuint (ringside_demo_server_count_requests (f->server, path), ==, 0);
  g_assert_true (ringside_agent_get_is_active (agent));

  /* Confirm: the server's agent is inactive, and so are the details and the row. The
   * keyboard is back on the button, which now says "Enable". */
  gtk_widget_grab_focus (disable);
  g_signal_emit_by_name (disable, "clicked");
  ringside_test_ui_wait_until (ringside_test_ui_message_dialog_is_open, NULL, "the question");
  ringside_test_ui_respond ("Disable");
  ringside_test_ui_wait_until (agent_is_inactive, agent, "the agent to be disabled");
  g_assert_false (server_agent_active (f, path));
  g_assert_true (ringside_test_ui_find_button (GTK_WIDGET (pane), "Enable") == disable);
  g_assert_true (gtk_window_get_focus (f->window) == disable);
  wait_settled (agents);
  g_assert_false (ringside_agent_get_is_active (shown_agent (agents,
                                                             ringside_agent_get_id (agent))));
  /* The row changed in place: the agents were not read again. */
  g_assert_cmpuint (ringside_demo_server_count_requests (f->server, groups_path), ==, 0);

  /* Undo, from the toast: active again, with no second question. */
  undo = ringside_test_ui_find_button (GTK_WIDGET (pane), "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  ringside_test_ui_wait_until (agent_is_active, agent, "the agent to be enabled again");
  g_assert_false (ringside_test_ui_message_dialog_is_open (NULL));
  g_assert_true (server_agent_active (f, path));
  wait_settled (agents);
  g_assert_true (ringside_agent_get_is_active (shown_agent (agents,
                                                            ringside_agent_get_id (agent))));

  /* Refused (403): as it was, and the reason shown. */
  disable = ringside_test_ui_find_button (GTK_WIDGET (pane), "Disable");
  g_assert_nonnull (disable);
  ringside_test_ui_wait_until (button_is_sensitive, disable, "the button");
  ringside_demo_server_set_fault (f->server, path, RINGSIDE_DEMO_FAULT_FORBIDDEN, 0, 100);
  g_signal_emit_by_name (disable, "clicked");
  ringside_test_ui_wait_until (ringside_test_ui_message_dialog_is_open, NULL, "the question");
  ringside_test_ui_respond ("Disable");
  wait.text = "Could not disable";
  ringside_test_ui_wait_until (label_is_shown, &wait, "the failure");
  ringside_test_ui_wait_until (button_is_sensitive, disable, "the button again");
  g_assert_true (ringside_agent_get_is_active (agent));
  ringside_demo_server_clear_faults (f->server);
  g_assert_true (server_agent_active (f, path));

  /* Escape closes the details. */
  g_signal_emit_by_name (pane, "close-requested");
  g_assert_null (ringside_sub_account_page_get_details_item (f->page));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (pane)));
}

static void
test_app_open_sub_account (void)
{
  const char * const args[] = { "--demo", NULL };

  ringside_test_ui_run_app (args, scenario_open_sub_account);
}

/* The application: Enter on a user's row opens the user's details beside the list, with
 * the fields in words; "Disable" then Undo switch the user off and on again. */

static gboolean
user_enabled_is_false (gpointer data)
{
  return !ringside_user_get_enabled (data);
}

static gboolean
user_enabled_is_true (gpointer data)
{
  return ringside_user_get_enabled (data);
}

/* The row below @root that links to @person's details. */
static GtkWidget *
find_person_row (GtkWidget *root,
                 GObject   *person)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child) && g_object_get_data (G_OBJECT (child), "person") == person)
        return child;
      found = find_person_row (child, person);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
scenario_user_details (RingsideApplication *app)
{
  RingsideWindow *window = ringside_test_ui_get_window (app);
  RingsideListView *users = ringside_test_ui_window_child (app, "users_view");
  GtkWidget *pane = ringside_test_ui_window_child (app, "user_details");
  GListModel *rows;
  RingsideUser *user = NULL;
  LabelWait wait;
  GtkWidget *button;
  GtkWidget *manager_row;

  ringside_test_ui_wait_until (ringside_test_ui_lists_are_shown, app, "both lists");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "users");
  wait_settled (users);

  /* An enabled user with a manager: its details say whom it reports to. */
  rows = ringside_list_view_get_model (users);
  for (guint i = 0; user == NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(RingsideUser) candidate = g_list_model_get_item (rows, i);

      if (ringside_user_get_enabled (candidate) && ringside_user_get_parent (candidate) != NULL)
        user = candidate;
    }
  g_assert_nonnull (user);
  g_signal_emit_by_name (users, "item-activated", user);
  g_assert_true (gtk_widget_get_visible (pane));
  g_assert_true (ringside_detail_pane_get_item (RINGSIDE_DETAIL_PANE (pane)) == G_OBJECT (user));
  wait.widget = pane;
  wait.text = "Reports To";
  ringside_test_ui_wait_until (label_is_shown, &wait, "the manager's row");
  wait.text = ringside_user_get_full_name (ringside_user_get_parent (user));
  ringside_test_ui_wait_until (label_is_shown, &wait, "the manager's name");
  save_screenshot (GTK_WINDOW (window), "user-details");

  /* What the demo sends and no row shows is under "More", its voicemail PIN is not. */
  wait.text = "Phone number E164";
  ringside_test_ui_wait_until (label_is_shown, &wait, "the unknown member");
  g_assert_false (label_below_contains (pane, "Voicemail"));
  g_assert_false (label_below_contains (pane, "Pin"));

  /* The manager's name is a link to the manager's details; back returns to the user. */
  g_assert_true (ringside_detail_pane_go_back (RINGSIDE_DETAIL_PANE (pane)) == FALSE);
  manager_row = find_person_row (pane, G_OBJECT (ringside_user_get_parent (user)));
  g_assert_nonnull (manager_row);
  g_signal_emit_by_name (manager_row, "activated");
  g_assert_true (ringside_detail_pane_get_item (RINGSIDE_DETAIL_PANE (pane)) ==
                 G_OBJECT (ringside_user_get_parent (user)));
  g_assert_nonnull (find_person_row (pane, G_OBJECT (user)));
  g_assert_true (ringside_detail_pane_go_back (RINGSIDE_DETAIL_PANE (pane)));
  g_assert_true (ringside_detail_pane_get_item (RINGSIDE_DETAIL_PANE (pane)) == G_OBJECT (user));

  button = ringside_test_ui_find_button (pane, "Disable");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ringside_test_ui_wait_until (ringside_test_ui_message_dialog_is_open, NULL, "the question");
  ringside_test_ui_respond ("Disable");
  ringside_test_ui_wait_until (user_enabled_is_false, user, "the user to be disabled");
  button = ringside_test_ui_find_button (pane, "Undo");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ringside_test_ui_wait_until (user_enabled_is_true, user, "the user to be enabled again");

  /* Escape (the pane's own binding) closes the details. */
  g_signal_emit_by_name (pane, "close-requested");
  g_assert_false (gtk_widget_get_visible (pane));
}

static void
test_app_user_details (void)
{
  const char * const args[] = { "--demo", NULL };

  ringside_test_ui_run_app (args, scenario_user_details);
}

/* A phone's 360 pixels: each view keeps the columns that say what a row is, the others make
 * way (and come back when the window is wide again). */

typedef struct
{
  RingsideListView   *view;
  const char * const *titles;   /* those shown, or NULL for all */
} ColumnsWait;

static gboolean
columns_shown_are (gpointer data)
{
  ColumnsWait *wait = data;
  GListModel *columns = gtk_column_view_get_columns (column_view (wait->view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      gboolean expected = wait->titles == NULL ||
                          g_strv_contains (wait->titles,
                                           gtk_column_view_column_get_title (column));

      if (gtk_column_view_column_get_visible (column) != expected)
        return FALSE;
    }
  return TRUE;
}

static void
move_page_to_window (Fixture *f,
                     int      width,
                     int      height)
{
  g_autoptr(GtkWidget) page = g_object_ref (GTK_WIDGET (f->page));
  GtkWindow *window = GTK_WINDOW (adw_window_new ());

  adw_window_set_content (ADW_WINDOW (f->window), NULL);
  gtk_window_destroy (f->window);
  gtk_window_set_default_size (window, width, height);
  adw_window_set_content (ADW_WINDOW (window), page);
  f->window = window;
  gtk_window_present (window);
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  static const char * const agents[] = { "Name", "User Name or E-mail", NULL };
  static const char * const queues[] = { "Name", "Group", NULL };
  static const char * const campaigns[] = { "Name", "Dial Group", NULL };
  static const char * const history[] = { "When", "What", NULL };
  static const char * const *narrow[] = { agents, queues, campaigns, history };

  move_page_to_window (f, 360, 720);
  open_and_wait (f, f->account_id);

  for (guint wide = 0; wide < 2; wide++)
    {
      if (wide)
        move_page_to_window (f, 1100, 640);

      for (guint position = 0; position < G_N_ELEMENTS (narrow); position++)
        {
          ColumnsWait wait;

          ringside_sub_account_page_show_view_at (f->page, position);
          wait.view = RINGSIDE_LIST_VIEW (ringside_sub_account_page_get_visible_view (f->page));
          wait.titles = wide ? NULL : narrow[position];
          ringside_test_ui_wait_until (columns_shown_are, &wait,
                                       wide ? "every column back" : "the columns to fit");
          if (wide)
            g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wait.view)), >=, 1000);
          else
            g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wait.view)), <=, 360);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/contact-centre/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("load", test_load);
  ADD ("forbidden-one-view", test_forbidden_one_view);
  ADD ("one-group-fails", test_one_group_fails);
  ADD ("one-group-forbidden", test_one_group_forbidden);
  ADD ("dial-groups-forbidden", test_dial_groups_forbidden);
  ADD ("search-and-sort", test_search_and_sort);
  ADD ("group-filter", test_group_filter);
  ADD ("export", test_export);
  ADD ("switch-account", test_switch_account);
  ADD ("details-and-changes", test_details_and_changes);
  ADD ("narrow", test_narrow);

#undef ADD

  g_test_add_func ("/contact-centre/app/open-sub-account", test_app_open_sub_account);
  g_test_add_func ("/contact-centre/app/user-details", test_app_user_details);

  return g_test_run ();
}
