/* ringside-demo-accounts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-demo-server-private.h"

/* GET /voice/api/v1/admin/accounts: the main account and its sub-accounts, with the secrets
 * (crmPwd, ftpPwd, securityKey) that a client must never show. */

#define PATH_ACCOUNTS "/voice/api/v1/admin/accounts"

/* Real tenants name sub-accounts freely: punctuation and quotes included. */
static const char * const sub_account_names[] = {
  "Technical Support", "Billing & Payments", "Customer Care — Español", "Retention",
  "Outbound Renewals", "Onboarding", "Escalations \"Tier 2\"", "After Hours", "Partner Desk",
  "Collections", "VIP Care", "Chat & Messaging", "Field Service Dispatch",
  "Returns & Exchanges", "Quality Assurance", "Training Sandbox",
};

char *
ringside_demo_accounts_get_name (guint index)
{
  guint n_names = G_N_ELEMENTS (sub_account_names);
  guint round;

  if (index == 0)
    return g_strdup (MAIN_ACCOUNT_NAME);

  round = (index - 1) / n_names;
  if (round == 0)
    return g_strdup (sub_account_names[index - 1]);

  return g_strdup_printf ("%s %u", sub_account_names[(index - 1) % n_names], round + 1);
}

static void
append_main_account (GString *out)
{
  ringside_demo_json_member (out, "mainAccount");
  g_string_append_c (out, '{');
  ringside_demo_json_member_string (out, "mainAccountId", MAIN_ACCOUNT_ID);
  ringside_demo_json_member_string (out, "mainAccountName", MAIN_ACCOUNT_NAME);
  ringside_demo_json_member_string (out, "rcAccountId", RC_ACCOUNT_ID);
  ringside_demo_json_member_string (out, "engageAccountId", MAIN_ACCOUNT_ID);
  ringside_demo_json_member_int (out, "isActive", 1);
  ringside_demo_json_member_int (out, "dataRetentionDays", 365);
  ringside_demo_json_member_bool (out, "enableAmdProfiles", TRUE);
  ringside_demo_json_member_bool (out, "enableConsultCall", TRUE);
  ringside_demo_json_member_bool (out, "enablePhoneNumbersI18n", FALSE);
  ringside_demo_json_close (out, '}');
  g_string_append_c (out, ',');
}

static void
append_account (GString *out,
                guint    index)
{
  g_autofree char *name = ringside_demo_accounts_get_name (index);
  g_autofree char *id = g_strdup_printf ("%u", MAIN_ACCOUNT_NUMBER + index);
  g_autofree char *crm_pwd = g_strdup_printf (RINGSIDE_DEMO_SECRET_MARKER "-crm-%08x",
                                              g_str_hash (id));
  g_autofree char *ftp_pwd = g_strdup_printf (RINGSIDE_DEMO_SECRET_MARKER "-ftp-%08x",
                                              g_str_hash (name));
  g_autofree char *security_key = g_strdup_printf (RINGSIDE_DEMO_SECRET_MARKER "-key-%08x%08x",
                                                   g_str_hash (id), index * 2654435761u);
  g_autofree char *ftp_uid = g_strdup_printf ("nw-%s", id);
  g_autofree char *caller_id = g_strdup_printf ("%u555%04u",
                                                area_codes[index % G_N_ELEMENTS (area_codes)],
                                                100 + index % 100);
  /* Accounts opened every five to six weeks since March 2021; every fifth one closed. */
  gint64 start = G_GINT64_CONSTANT (1614852000) + (gint64) index * 3283200;
  gboolean archived = index > 0 && index % 5 == 0;

  g_string_append_c (out, '{');
  ringside_demo_json_member_string (out, "accountId", id);
  ringside_demo_json_member_string (out, "accountName", name);
  ringside_demo_json_member_string (out, "mainAccountId", MAIN_ACCOUNT_ID);
  ringside_demo_json_member_string (out, "mainAccountName", MAIN_ACCOUNT_NAME);
  append_main_account (out);
  ringside_demo_json_member_bool (out, "archivedAccount", archived);
  ringside_demo_json_member_date (out, "startDate", start);
  if (archived)
    ringside_demo_json_member_date (out, "endDate", start + 86400 * 400);
  else
    ringside_demo_json_member_string (out, "endDate", NULL);
  ringside_demo_json_member_int (out, "audioRetentionDays", 90);
  ringside_demo_json_member_int (out, "dataRetentionDays", 365);
  ringside_demo_json_member_int (out, "concurrentLogins", 1);
  ringside_demo_json_member_string (out, "crmHost", "crm." EMAIL_DOMAIN);
  ringside_demo_json_member_string (out, "crmInstance", "northwind");
  ringside_demo_json_member_string (out, "crmUid", ftp_uid);
  ringside_demo_json_member_string (out, "crmPwd", crm_pwd);
  ringside_demo_json_member_string (out, "ftpHost", "sftp." EMAIL_DOMAIN);
  ringside_demo_json_member_string (out, "ftpUid", ftp_uid);
  ringside_demo_json_member_string (out, "ftpPwd", ftp_pwd);
  ringside_demo_json_member_string (out, "securityKey", security_key);
  ringside_demo_json_member_string (out, "databaseShardId", index % 2 == 0 ? "shard-2" : "shard-3");
  ringside_demo_json_member_string (out, "defaultCallerid", caller_id);
  ringside_demo_json_member_string (out, "defaultHold", "MUSIC");
  ringside_demo_json_member_string (out, "emailFromAddress", "no-reply@" EMAIL_DOMAIN);
  ringside_demo_json_member_string (out, "notificationEmail", "cx-alerts@" EMAIL_DOMAIN);
  ringside_demo_json_member_bool (out, "enableInbound", TRUE);
  ringside_demo_json_member_bool (out, "enableOutbound", index % 3 != 1);
  ringside_demo_json_member_bool (out, "enableChat", index % 4 == 0);
  ringside_demo_json_member_bool (out, "enableSoftphones", TRUE);
  ringside_demo_json_member_bool (out, "enableListLoading", index % 3 != 1);
  ringside_demo_json_member_int (out, "maxBreakTime", 15);
  ringside_demo_json_member_int (out, "maxLunchTime", 60);
  ringside_demo_json_member_int (out, "primaryTimezone", 6 + index % 4);
  ringside_demo_json_member_string (out, "rcAccountAccess", "ENABLED");
  ringside_demo_json_member_string (out, "recordingAccessMode", "ACCOUNT");
  ringside_demo_json_member_string (out, "wfmType", "NONE");
  ringside_demo_json_member_bool (out, "pciCompliance", index % 7 == 3);
  ringside_demo_json_member_bool (out, "tcpaSafeMode", FALSE);
  ringside_demo_json_member_int (out, "weekOffset", 0);
  ringside_demo_json_close (out, '}');
}

static GBytes *
build_accounts_body (guint n_sub_accounts)
{
  GString *out = g_string_sized_new (2048 * (n_sub_accounts + 1));

  g_string_append_c (out, '[');
  for (guint i = 0; i <= n_sub_accounts; i++)
    {
      append_account (out, i);
      g_string_append_c (out, ',');
    }
  ringside_demo_json_close (out, ']');

  return g_string_free_to_bytes (out);
}

static GBytes *
get_accounts_body (RingsideDemoServer *self)
{
  GBytes *body = g_hash_table_lookup (self->bodies, "accounts");

  if (body == NULL)
    {
      body = build_accounts_body (self->n_accounts);
      g_hash_table_insert (self->bodies, g_strdup ("accounts"), body);
    }

  return body;
}

static void
handle_accounts (RingsideDemoServer        *self,
                 const RingsideDemoRequest *request,
                 gboolean                   commit,
                 RingsideDemoReply         *reply)
{
  if (ringside_demo_auth_require_access (self, request, reply))
    ringside_demo_reply_bytes (reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE,
                               g_bytes_ref (get_accounts_body (self)));
}

const RingsideDemoRoute ringside_demo_accounts_routes[] = {
  { "GET", PATH_ACCOUNTS, FALSE, handle_accounts,
    .wrong_type_body = "[\"" MAIN_ACCOUNT_NAME "\",\"Technical Support\",\"Billing & Payments\"]",
    .malformed_body = MALFORMED_LIST_BODY },
  { NULL }
};

/* Public API */

guint
ringside_demo_server_get_n_accounts (RingsideDemoServer *self)
{
  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), 0);

  return self->n_accounts + 1;
}
