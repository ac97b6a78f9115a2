/* fuzz-json-cutter.c: the cutter that parts a list's element into the members its parse
 * reads and the rest, kept as text.
 *
 * The input is the element. A fresh cutter and one that has seen many elements before cut
 * it alike. Cut, both outputs are JSON objects, the rest without a secret at any depth, and
 * every member json-glib finds in the element is in one of them as it was, or is a secret or
 * empty; not cut, both outputs are empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "ringside-json-cutter.h"
#include "ringside-json-extra.h"

static const char * const read_names[] = { "agentId", "firstName", "agentGroup", "a", NULL };

/* The long-lived cutter starts again now and then, so that what it keeps about names cannot
 * grow with the length of the run. */
#define ELEMENTS_PER_CUTTER 10000

static gboolean
holds_secret (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        if (ringside_json_is_secret_name (name) || holds_secret (member))
          return TRUE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (holds_secret (json_array_get_element (array, i)))
          return TRUE;
    }
  return FALSE;
}

static gboolean
is_empty (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_size (json_node_get_object (node)) == 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) == 0;
  return json_node_get_value_type (node) == G_TYPE_STRING &&
         *json_node_get_string (node) == '\0';
}

/* json-glib mishandles "\u" escapes of surrogates, alone or paired (it may swallow the next
 * character): where the element has one, its parse and the outputs' may differ. */
static gboolean
has_surrogate_escape (const char *text,
                      gsize       length)
{
  for (gsize i = 0; i + 3 < length; i++)
    if (text[i] == '\\' && text[i + 1] == 'u' && g_ascii_tolower (text[i + 2]) == 'd' &&
        g_ascii_xdigit_value (text[i + 3]) >= 8)
      return TRUE;
  return FALSE;
}

/* An output as json-glib reads it: an object, or NULL when the rest is empty. */
static JsonParser *
parse_output (const GString *output,
              gboolean       may_be_empty)
{
  JsonParser *parser;
  JsonNode *root;

  if (output->len == 0 && may_be_empty)
    return NULL;

  parser = ringside_fuzz_parse_json (output->str, output->len);
  g_assert_nonnull (parser);
  root = json_parser_get_root (parser);
  g_assert_true (root != NULL && JSON_NODE_HOLDS_OBJECT (root));
  return parser;
}

/* Every member of @part is one of the element's, as it was, and neither a secret nor, in the
 * rest, a read one. */
static void
assert_members_from (JsonObject *part,
                     JsonObject *whole,
                     gboolean    is_rest)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, part);
  while (json_object_iter_next (&iter, &name, &member))
    {
      JsonNode *original = whole != NULL ? json_object_get_member (whole, name) : NULL;

      g_assert_false (ringside_json_is_secret_name (name));
      if (is_rest)
        g_assert_false (g_strv_contains (read_names, name));
      if (whole != NULL)
        g_assert_true (original != NULL && json_node_equal (original, member));
    }
}

/* Nothing is lost but secrets and empty values. */
static void
assert_none_lost (JsonObject *whole,
                  JsonObject *read,
                  JsonObject *rest)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, whole);
  while (json_object_iter_next (&iter, &name, &member))
    {
      if (ringside_json_is_secret_name (name) || is_empty (member))
        continue;
      g_assert_true (json_object_has_member (read, name) ||
                     (rest != NULL && json_object_has_member (rest, name)));
      if (g_strv_contains (read_names, name) || holds_secret (member))
        g_assert_true (json_object_has_member (read, name));
    }
}

static void
check_cut (const char    *text,
           gsize          length,
           const GString *read,
           const GString *rest)
{
  g_autoptr(JsonParser) read_parser = NULL;
  g_autoptr(JsonParser) rest_parser = NULL;
  g_autoptr(JsonParser) whole_parser = NULL;
  JsonObject *read_object;
  JsonObject *rest_object = NULL;
  JsonObject *whole = NULL;
  JsonNode *root;

  g_assert_true (read->len >= 2 && read->str[0] == '{' && read->str[read->len - 1] == '}');
  g_assert_true (g_utf8_validate (read->str, read->len, NULL));
  g_assert_true (g_utf8_validate (rest->str, rest->len, NULL));
  g_assert_true (rest->len == 0 || (rest->str[0] == '{' && rest->str[rest->len - 1] == '}'));

  if (has_surrogate_escape (text, length))
    return;

  read_parser = parse_output (read, FALSE);
  read_object = json_node_get_object (json_parser_get_root (read_parser));
  rest_parser = parse_output (rest, TRUE);
  if (rest_parser != NULL)
    {
      JsonNode *rest_root = json_parser_get_root (rest_parser);

      rest_object = json_node_get_object (rest_root);
      g_assert_cmpuint (json_object_get_size (rest_object), >, 0);
      g_assert_false (holds_secret (rest_root));
    }

  /* What json-glib makes of the whole element, when it reads it. */
  whole_parser = ringside_fuzz_parse_json (text, length);
  if (whole_parser != NULL && (root = json_parser_get_root (whole_parser)) != NULL &&
      JSON_NODE_HOLDS_OBJECT (root))
    whole = json_node_get_object (root);

  assert_members_from (read_object, whole, FALSE);
  if (rest_object != NULL)
    assert_members_from (rest_object, whole, TRUE);
  if (whole != NULL)
    assert_none_lost (whole, read_object, rest_object);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static RingsideJsonCutter *used;
  static guint n_used;
  g_autoptr(RingsideJsonCutter) fresh = ringside_json_cutter_new (read_names);
  g_autoptr(GString) read = g_string_new ("{\"stale\":1}");
  g_autoptr(GString) rest = g_string_new ("{\"stale\":2}");
  g_autoptr(GString) used_read = g_string_new ("{\"stale\":3}");
  g_autoptr(GString) used_rest = g_string_new ("{\"stale\":4}");
  const char *text = (const char *) data;
  gboolean ok;

  if (used == NULL || n_used++ >= ELEMENTS_PER_CUTTER)
    {
      g_clear_pointer (&used, ringside_json_cutter_free);
      used = ringside_json_cutter_new (read_names);
      n_used = 0;
    }

  ok = ringside_json_cutter_cut (fresh, text, size, read, rest);
  g_assert_cmpint (ringside_json_cutter_cut (used, text, size, used_read, used_rest), ==, ok);
  g_assert_true (g_string_equal (read, used_read));
  g_assert_true (g_string_equal (rest, used_rest));

  if (!ok)
    {
      g_assert_cmpuint (read->len, ==, 0);
      g_assert_cmpuint (rest->len, ==, 0);
      return 0;
    }

  check_cut (text, size, read, rest);
  return 0;
}
