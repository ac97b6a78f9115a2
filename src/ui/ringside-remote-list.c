/* ringside-remote-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-item-list.h"
#include "ringside-list-loader.h"
#include "ringside-remote-list.h"

/* One fetch: the request, then the loader filling its own item list. It lives until its last
 * callback, which may come after the list is gone; once cancelled it never touches the list. */
typedef struct
{
  RingsideRemoteList *list;         /* borrowed; NULL once cancelled */
  GCancellable       *cancellable;
  RingsideItemList   *items;
  RingsideListLoader *loader;
  gulong              items_changed_id;
  gulong              progress_id;
} Load;

struct _RingsideRemoteList
{
  GObject             parent_instance;

  /* Fixed at construction */
  const RingsideListKind *kind;
  const RingsideListOpener *opener;
  GStrv               path_values;
  guint64             max_bytes;
  guint               max_items;

  RingsideSession    *session;
  char               *search_text;
  char               *needle;       /* search text stripped and casefolded; NULL if empty */
  char               *group;        /* only the rows of this group (kind->group_of); or NULL */
  GtkCustomFilterFunc narrow_func;  /* the view's own narrowing (a user's role); or NULL */
  gpointer            narrow_data;

  /* Items → sort → filter: a search keystroke re-checks rows that are already sorted, where
   * a filter under the sort made it re-sort every row the search brought back. */
  RingsideItemList   *items;        /* shown */
  GtkSortListModel   *sort_model;
  GtkCustomFilter    *filter;
  GtkFilterListModel *model;

  Load               *load;         /* in flight, or NULL */
  GError             *error;        /* of the last load */
  GStrv               skipped;      /* groups the last load left out (403); NULL for none */
  gboolean            searching;    /* the filter model has rows left to check */
  guint               drop_filter_id;
  GPtrArray          *search_waits; /* GTasks of ringside_remote_list_wait_for_search_async() */
};

G_DEFINE_FINAL_TYPE (RingsideRemoteList, ringside_remote_list, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SEARCH_TEXT,
  PROP_ITEMS,
  PROP_SORTER,
  PROP_MODEL,
  PROP_LOADING,
  PROP_ERROR,
  PROP_SEARCHING,
  PROP_PARTS_READ,
  PROP_PARTS_TOTAL,
  PROP_SKIPPED_GROUPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
load_free (Load *load)
{
  if (load->items_changed_id != 0)
    g_signal_handler_disconnect (load->items, load->items_changed_id);
  if (load->progress_id != 0)
    g_signal_handler_disconnect (load->loader, load->progress_id);
  g_clear_object (&load->cancellable);
  g_clear_object (&load->loader);
  g_clear_object (&load->items);
  g_free (load);
}

static void
show_items (RingsideRemoteList *self,
            RingsideItemList   *items)
{
  if (!g_set_object (&self->items, items))
    return;

  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (items));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEMS]);
}

static void
show_no_items (RingsideRemoteList *self)
{
  g_autoptr(RingsideItemList) empty = ringside_item_list_new_for_kind (self->kind);

  show_items (self, empty);
}

static void
set_error (RingsideRemoteList *self,
           GError             *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_skipped (RingsideRemoteList *self,
             GStrv               names)
{
  if (self->skipped == NULL && names == NULL)
    return;

  g_strfreev (self->skipped);
  self->skipped = names;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKIPPED_GROUPS]);
}

/* The names of the parents a fanned-out load left out, or NULL. */
static GStrv
dup_skipped_names (RingsideRemoteList *self,
                   RingsideListLoader *loader)
{
  g_autoptr(GPtrArray) parents = ringside_list_loader_dup_skipped_parents (loader);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (parents->len == 0 || self->kind->fan_out == NULL)
    return NULL;

  for (guint i = 0; i < parents->len; i++)
    {
      const char *name = self->kind->fan_out->get_parent_name (g_ptr_array_index (parents, i));

      g_strv_builder_add (names, name != NULL ? name : "");
    }
  return g_strv_builder_end (names);
}

/* Detaches the load in flight from the list; its callbacks only free it. */
static void
cancel_load (RingsideRemoteList *self)
{
  Load *load = g_steal_pointer (&self->load);

  if (load == NULL)
    return;

  g_cancellable_cancel (load->cancellable);
  g_clear_signal_handler (&load->items_changed_id, load->items);
  g_clear_signal_handler (&load->progress_id, load->loader);
  load->list = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Called by the load's last callback unless the load was cancelled. */
static void
finish_load (Load   *load,
             GError *error)
{
  RingsideRemoteList *self = load->list;

  g_assert (self->load == load);

  self->load = NULL;
  g_clear_signal_handler (&load->items_changed_id, load->items);
  g_clear_signal_handler (&load->progress_id, load->loader);

  g_object_freeze_notify (G_OBJECT (self));
  /* Rows from a load that failed half-way would pass for the whole list: drop them. */
  if (error != NULL)
    show_no_items (self);
  else
    show_items (self, load->items);
  set_skipped (self, error == NULL ? dup_skipped_names (self, load->loader) : NULL);
  set_error (self, error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_object_thaw_notify (G_OBJECT (self));

  load_free (load);
}

static void
on_load_items_changed (GListModel *items,
                       guint       position,
                       guint       removed,
                       guint       added,
                       gpointer    user_data)
{
  Load *load = user_data;

  /* The first rows replace what is shown; later ones flow through the filter model. */
  if (added > 0)
    {
      g_clear_signal_handler (&load->items_changed_id, load->items);
      show_items (load->list, load->items);
    }
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;
  GError *error = NULL;

  ringside_list_loader_fetch_kind_finish (RINGSIDE_LIST_LOADER (source), result, &error);

  if (load->list == NULL)
    {
      g_clear_error (&error);
      load_free (load);
      return;
    }

  finish_load (load, error);
}

static void
on_load_progress (RingsideListLoader *loader,
                  GParamSpec         *pspec,
                  gpointer            user_data)
{
  Load *load = user_data;

  g_object_freeze_notify (G_OBJECT (load->list));
  g_object_notify_by_pspec (G_OBJECT (load->list), properties[PROP_PARTS_READ]);
  g_object_notify_by_pspec (G_OBJECT (load->list), properties[PROP_PARTS_TOTAL]);
  g_object_thaw_notify (G_OBJECT (load->list));
}

/**
 * ringside_remote_list_get_progress:
 * @parts_read: (out): pages read of a paged list, or groups read of a fanned-out one
 * @parts_total: (out): groups known so far of a fanned-out list, or 0
 *
 * Returns: whether a load is in flight (the numbers are 0 otherwise)
 */
gboolean
ringside_remote_list_get_progress (RingsideRemoteList *self,
                                   guint              *parts_read,
                                   guint              *parts_total)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), FALSE);

  *parts_read = self->load != NULL ? ringside_list_loader_get_parts_read (self->load->loader)
                                   : 0;
  *parts_total = self->load != NULL ? ringside_list_loader_get_parts_total (self->load->loader)
                                    : 0;
  return self->load != NULL;
}

/**
 * ringside_remote_list_reload:
 *
 * Cancels the load in flight and starts a new one. What is shown stays until the new load
 * brings its first rows, finishes empty, or fails.
 */
void
ringside_remote_list_reload (RingsideRemoteList *self)
{
  Load *load;

  g_return_if_fail (RINGSIDE_IS_REMOTE_LIST (self));

  g_object_freeze_notify (G_OBJECT (self));

  cancel_load (self);
  set_error (self, NULL);

  if (self->session == NULL)
    {
      show_no_items (self);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  load = g_new0 (Load, 1);
  load->list = self;
  load->cancellable = g_cancellable_new ();
  load->items = ringside_item_list_new_for_kind (self->kind);
  load->loader = ringside_list_loader_new (load->items);
  g_object_set (load->loader, "max-bytes", self->max_bytes, "max-items", self->max_items, NULL);
  load->items_changed_id = g_signal_connect (load->items, "items-changed",
                                             G_CALLBACK (on_load_items_changed), load);
  self->load = load;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  g_object_thaw_notify (G_OBJECT (self));

  load->progress_id = g_signal_connect (load->loader, "notify::parts-read",
                                        G_CALLBACK (on_load_progress), load);

  ringside_list_loader_fetch_kind_async (load->loader,
                                         self->opener != NULL ? self->opener
                                                              : &ringside_session_list_opener,
                                         self->session,
                                         (const char * const *) self->path_values,
                                         load->cancellable, on_loaded, load);
}

void
ringside_remote_list_set_opener (RingsideRemoteList       *self,
                                 const RingsideListOpener *opener)
{
  g_return_if_fail (RINGSIDE_IS_REMOTE_LIST (self));

  self->opener = opener;
}

static gboolean
filter_matches_all (RingsideRemoteList *self)
{
  return gtk_filter_get_strictness (GTK_FILTER (self->filter)) == GTK_FILTER_MATCH_ALL;
}

/* Whether rows are being searched or narrowed to a group. */
static gboolean
filter_active (RingsideRemoteList *self)
{
  return self->needle != NULL || self->group != NULL || self->narrow_func != NULL;
}

/* Without a needle or a group, the filter is being cleared: see update_filter(). */
static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  RingsideRemoteList *self = user_data;

  return (self->group == NULL || g_strcmp0 (self->kind->group_of (item), self->group) == 0) &&
         (self->narrow_func == NULL || self->narrow_func (item, self->narrow_data)) &&
         (self->needle == NULL || self->kind->match (item, self->needle));
}

static char *
make_needle (const char *search_text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (search_text != NULL ? search_text : ""));

  return stripped[0] != '\0' ? g_utf8_casefold (stripped, -1) : NULL;
}

/* Answers every wait for the search, with @error or success. */
static void
return_search_waits (RingsideRemoteList *self,
                     const GError       *error)
{
  g_autoptr(GPtrArray) waits = g_steal_pointer (&self->search_waits);

  self->search_waits = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; waits != NULL && i < waits->len; i++)
    {
      GTask *task = g_ptr_array_index (waits, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

/* Tells the filter model how the new needle relates to the old, so that it only re-checks
 * the rows that can change: typing on re-checks the rows shown, deleting the rows hidden.
 * The model filters incrementally, a few rows per frame, so a keystroke never holds up the
 * main loop, even over 100,000 rows. Clearing the search is incremental too: the function
 * lets every row back in, then goes (see update_searching()). */
static void
update_filter (RingsideRemoteList *self,
               const char         *old_needle)
{
  GtkFilterChange change;

  if (filter_matches_all (self))
    {
      if (filter_active (self))
        gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
      return;
    }

  if (self->needle == old_needle)  /* the group or the narrowing changed */
    change = GTK_FILTER_CHANGE_DIFFERENT;
  else if (self->needle == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  /* Prefixes, not substrings: a kind may match some text from its start only (a user's
   * role), and "manage users" matches a role that "users" does not. */
  else if (old_needle == NULL || g_str_has_prefix (self->needle, old_needle))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (old_needle, self->needle))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

/* Without a function the filter matches everything without calling anything; as every row
 * is already in, no row changes. */
static gboolean
drop_filter_func (gpointer user_data)
{
  RingsideRemoteList *self = user_data;

  self->drop_filter_id = 0;
  if (!filter_active (self) && !self->searching)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);

  return G_SOURCE_REMOVE;
}

/* Follows the filter model's progress. Once a cleared search has let every row back in,
 * the function goes, from an idle: the filter model tells its progress from inside its
 * filtering, which must not change its filter under it. */
static void
update_searching (RingsideRemoteList *self)
{
  gboolean searching = gtk_filter_list_model_get_pending (self->model) > 0;

  if (!searching && !filter_active (self) && !filter_matches_all (self) &&
      self->drop_filter_id == 0)
    self->drop_filter_id = g_idle_add (drop_filter_func, self);

  if (searching == self->searching)
    return;

  self->searching = searching;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);

  if (!searching)
    return_search_waits (self, NULL);
}

void
ringside_remote_list_set_search_text (RingsideRemoteList *self,
                                      const char         *search_text)
{
  g_autofree char *old_needle = NULL;

  g_return_if_fail (RINGSIDE_IS_REMOTE_LIST (self));

  if (g_strcmp0 (self->search_text, search_text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (search_text);

  old_needle = g_steal_pointer (&self->needle);
  self->needle = make_needle (search_text);
  if (g_strcmp0 (old_needle, self->needle) != 0)
    {
      update_filter (self, old_needle);
      update_searching (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

/**
 * ringside_remote_list_set_group:
 * @group: (nullable): show only the rows of the group of this name (the kind's group_of);
 *   %NULL for every group
 */
void
ringside_remote_list_set_group (RingsideRemoteList *self,
                                const char         *group)
{
  g_return_if_fail (RINGSIDE_IS_REMOTE_LIST (self));
  g_return_if_fail (group == NULL || self->kind->group_of != NULL);

  if (g_strcmp0 (self->group, group) == 0)
    return;

  g_free (self->group);
  self->group = g_strdup (group);
  update_filter (self, self->needle);
  update_searching (self);
}

/**
 * ringside_remote_list_set_narrow_func:
 * @func: (nullable): whether a row may show, besides the search and the group; %NULL for
 *   every row
 * @user_data: passed to @func, which must outlive the list or be unset first
 *
 * Call it again whenever what @func answers changes: it filters with the search,
 * incrementally; the counts follow.
 */
void
ringside_remote_list_set_narrow_func (RingsideRemoteList  *self,
                                      GtkCustomFilterFunc  func,
                                      gpointer             user_data)
{
  g_return_if_fail (RINGSIDE_IS_REMOTE_LIST (self));

  if (func == NULL && self->narrow_func == NULL)
    return;

  self->narrow_func = func;
  self->narrow_data = func != NULL ? user_data : NULL;
  update_filter (self, self->needle);
  update_searching (self);
}

const char *
ringside_remote_list_get_group (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), NULL);

  return self->group;
}

const char *
ringside_remote_list_get_search_text (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), NULL);

  return self->search_text != NULL ? self->search_text : "";
}

const RingsideListKind *
ringside_remote_list_get_kind (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), NULL);

  return self->kind;
}

void
ringside_remote_list_set_path_values (RingsideRemoteList *self,
                                      const char * const *values)
{
  g_return_if_fail (RINGSIDE_IS_REMOTE_LIST (self));

  g_strfreev (self->path_values);
  self->path_values = g_strdupv ((char **) values);
}

void
ringside_remote_list_set_limits (RingsideRemoteList *self,
                                 guint64             max_bytes,
                                 guint               max_items)
{
  g_return_if_fail (RINGSIDE_IS_REMOTE_LIST (self));

  self->max_bytes = max_bytes;
  self->max_items = max_items;
}

void
ringside_remote_list_set_session (RingsideRemoteList *self,
                                  RingsideSession    *session)
{
  g_return_if_fail (RINGSIDE_IS_REMOTE_LIST (self));
  g_return_if_fail (session == NULL || RINGSIDE_IS_SESSION (session));

  if (self->session == session)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  /* Rows of one session are never shown under another. */
  cancel_load (self);
  set_error (self, NULL);
  set_skipped (self, NULL);
  show_no_items (self);
  g_set_object (&self->session, session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);

  g_object_thaw_notify (G_OBJECT (self));
}

RingsideSession *
ringside_remote_list_get_session (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), NULL);

  return self->session;
}

RingsideItemList *
ringside_remote_list_get_items (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), NULL);

  return self->items;
}

GtkSorter *
ringside_remote_list_get_sorter (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), NULL);

  return gtk_sort_list_model_get_sorter (self->sort_model);
}

void
ringside_remote_list_set_sorter (RingsideRemoteList *self,
                                 GtkSorter          *sorter)
{
  g_return_if_fail (RINGSIDE_IS_REMOTE_LIST (self));
  g_return_if_fail (sorter == NULL || GTK_IS_SORTER (sorter));

  if (gtk_sort_list_model_get_sorter (self->sort_model) == sorter)
    return;

  gtk_sort_list_model_set_sorter (self->sort_model, sorter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORTER]);
}

GListModel *
ringside_remote_list_get_model (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), NULL);

  return G_LIST_MODEL (self->model);
}

gboolean
ringside_remote_list_get_searching (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), FALSE);

  return self->searching;
}

/**
 * ringside_remote_list_wait_for_search_async:
 *
 * Waits until the model holds every row that matches the search: at once if it does. Fails
 * with G_IO_ERROR_CANCELLED if @cancellable is cancelled first or @self goes away.
 */
void
ringside_remote_list_wait_for_search_async (RingsideRemoteList  *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RINGSIDE_IS_REMOTE_LIST (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_remote_list_wait_for_search_async);
  /* A cancelled wait still ends with the search, which takes a moment: no handler needed. */
  g_task_set_check_cancellable (task, TRUE);

  if (!self->searching)
    g_task_return_boolean (task, TRUE);
  else
    g_ptr_array_add (self->search_waits, g_steal_pointer (&task));
}

gboolean
ringside_remote_list_wait_for_search_finish (RingsideRemoteList  *self,
                                             GAsyncResult        *result,
                                             GError             **error)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_remote_list_wait_for_search_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
ringside_remote_list_get_loading (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), FALSE);

  return self->load != NULL;
}

/**
 * ringside_remote_list_get_skipped_groups:
 *
 * Returns: (nullable) (array zero-terminated=1): the names of the groups the last load left
 *   out because the server refused their rows (403), in the order refused; NULL for none
 */
const char * const *
ringside_remote_list_get_skipped_groups (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), NULL);

  return (const char * const *) self->skipped;
}

const GError *
ringside_remote_list_get_error (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), NULL);

  return self->error;
}

guint
ringside_remote_list_get_n_total (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

guint
ringside_remote_list_get_n_shown (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

RingsideRemoteListState
ringside_remote_list_get_state (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), RINGSIDE_REMOTE_LIST_STATE_EMPTY);

  if (self->error != NULL)
    return RINGSIDE_REMOTE_LIST_STATE_ERROR;

  if (ringside_remote_list_get_n_total (self) == 0)
    return self->load != NULL ? RINGSIDE_REMOTE_LIST_STATE_LOADING
                              : RINGSIDE_REMOTE_LIST_STATE_EMPTY;

  /* Rows may still come in: the list, empty for a moment, rather than a flash of "none". */
  if (ringside_remote_list_get_n_shown (self) == 0 && !self->searching)
    return RINGSIDE_REMOTE_LIST_STATE_NO_RESULTS;

  return RINGSIDE_REMOTE_LIST_STATE_READY;
}

/**
 * ringside_remote_list_new:
 * @kind: what the list holds and where it comes from; it must outlive the list
 *
 * Returns: (transfer full): a new list, without a session
 */
RingsideRemoteList *
ringside_remote_list_new (const RingsideListKind *kind)
{
  RingsideRemoteList *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (kind->path_template != NULL && kind->path_template[0] == '/', NULL);
  g_return_val_if_fail (kind->parse != NULL && kind->match != NULL, NULL);

  self = g_object_new (RINGSIDE_TYPE_REMOTE_LIST, NULL);
  self->kind = kind;
  self->max_bytes = RINGSIDE_LIST_LOADER_DEFAULT_MAX_BYTES;
  self->max_items = RINGSIDE_LIST_LOADER_DEFAULT_MAX_ITEMS;
  self->items = ringside_item_list_new_for_kind (kind);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->items)), NULL);
  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                           g_object_ref (GTK_FILTER (self->filter)));
  gtk_filter_list_model_set_incremental (self->model, TRUE);
  g_signal_connect_object (self->model, "notify::pending", G_CALLBACK (update_searching),
                           self, G_CONNECT_SWAPPED);

  return self;
}

static void
ringside_remote_list_dispose (GObject *object)
{
  RingsideRemoteList *self = RINGSIDE_REMOTE_LIST (object);

  cancel_load (self);
  g_clear_object (&self->session);

  g_clear_handle_id (&self->drop_filter_id, g_source_remove);

  if (self->search_waits != NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "The list went away");

      return_search_waits (self, error);
      g_clear_pointer (&self->search_waits, g_ptr_array_unref);
    }

  /* Views may hold the model longer than us: it must stop calling us. Without a sorter, a
   * view taking its columns (and so the sort) away does not make it filter again either. */
  gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  gtk_sort_list_model_set_sorter (self->sort_model, NULL);

  G_OBJECT_CLASS (ringside_remote_list_parent_class)->dispose (object);
}

static void
ringside_remote_list_finalize (GObject *object)
{
  RingsideRemoteList *self = RINGSIDE_REMOTE_LIST (object);

  g_clear_object (&self->model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->items);
  g_clear_error (&self->error);
  g_strfreev (self->skipped);
  g_free (self->search_text);
  g_free (self->needle);
  g_free (self->group);
  g_strfreev (self->path_values);

  G_OBJECT_CLASS (ringside_remote_list_parent_class)->finalize (object);
}

static void
ringside_remote_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RingsideRemoteList *self = RINGSIDE_REMOTE_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, ringside_remote_list_get_search_text (self));
      break;

    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;

    case PROP_SORTER:
      g_value_set_object (value, ringside_remote_list_get_sorter (self));
      break;

    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, ringside_remote_list_get_loading (self));
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_SKIPPED_GROUPS:
      g_value_set_boxed (value, self->skipped);
      break;

    case PROP_SEARCHING:
      g_value_set_boolean (value, self->searching);
      break;

    case PROP_PARTS_READ:
    case PROP_PARTS_TOTAL:
      {
        guint read, total;

        ringside_remote_list_get_progress (self, &read, &total);
        g_value_set_uint (value, prop_id == PROP_PARTS_READ ? read : total);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_remote_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RingsideRemoteList *self = RINGSIDE_REMOTE_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      ringside_remote_list_set_session (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_TEXT:
      ringside_remote_list_set_search_text (self, g_value_get_string (value));
      break;

    case PROP_SORTER:
      ringside_remote_list_set_sorter (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_remote_list_class_init (RingsideRemoteListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ringside_remote_list_dispose;
  object_class->finalize = ringside_remote_list_finalize;
  object_class->get_property = ringside_remote_list_get_property;
  object_class->set_property = ringside_remote_list_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RINGSIDE_TYPE_SESSION, rw);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "", rw);
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, RINGSIDE_TYPE_ITEM_LIST, ro);
  properties[PROP_SORTER] =
    g_param_spec_object ("sorter", NULL, NULL, GTK_TYPE_SORTER, rw);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE, ro);
  properties[PROP_PARTS_READ] =
    g_param_spec_uint ("parts-read", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PARTS_TOTAL] =
    g_param_spec_uint ("parts-total", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SKIPPED_GROUPS] =
    g_param_spec_boxed ("skipped-groups", NULL, NULL, G_TYPE_STRV, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_remote_list_init (RingsideRemoteList *self)
{
  self->search_waits = g_ptr_array_new_with_free_func (g_object_unref);
}
