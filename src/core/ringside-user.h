/* ringside-user.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ringside-list-kind.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_USER (ringside_user_get_type ())
G_DECLARE_FINAL_TYPE (RingsideUser, ringside_user, RINGSIDE, USER, GObject)

/* Parses one element of GET /voice/api/v1/admin/users and, depth first, every user nested in
 * its "children" member, appending all of them (parent before children) to @out, which holds
 * references. Parent and depth come from the nesting, or from "parentPath"
 * ("2181.2979.2983", the ancestors' user IDs, nearest last) when the list is flat. Roles may
 * be strings or {roleType, description} objects. Users nested more than 64 levels deep are
 * refused. On error nothing is appended.
 *
 * Read-only properties, for views to bind and sort: "user-id", "rc-user-id", "parent-id"
 * (gint64), "user-name", "first-name", "last-name", "full-name", "roles-text" (strings),
 * "enabled", "root-user" (booleans), "depth" (guint), "roles" (GStrv), "creation-date"
 * (GDateTime, nullable), "parent" (RingsideUser, nullable: notified when the list links the
 * user to its parent). */
gboolean      ringside_user_parse_json        (JsonNode      *node,
                                               GPtrArray     *out,
                                               GError       **error);

gint64        ringside_user_get_id            (RingsideUser  *self);
const char   *ringside_user_get_user_name     (RingsideUser  *self);
const char   *ringside_user_get_first_name    (RingsideUser  *self);
const char   *ringside_user_get_last_name     (RingsideUser  *self);
/* "fullName", else first and last name joined, else the user name. */
const char   *ringside_user_get_full_name     (RingsideUser  *self);
gboolean      ringside_user_get_enabled       (RingsideUser  *self);
gboolean      ringside_user_get_root_user     (RingsideUser  *self);
gint64        ringside_user_get_rc_user_id    (RingsideUser  *self);
/* 0 when the user has no parent. */
gint64        ringside_user_get_parent_id     (RingsideUser  *self);
/* The user with the parent ID, once the list holding both linked them (see
 * ringside_users_list_kind); NULL before, or when it is not in the list. Any thread. */
RingsideUser *ringside_user_get_parent        (RingsideUser  *self);
/* Its full name, or NULL. */
const char   *ringside_user_get_parent_name   (RingsideUser  *self);
guint         ringside_user_get_depth         (RingsideUser  *self);
/* The role codes ("MANAGE_USERS"), and their words ("Manage Users"), one for each code. */
const char * const *ringside_user_get_roles   (RingsideUser  *self);
const char * const *ringside_user_get_role_words (RingsideUser *self);
/* "MANAGE_USERS" → "Manage users" */
char         *ringside_user_role_code_to_words (const char *code);
/* The role words joined with ", " for display and export. */
const char   *ringside_user_get_roles_text    (RingsideUser  *self);
/* Nullable. */
GDateTime    *ringside_user_get_creation_date (RingsideUser  *self);

/* The members of the user's JSON the model does not read, secrets left out, as compact JSON
 * text (ringside_json_dup_extra()); NULL when there are none. */
const char   *ringside_user_get_extra_json    (RingsideUser  *self);

/* Collation keys of the casefolded names, made when the user is parsed (in the loader's
 * worker thread): users sort by a name when its keys are compared with strcmp(). */
const char   *ringside_user_get_full_name_sort_key (RingsideUser *self);
const char   *ringside_user_get_user_name_sort_key (RingsideUser *self);
/* The same for the roles text, made when first asked for: call it from one thread only. */
const char   *ringside_user_get_roles_sort_key     (RingsideUser *self);

/* @needle must be casefolded (g_utf8_casefold()); matches anywhere in the full name, user
 * name and IDs, and at the start of a role's words or code ("supervisor" finds "SUPERVISOR",
 * not "MULTI_SUPERVISOR"). */
gboolean      ringside_user_matches           (RingsideUser  *self,
                                               const char    *needle);

/* GET /voice/api/v1/admin/users, flat; users are linked to their parent ("Reports To"). */
extern const RingsideListKind ringside_users_list_kind;

/* Sets the state after a change was applied; on the main thread, once the list is loaded. */
void          ringside_user_set_enabled       (RingsideUser  *self,
                                               gboolean       enabled);

G_END_DECLS
