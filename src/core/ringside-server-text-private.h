/* ringside-server-text-private.h
 *
 * What Ringside reads out of a server's failure: the message in an error body, the
 * Retry-After header, and the scrubbing that keeps credentials out of any message built from
 * them. Pure functions of their input, so that tests/fuzz can feed them anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Error messages quote at most this many characters of what the server said. */
#define RINGSIDE_SERVER_TEXT_MAX_LENGTH 200

/* One readable line from an error body: a RingCX {generalMessage, ...}, a platform
 * {error_description}, or plain text; NULL for HTML pages, invalid UTF-8 or nothing to say.
 * Valid UTF-8 without control characters, trimmed, at most
 * RINGSIDE_SERVER_TEXT_MAX_LENGTH characters plus "…" when cut. */
char  *ringside_server_text_from_error_body (const char  *data,
                                             gsize        size);

/* Seconds to wait from a Retry-After value: delta-seconds or an HTTP date (against @now,
 * the current time when NULL). 0 when absent or unreadable; at most an hour. */
guint  ringside_server_text_parse_retry_after (const char *value,
                                               GDateTime  *now);

/* Replaces every occurrence of @secret in *@message, and a cut-off start of it before a
 * "…", with "[redacted]". Secrets shorter than 8 bytes are left alone (they would match
 * ordinary words). If the result still contains the secret, or is no longer valid UTF-8, the
 * whole message is replaced. */
void   ringside_server_text_scrub         (char       **message,
                                           const char  *secret);

G_END_DECLS
