/* ringside-json-splitter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-error.h"
#include "ringside-json-splitter.h"

/* Far above any real account or user (a few KiB), low enough that a broken or hostile body
 * cannot make us buffer without bound. */
#define MAX_ELEMENT_SIZE (64 * 1024 * 1024)
/* json-glib parses recursively: keep what reaches it shallow enough for a thread's stack. */
#define MAX_DEPTH 512

typedef enum
{
  STATE_BEFORE_ARRAY,   /* a byte-order mark and whitespace, then '[' */
  STATE_ARRAY_START,    /* after '[': the first element or ']' */
  STATE_ELEMENT_START,  /* after ',': an element */
  STATE_IN_ELEMENT,     /* inside an element, see depth, in_string and escaped */
  STATE_AFTER_ELEMENT,  /* ',' or ']' */
  STATE_DONE,           /* after ']': only whitespace may follow */
  STATE_FAILED,
} State;

struct _RingsideJsonSplitter
{
  State       state;
  guint       bom_matched;  /* bytes of a UTF-8 byte-order mark seen at the very start */

  /* The element being cut. */
  GByteArray *element;
  guint       depth;        /* open brackets and braces */
  gboolean    in_string;
  gboolean    escaped;      /* the previous byte in the string was a backslash */

  guint64     offset;       /* bytes fed so far, for error messages */
};

static const guchar utf8_bom[] = { 0xEF, 0xBB, 0xBF };

RingsideJsonSplitter *
ringside_json_splitter_new (void)
{
  RingsideJsonSplitter *self = g_new0 (RingsideJsonSplitter, 1);

  self->state = STATE_BEFORE_ARRAY;
  self->element = g_byte_array_new ();
  return self;
}

void
ringside_json_splitter_free (RingsideJsonSplitter *self)
{
  if (self == NULL)
    return;

  g_byte_array_unref (self->element);
  g_free (self);
}

static gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
fail (RingsideJsonSplitter  *self,
      GError               **error,
      const char            *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (RingsideJsonSplitter  *self,
      GError               **error,
      const char            *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  self->state = STATE_FAILED;
  g_byte_array_set_size (self->element, 0);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE, message);
  return FALSE;
}

/* Says what the body looks like instead of a list, in words an administrator understands. */
static gboolean
fail_not_a_list (RingsideJsonSplitter  *self,
                 guchar                 first,
                 GError               **error)
{
  if (first == '<')
    return fail (self, error, "The response is a web page, not a list");
  if (first == '{')
    return fail (self, error, "The response is a single JSON object, not a list");
  return fail (self, error, "The response is not a JSON list");
}

static gboolean
fail_malformed (RingsideJsonSplitter  *self,
                guint64                position,
                GError               **error)
{
  return fail (self, error, "The list is malformed near byte %" G_GUINT64_FORMAT, position);
}

/* Copies data[start, end) into the element being cut. */
static gboolean
append_to_element (RingsideJsonSplitter  *self,
                   const char            *data,
                   gsize                  start,
                   gsize                  end,
                   GError               **error)
{
  if (end - start > MAX_ELEMENT_SIZE - self->element->len)
    return fail (self, error, "An element of the list is larger than %u MiB",
                 MAX_ELEMENT_SIZE / (1024 * 1024));

  g_byte_array_append (self->element, (const guint8 *) data + start, end - start);
  return TRUE;
}

static void
emit_element (RingsideJsonSplitter *self,
              GPtrArray            *elements)
{
  GByteArray *done = g_steal_pointer (&self->element);

  self->element = g_byte_array_new ();
  g_ptr_array_add (elements, g_byte_array_free_to_bytes (done));
  self->state = STATE_AFTER_ELEMENT;
}

static void
begin_element (RingsideJsonSplitter *self)
{
  self->state = STATE_IN_ELEMENT;
  self->depth = 0;
  self->in_string = FALSE;
  self->escaped = FALSE;
}

static gboolean
bom_incomplete (RingsideJsonSplitter *self)
{
  return self->bom_matched != 0 && self->bom_matched < G_N_ELEMENTS (utf8_bom);
}

/* Skips to the next byte that matters inside a string: a quote or a backslash. */
static gsize
skip_string_body (const char *data,
                  gsize       i,
                  gsize       length)
{
  while (i < length && data[i] != '"' && data[i] != '\\')
    i++;
  return i;
}

gboolean
ringside_json_splitter_feed (RingsideJsonSplitter  *self,
                             const char            *data,
                             gsize                  length,
                             GPtrArray             *elements,
                             GError               **error)
{
  /* Where the current element starts in @data, when it is being cut. */
  gsize start = 0;
  gsize i = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (elements != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->state == STATE_FAILED)
    return fail (self, error, "The list could not be read");

  while (i < length)
    {
      guchar c = (guchar) data[i];
      guint64 position = self->offset + i;

      switch (self->state)
        {
        case STATE_BEFORE_ARRAY:
          if (position < G_N_ELEMENTS (utf8_bom) && position == self->bom_matched &&
              c == utf8_bom[position])
            {
              self->bom_matched++;
              break;
            }
          if (bom_incomplete (self))
            return fail_not_a_list (self, c, error);
          if (is_space (c))
            break;
          if (c != '[')
            return fail_not_a_list (self, c, error);
          self->state = STATE_ARRAY_START;
          break;

        case STATE_ARRAY_START:
        case STATE_ELEMENT_START:
          if (is_space (c))
            break;
          if (c == ']' && self->state == STATE_ARRAY_START)
            {
              self->state = STATE_DONE;
              break;
            }
          if (c == ',' || c == ']' || c == '}')
            return fail_malformed (self, position, error);
          begin_element (self);
          start = i;
          continue;  /* look at this byte again as part of the element */

        case STATE_IN_ELEMENT:
          if (self->in_string)
            {
              if (self->escaped)
                self->escaped = FALSE;
              else if (c == '\\')
                self->escaped = TRUE;
              else if (c == '"')
                {
                  self->in_string = FALSE;
                  if (self->depth == 0)
                    {
                      /* A string was the whole element. */
                      if (!append_to_element (self, data, start, i + 1, error))
                        return FALSE;
                      emit_element (self, elements);
                    }
                }
              else
                {
                  i = skip_string_body (data, i, length);
                  continue;
                }
              break;
            }

          if (c == '"')
            self->in_string = TRUE;
          else if (c == '[' || c == '{')
            {
              if (self->depth == MAX_DEPTH)
                return fail (self, error, "An element of the list is nested too deeply");
              self->depth++;
            }
          else if (c == ']' || c == '}')
            {
              if (self->depth == 0)
                {
                  /* The ']' closing the list ends a bare number, true, false or null. */
                  if (!append_to_element (self, data, start, i, error))
                    return FALSE;
                  emit_element (self, elements);
                  continue;
                }
              if (--self->depth == 0)
                {
                  if (!append_to_element (self, data, start, i + 1, error))
                    return FALSE;
                  emit_element (self, elements);
                }
            }
          else if (self->depth == 0 && (c == ',' || is_space (c)))
            {
              if (!append_to_element (self, data, start, i, error))
                return FALSE;
              emit_element (self, elements);
              continue;
            }
          break;

        case STATE_AFTER_ELEMENT:
          if (is_space (c))
            break;
          if (c == ',')
            self->state = STATE_ELEMENT_START;
          else if (c == ']')
            self->state = STATE_DONE;
          else
            return fail_malformed (self, position, error);
          break;

        case STATE_DONE:
          if (!is_space (c))
            return fail (self, error, "The response has unexpected data after the list");
          break;

        case STATE_FAILED:
        default:
          g_assert_not_reached ();
        }

      i++;
    }

  if (self->state == STATE_IN_ELEMENT && !append_to_element (self, data, start, length, error))
    return FALSE;

  self->offset += length;
  return TRUE;
}

gboolean
ringside_json_splitter_finish (RingsideJsonSplitter  *self,
                               GError               **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (self->state)
    {
    case STATE_DONE:
      return TRUE;

    case STATE_BEFORE_ARRAY:
      if (bom_incomplete (self))
        return fail (self, error, "The response is not a JSON list");
      return fail (self, error, "The response is empty, not a list");

    case STATE_ARRAY_START:
    case STATE_ELEMENT_START:
    case STATE_IN_ELEMENT:
    case STATE_AFTER_ELEMENT:
      return fail (self, error, "The response ended before the list was complete");

    case STATE_FAILED:
    default:
      return fail (self, error, "The list could not be read");
    }
}
