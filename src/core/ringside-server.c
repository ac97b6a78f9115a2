/* ringside-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ringside-error.h"
#include "ringside-server.h"

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
ringside_server_check_uri (GUri    *uri,
                           GError **error)
{
  const char *scheme;
  const char *host;

  g_return_val_if_fail (uri != NULL, FALSE);

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  if (host == NULL || *host == '\0')
    {
      g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT,
                           "The server address has no host name.");
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      if (host_is_loopback (host))
        return TRUE;

      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INSECURE_URL,
                   "“%s” must be reached over https://: plain http:// is only allowed for "
                   "this computer (localhost).", host);
      return FALSE;
    }

  g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT,
               "“%s” is not a web address (it must start with https://).", scheme);
  return FALSE;
}

gboolean
ringside_server_check_url (const char  *url,
                           GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, FALSE);

  /* Only the scheme and host matter here: the rest stays encoded, as libsoup keeps it. */
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    {
      g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT,
                           "The server address is not a valid URL.");
      return FALSE;
    }

  return ringside_server_check_uri (uri, error);
}

/* RFC 3986 pchar, "/" and percent escapes: a path that needs no further encoding, so that
 * the result reads back as itself. */
static gboolean
path_is_plain (const char *path)
{
  for (const char *p = path; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || strchr ("-._~!$&'()*+,;=:@/", *p) != NULL)
        continue;
      if (*p == '%' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          p += 2;
          continue;
        }
      return FALSE;
    }
  return TRUE;
}

static gboolean
invalid_url (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT, message);
  return FALSE;
}

char *
ringside_server_normalize_url (const char  *url,
                               GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *with_scheme = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) base = NULL;
  gsize path_length;
  int port;

  g_return_val_if_fail (url != NULL, NULL);

  trimmed = g_strstrip (g_strdup (url));
  if (*trimmed == '\0')
    {
      invalid_url (error, "Enter the server address.");
      return NULL;
    }

  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (g_ascii_iscntrl (*p) || *p == ' ')
        {
          invalid_url (error, "The server address contains spaces or control characters.");
          return NULL;
        }
    }

  with_scheme = strstr (trimmed, "://") != NULL ? g_strdup (trimmed)
                                                : g_strconcat ("https://", trimmed, NULL);

  /* Paths stay encoded as typed. */
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_ENCODED_PATH, NULL);
  if (uri == NULL)
    {
      invalid_url (error, "The server address is not a valid URL.");
      return NULL;
    }

  if (!ringside_server_check_uri (uri, error))
    return NULL;

  /* Dropping these silently would sign in somewhere else than what was typed says. */
  if (g_uri_get_userinfo (uri) != NULL)
    {
      invalid_url (error, "The server address must not contain a user name or password.");
      return NULL;
    }
  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      invalid_url (error, "The server address must not contain a “?” or “#” part.");
      return NULL;
    }

  /* GUri has turned an international name into ASCII already. */
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (!g_str_is_ascii (host) || strpbrk (host, "/?#@ ") != NULL)
    {
      invalid_url (error, "The server address has an invalid host name.");
      return NULL;
    }

  path = g_strdup (g_uri_get_path (uri));
  path_length = strlen (path);
  while (path_length > 0 && path[path_length - 1] == '/')
    path[--path_length] = '\0';
  if (!path_is_plain (path))
    {
      invalid_url (error, "The server address is not a valid URL.");
      return NULL;
    }

  /* The scheme's own port goes without saying. (G_URI_FLAGS_SCHEME_NORMALIZE would add it
   * to an address that has none.) */
  port = g_uri_get_port (uri);
  if (port == (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80))
    port = -1;

  base = g_uri_build (G_URI_FLAGS_ENCODED_PATH,
                      g_uri_get_scheme (uri), NULL,
                      host, port,
                      path, NULL, NULL);
  return g_uri_to_string (base);
}

char *
ringside_server_kind_resolve_url (RingsideServerKind   kind,
                                  const char          *custom_url,
                                  GError             **error)
{
  switch (kind)
    {
    case RINGSIDE_SERVER_KIND_RINGCX:
      return g_strdup (RINGSIDE_DEFAULT_SERVER_URL);

    case RINGSIDE_SERVER_KIND_ENGAGE:
      return g_strdup (RINGSIDE_LEGACY_SERVER_URL);

    case RINGSIDE_SERVER_KIND_CUSTOM:
    default:
      return ringside_server_normalize_url (custom_url != NULL ? custom_url : "", error);
    }
}

char *
ringside_server_dup_settings_url (GSettings *settings)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *custom_url = NULL;
  RingsideServerKind kind;
  char *url;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  custom_url = g_settings_get_string (settings, "custom-server-url");
  kind = g_settings_get_enum (settings, "server-kind");
  url = ringside_server_kind_resolve_url (kind, custom_url, &error);
  if (url == NULL)
    {
      g_warning ("Ignoring the custom server URL in the settings: %s", error->message);
      url = g_strdup (RINGSIDE_DEFAULT_SERVER_URL);
    }

  return url;
}

void
ringside_server_save_choice (GSettings          *settings,
                             RingsideServerKind  kind,
                             const char         *url)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (kind != RINGSIDE_SERVER_KIND_CUSTOM || url != NULL);

  if (kind == RINGSIDE_SERVER_KIND_CUSTOM)
    g_settings_set_string (settings, "custom-server-url", url);
  g_settings_set_enum (settings, "server-kind", kind);
}

const char *
ringside_server_describe_url_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INSECURE_URL))
    return _("Use an https:// address. Plain http:// only works for this computer.");

  return _("Enter a web address such as https://ringcx.example.com.");
}
