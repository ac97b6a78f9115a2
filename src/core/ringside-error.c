/* ringside-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-error.h"

/* An extended error domain, so that a 429 carries the server's Retry-After with it. */
typedef struct
{
  guint retry_after;
} RingsideErrorPrivate;

static void
ringside_error_private_init (RingsideErrorPrivate *priv)
{
  priv->retry_after = 0;
}

static void
ringside_error_private_copy (const RingsideErrorPrivate *src,
                             RingsideErrorPrivate       *dest)
{
  dest->retry_after = src->retry_after;
}

static void
ringside_error_private_clear (RingsideErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (RingsideError, ringside_error)

GError *
ringside_error_new_rate_limited (guint       retry_after_seconds,
                                 const char *message)
{
  GError *error = g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_RATE_LIMITED, message);
  RingsideErrorPrivate *priv = ringside_error_get_private (error);

  priv->retry_after = retry_after_seconds;
  return error;
}

/**
 * ringside_error_get_retry_after:
 *
 * Returns: the seconds the server asked to wait before trying again, or 0 when it did not say.
 */
guint
ringside_error_get_retry_after (const GError *error)
{
  RingsideErrorPrivate *priv;

  if (!g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_RATE_LIMITED))
    return 0;

  priv = ringside_error_get_private (error);
  return priv != NULL ? priv->retry_after : 0;
}

/**
 * ringside_error_is_transient:
 *
 * Returns: whether the same request may succeed later without the user doing anything: the
 * network, a timeout, a rate limit or a failing server. Such failures never end a session.
 */
gboolean
ringside_error_is_transient (const GError *error)
{
  if (error == NULL || error->domain != RINGSIDE_ERROR)
    return FALSE;

  switch ((RingsideError) error->code)
    {
    case RINGSIDE_ERROR_NETWORK:
    case RINGSIDE_ERROR_TIMEOUT:
    case RINGSIDE_ERROR_RATE_LIMITED:
    case RINGSIDE_ERROR_SERVER:
      return TRUE;

    case RINGSIDE_ERROR_TLS:
    case RINGSIDE_ERROR_INSECURE_URL:
    case RINGSIDE_ERROR_INVALID_INPUT:
    case RINGSIDE_ERROR_UNAUTHORIZED:
    case RINGSIDE_ERROR_TOKEN_EXPIRED:
    case RINGSIDE_ERROR_SESSION_REJECTED:
    case RINGSIDE_ERROR_FORBIDDEN:
    case RINGSIDE_ERROR_NOT_FOUND:
    case RINGSIDE_ERROR_BAD_RESPONSE:
    case RINGSIDE_ERROR_KEYRING:
    case RINGSIDE_ERROR_NO_SESSION:
    case RINGSIDE_ERROR_TOO_LARGE:
    case RINGSIDE_ERROR_CONFLICT:
    case RINGSIDE_ERROR_BUSY:
    default:
      return FALSE;
    }
}
