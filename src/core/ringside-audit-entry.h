/* ringside-audit-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RINGSIDE_TYPE_AUDIT_ENTRY (ringside_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (RingsideAuditEntry, ringside_audit_entry, RINGSIDE, AUDIT_ENTRY, GObject)

/* One entry of RingCX's audit log (PUT /voice/api/v1/admin/auditLogs/search): who changed
 * what and when.
 *
 * Only what the History view shows is read. "fullJson" (the admin's whole record) and
 * "affectedEntityJson" (a created or deleted object, passwords and PINs included) are never
 * read, and the values of attributes whose names say they are secrets (password, PIN,
 * token, key…) are shown as "•••".
 *
 * Read-only properties, for views to bind: "id" (string), "time" (GDateTime, local),
 * "who" (string: the admin's first and last name, else their user name; may be empty),
 * "who-user-name" (string, nullable: the admin's e-mail), "action" (string: "CREATE",
 * "UPDATE" or "DELETE" as RingCX says it), "object-class" (string: the last part of
 * "auditedClass", "Agent", "Gate", "Campaign", "User"…), "object-id",
 * "object-description" (strings, nullable), "account-id" (string, nullable), and
 * "changes-text" (string: one line per changed attribute, "isActive: true → false"; empty
 * when RingCX lists none). */

/* NULL with an error when @node is not an object. */
RingsideAuditEntry *ringside_audit_entry_new_from_json   (JsonNode            *node,
                                                          GError             **error);

const char         *ringside_audit_entry_get_id              (RingsideAuditEntry *self);
GDateTime          *ringside_audit_entry_get_time            (RingsideAuditEntry *self);
const char         *ringside_audit_entry_get_who             (RingsideAuditEntry *self);
const char         *ringside_audit_entry_get_who_user_name   (RingsideAuditEntry *self);
const char         *ringside_audit_entry_get_action          (RingsideAuditEntry *self);
const char         *ringside_audit_entry_get_object_class    (RingsideAuditEntry *self);
const char         *ringside_audit_entry_get_object_id       (RingsideAuditEntry *self);
const char         *ringside_audit_entry_get_object_description (RingsideAuditEntry *self);
const char         *ringside_audit_entry_get_account_id      (RingsideAuditEntry *self);
const char         *ringside_audit_entry_get_changes_text    (RingsideAuditEntry *self);
/* The changed attributes in RingCX's order: three parallel arrays (name, old, new) of
 * texts as shown; NULL-terminated. */
const char * const *ringside_audit_entry_get_attribute_names (RingsideAuditEntry *self);
const char * const *ringside_audit_entry_get_old_values      (RingsideAuditEntry *self);
const char * const *ringside_audit_entry_get_new_values      (RingsideAuditEntry *self);

/* @needle must be casefolded (g_utf8_casefold()): matches who, the object and the changes,
 * for the History view's search. */
gboolean            ringside_audit_entry_matches         (RingsideAuditEntry  *self,
                                                          const char          *needle);

G_END_DECLS
