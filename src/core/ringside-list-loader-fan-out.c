/* ringside-list-loader-fan-out.c: a list read in two steps, the parents (agent groups), then
 * each parent's children (its agents), several parents at a time, into the loader's list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-error.h"
#include "ringside-list-loader-private.h"

/* A child list refused with 429 (RingCX allows 120 admin requests a minute) is asked for
 * again after the wait the server names (else 2 s, 4 s, 6 s), this many times at most. */
#define MAX_RATE_LIMIT_RETRIES 3
#define MAX_RETRY_WAIT_SECONDS 60

struct _FanOut
{
  /* The loader's, while the load runs: its task holds the loader. */
  RingsideListLoader       *loader;
  GTask                    *task;               /* NULL once the load has ended */
  const RingsideListKind   *kind;
  const RingsideListOpener *opener;
  gpointer                  source;
  GStrv                     values;
  GCancellable             *cancellable;        /* ours: cancels every request */
  GSource                  *cancel_source;      /* the caller's cancellable */
  gulong                    cancel_handler;     /* on it, to cancel ours at once */

  RingsideItemList         *parents;
  RingsideListLoader       *parent_loader;
  gboolean                  parents_done;
  guint                     next_parent;        /* the next parent to read the children of */
  guint                     running;            /* child lists being read */
  guint                     children_read;      /* parents whose children were read */

  GPtrArray                *pending;            /* children waiting for the next splice */
  GPtrArray                *retries;            /* ChildLoads waiting to be asked again */
  GSource                  *splice_source;
  RingsideSplicePace        splice_pace;
};

typedef struct
{
  FanOut             *fan_out;
  GObject            *parent;
  char               *path;
  RingsideItemList   *items;
  RingsideListLoader *loader;
  guint               attempts;   /* answered 429 so far */
  GSource            *retry_source;
} ChildLoad;

static void fan_out_finish     (FanOut  *fan_out,
                                GError  *error);
static void fan_out_start_more (FanOut  *fan_out);
static void child_retry_later  (gpointer      child,
                                const GError *error);

static void
fan_out_free (FanOut *fan_out)
{
  g_assert (fan_out->task == NULL);

  g_strfreev (fan_out->values);
  g_clear_object (&fan_out->cancellable);
  g_clear_object (&fan_out->parents);
  g_clear_object (&fan_out->parent_loader);
  g_clear_pointer (&fan_out->pending, g_ptr_array_unref);
  g_clear_pointer (&fan_out->retries, g_ptr_array_unref);
}

static FanOut *
fan_out_ref (FanOut *fan_out)
{
  return g_rc_box_acquire (fan_out);
}

static void
fan_out_unref (FanOut *fan_out)
{
  g_rc_box_release_full (fan_out, (GDestroyNotify) fan_out_free);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FanOut, fan_out_unref)

static void
child_load_free (ChildLoad *child)
{
  g_clear_object (&child->loader);
  g_clear_object (&child->items);
  g_clear_object (&child->parent);
  g_free (child->path);
  fan_out_unref (child->fan_out);
  g_free (child);
}

/* Batches */

static void
fan_out_splice (FanOut *fan_out)
{
  g_autoptr(GPtrArray) batch = g_steal_pointer (&fan_out->pending);
  gint64 start = g_get_monotonic_time ();
  gint64 cost;

  fan_out->pending = g_ptr_array_new_with_free_func (g_object_unref);
  fan_out->splice_pace.last_time = start;
  if (batch->len == 0)
    return;

  ringside_list_loader_add_items (fan_out->loader, batch);

  cost = ringside_splice_pace_record (&fan_out->splice_pace, start);
  g_debug ("Added %u %ss (%u in all) in %" G_GINT64_FORMAT " µs", batch->len,
           fan_out->kind->name, ringside_list_loader_get_n_items (fan_out->loader), cost);
}

static gboolean
splice_timeout_cb (gpointer user_data)
{
  FanOut *fan_out = user_data;

  g_clear_pointer (&fan_out->splice_source, g_source_unref);
  if (fan_out->task != NULL)
    fan_out_splice (fan_out);

  return G_SOURCE_REMOVE;
}

static void
fan_out_schedule_splice (FanOut *fan_out)
{
  guint wait_ms;

  if (fan_out->pending->len == 0 || fan_out->splice_source != NULL)
    return;

  wait_ms = ringside_splice_pace_wait_ms (&fan_out->splice_pace);
  if (wait_ms == 0)
    {
      fan_out_splice (fan_out);
      return;
    }

  fan_out->splice_source = g_timeout_source_new (wait_ms);
  g_source_set_static_name (fan_out->splice_source, "[ringside] fan-out splice");
  g_source_set_callback (fan_out->splice_source, splice_timeout_cb, fan_out_ref (fan_out),
                         (GDestroyNotify) fan_out_unref);
  g_source_attach (fan_out->splice_source, g_task_get_context (fan_out->task));
}

/* Progress and the end */

static void
fan_out_update_progress (FanOut *fan_out)
{
  ringside_list_loader_set_progress (fan_out->loader, fan_out->children_read,
                                     g_list_model_get_n_items (G_LIST_MODEL (fan_out->parents)));
}

static void
fan_out_check_done (FanOut *fan_out)
{
  if (fan_out->task != NULL && fan_out->parents_done && fan_out->running == 0 &&
      fan_out->next_parent >= g_list_model_get_n_items (G_LIST_MODEL (fan_out->parents)))
    fan_out_finish (fan_out, NULL);
}

/* Children */

/* "agent group 17: Permission denied." */
static GError *
child_error (FanOut  *fan_out,
             GError  *error,
             GObject *parent)
{
  const RingsideListFanOut *how = fan_out->kind->fan_out;
  g_autofree char *id = how->get_parent_id (parent);

  if (error->domain == G_IO_ERROR && error->code == G_IO_ERROR_CANCELLED)
    return error;

  g_prefix_error (&error, "Reading the %ss of %s %s failed: ", fan_out->kind->name,
                  how->parent->name, id);
  return error;
}

static void
fan_out_skip_parent (FanOut       *fan_out,
                     GObject      *parent,
                     const GError *error)
{
  RingsideListLoader *self = fan_out->loader;
  g_autofree char *id = fan_out->kind->fan_out->get_parent_id (parent);

  g_info ("Leaving out the %ss of %s %s: %s", fan_out->kind->name,
          fan_out->kind->fan_out->parent->name, id, error->message);
  if (self->skipped_parents == NULL)
    self->skipped_parents = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->skipped_parents, g_object_ref (parent));
}

static void
on_children_read (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ChildLoad *child = user_data;
  FanOut *fan_out = child->fan_out;
  const RingsideListFanOut *how = fan_out->kind->fan_out;
  GError *error = NULL;
  gint64 start;
  guint n;

  ringside_list_loader_fetch_finish (RINGSIDE_LIST_LOADER (source), result, &error);
  if (fan_out->task == NULL)
    {
      g_clear_error (&error);
      child_load_free (child);
      return;
    }

  if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_RATE_LIMITED) &&
      child->attempts < MAX_RATE_LIMIT_RETRIES)
    {
      child_retry_later (child, error);
      g_clear_error (&error);
      return;
    }

  fan_out->running--;
  /* A right the admin lacks for this parent alone: the others are still worth showing. */
  if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_FORBIDDEN))
    {
      fan_out_skip_parent (fan_out, child->parent, error);
      g_clear_error (&error);
      n = 0;
    }
  else if (error != NULL)
    {
      fan_out_finish (fan_out, child_error (fan_out, error, child->parent));
      child_load_free (child);
      return;
    }
  else
    n = g_list_model_get_n_items (G_LIST_MODEL (child->items));

  if (fan_out->loader->n_items + fan_out->pending->len + n > fan_out->loader->max_items)
    {
      fan_out_finish (fan_out, g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_TOO_LARGE,
                                            "The %s list is larger than Ringside can hold "
                                            "(over %u items)",
                                            fan_out->kind->name, fan_out->loader->max_items));
      child_load_free (child);
      return;
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      gpointer item = ringside_item_list_peek (child->items, i);

      if (how->adopt != NULL)
        how->adopt (item, child->parent);
      g_ptr_array_add (fan_out->pending, g_object_ref (item));
    }
  g_debug ("Adopted %u %ss in %" G_GINT64_FORMAT " µs", n, fan_out->kind->name,
           g_get_monotonic_time () - start);

  fan_out->children_read++;
  fan_out_update_progress (fan_out);
  fan_out_schedule_splice (fan_out);
  fan_out_start_more (fan_out);
  fan_out_check_done (fan_out);
  /* Last: its reference keeps the fan-out alive through the calls above. */
  child_load_free (child);
}

static void
child_start (ChildLoad *child)
{
  FanOut *fan_out = child->fan_out;

  ringside_list_loader_fetch_async (child->loader, fan_out->opener, fan_out->source,
                                    child->path, fan_out->cancellable, on_children_read, child);
}

static gboolean
child_retry_cb (gpointer user_data)
{
  ChildLoad *child = user_data;

  /* Cancelled, the load is about to end, and frees the child with this source. */
  if (g_cancellable_is_cancelled (child->fan_out->cancellable))
    return G_SOURCE_CONTINUE;

  g_ptr_array_remove_fast (child->fan_out->retries, child);
  g_clear_pointer (&child->retry_source, g_source_unref);
  child_start (child);
  return G_SOURCE_REMOVE;
}

/* Asks for the child list again once the server's wait is over; it still counts as running.
 * Ending the load meanwhile destroys the source and frees the child. */
static void
child_retry_later (gpointer      data,
                   const GError *error)
{
  ChildLoad *child = data;
  FanOut *fan_out = child->fan_out;
  guint seconds = ringside_error_get_retry_after (error);
  GSource *source;

  child->attempts++;
  if (seconds == 0)
    seconds = 2 * child->attempts;
  seconds = MIN (seconds, MAX_RETRY_WAIT_SECONDS);
  g_debug ("RingCX asked to slow down: asking for %s again in %u s", child->path, seconds);

  source = g_timeout_source_new_seconds (seconds);
  g_source_set_static_name (source, "[ringside] fan-out retry");
  g_source_set_callback (source, child_retry_cb, child, NULL);
  g_source_attach (source, g_task_get_context (fan_out->task));
  child->retry_source = source;
  g_ptr_array_add (fan_out->retries, child);
}

/* Returns whether a request was started for @parent (not when it has no ID). */
static gboolean
fan_out_read_children (FanOut  *fan_out,
                       GObject *parent)
{
  const RingsideListFanOut *how = fan_out->kind->fan_out;
  g_autofree char *id = how->get_parent_id (parent);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) values = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  ChildLoad *child;

  if (id == NULL || id[0] == '\0')
    return FALSE;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) fan_out->values);
  g_strv_builder_add_many (builder, how->placeholder, id, NULL);
  values = g_strv_builder_end (builder);

  path = ringside_list_kind_expand_path (fan_out->kind, (const char * const *) values, &error);
  if (path == NULL)
    {
      fan_out_finish (fan_out, error);
      return FALSE;
    }

  child = g_new0 (ChildLoad, 1);
  child->fan_out = fan_out_ref (fan_out);
  child->parent = g_object_ref (parent);
  child->path = g_steal_pointer (&path);
  child->items = ringside_item_list_new_for_kind (fan_out->kind);
  child->loader = ringside_list_loader_new (child->items);
  g_object_set (child->loader,
                "max-bytes", fan_out->loader->max_bytes,
                "max-items", fan_out->loader->max_items,
                "stall-timeout", fan_out->loader->stall_timeout_ms,
                NULL);

  fan_out->running++;
  child_start (child);
  return TRUE;
}

/* Starts child lists until max_requests run, or every parent known so far has one. */
static void
fan_out_start_more (FanOut *fan_out)
{
  guint max_requests = MAX (fan_out->kind->fan_out->max_requests, 1);

  while (fan_out->task != NULL && !g_cancellable_is_cancelled (fan_out->cancellable) &&
         fan_out->running < max_requests &&
         fan_out->next_parent < g_list_model_get_n_items (G_LIST_MODEL (fan_out->parents)))
    {
      GObject *parent = ringside_item_list_peek (fan_out->parents, fan_out->next_parent++);

      if (!fan_out_read_children (fan_out, parent) && fan_out->task != NULL)
        fan_out->children_read++;
    }
}

/* Parents */

static void
on_parents_changed (GListModel *parents,
                    guint       position,
                    guint       removed,
                    guint       added,
                    gpointer    user_data)
{
  g_autoptr(FanOut) fan_out = fan_out_ref (user_data);

  if (fan_out->task == NULL || added == 0)
    return;

  fan_out_update_progress (fan_out);
  fan_out_start_more (fan_out);
}

static void
on_parents_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FanOut) fan_out = user_data;
  GError *error = NULL;

  ringside_list_loader_fetch_finish (RINGSIDE_LIST_LOADER (source), result, &error);
  if (fan_out->task == NULL)
    {
      g_clear_error (&error);
      return;
    }

  if (error != NULL)
    {
      fan_out_finish (fan_out, error);
      return;
    }

  fan_out->parents_done = TRUE;
  fan_out_update_progress (fan_out);
  fan_out_start_more (fan_out);
  fan_out_check_done (fan_out);
}

/* The caller may let go of the source as soon as it has cancelled, before cancelled_cb()
 * ends the load: the children must not ask for another page with it meanwhile. */
static void
on_caller_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  FanOut *fan_out = user_data;

  g_cancellable_cancel (fan_out->cancellable);
}

static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  FanOut *fan_out = user_data;
  GError *error = NULL;

  if (fan_out->task != NULL)
    {
      g_cancellable_set_error_if_cancelled (cancellable, &error);
      fan_out_finish (fan_out, error);
    }

  return G_SOURCE_REMOVE;
}

/* Ends the load with @error (taken), or successfully. Everything still running is cancelled;
 * its callbacks then only free what is theirs. */
static void
fan_out_finish (FanOut *fan_out,
                GError *error)
{
  g_autoptr(FanOut) alive = fan_out_ref (fan_out);
  g_autoptr(GTask) task = g_steal_pointer (&fan_out->task);
  RingsideListLoader *self = fan_out->loader;

  g_assert (task != NULL);

  /* The loader's reference: the callbacks and sources hold their own. */
  if (self->fan_out == fan_out)
    {
      self->fan_out = NULL;
      fan_out_unref (fan_out);
    }

  /* Not from on_caller_cancelled(), which only cancels: disconnecting there would block. */
  g_cancellable_disconnect (g_task_get_cancellable (task), fan_out->cancel_handler);
  fan_out->cancel_handler = 0;
  g_cancellable_cancel (fan_out->cancellable);
  g_signal_handlers_disconnect_by_data (fan_out->parents, fan_out);
  if (fan_out->cancel_source != NULL)
    g_source_destroy (fan_out->cancel_source);
  g_clear_pointer (&fan_out->cancel_source, g_source_unref);
  if (fan_out->splice_source != NULL)
    g_source_destroy (fan_out->splice_source);
  g_clear_pointer (&fan_out->splice_source, g_source_unref);
  /* Children waiting to be asked again are let go of with their sources. */
  while (fan_out->retries->len > 0)
    {
      ChildLoad *child = g_ptr_array_steal_index_fast (fan_out->retries, 0);

      g_source_destroy (child->retry_source);
      g_clear_pointer (&child->retry_source, g_source_unref);
      child_load_free (child);
    }

  /* A list with a group missing would pass for the whole list; a list over the caps may be
   * most of the memory there is. */
  if (error == NULL)
    fan_out_splice (fan_out);
  else if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TOO_LARGE))
    ringside_list_loader_drop_items (self);
  g_ptr_array_set_size (fan_out->pending, 0);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

FanOut *
ringside_fan_out_start (RingsideListLoader       *self,
                        GTask                    *task,
                        const RingsideListOpener *opener,
                        gpointer                  source,
                        const char * const       *values)
{
  const RingsideListKind *kind = ringside_item_list_get_kind (self->items);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *path = NULL;
  GError *error = NULL;
  FanOut *fan_out;

  g_return_val_if_fail (kind->fan_out != NULL, NULL);

  fan_out = g_rc_box_new0 (FanOut);
  fan_out->loader = self;
  fan_out->task = g_object_ref (task);
  fan_out->kind = kind;
  fan_out->opener = opener;
  fan_out->source = source;
  fan_out->values = g_strdupv ((char **) values);
  fan_out->cancellable = g_cancellable_new ();
  fan_out->pending = g_ptr_array_new_with_free_func (g_object_unref);
  fan_out->retries = g_ptr_array_new ();
  fan_out->parents = ringside_item_list_new_for_kind (kind->fan_out->parent);
  fan_out->parent_loader = ringside_list_loader_new (fan_out->parents);
  g_object_set (fan_out->parent_loader,
                "max-bytes", self->max_bytes,
                "max-items", self->max_items,
                "stall-timeout", self->stall_timeout_ms,
                NULL);
  self->fan_out = fan_out;

  path = ringside_list_kind_expand_path (kind->fan_out->parent, values, &error);
  if (path == NULL)
    {
      fan_out_finish (fan_out, error);
      return NULL;
    }

  if (cancellable != NULL)
    {
      fan_out->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (fan_out->cancel_source, G_SOURCE_FUNC (cancelled_cb),
                             fan_out_ref (fan_out), (GDestroyNotify) fan_out_unref);
      g_source_attach (fan_out->cancel_source, g_task_get_context (task));
      fan_out->cancel_handler = g_cancellable_connect (cancellable,
                                                       G_CALLBACK (on_caller_cancelled),
                                                       fan_out_ref (fan_out),
                                                       (GDestroyNotify) fan_out_unref);
    }

  g_signal_connect (fan_out->parents, "items-changed", G_CALLBACK (on_parents_changed),
                    fan_out);
  ringside_list_loader_fetch_async (fan_out->parent_loader, opener, source, path,
                                    fan_out->cancellable, on_parents_read,
                                    fan_out_ref (fan_out));
  return fan_out;
}

void
ringside_fan_out_cancel (FanOut     *fan_out,
                         const char *reason)
{
  fan_out_finish (fan_out, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, reason));
}

/* The entry for a whole kind: one path, or a fan-out */

static void
on_kind_fetched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (ringside_list_loader_fetch_finish (RINGSIDE_LIST_LOADER (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ringside_list_loader_fetch_kind_async:
 * @self: a #RingsideListLoader
 * @opener: how to ask for a path; it must outlive the load
 * @source: what @opener asks; it must outlive the load
 * @values: (nullable) (array zero-terminated=1): the values of the kind's path template
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the whole list was added to the items, or on failure
 * @user_data: data for @callback
 *
 * Loads the list its kind describes: ringside_list_loader_fetch_async() of the expanded path,
 * or, for a kind with a fan-out, the parents and then every parent's children (see
 * ringside-list-loader-fan-out.c). A load already in progress is cancelled first.
 */
void
ringside_list_loader_fetch_kind_async (RingsideListLoader       *self,
                                       const RingsideListOpener *opener,
                                       gpointer                  source,
                                       const char * const       *values,
                                       GCancellable             *cancellable,
                                       GAsyncReadyCallback       callback,
                                       gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  const RingsideListKind *kind;
  GError *error = NULL;

  g_return_if_fail (RINGSIDE_IS_LIST_LOADER (self));
  g_return_if_fail (opener != NULL && opener->open_async != NULL && opener->open_finish != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->items != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_list_loader_fetch_kind_async);

  kind = ringside_item_list_get_kind (self->items);
  if (kind->fan_out != NULL)
    {
      ringside_list_loader_reset (self, "A new load replaced this one");
      if (!g_task_return_error_if_cancelled (task))
        ringside_fan_out_start (self, task, opener, source, values);
      return;
    }

  path = ringside_list_kind_expand_path (kind, values, &error);
  if (path == NULL)
    {
      ringside_list_loader_reset (self, "A new load replaced this one");
      g_task_return_error (task, error);
      return;
    }

  ringside_list_loader_fetch_async (self, opener, source, path, cancellable,
                                    on_kind_fetched, g_steal_pointer (&task));
}

/**
 * ringside_list_loader_dup_skipped_parents:
 *
 * Returns: (transfer full) (element-type GObject): the parents left out of the current or
 *   last load because the server refused their children (403)
 */
GPtrArray *
ringside_list_loader_dup_skipped_parents (RingsideListLoader *self)
{
  GPtrArray *parents;

  g_return_val_if_fail (RINGSIDE_IS_LIST_LOADER (self), NULL);

  parents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; self->skipped_parents != NULL && i < self->skipped_parents->len; i++)
    g_ptr_array_add (parents, g_object_ref (g_ptr_array_index (self->skipped_parents, i)));
  return parents;
}

gboolean
ringside_list_loader_fetch_kind_finish (RingsideListLoader  *self,
                                        GAsyncResult        *result,
                                        GError             **error)
{
  g_return_val_if_fail (RINGSIDE_IS_LIST_LOADER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_list_loader_fetch_kind_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
