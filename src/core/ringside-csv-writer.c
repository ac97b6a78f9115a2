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
  gsize    row_start;  /* offset of the row being built */
  guint    n_rows;
  guint    n_fields;   /* in the row being built */
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

  g_string_free (self->buffer, TRUE);
  g_free (self);
}

/* Spreadsheets run a cell starting with one of these as a formula, even from a CSV file. */
static gboolean
starts_like_formula (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
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

void
ringside_csv_writer_add_field (RingsideCsvWriter *self,
                               const char        *value)
{
  g_autofree char *valid = NULL;
  g_autofree char *neutralized = NULL;

  g_return_if_fail (self != NULL);

  if (self->n_fields++ > 0)
    g_string_append_c (self->buffer, ',');

  if (value == NULL || value[0] == '\0')
    return;

  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  if (starts_like_formula (value))
    value = neutralized = g_strconcat ("'", value, NULL);

  if (strpbrk (value, ",\"\r\n") != NULL)
    append_quoted (self->buffer, value);
  else
    g_string_append (self->buffer, value);
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
  g_free (self);
  return bytes;
}
