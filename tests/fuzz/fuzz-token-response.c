/* fuzz-token-response.c: what the RingCX exchange and refresh endpoints answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "ringside-token-response.h"

/* Tokens go into headers and form bodies as they are. */
static void
assert_usable_token (const char *token)
{
  g_assert_nonnull (token);
  g_assert_cmpstr (token, !=, "");
  for (const char *p = token; *p != '\0'; p++)
    g_assert_true ((guchar) *p > ' ' && *p != 0x7f);
}

static void
assert_optional_text (const char *text)
{
  if (text != NULL)
    ringside_fuzz_assert_text (text);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = ringside_fuzz_parse_json ((const char *) data, size);
  g_autoptr(RingsideTokenResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  if (parser == NULL)
    return 0;

  response = ringside_token_response_parse (json_parser_get_root (parser), &error);
  ringside_fuzz_assert_outcome (response != NULL, error);
  if (response == NULL)
    return 0;

  assert_usable_token (response->access_token);
  assert_usable_token (response->refresh_token);
  assert_optional_text (response->user_email);
  assert_optional_text (response->account_name);
  assert_optional_text (response->main_account_id);
  /* The display name is shown as is: never blank, never padded. */
  if (response->user_display_name != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (response->user_display_name));

      ringside_fuzz_assert_text (response->user_display_name);
      g_assert_cmpstr (stripped, ==, response->user_display_name);
      g_assert_cmpstr (stripped, !=, "");
    }

  return 0;
}
