/* fuzz-jwt.c: the "exp" and "iat" claims of a RingCX access token.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "ringside-jwt.h"

/* What ringside-jwt.c accepts; a longer payload is refused whatever it holds. */
#define MAX_PAYLOAD_LENGTH 16384

static gboolean
read_times (const char *token,
            gint64     *expires_at,
            gint64     *issued_at)
{
  g_autoptr(GError) error = NULL;
  gint64 exp = -1;
  gint64 iat = -1;
  gboolean ok;

  ok = ringside_jwt_read_times (token, &exp, &iat, &error);
  ringside_fuzz_assert_outcome (ok, error);

  /* The out arguments are optional, and do not change the answer. */
  g_assert_cmpint (ringside_jwt_read_times (token, NULL, NULL, NULL), ==, ok);

  if (ok)
    {
      g_assert_cmpint (exp, >, 0);
      g_assert_cmpint (iat, >=, 0);
    }
  *expires_at = exp;
  *issued_at = iat;
  return ok;
}

static char *
base64url_encode (const char *data,
                  gsize       size)
{
  g_autofree char *standard = g_base64_encode ((const guchar *) data, size);
  GString *url = g_string_sized_new (strlen (standard));

  for (const char *p = standard; *p != '\0' && *p != '='; p++)
    g_string_append_c (url, *p == '+' ? '-' : *p == '/' ? '_' : *p);
  return g_string_free (url, FALSE);
}

/* The "exp" json-glib reads from @payload when it is a plain positive integer, else 0. */
static gint64
expected_exp (const char *payload,
              gsize       size)
{
  g_autoptr(JsonParser) parser = ringside_fuzz_parse_json (payload, size);
  JsonNode *root;
  JsonNode *exp;

  if (parser == NULL || (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    return 0;

  exp = json_object_get_member (json_node_get_object (root), "exp");
  if (exp == NULL || !JSON_NODE_HOLDS_VALUE (exp) ||
      json_node_get_value_type (exp) != G_TYPE_INT64)
    return 0;
  return MAX (json_node_get_int (exp), 0);
}

/* Base64url hides the payload's JSON from the fuzzer's mutations, so the input is also
 * tried as the payload of a token, where a plain integer "exp" must be read exactly. */
static void
fuzz_payload (const char *payload,
              gsize       size)
{
  g_autofree char *encoded = base64url_encode (payload, size);
  g_autofree char *token = g_strconcat ("eyJhbGciOiJIUzI1NiJ9.", encoded, ".c2ln", NULL);
  gint64 exp = expected_exp (payload, size);
  gint64 read_exp;
  gint64 read_iat;
  gboolean ok;

  ok = read_times (token, &read_exp, &read_iat);
  if (exp > 0 && strlen (encoded) <= MAX_PAYLOAD_LENGTH)
    {
      g_assert_true (ok);
      g_assert_cmpint (read_exp, ==, exp);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *token = g_strndup ((const char *) data, size);
  gint64 exp;
  gint64 iat;

  read_times (token, &exp, &iat);
  fuzz_payload ((const char *) data, size);

  return 0;
}
