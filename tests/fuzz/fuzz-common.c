/* fuzz-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "ringside-error.h"

/* Secrets in the seeds carry this; the fuzzer copies it into every other place it mutates. */
#define SECRET_MARKER "SECRET"

/* A warning or a critical from our code or a library is a bug the fuzzer must report, so it
 * aborts; everything else is dropped, because a fuzz target must not print. */
static GLogWriterOutput
fatal_warnings_writer (GLogLevelFlags   log_level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  if ((log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return G_LOG_WRITER_HANDLED;

  g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (fatal_warnings_writer, NULL, NULL);
  return 0;
}

JsonParser *
ringside_fuzz_parse_json (const char *data,
                          gsize       size)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (size > G_MAXSSIZE || !json_parser_load_from_data (parser, data, size, NULL))
    return NULL;
  return g_steal_pointer (&parser);
}

void
ringside_fuzz_assert_outcome (gboolean      ok,
                              const GError *error)
{
  if (ok)
    {
      g_assert_no_error (error);
      return;
    }

  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strstr (error->message, SECRET_MARKER));
}

void
ringside_fuzz_assert_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

void
ringside_fuzz_read_properties (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READABLE) == 0)
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
    }
}
