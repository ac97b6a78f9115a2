/* ringside-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RINGSIDE_ERROR (ringside_error_quark ())

/**
 * RingsideError:
 * @RINGSIDE_ERROR_NETWORK: the server could not be reached
 * @RINGSIDE_ERROR_TIMEOUT: the server did not answer in time
 * @RINGSIDE_ERROR_TLS: the server's certificate was not trusted
 * @RINGSIDE_ERROR_INSECURE_URL: a plain http:// URL to a host that is not loopback
 * @RINGSIDE_ERROR_INVALID_INPUT: what the user typed cannot be used
 * @RINGSIDE_ERROR_UNAUTHORIZED: credentials were rejected (401)
 * @RINGSIDE_ERROR_TOKEN_EXPIRED: the access token expired (401 "Jwt is expired")
 * @RINGSIDE_ERROR_SESSION_REJECTED: the refresh token was revoked or has expired
 * @RINGSIDE_ERROR_FORBIDDEN: the account lacks the permission (403)
 * @RINGSIDE_ERROR_NOT_FOUND: the resource does not exist (404)
 * @RINGSIDE_ERROR_RATE_LIMITED: too many requests (429); see ringside_error_get_retry_after()
 * @RINGSIDE_ERROR_SERVER: the server failed (5xx or another unexpected status)
 * @RINGSIDE_ERROR_BAD_RESPONSE: the body was not what the API documents
 * @RINGSIDE_ERROR_KEYRING: the system keyring is missing, locked or failed
 * @RINGSIDE_ERROR_NO_SESSION: no stored session, or not signed in
 * @RINGSIDE_ERROR_TOO_LARGE: a list is larger than Ringside can hold
 * @RINGSIDE_ERROR_CONFLICT: someone else changed the object meanwhile (409); reload first
 * @RINGSIDE_ERROR_BUSY: the same change is already under way; nothing was sent
 */
typedef enum
{
  RINGSIDE_ERROR_NETWORK,
  RINGSIDE_ERROR_TIMEOUT,
  RINGSIDE_ERROR_TLS,
  RINGSIDE_ERROR_INSECURE_URL,
  RINGSIDE_ERROR_INVALID_INPUT,
  RINGSIDE_ERROR_UNAUTHORIZED,
  RINGSIDE_ERROR_TOKEN_EXPIRED,
  RINGSIDE_ERROR_SESSION_REJECTED,
  RINGSIDE_ERROR_FORBIDDEN,
  RINGSIDE_ERROR_NOT_FOUND,
  RINGSIDE_ERROR_RATE_LIMITED,
  RINGSIDE_ERROR_SERVER,
  RINGSIDE_ERROR_BAD_RESPONSE,
  RINGSIDE_ERROR_KEYRING,
  RINGSIDE_ERROR_NO_SESSION,
  RINGSIDE_ERROR_TOO_LARGE,
  RINGSIDE_ERROR_CONFLICT,
  RINGSIDE_ERROR_BUSY,
} RingsideError;

GQuark   ringside_error_quark           (void);

GError  *ringside_error_new_rate_limited (guint        retry_after_seconds,
                                          const char  *message);
guint    ringside_error_get_retry_after  (const GError *error);
gboolean ringside_error_is_transient     (const GError *error);

G_END_DECLS
