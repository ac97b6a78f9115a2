/* fuzz-error-body.c: the message Ringside makes of an error body, and the scrubbing that
 * keeps a credential out of it.
 *
 * The input is a secret, a newline, then the body; without a newline the whole input is the
 * body and the secret is a fixed one. The body goes to ringside_server_text_from_error_body()
 * as the client gets it; the message is built around the text as the client builds it, then
 * scrubbed with the secret as the session does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "ringside-server-text-private.h"

#define DEFAULT_SECRET "SECRET-0123456789abcdef"
#define ELLIPSIS       "…"

/* What a server's text in a message may look like: one trimmed line, not too long. */
static void
assert_server_text (const char *text)
{
  glong length;

  if (text == NULL)
    return;

  ringside_fuzz_assert_text (text);
  g_assert_cmpuint (strlen (text), >, 0);
  g_assert_true (text[0] != ' ');
  length = g_utf8_strlen (text, -1);
  g_assert_cmpint (length, <=, RINGSIDE_SERVER_TEXT_MAX_LENGTH + 1);
  if (length == RINGSIDE_SERVER_TEXT_MAX_LENGTH + 1)
    g_assert_true (g_str_has_suffix (text, ELLIPSIS));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
}

/* No part of @secret of 8 bytes or more that starts it may stand before a "…": that is a
 * token cut by the length limit. */
static void
assert_no_cut_secret (const char *message,
                      const char *secret)
{
  gsize secret_length = strlen (secret);

  for (const char *p = strstr (message, ELLIPSIS); p != NULL; p = strstr (p + 1, ELLIPSIS))
    for (gsize k = 8; k < secret_length && k <= (gsize) (p - message); k++)
      if (memcmp (p - k, secret, k) == 0)
        g_error ("A cut-off credential survived before “…”");
}

static void
check (const char *secret,
       const char *body,
       gsize       size)
{
  g_autofree char *text = ringside_server_text_from_error_body (body, size);
  g_autofree char *message = NULL;
  g_autofree char *again = NULL;

  assert_server_text (text);

  /* The same body says the same. */
  again = ringside_server_text_from_error_body (body, size);
  g_assert_cmpstr (text, ==, again);

  message = g_strdup_printf ("Permission denied%s%s%s.", text ? " (" : "", text ? text : "",
                             text ? ")" : "");
  ringside_server_text_scrub (&message, secret);
  ringside_fuzz_assert_text (message);

  if (strlen (secret) >= 8)
    {
      if (strstr (message, secret) != NULL)
        g_error ("A credential survived scrubbing");
      assert_no_cut_secret (message, secret);
    }

  /* Scrubbing twice changes nothing more. */
  {
    g_autofree char *twice = g_strdup (message);

    ringside_server_text_scrub (&twice, secret);
    if (strstr (message, "withheld") == NULL)
      g_assert_cmpstr (twice, ==, message);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *input = (const char *) data;
  const char *newline = memchr (input, '\n', size);
  g_autofree char *secret = NULL;

  if (newline != NULL)
    {
      secret = g_strndup (input, newline - input);
      /* A NUL in the secret would only shorten it; the server's body is the point. */
      check (secret, newline + 1, size - (newline + 1 - input));
    }
  else
    {
      check (DEFAULT_SECRET, input, size);
    }

  return 0;
}
