/* fuzz-users.c: GET /voice/api/v1/admin/users, one user and its nested children per array
 * element.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "ringside-user.h"

static gboolean
matches_text (RingsideUser *user,
              const char   *text)
{
  g_autofree char *needle = g_utf8_casefold (text, -1);

  return ringside_user_matches (user, needle);
}

static void
check_user (RingsideUser *user)
{
  const char * const *roles = ringside_user_get_roles (user);
  g_autofree char *roles_text = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ringside_user_get_id (user));

  ringside_fuzz_assert_text (ringside_user_get_user_name (user));
  ringside_fuzz_assert_text (ringside_user_get_first_name (user));
  ringside_fuzz_assert_text (ringside_user_get_last_name (user));
  ringside_fuzz_assert_text (ringside_user_get_full_name (user));

  g_assert_nonnull (roles);
  /* The list shows roles as words (a description, or the code made readable), one per code. */
  g_assert_cmpuint (g_strv_length ((GStrv) ringside_user_get_role_words (user)), ==,
                    g_strv_length ((GStrv) roles));
  roles_text = g_strjoinv (", ", (GStrv) ringside_user_get_role_words (user));
  ringside_fuzz_assert_text (ringside_user_get_roles_text (user));
  g_assert_cmpstr (ringside_user_get_roles_text (user), ==, roles_text);

  /* The search box finds a user by what the list shows of it. */
  g_assert_true (matches_text (user, ringside_user_get_full_name (user)));
  g_assert_true (matches_text (user, ringside_user_get_user_name (user)));
  g_assert_true (matches_text (user, id));

  ringside_user_get_enabled (user);
  ringside_user_get_root_user (user);
  ringside_user_get_rc_user_id (user);
  ringside_user_get_creation_date (user);
  ringside_fuzz_read_properties (G_OBJECT (user));
}

/* Users come depth first, so a nested user's parent is the nearest earlier user one level
 * up; only the first one of an element takes its parent from "parentPath". */
static void
check_hierarchy (GPtrArray *users,
                 guint      first)
{
  for (guint i = first + 1; i < users->len; i++)
    {
      RingsideUser *user = users->pdata[i];
      guint depth = ringside_user_get_depth (user);
      guint parent = i;

      g_assert_cmpuint (depth, >, 0);
      while (parent-- > first)
        if (ringside_user_get_depth (users->pdata[parent]) == depth - 1)
          break;

      g_assert_cmpuint (parent, <, i);
      g_assert_cmpuint (parent, >=, first);
      g_assert_cmpint (ringside_user_get_parent_id (user), ==,
                       ringside_user_get_id (users->pdata[parent]));
    }
}

static void
parse_element (JsonNode  *node,
               GPtrArray *users)
{
  g_autoptr(GError) error = NULL;
  guint first = users->len;
  gboolean ok;

  ok = ringside_user_parse_json (node, users, &error);
  ringside_fuzz_assert_outcome (ok, error);
  if (!ok)
    {
      /* On error nothing is appended. */
      g_assert_cmpuint (users->len, ==, first);
      return;
    }

  g_assert_cmpuint (users->len, >, first);
  for (guint i = first; i < users->len; i++)
    check_user (users->pdata[i]);
  check_hierarchy (users, first);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = ringside_fuzz_parse_json ((const char *) data, size);
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *root;
  JsonArray *array;

  if (parser == NULL || (root = json_parser_get_root (parser)) == NULL)
    return 0;

  /* Anything else than a list is a single element to the parser. */
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      parse_element (root, users);
      return 0;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    parse_element (json_array_get_element (array, i), users);

  return 0;
}
