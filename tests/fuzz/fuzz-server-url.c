/* fuzz-server-url.c: the normaliser of the server addresses users type and the command line
 * and the settings hold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "ringside-error.h"
#include "ringside-server.h"

#define MAX_INPUT_SIZE 4096

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_str_equal (host, "localhost"))
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* What a normalized URL is, checked with GUri rather than with the normaliser's own code. */
static void
assert_normal (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;
  const char *path;

  for (const char *p = url; *p != '\0'; p++)
    g_assert_true (g_ascii_isgraph (*p));

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  g_assert_nonnull (uri);
  g_assert_null (g_uri_get_userinfo (uri));
  g_assert_null (g_uri_get_query (uri));
  g_assert_null (g_uri_get_fragment (uri));

  host = g_uri_get_host (uri);
  g_assert_nonnull (host);
  g_assert_cmpstr (host, !=, "");
  for (const char *p = host; *p != '\0'; p++)
    g_assert_false (g_ascii_isupper (*p));

  if (g_str_has_prefix (url, "http://"))
    g_assert_true (host_is_loopback (host));
  else
    g_assert_true (g_str_has_prefix (url, "https://"));

  path = g_uri_get_path (uri);
  g_assert_false (g_str_has_suffix (path, "/"));
  g_assert_false (g_str_has_suffix (url, "/"));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = NULL;
  g_autofree char *url = NULL;
  g_autofree char *again = NULL;
  g_autofree char *resolved = NULL;
  g_autoptr(GError) error = NULL;

  if (size > MAX_INPUT_SIZE)
    return 0;

  input = g_strndup ((const char *) data, size);
  url = ringside_server_normalize_url (input, &error);

  if (url == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT)
                     || g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INSECURE_URL));
      g_assert_nonnull (ringside_server_describe_url_error (error));
      /* The message may be logged (a hand-edited setting): it must be text. */
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  else
    {
      g_assert_no_error (error);
      assert_normal (url);
      /* What the client will be asked to reach, it accepts. */
      g_assert_true (ringside_server_check_url (url, NULL));

      again = ringside_server_normalize_url (url, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (again, ==, url);
    }

  /* The custom kind is the normaliser; the others never look at the address. */
  resolved = ringside_server_kind_resolve_url (RINGSIDE_SERVER_KIND_CUSTOM, input, NULL);
  g_assert_cmpstr (resolved, ==, url);
  g_clear_pointer (&resolved, g_free);
  resolved = ringside_server_kind_resolve_url (RINGSIDE_SERVER_KIND_ENGAGE, input, NULL);
  g_assert_cmpstr (resolved, ==, RINGSIDE_LEGACY_SERVER_URL);

  return 0;
}
