/* ringside-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ringside-session.h"

G_BEGIN_DECLS

/* Iterates the thread-default main context until *@flag is TRUE, failing the test after
 * @timeout_seconds. Tests never sleep: they wait on the event they expect. */
void          ringside_test_wait_for       (const gboolean *flag,
                                            guint           timeout_seconds);
/* Iterates the main context for @milliseconds, for tests that assert something did NOT
 * happen within a period. */
void          ringside_test_run_for        (guint           milliseconds);

/* A GAsyncReadyCallback that stores the result in the GAsyncResult ** @user_data. */
void          ringside_test_store_result   (GObject        *source,
                                            GAsyncResult   *result,
                                            gpointer        user_data);
/* Waits until *@result is set by ringside_test_store_result() and returns it, owned. */
GAsyncResult *ringside_test_wait_result    (GAsyncResult  **result,
                                            guint           timeout_seconds);

/* The refresh token the keyring holds for @server_url, read with libsecret directly rather
 * than through the code under test; NULL when there is none. */
char         *ringside_test_keyring_lookup (const char     *server_url);

/* The session's async calls, run to completion on the main context (30 s at most). */
gboolean      ringside_test_sign_in        (RingsideSession  *session,
                                            const char       *rc_access_token,
                                            GError          **error);
gboolean      ringside_test_refresh        (RingsideSession  *session,
                                            GError          **error);
gboolean      ringside_test_restore        (RingsideSession  *session,
                                            GError          **error);
JsonNode     *ringside_test_fetch          (RingsideSession  *session,
                                            const char       *path,
                                            GError          **error);

/* A strict RFC 4180 reader (CRLF line ends, quotes only around whole fields), so that
 * tests check CSV output against the grammar rather than against strings the writer's
 * author also wrote. Fails the test on anything else. Returns the rows, each a GStrv. */
GPtrArray    *ringside_test_parse_csv      (const char     *text);

/* Log capture. Installs a log writer (once per process, before anything logs) that keeps
 * what is logged, at every level, so that a test can look for what must, or must never, be
 * in the log. Warnings and criticals still go on to the default writer, so that they stay
 * fatal under G_DEBUG=fatal-warnings, unless a test expects them. Safe from any thread. */
typedef enum
{
  RINGSIDE_TEST_LOG_MESSAGES,   /* the MESSAGE field of each entry, one a line */
  RINGSIDE_TEST_LOG_ALL_FIELDS, /* every field of each entry as KEY=VALUE, one a line */
} RingsideTestLogFields;

void          ringside_test_log_capture         (RingsideTestLogFields  fields);
/* Adds @text as it is, for print handlers that want their output kept with the log. */
void          ringside_test_log_append          (const char            *text);
/* What was captured since the start or the last ringside_test_log_clear(). */
char         *ringside_test_log_dup             (void);
gboolean      ringside_test_log_contains        (const char            *text);
void          ringside_test_log_clear           (void);
/* The next message at @level holding @text is captured but not passed on (so not fatal);
 * ringside_test_log_assert_expected() fails unless it came. (g_test_expect_message() does
 * not see structured logging in GLib 2.74.) */
void          ringside_test_log_expect          (GLogLevelFlags         level,
                                                 const char            *text);
void          ringside_test_log_assert_expected (void);

G_END_DECLS
