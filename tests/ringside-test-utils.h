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

G_END_DECLS
