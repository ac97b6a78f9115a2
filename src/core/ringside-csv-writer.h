/* ringside-csv-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Builds an RFC 4180 CSV document in memory: fields holding a comma, a double quote, CR or LF
 * are quoted with inner quotes doubled, rows end with CRLF, and the text is UTF-8 (invalid
 * sequences are replaced). Fields that a spreadsheet would run as a formula (starting with =,
 * +, -, @, tab or CR) get a leading apostrophe, as OWASP recommends for CSV exports. */
typedef struct _RingsideCsvWriter RingsideCsvWriter;

RingsideCsvWriter *ringside_csv_writer_new           (void);
void               ringside_csv_writer_free          (RingsideCsvWriter  *self);

/* Appends one field to the current row; NULL is an empty field. */
void               ringside_csv_writer_add_field     (RingsideCsvWriter  *self,
                                                      const char         *value);
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
