/* ringside-session-auth.c
 *
 * Sign-in, refresh, restore and sign-out: every request that carries a credential of the
 * session itself (rather than an access token for data).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "ringside-error.h"
#include "ringside-json-member.h"
#include "ringside-server-text-private.h"
#include "ringside-session-private.h"

#define EXCHANGE_PATH       "/api/auth/login/rc/accesstoken?includeRefresh=true"
#define REFRESH_PATH        "/api/auth/token/refresh"
#define LOGOUT_PATH         "/api/auth/logout/"
#define PLATFORM_TOKEN_PATH "/restapi/oauth/token"

static GHashTable *
new_form (void)
{
  return g_hash_table_new (g_str_hash, g_str_equal);
}

/* Auth requests: one overall deadline each
 *
 * libsoup's timeout bounds each read, not the request: a server that drips a byte now and
 * then would hold a refresh, and every request waiting for it, forever. Each auth request
 * runs under its own cancellable, cancelled by the caller's or by the deadline; a deadline
 * fails the request as a timeout, which callers treat as they treat any other. */

typedef struct
{
  SoupMessage  *message;
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong        caller_cancelled_id;
  GSource      *deadline;
  gboolean      timed_out;
  gboolean      want_json;
  gint64        server_time;
} AuthRequest;

static void
auth_request_free (AuthRequest *request)
{
  if (request->deadline != NULL)
    {
      g_source_destroy (request->deadline);
      g_source_unref (request->deadline);
    }
  if (request->caller_cancellable != NULL)
    g_cancellable_disconnect (request->caller_cancellable, request->caller_cancelled_id);
  g_clear_object (&request->caller_cancellable);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->message);
  g_free (request);
}

static gboolean
on_auth_deadline (gpointer user_data)
{
  AuthRequest *request = user_data;

  request->timed_out = TRUE;
  g_cancellable_cancel (request->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_caller_cancelled (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

/* The server's clock, from the answer's Date header: lifetimes are measured against it. */
static gint64
read_server_time (SoupMessage *message)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                    "Date");
  g_autoptr(GDateTime) date = value != NULL ? soup_date_time_new_from_http_string (value) : NULL;

  return date != NULL ? g_date_time_to_unix (date) : 0;
}

static void
on_auth_request_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AuthRequest *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gpointer answer;

  if (request->want_json)
    answer = ringside_client_fetch_json_finish (RINGSIDE_CLIENT (source), result, &error);
  else
    answer = ringside_client_send_finish (RINGSIDE_CLIENT (source), result, &error);

  request->server_time = read_server_time (request->message);

  if (answer != NULL)
    {
      g_task_return_pointer (task, answer,
                             request->want_json ? (GDestroyNotify) json_node_unref
                                                : g_object_unref);
      return;
    }

  if (request->timed_out && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *host = g_strdup (g_uri_get_host (soup_message_get_uri (request->message)));

      g_clear_error (&error);
      error = g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_TIMEOUT,
                           "%s did not answer in time.", host);
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
auth_request_async (RingsideSession     *self,
                    SoupMessage         *message,
                    gboolean             want_json,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  AuthRequest *request = g_new0 (AuthRequest, 1);

  g_task_set_source_tag (task, auth_request_async);
  request->message = g_object_ref (message);
  request->want_json = want_json;
  request->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, request, (GDestroyNotify) auth_request_free);

  if (cancellable != NULL)
    {
      request->caller_cancellable = g_object_ref (cancellable);
      request->caller_cancelled_id = g_cancellable_connect (cancellable,
                                                            G_CALLBACK (on_caller_cancelled),
                                                            request->cancellable, NULL);
    }

  request->deadline = g_timeout_source_new (self->auth_deadline_ms);
  g_source_set_callback (request->deadline, on_auth_deadline, request, NULL);
  g_source_set_static_name (request->deadline, "[ringside] auth request deadline");
  g_source_attach (request->deadline, g_main_context_get_thread_default ());

  if (want_json)
    ringside_client_fetch_json_async (self->client, message, request->cancellable,
                                      on_auth_request_done, g_steal_pointer (&task));
  else
    ringside_client_send_async (self->client, message, request->cancellable,
                                on_auth_request_done, g_steal_pointer (&task));
}

/* Returns the JSON node (or, for want_json FALSE, the body stream) and the server's time. */
static gpointer
auth_request_finish (RingsideSession  *self,
                     GAsyncResult     *result,
                     gint64           *server_time,
                     GError          **error)
{
  AuthRequest *request = g_task_get_task_data (G_TASK (result));

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (server_time != NULL)
    *server_time = request->server_time;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Parses a token answer and wipes the tokens the parsed tree still holds. */
static RingsideTokenResponse *
take_token_response (JsonNode  *root,
                     GError   **error)
{
  RingsideTokenResponse *response = ringside_token_response_parse (root, error);

  ringside_token_response_wipe_json (root);
  return response;
}

/* Refresh
 *
 * One refresh on the wire at a time (a task of its own: answer, rotate, save, apply);
 * callers of ringside_session_refresh_async() wait in refresh_waiters for its outcome. */

typedef struct
{
  guint                  epoch;
  gint64                 server_time;
  RingsideTokenResponse *response;
} RefreshData;

static void
refresh_data_free (RefreshData *data)
{
  ringside_token_response_free (data->response);
  g_free (data);
}

void
ringside_session_complete_refresh_waiters (RingsideSession *self,
                                           const GError    *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->refresh_waiters);

  if (waiters == NULL)
    return;

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

/* Only the refresh endpoint's own 401 says the refresh token is dead. A 403, a 400, an HTML
 * page from a firewall or a proxy say something is in the way: the token may be fine. */
static gboolean
refresh_was_rejected (const GError *error)
{
  return g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED) ||
         g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TOKEN_EXPIRED);
}

static void
fail_refresh (RingsideSession *self,
              GError          *error)
{
  g_autoptr(GError) owned = ringside_session_scrub_error (self, error);
  guint delay;

  if (refresh_was_rejected (owned))
    {
      g_autoptr(GError) reason =
        g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_SESSION_REJECTED,
                             "RingCX no longer accepts the saved session. Sign in again.");

      g_info ("The refresh token was rejected: %s", owned->message);

      ringside_session_end (self, reason);
      ringside_session_complete_refresh_waiters (self, reason);
      return;
    }

  /* Anything else may pass: keep the refresh token and try again later. */
  delay = ringside_session_next_retry_delay (self, owned);
  g_info ("Could not renew the session, retrying in %u ms: %s", delay, owned->message);
  g_object_freeze_notify (G_OBJECT (self));
  ringside_session_set_last_error (self, owned);
  ringside_session_set_state (self, RINGSIDE_SESSION_STATE_OFFLINE);
  g_object_thaw_notify (G_OBJECT (self));
  ringside_session_schedule_renewal (self, delay);
  ringside_session_complete_refresh_waiters (self, owned);
}

static void
on_refresh_persisted (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RingsideSession *self = RINGSIDE_SESSION (source);
  RefreshData *data = g_task_get_task_data (task);

  ringside_session_persist_finish (self, result);
  g_task_return_boolean (task, data->epoch == self->epoch);
}

static void
on_refresh_answer (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RingsideSession *self = RINGSIDE_SESSION (source);
  RefreshData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  root = auth_request_finish (self, result, &data->server_time, &error);

  /* Signed out or signed in anew meanwhile: this answer belongs to a session that is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || data->epoch != self->epoch)
    {
      ringside_token_response_wipe_json (root);
      g_task_return_boolean (task, FALSE);
      return;
    }

  if (root != NULL)
    data->response = take_token_response (root, &error);

  if (data->response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The token we sent is dead on the server now: hold the new one at once, whatever
   * happens next, then get it into the keyring before its access token is used. */
  ringside_session_replace_refresh_token (self, g_steal_pointer (&data->response->refresh_token));
  ringside_session_persist_async (self, on_refresh_persisted, g_steal_pointer (&task));
}

/* Completes with TRUE when the tokens are renewed and still belong to this epoch. */
static void
refresh_on_wire_async (RingsideSession     *self,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  g_autoptr(GHashTable) form = new_form ();
  g_autoptr(SoupMessage) message = NULL;
  RefreshData *data = g_new0 (RefreshData, 1);

  g_task_set_source_tag (task, refresh_on_wire_async);
  data->epoch = self->epoch;
  g_task_set_task_data (task, data, (GDestroyNotify) refresh_data_free);

  g_hash_table_insert (form, (char *) "refresh_token", self->refresh_token);
  g_hash_table_insert (form, (char *) "rcTokenType", (char *) "Bearer");
  message = ringside_session_new_message ("POST", self->server_url, REFRESH_PATH, form);

  auth_request_async (self, message, TRUE, self->lifetime_cancellable, on_refresh_answer,
                      g_steal_pointer (&task));
}

static void
on_refresh_on_wire_done (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  RingsideSession *self = RINGSIDE_SESSION (source);
  RefreshData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* FALSE without an error: superseded, and the waiters were told by whoever did it. */
      if (error != NULL && data->epoch == self->epoch)
        fail_refresh (self, g_steal_pointer (&error));
      return;
    }

  g_debug ("Access token renewed");
  ringside_session_apply_tokens (self, data->response, data->server_time);
  ringside_session_complete_refresh_waiters (self, NULL);
}

void
ringside_session_start_refresh (RingsideSession *self)
{
  if (self->refresh_waiters != NULL || self->refresh_token == NULL)
    return;

  ringside_session_cancel_renewal (self);
  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->state == RINGSIDE_SESSION_STATE_SIGNED_IN ||
      self->state == RINGSIDE_SESSION_STATE_OFFLINE)
    ringside_session_set_state (self, RINGSIDE_SESSION_STATE_REFRESHING);

  refresh_on_wire_async (self, on_refresh_on_wire_done, NULL);
}

/**
 * ringside_session_refresh_async:
 *
 * Renews the access token with the refresh token. Callers that arrive while a refresh is
 * in flight join it: the server sees one request.
 */
void
ringside_session_refresh_async (RingsideSession     *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RINGSIDE_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_session_refresh_async);

  if (self->refresh_token == NULL)
    {
      g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_NO_SESSION,
                               "You are not signed in.");
      return;
    }

  ringside_session_start_refresh (self);
  g_ptr_array_add (self->refresh_waiters, g_steal_pointer (&task));
}

gboolean
ringside_session_refresh_finish (RingsideSession  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Sign-in */

typedef struct
{
  guint                  epoch;
  gint64                 server_time;
  RingsideTokenResponse *response;
  /* The RingCentral token, only while the exchange is out, to scrub it from its errors. */
  char                  *rc_access_token;
} SignInData;

static void
sign_in_data_free (SignInData *data)
{
  ringside_token_response_free (data->response);
  ringside_clear_secret (&data->rc_access_token);
  g_free (data);
}

static GError *
superseded_error (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "The sign-in was superseded.");
}

/* Takes @task and @error. */
static void
fail_sign_in (GTask  *owned_task,
              GError *error)
{
  g_autoptr(GTask) task = owned_task;
  RingsideSession *self = g_task_get_source_object (task);
  SignInData *data = g_task_get_task_data (task);

  ringside_server_text_scrub (&error->message, data->rc_access_token);
  if (data->epoch == self->epoch)
    ringside_session_set_state (self, RINGSIDE_SESSION_STATE_SIGNED_OUT);
  g_task_return_error (task, error);
}

static void
on_sign_in_persisted (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RingsideSession *self = RINGSIDE_SESSION (source);
  SignInData *data = g_task_get_task_data (task);

  ringside_session_persist_finish (self, result);
  if (data->epoch != self->epoch)
    {
      g_task_return_error (task, superseded_error ());
      return;
    }

  g_info ("Signed in to %s", self->server_url);
  ringside_session_apply_tokens (self, data->response, data->server_time);
  g_task_return_boolean (task, TRUE);
}

static void
on_exchange_answer (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RingsideSession *self = RINGSIDE_SESSION (source);
  SignInData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  root = auth_request_finish (self, result, &data->server_time, &error);
  if (root != NULL && data->epoch != self->epoch)
    {
      ringside_token_response_wipe_json (root);
      fail_sign_in (g_steal_pointer (&task), superseded_error ());
      return;
    }
  if (root != NULL)
    data->response = take_token_response (root, &error);

  if (data->response == NULL)
    {
      if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED) ||
          g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TOKEN_EXPIRED))
        {
          g_info ("The exchange was refused: %s", error->message);
          g_clear_error (&error);
          error = g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED,
                                       "RingCX did not accept the RingCentral access token. "
                                       "It may have expired: get a fresh one.");
        }
      fail_sign_in (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  ringside_clear_secret (&data->rc_access_token);
  ringside_session_replace_refresh_token (self, g_steal_pointer (&data->response->refresh_token));
  ringside_session_persist_async (self, on_sign_in_persisted, g_steal_pointer (&task));
}

/* Takes @task. */
static void
exchange (GTask      *task,
          const char *rc_access_token)
{
  RingsideSession *self = g_task_get_source_object (task);
  SignInData *data = g_task_get_task_data (task);
  g_autoptr(GHashTable) form = new_form ();
  g_autoptr(SoupMessage) message = NULL;

  data->rc_access_token = g_strdup (rc_access_token);
  g_hash_table_insert (form, (char *) "rcAccessToken", (char *) rc_access_token);
  g_hash_table_insert (form, (char *) "rcTokenType", (char *) "Bearer");
  message = ringside_session_new_message ("POST", self->server_url, EXCHANGE_PATH, form);

  auth_request_async (self, message, TRUE, g_task_get_cancellable (task), on_exchange_answer,
                      task);
}

static GTask *
begin_sign_in (RingsideSession     *self,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) superseded = NULL;
  SignInData *data = g_new0 (SignInData, 1);

  g_task_set_source_tag (task, source_tag);

  /* A new sign-in replaces whatever session there was. */
  self->epoch++;
  ringside_session_forget_tokens (self);
  superseded = g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_NO_SESSION,
                                    "A new sign-in replaced the session.");
  ringside_session_complete_refresh_waiters (self, superseded);
  data->epoch = self->epoch;
  g_task_set_task_data (task, data, (GDestroyNotify) sign_in_data_free);

  g_object_freeze_notify (G_OBJECT (self));
  ringside_session_set_last_error (self, NULL);
  ringside_session_set_state (self, RINGSIDE_SESSION_STATE_SIGNING_IN);
  g_object_thaw_notify (G_OBJECT (self));

  return task;
}

static gboolean
check_input (const char  *value,
             const char  *what,
             GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT, "Enter the %s.", what);
      return FALSE;
    }

  for (const char *p = value; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      {
        g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT,
                     "The %s must not contain spaces or line breaks.", what);
        return FALSE;
      }

  return TRUE;
}

/**
 * ringside_session_sign_in_with_token_async:
 * @rc_access_token: a RingCentral access token; surrounding whitespace is ignored
 *
 * Exchanges the RingCentral access token for RingCX tokens and stores the refresh token in
 * the keyring. The RingCentral token itself is kept nowhere.
 */
void
ringside_session_sign_in_with_token_async (RingsideSession     *self,
                                           const char          *rc_access_token,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  GTask *task;

  g_return_if_fail (RINGSIDE_IS_SESSION (self));
  g_return_if_fail (rc_access_token != NULL);

  token = g_strstrip (g_strdup (rc_access_token));
  if (!check_input (token, "RingCentral access token", &error))
    {
      g_task_report_error (self, callback, user_data,
                           ringside_session_sign_in_with_token_async,
                           g_steal_pointer (&error));
      ringside_clear_secret (&token);
      return;
    }

  task = begin_sign_in (self, cancellable, callback, user_data,
                        ringside_session_sign_in_with_token_async);
  exchange (task, token);
  ringside_clear_secret (&token);
}

gboolean
ringside_session_sign_in_with_token_finish (RingsideSession  *self,
                                            GAsyncResult     *result,
                                            GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_platform_token (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RingsideSession *self = RINGSIDE_SESSION (source);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *rc_access_token = NULL;

  root = auth_request_finish (self, result, NULL, &error);
  if (root == NULL)
    {
      if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED) ||
          g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT))
        {
          g_info ("The JWT grant was refused: %s", error->message);
          g_clear_error (&error);
          error = g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED,
                                       "RingCentral did not accept the client ID, client "
                                       "secret or JWT.");
        }
      fail_sign_in (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    rc_access_token = ringside_json_peek_string (json_node_get_object (root), "access_token");

  if (rc_access_token == NULL || *rc_access_token == '\0')
    {
      ringside_token_response_wipe_json (root);
      fail_sign_in (g_steal_pointer (&task),
                    g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                                         "RingCentral's answer has no access token."));
      return;
    }

  exchange (g_steal_pointer (&task), rc_access_token);
  ringside_token_response_wipe_json (root);
}

/**
 * ringside_session_sign_in_with_jwt_async:
 *
 * Obtains a RingCentral access token with the JWT bearer grant of the platform, then
 * signs in with it. None of the three credentials is kept.
 */
void
ringside_session_sign_in_with_jwt_async (RingsideSession     *self,
                                         const char          *client_id,
                                         const char          *client_secret,
                                         const char          *jwt,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *id = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *assertion = NULL;
  g_autofree char *credentials = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *authorization = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  GTask *task;

  g_return_if_fail (RINGSIDE_IS_SESSION (self));
  g_return_if_fail (client_id != NULL && client_secret != NULL && jwt != NULL);

  id = g_strstrip (g_strdup (client_id));
  secret = g_strstrip (g_strdup (client_secret));
  assertion = g_strstrip (g_strdup (jwt));

  if (!check_input (id, "client ID", &error) ||
      !check_input (secret, "client secret", &error) ||
      !check_input (assertion, "JWT", &error))
    {
      g_task_report_error (self, callback, user_data, ringside_session_sign_in_with_jwt_async,
                           g_steal_pointer (&error));
      ringside_clear_secret (&secret);
      ringside_clear_secret (&assertion);
      return;
    }

  task = begin_sign_in (self, cancellable, callback, user_data,
                        ringside_session_sign_in_with_jwt_async);

  credentials = g_strconcat (id, ":", secret, NULL);
  encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  authorization = g_strconcat ("Basic ", encoded, NULL);

  form = new_form ();
  g_hash_table_insert (form, (char *) "grant_type",
                       (char *) "urn:ietf:params:oauth:grant-type:jwt-bearer");
  g_hash_table_insert (form, (char *) "assertion", assertion);
  message = ringside_session_new_message ("POST", self->platform_url, PLATFORM_TOKEN_PATH,
                                          form);
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", authorization);

  auth_request_async (self, message, TRUE, cancellable, on_platform_token, task);

  ringside_clear_secret (&secret);
  ringside_clear_secret (&assertion);
  ringside_clear_secret (&credentials);
  ringside_clear_secret (&encoded);
  ringside_clear_secret (&authorization);
}

gboolean
ringside_session_sign_in_with_jwt_finish (RingsideSession  *self,
                                          GAsyncResult     *result,
                                          GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Restore */

static void
on_restore_refreshed (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!ringside_session_refresh_finish (RINGSIDE_SESSION (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_restore_looked_up (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RingsideSession *self = g_task_get_source_object (task);
  SignInData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *refresh_token = NULL;

  refresh_token = ringside_token_store_lookup_finish (RINGSIDE_TOKEN_STORE (source), result,
                                                      &error);

  if (data->epoch != self->epoch)
    {
      ringside_clear_secret (&refresh_token);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The restore was superseded.");
      return;
    }

  if (refresh_token == NULL)
    {
      if (error == NULL)
        error = g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_NO_SESSION,
                             "There is no saved session for %s.", self->server_url);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ringside_session_set_keyring_error (self, error);
      ringside_session_set_state (self, RINGSIDE_SESSION_STATE_SIGNED_OUT);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Found a saved session; renewing it");
  ringside_session_replace_refresh_token (self, g_steal_pointer (&refresh_token));
  ringside_session_refresh_async (self, g_task_get_cancellable (task), on_restore_refreshed,
                                  g_object_ref (task));
}

void
ringside_session_restore_async (RingsideSession     *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RINGSIDE_IS_SESSION (self));

  if (!self->persistent)
    {
      g_task_report_new_error (self, callback, user_data, ringside_session_restore_async,
                               RINGSIDE_ERROR, RINGSIDE_ERROR_NO_SESSION,
                               "This session is not saved.");
      return;
    }

  task = begin_sign_in (self, cancellable, callback, user_data, ringside_session_restore_async);
  ringside_token_store_lookup_async (self->store, self->server_url, cancellable,
                                     on_restore_looked_up, task);
}

gboolean
ringside_session_restore_finish (RingsideSession  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Sign-out */

typedef struct
{
  guint   pending;
  GError *keyring_error;
} SignOutData;

static void
sign_out_data_free (SignOutData *data)
{
  g_clear_error (&data->keyring_error);
  g_free (data);
}

static void
sign_out_step_done (GTask *task)
{
  SignOutData *data = g_task_get_task_data (task);

  if (--data->pending > 0)
    return;

  if (data->keyring_error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->keyring_error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_logout_answer (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  /* Best effort: the tokens are gone from here whatever the server says. */
  stream = auth_request_finish (RINGSIDE_SESSION (source), result, NULL, &error);
  if (stream == NULL)
    g_info ("The server did not confirm the sign-out: %s", error->message);

  sign_out_step_done (task);
}

static void
on_sign_out_cleared (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignOutData *data = g_task_get_task_data (task);

  ringside_token_store_clear_finish (RINGSIDE_TOKEN_STORE (source), result,
                                     &data->keyring_error);
  sign_out_step_done (task);
}

/**
 * ringside_session_sign_out_async:
 *
 * Forgets the tokens at once, then tells the server (best effort) and removes the keyring
 * item. Fails only when the keyring item could not be removed.
 */
void
ringside_session_sign_out_async (RingsideSession     *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) cancelled = NULL;
  g_autofree char *refresh_token = NULL;
  SignOutData *data;

  g_return_if_fail (RINGSIDE_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_session_sign_out_async);
  data = g_new0 (SignOutData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) sign_out_data_free);

  refresh_token = g_strdup (self->refresh_token);
  self->epoch++;
  ringside_session_forget_tokens (self);
  cancelled = g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_NO_SESSION, "You signed out.");
  ringside_session_complete_refresh_waiters (self, cancelled);

  g_object_freeze_notify (G_OBJECT (self));
  ringside_session_set_last_error (self, NULL);
  ringside_session_set_keyring_error (self, NULL);
  ringside_session_forget_identity (self);
  ringside_session_set_state (self, RINGSIDE_SESSION_STATE_SIGNED_OUT);
  g_object_thaw_notify (G_OBJECT (self));

  data->pending = 1;

  if (refresh_token != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (refresh_token, NULL, FALSE);
      g_autofree char *path = g_strconcat (LOGOUT_PATH, escaped, NULL);
      g_autoptr(SoupMessage) message = ringside_session_new_message ("DELETE", self->server_url,
                                                                     path, NULL);

      data->pending++;
      auth_request_async (self, message, FALSE, cancellable, on_logout_answer,
                          g_object_ref (task));
      ringside_clear_secret (&escaped);
      ringside_clear_secret (&path);
      ringside_clear_secret (&refresh_token);
    }

  if (self->persistent)
    {
      /* A save still out would land after this and bring the token back. */
      self->save_again = FALSE;
      data->pending++;
      ringside_token_store_clear_async (self->store, self->server_url, cancellable,
                                        on_sign_out_cleared, g_object_ref (task));
    }

  ringside_session_emit_signed_out (self, NULL);
  sign_out_step_done (task);
}

gboolean
ringside_session_sign_out_finish (RingsideSession  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
