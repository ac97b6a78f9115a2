/* test-jwt.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "ringside-error.h"
#include "ringside-jwt.h"

static char *
base64url (const char *text)
{
  g_autofree char *standard = g_base64_encode ((const guchar *) text, strlen (text));
  GString *url = g_string_new (NULL);

  for (const char *p = standard; *p != '\0' && *p != '='; p++)
    g_string_append_c (url, *p == '+' ? '-' : *p == '/' ? '_' : *p);

  return g_string_free (url, FALSE);
}

static char *
make_token (const char *payload_json)
{
  g_autofree char *header = base64url ("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
  g_autofree char *payload = base64url (payload_json);

  return g_strdup_printf ("%s.%s.c2lnbmF0dXJl", header, payload);
}

static void
test_reads_exp_and_iat (void)
{
  g_autofree char *token = make_token ("{\"sub\":\"1\",\"iat\":1700000000,\"exp\":1700000300}");
  g_autoptr(GError) error = NULL;
  gint64 exp = 0;
  gint64 iat = 0;

  g_assert_true (ringside_jwt_read_times (token, &exp, &iat, &error));
  g_assert_no_error (error);
  g_assert_cmpint (exp, ==, 1700000300);
  g_assert_cmpint (iat, ==, 1700000000);
}

static void
test_payload_needing_url_alphabet (void)
{
  /* '?' and '>' in the payload produce '_' and '-' in base64url, and no padding. */
  g_autofree char *token = make_token ("{\"exp\":1800000000,\"n\":\"?\?>>\"}");
  gint64 exp = 0;
  gint64 iat = -1;

  g_assert_true (strchr (token, '_') != NULL || strchr (token, '-') != NULL);
  g_assert_true (ringside_jwt_read_times (token, &exp, &iat, NULL));
  g_assert_cmpint (exp, ==, 1800000000);
  g_assert_cmpint (iat, ==, 0);
}

static void
test_rejects (gconstpointer data)
{
  const char *token = data;
  g_autoptr(GError) error = NULL;
  gint64 exp = 42;

  g_assert_false (ringside_jwt_read_times (token, &exp, NULL, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
  g_assert_cmpint (exp, ==, 42);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *no_exp = NULL;
  g_autofree char *string_exp = NULL;
  g_autofree char *array_payload = NULL;
  g_autofree char *negative_exp = NULL;

  g_test_init (&argc, &argv, NULL);

  no_exp = make_token ("{\"sub\":\"1\"}");
  string_exp = make_token ("{\"exp\":\"soon\"}");
  array_payload = make_token ("[1,2,3]");
  negative_exp = make_token ("{\"exp\":-5}");

  g_test_add_func ("/jwt/exp-and-iat", test_reads_exp_and_iat);
  g_test_add_func ("/jwt/url-alphabet", test_payload_needing_url_alphabet);
  g_test_add_data_func ("/jwt/reject/opaque", "opaque-token-without-dots", test_rejects);
  g_test_add_data_func ("/jwt/reject/one-dot", "abc.def", test_rejects);
  g_test_add_data_func ("/jwt/reject/not-base64", "a.!!!.c", test_rejects);
  g_test_add_data_func ("/jwt/reject/empty-payload", "a..c", test_rejects);
  g_test_add_data_func ("/jwt/reject/not-json", "a.bm90IGpzb24.c", test_rejects);
  g_test_add_data_func ("/jwt/reject/no-exp", no_exp, test_rejects);
  g_test_add_data_func ("/jwt/reject/string-exp", string_exp, test_rejects);
  g_test_add_data_func ("/jwt/reject/array", array_payload, test_rejects);
  g_test_add_data_func ("/jwt/reject/negative-exp", negative_exp, test_rejects);

  return g_test_run ();
}
