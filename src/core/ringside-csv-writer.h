/* ringside-csv-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Builds an RFC 4180 CSV document in memory: fields holding a comma, a double quote, CR or LF
 * are quoted with inner quotes doubled, rows end with CRLF, and the text is UTF-8 (invalid
 * sequences are replaced). Fields that a spreadsheet would run as a formula get a leading
 * apostrophe, as OWASP recommends for CSV exports: those starting with =, +, - or @ (or their
 * full-width forms ＝ ＋ － ＠), also after leading whitespace, line breaks, control
 * characters or invisible formatting characters, and those starting with a tab or CR.
 * Numbers are the exception where the caller says a field is one
 * (ringside_csv_writer_add_number(), or a numeric column): a plain decimal number such as
 * -5 or -1.5e3 is written as it is. */
typedef struct _RingsideCsvWriter RingsideCsvWriter;

RingsideCsvWriter *ringside_csv_writer_new           (void);
void               ringside_csv_writer_free          (RingsideCsvWriter  *self);

/* Appends one field to the current row; NULL is an empty field. */
void               ringside_csv_writer_add_field     (RingsideCsvWriter  *self,
                                                      const char         *value);
/* Appends a field that holds a number: written as it is when it is a plain decimal number
 * (-?(D+(.D*)?|.D+)([eE][+-]?D+)?, nothing around it), else like any other field. */
void               ringside_csv_writer_add_number    (RingsideCsvWriter  *self,
                                                      const char         *value);
/* Makes ringside_csv_writer_add_field() treat the fields of @column (0-based) as numbers. */
void               ringside_csv_writer_set_column_numeric (RingsideCsvWriter *self,
                                                           guint              column,
                                                           gboolean           numeric);
void               ringside_csv_writer_end_row       (RingsideCsvWriter  *self);
/* Appends a whole row from the NULL-terminated @fields. */
void               ringside_csv_writer_add_row       (RingsideCsvWriter  *self,
                                                      const char * const *fields);

/* Rows ended so far. */
guint              ringside_csv_writer_get_n_rows    (RingsideCsvWriter  *self);

/* Ends a row still open, frees @self and returns the document. */
GBytes            *ringside_csv_writer_free_to_bytes (RingsideCsvWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RingsideCsvWriter, ringside_csv_writer_free)

G_END_DECLS
