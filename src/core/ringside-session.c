/* ringside-session.c
 *
 * The session type: properties, state, token lifetimes and persistence. Sign-in, refresh,
 * restore and sign-out are in ringside-session-auth.c; authorized requests in
 * ringside-session-requests.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "ringside-enums.h"
#include "ringside-error.h"
#include "ringside-jwt.h"
#include "ringside-server-text-private.h"
#include "ringside-session-private.h"

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

/* State */

void
ringside_session_set_state (RingsideSession      *self,
                            RingsideSessionState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
ringside_session_set_last_error (RingsideSession *self,
                                 const GError    *error)
{
  if (self->last_error == NULL && error == NULL)
    return;

  g_clear_error (&self->last_error);
  if (error != NULL)
    self->last_error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

void
ringside_session_set_keyring_error (RingsideSession *self,
                                    const GError    *error)
{
  if (self->keyring_error == NULL && error == NULL)
    return;
  if (self->keyring_error != NULL && error != NULL &&
      g_error_matches (self->keyring_error, error->domain, error->code) &&
      g_strcmp0 (self->keyring_error->message, error->message) == 0)
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
GError *
ringside_session_scrub_error (RingsideSession *self,
                              GError          *error)
{
  ringside_server_text_scrub (&error->message, self->access_token);
  ringside_server_text_scrub (&error->message, self->refresh_token);
  return error;
}

/**
 * ringside_session_replace_refresh_token:
 * @refresh_token: (transfer full) (nullable): the token RingCX accepts now
 *
 * The only place the refresh token is written: the one it replaces is dead on the server
 * (rotation), so it is wiped here, and no copy of it stays in the session.
 */
void
ringside_session_replace_refresh_token (RingsideSession *self,
                                        char            *refresh_token)
{
  ringside_clear_secret (&self->refresh_token);
  self->refresh_token = refresh_token;
}

/* A form body holds a token: it goes out of a buffer that is wiped when libsoup lets go. */
static void
wipe_and_free (gpointer data)
{
  explicit_bzero (data, strlen (data));
  g_free (data);
}

SoupMessage *
ringside_session_new_message (const char *method,
                              const char *base_url,
                              const char *path,
                              GHashTable *form)
{
  g_autofree char *url = g_strconcat (base_url, path, NULL);
  SoupMessage *message = soup_message_new (method, url);

  if (message == NULL)
    return NULL;

  if (form != NULL)
    {
      char *encoded = soup_form_encode_hash (form);
      g_autoptr(GBytes) body = g_bytes_new_with_free_func (encoded, strlen (encoded),
                                                           wipe_and_free, encoded);

      soup_message_set_request_body_from_bytes (message, SOUP_FORM_MIME_TYPE_URLENCODED, body);
    }

  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Accept", "application/json");
  return message;
}

/* Lifetimes */

/* Measured on the server's clock: from the JWT's own iat, else from the answer's Date
 * header (@server_time, Unix seconds, 0 if none), so that a local clock that disagrees
 * with the server's cannot shorten it. Only without either does the local clock count. */
static gint64
access_token_lifetime (const char *access_token,
                       gint64      server_time)
{
  gint64 expires_at = 0;
  gint64 issued_at = 0;
  gint64 lifetime;

  if (!ringside_jwt_read_times (access_token, &expires_at, &issued_at, NULL))
    return RINGSIDE_SESSION_FALLBACK_LIFETIME_S;

  if (issued_at > 0 && expires_at > issued_at)
    lifetime = expires_at - issued_at;
  else if (server_time > 0)
    lifetime = expires_at - server_time;
  else
    lifetime = expires_at - g_get_real_time () / G_USEC_PER_SEC;

  return CLAMP (lifetime, 1, 24 * 60 * 60);
}

/* Within the renewal floor, a token that our estimate calls expired is still sent: the
 * server's 401 then demands the renewal, which no estimate can do sooner than the floor. */
gboolean
ringside_session_access_token_usable (RingsideSession *self)
{
  gint64 now = g_get_monotonic_time ();

  return self->access_token != NULL &&
         (now < self->access_expires_at || now < self->renew_floor_until);
}

/* The server refused the token: whatever its exp or the floor say, it must be renewed. */
void
ringside_session_mark_access_token_refused (RingsideSession *self)
{
  self->access_expires_at = 0;
  self->renew_floor_until = 0;
}

void
ringside_session_cancel_renewal (RingsideSession *self)
{
  g_clear_handle_id (&self->renew_source_id, g_source_remove);
}

static gboolean
on_renewal_due (gpointer user_data)
{
  RingsideSession *self = user_data;

  self->renew_source_id = 0;
  g_debug ("Renewing the access token");
  ringside_session_start_refresh (self);

  return G_SOURCE_REMOVE;
}

void
ringside_session_schedule_renewal (RingsideSession *self,
                                   guint            delay_ms)
{
  ringside_session_cancel_renewal (self);

  /* Whole seconds let GLib batch wake-ups; short delays (tests, retries) need precision. */
  if (delay_ms >= 10000)
    self->renew_source_id = g_timeout_add_seconds (delay_ms / 1000, on_renewal_due, self);
  else
    self->renew_source_id = g_timeout_add (delay_ms, on_renewal_due, self);
  g_source_set_name_by_id (self->renew_source_id, "[ringside] session renewal");
}

guint
ringside_session_next_retry_delay (RingsideSession *self,
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

/* Takes the access token and who signed in from @response; the refresh token must have
 * gone through ringside_session_replace_refresh_token() already. */
void
ringside_session_apply_tokens (RingsideSession       *self,
                               RingsideTokenResponse *response,
                               gint64                 server_time)
{
  gint64 lifetime = access_token_lifetime (response->access_token, server_time);
  gint64 now = g_get_monotonic_time ();
  guint64 renew_ms;

  ringside_clear_secret (&self->access_token);
  self->access_token = g_steal_pointer (&response->access_token);
  self->token_generation++;
  self->access_lifetime = lifetime;
  /* A request should not set off with a token in its last seconds. */
  self->access_expires_at = now + lifetime * G_USEC_PER_SEC * 95 / 100;
  self->renew_floor_until = now + (gint64) self->renew_floor_ms * 1000;
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
  ringside_session_set_last_error (self, NULL);
  ringside_session_set_state (self, RINGSIDE_SESSION_STATE_SIGNED_IN);
  g_object_thaw_notify (G_OBJECT (self));

  renew_ms = (guint64) (lifetime * 1000 * RINGSIDE_SESSION_RENEW_AT_FRACTION);
  renew_ms = MAX (renew_ms, self->renew_floor_ms);
  ringside_session_schedule_renewal (self, (guint) MIN (renew_ms, G_MAXUINT));
}

void
ringside_session_forget_tokens (RingsideSession *self)
{
  ringside_session_cancel_renewal (self);
  ringside_clear_secret (&self->access_token);
  ringside_session_replace_refresh_token (self, NULL);
  self->access_expires_at = 0;
  self->renew_floor_until = 0;
  self->access_lifetime = 0;
  self->token_generation++;
  self->retry_attempt = 0;
}

void
ringside_session_forget_identity (RingsideSession *self)
{
  set_string (self, &self->user_display_name, NULL, PROP_USER_DISPLAY_NAME);
  set_string (self, &self->user_email, NULL, PROP_USER_EMAIL);
  set_string (self, &self->account_name, NULL, PROP_ACCOUNT_NAME);
  set_string (self, &self->main_account_id, NULL, PROP_MAIN_ACCOUNT_ID);
}

void
ringside_session_emit_signed_out (RingsideSession *self,
                                  const GError    *reason)
{
  g_signal_emit (self, signals[SIGNED_OUT], 0, reason);
}

/* Ends the session because the server no longer accepts it. */
void
ringside_session_end (RingsideSession *self,
                      const GError    *reason)
{
  g_info ("Signed out: %s", reason->message);

  self->epoch++;
  ringside_session_forget_tokens (self);
  ringside_session_clear_stored_token (self);

  g_object_freeze_notify (G_OBJECT (self));
  ringside_session_set_last_error (self, reason);
  ringside_session_set_state (self, RINGSIDE_SESSION_STATE_SIGNED_OUT);
  g_object_thaw_notify (G_OBJECT (self));

  ringside_session_emit_signed_out (self, reason);
}

/* Persistence
 *
 * The new refresh token reaches the keyring before its access token is used, so a crash
 * right after a rotation leaves the keyring holding the token the server knows. But a
 * keyring may not answer at all (an unlock prompt nobody sees): after keyring_wait_ms the
 * session carries on in memory, as it does without a keyring, and says so in keyring-error.
 * The save in flight is not abandoned: when it ends, the newest token is saved if it
 * changed meanwhile, and every later rotation tries again. */

static void start_save (RingsideSession *self);

static void
release_save_waiters (RingsideSession *self)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->save_waiters);

  g_clear_handle_id (&self->keyring_wait_source_id, g_source_remove);
  if (waiters == NULL)
    return;

  for (guint i = 0; i < waiters->len; i++)
    g_task_return_boolean (g_ptr_array_index (waiters, i), TRUE);
}

static gboolean
on_keyring_wait_over (gpointer user_data)
{
  RingsideSession *self = user_data;
  g_autoptr(GError) error = NULL;

  self->keyring_wait_source_id = 0;
  self->keyring_stalled = TRUE;
  error = g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_KEYRING,
                               "The system keyring did not answer in time (is an unlock "
                               "prompt waiting?). The session is kept in memory and saved "
                               "once the keyring answers.");
  ringside_session_set_keyring_error (self, error);
  release_save_waiters (self);

  return G_SOURCE_REMOVE;
}

static void
on_token_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RingsideSession) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (!ringside_token_store_save_finish (RINGSIDE_TOKEN_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          release_save_waiters (self);
          return;
        }
      ringside_session_set_keyring_error (self, error);
    }
  else
    {
      self->keyring_stalled = FALSE;
      ringside_session_set_keyring_error (self, NULL);
    }
  release_save_waiters (self);

  /* A rotation happened while this save was out: the keyring must hold the newest token. */
  if (self->save_again && self->refresh_token != NULL && self->persistent)
    start_save (self);
}

static void
start_save (RingsideSession *self)
{
  self->saving = TRUE;
  self->save_again = FALSE;
  /* Not cancellable by callers: dropping a rotated token half-way would strand the keyring. */
  ringside_token_store_save_async (self->store, self->server_url, self->refresh_token,
                                   self->lifetime_cancellable, on_token_saved,
                                   g_object_ref (self));
}

void
ringside_session_persist_async (RingsideSession     *self,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, ringside_session_persist_async);

  if (!self->persistent || self->refresh_token == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->saving)
    {
      /* The save in flight holds an older token: save again once it ends. */
      self->save_again = TRUE;
      if (self->keyring_stalled)
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
    }
  else
    {
      start_save (self);
    }

  if (self->save_waiters == NULL)
    self->save_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->save_waiters, g_steal_pointer (&task));

  if (self->keyring_wait_source_id == 0)
    {
      self->keyring_wait_source_id = g_timeout_add (self->keyring_wait_ms, on_keyring_wait_over,
                                                    self);
      g_source_set_name_by_id (self->keyring_wait_source_id, "[ringside] keyring wait");
    }
}

void
ringside_session_persist_finish (RingsideSession *self,
                                 GAsyncResult    *result)
{
  g_return_if_fail (g_task_is_valid (result, self));

  g_task_propagate_boolean (G_TASK (result), NULL);
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

void
ringside_session_clear_stored_token (RingsideSession *self)
{
  if (!self->persistent)
    return;

  /* A save still out would land after this and bring the token back. */
  self->save_again = FALSE;
  ringside_token_store_clear_async (self->store, self->server_url, NULL, on_token_cleared,
                                    g_object_ref (self));
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

gint64
ringside_session_get_access_lifetime (RingsideSession *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SESSION (self), 0);
  return self->access_token != NULL ? self->access_lifetime : 0;
}

void
ringside_session_set_renew_floor (RingsideSession *self,
                                  guint            floor_ms)
{
  g_return_if_fail (RINGSIDE_IS_SESSION (self));
  self->renew_floor_ms = floor_ms;
}

void
ringside_session_set_auth_deadline (RingsideSession *self,
                                    guint            deadline_ms)
{
  g_return_if_fail (RINGSIDE_IS_SESSION (self));
  g_return_if_fail (deadline_ms > 0);
  self->auth_deadline_ms = deadline_ms;
}

void
ringside_session_set_keyring_wait (RingsideSession *self,
                                   guint            wait_ms)
{
  g_return_if_fail (RINGSIDE_IS_SESSION (self));
  g_return_if_fail (wait_ms > 0);
  self->keyring_wait_ms = wait_ms;
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
  ringside_session_cancel_renewal (self);
  g_clear_handle_id (&self->keyring_wait_source_id, g_source_remove);

  G_OBJECT_CLASS (ringside_session_parent_class)->dispose (object);
}

static void
ringside_session_finalize (GObject *object)
{
  RingsideSession *self = RINGSIDE_SESSION (object);

  g_assert (self->refresh_waiters == NULL);
  g_assert (self->save_waiters == NULL);

  ringside_clear_secret (&self->access_token);
  ringside_session_replace_refresh_token (self, NULL);
  g_clear_object (&self->client);
  g_clear_object (&self->store);
  g_clear_object (&self->lifetime_cancellable);
  g_clear_pointer (&self->rate_limiters, g_hash_table_unref);
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
  self->retry_min_ms = RINGSIDE_SESSION_DEFAULT_RETRY_MIN_MS;
  self->retry_max_ms = RINGSIDE_SESSION_DEFAULT_RETRY_MAX_MS;
  self->renew_floor_ms = RINGSIDE_SESSION_DEFAULT_RENEW_FLOOR_MS;
  self->auth_deadline_ms = RINGSIDE_SESSION_DEFAULT_AUTH_DEADLINE_MS;
  self->keyring_wait_ms = RINGSIDE_SESSION_DEFAULT_KEYRING_WAIT_MS;
  self->lifetime_cancellable = g_cancellable_new ();
  self->rate_limiters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               g_object_unref);
  self->rate_budget = RINGSIDE_RATE_LIMITER_DEFAULT_BUDGET;
  self->rate_window_ms = RINGSIDE_RATE_LIMITER_DEFAULT_WINDOW_MS;
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
