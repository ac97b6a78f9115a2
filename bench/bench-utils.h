/* bench-utils.h: what the benchmark programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Milliseconds on the monotonic clock, which every process of the machine shares. */
double        bench_now_ms              (void);
/* The peak resident set size of this process so far (VmHWM), in MB. */
double        bench_peak_rss_mb         (void);
/* The resident set now, in MB. */
double        bench_current_rss_mb      (void);

/* Iterates the thread-default main context until *@flag is TRUE; exits the program with a
 * message after @timeout_seconds. */
void          bench_wait_for            (const gboolean *flag,
                                         guint           timeout_seconds,
                                         const char     *what);
/* Iterates the thread-default main context for @milliseconds. */
void          bench_run_for             (guint           milliseconds);
/* Prints "ringside-bench: MESSAGE" to stderr and exits with status 1. */
G_NORETURN void bench_fail              (const char     *format,
                                         ...) G_GNUC_PRINTF (1, 2);

/* The median of @values (sorted in place). */
double        bench_median              (double         *values,
                                         guint           n_values);

/* A loopback demo server in its own process (ringside-bench-server), so that neither its
 * work nor its memory counts against the client measured. */
typedef struct
{
  GSubprocess *process;
  char        *url;
  guint        n_users;
  guint        n_accounts;
} BenchServer;

/* @form: "flat" or "nested" (the form of the users list, whatever the query asks), or NULL.
 * Returns once the server listens and its bodies are built. */
BenchServer  *bench_server_spawn        (guint           n_users,
                                         guint           n_accounts,
                                         const char     *form);
void          bench_server_free         (BenchServer    *server);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchServer, bench_server_free)

/* The longest time the thread-default main loop went without dispatching a high-priority
 * timeout that asked to run every millisecond: the longest stall the user could feel. */
typedef struct _BenchStallMonitor BenchStallMonitor;

BenchStallMonitor *bench_stall_monitor_start (void);
/* With RINGSIDE_BENCH_PERF_CTL naming the control FIFO of `perf record --control
 * fifo:FIFO -D -1`, turns sampling on and off around the part of interest. */
void          bench_profile_enable      (gboolean enable);
/* Stops and frees the monitor; returns the longest stall in milliseconds. */
double        bench_stall_monitor_stop  (BenchStallMonitor *monitor);

G_END_DECLS
