/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ringside-application.h"

/* Started straight from a build directory (build/src/ringside), the settings schema is not
 * installed: the one meson compiled into build/data is used instead. Anywhere else, a
 * missing schema is said in one line rather than by GLib's abort. Runs before anything
 * reads a setting: GLib looks at GSETTINGS_SCHEMA_DIR only once. */
static gboolean
find_settings_schema (void)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    {
      g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *program_dir = program != NULL ? g_path_get_dirname (program) : NULL;
      g_autofree char *build_data = program_dir != NULL
                                    ? g_build_filename (program_dir, "..", "data", NULL)
                                    : NULL;
      g_autofree char *compiled = build_data != NULL
                                  ? g_build_filename (build_data, "gschemas.compiled", NULL)
                                  : NULL;

      if (compiled != NULL && g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
        g_setenv ("GSETTINGS_SCHEMA_DIR", build_data, TRUE);
    }

  /* NULL when no schema at all is installed */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_APPLICATION_ID, TRUE);
  if (schema != NULL)
    return TRUE;

  /* Translators: the command in backquotes is not translated */
  g_printerr (_("Ringside cannot start: its settings are not installed. Run "
                "`meson install -C build` first.\n"));
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RingsideApplication) app = NULL;

  /* Before anything translates: the option descriptions are built with the application. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!find_settings_schema ())
    return 1;

  app = ringside_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
