/* ringside-csv-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-csv-writer.h"

struct _RingsideCsvWriter
{
  GString *buffer;
  gsize    row_start;        /* offset of the row being built */
  guint    n_rows;
  guint    n_fields;         /* in the row being built */
  GArray  *numeric_columns;  /* of gboolean, by column; NULL when there is none */
};

RingsideCsvWriter *
ringside_csv_writer_new (void)
{
  RingsideCsvWriter *self = g_new0 (RingsideCsvWriter, 1);

  self->buffer = g_string_new (NULL);
  return self;
}

void
ringside_csv_writer_free (RingsideCsvWriter *self)
{
  if (self == NULL)
    return;

  if (self->buffer != NULL)
    g_string_free (self->buffer, TRUE);
  g_clear_pointer (&self->numeric_columns, g_array_unref);
  g_free (self);
}

static gboolean
is_formula_char (gunichar c)
{
  switch (c)
    {
    case '=':
    case '+':
    case '-':
    case '@':
    case 0xFF1D: /* FULLWIDTH EQUALS SIGN */
    case 0xFF0B: /* FULLWIDTH PLUS SIGN */
    case 0xFF0D: /* FULLWIDTH HYPHEN-MINUS */
    case 0xFF20: /* FULLWIDTH COMMERCIAL AT */
      return TRUE;

    default:
      return FALSE;
    }
}

/* Spreadsheets run a cell starting with one of = + - @ as a formula, even from a CSV file,
 * and some trim leading spaces and line breaks first or fold full-width forms: so does this.
 * A leading tab or CR counts by itself (OWASP); control characters (VT...) and invisible
 * formatting (U+200B, U+FEFF...) are skipped like spaces. @value is valid UTF-8. */
static gboolean
starts_like_formula (const char *value)
{
  if (value[0] == '\t' || value[0] == '\r')
    return TRUE;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c)
          || g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
      return is_formula_char (c);
    }

  return FALSE;
}

/* A plain decimal number a spreadsheet reads as one: -?(D+(.D*)?|.D+)([eE][+-]?D+)?, with
 * nothing around it. */
static gboolean
is_plain_number (const char *value)
{
  const char *p = value;
  gboolean digits = FALSE;

  if (*p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return FALSE;

  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  return *p == '\0';
}

static gboolean
ringside_csv_writer_column_is_numeric (RingsideCsvWriter *self,
                                       guint              column)
{
  return self->numeric_columns != NULL
         && column < self->numeric_columns->len
         && g_array_index (self->numeric_columns, gboolean, column);
}

static void
append_quoted (GString    *buffer,
               const char *value)
{
  g_string_append_c (buffer, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (buffer, '"');
      g_string_append_c (buffer, *p);
    }
  g_string_append_c (buffer, '"');
}

static void
ringside_csv_writer_append (RingsideCsvWriter *self,
                            const char        *value,
                            gboolean           numeric)
{
  g_autofree char *valid = NULL;
  g_autofree char *neutralized = NULL;

  if (self->n_fields++ > 0)
    g_string_append_c (self->buffer, ',');

  if (value == NULL || value[0] == '\0')
    return;

  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  if (!(numeric && is_plain_number (value)) && starts_like_formula (value))
    value = neutralized = g_strconcat ("'", value, NULL);

  if (strpbrk (value, ",\"\r\n") != NULL)
    append_quoted (self->buffer, value);
  else
    g_string_append (self->buffer, value);
}

void
ringside_csv_writer_add_field (RingsideCsvWriter *self,
                               const char        *value)
{
  g_return_if_fail (self != NULL);

  ringside_csv_writer_append (self, value,
                              ringside_csv_writer_column_is_numeric (self, self->n_fields));
}

void
ringside_csv_writer_add_number (RingsideCsvWriter *self,
                                const char        *value)
{
  g_return_if_fail (self != NULL);

  ringside_csv_writer_append (self, value, TRUE);
}

void
ringside_csv_writer_set_column_numeric (RingsideCsvWriter *self,
                                        guint              column,
                                        gboolean           numeric)
{
  g_return_if_fail (self != NULL);

  if (self->numeric_columns == NULL)
    self->numeric_columns = g_array_new (FALSE, TRUE, sizeof (gboolean));
  if (column >= self->numeric_columns->len)
    g_array_set_size (self->numeric_columns, column + 1);
  g_array_index (self->numeric_columns, gboolean, column) = numeric;
}

void
ringside_csv_writer_end_row (RingsideCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  /* A row of one empty field would read as a blank line, which readers skip. */
  if (self->buffer->len == self->row_start)
    g_string_append (self->buffer, "\"\"");

  g_string_append (self->buffer, "\r\n");
  self->row_start = self->buffer->len;
  self->n_rows++;
  self->n_fields = 0;
}

void
ringside_csv_writer_add_row (RingsideCsvWriter  *self,
                             const char * const *fields)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (fields != NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    ringside_csv_writer_add_field (self, fields[i]);
  ringside_csv_writer_end_row (self);
}

guint
ringside_csv_writer_get_n_rows (RingsideCsvWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

GBytes *
ringside_csv_writer_free_to_bytes (RingsideCsvWriter *self)
{
  GBytes *bytes;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->n_fields > 0)
    ringside_csv_writer_end_row (self);

  bytes = g_string_free_to_bytes (g_steal_pointer (&self->buffer));
  ringside_csv_writer_free (self);
  return bytes;
}
