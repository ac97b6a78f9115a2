/* ringside-detail-pane-more.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-detail-pane-private.h"
#include "ringside-json-extra.h"

/* A nested object or list is one line, cut short past this: the row stays compact. */
#define MAX_VALUE_CHARS 240

void
ringside_detail_pane_add_more (AdwPreferencesPage *page,
                               const char         *extra_json)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  GtkWidget *group;

  if (extra_json == NULL)
    return;
  /* Part of it may be as the server wrote it, unparsed until now. */
  object = ringside_json_extra_parse (extra_json, &error);
  if (object == NULL)
    {
      g_message ("Cannot show the rest of the details: %s", error->message);
      return;
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("More"));
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autofree char *label = ringside_json_name_to_words (name);
      g_autofree char *value = ringside_json_value_to_text (member, _("Yes"), _("No"),
                                                            MAX_VALUE_CHARS);

      /* The model already left secrets out; a second look costs nothing. */
      if (ringside_json_is_secret_name (name) || value == NULL || *value == '\0')
        continue;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 ringside_detail_pane_value_row_new (label, value));
    }
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}
