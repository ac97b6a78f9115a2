/* test-json-splitter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "ringside-error.h"
#include "ringside-json-splitter.h"

/* Strings hiding brackets, commas, escaped quotes and backslashes; nesting; every kind of
 * bare value; whitespace everywhere. */
#define ELEMENT_BRACKETS \
  "{\"id\": 1, \"name\": \"Bracket ] and [ and } { , \", \"tags\": [\"a\", \"b]\"]}"
#define ELEMENT_QUOTES \
  "{\"quote\": \"He said \\\"hi\\\" \\\\\", " \
  "\"nested\": {\"a\": [1, [2, {\"b\": \"\\\\\\\"\"}]]}}"
#define ELEMENT_STRING \
  "\"just a string, with \\\"[\\\" in it\""
#define ELEMENT_UNICODE \
  "{\"unicode\": \"caf\\u00e9 \xe2\x80\x93 \xc3\xbcn\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9\", " \
  "\"esc\": \"\\\\\\\\\"}"

static const char sample_body[] =
  " \r\n[\n"
  "  " ELEMENT_BRACKETS ",\n"
  "\t" ELEMENT_QUOTES " ,"
  ELEMENT_STRING ","
  "42 ,  -3.5e+2,true,null,\n"
  "[],{},[[[]]],\n"
  ELEMENT_UNICODE
  "\n] \n\t";

static const char *sample_elements[] = {
  ELEMENT_BRACKETS,
  ELEMENT_QUOTES,
  ELEMENT_STRING,
  "42",
  "-3.5e+2",
  "true",
  "null",
  "[]",
  "{}",
  "[[[]]]",
  ELEMENT_UNICODE,
  NULL
};

/* Feeds @body cut at the ascending @cuts, then finishes; returns the elements as strings. */
static GStrv
split_at (const char   *body,
          gsize         length,
          const gsize  *cuts,
          guint         n_cuts,
          GError      **error)
{
  g_autoptr(RingsideJsonSplitter) splitter = ringside_json_splitter_new ();
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize start = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i <= n_cuts && ok; i++)
    {
      gsize end = i < n_cuts ? cuts[i] : length;

      ok = ringside_json_splitter_feed (splitter, body + start, end - start, elements, error);
      start = end;
    }
  if (ok)
    ok = ringside_json_splitter_finish (splitter, error);

  for (guint i = 0; i < elements->len; i++)
    {
      gsize size;
      const char *data = g_bytes_get_data (elements->pdata[i], &size);
      g_autofree char *text = g_strndup (data, size);

      /* Every byte must come through, so no element may contain a NUL. */
      g_assert_cmpuint (strlen (text), ==, size);
      g_strv_builder_add (builder, text);
    }

  return ok ? g_strv_builder_end (builder) : NULL;
}

static GStrv
split_whole (const char  *body,
             GError     **error)
{
  return split_at (body, strlen (body), NULL, 0, error);
}

static void
assert_elements (GStrv               actual,
                 const char * const *expected)
{
  g_assert_nonnull (actual);
  g_assert_cmpstrv (actual, expected);
}

static void
test_whole (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) elements = split_whole (sample_body, &error);

  g_assert_no_error (error);
  assert_elements (elements, sample_elements);
}

static void
test_every_split (void)
{
  gsize length = strlen (sample_body);

  for (gsize cut = 0; cut <= length; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) elements = split_at (sample_body, length, &cut, 1, &error);

      g_assert_no_error (error);
      assert_elements (elements, sample_elements);
    }
}

static void
test_every_two_splits (void)
{
  gsize length = strlen (sample_body);

  for (gsize first = 0; first <= length; first++)
    for (gsize second = first; second <= length; second++)
      {
        g_autoptr(GError) error = NULL;
        gsize cuts[] = { first, second };
        g_auto(GStrv) elements = split_at (sample_body, length, cuts, 2, &error);

        g_assert_no_error (error);
        assert_elements (elements, sample_elements);
      }
}

static void
test_byte_by_byte (void)
{
  gsize length = strlen (sample_body);
  g_autofree gsize *cuts = g_new (gsize, length);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) elements = NULL;

  for (gsize i = 0; i < length; i++)
    cuts[i] = i + 1;

  elements = split_at (sample_body, length, cuts, length, &error);
  g_assert_no_error (error);
  assert_elements (elements, sample_elements);
}

static void
test_empty_arrays (void)
{
  static const char *bodies[] = {
    "[]",
    "[ ]",
    " \n\t[\r\n]\n ",
    "\xef\xbb\xbf[]",
    "\xef\xbb\xbf \n[ \n] \n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      gsize length = strlen (bodies[i]);

      for (gsize cut = 0; cut <= length; cut++)
        {
          g_autoptr(GError) error = NULL;
          g_auto(GStrv) elements = split_at (bodies[i], length, &cut, 1, &error);

          g_assert_no_error (error);
          g_assert_nonnull (elements);
          g_assert_cmpuint (g_strv_length (elements), ==, 0);
        }
    }
}

static void
test_bom (void)
{
  g_autofree char *body = g_strconcat ("\xef\xbb\xbf", sample_body, NULL);
  gsize length = strlen (body);

  for (gsize cut = 0; cut <= length; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) elements = split_at (body, length, &cut, 1, &error);

      g_assert_no_error (error);
      assert_elements (elements, sample_elements);
    }
}

static void
test_single_elements (void)
{
  static const struct {
    const char *body;
    const char *element;
  } cases[] = {
    { "[{\"a\":\"]\"}]", "{\"a\":\"]\"}" },
    { "[\"\\\\\"]", "\"\\\\\"" },
    { "[\"\\\"]\"]", "\"\\\"]\"" },
    { "[ 7 ]", "7" },
    { "[7]", "7" },
    { "[\"\"]", "\"\"" },
    { "[[\"[\", \"]\"]]", "[\"[\", \"]\"]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *expected[] = { cases[i].element, NULL };
      gsize length = strlen (cases[i].body);

      for (gsize cut = 0; cut <= length; cut++)
        {
          g_autoptr(GError) error = NULL;
          g_auto(GStrv) elements = split_at (cases[i].body, length, &cut, 1, &error);

          g_assert_no_error (error);
          assert_elements (elements, expected);
        }
    }
}

static void
assert_fails_cut (const char *body,
                  gsize       length,
                  gsize       cut,
                  const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) elements = split_at (body, length, &cut, 1, &error);

  g_assert_null (elements);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%.*s” split at %" G_GSIZE_FORMAT ": “%s” lacks “%s”",
             (int) length, body, cut, error->message, message_part);
}

/* Wherever the body is cut, the verdict is the same. */
static void
assert_fails_n (const char *body,
                gsize       length,
                const char *message_part)
{
  for (gsize cut = 0; cut <= length; cut++)
    assert_fails_cut (body, length, cut, message_part);
}

static void
assert_fails (const char *body,
              const char *message_part)
{
  assert_fails_n (body, strlen (body), message_part);
}

static void
test_not_a_list (void)
{
  assert_fails ("", "empty");
  assert_fails (" \n ", "empty");
  assert_fails ("<!DOCTYPE html><html><body>Bad gateway</body></html>", "web page");
  assert_fails ("{\"errorCode\": \"x\", \"generalMessage\": \"y\"}", "object");
  assert_fails ("Jwt is expired", "not a JSON list");
  assert_fails ("\xef\xbb", "not a JSON list");
  assert_fails ("\xef\xbb[]", "not a JSON list");
  assert_fails ("\xef\xbb\xbf\xef\xbb\xbf[]", "not a JSON list");
  assert_fails (" [] \xef\xbb\xbf", "after the list");
  assert_fails_n ("\0[]", 3, "not a JSON list");
}

static void
test_truncated (void)
{
  const char *last_bracket = strrchr (sample_body, ']');
  gsize complete = last_bracket - sample_body;

  /* Every prefix that stops short of the closing bracket is incomplete (except the
   * whitespace-only ones, which are empty). */
  for (gsize length = 4; length <= complete; length++)
    {
      assert_fails_cut (sample_body, length, 0, "ended before the list was complete");
      assert_fails_cut (sample_body, length, length / 2, "ended before the list was complete");
    }

  assert_fails ("[", "ended before");
  assert_fails ("[{\"a\": \"b", "ended before");
  assert_fails ("[\"\\", "ended before");
  assert_fails ("[1,", "ended before");
  assert_fails ("[1", "ended before");
}

static void
test_trailing_junk (void)
{
  assert_fails ("[1] x", "after the list");
  assert_fails ("[1]]", "after the list");
  assert_fails ("[1],[2]", "after the list");
  assert_fails ("[][]", "after the list");
  assert_fails ("[{}]\n<html>", "after the list");
}

static void
test_malformed (void)
{
  assert_fails ("[1,,2]", "malformed");
  assert_fails ("[,1]", "malformed");
  assert_fails ("[1,]", "malformed");
  assert_fails ("[{} {}]", "malformed");
  assert_fails ("[\"a\" \"b\"]", "malformed");
  assert_fails ("[}", "malformed");
  assert_fails ("[1}", "malformed");
}

static void
test_too_deep (void)
{
  g_autoptr(GString) body = g_string_new ("[");

  for (guint i = 0; i < 600; i++)
    g_string_append_c (body, '[');
  for (guint i = 0; i < 600; i++)
    g_string_append_c (body, ']');
  g_string_append_c (body, ']');

  assert_fails_n (body->str, body->len, "nested too deeply");
}

static void
test_deep_enough (void)
{
  g_autoptr(GString) body = g_string_new ("[");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) elements = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (body, "{\"children\":[");
  for (guint i = 0; i < 200; i++)
    g_string_append (body, "]}");
  g_string_append_c (body, ']');

  elements = split_whole (body->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (elements), ==, 1);
  g_assert_cmpuint (strlen (elements[0]), ==, body->len - 2);
}

static void
test_element_too_large (void)
{
  g_autoptr(RingsideJsonSplitter) splitter = ringside_json_splitter_new ();
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;
  gsize chunk_size = 1024 * 1024;
  g_autofree char *chunk = g_malloc (chunk_size);
  gboolean ok = TRUE;
  guint n_chunks = 0;

  memset (chunk, 'x', chunk_size);
  g_assert_true (ringside_json_splitter_feed (splitter, "[{\"a\": 1}, \"", 12, elements, &error));
  g_assert_cmpuint (elements->len, ==, 1);

  while (ok && n_chunks < 100)
    {
      ok = ringside_json_splitter_feed (splitter, chunk, chunk_size, elements, &error);
      n_chunks++;
    }

  g_assert_false (ok);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "larger than 64 MiB"));
  g_assert_cmpuint (n_chunks, ==, 64);
  g_assert_cmpuint (elements->len, ==, 1);
}

static void
test_fails_for_good (void)
{
  g_autoptr(RingsideJsonSplitter) splitter = ringside_json_splitter_new ();
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;

  g_assert_false (ringside_json_splitter_feed (splitter, "<html>", 6, elements, &error));
  g_clear_error (&error);
  g_assert_false (ringside_json_splitter_feed (splitter, "[1]", 3, elements, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
  g_clear_error (&error);
  g_assert_false (ringside_json_splitter_finish (splitter, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
  g_assert_cmpuint (elements->len, ==, 0);
}

static int
compare_sizes (const void *a,
               const void *b)
{
  gsize size_a = *(const gsize *) a;
  gsize size_b = *(const gsize *) b;

  return (size_a > size_b) - (size_a < size_b);
}

/* Random bodies from the bytes that matter, cut at random: no crash, and the verdict and
 * the elements never depend on where the body was cut. */
static void
test_random_bodies (void)
{
  static const char alphabet[] = "[[]]{}\"\"\\,, a1\n\xef\xbb\xbf";

  for (guint round = 0; round < 3000; round++)
    {
      gsize length = g_test_rand_int_range (0, 40);
      g_autofree char *body = g_malloc (length + 1);
      g_autoptr(GError) whole_error = NULL;
      g_autoptr(GError) cut_error = NULL;
      g_auto(GStrv) whole = NULL;
      g_auto(GStrv) cut = NULL;
      gsize cuts[3];

      for (gsize i = 0; i < length; i++)
        body[i] = alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
      /* Most random bodies fail at once: make half of them start like a list. */
      if (length > 0 && round % 2 == 0)
        body[0] = '[';
      body[length] = '\0';

      whole = split_at (body, length, NULL, 0, &whole_error);

      for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
        cuts[i] = g_test_rand_int_range (0, length + 1);
      qsort (cuts, G_N_ELEMENTS (cuts), sizeof cuts[0], compare_sizes);
      cut = split_at (body, length, cuts, G_N_ELEMENTS (cuts), &cut_error);

      g_assert_true ((whole == NULL) == (cut == NULL));
      if (whole != NULL)
        g_assert_cmpstrv (whole, cut);
      else
        g_assert_cmpstr (whole_error->message, ==, cut_error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-splitter/whole", test_whole);
  g_test_add_func ("/json-splitter/every-split", test_every_split);
  g_test_add_func ("/json-splitter/every-two-splits", test_every_two_splits);
  g_test_add_func ("/json-splitter/byte-by-byte", test_byte_by_byte);
  g_test_add_func ("/json-splitter/empty-arrays", test_empty_arrays);
  g_test_add_func ("/json-splitter/bom", test_bom);
  g_test_add_func ("/json-splitter/single-elements", test_single_elements);
  g_test_add_func ("/json-splitter/not-a-list", test_not_a_list);
  g_test_add_func ("/json-splitter/truncated", test_truncated);
  g_test_add_func ("/json-splitter/trailing-junk", test_trailing_junk);
  g_test_add_func ("/json-splitter/malformed", test_malformed);
  g_test_add_func ("/json-splitter/too-deep", test_too_deep);
  g_test_add_func ("/json-splitter/deep-enough", test_deep_enough);
  g_test_add_func ("/json-splitter/element-too-large", test_element_too_large);
  g_test_add_func ("/json-splitter/fails-for-good", test_fails_for_good);
  g_test_add_func ("/json-splitter/random-bodies", test_random_bodies);

  return g_test_run ();
}
