/* ringside-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ringside-enums.h"
#include "ringside-error.h"
#include "ringside-json-member.h"
#include "ringside-jwt.h"
#include "ringside-session.h"
#include "ringside-token-response.h"

/* RingCX does not say how long its access tokens live; they are JWTs of 5 minutes. */
#define FALLBACK_LIFETIME_SECONDS 300
/* Renew at 80 % of the lifetime, leaving time for a slow network. */
#define RENEW_AT_FRACTION         0.8
#define DEFAULT_RETRY_MIN_MS      2000
#define DEFAULT_RETRY_MAX_MS      (5 * 60 * 1000)

#define EXCHANGE_PATH "/api/auth/login/rc/accesstoken?includeRefresh=true"
#define REFRESH_PATH  "/api/auth/token/refresh"
#define LOGOUT_PATH   "/api/auth/logout/"
#define PLATFORM_TOKEN_PATH "/restapi/oauth/token"

struct _RingsideSession
{
  GObject               parent_instance;

  RingsideClient       *client;
  RingsideTokenStore   *store;
  char                 *server_url;
  char                 *platform_url;
  gboolean              persistent;

  RingsideSessionState  state;
  char                 *access_token;
  char                 *refresh_token;
  /* Bumped whenever the access token changes, so a request that met a 401 can tell whether
   * a newer token already exists and retry without another refresh. */
  guint64               token_generation;
  /* Monotonic time after which the access token is treated as expired. */
  gint64                access_expires_at;
  /* Bumped by sign-in and sign-out: a refresh that finishes in another epoch is stale. */
  guint                 epoch;

  char                 *user_display_name;
  char                 *user_email;
  char                 *account_name;
  char                 *main_account_id;
  GError               *last_error;
  GError               *keyring_error;

  /* Tasks waiting for the refresh in flight; NULL when none is. */
  GPtrArray            *refresh_waiters;
  guint                 renew_source_id;
  guint                 retry_attempt;
  guint                 retry_min_ms;
  guint                 retry_max_ms;
  /* Cancelled on dispose only: a refresh is never abandoned half-way by a caller, since the
   * server rotates the refresh token as soon as it answers. */
  GCancellable         *lifetime_cancellable;
};

G_DEFINE_FINAL_TYPE (RingsideSession, ringside_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVER_URL,
  PROP_PLATFORM_URL,
  PROP_CLIENT,
  PROP_STORE,
  PROP_PERSISTENT,
  PROP_STATE,
  PROP_USER_DISPLAY_NAME,
  PROP_USER_EMAIL,
  PROP_ACCOUNT_NAME,
  PROP_MAIN_ACCOUNT_ID,
  PROP_LAST_ERROR,
  PROP_KEYRING_ERROR,
  N_PROPS
};

enum {
  SIGNED_OUT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_refresh          (RingsideSession *self);
static void schedule_renewal       (RingsideSession *self,
                                    guint            delay_ms);

/* Small helpers */

static void
set_state (RingsideSession      *self,
           RingsideSessionState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_last_error (RingsideSession *self,
                const GError    *error)
{
  if (self->last_error == NULL && error == NULL)
    return;

  g_clear_error (&self->last_error);
  if (error != NULL)
    self->last_error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
set_keyring_error (RingsideSession *self,
                   const GError    *error)
{
  if (self->keyring_error == NULL && error == NULL)
    return;

  g_clear_error (&self->keyring_error);
  if (error != NULL)
    {
      self->keyring_error = g_error_copy (error);
      g_message ("The session will not be remembered: %s", error->message);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEYRING_ERROR]);
}

static void
set_string (RingsideSession  *self,
            char            **field,
            const char       *value,
            guint             prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* A server may echo a token back in an error message; none must reach the UI or a log. */
static GError *
scrub_error (GError     *error,
             const char *secret)
{
  if (secret != NULL && strlen (secret) >= 8 && strstr (error->message, secret) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (error->message, secret, -1);

      g_free (error->message);
      error->message = g_strjoinv ("[redacted]", parts);
    }

  return error;
}

static GError *
scrub_session_error (RingsideSession *self,
                     GError          *error)
{
  scrub_error (error, self->access_token);
  return scrub_error (error, self->refresh_token);
}

static SoupMessage *
new_form_message (const char *method,
                  const char *base_url,
                  const char *path,
                  GHashTable *form)
{
  g_autofree char *url = g_strconcat (base_url, path, NULL);
  SoupMessage *message;

  if (form != NULL)
    {
      message = soup_message_new_from_encoded_form (method, url, soup_form_encode_hash (form));
    }
  else
    {
      message = soup_message_new (method, url);
    }

  if (message != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message),
                                  "Accept", "application/json");
  return message;
}

static GHashTable *
new_form (void)
{
  return g_hash_table_new (g_str_hash, g_str_equal);
}

/* Lifetimes */

/* The lifetime from the JWT's own iat/exp does not depend on the two clocks agreeing. */
static gint64
access_token_lifetime (const char *access_token)
{
  gint64 expires_at = 0;
  gint64 issued_at = 0;
  gint64 lifetime;

  if (!ringside_jwt_read_times (access_token, &expires_at, &issued_at, NULL))
    return FALLBACK_LIFETIME_SECONDS;

  if (issued_at > 0 && expires_at > issued_at)
    lifetime = expires_at - issued_at;
  else
    lifetime = expires_at - g_get_real_time () / G_USEC_PER_SEC;

  return CLAMP (lifetime, 1, 24 * 60 * 60);
}

static gboolean
access_token_usable (RingsideSession *self)
{
  return self->access_token != NULL && g_get_monotonic_time () < self->access_expires_at;
}

static void
cancel_renewal (RingsideSession *self)
{
  g_clear_handle_id (&self->renew_source_id, g_source_remove);
}

static gboolean
on_renewal_due (gpointer user_data)
{
  RingsideSession *self = user_data;

  self->renew_source_id = 0;
  g_debug ("Renewing the access token");
  start_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_renewal (RingsideSession *self,
                  guint            delay_ms)
{
  cancel_renewal (self);

  /* Whole seconds let GLib batch wake-ups; short delays (tests, retries) need precision. */
  if (delay_ms >= 10000)
    self->renew_source_id = g_timeout_add_seconds (delay_ms / 1000, on_renewal_due, self);
  else
    self->renew_source_id = g_timeout_add (delay_ms, on_renewal_due, self);
  g_source_set_name_by_id (self->renew_source_id, "[ringside] session renewal");
}

static guint
next_retry_delay (RingsideSession *self,
                  const GError    *error)
{
  guint64 delay = self->retry_min_ms;
  guint retry_after = ringside_error_get_retry_after (error);

  for (guint i = 0; i < self->retry_attempt && delay < self->retry_max_ms; i++)
    delay *= 2;
  delay = MIN (delay, self->retry_max_ms);

  /* The server's word wins, even beyond our own ceiling. */
  if (retry_after > 0)
    delay = MAX (delay, (guint64) retry_after * 1000);

  self->retry_attempt++;
  return (guint) delay;
}

/* Applying tokens */

static void
apply_token_response (RingsideSession *self,
                      RingsideTokenResponse   *response)
{
  gint64 lifetime = access_token_lifetime (response->access_token);

  ringside_clear_secret (&self->access_token);
  self->access_token = g_steal_pointer (&response->access_token);
  if (g_strcmp0 (self->refresh_token, response->refresh_token) != 0)
    {
      ringside_clear_secret (&self->refresh_token);
      self->refresh_token = g_steal_pointer (&response->refresh_token);
    }
  self->token_generation++;
  /* A request should not set off with a token in its last seconds. */
  self->access_expires_at = g_get_monotonic_time () + lifetime * G_USEC_PER_SEC * 95 / 100;
  self->retry_attempt = 0;

  g_object_freeze_notify (G_OBJECT (self));
  if (response->user_display_name != NULL)
    set_string (self, &self->user_display_name, response->user_display_name,
                PROP_USER_DISPLAY_NAME);
  if (response->user_email != NULL)
    set_string (self, &self->user_email, response->user_email, PROP_USER_EMAIL);
  if (response->account_name != NULL)
    set_string (self, &self->account_name, response->account_name, PROP_ACCOUNT_NAME);
  if (response->main_account_id != NULL)
    set_string (self, &self->main_account_id, response->main_account_id,
                PROP_MAIN_ACCOUNT_ID);
  set_last_error (self, NULL);
  set_state (self, RINGSIDE_SESSION_STATE_SIGNED_IN);
  g_object_thaw_notify (G_OBJECT (self));

  schedule_renewal (self, (guint) (lifetime * 1000 * RENEW_AT_FRACTION));
}

static void
forget_tokens (RingsideSession *self)
{
  cancel_renewal (self);
  ringside_clear_secret (&self->access_token);
  ringside_clear_secret (&self->refresh_token);
  self->access_expires_at = 0;
  self->token_generation++;
  self->retry_attempt = 0;
}

static void
forget_identity (RingsideSession *self)
{
  set_string (self, &self->user_display_name, NULL, PROP_USER_DISPLAY_NAME);
  set_string (self, &self->user_email, NULL, PROP_USER_EMAIL);
  set_string (self, &self->account_name, NULL, PROP_ACCOUNT_NAME);
  set_string (self, &self->main_account_id, NULL, PROP_MAIN_ACCOUNT_ID);
}

/* Persisting: the new refresh token reaches the keyring before its access token is used,
 * so a crash right after a rotation leaves the keyring holding the token the server knows. */

typedef void (*PersistedFunc) (RingsideSession *self,
                               RingsideTokenResponse   *response,
                               gpointer         user_data);

typedef struct
{
  RingsideSession *self;
  RingsideTokenResponse   *response;
  PersistedFunc    func;
  gpointer         user_data;
} PersistData;

static void
on_token_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PersistData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!ringside_token_store_save_finish (RINGSIDE_TOKEN_STORE (source), result, &error))
    set_keyring_error (data->self, error);
  else
    set_keyring_error (data->self, NULL);

  data->func (data->self, data->response, data->user_data);

  ringside_token_response_free (data->response);
  g_object_unref (data->self);
  g_free (data);
}

static void
persist_then (RingsideSession *self,
              RingsideTokenResponse   *response,
              PersistedFunc    func,
              gpointer         user_data)
{
  PersistData *data;

  if (!self->persistent)
    {
      func (self, response, user_data);
      ringside_token_response_free (response);
      return;
    }

  data = g_new0 (PersistData, 1);
  data->self = g_object_ref (self);
  data->response = response;
  data->func = func;
  data->user_data = user_data;

  /* Not cancellable: dropping a rotated token half-way would strand the keyring. */
  ringside_token_store_save_async (self->store, self->server_url, response->refresh_token,
                                   NULL, on_token_saved, data);
}

static void
on_token_cleared (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RingsideSession) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ringside_token_store_clear_finish (RINGSIDE_TOKEN_STORE (source), result, &error))
    g_message ("Could not remove the saved session: %s", error->message);
}

static void
clear_stored_token (RingsideSession *self)
{
  if (!self->persistent)
    return;

  ringside_token_store_clear_async (self->store, self->server_url, NULL, on_token_cleared,
                                    g_object_ref (self));
}

/* Ends the session because the server no longer accepts it. */
static void
end_session (RingsideSession *self,
             const GError    *reason)
{
  g_info ("Signed out: %s", reason->message);

  self->epoch++;
  forget_tokens (self);
  clear_stored_token (self);

  g_object_freeze_notify (G_OBJECT (self));
  set_last_error (self, reason);
  set_state (self, RINGSIDE_SESSION_STATE_SIGNED_OUT);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[SIGNED_OUT], 0, reason);
}

/* Refresh */

static gboolean
refresh_was_rejected (const GError *error)
{
  return g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED) ||
         g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TOKEN_EXPIRED) ||
         g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_FORBIDDEN) ||
         g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT);
}

static void
complete_refresh_waiters (RingsideSession *self,
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

static void
on_refreshed_tokens_persisted (RingsideSession *self,
                               RingsideTokenResponse   *response,
                               gpointer         user_data)
{
  guint epoch = GPOINTER_TO_UINT (user_data);

  if (epoch != self->epoch)
    return;

  g_debug ("Access token renewed");
  apply_token_response (self, response);
  complete_refresh_waiters (self, NULL);
}

static void
fail_refresh (RingsideSession *self,
              GError          *error)
{
  g_autoptr(GError) owned = scrub_session_error (self, error);

  if (refresh_was_rejected (owned))
    {
      g_autoptr(GError) reason =
        g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_SESSION_REJECTED,
                             "Your RingCX session has ended: it expired or was signed out "
                             "elsewhere. Sign in again.");

      g_info ("The refresh token was rejected: %s", owned->message);

      end_session (self, reason);
      complete_refresh_waiters (self, reason);
      return;
    }

  /* Anything else may pass: keep the refresh token and try again later. */
  {
    guint delay = next_retry_delay (self, owned);

    g_info ("Could not renew the session, retrying in %u ms: %s", delay, owned->message);
    g_object_freeze_notify (G_OBJECT (self));
    set_last_error (self, owned);
    set_state (self, RINGSIDE_SESSION_STATE_OFFLINE);
    g_object_thaw_notify (G_OBJECT (self));
    schedule_renewal (self, delay);
    complete_refresh_waiters (self, owned);
  }
}

typedef struct
{
  RingsideSession *self;
  guint            epoch;
} RefreshCall;

static void
on_refresh_response (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RefreshCall *call = user_data;
  g_autoptr(RingsideSession) self = call->self;
  guint epoch = call->epoch;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  RingsideTokenResponse *response;

  g_free (call);
  root = ringside_client_fetch_json_finish (RINGSIDE_CLIENT (source), result, &error);

  /* Signed out or signed in anew meanwhile: this answer belongs to a session that is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || epoch != self->epoch)
    return;

  if (root != NULL)
    response = ringside_token_response_parse (root, &error);
  else
    response = NULL;

  if (response == NULL)
    {
      fail_refresh (self, g_steal_pointer (&error));
      return;
    }

  /* Hold the rotated token in memory at once: whatever happens next, it is not lost. */
  ringside_clear_secret (&self->refresh_token);
  self->refresh_token = g_strdup (response->refresh_token);

  persist_then (self, response, on_refreshed_tokens_persisted,
                GUINT_TO_POINTER (self->epoch));
}

static void
start_refresh (RingsideSession *self)
{
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(SoupMessage) message = NULL;
  RefreshCall *call;

  if (self->refresh_waiters != NULL)
    return;

  if (self->refresh_token == NULL)
    return;

  cancel_renewal (self);
  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->state == RINGSIDE_SESSION_STATE_SIGNED_IN ||
      self->state == RINGSIDE_SESSION_STATE_OFFLINE)
    set_state (self, RINGSIDE_SESSION_STATE_REFRESHING);

  form = new_form ();
  g_hash_table_insert (form, (char *) "refresh_token", self->refresh_token);
  g_hash_table_insert (form, (char *) "rcTokenType", (char *) "Bearer");
  message = new_form_message ("POST", self->server_url, REFRESH_PATH, form);

  call = g_new0 (RefreshCall, 1);
  call->self = g_object_ref (self);
  call->epoch = self->epoch;
  ringside_client_fetch_json_async (self->client, message, self->lifetime_cancellable,
                                    on_refresh_response, call);
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

  start_refresh (self);
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

static void
on_sign_in_persisted (RingsideSession *self,
                      RingsideTokenResponse   *response,
                      gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  guint epoch = GPOINTER_TO_UINT (g_task_get_task_data (task));

  if (epoch != self->epoch)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The sign-in was superseded.");
      return;
    }

  g_info ("Signed in to %s", self->server_url);
  apply_token_response (self, response);
  g_task_return_boolean (task, TRUE);
}

/* Takes @task and @error. */
static void
fail_sign_in (GTask  *owned_task,
              GError *error)
{
  g_autoptr(GTask) task = owned_task;
  RingsideSession *self = g_task_get_source_object (task);
  guint epoch = GPOINTER_TO_UINT (g_task_get_task_data (task));

  if (epoch == self->epoch)
    set_state (self, RINGSIDE_SESSION_STATE_SIGNED_OUT);
  g_task_return_error (task, error);
}

static void
on_exchange_response (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RingsideSession *self = g_task_get_source_object (task);
  guint epoch = GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  RingsideTokenResponse *response = NULL;

  root = ringside_client_fetch_json_finish (RINGSIDE_CLIENT (source), result, &error);
  if (root != NULL && epoch != self->epoch)
    {
      fail_sign_in (g_steal_pointer (&task),
                    g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                         "The sign-in was superseded."));
      return;
    }
  if (root != NULL)
    response = ringside_token_response_parse (root, &error);

  if (response == NULL)
    {
      if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED) ||
          g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TOKEN_EXPIRED))
        {
          g_autoptr(GError) reason = NULL;

          g_info ("The exchange was refused: %s", error->message);
          reason = g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED,
                                        "RingCX did not accept the RingCentral access token. "
                                        "It may have expired: get a fresh one.");
          g_clear_error (&error);
          error = g_steal_pointer (&reason);
        }
      fail_sign_in (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  ringside_clear_secret (&self->refresh_token);
  self->refresh_token = g_strdup (response->refresh_token);
  persist_then (self, response, on_sign_in_persisted, g_steal_pointer (&task));
}

static void
exchange (GTask      *task,
          const char *rc_access_token)
{
  RingsideSession *self = g_task_get_source_object (task);
  g_autoptr(GHashTable) form = new_form ();
  g_autoptr(SoupMessage) message = NULL;

  g_hash_table_insert (form, (char *) "rcAccessToken", (char *) rc_access_token);
  g_hash_table_insert (form, (char *) "rcTokenType", (char *) "Bearer");
  message = new_form_message ("POST", self->server_url, EXCHANGE_PATH, form);

  ringside_client_fetch_json_async (self->client, message, g_task_get_cancellable (task),
                                    on_exchange_response, task);
}

static GTask *
begin_sign_in (RingsideSession     *self,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);

  /* A new sign-in replaces whatever session there was. */
  self->epoch++;
  forget_tokens (self);
  {
    g_autoptr(GError) superseded = g_error_new_literal (RINGSIDE_ERROR,
                                                        RINGSIDE_ERROR_NO_SESSION,
                                                        "A new sign-in replaced the session.");
    complete_refresh_waiters (self, superseded);
  }
  g_task_set_task_data (task, GUINT_TO_POINTER (self->epoch), NULL);

  g_object_freeze_notify (G_OBJECT (self));
  set_last_error (self, NULL);
  set_state (self, RINGSIDE_SESSION_STATE_SIGNING_IN);
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
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *rc_access_token = NULL;

  root = ringside_client_fetch_json_finish (RINGSIDE_CLIENT (source), result, &error);
  if (root == NULL)
    {
      if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED) ||
          g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT))
        {
          g_autoptr(GError) reason = NULL;

          g_info ("The JWT grant was refused: %s", error->message);
          reason = g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED,
                                        "RingCentral did not accept the client ID, client "
                                        "secret or JWT.");
          g_clear_error (&error);
          error = g_steal_pointer (&reason);
        }
      fail_sign_in (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    rc_access_token = ringside_json_peek_string (json_node_get_object (root), "access_token");

  if (rc_access_token == NULL || *rc_access_token == '\0')
    {
      fail_sign_in (g_steal_pointer (&task),
                    g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                                         "RingCentral's answer has no access token."));
      return;
    }

  exchange (g_steal_pointer (&task), rc_access_token);
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
  message = new_form_message ("POST", self->platform_url, PLATFORM_TOKEN_PATH, form);
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", authorization);

  ringside_client_fetch_json_async (self->client, message, cancellable, on_platform_token,
                                    task);

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
  guint epoch = GPOINTER_TO_UINT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;
  g_autofree char *refresh_token = NULL;

  refresh_token = ringside_token_store_lookup_finish (RINGSIDE_TOKEN_STORE (source), result,
                                                      &error);

  if (epoch != self->epoch)
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
        set_keyring_error (self, error);
      set_state (self, RINGSIDE_SESSION_STATE_SIGNED_OUT);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Found a saved session; renewing it");
  self->refresh_token = g_steal_pointer (&refresh_token);
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
  guint pending;
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
on_logout_response (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  /* Best effort: the tokens are gone from here whatever the server says. */
  stream = ringside_client_send_finish (RINGSIDE_CLIENT (source), result, &error);
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
  g_autofree char *refresh_token = NULL;
  SignOutData *data;

  g_return_if_fail (RINGSIDE_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_session_sign_out_async);
  data = g_new0 (SignOutData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) sign_out_data_free);

  refresh_token = g_steal_pointer (&self->refresh_token);
  self->epoch++;
  forget_tokens (self);
  {
    g_autoptr(GError) cancelled = g_error_new_literal (RINGSIDE_ERROR,
                                                       RINGSIDE_ERROR_NO_SESSION,
                                                       "You signed out.");
    complete_refresh_waiters (self, cancelled);
  }

  g_object_freeze_notify (G_OBJECT (self));
  set_last_error (self, NULL);
  set_keyring_error (self, NULL);
  forget_identity (self);
  set_state (self, RINGSIDE_SESSION_STATE_SIGNED_OUT);
  g_object_thaw_notify (G_OBJECT (self));

  data->pending = 1;

  if (refresh_token != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (refresh_token, NULL, FALSE);
      g_autofree char *path = g_strconcat (LOGOUT_PATH, escaped, NULL);
      g_autoptr(SoupMessage) message = new_form_message ("DELETE", self->server_url, path,
                                                         NULL);

      data->pending++;
      ringside_client_send_async (self->client, message, cancellable, on_logout_response,
                                  g_object_ref (task));
      ringside_clear_secret (&escaped);
      ringside_clear_secret (&path);
      ringside_clear_secret (&refresh_token);
    }

  if (self->persistent)
    {
      data->pending++;
      ringside_token_store_clear_async (self->store, self->server_url, cancellable,
                                        on_sign_out_cleared, g_object_ref (task));
    }

  g_signal_emit (self, signals[SIGNED_OUT], 0, NULL);
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

/* Authorized requests */

typedef struct
{
  char     *method;
  char     *path;
  gboolean  want_json;
  gboolean  retried;
  guint64   generation;
} RequestData;

static void
request_data_free (RequestData *data)
{
  g_free (data->method);
  g_free (data->path);
  g_free (data);
}

static void send_authorized (GTask *task);

static void
on_request_refreshed (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!ringside_session_refresh_finish (RINGSIDE_SESSION (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  send_authorized (g_steal_pointer (&task));
}

/* Returns TRUE when @error was a 401 that a refresh and one retry may cure. */
static gboolean
retry_after_unauthorized (GTask        *task,
                          const GError *error)
{
  RingsideSession *self = g_task_get_source_object (task);
  RequestData *data = g_task_get_task_data (task);

  if (!g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED) &&
      !g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TOKEN_EXPIRED))
    return FALSE;

  if (data->retried)
    {
      g_autoptr(GError) reason =
        g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_SESSION_REJECTED,
                             "RingCX no longer accepts this session. Sign in again.");

      g_info ("A renewed access token was refused too: %s", error->message);

      if (self->state != RINGSIDE_SESSION_STATE_SIGNED_OUT)
        end_session (self, reason);
      return FALSE;
    }

  data->retried = TRUE;

  /* Another request may have renewed the token since this one set off. */
  if (data->generation != self->token_generation && access_token_usable (self))
    {
      send_authorized (g_object_ref (task));
      return TRUE;
    }

  /* The token we hold is dead whatever its exp claims. */
  self->access_expires_at = 0;
  ringside_session_refresh_async (self, g_task_get_cancellable (task), on_request_refreshed,
                                  g_object_ref (task));
  return TRUE;
}

static void
on_json_received (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RingsideSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  root = ringside_client_fetch_json_finish (RINGSIDE_CLIENT (source), result, &error);
  if (root != NULL)
    {
      g_task_return_pointer (task, root, (GDestroyNotify) json_node_unref);
      return;
    }

  if (!retry_after_unauthorized (task, error))
    g_task_return_error (task, scrub_session_error (self, g_steal_pointer (&error)));
}

static void
on_stream_received (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RingsideSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  GInputStream *stream;

  stream = ringside_client_send_finish (RINGSIDE_CLIENT (source), result, &error);
  if (stream != NULL)
    {
      g_task_return_pointer (task, stream, g_object_unref);
      return;
    }

  if (!retry_after_unauthorized (task, error))
    g_task_return_error (task, scrub_session_error (self, g_steal_pointer (&error)));
}

static void
send_authorized (GTask *task)
{
  RingsideSession *self = g_task_get_source_object (task);
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *authorization = NULL;

  if (self->refresh_token == NULL && self->access_token == NULL)
    {
      g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_NO_SESSION,
                               "You are not signed in.");
      g_object_unref (task);
      return;
    }

  /* While the server asks us to wait, do not knock again. */
  if (self->state == RINGSIDE_SESSION_STATE_OFFLINE && self->renew_source_id != 0 &&
      ringside_error_get_retry_after (self->last_error) > 0 && !access_token_usable (self))
    {
      g_task_return_error (task, g_error_copy (self->last_error));
      g_object_unref (task);
      return;
    }

  if (!access_token_usable (self))
    {
      ringside_session_refresh_async (self, g_task_get_cancellable (task),
                                      on_request_refreshed, task);
      return;
    }

  message = new_form_message (data->method, self->server_url, data->path, NULL);
  if (message == NULL)
    {
      g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT,
                               _("“%s” is not a valid request path."), data->path);
      g_object_unref (task);
      return;
    }

  authorization = g_strconcat ("Bearer ", self->access_token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", authorization);
  ringside_clear_secret (&authorization);
  data->generation = self->token_generation;

  if (data->want_json)
    ringside_client_fetch_json_async (self->client, message, g_task_get_cancellable (task),
                                      on_json_received, task);
  else
    ringside_client_send_async (self->client, message, g_task_get_cancellable (task),
                                on_stream_received, task);
}

static void
start_request (RingsideSession     *self,
               const char          *method,
               const char          *path,
               gboolean             want_json,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  GTask *task;
  RequestData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  data = g_new0 (RequestData, 1);
  data->method = g_strdup (method);
  data->path = g_strdup (path);
  data->want_json = want_json;
  g_task_set_task_data (task, data, (GDestroyNotify) request_data_free);

  send_authorized (task);
}

void
ringside_session_send_async (RingsideSession     *self,
                             const char          *method,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (RINGSIDE_IS_SESSION (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');

  start_request (self, method, path, FALSE, cancellable, callback, user_data,
                 ringside_session_send_async);
}

GInputStream *
ringside_session_send_finish (RingsideSession  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ringside_session_fetch_json_async (RingsideSession     *self,
                                   const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (RINGSIDE_IS_SESSION (self));
  g_return_if_fail (path != NULL && path[0] == '/');

  start_request (self, "GET", path, TRUE, cancellable, callback, user_data,
                 ringside_session_fetch_json_async);
}

JsonNode *
ringside_session_fetch_json_finish (RingsideSession  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Accessors */

RingsideSessionState
ringside_session_get_state (RingsideSession *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION (self), RINGSIDE_SESSION_STATE_SIGNED_OUT);
  return self->state;
}

const char *
ringside_session_get_server_url (RingsideSession *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION (self), NULL);
  return self->server_url;
}

const char *
ringside_session_get_platform_url (RingsideSession *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION (self), NULL);
  return self->platform_url;
}

RingsideClient *
ringside_session_get_client (RingsideSession *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION (self), NULL);
  return self->client;
}

const char *
ringside_session_get_user_display_name (RingsideSession *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION (self), NULL);
  return self->user_display_name;
}

const char *
ringside_session_get_user_email (RingsideSession *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION (self), NULL);
  return self->user_email;
}

const char *
ringside_session_get_account_name (RingsideSession *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION (self), NULL);
  return self->account_name;
}

const char *
ringside_session_get_main_account_id (RingsideSession *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION (self), NULL);
  return self->main_account_id;
}

const GError *
ringside_session_get_last_error (RingsideSession *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION (self), NULL);
  return self->last_error;
}

const GError *
ringside_session_get_keyring_error (RingsideSession *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION (self), NULL);
  return self->keyring_error;
}

void
ringside_session_set_persistent (RingsideSession *self,
                                 gboolean         persistent)
{
  g_return_if_fail (RINGSIDE_IS_SESSION (self));

  persistent = !!persistent;
  if (self->persistent == persistent)
    return;

  self->persistent = persistent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSISTENT]);
}

gboolean
ringside_session_get_persistent (RingsideSession *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION (self), FALSE);
  return self->persistent;
}

void
ringside_session_set_retry_delays (RingsideSession *self,
                                   guint            min_ms,
                                   guint            max_ms)
{
  g_return_if_fail (RINGSIDE_IS_SESSION (self));
  g_return_if_fail (min_ms > 0 && min_ms <= max_ms);

  self->retry_min_ms = min_ms;
  self->retry_max_ms = max_ms;
}

/* GObject */

static void
ringside_session_constructed (GObject *object)
{
  RingsideSession *self = RINGSIDE_SESSION (object);

  G_OBJECT_CLASS (ringside_session_parent_class)->constructed (object);

  if (self->client == NULL)
    self->client = ringside_client_new ();
  if (self->store == NULL)
    self->store = ringside_token_store_new ();
  if (self->platform_url == NULL)
    self->platform_url = g_strdup (RINGSIDE_DEFAULT_PLATFORM_URL);
  if (self->server_url == NULL)
    self->server_url = g_strdup (RINGSIDE_DEFAULT_SERVER_URL);
}

static void
ringside_session_dispose (GObject *object)
{
  RingsideSession *self = RINGSIDE_SESSION (object);

  g_cancellable_cancel (self->lifetime_cancellable);
  cancel_renewal (self);

  G_OBJECT_CLASS (ringside_session_parent_class)->dispose (object);
}

static void
ringside_session_finalize (GObject *object)
{
  RingsideSession *self = RINGSIDE_SESSION (object);

  g_assert (self->refresh_waiters == NULL);

  ringside_clear_secret (&self->access_token);
  ringside_clear_secret (&self->refresh_token);
  g_clear_object (&self->client);
  g_clear_object (&self->store);
  g_clear_object (&self->lifetime_cancellable);
  g_clear_pointer (&self->server_url, g_free);
  g_clear_pointer (&self->platform_url, g_free);
  g_clear_pointer (&self->user_display_name, g_free);
  g_clear_pointer (&self->user_email, g_free);
  g_clear_pointer (&self->account_name, g_free);
  g_clear_pointer (&self->main_account_id, g_free);
  g_clear_error (&self->last_error);
  g_clear_error (&self->keyring_error);

  G_OBJECT_CLASS (ringside_session_parent_class)->finalize (object);
}

static void
ringside_session_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RingsideSession *self = RINGSIDE_SESSION (object);

  switch (prop_id)
    {
    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;
    case PROP_PLATFORM_URL:
      g_value_set_string (value, self->platform_url);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PERSISTENT:
      g_value_set_boolean (value, self->persistent);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_USER_DISPLAY_NAME:
      g_value_set_string (value, self->user_display_name);
      break;
    case PROP_USER_EMAIL:
      g_value_set_string (value, self->user_email);
      break;
    case PROP_ACCOUNT_NAME:
      g_value_set_string (value, self->account_name);
      break;
    case PROP_MAIN_ACCOUNT_ID:
      g_value_set_string (value, self->main_account_id);
      break;
    case PROP_LAST_ERROR:
      g_value_set_boxed (value, self->last_error);
      break;
    case PROP_KEYRING_ERROR:
      g_value_set_boxed (value, self->keyring_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_session_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RingsideSession *self = RINGSIDE_SESSION (object);

  switch (prop_id)
    {
    case PROP_SERVER_URL:
      self->server_url = g_value_dup_string (value);
      break;
    case PROP_PLATFORM_URL:
      self->platform_url = g_value_dup_string (value);
      break;
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PERSISTENT:
      ringside_session_set_persistent (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_session_class_init (RingsideSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct_flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                G_PARAM_STATIC_STRINGS;
  GParamFlags read_flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = ringside_session_constructed;
  object_class->dispose = ringside_session_dispose;
  object_class->finalize = ringside_session_finalize;
  object_class->get_property = ringside_session_get_property;
  object_class->set_property = ringside_session_set_property;

  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, NULL, construct_flags);
  properties[PROP_PLATFORM_URL] =
    g_param_spec_string ("platform-url", NULL, NULL, NULL, construct_flags);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, RINGSIDE_TYPE_CLIENT, construct_flags);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RINGSIDE_TYPE_TOKEN_STORE, construct_flags);
  properties[PROP_PERSISTENT] =
    g_param_spec_boolean ("persistent", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, RINGSIDE_TYPE_SESSION_STATE,
                       RINGSIDE_SESSION_STATE_SIGNED_OUT, read_flags);
  properties[PROP_USER_DISPLAY_NAME] =
    g_param_spec_string ("user-display-name", NULL, NULL, NULL, read_flags);
  properties[PROP_USER_EMAIL] =
    g_param_spec_string ("user-email", NULL, NULL, NULL, read_flags);
  properties[PROP_ACCOUNT_NAME] =
    g_param_spec_string ("account-name", NULL, NULL, NULL, read_flags);
  properties[PROP_MAIN_ACCOUNT_ID] =
    g_param_spec_string ("main-account-id", NULL, NULL, NULL, read_flags);
  properties[PROP_LAST_ERROR] =
    g_param_spec_boxed ("last-error", NULL, NULL, G_TYPE_ERROR, read_flags);
  properties[PROP_KEYRING_ERROR] =
    g_param_spec_boxed ("keyring-error", NULL, NULL, G_TYPE_ERROR, read_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RingsideSession::signed-out:
   * @reason: (nullable): why, or %NULL when the user signed out
   */
  signals[SIGNED_OUT] =
    g_signal_new ("signed-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
ringside_session_init (RingsideSession *self)
{
  self->persistent = TRUE;
  self->state = RINGSIDE_SESSION_STATE_SIGNED_OUT;
  self->retry_min_ms = DEFAULT_RETRY_MIN_MS;
  self->retry_max_ms = DEFAULT_RETRY_MAX_MS;
  self->lifetime_cancellable = g_cancellable_new ();
}

RingsideSession *
ringside_session_new (const char         *server_url,
                      const char         *platform_url,
                      RingsideTokenStore *store,
                      RingsideClient     *client)
{
  return g_object_new (RINGSIDE_TYPE_SESSION,
                       "server-url", server_url,
                       "platform-url", platform_url,
                       "store", store,
                       "client", client,
                       NULL);
}
