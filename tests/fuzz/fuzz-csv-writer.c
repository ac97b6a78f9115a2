/* fuzz-csv-writer.c: the CSV export writer.
 *
 * The input is one byte of flags, then cells separated by NUL bytes. Bit n of the flags
 * makes column n numeric (ringside_csv_writer_set_column_numeric()). A cell starting with
 * \x01 starts a new row; after that, a cell starting with \x02 is added with
 * ringside_csv_writer_add_number(), any other with ringside_csv_writer_add_field().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "ringside-csv-writer.h"

#define MAX_INPUT_SIZE (64 * 1024)

typedef struct
{
  char     *value;   /* as given, maybe invalid UTF-8 */
  gboolean  numeric;
} Cell;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->value);
  g_free (cell);
}

/* A strict RFC 4180 reader, written apart from the writer: fields separated by commas, rows
 * ended by CRLF, quoted fields with doubled quotes, nothing else. */
static GPtrArray *
read_csv (const char *text,
          gsize       size)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;
  const char *end = text + size;

  while (p < end)
    {
      if (*p == '"')
        {
          for (p++;; p++)
            {
              g_assert_true (p < end);
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    p++;
                  else
                    break;
                }
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        {
          for (; p < end && *p != ',' && *p != '\r'; p++)
            {
              g_assert_cmpint (*p, !=, '"');
              g_assert_cmpint (*p, !=, '\n');
              g_string_append_c (field, *p);
            }
        }

      g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
      field = g_string_new (NULL);

      g_assert_true (p < end);
      if (*p == ',')
        {
          p++;
          continue;
        }

      g_assert_true (p + 1 < end && p[0] == '\r' && p[1] == '\n');
      p += 2;
      g_ptr_array_add (rows, g_steal_pointer (&row));
      row = g_ptr_array_new_with_free_func (g_free);
    }

  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

/* What a spreadsheet skips before it looks for a formula. */
static gboolean
is_skipped (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      return g_unichar_isspace (c);
    }
}

static gboolean
starts_like_formula (const char *text)
{
  const char *p = text;

  if (*p == '\t' || *p == '\r')
    return TRUE;

  while (*p != '\0' && is_skipped (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return *p != '\0' && strchr ("=+-@", *p) != NULL
         ? TRUE
         : g_str_has_prefix (p, "\xef\xbc\x9d") || g_str_has_prefix (p, "\xef\xbc\x8b")
           || g_str_has_prefix (p, "\xef\xbc\x8d") || g_str_has_prefix (p, "\xef\xbc\xa0");
}

/* A number in decimal notation, all of it, as a spreadsheet reads one. */
static gboolean
is_number (const char *text)
{
  char *end = NULL;

  if (!(g_ascii_isdigit (text[0]) || text[0] == '-' || text[0] == '.'))
    return FALSE;
  if (strpbrk (text, "xXnNiIpP") != NULL)
    return FALSE;

  g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  RingsideCsvWriter *writer;
  const char *text = (const char *) data + 1;
  const char *end = (const char *) data + size;
  const char *csv;
  gsize csv_size;
  guint8 numeric_columns;

  if (size < 1 || size > MAX_INPUT_SIZE)
    return 0;

  expected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  writer = ringside_csv_writer_new ();
  numeric_columns = data[0];
  for (guint i = 0; i < 8; i++)
    if (numeric_columns & (1 << i))
      ringside_csv_writer_set_column_numeric (writer, i, TRUE);

  row = g_ptr_array_new_with_free_func (cell_free);
  while (text < end)
    {
      const char *nul = memchr (text, '\0', end - text);
      gsize length = (nul != NULL ? nul : end) - text;
      g_autofree char *value = g_strndup (text, length);
      const char *field = value;
      Cell *cell;

      text += length + 1;

      if (field[0] == '\x01')
        {
          ringside_csv_writer_end_row (writer);
          g_ptr_array_add (expected, g_steal_pointer (&row));
          row = g_ptr_array_new_with_free_func (cell_free);
          field++;
        }

      cell = g_new0 (Cell, 1);
      if (field[0] == '\x02')
        {
          field++;
          ringside_csv_writer_add_number (writer, field);
          cell->numeric = TRUE;
        }
      else
        {
          ringside_csv_writer_add_field (writer, field);
          cell->numeric = row->len < 8 && (numeric_columns & (1 << row->len)) != 0;
        }
      cell->value = g_strdup (field);
      g_ptr_array_add (row, cell);
    }
  if (row->len > 0)
    g_ptr_array_add (expected, g_steal_pointer (&row));

  g_assert_cmpuint (ringside_csv_writer_get_n_rows (writer), ==,
                    expected->len - (row == NULL ? 1 : 0));

  bytes = ringside_csv_writer_free_to_bytes (writer);
  csv = g_bytes_get_data (bytes, &csv_size);
  g_assert_true (g_utf8_validate (csv, csv_size, NULL));

  read = read_csv (csv, csv_size);
  g_assert_cmpuint (read->len, ==, expected->len);

  for (guint r = 0; r < expected->len; r++)
    {
      GPtrArray *want = g_ptr_array_index (expected, r);
      GPtrArray *got = g_ptr_array_index (read, r);

      /* A row without fields is written as one empty field, not as a blank line. */
      if (want->len == 0)
        {
          g_assert_cmpuint (got->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (got, 0), ==, "");
          continue;
        }

      g_assert_cmpuint (got->len, ==, want->len);
      for (guint c = 0; c < want->len; c++)
        {
          Cell *cell = g_ptr_array_index (want, c);
          const char *back = g_ptr_array_index (got, c);
          g_autofree char *valid = g_utf8_make_valid (cell->value, -1);

          /* Every cell comes back as it was, or with the apostrophe that neutralizes it. */
          if (g_str_equal (back, valid))
            {
              /* No cell reaches a spreadsheet as a formula, but a number in its column. */
              if (starts_like_formula (back))
                {
                  g_assert_true (cell->numeric);
                  g_assert_true (is_number (back));
                }
            }
          else
            {
              g_assert_true (back[0] == '\'');
              g_assert_cmpstr (back + 1, ==, valid);
              g_assert_true (starts_like_formula (valid));
            }
        }
    }

  return 0;
}
