/* test-csv-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-csv-writer.h"
#include "ringside-test-utils.h"

static char *
finish (RingsideCsvWriter *writer)
{
  g_autoptr(GBytes) bytes = ringside_csv_writer_free_to_bytes (writer);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static char *
write_rows (const char * const *first_row,
            ...)
{
  RingsideCsvWriter *writer = ringside_csv_writer_new ();
  const char * const *row = first_row;
  va_list args;

  va_start (args, first_row);
  while (row != NULL)
    {
      ringside_csv_writer_add_row (writer, row);
      row = va_arg (args, const char * const *);
    }
  va_end (args);

  return finish (writer);
}

static void
test_plain_rows (void)
{
  const char *header[] = { "Name", "ID", "Enabled", NULL };
  const char *row[] = { "Ada Lovelace", "1815", "Yes", NULL };
  g_autofree char *csv = write_rows (header, row, NULL);

  g_assert_cmpstr (csv, ==, "Name,ID,Enabled\r\nAda Lovelace,1815,Yes\r\n");
}

static void
test_quoting (void)
{
  const char *row[] = {
    "Smith, John", "say \"hi\"", "two\nlines", "cr\rhere", "crlf\r\n", NULL
  };
  g_autofree char *csv = write_rows (row, NULL);

  g_assert_cmpstr (csv, ==,
                   "\"Smith, John\",\"say \"\"hi\"\"\",\"two\nlines\","
                   "\"cr\rhere\",\"crlf\r\n\"\r\n");
}

static void
test_empty_fields (void)
{
  RingsideCsvWriter *writer = ringside_csv_writer_new ();
  g_autofree char *csv = NULL;

  ringside_csv_writer_add_field (writer, "a");
  ringside_csv_writer_add_field (writer, NULL);
  ringside_csv_writer_add_field (writer, "");
  ringside_csv_writer_end_row (writer);
  /* A lone empty field must not look like a blank line. */
  ringside_csv_writer_add_field (writer, NULL);
  ringside_csv_writer_end_row (writer);
  ringside_csv_writer_add_field (writer, "");
  ringside_csv_writer_add_field (writer, "");
  ringside_csv_writer_end_row (writer);
  g_assert_cmpuint (ringside_csv_writer_get_n_rows (writer), ==, 3);

  csv = finish (writer);
  g_assert_cmpstr (csv, ==, "a,,\r\n\"\"\r\n,\r\n");
}

static void
test_open_row_is_ended (void)
{
  RingsideCsvWriter *writer = ringside_csv_writer_new ();
  g_autofree char *csv = NULL;

  ringside_csv_writer_add_field (writer, "x");
  ringside_csv_writer_add_field (writer, "y");
  g_assert_cmpuint (ringside_csv_writer_get_n_rows (writer), ==, 0);

  csv = finish (writer);
  g_assert_cmpstr (csv, ==, "x,y\r\n");
}

static void
test_nothing_written (void)
{
  g_autofree char *csv = finish (ringside_csv_writer_new ());

  g_assert_cmpstr (csv, ==, "");
}

static void
test_formula_injection (void)
{
  const struct {
    const char *field;
    const char *written;
  } cases[] = {
    { "=1+2", "'=1+2" },
    { "+15551234567", "'+15551234567" },
    { "-2", "'-2" },
    { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
    { "\tcmd", "'\tcmd" },
    { "\r=cmd", "\"'\r=cmd\"" },
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    /* Only the first character counts. */
    { "a=b", "a=b" },
    { "x-1", "x-1" },
    { "'quoted", "'quoted" },
    { "-", "'-" },
    /* Spreadsheets skip leading whitespace and line breaks before they look for a formula. */
    { " =1", "' =1" },
    { "   +1", "'   +1" },
    { "\n=cmd", "\"'\n=cmd\"" },
    { "\r\n@x", "\"'\r\n@x\"" },
    { " \t -1", "' \t -1" },
    { "\v=1", "'\v=1" },
    { "\f=1", "'\f=1" },
    { "\xc2\xa0=1", "'\xc2\xa0=1" },             /* NO-BREAK SPACE */
    { "\xe3\x80\x80=1", "'\xe3\x80\x80=1" },     /* IDEOGRAPHIC SPACE */
    { "\xe2\x80\xa8=1", "'\xe2\x80\xa8=1" },     /* LINE SEPARATOR */
    { "\xe2\x80\x8b=1", "'\xe2\x80\x8b=1" },     /* ZERO WIDTH SPACE */
    { "\xef\xbb\xbf=1", "'\xef\xbb\xbf=1" },     /* BYTE ORDER MARK */
    /* The full-width forms, which some spreadsheets fold into the ASCII ones. */
    { "\xef\xbc\x9d" "1+2", "'\xef\xbc\x9d" "1+2" },   /* ＝ */
    { "\xef\xbc\x8b" "1", "'\xef\xbc\x8b" "1" },       /* ＋ */
    { "\xef\xbc\x8d" "1", "'\xef\xbc\x8d" "1" },       /* － */
    { "\xef\xbc\xa0" "SUM(A1)", "'\xef\xbc\xa0" "SUM(A1)" }, /* ＠ */
    { " \xef\xbc\x9d" "1", "' \xef\xbc\x9d" "1" },
    /* Whitespace before anything else is only text. */
    { " hello", " hello" },
    { "\nhello", "\"\nhello\"" },
    { "\xc2\xa0" "1", "\xc2\xa0" "1" },
    { "\xef\xbc\x91", "\xef\xbc\x91" },         /* FULLWIDTH DIGIT ONE */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RingsideCsvWriter *writer = ringside_csv_writer_new ();
      g_autofree char *csv = NULL;
      g_autofree char *expected = g_strconcat (cases[i].written, "\r\n", NULL);

      ringside_csv_writer_add_field (writer, cases[i].field);
      csv = finish (writer);
      g_assert_cmpstr (csv, ==, expected);
    }
}

static void
test_numbers (void)
{
  const struct {
    const char *field;
    const char *written;
  } cases[] = {
    { "-5", "-5" },
    { "5", "5" },
    { "-1.25", "-1.25" },
    { "-.5", "-.5" },
    { "-5.", "-5." },
    { "-1.5e3", "-1.5e3" },
    { "-1E-3", "-1E-3" },
    { "0", "0" },
    { "", "" },
    { NULL, "" },
    /* What is not a number all along is text, neutralized as usual. */
    { "-", "'-" },
    { "-5 ", "'-5 " },
    { " -5", "' -5" },
    { "--5", "'--5" },
    { "-e5", "'-e5" },
    { "-1e", "'-1e" },
    { "-1e+", "'-1e+" },
    { "+5", "'+5" },
    { "-1+2", "'-1+2" },
    { "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0" },
    { "-inf", "'-inf" },
    { "-nan", "'-nan" },
    { "-0x1A", "'-0x1A" },
    { "=1", "'=1" },
    { "1,234", "\"1,234\"" },
    { "\xef\xbc\x8d" "5", "'\xef\xbc\x8d" "5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RingsideCsvWriter *writer = ringside_csv_writer_new ();
      g_autofree char *csv = NULL;
      g_autofree char *expected = g_strconcat (cases[i].written[0] != '\0'
                                               ? cases[i].written : "\"\"", "\r\n", NULL);

      g_test_message ("%s", cases[i].field);
      ringside_csv_writer_add_number (writer, cases[i].field);
      csv = finish (writer);
      g_assert_cmpstr (csv, ==, expected);
    }
}

static void
test_numeric_columns (void)
{
  RingsideCsvWriter *writer = ringside_csv_writer_new ();
  g_autofree char *csv = NULL;

  /* The second and fourth columns hold numbers; the header row is text that passes. */
  ringside_csv_writer_set_column_numeric (writer, 1, TRUE);
  ringside_csv_writer_set_column_numeric (writer, 3, TRUE);
  ringside_csv_writer_set_column_numeric (writer, 2, FALSE);
  ringside_csv_writer_add_row (writer, (const char *[]) { "Name", "Balance", "Note", "Delta",
                                                          "Other", NULL });
  ringside_csv_writer_add_row (writer, (const char *[]) { "-5", "-5", "-5", "=1", "-5",
                                                          NULL });
  /* Text is still text, the numbers added as numbers anywhere. */
  ringside_csv_writer_add_field (writer, "-1");
  ringside_csv_writer_add_number (writer, "-2");
  ringside_csv_writer_end_row (writer);
  ringside_csv_writer_set_column_numeric (writer, 1, FALSE);
  ringside_csv_writer_add_row (writer, (const char *[]) { "x", "-5", NULL });

  csv = finish (writer);
  g_assert_cmpstr (csv, ==,
                   "Name,Balance,Note,Delta,Other\r\n"
                   "'-5,-5,'-5,'=1,'-5\r\n"
                   "'-1,-2\r\n"
                   "x,'-5\r\n");
}

static void
test_utf8 (void)
{
  const char *row[] = { "José Müller", "東京", "\xff\xfe" "bad", NULL };
  g_autofree char *csv = write_rows (row, NULL);

  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_true (g_str_has_prefix (csv, "José Müller,東京,"));
  /* Invalid bytes become U+FFFD REPLACEMENT CHARACTER, never raw bytes. */
  g_assert_nonnull (strstr (csv, "\xef\xbf\xbd"));
  g_assert_true (g_str_has_suffix (csv, "bad\r\n"));
}

static void
test_round_trip (void)
{
  const char *fields[] = {
    "plain", "", "with, comma", "\"", "\"\"", "a \"quoted\" word", "line\r\nbreak", "\n",
    ",", "trailing space ", "ünïcödé", "'already", "=SUM(1)", " leading space",
  };
  RingsideCsvWriter *writer = ringside_csv_writer_new ();
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  /* Each field alone, and all of them in one row. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      ringside_csv_writer_add_field (writer, fields[i]);
      ringside_csv_writer_end_row (writer);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    ringside_csv_writer_add_field (writer, fields[i]);
  ringside_csv_writer_end_row (writer);

  csv = finish (writer);
  rows = ringside_test_parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (fields) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      char **single = g_ptr_array_index (rows, i);
      char **all = g_ptr_array_index (rows, G_N_ELEMENTS (fields));
      const char *expected = fields[i][0] == '=' ? "'=SUM(1)" : fields[i];

      g_assert_cmpuint (g_strv_length (single), ==, 1);
      g_assert_cmpstr (single[0], ==, expected);
      g_assert_cmpstr (all[i], ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-writer/plain-rows", test_plain_rows);
  g_test_add_func ("/csv-writer/quoting", test_quoting);
  g_test_add_func ("/csv-writer/empty-fields", test_empty_fields);
  g_test_add_func ("/csv-writer/open-row-is-ended", test_open_row_is_ended);
  g_test_add_func ("/csv-writer/nothing-written", test_nothing_written);
  g_test_add_func ("/csv-writer/formula-injection", test_formula_injection);
  g_test_add_func ("/csv-writer/numbers", test_numbers);
  g_test_add_func ("/csv-writer/numeric-columns", test_numeric_columns);
  g_test_add_func ("/csv-writer/utf8", test_utf8);
  g_test_add_func ("/csv-writer/round-trip", test_round_trip);

  return g_test_run ();
}
