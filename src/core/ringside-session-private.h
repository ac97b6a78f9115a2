/* ringside-session-private.h
 *
 * RingsideSession is split by concern, the way GNOME Text Editor splits its big types:
 *   ringside-session.c           the type, its properties, state, lifetimes and persistence
 *   ringside-session-auth.c      sign-in, refresh, restore and sign-out
 *   ringside-session-requests.c  authorized requests
 * This header is what they share. Nothing outside src/core includes it, except tests for the
 * knobs at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ringside-rate-limiter.h"
#include "ringside-session.h"
#include "ringside-token-response.h"

G_BEGIN_DECLS

/* RingCX does not say how long its access tokens live; they are JWTs of 5 minutes. */
#define RINGSIDE_SESSION_FALLBACK_LIFETIME_S   300
/* Renew at 80 % of the lifetime, leaving time for a slow network. */
#define RINGSIDE_SESSION_RENEW_AT_FRACTION     0.8
/* Never renew on our own sooner than this after the last renewal: a lifetime misread (a
 * skewed clock, a server issuing very short tokens) must not turn into a refresh storm. */
#define RINGSIDE_SESSION_DEFAULT_RENEW_FLOOR_MS  (30 * 1000)
/* libsoup's timeout bounds each read; this bounds a whole auth request, so a server that
 * sends a byte every few seconds cannot hold a refresh, and everything queued behind it. */
#define RINGSIDE_SESSION_DEFAULT_AUTH_DEADLINE_MS (60 * 1000)
/* How long a keyring save may keep a renewal waiting (an unlock prompt nobody answers). */
#define RINGSIDE_SESSION_DEFAULT_KEYRING_WAIT_MS  (10 * 1000)
#define RINGSIDE_SESSION_DEFAULT_RETRY_MIN_MS     2000
#define RINGSIDE_SESSION_DEFAULT_RETRY_MAX_MS     (5 * 60 * 1000)

struct _RingsideSession
{
  GObject               parent_instance;

  /* Owned, set at construction */
  RingsideClient       *client;
  RingsideTokenStore   *store;
  char                 *server_url;
  char                 *platform_url;
  gboolean              persistent;

  /* Tokens. refresh_token is written by ringside_session_replace_refresh_token() only. */
  RingsideSessionState  state;
  char                 *access_token;
  char                 *refresh_token;
  /* Bumped whenever the access token changes, so a request that met a 401 can tell whether
   * a newer token already exists and retry without another refresh. */
  guint64               token_generation;
  /* Seconds the current access token lives, measured on the server's clock. */
  gint64                access_lifetime;
  /* Monotonic time after which the access token is treated as expired. */
  gint64                access_expires_at;
  /* Monotonic time before which the session renews only when a 401 demands it. */
  gint64                renew_floor_until;
  /* Bumped by sign-in and sign-out: a refresh that finishes in another epoch is stale. */
  guint                 epoch;

  /* Who signed in, and what went wrong */
  char                 *user_display_name;
  char                 *user_email;
  char                 *account_name;
  char                 *main_account_id;
  GError               *last_error;
  GError               *keyring_error;

  /* Refresh: tasks waiting for the refresh in flight; NULL when none is. */
  GPtrArray            *refresh_waiters;
  guint                 renew_source_id;
  guint                 retry_attempt;
  guint                 retry_min_ms;
  guint                 retry_max_ms;
  guint                 renew_floor_ms;
  guint                 auth_deadline_ms;

  /* Keyring: one save at a time, so an older token can never land after a newer one. */
  gboolean              saving;
  gboolean              save_again;
  /* The keyring let a save wait past keyring_wait_ms; later saves do not wait for it. */
  gboolean              keyring_stalled;
  GPtrArray            *save_waiters;
  guint                 keyring_wait_source_id;
  guint                 keyring_wait_ms;

  /* Requests to a sub-account wait for its limiter (ringside-session-requests.c). */
  GHashTable           *rate_limiters;    /* sub-account ID → RingsideRateLimiter */
  guint                 rate_budget;
  guint                 rate_window_ms;

  /* Cancelled on dispose only: a refresh is never abandoned half-way by a caller, since the
   * server rotates the refresh token as soon as it answers. */
  GCancellable         *lifetime_cancellable;
};

/* ringside-session.c: state */
void      ringside_session_set_state            (RingsideSession        *self,
                                                 RingsideSessionState    state);
void      ringside_session_set_last_error       (RingsideSession        *self,
                                                 const GError           *error);
GError   *ringside_session_scrub_error          (RingsideSession        *self,
                                                 GError                 *error);
void      ringside_session_replace_refresh_token (RingsideSession       *self,
                                                 char                   *refresh_token);
void      ringside_session_apply_tokens         (RingsideSession        *self,
                                                 RingsideTokenResponse  *response,
                                                 gint64                  server_time);
void      ringside_session_forget_tokens        (RingsideSession        *self);
void      ringside_session_forget_identity      (RingsideSession        *self);
gboolean  ringside_session_access_token_usable  (RingsideSession        *self);
void      ringside_session_mark_access_token_refused (RingsideSession   *self);
void      ringside_session_schedule_renewal     (RingsideSession        *self,
                                                 guint                   delay_ms);
void      ringside_session_cancel_renewal       (RingsideSession        *self);
guint     ringside_session_next_retry_delay     (RingsideSession        *self,
                                                 const GError           *error);
void      ringside_session_end                  (RingsideSession        *self,
                                                 const GError           *reason);
void      ringside_session_emit_signed_out      (RingsideSession        *self,
                                                 const GError           *reason);
SoupMessage *ringside_session_new_message       (const char             *method,
                                                 const char             *base_url,
                                                 const char             *path,
                                                 GHashTable             *form);

/* ringside-session.c: persistence. Saves the refresh token the session holds now; never
 * fails (a keyring that refuses or stalls leaves the session in memory, said in
 * keyring-error) and never waits longer than the keyring wait. */
void      ringside_session_persist_async        (RingsideSession        *self,
                                                 GAsyncReadyCallback     callback,
                                                 gpointer                user_data);
void      ringside_session_persist_finish       (RingsideSession        *self,
                                                 GAsyncResult           *result);
void      ringside_session_clear_stored_token   (RingsideSession        *self);
void      ringside_session_set_keyring_error    (RingsideSession        *self,
                                                 const GError           *error);

/* ringside-session-auth.c */
void      ringside_session_start_refresh        (RingsideSession        *self);
void      ringside_session_complete_refresh_waiters (RingsideSession    *self,
                                                 const GError           *error);

/* Knobs for tests: milliseconds. A floor of 0 renews at 80 % of any lifetime. */
void      ringside_session_set_renew_floor      (RingsideSession        *self,
                                                 guint                   floor_ms);
void      ringside_session_set_auth_deadline    (RingsideSession        *self,
                                                 guint                   deadline_ms);
void      ringside_session_set_keyring_wait     (RingsideSession        *self,
                                                 guint                   wait_ms);
/* At most @budget requests to one sub-account's paths (/voice/api/v1/admin/accounts/{id}/…)
 * in any @window_ms, from now on, for the limiters there are and those to come; RingCX's
 * 120 a minute by default (RINGSIDE_RATE_LIMITER_DEFAULT_*). Tests set 4 per 400 ms. */
void      ringside_session_set_rate_limit       (RingsideSession        *self,
                                                 guint                   budget,
                                                 guint                   window_ms);
/* The limiter of the sub-account @account_id, made on first use. */
RingsideRateLimiter *ringside_session_get_rate_limiter (RingsideSession *self,
                                                 const char             *account_id);
/* At most @budget requests to one sub-account's paths (/voice/api/v1/admin/accounts/{id}/…)
 * in any @window_ms, from now on, for the limiters there are and those to come; RingCX's
 * 120 a minute by default (RINGSIDE_RATE_LIMITER_DEFAULT_*). Tests set 4 per 400 ms. */
void      ringside_session_set_rate_limit       (RingsideSession        *self,
                                                 guint                   budget,
                                                 guint                   window_ms);
/* The limiter of the sub-account @account_id, made on first use. */
RingsideRateLimiter *ringside_session_get_rate_limiter (RingsideSession *self,
                                                 const char             *account_id);
/* Seconds the current access token lives, as the session measured it; 0 when there is none. */
gint64    ringside_session_get_access_lifetime  (RingsideSession        *self);

G_END_DECLS
