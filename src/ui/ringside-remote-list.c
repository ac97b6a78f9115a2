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
} Load;

struct _RingsideRemoteList
{
  GObject             parent_instance;

  /* Fixed at construction */
  GType               item_type;
  char               *path;
  RingsideMatchFunc   match_func;

  RingsideSession    *session;
  char               *search_text;
  char               *needle;       /* search text stripped and casefolded; NULL if empty */

  /* Items → sort → filter: a search keystroke re-checks rows that are already sorted, where
   * a filter under the sort made it re-sort every row the search brought back. */
  RingsideItemList   *items;        /* shown */
  GtkSortListModel   *sort_model;
  GtkCustomFilter    *filter;
  GtkFilterListModel *model;

  Load               *load;         /* in flight, or NULL */
  GError             *error;        /* of the last load */
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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
load_free (Load *load)
{
  if (load->items_changed_id != 0)
    g_signal_handler_disconnect (load->items, load->items_changed_id);
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
  g_autoptr(RingsideItemList) empty = ringside_item_list_new (self->item_type);

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

/* Detaches the load in flight from the list; its callbacks only free it. */
static void
cancel_load (RingsideRemoteList *self)
{
  Load *load = g_steal_pointer (&self->load);

  if (load == NULL)
    return;

  g_cancellable_cancel (load->cancellable);
  g_clear_signal_handler (&load->items_changed_id, load->items);
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

  g_object_freeze_notify (G_OBJECT (self));
  /* Rows from a load that failed half-way would pass for the whole list: drop them. */
  if (error != NULL)
    show_no_items (self);
  else
    show_items (self, load->items);
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

  ringside_list_loader_load_finish (RINGSIDE_LIST_LOADER (source), result, &error);

  if (load->list == NULL)
    {
      g_clear_error (&error);
      load_free (load);
      return;
    }

  finish_load (load, error);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Load *load = user_data;
  GError *error = NULL;
  g_autoptr(GInputStream) stream = NULL;

  stream = ringside_session_send_finish (RINGSIDE_SESSION (source), result, &error);

  if (load->list == NULL)
    {
      g_clear_error (&error);
      load_free (load);
      return;
    }

  if (stream == NULL)
    {
      finish_load (load, error);
      return;
    }

  ringside_list_loader_load_async (load->loader, stream, load->cancellable, on_loaded, load);
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
  load->items = ringside_item_list_new (self->item_type);
  load->loader = ringside_list_loader_new (load->items);
  load->items_changed_id = g_signal_connect (load->items, "items-changed",
                                             G_CALLBACK (on_load_items_changed), load);
  self->load = load;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  g_object_thaw_notify (G_OBJECT (self));

  ringside_session_send_async (self->session, "GET", self->path, load->cancellable,
                               on_sent, load);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  RingsideRemoteList *self = user_data;

  return self->match_func (item, self->needle);
}

static char *
make_needle (const char *search_text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (search_text != NULL ? search_text : ""));

  return stripped[0] != '\0' ? g_utf8_casefold (stripped, -1) : NULL;
}

/* Tells the filter model how the new needle relates to the old, so that it only re-checks
 * the rows that can change: typing on re-checks the rows shown, deleting the rows hidden. */
static void
update_filter (RingsideRemoteList *self,
               const char         *old_needle)
{
  GtkFilterChange change;

  if (self->needle == NULL)
    {
      /* Without a function the filter matches everything without calling anything. */
      gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
      return;
    }

  if (old_needle == NULL)
    {
      gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
      return;
    }

  if (strstr (self->needle, old_needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (old_needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
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
    update_filter (self, old_needle);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

const char *
ringside_remote_list_get_search_text (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), NULL);

  return self->search_text != NULL ? self->search_text : "";
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
ringside_remote_list_get_loading (RingsideRemoteList *self)
{
  g_return_val_if_fail (RINGSIDE_IS_REMOTE_LIST (self), FALSE);

  return self->load != NULL;
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

  if (ringside_remote_list_get_n_shown (self) == 0)
    return RINGSIDE_REMOTE_LIST_STATE_NO_RESULTS;

  return RINGSIDE_REMOTE_LIST_STATE_READY;
}

RingsideRemoteList *
ringside_remote_list_new (GType              item_type,
                          const char        *path,
                          RingsideMatchFunc  match_func)
{
  RingsideRemoteList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/', NULL);
  g_return_val_if_fail (match_func != NULL, NULL);

  self = g_object_new (RINGSIDE_TYPE_REMOTE_LIST, NULL);
  self->item_type = item_type;
  self->path = g_strdup (path);
  self->match_func = match_func;
  self->items = ringside_item_list_new (item_type);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->items)), NULL);
  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                           g_object_ref (GTK_FILTER (self->filter)));

  return self;
}

static void
ringside_remote_list_dispose (GObject *object)
{
  RingsideRemoteList *self = RINGSIDE_REMOTE_LIST (object);

  cancel_load (self);
  g_clear_object (&self->session);

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
  g_free (self->search_text);
  g_free (self->needle);
  g_free (self->path);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_remote_list_init (RingsideRemoteList *self)
{
}
