/* ringside-list-loader.c: the main context's side of a load (reading, paging, bounds,
 * batches); the worker thread is in ringside-list-loader-worker.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ringside-error.h"
#include "ringside-list-loader-private.h"

/* The list changes at most this often: every splice makes the views re-sort and re-filter. */
#define SPLICE_INTERVAL_MS 50
/* A view may take long over a splice: a sorted GtkColumnView rebinds its rows and walks the
 * whole list when new rows land above the ones shown. Waiting this many times as long as the
 * last splice took before the next one keeps the main loop free most of the time, and makes
 * batches grow with the list instead of the same work being redone for a few rows. The cap
 * keeps batches, and so the splices that take them, from growing without bound (measured
 * with bench/run.sh: 100k users load 2-3 times faster, the longest stall about the same). */
#define SPLICE_COST_FACTOR 3
#define MAX_SPLICE_INTERVAL_MS 400


G_DEFINE_FINAL_TYPE (RingsideListLoader, ringside_list_loader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEMS,
  PROP_N_ITEMS,
  PROP_MAX_BYTES,
  PROP_MAX_ITEMS,
  PROP_STALL_TIMEOUT,
  PROP_PARTS_READ,
  PROP_PARTS_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void job_read_next (LoadJob *job);
static void job_open_page (LoadJob *job);
static void job_finish    (LoadJob *job,
                           GError  *error);

/* Job lifetime */

LoadJob *
ringside_load_job_ref (LoadJob *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

/* The last reference may be dropped by the worker thread: by then the task, and with it
 * the loader and the list, are long gone (job_finish() runs on the main context). */
void
ringside_load_job_unref (LoadJob *job)
{
  /* The count is GLib's atomic, which TSan cannot see: what one thread did to the job comes
   * before the thread that drops the last reference frees it. */
  ringside_tsan_release (job);
  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;
  ringside_tsan_acquire (job);

  g_assert (job->task == NULL && job->stream == NULL);

  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_object (&job->read_cancellable);
  g_clear_pointer (&job->pending, g_ptr_array_unref);
  g_queue_clear_full (&job->chunks, (GDestroyNotify) g_bytes_unref);
  g_clear_pointer (&job->ready, g_ptr_array_unref);
  g_clear_error (&job->worker_error);
  g_clear_pointer (&job->path, g_free);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

static LoadJob *
job_new (RingsideListLoader *self,
         GTask              *task)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  g_atomic_ref_count_init (&job->ref_count);
  job->kind = ringside_item_list_get_kind (self->items);
  job->context = g_main_context_ref_thread_default ();
  job->task = g_object_ref (task);
  job->read_cancellable = g_cancellable_new ();
  job->pending = g_ptr_array_new_with_free_func (g_object_unref);
  job->ready = g_ptr_array_new_with_free_func (g_object_unref);
  job->max_bytes = self->max_bytes;
  job->max_items = self->max_items;
  job->stall_timeout_ms = self->stall_timeout_ms;
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  g_queue_init (&job->chunks);

  return job;
}

GSource *
ringside_load_job_attach (LoadJob     *job,
                          GSource     *source,
                          GSourceFunc  callback)
{
  g_source_set_callback (source, callback, ringside_load_job_ref (job),
                         (GDestroyNotify) ringside_load_job_unref);
  g_source_attach (source, job->context);
  return source;
}

/* The loader of a load that has not finished: its task holds it. */
static RingsideListLoader *
job_get_loader (LoadJob *job)
{
  return g_task_get_source_object (job->task);
}

/* Bounds */

static GError *
too_large_error (LoadJob *job)
{
  return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_TOO_LARGE,
                      "The %s list is larger than Ringside can hold (over %u items or "
                      "%" G_GUINT64_FORMAT " bytes)",
                      job->kind->name, job->max_items, job->max_bytes);
}

static gboolean
stall_cb (gpointer user_data)
{
  LoadJob *job = user_data;

  if (job->task != NULL)
    job_finish (job, g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_TIMEOUT,
                                  "The server sent nothing more of the list for %u seconds",
                                  (job->stall_timeout_ms + 999) / 1000));
  return G_SOURCE_REMOVE;
}

static gboolean
stall_source_dispatch (GSource     *source,
                       GSourceFunc  callback,
                       gpointer     user_data)
{
  g_source_set_ready_time (source, -1);
  return callback (user_data);
}

static GSourceFuncs stall_source_funcs = {
  .dispatch = stall_source_dispatch,
};

/* The deadline runs while we wait for the server: from the start of a read or an open to
 * its end. While the worker holds reading back, the server is not late. */
static void
job_arm_stall (LoadJob  *job,
               gboolean  waiting)
{
  if (job->stall_timeout_ms == 0)
    return;

  if (job->stall_source == NULL)
    {
      job->stall_source = g_source_new (&stall_source_funcs, sizeof (GSource));
      g_source_set_static_name (job->stall_source, "[ringside] list stall deadline");
      ringside_load_job_attach (job, job->stall_source, stall_cb);
    }

  g_source_set_ready_time (job->stall_source,
                           waiting ? g_source_get_time (job->stall_source) +
                                     (gint64) job->stall_timeout_ms * 1000
                                   : -1);
}

/* Batches */

gint64
ringside_splice_pace_record (RingsideSplicePace *pace,
                             gint64              start)
{
  gint64 cost;

  /* What the views took over it sets the pace; the clock starts when they are done. */
  pace->last_time = g_get_monotonic_time ();
  cost = pace->last_time - start;
  pace->interval = CLAMP (cost * SPLICE_COST_FACTOR, SPLICE_INTERVAL_MS * 1000,
                          MAX_SPLICE_INTERVAL_MS * 1000);
  return cost;
}

guint
ringside_splice_pace_wait_ms (const RingsideSplicePace *pace)
{
  gint64 elapsed = g_get_monotonic_time () - pace->last_time;

  if (pace->last_time == 0 || elapsed >= pace->interval)
    return 0;

  return (guint) ((pace->interval - elapsed + 999) / 1000);
}

/* Appends the pending items to the list. Handlers of items-changed may start a new load or
 * dispose the loader, so the job's state is settled before the list is touched. */
static void
job_splice (LoadJob            *job,
            RingsideListLoader *self)
{
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(RingsideItemList) items = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 cost;

  job->splice_pace.last_time = start;
  if (job->pending->len == 0 || self->items == NULL)
    return;

  batch = g_steal_pointer (&job->pending);
  job->pending = g_ptr_array_new_with_free_func (g_object_unref);
  items = g_object_ref (self->items);
  self->n_items += batch->len;

  ringside_item_list_append (items, batch);

  cost = ringside_splice_pace_record (&job->splice_pace, start);
  g_debug ("Added %u items (%u in all) in %" G_GINT64_FORMAT " µs", batch->len,
           self->n_items, cost);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
splice_timeout_cb (gpointer user_data)
{
  LoadJob *job = user_data;

  g_clear_pointer (&job->splice_source, g_source_unref);
  if (job->task != NULL)
    job_splice (job, job_get_loader (job));

  return G_SOURCE_REMOVE;
}

/* The first items go in at once, so that rows appear fast; later ones after the interval
 * that the last splice set. */
static void
job_schedule_splice (LoadJob *job)
{
  guint wait_ms;

  if (job->pending->len == 0 || job->splice_source != NULL)
    return;

  wait_ms = ringside_splice_pace_wait_ms (&job->splice_pace);
  if (wait_ms == 0)
    {
      job_splice (job, job_get_loader (job));
      return;
    }

  job->splice_source = ringside_load_job_attach (job, g_timeout_source_new (wait_ms),
                                                 splice_timeout_cb);
}

/* Pages */

/* Called when the worker finished a page of @n_elements: asks for the next, or ends. */
static void
job_page_done (LoadJob *job,
               guint    n_elements)
{
  gboolean last = n_elements == 0 || n_elements < job->longest_page;

  g_debug ("Page %u of the %s list had %u elements", job->page, job->kind->name, n_elements);
  job->longest_page = MAX (job->longest_page, n_elements);
  ringside_list_loader_set_progress (job_get_loader (job), job->page + 1, 0);

  if (!last)
    {
      /* Once the caller cancelled it may have let go of the source: no page is asked for
       * after that, even before cancelled_cb() has ended the load. */
      if (g_cancellable_is_cancelled (g_task_get_cancellable (job->task)))
        return;
      job->page++;
      job_open_page (job);
      return;
    }

  ringside_mutex_lock (&job->mutex);
  job->end_of_stream = TRUE;
  g_cond_signal (&job->cond);
  ringside_mutex_unlock (&job->mutex);
}

gboolean
ringside_load_job_wakeup_cb (gpointer user_data)
{
  LoadJob *job = user_data;
  g_autoptr(GPtrArray) ready = NULL;
  g_autoptr(GError) error = NULL;
  gboolean resume_reading;
  gboolean worker_finished;
  gboolean page_done;
  guint page_elements;
  RingsideListLoader *self;

  ringside_mutex_lock (&job->mutex);
  job->wakeup_pending = FALSE;
  ready = g_steal_pointer (&job->ready);
  job->ready = g_ptr_array_new_with_free_func (g_object_unref);
  resume_reading = job->resume_reading;
  job->resume_reading = FALSE;
  page_done = job->page_done;
  page_elements = job->page_elements;
  job->page_done = FALSE;
  worker_finished = job->worker_done;
  error = g_steal_pointer (&job->worker_error);
  ringside_mutex_unlock (&job->mutex);

  if (job->task == NULL)
    return G_SOURCE_REMOVE;

  self = job_get_loader (job);
  g_ptr_array_extend_and_steal (job->pending, g_steal_pointer (&ready));

  if ((guint64) self->n_items + job->pending->len > job->max_items)
    job_finish (job, too_large_error (job));
  else if (worker_finished)
    job_finish (job, g_steal_pointer (&error));
  else
    {
      if (resume_reading)
        job_read_next (job);
      if (page_done)
        job_page_done (job, page_elements);
      job_schedule_splice (job);
    }

  return G_SOURCE_REMOVE;
}

/* Reading */

static GError *
read_error_to_ringside (GError *error)
{
  GError *mapped;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;

  mapped = g_error_new (RINGSIDE_ERROR,
                        g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT)
                          ? RINGSIDE_ERROR_TIMEOUT : RINGSIDE_ERROR_NETWORK,
                        "Reading the list failed: %s", error->message);
  g_error_free (error);
  return mapped;
}

/* Hands the worker @chunk (an empty one ends a page); returns whether to read on now. */
static gboolean
job_queue_chunk (LoadJob *job,
                 GBytes  *chunk)
{
  gsize size = g_bytes_get_size (chunk);
  gboolean read_more;

  ringside_mutex_lock (&job->mutex);
  if (size == 0 && !job->paged)
    {
      job->end_of_stream = TRUE;
      g_bytes_unref (chunk);
    }
  else
    {
      g_queue_push_tail (&job->chunks, chunk);
      job->queued_bytes += size;
    }
  read_more = size > 0 && job->queued_bytes < QUEUE_HIGH_MARK;
  job->reader_waiting = size > 0 && !read_more;
  g_cond_signal (&job->cond);
  ringside_mutex_unlock (&job->mutex);

  return read_more;
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LoadJob) job = user_data;
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;
  gsize size;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (job->task == NULL)
    {
      g_clear_error (&error);
      return;
    }

  job_arm_stall (job, FALSE);

  if (chunk == NULL)
    {
      job_finish (job, read_error_to_ringside (error));
      return;
    }

  size = g_bytes_get_size (chunk);
  job->bytes_read += size;
  if (job->bytes_read > job->max_bytes)
    {
      job_finish (job, too_large_error (job));
      return;
    }

  /* A page read to its end is let go of at once: the next is another request. */
  if (size == 0)
    g_clear_object (&job->stream);

  if (job_queue_chunk (job, g_steal_pointer (&chunk)))
    job_read_next (job);
}

static void
job_read_next (LoadJob *job)
{
  job_arm_stall (job, TRUE);
  g_input_stream_read_bytes_async (job->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   job->read_cancellable, on_read, ringside_load_job_ref (job));
}

static void
on_page_opened (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LoadJob) job = user_data;
  g_autoptr(GInputStream) stream = NULL;
  GError *error = NULL;

  /* The opener's source object may be anything, or nothing: the job knows its own. */
  stream = job->opener->open_finish (job->opener_source, result, &error);
  if (job->task == NULL)
    {
      g_clear_error (&error);
      return;
    }

  job_arm_stall (job, FALSE);

  if (stream == NULL)
    {
      job_finish (job, error);
      return;
    }

  job->stream = g_steal_pointer (&stream);
  job_read_next (job);
}

static void
job_open_page (LoadJob *job)
{
  g_autofree char *path = NULL;

  path = job->paged ? ringside_list_kind_page_path (job->kind, job->path, job->page)
                    : g_strdup (job->path);

  job_arm_stall (job, TRUE);
  job->opener->open_async (job->opener_source, path, job->read_cancellable,
                           on_page_opened, ringside_load_job_ref (job));
}

static gboolean
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  LoadJob *job = user_data;
  GError *error = NULL;

  if (job->task != NULL)
    {
      g_cancellable_set_error_if_cancelled (cancellable, &error);
      job_finish (job, error);
    }

  return G_SOURCE_REMOVE;
}

/* Tells the worker to stop, and lets go of everything that belongs to the main context. */
static void
job_stop (LoadJob *job)
{
  ringside_mutex_lock (&job->mutex);
  g_atomic_int_set (&job->abort, TRUE);
  g_cond_signal (&job->cond);
  ringside_mutex_unlock (&job->mutex);

  /* libsoup's streams are not thread-safe: the worker must never drop the last reference.
   * A pending read holds its own until it comes back here, cancelled. */
  g_cancellable_cancel (job->read_cancellable);
  g_clear_object (&job->stream);

  if (job->cancel_source != NULL)
    g_source_destroy (job->cancel_source);
  g_clear_pointer (&job->cancel_source, g_source_unref);
  if (job->splice_source != NULL)
    g_source_destroy (job->splice_source);
  g_clear_pointer (&job->splice_source, g_source_unref);
  if (job->stall_source != NULL)
    g_source_destroy (job->stall_source);
  g_clear_pointer (&job->stall_source, g_source_unref);
}

/* Ends the load with @error (taken), or successfully when it is NULL. The job is detached
 * from the loader first, so that callbacks run from here (items-changed, the task's own) may
 * start a new load. */
static void
job_finish (LoadJob *job,
            GError  *error)
{
  g_autoptr(LoadJob) job_alive = ringside_load_job_ref (job);
  g_autoptr(GTask) task = g_steal_pointer (&job->task);
  RingsideListLoader *self = g_task_get_source_object (task);

  if (self->job == job)
    g_clear_pointer (&self->job, ringside_load_job_unref);

  job_stop (job);

  /* What was parsed before an error is good; after cancellation the list stays as it is. A
   * list over the caps is let go of whole: what it holds would pass for the list, and may
   * be most of the memory there is. */
  if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TOO_LARGE))
    {
      g_ptr_array_set_size (job->pending, 0);
      if (self->items != NULL)
        ringside_item_list_remove_all (self->items);
      self->n_items = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    job_splice (job, self);
  g_ptr_array_set_size (job->pending, 0);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Ends the current load, and any that a callback of the cancelled one started. */
static void
cancel_current_load (RingsideListLoader *self,
                     const char         *reason)
{
  while (self->job != NULL || self->fan_out != NULL)
    {
      if (self->job != NULL)
        job_finish (self->job, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, reason));
      else
        ringside_fan_out_cancel (self->fan_out, reason);
    }
}

/* Cancels what is in progress and empties the list, for a new load. */
void
ringside_list_loader_reset (RingsideListLoader *self,
                            const char         *reason)
{
  cancel_current_load (self, reason);

  ringside_item_list_remove_all (self->items);
  self->n_items = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  ringside_list_loader_set_progress (self, 0, 0);
  g_clear_pointer (&self->skipped_parents, g_ptr_array_unref);
}

void
ringside_list_loader_set_progress (RingsideListLoader *self,
                                   guint               parts_read,
                                   guint               parts_total)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->parts_read != parts_read)
    {
      self->parts_read = parts_read;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTS_READ]);
    }
  if (self->parts_total != parts_total)
    {
      self->parts_total = parts_total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTS_TOTAL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Appends @batch (items of the loader's kind) to the list, for a fanned-out load. */
void
ringside_list_loader_add_items (RingsideListLoader *self,
                                GPtrArray          *batch)
{
  g_autoptr(RingsideItemList) items = NULL;

  if (batch->len == 0 || self->items == NULL)
    return;

  items = g_object_ref (self->items);
  self->n_items += batch->len;
  ringside_item_list_append (items, batch);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Empties the list, for a fanned-out load over the caps. */
void
ringside_list_loader_drop_items (RingsideListLoader *self)
{
  if (self->items != NULL)
    ringside_item_list_remove_all (self->items);
  self->n_items = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Starts a load for @task: empties the list and starts the worker. Returns the job, or NULL
 * when the task was already answered. */
static LoadJob *
start_load (RingsideListLoader *self,
            GTask              *task,
            GCancellable       *cancellable,
            gboolean            paged)
{
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GError) error = NULL;
  LoadJob *job;

  ringside_list_loader_reset (self, "A new load replaced this one");

  if (g_task_return_error_if_cancelled (task))
    return NULL;

  job = job_new (self, task);
  job->paged = paged;
  self->job = job;

  thread = g_thread_try_new ("ringside-list", ringside_load_job_worker,
                             ringside_load_job_ref (job), &error);
  if (thread == NULL)
    {
      ringside_load_job_unref (job);  /* the worker's reference */
      g_prefix_error (&error,
                      /* Translators: followed by the reason */
                      _("Could not start reading the list: "));
      job_finish (job, g_steal_pointer (&error));
      return NULL;
    }

  if (cancellable != NULL)
    {
      job->cancel_source = g_cancellable_source_new (cancellable);
      ringside_load_job_attach (job, job->cancel_source, G_SOURCE_FUNC (cancelled_cb));
    }

  return job;
}

/* RingsideListLoader */

static void
ringside_list_loader_dispose (GObject *object)
{
  RingsideListLoader *self = (RingsideListLoader *) object;

  cancel_current_load (self, "The list loader was disposed");
  g_clear_object (&self->items);
  g_clear_pointer (&self->skipped_parents, g_ptr_array_unref);

  G_OBJECT_CLASS (ringside_list_loader_parent_class)->dispose (object);
}

static void
ringside_list_loader_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RingsideListLoader *self = RINGSIDE_LIST_LOADER (object);

  switch (prop_id)
    {
    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_MAX_BYTES:
      g_value_set_uint64 (value, self->max_bytes);
      break;
    case PROP_MAX_ITEMS:
      g_value_set_uint (value, self->max_items);
      break;
    case PROP_STALL_TIMEOUT:
      g_value_set_uint (value, self->stall_timeout_ms);
      break;
    case PROP_PARTS_READ:
      g_value_set_uint (value, self->parts_read);
      break;
    case PROP_PARTS_TOTAL:
      g_value_set_uint (value, self->parts_total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_list_loader_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RingsideListLoader *self = RINGSIDE_LIST_LOADER (object);

  switch (prop_id)
    {
    case PROP_ITEMS:
      self->items = g_value_dup_object (value);
      break;
    case PROP_MAX_BYTES:
      self->max_bytes = g_value_get_uint64 (value);
      break;
    case PROP_MAX_ITEMS:
      self->max_items = g_value_get_uint (value);
      break;
    case PROP_STALL_TIMEOUT:
      self->stall_timeout_ms = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_list_loader_constructed (GObject *object)
{
  RingsideListLoader *self = (RingsideListLoader *) object;

  G_OBJECT_CLASS (ringside_list_loader_parent_class)->constructed (object);

  /* The kind says how to read the list. */
  g_return_if_fail (RINGSIDE_IS_ITEM_LIST (self->items));
  g_return_if_fail (ringside_item_list_get_kind (self->items) != NULL);
}

static void
ringside_list_loader_class_init (RingsideListLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = ringside_list_loader_constructed;
  object_class->dispose = ringside_list_loader_dispose;
  object_class->get_property = ringside_list_loader_get_property;
  object_class->set_property = ringside_list_loader_set_property;

  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, RINGSIDE_TYPE_ITEM_LIST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_BYTES] =
    g_param_spec_uint64 ("max-bytes", NULL, NULL, 0, G_MAXUINT64,
                         RINGSIDE_LIST_LOADER_DEFAULT_MAX_BYTES, rw);
  properties[PROP_MAX_ITEMS] =
    g_param_spec_uint ("max-items", NULL, NULL, 0, G_MAXUINT,
                       RINGSIDE_LIST_LOADER_DEFAULT_MAX_ITEMS, rw);
  properties[PROP_STALL_TIMEOUT] =
    g_param_spec_uint ("stall-timeout", NULL, NULL, 0, G_MAXUINT,
                       RINGSIDE_LIST_LOADER_DEFAULT_STALL_TIMEOUT_MS, rw);
  properties[PROP_PARTS_READ] =
    g_param_spec_uint ("parts-read", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTS_TOTAL] =
    g_param_spec_uint ("parts-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_list_loader_init (RingsideListLoader *self)
{
  self->max_bytes = RINGSIDE_LIST_LOADER_DEFAULT_MAX_BYTES;
  self->max_items = RINGSIDE_LIST_LOADER_DEFAULT_MAX_ITEMS;
  self->stall_timeout_ms = RINGSIDE_LIST_LOADER_DEFAULT_STALL_TIMEOUT_MS;
}

/**
 * ringside_list_loader_new:
 * @items: a list made with ringside_item_list_new_for_kind()
 *
 * Returns: (transfer full): a new loader filling @items
 */
RingsideListLoader *
ringside_list_loader_new (RingsideItemList *items)
{
  g_return_val_if_fail (RINGSIDE_IS_ITEM_LIST (items), NULL);
  g_return_val_if_fail (ringside_item_list_get_kind (items) != NULL, NULL);

  return g_object_new (RINGSIDE_TYPE_LIST_LOADER, "items", items, NULL);
}

/**
 * ringside_list_loader_get_items:
 *
 * Returns: (transfer none) (nullable): the list, or %NULL once the loader was disposed
 */
RingsideItemList *
ringside_list_loader_get_items (RingsideListLoader *self)
{
  g_return_val_if_fail (RINGSIDE_IS_LIST_LOADER (self), NULL);

  return self->items;
}

guint
ringside_list_loader_get_n_items (RingsideListLoader *self)
{
  g_return_val_if_fail (RINGSIDE_IS_LIST_LOADER (self), 0);

  return self->n_items;
}

/**
 * ringside_list_loader_load_async:
 * @self: a #RingsideListLoader
 * @stream: the body of the list request; it is read to its end, not closed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the whole list was added to the items, or on failure
 * @user_data: data for @callback
 *
 * A load already in progress is cancelled first.
 */
void
ringside_list_loader_load_async (RingsideListLoader  *self,
                                 GInputStream        *stream,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (RINGSIDE_IS_LIST_LOADER (self));
  g_return_if_fail (G_IS_INPUT_STREAM (stream));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->items != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_list_loader_load_async);

  job = start_load (self, task, cancellable, FALSE);
  if (job == NULL)
    return;

  job->stream = g_object_ref (stream);
  job_read_next (job);
}

/**
 * ringside_list_loader_load_finish:
 *
 * Returns: whether the whole list was loaded
 */
gboolean
ringside_list_loader_load_finish (RingsideListLoader  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (RINGSIDE_IS_LIST_LOADER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_list_loader_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ringside_list_loader_fetch_async:
 * @self: a #RingsideListLoader
 * @opener: how to ask for a path; it must outlive the load (openers are static)
 * @source: what @opener asks (a #RingsideSession); it must outlive the load
 * @path: the list's path with its query, without paging
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the whole list was added to the items, or on failure
 * @user_data: data for @callback
 *
 * A load already in progress is cancelled first.
 */
void
ringside_list_loader_fetch_async (RingsideListLoader       *self,
                                  const RingsideListOpener *opener,
                                  gpointer                  source,
                                  const char               *path,
                                  GCancellable             *cancellable,
                                  GAsyncReadyCallback       callback,
                                  gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  const RingsideListKind *kind;
  LoadJob *job;

  g_return_if_fail (RINGSIDE_IS_LIST_LOADER (self));
  g_return_if_fail (opener != NULL && opener->open_async != NULL && opener->open_finish != NULL);
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->items != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_list_loader_fetch_async);

  kind = ringside_item_list_get_kind (self->items);
  job = start_load (self, task, cancellable, kind->paging != RINGSIDE_LIST_PAGING_NONE);
  if (job == NULL)
    return;

  job->opener = opener;
  job->opener_source = source;
  job->path = g_strdup (path);
  job_open_page (job);
}

gboolean
ringside_list_loader_fetch_finish (RingsideListLoader  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (RINGSIDE_IS_LIST_LOADER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_list_loader_fetch_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
ringside_list_loader_get_parts_read (RingsideListLoader *self)
{
  g_return_val_if_fail (RINGSIDE_IS_LIST_LOADER (self), 0);

  return self->parts_read;
}

guint
ringside_list_loader_get_parts_total (RingsideListLoader *self)
{
  g_return_val_if_fail (RINGSIDE_IS_LIST_LOADER (self), 0);

  return self->parts_total;
}
