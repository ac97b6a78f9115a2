/* ringside-account.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ringside-list-kind.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_ACCOUNT (ringside_account_get_type ())
G_DECLARE_FINAL_TYPE (RingsideAccount, ringside_account, RINGSIDE, ACCOUNT, GObject)

/* One element of GET /voice/api/v1/admin/accounts. Unknown members are ignored, missing ones
 * defaulted ("" for text), members of the wrong type rejected with RINGSIDE_ERROR_BAD_RESPONSE
 * and a reason naming the member. IDs may be text or numbers; dates ISO 8601 text,
 * milliseconds since 1970 or {"millis": ...}. Secrets the API carries (crmPwd, ftpPwd,
 * securityKey, ...) are never read.
 *
 * Read-only properties, for views to bind and sort: "account-id", "name", "main-account-id",
 * "main-account-name" (strings), "is-main", "archived" (booleans), "start-date", "end-date"
 * (GDateTime, nullable). */
RingsideAccount *ringside_account_new_from_json      (JsonNode        *node,
                                                      GError         **error);

const char      *ringside_account_get_id             (RingsideAccount *self);
const char      *ringside_account_get_name           (RingsideAccount *self);
const char      *ringside_account_get_main_account_id   (RingsideAccount *self);
const char      *ringside_account_get_main_account_name (RingsideAccount *self);
gboolean         ringside_account_get_is_main        (RingsideAccount *self);
gboolean         ringside_account_get_archived       (RingsideAccount *self);
/* Nullable. */
GDateTime       *ringside_account_get_start_date     (RingsideAccount *self);
GDateTime       *ringside_account_get_end_date       (RingsideAccount *self);

/* @needle must be casefolded (g_utf8_casefold()); matches name, ID and main account name. */
gboolean         ringside_account_matches            (RingsideAccount *self,
                                                      const char      *needle);

/* GET /voice/api/v1/admin/accounts. */
extern const RingsideListKind ringside_accounts_list_kind;

G_END_DECLS
