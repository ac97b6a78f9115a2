/* json-checks.h: what the JSON cutter's test and its fuzz target check in json-glib's trees.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Whether a member named so, at any depth of @node, is a secret. */
gboolean json_check_holds_secret (JsonNode *node);
/* null, "", [] or {} */
gboolean json_check_is_empty     (JsonNode *node);

G_END_DECLS
