/* fuzz-json-cutter.c: the cutter that parts a list's element into the members its parse
 * reads and the rest, kept as text.
 *
 * The input is the element. A fresh cutter and one that has seen many elements before cut
 * it alike, unless the element gives a name twice, or the used cutter, its memory of names
 * full, leaves the element whole. Cut, both outputs are JSON objects, the rest without a secret at any
 * depth, and every member json-glib finds in the element is in one of them as it was, or is
 * a secret or empty; not cut, both outputs are empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "json-checks.h"
#include "ringside-json-cutter.h"
#include "ringside-json-extra.h"

static const char * const read_names[] = { "agentId", "firstName", "agentGroup", "a", NULL };

/* The long-lived cutter starts again now and then, so that what it keeps about names cannot
 * grow with the length of the run. */
#define ELEMENTS_PER_CUTTER 10000

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

static void
count_member (JsonParser *parser,
              JsonObject *object,
              const char *name,
              GHashTable *counts)
{
  char *key = g_strdup_printf ("%p/%s", (void *) object, name);

  g_hash_table_insert (counts, key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
}

/* The element as json-glib reads it, when it is an object; @repeated says whether a name
 * is given twice in it, of which json-glib keeps the last. */
static JsonParser *
parse_element (const char *text,
               gsize       length,
               gboolean   *repeated)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *prefix = NULL;
  GHashTableIter iter;
  gpointer key, count;
  JsonNode *root;

  *repeated = FALSE;
  g_signal_connect (parser, "object-member", G_CALLBACK (count_member), counts);
  if (length > G_MAXSSIZE || !json_parser_load_from_data (parser, text, length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  prefix = g_strdup_printf ("%p/", (void *) json_node_get_object (root));
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &count))
    if (g_str_has_prefix (key, prefix) && GPOINTER_TO_UINT (count) > 1)
      *repeated = TRUE;
  return g_steal_pointer (&parser);
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
      if (ringside_json_is_secret_name (name) || json_check_is_empty (member))
        continue;
      g_assert_true (json_object_has_member (read, name) ||
                     (rest != NULL && json_object_has_member (rest, name)));
      if (g_strv_contains (read_names, name) || json_check_holds_secret (member))
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
  gboolean repeated;

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
      g_assert_false (json_check_holds_secret (rest_root));
    }

  /* What json-glib makes of the whole element, when it reads it and no name is given twice:
   * it keeps the last of them, where the cut may have kept the first. */
  whole_parser = parse_element (text, length, &repeated);
  if (whole_parser != NULL && !repeated)
    whole = json_node_get_object (json_parser_get_root (whole_parser));

  assert_members_from (read_object, whole, FALSE);
  if (rest_object != NULL)
    assert_members_from (rest_object, whole, TRUE);
  if (whole != NULL)
    assert_none_lost (whole, read_object, rest_object);
}

static void
check_outcome (const char    *text,
               gsize          length,
               gboolean       ok,
               const GString *read,
               const GString *rest)
{
  if (ok)
    {
      check_cut (text, length, read, rest);
      return;
    }
  g_assert_cmpuint (read->len, ==, 0);
  g_assert_cmpuint (rest->len, ==, 0);
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
  gboolean used_ok;
  gboolean repeated;

  if (used == NULL || n_used++ >= ELEMENTS_PER_CUTTER)
    {
      g_clear_pointer (&used, ringside_json_cutter_free);
      used = ringside_json_cutter_new (read_names);
      n_used = 0;
    }

  ok = ringside_json_cutter_cut (fresh, text, size, read, rest);
  used_ok = ringside_json_cutter_cut (used, text, size, used_read, used_rest);
  check_outcome (text, size, ok, read, rest);
  if (used_ok != ok || !g_string_equal (read, used_read) || !g_string_equal (rest, used_rest))
    {
      g_autoptr(JsonParser) parser = parse_element (text, size, &repeated);

      g_assert_true (!used_ok || (parser != NULL && repeated));
      check_outcome (text, size, used_ok, used_read, used_rest);
    }
  return 0;
}
