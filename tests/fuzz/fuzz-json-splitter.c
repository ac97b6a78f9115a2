/* fuzz-json-splitter.c: the streaming splitter that cuts the accounts and users lists into
 * their elements.
 *
 * The first input byte says how many chunk sizes follow (1 to 4), each in one byte (0 is an
 * empty feed); the rest is the body, fed in chunks of those sizes in turn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fuzz-common.h"
#include "ringside-error.h"
#include "ringside-json-splitter.h"

#define MAX_CHUNK_SIZES 4
/* How deeply ringside-json-splitter.c lets an element nest. */
#define MAX_ELEMENT_DEPTH 512

typedef struct
{
  gsize sizes[MAX_CHUNK_SIZES];
  guint n_sizes;
} Chunking;

static const Chunking whole_body = { { G_MAXSIZE }, 1 };

/* Returns how many bytes the chunk sizes took. */
static gsize
read_chunking (const uint8_t *data,
               size_t         size,
               Chunking      *chunking)
{
  gboolean all_empty = TRUE;
  guint n_sizes;

  if (size == 0)
    {
      *chunking = whole_body;
      return 0;
    }

  n_sizes = MIN (data[0] % MAX_CHUNK_SIZES + 1, size - 1);
  chunking->n_sizes = n_sizes;
  for (guint i = 0; i < n_sizes; i++)
    {
      chunking->sizes[i] = data[1 + i];
      all_empty = all_empty && chunking->sizes[i] == 0;
    }

  /* Empty feeds alone would never get through the body. */
  if (all_empty)
    *chunking = whole_body;

  return 1 + n_sizes;
}

static gboolean
split (const char      *body,
       gsize            length,
       const Chunking  *chunking,
       GPtrArray       *elements,
       GError         **error)
{
  g_autoptr(RingsideJsonSplitter) splitter = ringside_json_splitter_new ();
  gsize offset = 0;

  for (guint turn = 0; offset < length; turn++)
    {
      gsize chunk = MIN (chunking->sizes[turn % chunking->n_sizes], length - offset);

      if (!ringside_json_splitter_feed (splitter, body + offset, chunk, elements, error))
        return FALSE;
      offset += chunk;
    }

  return ringside_json_splitter_finish (splitter, error);
}

static GPtrArray *
new_elements (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* An element is never empty, and never carries the whitespace around it. */
static void
assert_trimmed (GPtrArray *elements)
{
  for (guint i = 0; i < elements->len; i++)
    {
      gsize size;
      const char *text = g_bytes_get_data (elements->pdata[i], &size);

      g_assert_cmpuint (size, >, 0);
      g_assert_false (is_space (text[0]));
      g_assert_false (is_space (text[size - 1]));
    }
}

/* Chunk boundaries must change nothing: the same elements, the same error. */
static void
assert_same_split (gboolean      ok,
                   GPtrArray    *elements,
                   const GError *error,
                   gboolean      whole_ok,
                   GPtrArray    *whole_elements,
                   const GError *whole_error)
{
  g_assert_cmpint (ok, ==, whole_ok);
  if (!ok)
    g_assert_cmpstr (error->message, ==, whole_error->message);

  g_assert_cmpuint (elements->len, ==, whole_elements->len);
  for (guint i = 0; i < elements->len; i++)
    g_assert_true (g_bytes_equal (elements->pdata[i], whole_elements->pdata[i]));
}

/* Each element, parsed on its own as the list loader does, is the array's element. */
static void
assert_elements_equal (GPtrArray *elements,
                       JsonArray *array)
{
  g_assert_cmpuint (elements->len, ==, json_array_get_length (array));
  for (guint i = 0; i < elements->len; i++)
    {
      gsize size;
      const char *text = g_bytes_get_data (elements->pdata[i], &size);
      g_autoptr(JsonParser) parser = ringside_fuzz_parse_json (text, size);

      g_assert_nonnull (parser);
      g_assert_true (json_node_equal (json_parser_get_root (parser),
                                      json_array_get_element (array, i)));
    }
}

/* json-glib 1.6 writes a double as g_ascii_dtostr() does, then adds ".0" if there is no
 * '.': 1e+21 becomes "1e+21.0", which is not JSON. */
static gboolean
json_glib_writes_double (double value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return FALSE;

  g_ascii_dtostr (text, sizeof text, value);
  return strchr (text, '.') != NULL || strpbrk (text, "eE") == NULL;
}

/* How deeply @node nests; FALSE when json-glib could not write it back as it read it: it
 * reads 1e999 as infinity, "\ud800" as invalid UTF-8, and see json_glib_writes_double(). */
static gboolean
measure (JsonNode *node,
         guint     depth,
         guint    *max_depth)
{
  *max_depth = MAX (*max_depth, depth);

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!measure (json_array_get_element (array, i), depth + 1, max_depth))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        if (!g_utf8_validate (name, -1, NULL) || !measure (member, depth + 1, max_depth))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_glib_writes_double (json_node_get_double (node));
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_utf8_validate (json_node_get_string (node), -1, NULL);

  return TRUE;
}

/* A "\u" escape json-glib reads as JSON does: four hex digits, and no surrogate, alone or
 * paired, as json-glib swallows the character after a lone one. */
static gboolean
is_plain_unicode_escape (const char *escape,
                         gsize       length)
{
  if (length < 6)
    return FALSE;
  for (guint i = 2; i < 6; i++)
    if (!g_ascii_isxdigit (escape[i]))
      return FALSE;

  return !(g_ascii_tolower (escape[2]) == 'd' && g_ascii_xdigit_value (escape[3]) >= 8);
}

/* Whether json-glib reads @body as JSON does. It also accepts comments and single-quoted
 * strings, and mishandles some "\u" escapes. */
static gboolean
is_plain_json (const char *body,
               gsize       length)
{
  if (memchr (body, '/', length) != NULL || memchr (body, '\'', length) != NULL)
    return FALSE;

  for (gsize i = 0; i + 1 < length; i++)
    if (body[i] == '\\' && body[i + 1] == 'u' && !is_plain_unicode_escape (body + i, length - i))
      return FALSE;

  return TRUE;
}

/* The array as strict JSON, split in the same chunks, must give back its elements. Nesting
 * deeper than the splitter allows is the one accepted failure. */
static void
check_canonical (JsonNode       *root,
                 const Chunking *chunking)
{
  g_autoptr(GPtrArray) elements = new_elements ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint depth = 0;

  if (!measure (root, 0, &depth))
    return;

  text = json_to_string (root, FALSE);
  if (!split (text, strlen (text), chunking, elements, &error))
    {
      g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
      g_assert_cmpuint (depth, >, MAX_ELEMENT_DEPTH);
      return;
    }

  assert_trimmed (elements);
  assert_elements_equal (elements, json_node_get_array (root));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) elements = new_elements ();
  g_autoptr(GPtrArray) whole_elements = new_elements ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  Chunking chunking;
  const char *body;
  gsize length;
  gboolean ok;
  gboolean whole_ok;
  JsonNode *root;

  body = (const char *) data + read_chunking (data, size, &chunking);
  length = size - (body - (const char *) data);

  ok = split (body, length, &chunking, elements, &error);
  ringside_fuzz_assert_outcome (ok, error);
  assert_trimmed (elements);

  whole_ok = split (body, length, &whole_body, whole_elements, &whole_error);
  assert_same_split (ok, elements, error, whole_ok, whole_elements, whole_error);

  parser = ringside_fuzz_parse_json (body, length);
  if (parser == NULL || (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (root))
    return 0;

  if (ok && is_plain_json (body, length))
    assert_elements_equal (elements, json_node_get_array (root));

  check_canonical (root, &chunking);
  return 0;
}
