/* ringside-server.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The same values as in ringside-session.h, which may define them too. */
#define RINGSIDE_DEFAULT_SERVER_URL   "https://ringcx.ringcentral.com"
#define RINGSIDE_LEGACY_SERVER_URL    "https://engage.ringcentral.com"
#define RINGSIDE_DEFAULT_PLATFORM_URL "https://platform.ringcentral.com"

/**
 * RingsideServerKind:
 * @RINGSIDE_SERVER_KIND_RINGCX: RINGSIDE_DEFAULT_SERVER_URL
 * @RINGSIDE_SERVER_KIND_ENGAGE: RINGSIDE_LEGACY_SERVER_URL
 * @RINGSIDE_SERVER_KIND_CUSTOM: a URL of the user's (the "custom-server-url" setting)
 *
 * The values of the "server-kind" setting, in the order the server pickers list them.
 */
typedef enum
{
  RINGSIDE_SERVER_KIND_RINGCX,
  RINGSIDE_SERVER_KIND_ENGAGE,
  RINGSIDE_SERVER_KIND_CUSTOM,
} RingsideServerKind;

/* Whether Ringside may talk to @uri: https://, or http:// to a loopback host only. Fails with
 * RINGSIDE_ERROR_INSECURE_URL or RINGSIDE_ERROR_INVALID_INPUT. */
gboolean    ringside_server_check_uri          (GUri                *uri,
                                                GError             **error);
gboolean    ringside_server_check_url          (const char          *url,
                                                GError             **error);

/* Turns what a user typed (" ringcx.example.com/ ", "HTTPS://Host:443/base/") into a base URL:
 * https:// unless the host is loopback, host in lower case (IDNs in ASCII), no default port,
 * no trailing slash. Refuses user names and passwords, queries and fragments rather than
 * dropping them. Idempotent.
 *
 * Returns: (transfer full): the base URL, or NULL with RINGSIDE_ERROR_INSECURE_URL or
 *   RINGSIDE_ERROR_INVALID_INPUT */
char       *ringside_server_normalize_url      (const char          *url,
                                                GError             **error);

/* The normalized RingCX URL that @kind (and @custom_url for the custom kind) designates. */
char       *ringside_server_kind_resolve_url   (RingsideServerKind   kind,
                                                const char          *custom_url,
                                                GError             **error);

/* The server chosen in @settings (the "server-kind" and "custom-server-url" keys of
 * io.github.ringside.Ringside); RINGSIDE_DEFAULT_SERVER_URL, with a warning, when the custom
 * URL there cannot be used (the pickers never store one: someone edited the settings). */
char       *ringside_server_dup_settings_url   (GSettings           *settings);
/* Keeps a choice the user made in @settings. @url must be the resolved URL of @kind. The
 * address goes first, so that whoever follows "server-kind" moves to the new server once. */
void        ringside_server_save_choice        (GSettings           *settings,
                                                RingsideServerKind   kind,
                                                const char          *url);

/* A plain, translated sentence for why ringside_server_normalize_url() refused a URL. */
const char *ringside_server_describe_url_error (const GError        *error);

G_END_DECLS
