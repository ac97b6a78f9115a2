/* test-list-rows.c
 *
 * What a user sees is the list: once a change has settled, every row widget of a list view's
 * column view shows the item that the view's model has at that row's position, and there are
 * as many rows as GTK keeps of the list, none of them blank. The rows are slots bound again
 * on a change (ringside-list-view-rows.c), so this checks the cells' texts, not the models.
 * Real views in a real window under Xvfb, loading from the in-process demo server through a
 * real session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "ringside-agent.h"
#include "ringside-agents-view.h"
#include "ringside-demo-server.h"
#include "ringside-session.h"
#include "ringside-slot-model.h"
#include "ringside-test-ui-utils.h"
#include "ringside-test-utils.h"
#include "ringside-user.h"
#include "ringside-users-view.h"

#define USERS_PATH "/voice/api/v1/admin/users"
#define MAX_COLUMNS 10

/* A column checked against the model: the cell at @column (its position in the .ui) shows
 * what @text says of the row's item (NULL as ""). */
typedef struct
{
  guint         column;
  const char *(*text) (gpointer item);
} ColumnCheck;

typedef struct
{
  RingsideDemoServer *server;
  RingsideSession    *session;
  GtkWindow          *window;
  RingsideListView   *view;
  const ColumnCheck  *checks;     /* the first is the name, which labels the row */
  guint               n_checks;
  guint               rows_kept;  /* how many rows GTK keeps of a long list, once seen */
} Fixture;

/* What a row widget shows. */
typedef struct
{
  GtkWidget   *widget;
  GtkListItem *list_item;
  guint        position;
  const char  *texts[MAX_COLUMNS];
} Row;

static GQuark list_item_quark;
static GQuark column_quark;

/* Columns */

static const char *
user_full_name (gpointer item)
{
  return ringside_user_get_full_name (item);
}

static const char *
user_user_name (gpointer item)
{
  return ringside_user_get_user_name (item);
}

static const char *
user_parent_name (gpointer item)
{
  return ringside_user_get_parent_name (item);
}

static const ColumnCheck user_checks[] = {
  { 0, user_full_name },
  { 1, user_user_name },
  { 3, user_parent_name },
};

static const char *
agent_display_name (gpointer item)
{
  return ringside_agent_get_display_name (item);
}

static const char *
agent_type (gpointer item)
{
  return ringside_agent_get_agent_type (item);
}

static const char *
agent_group_name (gpointer item)
{
  return ringside_agent_get_group_name (item);
}

static const ColumnCheck agent_checks[] = {
  { 0, agent_display_name },
  { 2, agent_type },
  { 3, agent_group_name },
};

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

static GtkColumnView *
column_view (Fixture *f)
{
  GtkWidget *found = find_descendant (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW);

  g_assert_nonnull (found);
  return GTK_COLUMN_VIEW (found);
}

static GtkColumnViewColumn *
column_titled (Fixture    *f,
               const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view (f));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_error ("No column titled “%s”", title);
}

static GListModel *
view_model (Fixture *f)
{
  return ringside_list_view_get_model (f->view);
}

/* What the column view shows: a selection over the slots. */
static RingsideSlotModel *
slot_model (Fixture *f)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (column_view (f));

  g_assert_true (GTK_IS_SINGLE_SELECTION (selection));
  g_assert_true (RINGSIDE_IS_SLOT_MODEL (
    gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection))));
  return RINGSIDE_SLOT_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)));
}

static const char *
visible_page (Fixture *f)
{
  return ringside_test_ui_view_page (GTK_WIDGET (f->view));
}

/* GTK 4.8 gives no way from a row widget to its GtkListItem: each cell's widget, as the
 * view's setup handler made it, is tagged with its list item and its column. */
static void
on_cell_setup (GtkListItemFactory *factory,
               GtkListItem        *list_item,
               gpointer            column)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  g_assert_nonnull (child);
  g_object_set_qdata (G_OBJECT (child), list_item_quark, list_item);
  g_object_set_qdata (G_OBJECT (child), column_quark, column);
}

static void
tag_cells (Fixture *f)
{
  GListModel *columns = gtk_column_view_get_columns (column_view (f));

  g_assert_cmpuint (g_list_model_get_n_items (columns), <=, MAX_COLUMNS);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      /* The column's position plus one, as qdata cannot hold 0. */
      g_signal_connect_after (gtk_column_view_column_get_factory (column), "setup",
                              G_CALLBACK (on_cell_setup), GUINT_TO_POINTER (i + 1));
    }
}

/* As src/ui/ringside-list-view.c reads a cell. */
static const char *
cell_text (GtkWidget *child)
{
  if (GTK_IS_INSCRIPTION (child))
    return gtk_inscription_get_text (GTK_INSCRIPTION (child));
  if (GTK_IS_LABEL (child))
    return gtk_label_get_label (GTK_LABEL (child));
  if (child != NULL && GTK_IS_LABEL (gtk_widget_get_first_child (child)))
    return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (child)));
  return NULL;
}

/* The row widgets in the order the list view holds them (GTK 4.8: its children are the rows,
 * a row's children the cells, a cell's child the view's widget). */
static GArray *
collect_rows (Fixture *f)
{
  GtkWidget *list_view = find_descendant (GTK_WIDGET (column_view (f)), GTK_TYPE_LIST_VIEW);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));

  g_assert_nonnull (list_view);
  for (GtkWidget *widget = gtk_widget_get_first_child (list_view);
       widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      Row row = { widget, NULL, G_MAXUINT, { NULL } };

      for (GtkWidget *cell = gtk_widget_get_first_child (widget);
           cell != NULL;
           cell = gtk_widget_get_next_sibling (cell))
        {
          GtkWidget *child = gtk_widget_get_first_child (cell);
          GtkListItem *list_item;
          guint column;

          if (child == NULL || (list_item = g_object_get_qdata (G_OBJECT (child),
                                                                list_item_quark)) == NULL)
            continue;

          column = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (child), column_quark)) - 1;
          /* Every cell of a row is at the row's position. */
          if (row.list_item != NULL)
            g_assert_cmpuint (gtk_list_item_get_position (list_item), ==, row.position);
          row.list_item = list_item;
          row.position = gtk_list_item_get_position (list_item);
          row.texts[column] = cell_text (child);
        }

      if (row.list_item != NULL)
        g_array_append_val (rows, row);
    }

  return rows;
}

/* The row widget at @position, or NULL. */
static GtkWidget *
row_at (GArray *rows,
        guint   position)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, Row, i).position == position)
      return g_array_index (rows, Row, i).widget;

  return NULL;
}

/* Waiting */

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
enough_frames (gpointer data)
{
  return *(guint *) data >= 2;
}

/* Lets the window lay out and paint what changed. */
static void
wait_for_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, on_tick, &frames, NULL);

  gtk_widget_queue_draw (widget);
  ringside_test_ui_wait_until (enough_frames, &frames, "two frames");
  gtk_widget_remove_tick_callback (widget, id);
}

static gboolean
is_loaded (gpointer data)
{
  Fixture *f = data;

  return !ringside_list_view_get_loading (f->view);
}

static void
reload_and_wait (Fixture *f)
{
  ringside_list_view_reload (f->view);
  g_assert_true (ringside_list_view_get_loading (f->view));
  ringside_test_ui_wait_until (is_loaded, f, "the list to load");
}

/* Nothing left to do: the filter has checked every row, the sort is done, and the slots
 * stand where the list is (no rows held back, no blank rows left to go). */
static gboolean
rows_are_settled (gpointer data)
{
  Fixture *f = data;
  GtkFilterListModel *filtered = GTK_FILTER_LIST_MODEL (view_model (f));
  GListModel *sorted = gtk_filter_list_model_get_model (filtered);

  g_assert_true (GTK_IS_SORT_LIST_MODEL (sorted));
  return gtk_filter_list_model_get_pending (filtered) == 0 &&
         gtk_sort_list_model_get_pending (GTK_SORT_LIST_MODEL (sorted)) == 0 &&
         !ringside_remote_list_get_searching (ringside_list_view_get_list (f->view)) &&
         ringside_slot_model_get_pending (slot_model (f)) == 0;
}

/* Until it is settled over a couple of frames: an idle may still change the filter. */
static void
wait_settled (Fixture *f)
{
  do
    {
      ringside_test_ui_wait_until (rows_are_settled, f, "the rows to settle");
      wait_for_frames (GTK_WIDGET (f->window));
    }
  while (!rows_are_settled (f));
}

static void
search (Fixture    *f,
        const char *text)
{
  ringside_list_view_set_search_text (f->view, text);
  wait_settled (f);
}

/* The check */

static void
check_label (GtkWidget  *row,
             const char *name)
{
  g_autofree char *label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               name);

  /* NULL when the label is @name; else what it is. */
  if (label != NULL)
    g_error ("The row showing “%s” is labelled “%s”", name, label);
}

/* What every row widget shows is the model's item at its position, in every checked column,
 * the rows in order from the top, none past the end of the list and none blank; and there
 * are as many as GTK keeps of a list this long. Returns the rows. */
static GArray *
check_rows (Fixture    *f,
            const char *when)
{
  GListModel *model = view_model (f);
  guint n_items = g_list_model_get_n_items (model);
  GArray *rows;

  g_test_message ("%s: %u rows in the model", when, n_items);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slot_model (f))), ==, n_items);

  rows = collect_rows (f);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      RingsideSlot *slot = gtk_list_item_get_item (row->list_item);
      g_autoptr(GObject) item = NULL;

      if (row->position >= n_items)
        g_error ("%s: a row widget at %u, past the %u rows of the list", when, row->position,
                 n_items);
      /* In order from the top, as the list view holds them. */
      g_assert_cmpuint (row->position, ==, i);

      item = g_list_model_get_item (model, row->position);
      g_assert_true (RINGSIDE_IS_SLOT (slot));
      g_assert_true (ringside_slot_get_item (slot) == (gpointer) item);

      for (guint c = 0; c < f->n_checks; c++)
        {
          const ColumnCheck *check = &f->checks[c];
          const char *expected = check->text (item);

          if (expected == NULL)
            expected = "";
          if (g_strcmp0 (row->texts[check->column], expected) != 0)
            g_error ("%s: the row at %u shows “%s” in column %u, where the model has “%s”",
                     when, row->position, row->texts[check->column], check->column, expected);
        }

      /* Not blank: every item has a name. */
      g_assert_cmpstr (row->texts[f->checks[0].column], !=, "");
      check_label (row->widget, row->texts[f->checks[0].column]);
    }

  /* As many rows as GTK keeps (all of a short list): none missing, none left over. */
  g_assert_cmpuint (rows->len, ==, MIN (n_items, f->rows_kept));

  return rows;
}

/* How many rows GTK keeps of @f's list, which must be longer than that: a long list shows a
 * screenful and some more, not every row. */
static void
learn_rows_kept (Fixture *f)
{
  g_autoptr(GArray) rows = collect_rows (f);
  guint n_items = g_list_model_get_n_items (view_model (f));

  g_test_message ("GTK keeps %u row widgets of %u rows", rows->len, n_items);
  g_assert_cmpuint (rows->len, >, 20);
  g_assert_cmpuint (rows->len, <, n_items);
  f->rows_kept = rows->len;
}

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
  GType view_type = GPOINTER_TO_SIZE (data);
  g_autoptr(GError) error = NULL;
  gboolean signed_in = FALSE;
  const char *url;

  f->server = ringside_demo_server_new ();
  ringside_demo_server_start (f->server, &error);
  g_assert_no_error (error);
  url = ringside_demo_server_get_url (f->server);

  f->session = ringside_session_new (url, url, NULL, NULL);
  ringside_session_set_persistent (f->session, FALSE);
  ringside_session_sign_in_with_token_async (f->session, RINGSIDE_DEMO_RC_ACCESS_TOKEN, NULL,
                                             on_signed_in, &signed_in);
  ringside_test_wait_for (&signed_in, 30);

  f->view = g_object_new (view_type, "session", f->session, NULL);
  if (view_type == RINGSIDE_TYPE_AGENTS_VIEW)
    {
      f->checks = agent_checks;
      f->n_checks = G_N_ELEMENTS (agent_checks);
    }
  else
    {
      f->checks = user_checks;
      f->n_checks = G_N_ELEMENTS (user_checks);
    }
  f->rows_kept = G_MAXUINT;
  tag_cells (f);

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1100, 640);
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->view));
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
}

/* Users */

/* The 300 users load, the first 256 rows a step per frame and the rest at once. */
static void
test_users_load (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GArray) rows = NULL;

  reload_and_wait (f);
  wait_settled (f);
  g_assert_cmpstr (visible_page (f), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (view_model (f)), ==,
                    ringside_demo_server_get_n_users (f->server, FALSE));

  learn_rows_kept (f);
  rows = check_rows (f, "loaded");
}

/* Each keystroke, forth and back; the rows at the top stay the same widgets, bound again. */
static void
test_users_search (Fixture       *f,
                   gconstpointer  data)
{
  const char *texts[] = { "g", "ga", "gar", "ga", "" };
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  guint n_users;

  reload_and_wait (f);
  wait_settled (f);
  n_users = g_list_model_get_n_items (view_model (f));
  learn_rows_kept (f);
  before = check_rows (f, "loaded");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *when = g_strdup_printf ("search “%s”", texts[i]);
      g_autoptr(GArray) rows = NULL;

      search (f, texts[i]);
      g_assert_cmpstr (visible_page (f), ==, "list");
      rows = check_rows (f, when);

      /* The first keystroke narrows the list, which stays long. */
      if (i == 0)
        {
          guint n_items = g_list_model_get_n_items (view_model (f));

          g_assert_cmpuint (n_items, <, n_users);
          g_assert_cmpuint (n_items, >, 10);
          after = g_steal_pointer (&rows);
        }
    }
  g_assert_cmpuint (g_list_model_get_n_items (view_model (f)), ==, n_users);

  /* Bound again, not built anew. */
  for (guint position = 0; position < 10; position++)
    {
      g_assert_nonnull (row_at (before, position));
      g_assert_true (row_at (before, position) == row_at (after, position));
    }
}

/* By another column, both ways, then by name again. */
static void
test_users_sort (Fixture       *f,
                 gconstpointer  data)
{
  GtkColumnView *columns = column_view (f);
  g_autoptr(GArray) loaded = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(RingsideUser) first = NULL;
  g_autoptr(RingsideUser) last = NULL;

  reload_and_wait (f);
  wait_settled (f);
  learn_rows_kept (f);
  loaded = check_rows (f, "loaded");

  gtk_column_view_sort_by_column (columns, column_titled (f, "User Name"), GTK_SORT_ASCENDING);
  wait_settled (f);
  g_clear_pointer (&rows, g_array_unref);
  rows = check_rows (f, "by user name");
  first = g_list_model_get_item (view_model (f), 0);

  gtk_column_view_sort_by_column (columns, column_titled (f, "User Name"),
                                  GTK_SORT_DESCENDING);
  wait_settled (f);
  g_clear_pointer (&rows, g_array_unref);
  rows = check_rows (f, "by user name, descending");
  last = g_list_model_get_item (view_model (f),
                                g_list_model_get_n_items (view_model (f)) - 1);
  /* The order did turn round. */
  g_assert_true (first == last);

  gtk_column_view_sort_by_column (columns, column_titled (f, "ID"), GTK_SORT_DESCENDING);
  wait_settled (f);
  g_clear_pointer (&rows, g_array_unref);
  rows = check_rows (f, "by ID, descending");

  gtk_column_view_sort_by_column (columns, column_titled (f, "Name"), GTK_SORT_ASCENDING);
  wait_settled (f);
  g_clear_pointer (&rows, g_array_unref);
  rows = check_rows (f, "by name again");

  /* Sorting rebinds the rows too. */
  for (guint position = 0; position < 10; position++)
    g_assert_true (row_at (loaded, position) == row_at (rows, position));
}

/* How many of every user loaded match @text as the search does. */
static guint
count_matching (Fixture    *f,
                const char *text)
{
  GListModel *items = G_LIST_MODEL (ringside_remote_list_get_items (
    ringside_list_view_get_list (f->view)));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RingsideUser) user = g_list_model_get_item (items, i);

      n += ringside_user_matches (user, needle);
    }
  return n;
}

/* A search that two users match: the front of the address of one whose name another has too
 * ("ana.li2@…" after "ana.li@…"). */
static char *
find_two_row_search (Fixture *f)
{
  GListModel *model = view_model (f);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RingsideUser) user = g_list_model_get_item (model, i);
      const char *user_name = ringside_user_get_user_name (user);
      const char *at = strstr (user_name, "2@");
      g_autofree char *text = NULL;

      if (at == NULL)
        continue;

      text = g_strndup (user_name, at - user_name);
      if (count_matching (f, text) == 2)
        return g_steal_pointer (&text);
    }

  g_error ("No two users share a name in the demo data");
}

/* Two rows, then none ("No Results"), then all again. */
static void
test_users_few_then_none (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GArray) rows = NULL;
  g_autofree char *two = NULL;
  guint n_users;

  reload_and_wait (f);
  wait_settled (f);
  n_users = g_list_model_get_n_items (view_model (f));
  learn_rows_kept (f);
  rows = check_rows (f, "loaded");

  two = find_two_row_search (f);
  search (f, two);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (f)), ==, 2);
  g_assert_cmpstr (visible_page (f), ==, "list");
  g_clear_pointer (&rows, g_array_unref);
  rows = check_rows (f, "two rows");
  g_assert_cmpuint (rows->len, ==, 2);

  search (f, "zzzz-nobody-by-this-name");
  g_assert_cmpuint (g_list_model_get_n_items (view_model (f)), ==, 0);
  g_assert_cmpstr (visible_page (f), ==, "no-results");
  g_clear_pointer (&rows, g_array_unref);
  rows = check_rows (f, "no rows");
  g_assert_cmpuint (rows->len, ==, 0);

  search (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (view_model (f)), ==, n_users);
  g_assert_cmpstr (visible_page (f), ==, "list");
  g_clear_pointer (&rows, g_array_unref);
  rows = check_rows (f, "cleared");
}

/* A users list whose managers come after their reports: the first part of the answer holds
 * everyone with a manager of their own below the top (team leads and agents), the second,
 * sent when the test says, the top managers and the root user they report to. */
typedef struct
{
  char              *first_part;   /* "[" and elements, each followed by "," */
  char              *second_part;  /* the other elements and "]" */
  guint              n_first;
  SoupServerMessage *message;      /* the answer held after its first part */
} LateManagers;

static void
late_managers_init (LateManagers *late,
                    JsonArray    *users)
{
  g_autoptr(GString) first = g_string_new ("[");
  g_autoptr(GString) second = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *user = json_array_get_object_element (users, i);
      const char *path = json_object_get_string_member_with_default (user, "parentPath", "");
      g_autofree char *text = json_to_string (json_array_get_element (users, i), FALSE);

      /* "root.manager" and deeper: someone who reports to a manager. */
      if (strchr (path != NULL ? path : "", '.') != NULL)
        {
          g_string_append_printf (first, "%s,", text);
          late->n_first++;
        }
      else
        g_string_append_printf (second, "%s%s", second->len > 0 ? "," : "", text);
    }
  g_string_append_c (second, ']');

  late->first_part = g_string_free (g_steal_pointer (&first), FALSE);
  late->second_part = g_string_free (g_steal_pointer (&second), FALSE);
}

/* Sends the first part; with nothing more to send, the server holds the answer. */
static void
on_users_request (SoupServer        *server,
                  SoupServerMessage *message,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  LateManagers *late = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  g_assert_null (late->message);
  late->message = g_object_ref (message);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_COPY,
                            late->first_part, strlen (late->first_part));
}

static void
late_managers_send_rest (LateManagers *late)
{
  SoupMessageBody *body = soup_server_message_get_response_body (late->message);

  soup_message_body_append (body, SOUP_MEMORY_COPY, late->second_part,
                            strlen (late->second_part));
  soup_message_body_complete (body);
  soup_server_message_unpause (late->message);
  g_clear_object (&late->message);
}

typedef struct
{
  Fixture *f;
  guint    n;
} Count;

static gboolean
has_n_total (gpointer data)
{
  Count *count = data;

  return ringside_remote_list_get_n_total (ringside_list_view_get_list (count->f->view)) ==
         count->n;
}

/* The "Reports To" cells follow the list's links between users, however late a manager
 * arrives. Sorted by ID, descending, the managers (the lowest IDs) go after every row
 * already shown: their reports keep their rows, which only the list's word that it linked
 * them late makes show their manager. 120 users, so that GTK keeps a row for each. */
static void
test_users_late_managers (Fixture       *f,
                          gconstpointer  data)
{
  SoupServer *soup_server = ringside_demo_server_get_soup_server (f->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GArray) rows = NULL;
  LateManagers late = { NULL };
  Count count = { f, 0 };
  GtkWidget *waiting_row = NULL;
  guint waiting_position = G_MAXUINT;
  guint n_waiting = 0;

  ringside_demo_server_set_sizes (f->server, 12, 120);
  body = ringside_test_fetch (f->session, USERS_PATH "?flatten=true", &error);
  g_assert_no_error (error);
  late_managers_init (&late, json_node_get_array (body));
  g_assert_cmpuint (late.n_first, >, 0);
  g_assert_cmpuint (late.n_first, <, json_array_get_length (json_node_get_array (body)));
  soup_server_add_handler (soup_server, USERS_PATH, on_users_request, &late, NULL);

  gtk_column_view_sort_by_column (column_view (f), column_titled (f, "ID"),
                                  GTK_SORT_DESCENDING);
  ringside_list_view_reload (f->view);
  count.n = late.n_first;
  ringside_test_ui_wait_until (has_n_total, &count, "the reports to arrive");
  g_assert_true (ringside_list_view_get_loading (f->view));
  wait_settled (f);
  rows = check_rows (f, "reports without their managers");

  /* The team leads wait for their managers, with an empty cell. */
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autoptr(RingsideUser) user = g_list_model_get_item (view_model (f), row->position);

      if (ringside_user_get_parent_id (user) == 0 || ringside_user_get_parent (user) != NULL)
        continue;

      g_assert_cmpstr (row->texts[3], ==, "");
      n_waiting++;
      waiting_row = row->widget;
      waiting_position = row->position;
    }
  g_assert_cmpuint (n_waiting, >, 0);

  late_managers_send_rest (&late);
  ringside_test_ui_wait_until (is_loaded, f, "the managers to arrive");
  wait_settled (f);
  g_assert_cmpuint (g_list_model_get_n_items (view_model (f)), ==,
                    json_array_get_length (json_node_get_array (body)));
  g_clear_pointer (&rows, g_array_unref);
  rows = check_rows (f, "managers arrived");

  /* Everyone who has a manager shows one, and a lead that waited kept its row. */
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autoptr(RingsideUser) user = g_list_model_get_item (view_model (f), row->position);

      if (ringside_user_get_parent_id (user) != 0)
        {
          g_assert_nonnull (ringside_user_get_parent (user));
          g_assert_cmpstr (row->texts[3], !=, "");
        }
    }
  g_assert_true (row_at (rows, waiting_position) == waiting_row);

  soup_server_remove_handler (soup_server, USERS_PATH);
  g_free (late.first_part);
  g_free (late.second_part);
}

/* Agents: the big sub-account's, read group by group */

static void
test_agents_big (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *account_id = ringside_demo_server_get_account_id (f->server, 1);
  const char *values[] = { "accountId", account_id, NULL };
  const char *texts[] = { "a", "an", "ann", "an", "" };
  g_autoptr(GArray) loaded = NULL;
  g_autoptr(GArray) rows = NULL;
  guint n_agents;

  ringside_list_view_set_path_values (f->view, values);
  reload_and_wait (f);
  wait_settled (f);
  n_agents = g_list_model_get_n_items (view_model (f));
  g_assert_cmpuint (n_agents, ==, ringside_demo_server_get_n_agents (f->server, account_id));
  learn_rows_kept (f);
  loaded = check_rows (f, "loaded");

  gtk_column_view_sort_by_column (column_view (f), column_titled (f, "Group"),
                                  GTK_SORT_DESCENDING);
  wait_settled (f);
  rows = check_rows (f, "by group, descending");
  for (guint position = 0; position < 10; position++)
    g_assert_true (row_at (loaded, position) == row_at (rows, position));

  /* "ann" matches no one: the rows go, and come back. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *when = g_strdup_printf ("search “%s”", texts[i]);

      search (f, texts[i]);
      g_clear_pointer (&rows, g_array_unref);
      rows = check_rows (f, when);
      g_assert_cmpstr (visible_page (f), ==, i == 2 ? "no-results" : "list");
    }
  g_assert_cmpuint (g_list_model_get_n_items (view_model (f)), ==, n_agents);
}

/* The first rows come a few a frame, as GTK builds a row for each, from the frame after the
 * one that shows the table; once GTK builds no more rows (about 205 in GTK 4.8), the rest of
 * the list is there by the next frame. */
typedef struct
{
  GtkWidget *widget;
  gint64     last_build_frame;  /* when GTK last built a cell */
  gint64     full_frame;        /* when the rows reached the list's length */
  guint      first_step;        /* how many rows the first growth added */
  gint64     first_frame;       /* when it did */
  gint64     shown_frame;       /* the last frame before the table's page was shown */
} Pacing;

static gint64
frame_of (GtkWidget *widget)
{
  return gdk_frame_clock_get_frame_counter (gtk_widget_get_frame_clock (widget));
}

static void
on_pacing_setup (Pacing *pacing)
{
  pacing->last_build_frame = frame_of (pacing->widget);
}

static void
on_pacing_rows_changed (GListModel *rows,
                        guint       position,
                        guint       removed,
                        guint       added,
                        Pacing     *pacing)
{
  GListModel *list = ringside_slot_model_get_source (RINGSIDE_SLOT_MODEL (rows));

  if (pacing->first_step == 0 && added > 0)
    {
      pacing->first_step = added;
      pacing->first_frame = frame_of (pacing->widget);
    }
  if (pacing->full_frame < 0 && g_list_model_get_n_items (rows) > 0 &&
      g_list_model_get_n_items (rows) == g_list_model_get_n_items (list))
    pacing->full_frame = frame_of (pacing->widget);
}

static void
on_pacing_page (GtkStack   *stack,
                GParamSpec *pspec,
                Pacing     *pacing)
{
  if (pacing->shown_frame < 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (stack), "list") == 0)
    pacing->shown_frame = frame_of (pacing->widget);
}

static void
test_agents_paced (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *account_id = ringside_demo_server_get_account_id (f->server, 1);
  const char *values[] = { "accountId", account_id, NULL };
  Pacing pacing = { GTK_WIDGET (column_view (f)), -1, -1, 0, -1, -1 };
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                  G_OBJECT_TYPE (f->view), "stack");
  GListModel *columns = gtk_column_view_get_columns (column_view (f));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_signal_connect_swapped (gtk_column_view_column_get_factory (column), "setup",
                                G_CALLBACK (on_pacing_setup), &pacing);
    }
  g_signal_connect (slot_model (f), "items-changed", G_CALLBACK (on_pacing_rows_changed),
                    &pacing);
  g_signal_connect (stack, "notify::visible-child-name", G_CALLBACK (on_pacing_page),
                    &pacing);

  ringside_list_view_set_path_values (f->view, values);
  reload_and_wait (f);
  wait_settled (f);

  g_assert_cmpuint (g_list_model_get_n_items (view_model (f)), >, 1000);
  g_assert_cmpuint (pacing.first_step, <=, 16);
  g_assert_cmpint (pacing.last_build_frame, >=, 0);
  g_assert_cmpint (pacing.full_frame, >=, 0);
  g_assert_cmpint (pacing.full_frame, <=, pacing.last_build_frame + 1);
  /* The frame that first shows the table draws it without rows: they come in the next. */
  g_assert_cmpint (pacing.shown_frame, >=, 0);
  g_assert_cmpint (pacing.first_frame, >=, pacing.shown_frame + 2);

  g_signal_handlers_disconnect_by_data (slot_model (f), &pacing);
  g_signal_handlers_disconnect_by_data (stack, &pacing);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_signal_handlers_disconnect_by_data (gtk_column_view_column_get_factory (column),
                                            &pacing);
    }
}

/* GTK's test accessibility backend (GTK_A11Y=test) prints every state change on stdout,
 * which is the TAP stream: those lines are dropped. */
static void
print_handler (const char *text)
{
  if (g_str_has_prefix (text, "Accessible state changed"))
    return;

  fputs (text, stdout);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* As in test-views.c: GL under Xvfb renders in software, too slowly. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  /* Rows' accessible labels are read back through GTK's test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_set_print_handler (print_handler);
  gtk_init ();
  adw_init ();

  list_item_quark = g_quark_from_static_string ("test-list-rows-list-item");
  column_quark = g_quark_from_static_string ("test-list-rows-column");

#define ADD_TEST(path, type, func) \
  g_test_add (path, Fixture, GSIZE_TO_POINTER (type), fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/list-rows/users/load", RINGSIDE_TYPE_USERS_VIEW, test_users_load);
  ADD_TEST ("/list-rows/users/search", RINGSIDE_TYPE_USERS_VIEW, test_users_search);
  ADD_TEST ("/list-rows/users/sort", RINGSIDE_TYPE_USERS_VIEW, test_users_sort);
  ADD_TEST ("/list-rows/users/few-then-none", RINGSIDE_TYPE_USERS_VIEW,
            test_users_few_then_none);
  ADD_TEST ("/list-rows/users/late-managers", RINGSIDE_TYPE_USERS_VIEW,
            test_users_late_managers);
  ADD_TEST ("/list-rows/agents/big", RINGSIDE_TYPE_AGENTS_VIEW, test_agents_big);
  ADD_TEST ("/list-rows/agents/paced", RINGSIDE_TYPE_AGENTS_VIEW, test_agents_paced);

#undef ADD_TEST

  return g_test_run ();
}
