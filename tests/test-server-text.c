/* test-server-text.c
 *
 * What Ringside makes of a server's failure (error bodies, Retry-After), the scrubbing that
 * keeps credentials out of the messages, and the wiping of parsed token answers. The
 * fuzzers in tests/fuzz/ check the same properties on random input; these are the cases
 * that must hold by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <libsoup/soup.h>

#include "ringside-server-text-private.h"
#include "ringside-token-response.h"

#define TOKEN "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIyMTA0MDAifQ.c2lnbmF0dXJl"

static char *
scrubbed (const char *message,
          const char *secret)
{
  char *copy = g_strdup (message);

  ringside_server_text_scrub (&copy, secret);
  return copy;
}

static void
test_scrub_echoed_token (void)
{
  g_autofree char *once = scrubbed ("Invalid token " TOKEN " (" TOKEN ").", TOKEN);
  g_autofree char *short_secret = scrubbed ("Access is denied", "denied");
  g_autofree char *none = scrubbed ("Access is denied", NULL);

  g_assert_cmpstr (once, ==, "Invalid token [redacted] ([redacted]).");
  /* Under 8 bytes a "secret" would match ordinary words: left alone. */
  g_assert_cmpstr (short_secret, ==, "Access is denied");
  g_assert_cmpstr (none, ==, "Access is denied");
}

/* The 200 character limit can cut a token; what is left of it is still a secret. */
static void
test_scrub_cut_token (void)
{
  g_autofree char *padding = g_strnfill (180, 'x');
  g_autofree char *body = g_strdup_printf ("{\"generalMessage\":\"%s %s\"}", padding, TOKEN);
  g_autofree char *text = ringside_server_text_from_error_body (body, strlen (body));
  g_autofree char *message = NULL;
  g_autofree char *cut = g_strndup (TOKEN, 19);

  g_assert_nonnull (text);
  g_assert_true (g_str_has_suffix (text, "…"));
  g_assert_nonnull (strstr (text, cut));

  message = g_strdup_printf ("Permission denied (%s).", text);
  ringside_server_text_scrub (&message, TOKEN);
  g_assert_null (strstr (message, cut));
  g_assert_nonnull (strstr (message, "[redacted]…"));
}

/* A secret that starts with the replacement itself is rebuilt, cut off, by it: say nothing.
 * (No real token looks so; fuzz-error-body found it.) */
static void
test_scrub_withholds (void)
{
  const char *secret = "[redacted]-0123456789";
  g_autofree char *message = scrubbed ("Denied (xx[redacted]-0123…).", secret);

  g_assert_null (strstr (message, "[redacted]-0123"));
  g_assert_nonnull (strstr (message, "withheld"));
}

static void
test_error_bodies (void)
{
  const struct {
    const char *body;
    const char *text;
  } cases[] = {
    { "{\"errorCode\":\"FORBIDDEN\",\"generalMessage\":\"Access is denied\"}", "Access is denied" },
    { "{\"error\":\"invalid_grant\",\"error_description\":\"Token is revoked\"}",
      "Token is revoked" },
    { "Jwt is expired", "Jwt is expired" },
    { "  line one\r\n\tline two  ", "line one line two" },
    { "<html><body><h1>403 Forbidden</h1>Request blocked.</body></html>", NULL },
    { "{\"generalMessage\":\"   \"}", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ringside_server_text_from_error_body (cases[i].body,
                                                                    strlen (cases[i].body));

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_retry_after (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 4, 14, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 90);
  g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);

  g_assert_cmpuint (ringside_server_text_parse_retry_after ("120", now), ==, 120);
  g_assert_cmpuint (ringside_server_text_parse_retry_after ("0", now), ==, 0);
  g_assert_cmpuint (ringside_server_text_parse_retry_after ("99999999999999999999999", now), ==,
                    3600);
  g_assert_cmpuint (ringside_server_text_parse_retry_after (date, now), ==, 90);
  g_assert_cmpuint (ringside_server_text_parse_retry_after ("Thu, 01 Jan 1970 00:00:00 GMT",
                                                            now), ==, 0);
  g_assert_cmpuint (ringside_server_text_parse_retry_after ("-5", now), ==, 0);
  g_assert_cmpuint (ringside_server_text_parse_retry_after ("12 s", now), ==, 0);
  g_assert_cmpuint (ringside_server_text_parse_retry_after ("soon", now), ==, 0);
  g_assert_cmpuint (ringside_server_text_parse_retry_after (NULL, now), ==, 0);
}

/* Parsed answers hold both tokens in json-glib's strings: they are wiped in place. */
static void
test_wipe_json (void)
{
  const char *json = "{\"accessToken\":\"" TOKEN "\",\"refreshToken\":\"rt-0123456789\","
                     "\"mainAccountId\":\"15800000\"}";
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);

  ringside_token_response_wipe_json (json_parser_get_root (parser));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "accessToken"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (object, "refreshToken"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (object, "mainAccountId"), ==, "15800000");

  /* Anything else is left alone, and nothing is no harm. */
  ringside_token_response_wipe_json (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server-text/scrub/echoed-token", test_scrub_echoed_token);
  g_test_add_func ("/server-text/scrub/cut-token", test_scrub_cut_token);
  g_test_add_func ("/server-text/scrub/withholds", test_scrub_withholds);
  g_test_add_func ("/server-text/error-bodies", test_error_bodies);
  g_test_add_func ("/server-text/retry-after", test_retry_after);
  g_test_add_func ("/server-text/wipe-json", test_wipe_json);

  return g_test_run ();
}
