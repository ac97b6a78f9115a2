/* ringside-list-loader-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ringside-list-loader.h"
#include "ringside-tsan-private.h"

G_BEGIN_DECLS

typedef struct _FanOut FanOut;

/* The pace of splices into a list, shared by a plain load and a fan-out: every splice makes
 * the views re-sort and re-filter, so the list changes at most every 50 ms, and after a
 * splice that took the views long, three times as long as it took (at most 400 ms). */
typedef struct
{
  gint64 last_time;  /* when the last splice ended; 0 before the first */
  gint64 interval;   /* µs to wait after it */
} RingsideSplicePace;

/* Records a splice that began at @start (monotonic µs) and has just ended; returns what it
 * cost, in µs. */
gint64 ringside_splice_pace_record  (RingsideSplicePace       *pace,
                                     gint64                    start);
/* How long to wait before the next splice, in ms; 0 to splice now. */
guint  ringside_splice_pace_wait_ms (const RingsideSplicePace *pace);

typedef struct _LoadJob LoadJob;

struct _RingsideListLoader
{
  GObject           parent_instance;

  RingsideItemList *items;
  LoadJob          *job;      /* the load in progress, or NULL */
  guint             n_items;

  guint64           max_bytes;
  guint             max_items;
  guint             stall_timeout_ms;

  /* Progress, for views: pages read of a paged list; parents whose children were read, and
   * parents known so far, of a fanned-out list. */
  guint             parts_read;
  guint             parts_total;
  FanOut           *fan_out;  /* the fanned-out load in progress, or NULL */
  /* Parents whose children the server refused (403) in this load; NULL for none. */
  GPtrArray        *skipped_parents;
};

/* How much is read at once. */
#define CHUNK_SIZE (64 * 1024)
/* Reading stops while this much waits for the parser, and resumes below the low mark, so
 * that a fast stream never piles up in memory. */
#define QUEUE_HIGH_MARK (16 * CHUNK_SIZE)
#define QUEUE_LOW_MARK (4 * CHUNK_SIZE)

/* One load. The main context reads the stream and fills the list (ringside-list-loader.c);
 * the worker thread cuts and parses (ringside-list-loader-worker.c). They share only what is
 * under the mutex and the abort flag, and each holds a reference, so that either may go away
 * first. The worker never sees the loader or the list. */
struct _LoadJob
{
  gatomicrefcount         ref_count;
  const RingsideListKind *kind;
  GMainContext           *context;
  /* Fixed when the load starts: pages come one after the other, each a JSON array. */
  gboolean                paged;

  /* Main context only. */
  GTask                  *task;              /* NULL once the load has finished */
  GInputStream           *stream;
  GCancellable           *read_cancellable;  /* stops our own pending read or open */
  GSource                *cancel_source;
  GSource                *splice_source;
  GSource                *stall_source;      /* ready while a read waits too long */
  GPtrArray              *pending;           /* items waiting for the next splice */
  RingsideSplicePace      splice_pace;
  guint64                 bytes_read;
  guint64                 max_bytes;
  guint                   max_items;
  guint                   stall_timeout_ms;  /* 0: none */
  /* Paging */
  const RingsideListOpener *opener;
  gpointer                opener_source;
  char                   *path;
  guint                   page;              /* being read, from 0 */
  guint                   longest_page;      /* the most elements a page had so far */

  /* Set by the main context when the load ends; the worker then stops soon. */
  gint                    abort;

  /* Shared, under the mutex. */
  GMutex                  mutex;
  GCond                   cond;
  GQueue                  chunks;            /* GBytes for the worker; an empty one ends a page */
  gsize                   queued_bytes;
  gboolean                end_of_stream;
  gboolean                reader_waiting;    /* reading paused until the worker catches up */
  gboolean                resume_reading;
  GPtrArray              *ready;             /* items the worker finished */
  gboolean                page_done;         /* the worker finished the page... */
  guint                   page_elements;     /* ...which had this many elements */
  GError                 *worker_error;
  gboolean                worker_done;
  gboolean                wakeup_pending;    /* a wakeup is attached to the main context */
};

LoadJob  *ringside_load_job_ref        (LoadJob     *job);
void      ringside_load_job_unref      (LoadJob     *job);
GSource  *ringside_load_job_attach     (LoadJob     *job,
                                        GSource     *source,
                                        GSourceFunc  callback);

/* The worker thread's function; takes a reference on the job. */
gpointer  ringside_load_job_worker     (gpointer     job);

/* On the main context, when the worker has news (items, a page done, its end). */
gboolean  ringside_load_job_wakeup_cb  (gpointer     job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadJob, ringside_load_job_unref)

/* The loader's side of a fanned-out load (ringside-list-loader-fan-out.c). */
void      ringside_list_loader_reset        (RingsideListLoader *self,
                                             const char         *reason);
void      ringside_list_loader_set_progress (RingsideListLoader *self,
                                             guint               parts_read,
                                             guint               parts_total);
void      ringside_list_loader_add_items    (RingsideListLoader *self,
                                             GPtrArray          *batch);
void      ringside_list_loader_drop_items   (RingsideListLoader *self);

/* Starts a fanned-out load answering @task; the loader holds the result until it ends. */
FanOut   *ringside_fan_out_start            (RingsideListLoader       *self,
                                             GTask                    *task,
                                             const RingsideListOpener *opener,
                                             gpointer                  source,
                                             const char * const       *values);
/* Ends it with G_IO_ERROR_CANCELLED; the loader's fan_out is NULL after. */
void      ringside_fan_out_cancel           (FanOut                   *fan_out,
                                             const char               *reason);

G_END_DECLS
