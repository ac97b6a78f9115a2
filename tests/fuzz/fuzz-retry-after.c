/* fuzz-retry-after.c: the Retry-After header of a 429 answer.
 *
 * The input as a NUL-terminated header value is parsed against a fixed "now"; then its first
 * two bytes, as a number of seconds N, make an HTTP date N seconds after "now", which must
 * read back as N (capped at an hour).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "fuzz-common.h"
#include "ringside-server-text-private.h"

#define MAX_WAIT 3600

/* A plain number of seconds: digits only, at least one. */
static gboolean
is_delta_seconds (const char *value)
{
  if (*value == '\0')
    return FALSE;
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 4, 14, 0, 0);
  g_autofree char *value = g_strndup ((const char *) data, size);
  guint seconds;

  seconds = ringside_server_text_parse_retry_after (value, now);
  g_assert_cmpuint (seconds, <=, MAX_WAIT);
  g_assert_cmpuint (ringside_server_text_parse_retry_after (value, now), ==, seconds);

  if (is_delta_seconds (value))
    {
      guint64 expected = g_ascii_strtoull (value, NULL, 10);

      g_assert_cmpuint (seconds, ==, MIN (expected, MAX_WAIT));
    }
  else if (value[0] == '-' && is_delta_seconds (value + 1))
    {
      /* A negative delay is no delay. */
      g_assert_cmpuint (seconds, ==, 0);
    }

  if (size >= 2)
    {
      guint offset = ((guint) data[0] << 8) | data[1];
      g_autoptr(GDateTime) when = g_date_time_add_seconds (now, offset);
      g_autofree char *date = soup_date_time_to_string (when, SOUP_DATE_HTTP);

      g_assert_cmpuint (ringside_server_text_parse_retry_after (date, now), ==,
                        MIN (offset, MAX_WAIT));
    }

  return 0;
}
