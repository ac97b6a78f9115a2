/* ringside-session.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ringside-client.h"
#include "ringside-list-loader.h"
#include "ringside-token-store.h"

G_BEGIN_DECLS

/**
 * RingsideSessionState:
 * @RINGSIDE_SESSION_STATE_SIGNED_OUT: no tokens
 * @RINGSIDE_SESSION_STATE_SIGNING_IN: exchanging a RingCentral token, or restoring
 * @RINGSIDE_SESSION_STATE_SIGNED_IN: a usable access token is held
 * @RINGSIDE_SESSION_STATE_REFRESHING: renewing the access token
 * @RINGSIDE_SESSION_STATE_OFFLINE: renewal failed for a transient reason; retrying with backoff
 */
typedef enum
{
  RINGSIDE_SESSION_STATE_SIGNED_OUT,
  RINGSIDE_SESSION_STATE_SIGNING_IN,
  RINGSIDE_SESSION_STATE_SIGNED_IN,
  RINGSIDE_SESSION_STATE_REFRESHING,
  RINGSIDE_SESSION_STATE_OFFLINE,
} RingsideSessionState;

#define RINGSIDE_DEFAULT_SERVER_URL   "https://ringcx.ringcentral.com"
#define RINGSIDE_LEGACY_SERVER_URL    "https://engage.ringcentral.com"
#define RINGSIDE_DEFAULT_PLATFORM_URL "https://platform.ringcentral.com"

#define RINGSIDE_TYPE_SESSION (ringside_session_get_type ())
G_DECLARE_FINAL_TYPE (RingsideSession, ringside_session, RINGSIDE, SESSION, GObject)

/* @server_url and @platform_url must pass ringside_client_normalize_base_url(). @store and
 * @client may be NULL for fresh ones. */
RingsideSession     *ringside_session_new                  (const char          *server_url,
                                                            const char          *platform_url,
                                                            RingsideTokenStore  *store,
                                                            RingsideClient      *client);

RingsideSessionState ringside_session_get_state            (RingsideSession     *self);
const char          *ringside_session_get_server_url       (RingsideSession     *self);
const char          *ringside_session_get_platform_url     (RingsideSession     *self);
RingsideClient      *ringside_session_get_client           (RingsideSession     *self);
const char          *ringside_session_get_user_display_name (RingsideSession    *self);
const char          *ringside_session_get_user_email       (RingsideSession     *self);
const char          *ringside_session_get_account_name     (RingsideSession     *self);
const char          *ringside_session_get_main_account_id  (RingsideSession     *self);
/* Why the session is OFFLINE or was last signed out; NULL when nothing went wrong. */
const GError        *ringside_session_get_last_error       (RingsideSession     *self);
/* Set while the keyring refused to save the session, or did not answer within 10 s: it then
 * lives only in memory (the save is retried). Notified as "keyring-error". */
const GError        *ringside_session_get_keyring_error    (RingsideSession     *self);

/* A session that is not persistent never touches the keyring (demo mode). Default TRUE. */
void                 ringside_session_set_persistent       (RingsideSession     *self,
                                                            gboolean             persistent);
gboolean             ringside_session_get_persistent       (RingsideSession     *self);

/* Backoff for OFFLINE retries; production defaults are 2 s doubling to 5 min. */
void                 ringside_session_set_retry_delays     (RingsideSession     *self,
                                                            guint                min_ms,
                                                            guint                max_ms);

void      ringside_session_sign_in_with_token_async  (RingsideSession     *self,
                                                      const char          *rc_access_token,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean  ringside_session_sign_in_with_token_finish (RingsideSession     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

void      ringside_session_sign_in_with_jwt_async    (RingsideSession     *self,
                                                      const char          *client_id,
                                                      const char          *client_secret,
                                                      const char          *jwt,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean  ringside_session_sign_in_with_jwt_finish   (RingsideSession     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Fails with RINGSIDE_ERROR_NO_SESSION when the keyring holds nothing for the server. A
 * transient failure leaves the session OFFLINE (retrying) and is returned as the error. */
void      ringside_session_restore_async             (RingsideSession     *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean  ringside_session_restore_finish            (RingsideSession     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Single-flight: callers that arrive while a refresh is under way share its outcome. Only
 * the refresh endpoint's 401 ends the session (RINGSIDE_ERROR_SESSION_REJECTED); any other
 * failure, including 403, 400, HTML and the overall deadline, leaves it OFFLINE, retrying. */
void      ringside_session_refresh_async             (RingsideSession     *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean  ringside_session_refresh_finish            (RingsideSession     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

void      ringside_session_sign_out_async            (RingsideSession     *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean  ringside_session_sign_out_finish           (RingsideSession     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Authorized request to @path (with its query) under the server URL. A 401 triggers one
 * refresh and one retry; a 401 to the retry fails this request alone with
 * RINGSIDE_ERROR_FORBIDDEN and leaves the session as it is. The stream is the body of a 2xx
 * answer. */
void          ringside_session_send_async            (RingsideSession     *self,
                                                      const char          *method,
                                                      const char          *path,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GInputStream *ringside_session_send_finish           (RingsideSession     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* Lets a RingsideListLoader read its pages as authorized GETs of the session given as
 * the loader's source, with the session's 401 policy. */
extern const RingsideListOpener ringside_session_list_opener;

void          ringside_session_fetch_json_async      (RingsideSession     *self,
                                                      const char          *path,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
JsonNode     *ringside_session_fetch_json_finish     (RingsideSession     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* An authorized request with @body (may be NULL) as its application/json body, for changes:
 * PUT, POST. The body is serialized once and sent again as it was by the retry after a 401;
 * its text is wiped when the request is done (a whole agent carries its passwords). Nothing
 * but the session's 401 renewal is retried. Completes with the parsed answer, a JSON null
 * node when the answer had no body (204, or an empty 200). */
void          ringside_session_send_json_async       (RingsideSession     *self,
                                                      const char          *method,
                                                      const char          *path,
                                                      JsonNode            *body,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
JsonNode     *ringside_session_send_json_finish      (RingsideSession     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
