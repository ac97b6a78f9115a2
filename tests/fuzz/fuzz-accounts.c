/* fuzz-accounts.c: GET /voice/api/v1/admin/accounts, one account per array element.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "ringside-account.h"

static gboolean
matches_text (RingsideAccount *account,
              const char      *text)
{
  g_autofree char *needle = g_utf8_casefold (text, -1);

  return ringside_account_matches (account, needle);
}

static void
check_account (RingsideAccount *account)
{
  const char *name = ringside_account_get_name (account);
  const char *id = ringside_account_get_id (account);
  const char *main_name = ringside_account_get_main_account_name (account);

  ringside_fuzz_assert_text (name);
  ringside_fuzz_assert_text (id);
  ringside_fuzz_assert_text (ringside_account_get_main_account_id (account));
  ringside_fuzz_assert_text (main_name);

  /* The search box finds an account by what the list shows of it. */
  g_assert_true (matches_text (account, name));
  g_assert_true (matches_text (account, id));
  g_assert_true (matches_text (account, main_name));

  ringside_account_get_is_main (account);
  ringside_account_get_archived (account);
  ringside_account_get_start_date (account);
  ringside_account_get_end_date (account);
  ringside_fuzz_read_properties (G_OBJECT (account));
}

static void
parse_element (JsonNode *node)
{
  g_autoptr(RingsideAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = ringside_account_new_from_json (node, &error);
  ringside_fuzz_assert_outcome (account != NULL, error);
  if (account != NULL)
    check_account (account);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = ringside_fuzz_parse_json ((const char *) data, size);
  JsonNode *root;
  JsonArray *array;

  if (parser == NULL || (root = json_parser_get_root (parser)) == NULL)
    return 0;

  /* Anything else than a list is a single element to the parser. */
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      parse_element (root);
      return 0;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    parse_element (json_array_get_element (array, i));

  return 0;
}
