/* ringside-json-cutter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-json-cutter.h"
#include "ringside-json-extra.h"

/* Deeper than any real answer; json-glib takes anything deeper, whole. */
#define MAX_DEPTH 64
/* Names are remembered up to this many: a hostile body cannot grow the cache without bound. */
#define MAX_NAMES 4096
/* Longer names are looked at without the cache. */
#define MAX_CACHED_NAME 128

typedef struct
{
  gboolean read;
  gboolean secret;
  guint    last_element;  /* the cut that last met it as a member of the element itself */
} NameInfo;

struct _RingsideJsonCutter
{
  GStrv       read_names;
  GHashTable *names;      /* char * → NameInfo */
  guint       element;    /* cuts so far, from 1 */
};

/* Where a cut is in the text. */
typedef struct
{
  RingsideJsonCutter *cutter;
  const char         *text;
  gsize               length;
  gsize               pos;
} Cursor;

RingsideJsonCutter *
ringside_json_cutter_new (const char * const *read_names)
{
  RingsideJsonCutter *self;

  g_return_val_if_fail (read_names != NULL, NULL);

  self = g_new0 (RingsideJsonCutter, 1);
  self->read_names = g_strdupv ((char **) read_names);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
ringside_json_cutter_free (RingsideJsonCutter *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->read_names);
  g_hash_table_unref (self->names);
  g_free (self);
}

static void
classify_name (RingsideJsonCutter *self,
               const char         *name,
               NameInfo           *info)
{
  info->read = g_strv_contains ((const char * const *) self->read_names, name);
  info->secret = ringside_json_is_secret_name (name);
  info->last_element = 0;
}

/* What a name is, from the cache; NULL only when it cannot be cached, with @uncached filled. */
static NameInfo *
lookup_name (RingsideJsonCutter *self,
             const char         *start,
             gsize               length,
             NameInfo           *uncached)
{
  char key[MAX_CACHED_NAME + 1];
  g_autofree char *name = NULL;
  NameInfo *info;

  if (length <= MAX_CACHED_NAME)
    {
      memcpy (key, start, length);
      key[length] = '\0';
      info = g_hash_table_lookup (self->names, key);
      if (info != NULL)
        return info;
    }

  name = g_strndup (start, length);
  classify_name (self, name, uncached);
  if (length > MAX_CACHED_NAME || g_hash_table_size (self->names) >= MAX_NAMES)
    return NULL;

  info = g_memdup2 (uncached, sizeof *uncached);
  g_hash_table_insert (self->names, g_steal_pointer (&name), info);
  return info;
}

static gboolean
at_end (const Cursor *c)
{
  return c->pos >= c->length;
}

static char
peek (const Cursor *c)
{
  return at_end (c) ? '\0' : c->text[c->pos];
}

static void
skip_space (Cursor *c)
{
  while (!at_end (c))
    {
      char ch = c->text[c->pos];

      if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r')
        return;
      c->pos++;
    }
}

static gboolean
expect (Cursor *c,
        char    ch)
{
  skip_space (c);
  if (peek (c) != ch)
    return FALSE;
  c->pos++;
  return TRUE;
}

/* The code unit of the escape "\uXXXX" at @pos, or G_MAXUINT when there is none. */
static guint
read_unicode_escape (const Cursor *c,
                     gsize         pos)
{
  guint code = 0;

  if (pos + 6 > c->length || c->text[pos] != '\\' || c->text[pos + 1] != 'u')
    return G_MAXUINT;
  for (guint i = 2; i < 6; i++)
    {
      if (!g_ascii_isxdigit (c->text[pos + i]))
        return G_MAXUINT;
      code = code * 16 + (guint) g_ascii_xdigit_value (c->text[pos + i]);
    }
  return code;
}

/* Steps over one escape, from its backslash. A half of a surrogate pair must come with the
 * other half: json-glib refuses it alone, so such text is left to json-glib whole. */
static gboolean
scan_escape (Cursor *c)
{
  char ch;
  guint code;

  if (c->pos + 1 >= c->length)
    return FALSE;
  ch = c->text[c->pos + 1];
  if (ch != 'u')
    {
      if (ch == '\0' || strchr ("\"\\/bfnrt", ch) == NULL)
        return FALSE;
      c->pos += 2;
      return TRUE;
    }

  code = read_unicode_escape (c, c->pos);
  if (code == G_MAXUINT || (code >= 0xDC00 && code <= 0xDFFF))
    return FALSE;
  c->pos += 6;
  if (code >= 0xD800 && code <= 0xDBFF)
    {
      code = read_unicode_escape (c, c->pos);
      if (code < 0xDC00 || code > 0xDFFF)
        return FALSE;
      c->pos += 6;
    }
  return TRUE;
}

/* A string from its opening quote; its content is [*start, *end). Escapes must be JSON's;
 * @has_escape says whether there was one. */
static gboolean
scan_string (Cursor   *c,
             gsize    *start,
             gsize    *end,
             gboolean *has_escape)
{
  *has_escape = FALSE;
  c->pos++;
  *start = c->pos;

  while (!at_end (c))
    {
      guchar ch = (guchar) c->text[c->pos];

      if (ch == '"')
        {
          *end = c->pos++;
          return TRUE;
        }
      if (ch < 0x20)
        return FALSE;
      if (ch != '\\')
        c->pos++;
      else if (scan_escape (c))
        *has_escape = TRUE;
      else
        return FALSE;
    }
  return FALSE;
}

static gboolean
scan_digits (Cursor *c)
{
  gsize start = c->pos;

  while (g_ascii_isdigit (peek (c)))
    c->pos++;
  return c->pos > start;
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
scan_number (Cursor *c)
{
  if (peek (c) == '-')
    c->pos++;
  if (peek (c) == '0')
    c->pos++;
  else if (!scan_digits (c))
    return FALSE;

  if (peek (c) == '.')
    {
      c->pos++;
      if (!scan_digits (c))
        return FALSE;
    }
  if (peek (c) == 'e' || peek (c) == 'E')
    {
      c->pos++;
      if (peek (c) == '+' || peek (c) == '-')
        c->pos++;
      if (!scan_digits (c))
        return FALSE;
    }
  return TRUE;
}

static gboolean
scan_word (Cursor     *c,
           const char *word)
{
  gsize length = strlen (word);

  if (c->length - c->pos < length || memcmp (c->text + c->pos, word, length) != 0)
    return FALSE;
  c->pos += length;
  return TRUE;
}

static gboolean scan_value (Cursor *c, guint depth, gboolean *holds_secret,
                            gboolean *empty);

/* A member's name, from its quote, and what the cutter knows of it (@info is NULL when it
 * cannot remember the name, @uncached then filled); FALSE for a name with an escape. */
static gboolean
scan_name (Cursor    *c,
           NameInfo **info,
           NameInfo  *uncached)
{
  gsize start, end;
  gboolean has_escape;

  if (peek (c) != '"' || !scan_string (c, &start, &end, &has_escape) || has_escape)
    return FALSE;
  *info = lookup_name (c->cutter, c->text + start, end - start, uncached);
  return TRUE;
}

/* Steps into an object or a list, from its bracket; TRUE, past @close, when it is empty. */
static gboolean
open_empty (Cursor   *c,
            char      close,
            gboolean *empty)
{
  c->pos++;
  skip_space (c);
  *empty = peek (c) == close;
  if (*empty)
    c->pos++;
  return *empty;
}

/* The members of a nested object, from its '{'. */
static gboolean
scan_object (Cursor   *c,
             guint     depth,
             gboolean *holds_secret,
             gboolean *empty)
{
  if (open_empty (c, '}', empty))
    return TRUE;

  do
    {
      gboolean member_empty;
      NameInfo uncached;
      NameInfo *info;

      skip_space (c);
      if (!scan_name (c, &info, &uncached))
        return FALSE;
      if ((info != NULL ? info : &uncached)->secret)
        *holds_secret = TRUE;
      if (!expect (c, ':') || !scan_value (c, depth + 1, holds_secret, &member_empty))
        return FALSE;
    }
  while (expect (c, ','));

  return expect (c, '}');
}

/* The elements of a nested array, from its '['. */
static gboolean
scan_array (Cursor   *c,
            guint     depth,
            gboolean *holds_secret,
            gboolean *empty)
{
  if (open_empty (c, ']', empty))
    return TRUE;

  do
    {
      gboolean element_empty;

      if (!scan_value (c, depth + 1, holds_secret, &element_empty))
        return FALSE;
    }
  while (expect (c, ','));

  return expect (c, ']');
}

/* Any value, after optional whitespace. @holds_secret is set when an object in it has a
 * member whose name says it is a secret; @empty says whether it is null, "", [] or {}. */
static gboolean
scan_value (Cursor   *c,
            guint     depth,
            gboolean *holds_secret,
            gboolean *empty)
{
  gsize start, end;
  gboolean has_escape;

  *empty = FALSE;
  if (depth > MAX_DEPTH)
    return FALSE;

  skip_space (c);
  switch (peek (c))
    {
    case '"':
      if (!scan_string (c, &start, &end, &has_escape))
        return FALSE;
      *empty = start == end;
      return TRUE;
    case '{':
      return scan_object (c, depth, holds_secret, empty);
    case '[':
      return scan_array (c, depth, holds_secret, empty);
    case 't':
      return scan_word (c, "true");
    case 'f':
      return scan_word (c, "false");
    case 'n':
      *empty = TRUE;
      return scan_word (c, "null");
    default:
      return scan_number (c);
    }
}

static void
append_member (GString    *out,
               const char *text,
               gsize       start,
               gsize       end)
{
  g_string_append_c (out, out->len == 0 ? '{' : ',');
  g_string_append_len (out, text + start, (gssize) (end - start));
}

/* One member of the element, from its name's quote, into @read_out or @rest_out or neither. */
static gboolean
cut_member (Cursor  *c,
            GString *read_out,
            GString *rest_out)
{
  gsize member_start = c->pos;
  gboolean holds_secret = FALSE, empty;
  NameInfo uncached;
  NameInfo *info;

  /* A name given twice goes whole, as json-glib keeps the last one: a name the cutter cannot
   * remember might be, so it goes whole too. */
  if (!scan_name (c, &info, &uncached) || info == NULL ||
      info->last_element == c->cutter->element)
    return FALSE;
  info->last_element = c->cutter->element;

  if (!expect (c, ':') || !scan_value (c, 1, &holds_secret, &empty))
    return FALSE;

  if (info->read || (holds_secret && !info->secret))
    append_member (read_out, c->text, member_start, c->pos);
  else if (!info->secret && !empty)
    append_member (rest_out, c->text, member_start, c->pos);
  return TRUE;
}

static gboolean
cut_object (Cursor  *c,
            GString *read_out,
            GString *rest_out)
{
  if (!expect (c, '{'))
    return FALSE;

  skip_space (c);
  if (peek (c) != '}')
    {
      do
        {
          skip_space (c);
          if (!cut_member (c, read_out, rest_out))
            return FALSE;
        }
      while (expect (c, ','));
    }

  if (!expect (c, '}'))
    return FALSE;
  skip_space (c);
  return at_end (c);
}

gboolean
ringside_json_cutter_cut (RingsideJsonCutter *self,
                          const char         *text,
                          gsize               length,
                          GString            *read_out,
                          GString            *rest_out)
{
  Cursor cursor = { self, text, length, 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (read_out != NULL && rest_out != NULL, FALSE);

  g_string_truncate (read_out, 0);
  g_string_truncate (rest_out, 0);
  /* 0 means "never met" to the cache. */
  if (++self->element == 0)
    self->element = 1;

  /* Also refuses NUL bytes, which json-glib would stop at. */
  if (length == 0 || !g_utf8_validate_len (text, length, NULL) ||
      !cut_object (&cursor, read_out, rest_out))
    {
      g_string_truncate (read_out, 0);
      g_string_truncate (rest_out, 0);
      return FALSE;
    }

  if (read_out->len == 0)
    g_string_append_c (read_out, '{');
  g_string_append_c (read_out, '}');
  if (rest_out->len > 0)
    g_string_append_c (rest_out, '}');
  return TRUE;
}
