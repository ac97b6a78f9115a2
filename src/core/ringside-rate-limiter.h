/* ringside-rate-limiter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* RingCX allows 120 admin requests a minute. */
#define RINGSIDE_RATE_LIMITER_DEFAULT_BUDGET    120
#define RINGSIDE_RATE_LIMITER_DEFAULT_WINDOW_MS (60 * 1000)

#define RINGSIDE_TYPE_RATE_LIMITER (ringside_rate_limiter_get_type ())
G_DECLARE_FINAL_TYPE (RingsideRateLimiter, ringside_rate_limiter, RINGSIDE, RATE_LIMITER,
                      GObject)

/* A sliding window: at most @budget requests are let go in any @window_ms, in the order they
 * asked; the others wait (they are not sent to be refused). A pause holds every request back
 * for a while, as a 429's Retry-After asks. Lives on the main context it was made on. */
RingsideRateLimiter *ringside_rate_limiter_new            (guint                 budget,
                                                           guint                 window_ms);
/* From now on; requests already let go in the window still count. */
void                 ringside_rate_limiter_set_budget     (RingsideRateLimiter  *self,
                                                           guint                 budget,
                                                           guint                 window_ms);
/* Completes once the caller may send one request (which then counts), or with
 * G_IO_ERROR_CANCELLED as soon as @cancellable is: a cancelled wait leaves no trace. */
void                 ringside_rate_limiter_acquire_async  (RingsideRateLimiter  *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             ringside_rate_limiter_acquire_finish (RingsideRateLimiter  *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
/* Lets nothing go for @milliseconds from now (a longer pause in force stays). */
void                 ringside_rate_limiter_pause          (RingsideRateLimiter  *self,
                                                           guint                 milliseconds);
/* Requests waiting, for tests. */
guint                ringside_rate_limiter_get_n_waiting  (RingsideRateLimiter  *self);

G_END_DECLS
