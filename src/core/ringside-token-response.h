/* ringside-token-response.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What the RingCX exchange (/api/auth/login/rc/accesstoken) and refresh
 * (/api/auth/token/refresh) answer. Both tokens are required; the rest is optional. */
typedef struct
{
  char *access_token;
  char *refresh_token;
  char *user_display_name;
  char *user_email;
  char *account_name;
  char *main_account_id;
} RingsideTokenResponse;

RingsideTokenResponse *ringside_token_response_parse (JsonNode               *root,
                                                      GError                **error);
/* Overwrites the tokens before freeing them. */
void                   ringside_token_response_free  (RingsideTokenResponse  *response);

/* Overwrites the token members (RingCX's and the platform's spellings) of a parsed answer in
 * place, so that they do not outlive it in freed heap memory. @root may be NULL. */
void                   ringside_token_response_wipe_json (JsonNode           *root);

/* Overwrites a secret string before freeing it, so it does not linger in freed heap memory. */
void                   ringside_clear_secret         (char                  **secret);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RingsideTokenResponse, ringside_token_response_free)

G_END_DECLS
