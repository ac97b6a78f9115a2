/* ringside-json-extra.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-error.h"
#include "ringside-json-extra.h"

/* Deeper than any real answer: the walk below is recursive. */
#define MAX_DEPTH 16

gboolean
ringside_json_is_secret_name (const char *name)
{
  static const char * const words[] = {
    "password", "passwd", "pwd", "secret", "token", "pin", "key", "credential",
  };
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL, TRUE);

  folded = g_ascii_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
write_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static gboolean write_kept_value (GString *out, JsonNode *node, guint depth);

/* Appends "name":value for each member kept; FALSE (and nothing appended) when none is. */
static gboolean
write_kept_members (GString            *out,
                JsonObject         *object,
                const char * const *known,
                guint               depth)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean any = FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gsize start = out->len;

      if ((known != NULL && g_strv_contains (known, name)) ||
          ringside_json_is_secret_name (name))
        continue;
      if (any)
        g_string_append_c (out, ',');
      write_string (out, name);
      g_string_append_c (out, ':');
      if (write_kept_value (out, member, depth + 1))
        any = TRUE;
      else
        g_string_truncate (out, start);
    }
  return any;
}

/* Appends @node without secret members at any depth, nulls and empty values; FALSE (and
 * nothing appended) when nothing is left. Written as text at once, not copied first: a list
 * of 100,000 users does this 100,000 times. */
static gboolean
write_kept_value (GString  *out,
              JsonNode *node,
              guint     depth)
{
  gsize start = out->len;

  if (node == NULL || depth > MAX_DEPTH)
    return FALSE;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      g_string_append_c (out, '{');
      if (!write_kept_members (out, json_node_get_object (node), NULL, depth))
        {
          g_string_truncate (out, start);
          return FALSE;
        }
      g_string_append_c (out, '}');
      return TRUE;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        gboolean any = FALSE;

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            gsize element_start = out->len;

            if (any)
              g_string_append_c (out, ',');
            if (write_kept_value (out, json_array_get_element (array, i), depth + 1))
              any = TRUE;
            else
              g_string_truncate (out, element_start);
          }
        if (!any)
          {
            g_string_truncate (out, start);
            return FALSE;
          }
        g_string_append_c (out, ']');
        return TRUE;
      }

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          {
            const char *text = json_node_get_string (node);

            if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
              return FALSE;
            write_string (out, text);
          }
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer,
                                                  json_node_get_double (node)));
          }
        else
          return FALSE;
        return TRUE;
      }

    case JSON_NODE_NULL:
    default:
      return FALSE;
    }
}

char *
ringside_json_dup_extra (JsonObject         *object,
                         const char * const *known)
{
  GString *out;

  g_return_val_if_fail (object != NULL, NULL);

  out = g_string_new ("{");
  if (!write_kept_members (out, object, known, 0))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

char *
ringside_json_extra_join (char *first,
                          char *second)
{
  g_autofree char *owned_first = first;
  g_autofree char *owned_second = second;
  gsize length;

  if (first == NULL || second == NULL)
    return first != NULL ? g_steal_pointer (&owned_first) : g_steal_pointer (&owned_second);

  length = strlen (first);
  g_return_val_if_fail (length >= 2 && first[length - 1] == '}' && second[0] == '{',
                        g_steal_pointer (&owned_first));
  if (strcmp (second, "{}") == 0)
    return g_steal_pointer (&owned_first);
  if (length == 2)
    return g_steal_pointer (&owned_second);

  /* "{a}" and "{b}" make "{a,b}" */
  return g_strdup_printf ("%.*s,%s", (int) (length - 1), first, second + 1);
}

JsonObject *
ringside_json_extra_parse (const char  *extra_json,
                           GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) kept = NULL;
  g_autofree char *kept_json = NULL;

  g_return_val_if_fail (extra_json != NULL, NULL);

  node = json_from_string (extra_json, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      /* json-glib's message may quote the text. */
      g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                           "The details are not a JSON object");
      return NULL;
    }

  kept_json = ringside_json_dup_extra (json_node_get_object (node), NULL);
  if (kept_json == NULL)
    return json_object_new ();
  kept = json_from_string (kept_json, NULL);
  g_return_val_if_fail (kept != NULL && JSON_NODE_HOLDS_OBJECT (kept), json_object_new ());
  return json_object_ref (json_node_get_object (kept));
}

/* Short words people write in capitals. */
static gboolean
is_acronym (const char *word)
{
  static const char * const acronyms[] = {
    "id", "ids", "rc", "url", "sip", "crm", "ftp", "api", "sms", "ip", "dnis", "ani", "utc",
    "ivr", "acd", "uri", "http", "ttl", "iso",
    /* RingCX's own: service level agreements, "ring, no answer" */
    "sla", "rna", "pbx", "tcpa", "did",
  };

  for (guint i = 0; i < G_N_ELEMENTS (acronyms); i++)
    if (g_ascii_strcasecmp (word, acronyms[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
append_word (GString    *out,
             const char *start,
             gsize       length)
{
  g_autofree char *word = g_strndup (start, length);
  gboolean has_digit = strpbrk (word, "0123456789") != NULL;

  if (*word == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');

  if (is_acronym (word))
    {
      g_autofree char *upper = g_ascii_strup (word, -1);

      /* "Ids" reads as "IDs". */
      if (g_ascii_strcasecmp (word, "ids") == 0)
        upper[2] = 's';
      g_string_append (out, upper);
    }
  else if (has_digit)
    g_string_append (out, word);   /* "E164" as written */
  else if (out->len == 0)
    {
      g_autofree char *lower = g_ascii_strdown (word, -1);

      lower[0] = g_ascii_toupper (lower[0]);
      g_string_append (out, lower);
    }
  else
    {
      g_autofree char *lower = g_ascii_strdown (word, -1);

      g_string_append (out, lower);
    }
}

char *
ringside_json_name_to_words (const char *name)
{
  GString *out;
  const char *start;
  const char *p;

  g_return_val_if_fail (name != NULL, NULL);

  out = g_string_new (NULL);
  start = name;
  for (p = name; *p != '\0'; p++)
    {
      char c = *p;
      char prev = p > name ? p[-1] : '\0';
      char next = p[1];

      if (c == '_' || c == '-' || c == ' ' || c == '.')
        {
          append_word (out, start, p - start);
          start = p + 1;
          continue;
        }
      if (p == start)
        continue;
      /* "userId" | "RCUser" → "RC" "User" | "userRC"; digits stay with what they follow. */
      if (g_ascii_isupper (c) &&
          (g_ascii_islower (prev) || (g_ascii_isupper (prev) && g_ascii_islower (next))))
        {
          append_word (out, start, p - start);
          start = p;
        }
    }
  append_word (out, start, p - start);

  /* An all-capital first word that is no acronym ("MAX_ROWS") was lowered by append_word;
   * the first letter is always a capital. */
  if (out->len > 0)
    out->str[0] = g_ascii_toupper (out->str[0]);
  if (out->len == 0)
    g_string_append (out, name);

  return g_string_free (out, FALSE);
}

static void
append_value (GString    *out,
              JsonNode   *node,
              const char *yes,
              const char *no,
              guint       depth,
              gsize       max_bytes)
{
  if (out->len > max_bytes || node == NULL)
    return;

  if (depth > MAX_DEPTH)
    {
      g_string_append (out, "…");
      return;
    }

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        if (depth > 0)
          g_string_append (out, "(");
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            g_autofree char *words = ringside_json_name_to_words (name);

            if (!first)
              g_string_append (out, "; ");
            first = FALSE;
            g_string_append_printf (out, "%s: ", words);
            append_value (out, member, yes, no, depth + 1, max_bytes);
          }
        if (depth > 0)
          g_string_append (out, ")");
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array) && out->len <= max_bytes; i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            append_value (out, json_array_get_element (array, i), yes, no, depth + 1,
                          max_bytes);
          }
      }
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          g_string_append (out, json_node_get_string (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? yes : no);
        else if (type == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer,
                                                  json_node_get_double (node)));
          }
      }
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

char *
ringside_json_value_to_text (JsonNode   *node,
                             const char *yes,
                             const char *no,
                             guint       max_chars)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (yes != NULL && no != NULL, NULL);

  /* Bytes bound the walk; characters are counted once at the end. */
  append_value (out, node, yes, no, 0, (gsize) max_chars * 4);

  if (!g_utf8_validate (out->str, out->len, NULL))
    return g_strdup ("");
  if (g_utf8_strlen (out->str, -1) > max_chars)
    {
      g_autofree char *cut = g_utf8_substring (out->str, 0, max_chars > 0 ? max_chars - 1 : 0);

      return g_strconcat (cut, "…", NULL);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
