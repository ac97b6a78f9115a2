/* ringside-server-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ringside-json-member.h"
#include "ringside-server-text-private.h"

#define MIN_SECRET_LENGTH  8
#define MAX_RETRY_AFTER    3600
#define ELLIPSIS           "…"
#define REDACTED           "[redacted]"

/* Keeps one readable line of a server's text, short and without control characters. */
static char *
tidy_server_text (const char *text)
{
  g_autoptr(GString) tidy = g_string_new (NULL);
  guint length = 0;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  for (p = text; *p != '\0' && length < RINGSIDE_SERVER_TEXT_MAX_LENGTH;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        c = ' ';
      if (c == ' ' && (tidy->len == 0 || tidy->str[tidy->len - 1] == ' '))
        continue;
      g_string_append_unichar (tidy, c);
      length++;
    }

  while (tidy->len > 0 && tidy->str[tidy->len - 1] == ' ')
    g_string_truncate (tidy, tidy->len - 1);
  if (*p != '\0' && tidy->len > 0)
    g_string_append (tidy, ELLIPSIS);

  return tidy->len > 0 ? g_string_free (g_steal_pointer (&tidy), FALSE) : NULL;
}

/* RingCX errors are {errorCode, generalMessage, details, ...}; the platform's are
 * {error, error_description} or {message}; some answers are plain text. */
char *
ringside_server_text_from_error_body (const char *data,
                                      gsize       size)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *text = NULL;
  JsonNode *root;

  if (data == NULL || size == 0)
    return NULL;

  parser = json_parser_new_immutable ();
  if (json_parser_load_from_data (parser, data, size, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      const char *candidates[] = {
        "generalMessage", "message", "error_description", "details", "errorMessage", "error",
      };

      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          const char *value = ringside_json_peek_string (object, candidates[i]);

          if (value != NULL && *value != '\0')
            return tidy_server_text (value);
        }
      return NULL;
    }

  text = g_strndup (data, size);
  /* An HTML error page says nothing a user can act on. */
  if (g_strstr_len (text, -1, "<html") != NULL || g_strstr_len (text, -1, "<HTML") != NULL ||
      g_str_has_prefix (g_strchug (text), "<"))
    return NULL;

  return tidy_server_text (text);
}

guint
ringside_server_text_parse_retry_after (const char *value,
                                        GDateTime  *now)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) current = NULL;
  GTimeSpan difference;
  guint64 seconds;
  char *end = NULL;

  if (value == NULL)
    return 0;

  /* delta-seconds is digits only: strtoull alone would take "-5" or " 7" too. */
  if (g_ascii_isdigit (*value))
    {
      seconds = g_ascii_strtoull (value, &end, 10);
      if (*end == '\0')
        return (guint) MIN (seconds, MAX_RETRY_AFTER);
      return 0;
    }

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return 0;
  current = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  difference = g_date_time_difference (when, current);
  if (difference <= 0)
    return 0;
  return (guint) MIN (difference / G_TIME_SPAN_SECOND, MAX_RETRY_AFTER);
}

/* The longest start of @secret, MIN_SECRET_LENGTH bytes or more, that ends at @end. */
static gsize
cut_secret_length (const char *start,
                   const char *end,
                   const char *secret,
                   gsize       secret_length)
{
  gsize available = (gsize) (end - start);

  for (gsize k = MIN (available, secret_length - 1); k >= MIN_SECRET_LENGTH; k--)
    if (memcmp (end - k, secret, k) == 0)
      return k;

  return 0;
}

/* Whether a start of @secret stands before a "…" in @text. */
static gboolean
has_cut_secret (const char *text,
                const char *secret,
                gsize       secret_length)
{
  for (const char *p = strstr (text, ELLIPSIS); p != NULL; p = strstr (p + 1, ELLIPSIS))
    if (cut_secret_length (text, p, secret, secret_length) > 0)
      return TRUE;

  return FALSE;
}

void
ringside_server_text_scrub (char       **message,
                            const char  *secret)
{
  gsize secret_length;
  GString *scrubbed;
  const char *p;

  g_return_if_fail (message != NULL);

  if (*message == NULL || secret == NULL)
    return;
  secret_length = strlen (secret);
  if (secret_length < MIN_SECRET_LENGTH)
    return;

  scrubbed = g_string_new (NULL);
  p = *message;
  while (*p != '\0')
    {
      if (strncmp (p, secret, secret_length) == 0)
        {
          g_string_append (scrubbed, REDACTED);
          p += secret_length;
        }
      else if (strncmp (p, ELLIPSIS, strlen (ELLIPSIS)) == 0)
        {
          /* tidy_server_text() cut a long text: the cut may have split a token. */
          gsize cut = cut_secret_length (scrubbed->str, scrubbed->str + scrubbed->len, secret,
                                         secret_length);

          if (cut > 0)
            {
              g_string_truncate (scrubbed, scrubbed->len - cut);
              g_string_append (scrubbed, REDACTED);
            }
          g_string_append (scrubbed, ELLIPSIS);
          p += strlen (ELLIPSIS);
        }
      else
        {
          g_string_append_c (scrubbed, *p);
          p++;
        }
    }

  /* Replacing cannot bring a secret (or a cut-off start of one) back unless the secret
   * contains "[redacted]" itself, nor split a character unless the secret starts inside
   * one; then say nothing of what the server said rather than risk it. */
  if (strstr (scrubbed->str, secret) != NULL ||
      has_cut_secret (scrubbed->str, secret, secret_length) ||
      !g_utf8_validate (scrubbed->str, -1, NULL))
    g_string_assign (scrubbed, "The server's answer was withheld: it contained a credential.");

  explicit_bzero (*message, strlen (*message));
  g_free (*message);
  *message = g_string_free (scrubbed, FALSE);
}
