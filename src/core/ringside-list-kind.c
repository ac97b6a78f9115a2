/* ringside-list-kind.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-error.h"
#include "ringside-list-kind.h"

static const char *
lookup_value (const char * const *values,
              const char         *name,
              gsize               name_length)
{
  for (guint i = 0; values != NULL && values[i] != NULL && values[i + 1] != NULL; i += 2)
    {
      if (strlen (values[i]) == name_length && strncmp (values[i], name, name_length) == 0)
        return values[i + 1];
    }

  return NULL;
}

/**
 * ringside_list_kind_expand_path:
 * @kind: a list kind
 * @values: (nullable) (array zero-terminated=1): names and values in turn
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the path to request, or %NULL if a placeholder of
 *   the template has no value (or an empty one: "/accounts//agentGroups" is never meant)
 */
char *
ringside_list_kind_expand_path (const RingsideListKind  *kind,
                                const char * const      *values,
                                GError                 **error)
{
  g_autoptr(GString) path = NULL;
  const char *p;

  g_return_val_if_fail (kind != NULL && kind->path_template != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_string_new (NULL);
  for (p = kind->path_template; *p != '\0'; )
    {
      const char *open = strchr (p, '{');
      const char *close;
      const char *value;

      if (open == NULL)
        {
          g_string_append (path, p);
          break;
        }

      close = strchr (open, '}');
      g_return_val_if_fail (close != NULL, NULL);

      g_string_append_len (path, p, open - p);
      value = lookup_value (values, open + 1, close - open - 1);
      if (value == NULL || value[0] == '\0')
        {
          g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT,
                       "No value for “%.*s” in the %s list's path",
                       (int) (close - open - 1), open + 1, kind->name);
          return NULL;
        }
      g_string_append_uri_escaped (path, value, NULL, FALSE);
      p = close + 1;
    }

  return g_string_free (g_steal_pointer (&path), FALSE);
}

/**
 * ringside_list_kind_page_path:
 *
 * Returns: (transfer full): @path asking for page @page (zero-indexed) of @kind's page size
 */
char *
ringside_list_kind_page_path (const RingsideListKind *kind,
                              const char             *path,
                              guint                   page)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return g_strdup_printf ("%s%cpage=%u&maxRows=%u", path, strchr (path, '?') ? '&' : '?',
                          page, kind->page_size);
}
