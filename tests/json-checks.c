/* json-checks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "json-checks.h"
#include "ringside-json-extra.h"

gboolean
json_check_holds_secret (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        if (ringside_json_is_secret_name (name) || json_check_holds_secret (member))
          return TRUE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (json_check_holds_secret (json_array_get_element (array, i)))
          return TRUE;
    }
  return FALSE;
}

gboolean
json_check_is_empty (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_size (json_node_get_object (node)) == 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) == 0;
  return json_node_get_value_type (node) == G_TYPE_STRING &&
         *json_node_get_string (node) == '\0';
}
