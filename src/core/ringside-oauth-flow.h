/* ringside-oauth-flow.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ringside-client.h"

G_BEGIN_DECLS

/* How long a flow waits for the browser to come back, unless told otherwise. */
#define RINGSIDE_OAUTH_FLOW_DEFAULT_TIMEOUT_S (5 * 60)
#define RINGSIDE_OAUTH_CALLBACK_PATH "/callback"

#define RINGSIDE_TYPE_OAUTH_FLOW (ringside_oauth_flow_get_type ())
G_DECLARE_FINAL_TYPE (RingsideOAuthFlow, ringside_oauth_flow, RINGSIDE, OAUTH_FLOW, GObject)

/* RingCentral's authorization code flow with PKCE for a native app (RFC 8252, RFC 7636): the
 * user signs in in the system browser, which comes back to a loopback server of the flow.
 * @platform_url is the normalized platform base URL; @client_id a public client's ID (no
 * secret). The token request goes through @client. */
RingsideOAuthFlow *ringside_oauth_flow_new               (RingsideClient      *client,
                                                          const char          *platform_url,
                                                          const char          *client_id);
/* The loopback port, 0 (the default) for one the system picks. Before running. */
void               ringside_oauth_flow_set_port          (RingsideOAuthFlow   *self,
                                                          guint                port);
/* Seconds to wait for the browser; RINGSIDE_OAUTH_FLOW_DEFAULT_TIMEOUT_S by default. */
void               ringside_oauth_flow_set_timeout       (RingsideOAuthFlow   *self,
                                                          guint                seconds);
/* The page to open in the browser: set once ringside_oauth_flow_run_async() listens, NULL
 * before and when it could not. It holds the state and the PKCE challenge, never the
 * verifier; it is wiped with the flow. */
const char        *ringside_oauth_flow_get_authorize_uri (RingsideOAuthFlow   *self);
/* The redirect URI the flow listens on, "http://127.0.0.1:PORT/callback", or NULL. */
const char        *ringside_oauth_flow_get_redirect_uri  (RingsideOAuthFlow   *self);

/* Listens on 127.0.0.1 (before returning, so that the authorize URI is known), waits for the
 * one callback whose state matches, trades its code for a RingCentral access token and
 * completes with it. Ends with a RINGSIDE_ERROR whose message is a translated sentence for
 * the user: FORBIDDEN (refused at the consent page), UNAUTHORIZED (RingCentral does not know
 * the client ID), BAD_RESPONSE (an error in the redirect), TIMEOUT (no redirect in time),
 * NO_SESSION (another flow started meanwhile); or G_IO_ERROR_CANCELLED. One run per flow. */
void               ringside_oauth_flow_run_async         (RingsideOAuthFlow   *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
/* Returns: (transfer full): the RingCentral access token; wipe it with
 *   ringside_clear_secret() once used. */
char              *ringside_oauth_flow_run_finish        (RingsideOAuthFlow   *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* PKCE helpers, public for the tests. */

/* @length (43 to 128) characters of the unreserved set from the system's CSPRNG. */
char              *ringside_oauth_new_verifier           (gsize                length);
/* base64url(SHA-256(@verifier)) without padding. */
char              *ringside_oauth_challenge_for          (const char          *verifier);

G_END_DECLS
