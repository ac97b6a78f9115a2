/* ringside-list-loader-worker.c: the loader's worker thread, which cuts the body into
 * elements and has them parsed, and never touches the loader or the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "ringside-error.h"
#include "ringside-json-cutter.h"
#include "ringside-json-splitter.h"
#include "ringside-list-loader-private.h"

/* The nice value of the threads that parse. */
#define WORKER_NICENESS 10

/* The parse gives way to the main thread, which draws the window: at the same priority, on
 * two processors, the parsing threads kept it waiting for a processor for up to 100 ms at a
 * time while a list loaded. On Linux each thread has a nice value of its own, and raising it
 * needs no privilege; the threads doing so are the loader's own and end with the load. */
static void
worker_thread_give_way (void)
{
#ifdef __linux__
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), WORKER_NICENESS) != 0)
    g_debug ("Could not lower a parsing thread's priority: %s", g_strerror (errno));
#endif
}

static gboolean
job_is_aborted (LoadJob *job)
{
  return g_atomic_int_get (&job->abort);
}

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
  g_source_unref (ringside_load_job_attach (job, source, ringside_load_job_wakeup_cb));
}

/* Blocks until there is a chunk, the stream ended (NULL) or the load was aborted (NULL). */
static GBytes *
worker_next_chunk (LoadJob *job)
{
  GBytes *chunk;

  ringside_mutex_lock (&job->mutex);
  while (g_queue_is_empty (&job->chunks) && !job->end_of_stream && !job_is_aborted (job))
    ringside_cond_wait (&job->cond, &job->mutex);
  chunk = job_is_aborted (job) ? NULL : g_queue_pop_head (&job->chunks);
  ringside_mutex_unlock (&job->mutex);

  return chunk;
}

/* Hands @items (taken) to the main context and gives back the room @chunk_size took in
 * the queue. */
static void
worker_publish (LoadJob   *job,
                GPtrArray *items,
                gsize      chunk_size)
{
  ringside_mutex_lock (&job->mutex);

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

  ringside_mutex_unlock (&job->mutex);
}

static void
worker_done (LoadJob *job,
             GError  *error)
{
  ringside_mutex_lock (&job->mutex);
  job->worker_done = TRUE;
  job->worker_error = error;
  /* After an abort nobody waits for the news. */
  if (!job_is_aborted (job))
    worker_wake_main_locked (job);
  ringside_mutex_unlock (&job->mutex);
}

/* What one thread parses elements with. */
typedef struct
{
  JsonParser         *parser;
  RingsideJsonCutter *cutter;  /* for kinds that read only some members; else NULL */
  GString            *read;
  GString            *rest;
} ElementParser;

static void
element_parser_init (ElementParser         *ep,
                     const RingsideListKind *kind)
{
  /* Not immutable: sealing every node would cost a hash of it, and nothing keeps them. */
  ep->parser = json_parser_new ();
  ep->cutter = kind->members_read != NULL ? ringside_json_cutter_new (kind->members_read)
                                          : NULL;
  ep->read = g_string_sized_new (1024);
  ep->rest = g_string_sized_new (4096);
}

static void
element_parser_clear (ElementParser *ep)
{
  g_clear_object (&ep->parser);
  g_clear_pointer (&ep->cutter, ringside_json_cutter_free);
  g_string_free (g_steal_pointer (&ep->read), TRUE);
  g_string_free (g_steal_pointer (&ep->rest), TRUE);
}

/* Loads @element into the parser: only the members the kind reads when it can be cut, with
 * the rest in ep->rest; else the whole of it, with ep->rest empty. */
static gboolean
element_parser_load (ElementParser *ep,
                     GBytes        *element)
{
  gsize length;
  const char *data = g_bytes_get_data (element, &length);

  if (ep->cutter != NULL &&
      ringside_json_cutter_cut (ep->cutter, data, length, ep->read, ep->rest))
    return json_parser_load_from_data (ep->parser, ep->read->str, (gssize) ep->read->len,
                                       NULL);

  g_string_truncate (ep->rest, 0);
  /* json-glib's message may quote the element, which may hold a secret. */
  return json_parser_load_from_data (ep->parser, data, (gssize) length, NULL);
}

/* Parses element number @index (from 1) into @items. The message says which element
 * failed, but never quotes it: an account carries secrets. */
static gboolean
worker_parse_element (LoadJob        *job,
                      ElementParser  *ep,
                      GBytes         *element,
                      guint           index,
                      GPtrArray      *items,
                      GError        **error)
{
  const RingsideListKind *kind = job->kind;
  guint first_new = items->len;

  if (!element_parser_load (ep, element))
    {
      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                   "%s %u: the element is not valid JSON", kind->name, index);
      return FALSE;
    }

  if (!kind->parse (json_parser_get_root (ep->parser), items, error))
    {
      g_prefix_error (error, "%s %u: ", kind->name, index);
      return FALSE;
    }

  if (ep->rest->len > 0 && kind->take_rest != NULL && items->len == first_new + 1)
    kind->take_rest (items->pdata[first_new], g_strndup (ep->rest->str, ep->rest->len));

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
slice_parse (Slice         *slice,
             ElementParser *ep)
{
  for (guint i = slice->first; i < slice->end && !job_is_aborted (slice->job); i++)
    {
      if (!worker_parse_element (slice->job, ep, slice->elements->pdata[i],
                                 slice->first_index + i - slice->first, slice->items,
                                 &slice->error))
        break;
    }
}

static GPrivate given_way;

/* A GThreadPool function: parses a slice with a parser of its own. */
static void
slice_parse_in_pool (gpointer data,
                     gpointer user_data)
{
  Slice *slice = data;
  ElementParser ep;

  /* Once for each of the pool's threads, which are the loader's own. */
  if (g_private_get (&given_way) == NULL)
    {
      worker_thread_give_way ();
      g_private_set (&given_way, GINT_TO_POINTER (TRUE));
    }

  ringside_tsan_acquire (slice);
  element_parser_init (&ep, slice->job->kind);
  slice_parse (slice, &ep);
  element_parser_clear (&ep);

  ringside_mutex_lock (slice->mutex);
  if (--*slice->remaining == 0)
    g_cond_signal (slice->cond);
  ringside_mutex_unlock (slice->mutex);
}

/* Parses @elements, numbered from @first_index, into @items, in order. On failure @items
 * holds what the elements before the failing one made. */
static gboolean
worker_parse_elements (LoadJob       *job,
                       GThreadPool   *pool,
                       ElementParser *ep,
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
        {
          /* The pool's queue is GLib's: say that the slice is handed over with it. */
          ringside_tsan_release (slice);
          g_thread_pool_push (pool, slice, NULL);
        }
    }

  /* This thread takes the first slice, then waits for the others. */
  slice_parse (&slices[0], ep);

  ringside_mutex_lock (&mutex);
  while (remaining > 0)
    ringside_cond_wait (&cond, &mutex);
  ringside_mutex_unlock (&mutex);

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
worker_new_pool (LoadJob *job)
{
  guint n_threads = CLAMP (g_get_num_processors (), 1, MAX_PARSER_THREADS);

  /* A list read parent by parent has several parents' lists parsed side by side already:
   * helpers would only crowd the processors, and the main thread off them. */
  if (job->kind->fan_out != NULL)
    return NULL;

  if (n_threads == 1)
    return NULL;

  /* Helpers besides the worker itself, which parses too. Exclusive: threads of the load's
   * own, so that their lower priority leaves with them (see worker_thread_give_way()). */
  return g_thread_pool_new (slice_parse_in_pool, NULL, n_threads - 1, TRUE, NULL);
}

/* Tells the main context that a page ended after @n_elements elements. */
static void
worker_page_done (LoadJob *job,
                  guint    n_elements)
{
  ringside_mutex_lock (&job->mutex);
  job->page_done = TRUE;
  job->page_elements = n_elements;
  worker_wake_main_locked (job);
  ringside_mutex_unlock (&job->mutex);
}

gpointer
ringside_load_job_worker (gpointer data)
{
  g_autoptr(LoadJob) job = data;
  g_autoptr(RingsideJsonSplitter) splitter = ringside_json_splitter_new ();
  ElementParser ep;
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;
  GThreadPool *pool = NULL;
  guint index = 0;
  guint page_start = 0;

  worker_thread_give_way ();
  pool = worker_new_pool (job);
  element_parser_init (&ep, job->kind);

  for (;;)
    {
      g_autoptr(GBytes) chunk = worker_next_chunk (job);
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GError) element_error = NULL;
      gsize size;
      const char *bytes;
      gboolean fed;

      /* A paged load ends after the main context saw its last page end. */
      if (chunk == NULL)
        {
          if (!job_is_aborted (job) && !job->paged)
            ringside_json_splitter_finish (splitter, &error);
          break;
        }

      /* An empty chunk ends a page: the next one is a JSON array of its own. */
      if (g_bytes_get_size (chunk) == 0)
        {
          if (!ringside_json_splitter_finish (splitter, &error))
            break;
          worker_page_done (job, index - page_start);
          page_start = index;
          g_clear_pointer (&splitter, ringside_json_splitter_free);
          splitter = ringside_json_splitter_new ();
          continue;
        }

      /* Elements completed before a splitting error are still good: parse them first. */
      bytes = g_bytes_get_data (chunk, &size);
      fed = ringside_json_splitter_feed (splitter, bytes, size, elements, &error);

      items = g_ptr_array_new_with_free_func (g_object_unref);
      if (!worker_parse_elements (job, pool, &ep, elements, index + 1, items,
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
  element_parser_clear (&ep);

  worker_done (job, g_steal_pointer (&error));
  return NULL;
}
