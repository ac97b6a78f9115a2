/* ringside-rate-limiter.c: requests held back before they are sent, so that a sub-account's
 * lists never ask RingCX for more than it allows and meet 429s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-rate-limiter.h"

typedef struct
{
  RingsideRateLimiter *limiter;
  GTask               *task;
  GSource             *cancel_source;   /* NULL without a cancellable */
} Waiter;

struct _RingsideRateLimiter
{
  GObject       parent_instance;

  GMainContext *context;
  guint         budget;
  gint64        window;         /* µs */
  GQueue        sent;           /* monotonic µs of the requests let go within the window */
  gint64        paused_until;   /* monotonic µs; 0 for no pause */
  GQueue        waiters;        /* Waiter, oldest first */
  GSource      *timer;          /* when the next waiter may go */
  gboolean      dispatching;    /* letting waiters go: their callbacks may ask again */
};

G_DEFINE_FINAL_TYPE (RingsideRateLimiter, ringside_rate_limiter, G_TYPE_OBJECT)

static void limiter_dispatch (RingsideRateLimiter *self);

static void
waiter_free (Waiter *waiter)
{
  if (waiter->cancel_source != NULL)
    {
      g_source_destroy (waiter->cancel_source);
      g_source_unref (waiter->cancel_source);
    }
  g_object_unref (waiter->task);
  g_free (waiter);
}

static gboolean
timer_cb (gpointer user_data)
{
  RingsideRateLimiter *self = user_data;

  g_clear_pointer (&self->timer, g_source_unref);
  limiter_dispatch (self);
  return G_SOURCE_REMOVE;
}

static void
limiter_schedule (RingsideRateLimiter *self,
                  gint64               when)
{
  gint64 now = g_get_monotonic_time ();

  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
  if (g_queue_is_empty (&self->waiters))
    return;

  /* Rounded up: a timer that fires a little early would only find the window still full. */
  self->timer = g_timeout_source_new ((guint) MAX ((when - now + 999) / 1000, 0));
  g_source_set_static_name (self->timer, "[ringside] rate limiter");
  g_source_set_callback (self->timer, timer_cb, self, NULL);
  g_source_attach (self->timer, self->context);
}

/* Lets waiters go while the window and the pause allow, then waits for the next chance. */
static void
limiter_dispatch (RingsideRateLimiter *self)
{
  g_autoptr(RingsideRateLimiter) alive = g_object_ref (self);
  gint64 now = g_get_monotonic_time ();
  gint64 next = 0;

  self->dispatching = TRUE;
  while (!g_queue_is_empty (&self->sent) &&
         *(gint64 *) g_queue_peek_head (&self->sent) <= now - self->window)
    g_free (g_queue_pop_head (&self->sent));

  while (!g_queue_is_empty (&self->waiters))
    {
      Waiter *waiter;

      if (now < self->paused_until)
        {
          next = self->paused_until;
          break;
        }
      if (g_queue_get_length (&self->sent) >= self->budget)
        {
          next = *(gint64 *) g_queue_peek_head (&self->sent) + self->window;
          break;
        }

      waiter = g_queue_pop_head (&self->waiters);
      g_queue_push_tail (&self->sent, g_memdup2 (&now, sizeof now));
      /* Its callback may ask again, or pause us: the queue is consistent by now. */
      g_task_return_boolean (waiter->task, TRUE);
      waiter_free (waiter);
    }
  self->dispatching = FALSE;

  limiter_schedule (self, next);
}

static gboolean
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  Waiter *waiter = user_data;
  RingsideRateLimiter *self = waiter->limiter;

  g_queue_remove (&self->waiters, waiter);
  g_task_return_error_if_cancelled (waiter->task);
  waiter_free (waiter);
  /* The one that left may have been the last. */
  if (g_queue_is_empty (&self->waiters))
    limiter_schedule (self, 0);

  return G_SOURCE_REMOVE;
}

/**
 * ringside_rate_limiter_acquire_async:
 * @cancellable: (nullable): a #GCancellable
 *
 * Waits for a place in the window (and for a pause to end); the request counts from the
 * moment its callback is called.
 */
void
ringside_rate_limiter_acquire_async (RingsideRateLimiter *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Waiter *waiter;

  g_return_if_fail (RINGSIDE_IS_RATE_LIMITER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  waiter = g_new0 (Waiter, 1);
  waiter->limiter = self;
  waiter->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (waiter->task, ringside_rate_limiter_acquire_async);

  if (g_task_return_error_if_cancelled (waiter->task))
    {
      waiter_free (waiter);
      return;
    }

  if (cancellable != NULL)
    {
      waiter->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_static_name (waiter->cancel_source, "[ringside] rate limiter cancel");
      g_source_set_callback (waiter->cancel_source, G_SOURCE_FUNC (waiter_cancelled_cb),
                             waiter, NULL);
      g_source_attach (waiter->cancel_source, self->context);
    }

  g_queue_push_tail (&self->waiters, waiter);
  /* Others waiting are let go first; a timer is already set for them. */
  if (self->timer == NULL && !self->dispatching)
    limiter_dispatch (self);
}

gboolean
ringside_rate_limiter_acquire_finish (RingsideRateLimiter  *self,
                                      GAsyncResult         *result,
                                      GError              **error)
{
  g_return_val_if_fail (RINGSIDE_IS_RATE_LIMITER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ringside_rate_limiter_acquire_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ringside_rate_limiter_pause (RingsideRateLimiter *self,
                             guint                milliseconds)
{
  gint64 until;

  g_return_if_fail (RINGSIDE_IS_RATE_LIMITER (self));

  until = g_get_monotonic_time () + (gint64) milliseconds * 1000;
  if (until <= self->paused_until)
    return;

  g_debug ("RingCX asked to slow down: sending nothing for %u ms", milliseconds);
  self->paused_until = until;
  if (!g_queue_is_empty (&self->waiters))
    limiter_schedule (self, until);
}

void
ringside_rate_limiter_set_budget (RingsideRateLimiter *self,
                                  guint                budget,
                                  guint                window_ms)
{
  g_return_if_fail (RINGSIDE_IS_RATE_LIMITER (self));
  g_return_if_fail (budget > 0);

  self->budget = budget;
  self->window = (gint64) window_ms * 1000;
  if (!g_queue_is_empty (&self->waiters))
    limiter_dispatch (self);
}

guint
ringside_rate_limiter_get_n_waiting (RingsideRateLimiter *self)
{
  g_return_val_if_fail (RINGSIDE_IS_RATE_LIMITER (self), 0);

  return g_queue_get_length (&self->waiters);
}

RingsideRateLimiter *
ringside_rate_limiter_new (guint budget,
                           guint window_ms)
{
  RingsideRateLimiter *self;

  g_return_val_if_fail (budget > 0, NULL);

  self = g_object_new (RINGSIDE_TYPE_RATE_LIMITER, NULL);
  self->budget = budget;
  self->window = (gint64) window_ms * 1000;
  return self;
}

static void
ringside_rate_limiter_finalize (GObject *object)
{
  RingsideRateLimiter *self = RINGSIDE_RATE_LIMITER (object);

  /* Each waiter's task holds us: none is left by now. */
  g_assert (g_queue_is_empty (&self->waiters));
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_source_unref (self->timer);
    }
  g_queue_clear_full (&self->sent, g_free);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (ringside_rate_limiter_parent_class)->finalize (object);
}

static void
ringside_rate_limiter_class_init (RingsideRateLimiterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ringside_rate_limiter_finalize;
}

static void
ringside_rate_limiter_init (RingsideRateLimiter *self)
{
  self->context = g_main_context_ref_thread_default ();
  g_queue_init (&self->sent);
  g_queue_init (&self->waiters);
}
