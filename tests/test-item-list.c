/* test-item-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>

#include "ringside-item-list.h"
#include "ringside-user.h"

/* What a list told its listeners, in order. */

typedef enum
{
  EVENT_ITEMS_CHANGED,
  EVENT_NOTIFY_N_ITEMS,
} EventKind;

typedef struct
{
  EventKind kind;
  guint     position;   /* items-changed only */
  guint     removed;
  guint     added;
  guint     n_items;    /* what the list held when the event came */
} Event;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  Event event = { EVENT_ITEMS_CHANGED, position, removed, added,
                  g_list_model_get_n_items (model) };

  g_array_append_val (user_data, event);
}

static void
on_notify_n_items (GObject    *object,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  Event event = { EVENT_NOTIFY_N_ITEMS, 0, 0, 0, 0 };

  g_object_get (object, "n-items", &event.n_items, NULL);
  g_array_append_val (user_data, event);
}

/* Records the events of @list into the returned array until the list goes away. */
static GArray *
record_events (RingsideItemList *list)
{
  GArray *events = g_array_new (FALSE, FALSE, sizeof (Event));

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), events);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (on_notify_n_items), events);
  return events;
}

static void
assert_items_changed (GArray *events,
                      guint   index,
                      guint   position,
                      guint   removed,
                      guint   added,
                      guint   n_items)
{
  Event *event;

  g_assert_cmpuint (index, <, events->len);
  event = &g_array_index (events, Event, index);
  g_assert_cmpint (event->kind, ==, EVENT_ITEMS_CHANGED);
  g_assert_cmpuint (event->position, ==, position);
  g_assert_cmpuint (event->removed, ==, removed);
  g_assert_cmpuint (event->added, ==, added);
  g_assert_cmpuint (event->n_items, ==, n_items);
}

static void
assert_notify_n_items (GArray *events,
                       guint   index,
                       guint   n_items)
{
  Event *event;

  g_assert_cmpuint (index, <, events->len);
  event = &g_array_index (events, Event, index);
  g_assert_cmpint (event->kind, ==, EVENT_NOTIFY_N_ITEMS);
  g_assert_cmpuint (event->n_items, ==, n_items);
}

/* @n_items new plain objects. */
static GPtrArray *
new_objects (guint n_items)
{
  GPtrArray *objects = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (objects, g_object_new (G_TYPE_OBJECT, NULL));
  return objects;
}

/* Tests */

static void
test_new (void)
{
  g_autoptr(RingsideItemList) list = ringside_item_list_new (G_TYPE_SIMPLE_ACTION);
  GType item_type = G_TYPE_INVALID;
  guint n_items = G_MAXUINT;

  g_assert_true (G_IS_LIST_MODEL (list));
  g_assert_cmpuint (g_list_model_get_item_type (G_LIST_MODEL (list)), ==,
                    G_TYPE_SIMPLE_ACTION);
  g_object_get (list, "item-type", &item_type, "n-items", &n_items, NULL);
  g_assert_cmpuint (item_type, ==, G_TYPE_SIMPLE_ACTION);
  g_assert_cmpuint (n_items, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));
  g_assert_null (ringside_item_list_peek (list, 0));
}

static void
test_append (void)
{
  g_autoptr(RingsideItemList) list = ringside_item_list_new (G_TYPE_OBJECT);
  g_autoptr(GArray) events = record_events (list);
  g_autoptr(GPtrArray) first = new_objects (3);
  g_autoptr(GPtrArray) second = new_objects (2);

  ringside_item_list_append (list, first);
  g_assert_cmpuint (events->len, ==, 2);
  assert_items_changed (events, 0, 0, 0, 3, 3);
  assert_notify_n_items (events, 1, 3);

  ringside_item_list_append (list, second);
  g_assert_cmpuint (events->len, ==, 4);
  assert_items_changed (events, 2, 3, 0, 2, 5);
  assert_notify_n_items (events, 3, 5);

  /* In order, and the very objects given. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  for (guint i = 0; i < 3; i++)
    g_assert_true (ringside_item_list_peek (list, i) == first->pdata[i]);
  for (guint i = 0; i < 2; i++)
    g_assert_true (ringside_item_list_peek (list, 3 + i) == second->pdata[i]);
  g_assert_null (ringside_item_list_peek (list, 5));
  g_assert_null (ringside_item_list_peek (list, G_MAXUINT));
}

/* An item the app changed is announced in place, its position replaced by itself; the count
 * does not change, so n-items is not notified. An item not in the list announces nothing. */
static void
test_item_changed (void)
{
  g_autoptr(RingsideItemList) list = ringside_item_list_new (G_TYPE_OBJECT);
  g_autoptr(GPtrArray) items = new_objects (4);
  g_autoptr(GObject) stranger = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GArray) events = NULL;

  ringside_item_list_append (list, items);
  events = record_events (list);

  g_assert_true (ringside_item_list_item_changed (list, items->pdata[2]));
  g_assert_cmpuint (events->len, ==, 1);
  assert_items_changed (events, 0, 2, 1, 1, 4);

  g_assert_false (ringside_item_list_item_changed (list, stranger));
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_true (ringside_item_list_peek (list, 2) == items->pdata[2]);
}

static void
test_references (void)
{
  RingsideItemList *list = ringside_item_list_new (G_TYPE_OBJECT);
  GPtrArray *objects = new_objects (2);
  GObject *kept = objects->pdata[0];
  GObject *dropped = objects->pdata[1];
  GObject *item;

  g_object_add_weak_pointer (kept, (gpointer *) &kept);
  g_object_add_weak_pointer (dropped, (gpointer *) &dropped);

  /* The list holds references of its own... */
  ringside_item_list_append (list, objects);
  g_assert_cmpuint (objects->len, ==, 2);
  g_clear_pointer (&objects, g_ptr_array_unref);
  g_assert_nonnull (kept);
  g_assert_nonnull (dropped);

  /* ...get_item() hands out a new one and peek() none... */
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (item == kept);
  g_assert_true (ringside_item_list_peek (list, 0) == kept);
  g_assert_cmpuint (kept->ref_count, ==, 2);

  /* ...and lets go of them all with the list. */
  g_clear_object (&list);
  g_assert_null (dropped);
  g_assert_nonnull (kept);
  g_object_unref (item);
  g_assert_null (kept);
}

static void
test_get_item (void)
{
  g_autoptr(RingsideItemList) list = ringside_item_list_new (G_TYPE_OBJECT);
  g_autoptr(GPtrArray) objects = new_objects (3);

  ringside_item_list_append (list, objects);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (item == objects->pdata[i]);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), G_MAXUINT));
  g_assert_null (g_list_model_get_object (G_LIST_MODEL (list), 3));
}

typedef struct
{
  GObject  *watched;     /* a weak pointer to one of the removed items */
  gboolean  was_alive;   /* whether it was still alive during items-changed */
} RemovalWatch;

static void
on_removed (GListModel *model,
            guint       position,
            guint       removed,
            guint       added,
            gpointer    user_data)
{
  RemovalWatch *watch = user_data;

  watch->was_alive = watch->watched != NULL;
}

static void
test_remove_all (void)
{
  g_autoptr(RingsideItemList) list = ringside_item_list_new (G_TYPE_OBJECT);
  g_autoptr(GArray) events = record_events (list);
  GPtrArray *objects = new_objects (4);
  RemovalWatch watch = { objects->pdata[2], FALSE };
  g_autoptr(GPtrArray) again = new_objects (1);

  g_object_add_weak_pointer (watch.watched, (gpointer *) &watch.watched);
  ringside_item_list_append (list, objects);
  g_clear_pointer (&objects, g_ptr_array_unref);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_removed), &watch);
  g_array_set_size (events, 0);

  ringside_item_list_remove_all (list);
  g_assert_cmpuint (events->len, ==, 2);
  assert_items_changed (events, 0, 0, 4, 0, 0);
  assert_notify_n_items (events, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (ringside_item_list_peek (list, 0));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));

  /* Listeners may still look at what went away; afterwards it is released. */
  g_assert_true (watch.was_alive);
  g_assert_null (watch.watched);

  /* The list fills again from its start. */
  g_signal_handlers_disconnect_by_func (list, on_removed, &watch);
  ringside_item_list_append (list, again);
  assert_items_changed (events, 2, 0, 0, 1, 1);
  g_assert_true (ringside_item_list_peek (list, 0) == again->pdata[0]);
}

static void
test_no_change_no_signal (void)
{
  g_autoptr(RingsideItemList) list = ringside_item_list_new (G_TYPE_OBJECT);
  g_autoptr(GArray) events = record_events (list);
  g_autoptr(GPtrArray) none = new_objects (0);
  g_autoptr(GPtrArray) one = new_objects (1);

  ringside_item_list_remove_all (list);
  ringside_item_list_append (list, none);
  g_assert_cmpuint (events->len, ==, 0);

  ringside_item_list_append (list, one);
  g_assert_cmpuint (events->len, ==, 2);
  ringside_item_list_append (list, none);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  ringside_item_list_remove_all (list);
  g_assert_cmpuint (events->len, ==, 4);
  ringside_item_list_remove_all (list);
  g_assert_cmpuint (events->len, ==, 4);
}

static void
test_item_type (void)
{
  /* An interface type: any object that implements it is welcome. */
  g_autoptr(RingsideItemList) list = ringside_item_list_new (G_TYPE_ACTION);
  g_autoptr(GArray) events = record_events (list);
  g_autoptr(GPtrArray) good = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) mixed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) with_null = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (good, g_simple_action_new ("one", NULL));
  ringside_item_list_append (list, good);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_array_set_size (events, 0);

  /* One stranger, even after a good item, keeps the whole batch out. */
  g_ptr_array_add (mixed, g_simple_action_new ("two", NULL));
  g_ptr_array_add (mixed, g_simple_action_group_new ());
  g_test_expect_message ("Ringside", G_LOG_LEVEL_CRITICAL, "*G_TYPE_CHECK_INSTANCE_TYPE*");
  ringside_item_list_append (list, mixed);
  g_test_assert_expected_messages ();

  g_ptr_array_add (with_null, g_simple_action_new ("three", NULL));
  g_ptr_array_add (with_null, NULL);
  g_test_expect_message ("Ringside", G_LOG_LEVEL_CRITICAL, "*G_TYPE_CHECK_INSTANCE_TYPE*");
  ringside_item_list_append (list, with_null);
  g_test_assert_expected_messages ();
  g_ptr_array_steal_index (with_null, 1);  /* g_object_unref() refuses NULL */

  g_assert_cmpuint (events->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
test_new_refuses_non_objects (void)
{
  RingsideItemList *list;

  g_test_expect_message ("Ringside", G_LOG_LEVEL_CRITICAL, "*g_type_is_a*");
  list = ringside_item_list_new (G_TYPE_INT);
  g_test_assert_expected_messages ();
  g_assert_null (list);
}

/* A listener that appends in turn sees the list as its signal says, every time. */
static void
append_once_more (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  g_autoptr(GPtrArray) more = NULL;
  gboolean *appended = user_data;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, position + added);
  if (*appended)
    return;

  *appended = TRUE;
  more = new_objects (1);
  ringside_item_list_append (RINGSIDE_ITEM_LIST (model), more);
}

static void
test_append_from_handler (void)
{
  g_autoptr(RingsideItemList) list = ringside_item_list_new (G_TYPE_OBJECT);
  g_autoptr(GPtrArray) objects = new_objects (2);
  g_autoptr(GArray) events = NULL;
  gboolean appended = FALSE;

  g_signal_connect (list, "items-changed", G_CALLBACK (append_once_more), &appended);
  events = record_events (list);
  ringside_item_list_append (list, objects);

  /* The nested change comes first to the later listeners, then both notifications. */
  g_assert_cmpuint (events->len, ==, 4);
  assert_items_changed (events, 0, 2, 0, 1, 3);
  assert_notify_n_items (events, 1, 3);
  assert_items_changed (events, 2, 0, 0, 2, 3);
  assert_notify_n_items (events, 3, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

/* Relations: users and their parents */

/* A user from JSON: {"userId": id, "fullName": name, "parentPath": "parent"}; a parent
 * path of "0" is no parent. */
static RingsideUser *
new_user (gint64      id,
          gint64      parent_id,
          const char *name)
{
  g_autofree char *json = g_strdup_printf ("{\"userId\": %" G_GINT64_FORMAT ", "
                                           "\"fullName\": \"%s\", \"parentPath\": \"%"
                                           G_GINT64_FORMAT "\"}",
                                           id, name, parent_id);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  node = json_from_string (json, &error);
  g_assert_no_error (error);
  g_assert_true (ringside_user_parse_json (node, users, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 1);
  return g_object_ref (users->pdata[0]);
}

static void
append_users (RingsideItemList *list,
              ...)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;
  RingsideUser *user;

  va_start (args, list);
  while ((user = va_arg (args, RingsideUser *)) != NULL)
    g_ptr_array_add (batch, user);
  va_end (args);

  ringside_item_list_append (list, batch);
}

static void
on_parent_notify (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  guint *n_notified = user_data;

  (*n_notified)++;
}

/* Whichever comes first, a user and its parent are linked once both are in; users linked
 * after they were added are announced, so that sorted views place them again. */
static void
test_relation (void)
{
  g_autoptr(RingsideItemList) list = ringside_item_list_new_for_kind (&ringside_users_list_kind);
  g_autoptr(GArray) events = record_events (list);
  g_autoptr(RingsideUser) boss = new_user (1, 0, "Boss");
  g_autoptr(RingsideUser) early = new_user (5, 3, "Early");
  g_autoptr(RingsideUser) orphan = new_user (6, 99, "Orphan");
  g_autoptr(RingsideUser) manager = new_user (3, 1, "Manager");
  g_autoptr(RingsideUser) same_batch = new_user (7, 8, "Same Batch");
  g_autoptr(RingsideUser) late_parent = new_user (8, 1, "Late Parent");
  guint n_notified = 0;

  g_assert_true (ringside_item_list_get_kind (list) == &ringside_users_list_kind);
  g_signal_connect (early, "notify::parent", G_CALLBACK (on_parent_notify), &n_notified);

  /* Users 5 and 6 come before their parents. */
  append_users (list, g_object_ref (boss), g_object_ref (early), g_object_ref (orphan), NULL);
  g_assert_null (ringside_user_get_parent (boss));
  g_assert_null (ringside_user_get_parent (early));
  g_assert_null (ringside_user_get_parent_name (early));
  g_assert_true (ringside_item_list_lookup (list, 5) == early);
  g_assert_null (ringside_item_list_lookup (list, 3));
  g_assert_cmpuint (events->len, ==, 2);

  /* The manager arrives: it is linked to the boss, and user 5 to it, announced. A parent
   * after its report in the same batch needs no announcement. */
  append_users (list, g_object_ref (manager), g_object_ref (same_batch),
                g_object_ref (late_parent), NULL);
  g_assert_true (ringside_user_get_parent (manager) == boss);
  g_assert_true (ringside_user_get_parent (early) == manager);
  g_assert_cmpstr (ringside_user_get_parent_name (early), ==, "Manager");
  g_assert_true (ringside_user_get_parent (same_batch) == late_parent);
  g_assert_null (ringside_user_get_parent (orphan));
  g_assert_cmpuint (n_notified, ==, 1);

  g_assert_cmpuint (events->len, ==, 5);
  assert_items_changed (events, 2, 3, 0, 3, 6);
  assert_notify_n_items (events, 3, 6);
  assert_items_changed (events, 4, 1, 1, 1, 6);

  /* Emptied, the list forgets its index; the users keep their parents. */
  ringside_item_list_remove_all (list);
  g_assert_null (ringside_item_list_lookup (list, 1));
  g_assert_true (ringside_user_get_parent (early) == manager);
}

/* A parent holds no reference on its reports, and a link never closes a cycle, so every
 * user goes away with the list. */
static void
test_relation_cycle (void)
{
  RingsideItemList *list = ringside_item_list_new_for_kind (&ringside_users_list_kind);
  RingsideUser *a = new_user (1, 2, "A");
  RingsideUser *b = new_user (2, 3, "B");
  RingsideUser *c = new_user (3, 1, "C");
  RingsideUser *self_parent = new_user (4, 4, "Self");

  g_object_add_weak_pointer (G_OBJECT (a), (gpointer *) &a);
  g_object_add_weak_pointer (G_OBJECT (b), (gpointer *) &b);
  g_object_add_weak_pointer (G_OBJECT (c), (gpointer *) &c);
  g_object_add_weak_pointer (G_OBJECT (self_parent), (gpointer *) &self_parent);

  append_users (list, a, b, NULL);
  append_users (list, c, self_parent, NULL);
  /* A → B, B → C, C → A: whichever link would close the circle is not made. */
  g_assert_cmpuint ((ringside_user_get_parent (a) == b) + (ringside_user_get_parent (b) == c) +
                    (ringside_user_get_parent (c) == a), ==, 2);
  g_assert_null (ringside_user_get_parent (self_parent));

  g_object_unref (list);
  g_assert_null (a);
  g_assert_null (b);
  g_assert_null (c);
  g_assert_null (self_parent);
}

/* A manager's direct reports: the users linked to it, in list order, whichever came first;
 * not its reports' reports. */
static void
test_related_to (void)
{
  g_autoptr(RingsideItemList) list = ringside_item_list_new_for_kind (&ringside_users_list_kind);
  g_autoptr(RingsideItemList) plain = ringside_item_list_new (RINGSIDE_TYPE_USER);
  g_autoptr(RingsideUser) boss = new_user (1, 0, "Boss");
  g_autoptr(RingsideUser) early = new_user (5, 3, "Early");
  g_autoptr(RingsideUser) manager = new_user (3, 1, "Manager");
  g_autoptr(RingsideUser) peer = new_user (4, 1, "Peer");
  g_autoptr(RingsideUser) report = new_user (6, 3, "Report");
  g_autoptr(GPtrArray) of_boss = NULL;
  g_autoptr(GPtrArray) of_manager = NULL;
  g_autoptr(GPtrArray) of_report = NULL;
  g_autoptr(GPtrArray) of_plain = NULL;

  append_users (list, g_object_ref (early), g_object_ref (boss), NULL);
  append_users (list, g_object_ref (manager), g_object_ref (peer), g_object_ref (report),
                NULL);

  of_boss = ringside_item_list_dup_related_to (list, boss);
  g_assert_cmpuint (of_boss->len, ==, 2);
  g_assert_true (of_boss->pdata[0] == manager);
  g_assert_true (of_boss->pdata[1] == peer);

  of_manager = ringside_item_list_dup_related_to (list, manager);
  g_assert_cmpuint (of_manager->len, ==, 2);
  g_assert_true (of_manager->pdata[0] == early);
  g_assert_true (of_manager->pdata[1] == report);

  of_report = ringside_item_list_dup_related_to (list, report);
  g_assert_cmpuint (of_report->len, ==, 0);

  /* A list without a relation links nothing. */
  append_users (plain, g_object_ref (boss), NULL);
  of_plain = ringside_item_list_dup_related_to (plain, boss);
  g_assert_cmpuint (of_plain->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/item-list/new", test_new);
  g_test_add_func ("/item-list/append", test_append);
  g_test_add_func ("/item-list/item-changed", test_item_changed);
  g_test_add_func ("/item-list/references", test_references);
  g_test_add_func ("/item-list/get-item", test_get_item);
  g_test_add_func ("/item-list/remove-all", test_remove_all);
  g_test_add_func ("/item-list/no-change-no-signal", test_no_change_no_signal);
  g_test_add_func ("/item-list/item-type", test_item_type);
  g_test_add_func ("/item-list/new-refuses-non-objects", test_new_refuses_non_objects);
  g_test_add_func ("/item-list/append-from-handler", test_append_from_handler);
  g_test_add_func ("/item-list/relation", test_relation);
  g_test_add_func ("/item-list/relation-cycle", test_relation_cycle);
  g_test_add_func ("/item-list/related-to", test_related_to);

  return g_test_run ();
}
