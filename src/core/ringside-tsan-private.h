/* ringside-tsan-private.h: GMutex and GCond as ThreadSanitizer sees them.
 *
 * GLib's GMutex and GCond are futexes and atomics inside an uninstrumented libglib, so under
 * ThreadSanitizer (bench/tsan.sh) the order they impose is invisible and everything they
 * protect would be reported as a race. The loader's threads lock through these wrappers,
 * which tell TSan about each acquire and release; without TSan they are the GLib calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#if defined(__SANITIZE_THREAD__)
# define RINGSIDE_TSAN 1
#elif defined(__has_feature)
# if __has_feature(thread_sanitizer)
#  define RINGSIDE_TSAN 1
# endif
#endif

#ifdef RINGSIDE_TSAN
void __tsan_acquire (void *addr);
void __tsan_release (void *addr);
# define ringside_tsan_acquire(addr) __tsan_acquire ((void *) (addr))
# define ringside_tsan_release(addr) __tsan_release ((void *) (addr))
#else
# define ringside_tsan_acquire(addr) ((void) 0)
# define ringside_tsan_release(addr) ((void) 0)
#endif

static inline void
ringside_mutex_lock (GMutex *mutex)
{
  g_mutex_lock (mutex);
  ringside_tsan_acquire (mutex);
}

static inline void
ringside_mutex_unlock (GMutex *mutex)
{
  ringside_tsan_release (mutex);
  g_mutex_unlock (mutex);
}

static inline void
ringside_cond_wait (GCond  *cond,
                    GMutex *mutex)
{
  ringside_tsan_release (mutex);
  g_cond_wait (cond, mutex);
  ringside_tsan_acquire (mutex);
}

G_END_DECLS
