/* ringside-list-loader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ringside-account.h"
#include "ringside-error.h"
#include "ringside-json-splitter.h"
#include "ringside-list-loader.h"
#include "ringside-user.h"

/* How much is read at once. */
#define CHUNK_SIZE (64 * 1024)
/* Reading stops while this much waits for the parser, and resumes below the low mark, so
 * that a fast stream never piles up in memory. */
#define QUEUE_HIGH_MARK (16 * CHUNK_SIZE)
#define QUEUE_LOW_MARK (4 * CHUNK_SIZE)
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

/* One load. The main context reads the stream and fills the list; the worker thread cuts
 * and parses. They share only what is under the mutex and the abort flag, and each holds a
 * reference, so that either may go away first. The worker never sees the loader or the
 * list. */
typedef struct
{
  gatomicrefcount  ref_count;
  GType            item_type;
  GMainContext    *context;

  /* Main context only. */
  GTask           *task;              /* NULL once the load has finished */
  GInputStream    *stream;
  GCancellable    *read_cancellable;  /* stops our own pending read when the load ends */
  GSource         *cancel_source;
  GSource         *splice_source;
  GPtrArray       *pending;           /* items waiting for the next splice */
  gint64           last_splice_time;  /* 0 before the first splice */
  gint64           splice_interval;   /* µs to wait after the last splice */

  /* Set by the main context when the load ends; the worker then stops soon. */
  gint             abort;

  /* Shared, under the mutex. */
  GMutex           mutex;
  GCond            cond;
  GQueue           chunks;            /* GBytes for the worker */
  gsize            queued_bytes;
  gboolean         end_of_stream;
  gboolean         reader_waiting;    /* reading paused until the worker catches up */
  gboolean         resume_reading;
  GPtrArray       *ready;             /* items the worker finished */
  GError          *worker_error;
  gboolean         worker_done;
  gboolean         wakeup_pending;    /* a wakeup is attached to the main context */
} LoadJob;

struct _RingsideListLoader
{
  GObject           parent_instance;

  RingsideItemList *items;
  LoadJob          *job;      /* the load in progress, or NULL */
  guint             n_items;
};

G_DEFINE_FINAL_TYPE (RingsideListLoader, ringside_list_loader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEMS,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void job_read_next (LoadJob *job);
static void job_finish    (LoadJob *job,
                           GError  *error);

/* Job lifetime */

static LoadJob *
job_ref (LoadJob *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

/* The last reference may be dropped by the worker thread: by then the task, and with it
 * the loader and the list, are long gone (job_finish() runs on the main context). */
static void
job_unref (LoadJob *job)
{
  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;

  g_assert (job->task == NULL && job->stream == NULL);

  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_object (&job->read_cancellable);
  g_clear_pointer (&job->pending, g_ptr_array_unref);
  g_queue_clear_full (&job->chunks, (GDestroyNotify) g_bytes_unref);
  g_clear_pointer (&job->ready, g_ptr_array_unref);
  g_clear_error (&job->worker_error);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadJob, job_unref)

static LoadJob *
job_new (GTask        *task,
         GType         item_type,
         GInputStream *stream)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  g_atomic_ref_count_init (&job->ref_count);
  job->item_type = item_type;
  job->context = g_main_context_ref_thread_default ();
  job->task = g_object_ref (task);
  job->stream = g_object_ref (stream);
  job->read_cancellable = g_cancellable_new ();
  job->pending = g_ptr_array_new_with_free_func (g_object_unref);
  job->ready = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  g_queue_init (&job->chunks);

  return job;
}

static GSource *
job_attach_source (LoadJob     *job,
                   GSource     *source,
                   GSourceFunc  callback)
{
  g_source_set_callback (source, callback, job_ref (job), (GDestroyNotify) job_unref);
  g_source_attach (source, job->context);
  return source;
}

/* Worker thread */

static gboolean
job_is_aborted (LoadJob *job)
{
  return g_atomic_int_get (&job->abort);
}

static gboolean
wakeup_main_cb (gpointer user_data);

/* Called with the mutex held. */
static void
worker_wake_main_locked (LoadJob *job)
{
  GSource *source;

  if (job->wakeup_pending)
    return;

  job->wakeup_pending = TRUE;
  source = g_idle_source_new ();
  /* An idle priority would starve behind a window that redraws every frame (a spinner). */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_unref (job_attach_source (job, source, wakeup_main_cb));
}

/* Blocks until there is a chunk, the stream ended (NULL) or the load was aborted (NULL). */
static GBytes *
worker_next_chunk (LoadJob *job)
{
  GBytes *chunk;

  g_mutex_lock (&job->mutex);
  while (g_queue_is_empty (&job->chunks) && !job->end_of_stream && !job_is_aborted (job))
    g_cond_wait (&job->cond, &job->mutex);
  chunk = job_is_aborted (job) ? NULL : g_queue_pop_head (&job->chunks);
  g_mutex_unlock (&job->mutex);

  return chunk;
}

/* Hands @items (taken) to the main context and gives back the room @chunk_size took in
 * the queue. */
static void
worker_publish (LoadJob   *job,
                GPtrArray *items,
                gsize      chunk_size)
{
  g_mutex_lock (&job->mutex);

  job->queued_bytes -= chunk_size;
  if (job->reader_waiting && job->queued_bytes <= QUEUE_LOW_MARK)
    {
      job->reader_waiting = FALSE;
      job->resume_reading = TRUE;
      worker_wake_main_locked (job);
    }

  if (items->len > 0)
    worker_wake_main_locked (job);
  g_ptr_array_extend_and_steal (job->ready, items);

  g_mutex_unlock (&job->mutex);
}

static void
worker_done (LoadJob *job,
             GError  *error)
{
  g_mutex_lock (&job->mutex);
  job->worker_done = TRUE;
  job->worker_error = error;
  /* After an abort nobody waits for the news. */
  if (!job_is_aborted (job))
    worker_wake_main_locked (job);
  g_mutex_unlock (&job->mutex);
}

/* Parses element number @index (from 1) into @items. The message says which element
 * failed, but never quotes it: an account carries secrets. */
static gboolean
worker_parse_element (LoadJob     *job,
                      JsonParser  *parser,
                      GBytes      *element,
                      guint        index,
                      GPtrArray   *items,
                      GError     **error)
{
  const char *kind = job->item_type == RINGSIDE_TYPE_USER ? "user" : "account";
  gsize length;
  const char *data = g_bytes_get_data (element, &length);
  JsonNode *root;

  /* json-glib's message may quote the element, which may hold a secret. */
  if (!json_parser_load_from_data (parser, data, length, NULL))
    {
      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                   "%s %u: the element is not valid JSON", kind, index);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (job->item_type == RINGSIDE_TYPE_USER)
    {
      if (!ringside_user_parse_json (root, items, error))
        {
          g_prefix_error (error, "%s %u: ", kind, index);
          return FALSE;
        }
    }
  else
    {
      RingsideAccount *account = ringside_account_new_from_json (root, error);

      if (account == NULL)
        {
          g_prefix_error (error, "%s %u: ", kind, index);
          return FALSE;
        }
      g_ptr_array_add (items, account);
    }

  return TRUE;
}

/* Parsing is spread over the processors: the elements of each chunk are cut into slices of
 * at least this many, parsed side by side and put back in order. */
#define MIN_SLICE_ELEMENTS 8
#define MAX_PARSER_THREADS 4

/* Elements [first, end) of a chunk, parsed by one thread. */
typedef struct
{
  LoadJob    *job;
  GPtrArray  *elements;
  guint       first;
  guint       end;
  guint       first_index;   /* the element number of elements[first], from 1 */
  GPtrArray  *items;         /* what the elements before the failing one made */
  GError     *error;         /* why the first element that failed did */

  /* Shared by the slices of a chunk: how many are still being parsed. */
  GMutex     *mutex;
  GCond      *cond;
  guint      *remaining;
} Slice;

static void
slice_parse (Slice      *slice,
             JsonParser *parser)
{
  for (guint i = slice->first; i < slice->end && !job_is_aborted (slice->job); i++)
    {
      if (!worker_parse_element (slice->job, parser, slice->elements->pdata[i],
                                 slice->first_index + i - slice->first, slice->items,
                                 &slice->error))
        break;
    }
}

/* A GThreadPool function: parses a slice with a parser of its own. */
static void
slice_parse_in_pool (gpointer data,
                     gpointer user_data)
{
  Slice *slice = data;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  slice_parse (slice, parser);

  g_mutex_lock (slice->mutex);
  if (--*slice->remaining == 0)
    g_cond_signal (slice->cond);
  g_mutex_unlock (slice->mutex);
}

/* Parses @elements, numbered from @first_index, into @items, in order. On failure @items
 * holds what the elements before the failing one made. */
static gboolean
worker_parse_elements (LoadJob      *job,
                       GThreadPool  *pool,
                       JsonParser   *parser,
                       GPtrArray    *elements,
                       guint         first_index,
                       GPtrArray    *items,
                       GError      **error)
{
  guint n_slices = 1;
  g_autofree Slice *slices = NULL;
  GMutex mutex;
  GCond cond;
  guint remaining;
  gboolean ok = TRUE;

  if (pool != NULL)
    n_slices = CLAMP (elements->len / MIN_SLICE_ELEMENTS, 1,
                      (guint) g_thread_pool_get_max_threads (pool) + 1);

  g_mutex_init (&mutex);
  g_cond_init (&cond);
  remaining = n_slices - 1;

  slices = g_new0 (Slice, n_slices);
  for (guint s = 0; s < n_slices; s++)
    {
      Slice *slice = &slices[s];

      slice->job = job;
      slice->elements = elements;
      slice->first = (guint) ((guint64) elements->len * s / n_slices);
      slice->end = (guint) ((guint64) elements->len * (s + 1) / n_slices);
      slice->first_index = first_index + slice->first;
      slice->items = s == 0 ? g_ptr_array_ref (items)
                            : g_ptr_array_new_with_free_func (g_object_unref);
      slice->mutex = &mutex;
      slice->cond = &cond;
      slice->remaining = &remaining;
      if (s > 0)
        g_thread_pool_push (pool, slice, NULL);
    }

  /* This thread takes the first slice, then waits for the others. */
  slice_parse (&slices[0], parser);

  g_mutex_lock (&mutex);
  while (remaining > 0)
    g_cond_wait (&cond, &mutex);
  g_mutex_unlock (&mutex);

  for (guint s = 0; s < n_slices; s++)
    {
      Slice *slice = &slices[s];

      if (ok && s > 0)
        g_ptr_array_extend_and_steal (items, g_steal_pointer (&slice->items));
      if (ok && slice->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&slice->error));
          ok = FALSE;
        }
      g_clear_pointer (&slice->items, g_ptr_array_unref);
      g_clear_error (&slice->error);
    }

  g_mutex_clear (&mutex);
  g_cond_clear (&cond);
  return ok;
}

static GThreadPool *
worker_new_pool (void)
{
  guint n_threads = CLAMP (g_get_num_processors (), 1, MAX_PARSER_THREADS);

  if (n_threads == 1)
    return NULL;

  /* Helpers besides the worker itself, which parses too. */
  return g_thread_pool_new (slice_parse_in_pool, NULL, n_threads - 1, FALSE, NULL);
}

static gpointer
worker_main (gpointer data)
{
  g_autoptr(LoadJob) job = data;
  g_autoptr(RingsideJsonSplitter) splitter = ringside_json_splitter_new ();
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;
  GThreadPool *pool = worker_new_pool ();
  guint index = 0;

  for (;;)
    {
      g_autoptr(GBytes) chunk = worker_next_chunk (job);
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GError) element_error = NULL;
      gsize size;
      const char *bytes;
      gboolean fed;

      if (chunk == NULL)
        {
          if (!job_is_aborted (job))
            ringside_json_splitter_finish (splitter, &error);
          break;
        }

      /* Elements completed before a splitting error are still good: parse them first. */
      bytes = g_bytes_get_data (chunk, &size);
      fed = ringside_json_splitter_feed (splitter, bytes, size, elements, &error);

      items = g_ptr_array_new_with_free_func (g_object_unref);
      if (!worker_parse_elements (job, pool, parser, elements, index + 1, items,
                                  &element_error))
        {
          g_clear_error (&error);
          error = g_steal_pointer (&element_error);
        }
      index += elements->len;
      g_ptr_array_set_size (elements, 0);

      worker_publish (job, g_steal_pointer (&items), size);
      if (!fed || error != NULL || job_is_aborted (job))
        break;
    }

  if (pool != NULL)
    g_thread_pool_free (pool, FALSE, TRUE);

  worker_done (job, g_steal_pointer (&error));
  return NULL;
}

/* Main context */

/* The loader of a load that has not finished: its task holds it. */
static RingsideListLoader *
job_get_loader (LoadJob *job)
{
  return g_task_get_source_object (job->task);
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

  job->last_splice_time = start;
  if (job->pending->len == 0 || self->items == NULL)
    return;

  batch = g_steal_pointer (&job->pending);
  job->pending = g_ptr_array_new_with_free_func (g_object_unref);
  items = g_object_ref (self->items);
  self->n_items += batch->len;

  ringside_item_list_append (items, batch);

  /* What the views took over it sets the pace; the clock starts when they are done. */
  job->last_splice_time = g_get_monotonic_time ();
  cost = job->last_splice_time - start;
  job->splice_interval = CLAMP (cost * SPLICE_COST_FACTOR, SPLICE_INTERVAL_MS * 1000,
                                MAX_SPLICE_INTERVAL_MS * 1000);
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
  gint64 elapsed;

  if (job->pending->len == 0 || job->splice_source != NULL)
    return;

  elapsed = g_get_monotonic_time () - job->last_splice_time;
  if (job->last_splice_time == 0 || elapsed >= job->splice_interval)
    {
      job_splice (job, job_get_loader (job));
      return;
    }

  job->splice_source =
    job_attach_source (job, g_timeout_source_new ((job->splice_interval - elapsed + 999) / 1000),
                       splice_timeout_cb);
}

static gboolean
wakeup_main_cb (gpointer user_data)
{
  LoadJob *job = user_data;
  g_autoptr(GPtrArray) ready = NULL;
  g_autoptr(GError) error = NULL;
  gboolean resume_reading;
  gboolean worker_finished;

  g_mutex_lock (&job->mutex);
  job->wakeup_pending = FALSE;
  ready = g_steal_pointer (&job->ready);
  job->ready = g_ptr_array_new_with_free_func (g_object_unref);
  resume_reading = job->resume_reading;
  job->resume_reading = FALSE;
  worker_finished = job->worker_done;
  error = g_steal_pointer (&job->worker_error);
  g_mutex_unlock (&job->mutex);

  if (job->task == NULL)
    return G_SOURCE_REMOVE;

  g_ptr_array_extend_and_steal (job->pending, g_steal_pointer (&ready));

  if (worker_finished)
    job_finish (job, g_steal_pointer (&error));
  else
    {
      if (resume_reading)
        job_read_next (job);
      job_schedule_splice (job);
    }

  return G_SOURCE_REMOVE;
}

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

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LoadJob) job = user_data;
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;
  gboolean read_more;
  gsize size;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (job->task == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (chunk == NULL)
    {
      job_finish (job, read_error_to_ringside (error));
      return;
    }

  size = g_bytes_get_size (chunk);

  g_mutex_lock (&job->mutex);
  if (size == 0)
    job->end_of_stream = TRUE;
  else
    {
      g_queue_push_tail (&job->chunks, g_steal_pointer (&chunk));
      job->queued_bytes += size;
    }
  read_more = size > 0 && job->queued_bytes < QUEUE_HIGH_MARK;
  job->reader_waiting = size > 0 && !read_more;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);

  if (read_more)
    job_read_next (job);
}

static void
job_read_next (LoadJob *job)
{
  g_input_stream_read_bytes_async (job->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   job->read_cancellable, on_read, job_ref (job));
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
  g_mutex_lock (&job->mutex);
  g_atomic_int_set (&job->abort, TRUE);
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);

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
}

/* Ends the load with @error (taken), or successfully when it is NULL. The job is detached
 * from the loader first, so that callbacks run from here (items-changed, the task's own) may
 * start a new load. */
static void
job_finish (LoadJob *job,
            GError  *error)
{
  g_autoptr(LoadJob) job_alive = job_ref (job);
  g_autoptr(GTask) task = g_steal_pointer (&job->task);
  RingsideListLoader *self = g_task_get_source_object (task);

  if (self->job == job)
    g_clear_pointer (&self->job, job_unref);

  job_stop (job);

  /* What was parsed before an error is good; after cancellation the list stays as it is. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
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
  while (self->job != NULL)
    job_finish (self->job, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, reason));
}

/* RingsideListLoader */

static void
ringside_list_loader_dispose (GObject *object)
{
  RingsideListLoader *self = (RingsideListLoader *) object;

  cancel_current_load (self, "The list loader was disposed");
  g_clear_object (&self->items);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_list_loader_constructed (GObject *object)
{
  RingsideListLoader *self = (RingsideListLoader *) object;
  GType item_type;

  G_OBJECT_CLASS (ringside_list_loader_parent_class)->constructed (object);

  g_return_if_fail (RINGSIDE_IS_ITEM_LIST (self->items));
  item_type = g_list_model_get_item_type (G_LIST_MODEL (self->items));
  g_return_if_fail (item_type == RINGSIDE_TYPE_ACCOUNT || item_type == RINGSIDE_TYPE_USER);
}

static void
ringside_list_loader_class_init (RingsideListLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_list_loader_init (RingsideListLoader *self)
{
}

/**
 * ringside_list_loader_new:
 * @items: a list of #RingsideAccount or #RingsideUser
 *
 * Returns: (transfer full): a new loader filling @items
 */
RingsideListLoader *
ringside_list_loader_new (RingsideItemList *items)
{
  g_return_val_if_fail (RINGSIDE_IS_ITEM_LIST (items), NULL);

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
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GError) error = NULL;
  LoadJob *job;

  g_return_if_fail (RINGSIDE_IS_LIST_LOADER (self));
  g_return_if_fail (G_IS_INPUT_STREAM (stream));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->items != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_list_loader_load_async);

  cancel_current_load (self, "A new load replaced this one");

  ringside_item_list_remove_all (self->items);
  self->n_items = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  if (g_task_return_error_if_cancelled (task))
    return;

  job = job_new (task, g_list_model_get_item_type (G_LIST_MODEL (self->items)), stream);
  self->job = job;

  thread = g_thread_try_new ("ringside-list", worker_main, job_ref (job), &error);
  if (thread == NULL)
    {
      job_unref (job);  /* the worker's reference */
      g_prefix_error (&error,
                      /* Translators: followed by the reason */
                      _("Could not start reading the list: "));
      job_finish (job, g_steal_pointer (&error));
      return;
    }

  if (cancellable != NULL)
    {
      job->cancel_source = g_cancellable_source_new (cancellable);
      job_attach_source (job, job->cancel_source, G_SOURCE_FUNC (cancelled_cb));
    }

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
