/* test-models.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "ringside-account.h"
#include "ringside-error.h"
#include "ringside-json-extra.h"
#include "ringside-user.h"

/* Shaped like the Account example of RingCentral's OpenAPI spec, with a few more members a
 * newer server might add, and secrets with values that are easy to look for. */
static const char account_json[] =
  "{"
  "  \"accountId\": \"15300002\","
  "  \"accountName\": \"Ringside Support East\","
  "  \"amdDefaultProfile\": 0,"
  "  \"archivedAccount\": false,"
  "  \"audioRetentionDays\": 90,"
  "  \"crmHost\": \"crm.example.com\","
  "  \"crmPwd\": \"CRM-PWD-7f3a9c\","
  "  \"crmUid\": \"crm-admin\","
  "  \"defaultCallerid\": \"6505550100\","
  "  \"enableChat\": true,"
  "  \"endDate\": {\"millis\": 1893456000000, \"year\": 2030, \"afterNow\": true},"
  "  \"ftpHost\": \"ftp.example.com\","
  "  \"ftpPwd\": \"FTP-PWD-51be02\","
  "  \"ftpUid\": \"ftp-admin\","
  "  \"mainAccount\": {\"mainAccountId\": \"15300001\", \"mainAccountName\": \"Ringside Inc.\","
  "                    \"rcAccountId\": \"37439510\", \"isActive\": 1},"
  "  \"mainAccountId\": \"15300001\","
  "  \"mainAccountName\": \"Ringside Inc.\","
  "  \"rcAccountAccess\": \"ENABLED\","
  "  \"securityKey\": \"SECURITY-KEY-e41d77\","
  "  \"apiSecret\": \"API-SECRET-0c1d2e\","
  "  \"startDate\": \"2019-06-26T15:59:05.000+0000\","
  "  \"wfmType\": \"NONE\","
  "  \"someFutureMember\": {\"nested\": [1, 2, {\"deeper\": null}]}"
  "}";

static const char *account_secrets[] = {
  "CRM-PWD-7f3a9c", "FTP-PWD-51be02", "SECURITY-KEY-e41d77", "API-SECRET-0c1d2e",
};

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static RingsideAccount *
account_from_string (const char  *text,
                     GError     **error)
{
  g_autoptr(JsonNode) node = parse_json (text);

  return ringside_account_new_from_json (node, error);
}

static RingsideAccount *
account_from_string_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  RingsideAccount *account = account_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (RINGSIDE_IS_ACCOUNT (account));
  return account;
}

/* Users parsed from @text, appended to a fresh array. */
static GPtrArray *
users_from_string (const char  *text,
                   GError     **error)
{
  g_autoptr(JsonNode) node = parse_json (text);
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);

  if (!ringside_user_parse_json (node, users, error))
    {
      g_assert_cmpuint (users->len, ==, 0);
      return NULL;
    }
  return g_steal_pointer (&users);
}

static GPtrArray *
users_from_string_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *users = users_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (users);
  return users;
}

static RingsideUser *
user_from_string_ok (const char *text)
{
  g_autoptr(GPtrArray) users = users_from_string_ok (text);

  g_assert_cmpuint (users->len, ==, 1);
  return g_object_ref (users->pdata[0]);
}

static void
assert_date (GDateTime  *date,
             const char *expected_iso8601)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (date);
  text = g_date_time_format_iso8601 (date);
  g_assert_cmpstr (text, ==, expected_iso8601);
}

/* Every property of @object as text, one per line, the way a careless UI or export might
 * show them. */
static char *
dump_properties (GObject *object)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) text = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      g_value_init (&text, G_TYPE_STRING);

      if (G_VALUE_HOLDS (&value, G_TYPE_DATE_TIME))
        {
          GDateTime *date = g_value_get_boxed (&value);

          g_value_take_string (&text, date != NULL ? g_date_time_format_iso8601 (date) : NULL);
        }
      else if (G_VALUE_HOLDS (&value, G_TYPE_STRV))
        {
          const char * const *strv = g_value_get_boxed (&value);

          g_value_take_string (&text, strv != NULL ? g_strjoinv (",", (GStrv) strv) : NULL);
        }
      else if (G_VALUE_HOLDS_OBJECT (&value))
        {
          GObject *linked = g_value_get_object (&value);

          g_value_set_string (&text, linked != NULL ? G_OBJECT_TYPE_NAME (linked) : NULL);
        }
      else
        g_assert_true (g_value_transform (&value, &text));

      g_string_append_printf (dump, "%s=%s\n", pspecs[i]->name,
                              g_value_get_string (&text) ? g_value_get_string (&text) : "");
    }

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* Accounts */

static void
test_account_parse (void)
{
  g_autoptr(RingsideAccount) account = account_from_string_ok (account_json);
  g_autofree char *id = NULL;
  g_autoptr(GDateTime) start = NULL;
  gboolean is_main = TRUE;

  g_assert_cmpstr (ringside_account_get_id (account), ==, "15300002");
  g_assert_cmpstr (ringside_account_get_name (account), ==, "Ringside Support East");
  g_assert_cmpstr (ringside_account_get_main_account_id (account), ==, "15300001");
  g_assert_cmpstr (ringside_account_get_main_account_name (account), ==, "Ringside Inc.");
  g_assert_false (ringside_account_get_is_main (account));
  g_assert_false (ringside_account_get_archived (account));
  assert_date (ringside_account_get_start_date (account), "2019-06-26T15:59:05Z");
  assert_date (ringside_account_get_end_date (account), "2030-01-01T00:00:00Z");

  /* The same through the properties that views bind to. */
  g_object_get (account, "account-id", &id, "start-date", &start, "is-main", &is_main, NULL);
  g_assert_cmpstr (id, ==, "15300002");
  g_assert_false (is_main);
  g_assert_true (g_date_time_equal (start, ringside_account_get_start_date (account)));
}

static void
test_account_no_secrets (void)
{
  g_autoptr(RingsideAccount) account = account_from_string_ok (account_json);
  g_autofree char *dump = dump_properties (G_OBJECT (account));

  /* The dump is real: it holds what the account does show. */
  g_assert_nonnull (strstr (dump, "name=Ringside Support East\n"));
  g_assert_nonnull (strstr (dump, "account-id=15300002\n"));
  g_assert_nonnull (strstr (dump, "start-date=2019-06-26T15:59:05Z\n"));

  for (guint i = 0; i < G_N_ELEMENTS (account_secrets); i++)
    g_assert_null (strstr (dump, account_secrets[i]));

  /* Nor can a search find an account by its password. */
  g_assert_false (ringside_account_matches (account, "crm-pwd"));
  g_assert_false (ringside_account_matches (account, "security-key"));
}

static void
test_account_main (void)
{
  g_autoptr(RingsideAccount) main_account = NULL;
  g_autoptr(RingsideAccount) sub_account = NULL;
  g_autoptr(RingsideAccount) nested_only = NULL;

  /* IDs as numbers are accepted too. */
  main_account = account_from_string_ok ("{\"accountId\": 15300001, \"mainAccountId\": "
                                         "\"15300001\", \"accountName\": \"Main\"}");
  g_assert_cmpstr (ringside_account_get_id (main_account), ==, "15300001");
  g_assert_true (ringside_account_get_is_main (main_account));

  sub_account = account_from_string_ok ("{\"accountId\": \"15300002\", \"mainAccountId\": "
                                        "15300001, \"archivedAccount\": true}");
  g_assert_cmpstr (ringside_account_get_main_account_id (sub_account), ==, "15300001");
  g_assert_false (ringside_account_get_is_main (sub_account));
  g_assert_true (ringside_account_get_archived (sub_account));

  /* Older servers only fill the nested object. */
  nested_only = account_from_string_ok ("{\"accountId\": \"7\", \"mainAccount\": "
                                        "{\"mainAccountId\": \"7\", \"mainAccountName\": \"M\"}}");
  g_assert_cmpstr (ringside_account_get_main_account_id (nested_only), ==, "7");
  g_assert_cmpstr (ringside_account_get_main_account_name (nested_only), ==, "M");
  g_assert_true (ringside_account_get_is_main (nested_only));
}

static void
test_account_defaults (void)
{
  g_autoptr(RingsideAccount) account = account_from_string_ok ("{\"unknown\": [1, {}]}");
  g_autoptr(RingsideAccount) nulls = NULL;

  g_assert_cmpstr (ringside_account_get_id (account), ==, "");
  g_assert_cmpstr (ringside_account_get_name (account), ==, "");
  g_assert_cmpstr (ringside_account_get_main_account_id (account), ==, "");
  g_assert_cmpstr (ringside_account_get_main_account_name (account), ==, "");
  g_assert_false (ringside_account_get_is_main (account));
  g_assert_false (ringside_account_get_archived (account));
  g_assert_null (ringside_account_get_start_date (account));
  g_assert_null (ringside_account_get_end_date (account));

  nulls = account_from_string_ok ("{\"accountId\": null, \"accountName\": null, "
                                  "\"archivedAccount\": null, \"startDate\": null, "
                                  "\"endDate\": \"\", \"mainAccount\": null}");
  g_assert_cmpstr (ringside_account_get_name (nulls), ==, "");
  g_assert_null (ringside_account_get_start_date (nulls));
  g_assert_null (ringside_account_get_end_date (nulls));
}

static void
test_account_wrong_types (void)
{
  static const struct {
    const char *json;
    const char *member;
  } cases[] = {
    { "{\"accountName\": [\"a\"]}", "“accountName” is a list, expected text" },
    { "{\"accountName\": 12}", "“accountName” is a number" },
    { "{\"accountId\": {\"id\": 1}}", "“accountId” is an object" },
    { "{\"accountId\": 1.5}", "“accountId” is a number" },
    { "{\"mainAccountId\": true}", "“mainAccountId” is true or false" },
    { "{\"mainAccountName\": {}}", "“mainAccountName”" },
    { "{\"mainAccount\": \"15300001\"}", "“mainAccount” is text, expected an object" },
    { "{\"mainAccount\": {\"mainAccountName\": 3}}", "“mainAccountName”" },
    { "{\"archivedAccount\": \"no\"}", "“archivedAccount” is text" },
    { "{\"startDate\": true}", "“startDate” is true or false, expected a date" },
    { "{\"endDate\": [2020, 1, 1]}", "“endDate” is a list" },
    { "{\"startDate\": \"yesterday\"}", "“startDate” is not a valid date" },
    { "{\"endDate\": {\"millis\": \"soon\"}}", "“endDate”" },
    { "{\"startDate\": 1e300}", "“startDate” is not a valid date" },
    { "[]", "the account is a list, expected an object" },
    { "\"15300002\"", "the account is text, expected an object" },
    { "null", "the account is null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RingsideAccount) account = account_from_string (cases[i].json, &error);

      g_assert_null (account);
      g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
      if (strstr (error->message, cases[i].member) == NULL)
        g_error ("%s: “%s” lacks “%s”", cases[i].json, error->message, cases[i].member);
    }
}

static void
test_account_dates (void)
{
  static const struct {
    const char *value;
    const char *expected;
  } cases[] = {
    { "\"2019-06-26T15:59:05.000+0000\"", "2019-06-26T15:59:05Z" },
    { "\"2019-06-26T17:59:05+02:00\"", "2019-06-26T17:59:05+02" },
    { "\"2019-06-26T15:59:05Z\"", "2019-06-26T15:59:05Z" },
    { "\"2019-06-26 15:59:05\"", "2019-06-26T15:59:05Z" },
    { "\"2019-06-26\"", "2019-06-26T00:00:00Z" },
    { "1561564745000", "2019-06-26T15:59:05Z" },
    { "1561564745250", "2019-06-26T15:59:05.250000Z" },
    { "-1500", "1969-12-31T23:59:58.500000Z" },
    { "1561564745000.0", "2019-06-26T15:59:05Z" },
    { "{\"millis\": 1561564745000, \"year\": 2019, \"zone\": {\"id\": \"UTC\"}}",
      "2019-06-26T15:59:05Z" },
    { "{\"millis\": 0}", "1970-01-01T00:00:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"startDate\": %s}", cases[i].value);
      g_autoptr(RingsideAccount) account = account_from_string_ok (json);

      assert_date (ringside_account_get_start_date (account), cases[i].expected);
    }
}

static void
test_account_matches (void)
{
  g_autoptr(RingsideAccount) account = account_from_string_ok (account_json);
  g_autofree char *needle = g_utf8_casefold ("SUPPORT east", -1);

  g_assert_true (ringside_account_matches (account, needle));
  g_assert_true (ringside_account_matches (account, ""));
  g_assert_true (ringside_account_matches (account, "15300002"));
  g_assert_true (ringside_account_matches (account, "ringside inc"));
  g_assert_false (ringside_account_matches (account, "west"));
  g_assert_false (ringside_account_matches (account, "crm.example.com"));
}

/* Users */

static void
test_user_parse (void)
{
  g_autoptr(RingsideUser) user = user_from_string_ok (
    "{\"userId\": 2983, \"userName\": \"ada@example.com\", \"firstName\": \"Ada\","
    " \"lastName\": \"Lovelace\", \"fullName\": \"Ada King, Countess of Lovelace\","
    " \"enabled\": false, \"rootUser\": true, \"rcUserId\": 4123456789,"
    " \"roles\": [\"SUPER_USER\", \"MANAGE_USERS\"], \"parentPath\": \"\","
    " \"creationDate\": 1561564745000, \"phoneNumber\": \"+16505550100\","
    " \"regionalSettings\": {\"timezone\": \"US/Pacific\"}, \"children\": []}");
  g_autofree char *full_name = NULL;
  g_auto(GStrv) roles = NULL;
  gint64 id = 0;

  g_assert_cmpint (ringside_user_get_id (user), ==, 2983);
  g_assert_cmpstr (ringside_user_get_user_name (user), ==, "ada@example.com");
  g_assert_cmpstr (ringside_user_get_first_name (user), ==, "Ada");
  g_assert_cmpstr (ringside_user_get_last_name (user), ==, "Lovelace");
  g_assert_cmpstr (ringside_user_get_full_name (user), ==, "Ada King, Countess of Lovelace");
  g_assert_false (ringside_user_get_enabled (user));
  g_assert_true (ringside_user_get_root_user (user));
  g_assert_cmpint (ringside_user_get_rc_user_id (user), ==, G_GINT64_CONSTANT (4123456789));
  g_assert_cmpint (ringside_user_get_parent_id (user), ==, 0);
  g_assert_cmpuint (ringside_user_get_depth (user), ==, 0);
  g_assert_cmpstrv (ringside_user_get_roles (user),
                    ((const char *[]) { "SUPER_USER", "MANAGE_USERS", NULL }));
  g_assert_cmpstrv (ringside_user_get_role_words (user),
                    ((const char *[]) { "Super user", "Manage users", NULL }));
  g_assert_cmpstr (ringside_user_get_roles_text (user), ==, "Super user, Manage users");
  assert_date (ringside_user_get_creation_date (user), "2019-06-26T15:59:05Z");

  g_object_get (user, "user-id", &id, "full-name", &full_name, "roles", &roles, NULL);
  g_assert_cmpint (id, ==, 2983);
  g_assert_cmpstr (full_name, ==, "Ada King, Countess of Lovelace");
  g_assert_cmpstrv (roles, ((const char *[]) { "SUPER_USER", "MANAGE_USERS", NULL }));
}

static void
test_user_defaults (void)
{
  g_autoptr(RingsideUser) user = user_from_string_ok ("{\"somethingNew\": {\"a\": [1]}}");
  g_autofree char *dump = dump_properties (G_OBJECT (user));

  g_assert_cmpint (ringside_user_get_id (user), ==, 0);
  g_assert_cmpstr (ringside_user_get_user_name (user), ==, "");
  g_assert_cmpstr (ringside_user_get_full_name (user), ==, "");
  g_assert_true (ringside_user_get_enabled (user));
  g_assert_false (ringside_user_get_root_user (user));
  g_assert_nonnull (ringside_user_get_roles (user));
  g_assert_null (ringside_user_get_roles (user)[0]);
  g_assert_cmpstr (ringside_user_get_roles_text (user), ==, "");
  g_assert_null (ringside_user_get_creation_date (user));
  g_assert_nonnull (strstr (dump, "enabled=TRUE\n"));
}

static void
test_user_roles (void)
{
  g_autoptr(RingsideUser) objects = user_from_string_ok (
    "{\"userId\": 1, \"roles\": ["
    "  {\"roleType\": \"SUPER_USER\", \"description\": \"Super user\"},"
    "  null,"
    "  {\"description\": \"Custom role\"},"
    "  {\"roleType\": \"ACCESS_AUDIT_LOG\"},"
    "  {},"
    "  \"MANAGE_RIGHTS\"]}");
  g_autoptr(RingsideUser) nulls = user_from_string_ok ("{\"roles\": null}");

  g_assert_cmpstrv (ringside_user_get_roles (objects),
                    ((const char *[]) { "SUPER_USER", "Custom role", "ACCESS_AUDIT_LOG",
                                        "MANAGE_RIGHTS", NULL }));
  /* The description when there is one, else the code made readable: never the code. */
  g_assert_cmpstrv (ringside_user_get_role_words (objects),
                    ((const char *[]) { "Super user", "Custom role", "Access audit log",
                                        "Manage rights", NULL }));
  g_assert_cmpstr (ringside_user_get_roles_text (objects), ==,
                   "Super user, Custom role, Access audit log, Manage rights");
  g_assert_null (ringside_user_get_roles (nulls)[0]);
}

static void
test_user_full_name (void)
{
  static const struct {
    const char *json;
    const char *full_name;
  } cases[] = {
    { "{\"fullName\": \"Full\", \"firstName\": \"F\", \"lastName\": \"L\"}", "Full" },
    { "{\"fullName\": \"\", \"firstName\": \"Grace\", \"lastName\": \"Hopper\"}",
      "Grace Hopper" },
    { "{\"firstName\": \"Grace\", \"userName\": \"g@example.com\"}", "Grace" },
    { "{\"lastName\": \"Hopper\"}", "Hopper" },
    { "{\"userName\": \"g@example.com\"}", "g@example.com" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RingsideUser) user = user_from_string_ok (cases[i].json);

      g_assert_cmpstr (ringside_user_get_full_name (user), ==, cases[i].full_name);
    }
}

static void
assert_user (GPtrArray *users,
             guint      index,
             gint64     id,
             gint64     parent_id,
             guint      depth)
{
  RingsideUser *user = users->pdata[index];

  g_assert_cmpint (ringside_user_get_id (user), ==, id);
  g_assert_cmpint (ringside_user_get_parent_id (user), ==, parent_id);
  g_assert_cmpuint (ringside_user_get_depth (user), ==, depth);
}

static void
test_user_hierarchy (void)
{
  /*  1 ─┬─ 2 ─┬─ 4
   *     │     └─ 5 ─── 7 ─── 8
   *     └─ 3 ─── 6                */
  g_autoptr(GPtrArray) users = users_from_string_ok (
    "{\"userId\": 1, \"fullName\": \"Root\", \"rootUser\": true, \"children\": ["
    "  {\"userId\": 2, \"children\": ["
    "    {\"userId\": 4},"
    "    {\"userId\": 5, \"children\": ["
    "      {\"userId\": 7, \"parentPath\": \"999.998\", \"children\": ["
    "        {\"userId\": 8, \"children\": null}]}]}]},"
    "  {\"userId\": 3, \"children\": [{\"userId\": 6, \"children\": []}]}]}");

  g_assert_cmpuint (users->len, ==, 8);
  assert_user (users, 0, 1, 0, 0);
  assert_user (users, 1, 2, 1, 1);
  assert_user (users, 2, 4, 2, 2);
  assert_user (users, 3, 5, 2, 2);
  /* Nesting wins over the path. */
  assert_user (users, 4, 7, 5, 3);
  assert_user (users, 5, 8, 7, 4);
  assert_user (users, 6, 3, 1, 1);
  assert_user (users, 7, 6, 3, 2);
  g_assert_cmpstr (ringside_user_get_full_name (users->pdata[0]), ==, "Root");
}

static void
test_user_hierarchy_appends (void)
{
  g_autoptr(JsonNode) node = parse_json ("{\"userId\": 10, \"children\": [{\"userId\": 11}]}");
  g_autoptr(JsonNode) bad = parse_json ("{\"userId\": 20, \"children\": [{\"userId\": 21},"
                                        " {\"userId\": 22, \"roles\": 5}]}");
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_assert_true (ringside_user_parse_json (node, users, &error));
  g_assert_no_error (error);
  g_assert_true (ringside_user_parse_json (node, users, &error));
  g_assert_cmpuint (users->len, ==, 4);

  /* A failing element adds nothing, not even the users before the broken one. */
  g_assert_false (ringside_user_parse_json (bad, users, &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (error->message, ==, "child 2: “roles” is a number, expected a list");
  g_assert_cmpuint (users->len, ==, 4);
}

static char *
nested_users (guint levels)
{
  g_autoptr(GString) json = g_string_new (NULL);

  for (guint i = 0; i < levels; i++)
    g_string_append_printf (json, "%s{\"userId\": %u", i > 0 ? ", \"children\": [" : "", i + 1);
  for (guint i = 0; i < levels; i++)
    g_string_append (json, i + 1 < levels ? "}]" : "}");

  return g_string_free (g_steal_pointer (&json), FALSE);
}

static void
test_user_nesting_limit (void)
{
  g_autofree char *deep = nested_users (65);
  g_autofree char *too_deep = nested_users (1000);
  g_autoptr(GPtrArray) users = users_from_string_ok (deep);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = users_from_string (too_deep, &error);

  g_assert_cmpuint (users->len, ==, 65);
  assert_user (users, 64, 65, 64, 64);

  g_assert_null (none);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "nested more than 64 levels"));
}

static void
test_user_parent_path (void)
{
  static const struct {
    const char *json;
    gint64 parent_id;
    guint depth;
  } cases[] = {
    { "{\"userId\": 3000, \"parentPath\": \"2181.2979.2983\"}", 2983, 3 },
    { "{\"userId\": 3000, \"parentPath\": \"2181/2979\"}", 2979, 2 },
    { "{\"userId\": 3000, \"parentPath\": \"2181,2979,3000\"}", 2979, 2 },
    { "{\"userId\": 3000, \"parentPath\": \".2181..2979.\"}", 2979, 2 },
    { "{\"userId\": 3000, \"parentPath\": \" 2181 . 2979 \"}", 2979, 2 },
    { "{\"userId\": 3000, \"parentPath\": 2181}", 2181, 1 },
    { "{\"userId\": 3000, \"parentPath\": \"3000\"}", 0, 0 },
    { "{\"userId\": 3000, \"parentPath\": \"\"}", 0, 0 },
    { "{\"userId\": 3000, \"parentPath\": null}", 0, 0 },
    { "{\"userId\": \"3000\", \"parentPath\": \"2181\"}", 2181, 1 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RingsideUser) user = user_from_string_ok (cases[i].json);

      g_assert_cmpint (ringside_user_get_id (user), ==, 3000);
      g_assert_cmpint (ringside_user_get_parent_id (user), ==, cases[i].parent_id);
      g_assert_cmpuint (ringside_user_get_depth (user), ==, cases[i].depth);
    }

  none = users_from_string ("{\"userId\": 1, \"parentPath\": \"2181.abc\"}", &error);
  g_assert_null (none);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "parentPath"));
}

static void
test_user_wrong_types (void)
{
  static const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"userName\": [\"a@example.com\"]}", "“userName” is a list, expected text" },
    { "{\"userId\": \"12a\"}", "“userId” is not a whole number" },
    { "{\"userId\": 1.5}", "“userId” is a number, expected a whole number" },
    { "{\"userId\": {}}", "“userId” is an object" },
    { "{\"rcUserId\": true}", "“rcUserId” is true or false" },
    { "{\"enabled\": \"yes\"}", "“enabled” is text, expected true or false" },
    { "{\"roles\": \"SUPER_USER\"}", "“roles” is text, expected a list" },
    { "{\"roles\": [1]}", "“roles” holds a number, expected text or an object" },
    { "{\"roles\": [{\"roleType\": 1}]}", "a role: “roleType” is a number" },
    { "{\"children\": {\"userId\": 2}}", "“children” is an object, expected a list" },
    { "{\"children\": [3]}", "child 1: the user is a number, expected an object" },
    { "{\"children\": [{}, {\"children\": [{\"fullName\": 0}]}]}",
      "child 2: child 1: “fullName” is a number" },
    { "{\"creationDate\": \"last week\"}", "“creationDate” is not a valid date" },
    { "[{\"userId\": 1}]", "the user is a list, expected an object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) users = users_from_string (cases[i].json, &error);

      g_assert_null (users);
      g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: “%s” lacks “%s”", cases[i].json, error->message, cases[i].message);
    }
}

static void
test_user_matches (void)
{
  g_autoptr(RingsideUser) user = user_from_string_ok (
    "{\"userId\": 2983, \"userName\": \"Zoe.Mueller@Example.com\", \"firstName\": \"Zoë\","
    " \"lastName\": \"Müller\", \"roles\": [\"SUPER_USER\"]}");
  g_autofree char *name = g_utf8_casefold ("ZOË MÜL", -1);
  g_autofree char *mail = g_utf8_casefold ("MUELLER@EXAMPLE", -1);

  g_assert_true (ringside_user_matches (user, name));
  g_assert_true (ringside_user_matches (user, mail));
  g_assert_true (ringside_user_matches (user, "298"));
  g_assert_true (ringside_user_matches (user, ""));
  g_assert_false (ringside_user_matches (user, "2984"));
  /* A role by its code or its words, from the role's start. */
  g_assert_true (ringside_user_matches (user, "super_user"));
  g_assert_true (ringside_user_matches (user, "super user"));
  g_assert_true (ringside_user_matches (user, "super"));
  g_assert_false (ringside_user_matches (user, "user"));
}

static void
test_user_matches_roles (void)
{
  g_autoptr(RingsideUser) supervisor = user_from_string_ok (
    "{\"userId\": 1, \"userName\": \"a@example.com\", \"fullName\": \"Ann\","
    " \"rcUserId\": 4123456789, \"roles\": [\"SUPERVISOR\"]}");
  g_autoptr(RingsideUser) multi = user_from_string_ok (
    "{\"userId\": 2, \"userName\": \"b@example.com\", \"fullName\": \"Bob\","
    " \"roles\": [\"MULTI_SUPERVISOR\"]}");
  g_autoptr(RingsideUser) manager = user_from_string_ok (
    "{\"userId\": 3, \"userName\": \"c@example.com\", \"fullName\": \"Cy\","
    " \"roles\": [{\"roleType\": \"USER\", \"description\": \"User\"},"
    " {\"roleType\": \"MANAGE_USERS\", \"description\": \"Manage Users\"}]}");
  g_autofree char *shouted = g_utf8_casefold ("SUPERVISOR", -1);

  g_assert_cmpstr (ringside_user_get_roles_text (supervisor), ==, "Supervisor");
  g_assert_cmpstr (ringside_user_get_roles_text (multi), ==, "Multi supervisor");
  g_assert_cmpstr (ringside_user_get_roles_text (manager), ==, "User, Manage Users");

  /* "supervisor" leaves exactly the supervisors. */
  g_assert_true (ringside_user_matches (supervisor, "supervisor"));
  g_assert_true (ringside_user_matches (supervisor, shouted));
  g_assert_false (ringside_user_matches (multi, "supervisor"));
  g_assert_false (ringside_user_matches (manager, "supervisor"));

  g_assert_true (ringside_user_matches (multi, "multi supervisor"));
  g_assert_true (ringside_user_matches (multi, "multi_supervisor"));
  g_assert_true (ringside_user_matches (manager, "manage users"));
  g_assert_true (ringside_user_matches (manager, "manage_users"));
  g_assert_false (ringside_user_matches (supervisor, "manage"));
  /* The RingCentral user ID too. */
  g_assert_true (ringside_user_matches (supervisor, "4123456789"));
}

static RingsideUser *
user_named (const char *full_name,
            const char *user_name)
{
  g_autofree char *json = g_strdup_printf ("{\"userId\": 1, \"fullName\": \"%s\","
                                           " \"userName\": \"%s\"}", full_name, user_name);

  return user_from_string_ok (json);
}

/* -1, 0 or 1 */
static int
compare_full_name_keys (RingsideUser *a,
                        RingsideUser *b)
{
  int result = strcmp (ringside_user_get_full_name_sort_key (a),
                       ringside_user_get_full_name_sort_key (b));

  return (result > 0) - (result < 0);
}

/* The keys order names as the locale collates them, ignoring case. */
static void
test_user_sort_keys (void)
{
  g_autoptr(RingsideUser) adam = user_named ("adam Ng", "z@example.com");
  g_autoptr(RingsideUser) adam_upper = user_named ("ADAM NG", "Y@example.com");
  g_autoptr(RingsideUser) bea = user_named ("Bea Ruiz", "y@example.com");
  g_autoptr(RingsideUser) zed = user_named ("Zed Ito", "a@example.com");
  g_autoptr(RingsideUser) emile = user_named ("Émile Roy", "b@example.com");
  g_autoptr(RingsideUser) bare = g_object_new (RINGSIDE_TYPE_USER, NULL);
  g_autofree char *folded_emile = g_utf8_casefold ("Émile Roy", -1);
  g_autofree char *folded_zed = g_utf8_casefold ("Zed Ito", -1);
  int collated = g_utf8_collate (folded_emile, folded_zed);

  g_assert_cmpint (compare_full_name_keys (adam, adam_upper), ==, 0);
  g_assert_cmpint (compare_full_name_keys (adam, bea), <, 0);
  g_assert_cmpint (compare_full_name_keys (bea, zed), <, 0);
  g_assert_cmpint (compare_full_name_keys (zed, adam), >, 0);
  g_assert_cmpint (compare_full_name_keys (emile, zed), ==, (collated > 0) - (collated < 0));

  g_assert_cmpint (strcmp (ringside_user_get_user_name_sort_key (zed),
                           ringside_user_get_user_name_sort_key (emile)), <, 0);
  g_assert_cmpint (strcmp (ringside_user_get_user_name_sort_key (bea),
                           ringside_user_get_user_name_sort_key (adam_upper)), ==, 0);
  g_assert_cmpint (strcmp (ringside_user_get_user_name_sort_key (adam),
                           ringside_user_get_user_name_sort_key (bea)), >, 0);

  /* A user not made by the parser gets its keys when asked. */
  g_assert_nonnull (ringside_user_get_full_name_sort_key (bare));
  g_assert_cmpint (strcmp (ringside_user_get_user_name_sort_key (bare),
                           ringside_user_get_user_name_sort_key (zed)), <, 0);
}

/* What the model does not read is kept for the details' "More", secrets dropped at any
 * depth, nulls and empty values left out; names and values read as words. */
static void
test_user_extra (void)
{
  const char *json =
    "{\"userId\": 7, \"fullName\": \"Ann\", \"phoneNumberE164\": \"+15555550100\","
    " \"voicemailPin\": \"1234\", \"apiToken\": \"t0k3n-secret\", \"nothing\": null,"
    " \"empty\": \"\", \"site\": {\"siteName\": \"Head Office\", \"sipPassword\": \"x\","
    " \"floors\": [1, 2, null, {}]}, \"userManagedByRC\": true, \"children\": [],"
    " \"note\": \"a \\\"quoted\\\" \\\\ line\\n\\u0001\", \"ratio\": 0.5, \"none\": []}";
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonNode) extra = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *site = NULL;
  const char *text;
  JsonObject *object;

  g_assert_true (ringside_user_parse_json (node, users, &error));
  g_assert_no_error (error);
  text = ringside_user_get_extra_json (users->pdata[0]);
  g_assert_nonnull (text);
  g_assert_null (strstr (text, "1234"));
  g_assert_null (strstr (text, "t0k3n"));
  g_assert_null (strstr (text, "Password"));
  extra = json_from_string (text, &error);
  g_assert_no_error (error);
  object = json_node_get_object (extra);
  g_assert_cmpuint (json_object_get_size (object), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (object, "note"), ==,
                   "a \"quoted\" \\ line\n\001");
  g_assert_cmpfloat (json_object_get_double_member (object, "ratio"), ==, 0.5);
  g_assert_cmpstr (json_object_get_string_member (object, "phoneNumberE164"), ==,
                   "+15555550100");
  g_assert_true (json_object_get_boolean_member (object, "userManagedByRC"));
  site = ringside_json_value_to_text (json_object_get_member (object, "site"), "Yes", "No",
                                      80);
  g_assert_cmpstr (site, ==, "Site name: Head Office; Floors: 1, 2");

  /* Nothing left over: no text. */
  g_ptr_array_set_size (users, 0);
  g_clear_pointer (&node, json_node_unref);
  node = json_from_string ("{\"userId\": 8, \"userPin\": \"9\"}", NULL);
  g_assert_true (ringside_user_parse_json (node, users, &error));
  g_assert_null (ringside_user_get_extra_json (users->pdata[0]));
}

static void
test_json_words (void)
{
  struct { const char *name, *words; } cases[] = {
    { "phoneNumberE164", "Phone number E164" },
    { "rcUserId", "RC user ID" },
    { "userManagedByRC", "User managed by RC" },
    { "max_rows", "Max rows" },
    { "MAX_ROWS", "Max rows" },
    { "agentGroupIds", "Agent group IDs" },
    { "slaTime", "SLA time" },
    { "ghostRnaAction", "Ghost RNA action" },
    { "x", "X" },
  };
  g_autoptr(JsonNode) long_list = json_from_string ("[\"abcdef\", \"ghijkl\", true]", NULL);
  g_autofree char *cut = ringside_json_value_to_text (long_list, "Yes", "No", 10);
  g_autofree char *whole = ringside_json_value_to_text (long_list, "Yes", "No", 40);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = ringside_json_name_to_words (cases[i].name);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
  g_assert_cmpstr (whole, ==, "abcdef, ghijkl, Yes");
  g_assert_cmpstr (cut, ==, "abcdef, g…");
  g_assert_true (ringside_json_is_secret_name ("sipPassword"));
  g_assert_true (ringside_json_is_secret_name ("PIN"));
  g_assert_false (ringside_json_is_secret_name ("phoneNumberE164"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/account/parse", test_account_parse);
  g_test_add_func ("/models/account/no-secrets", test_account_no_secrets);
  g_test_add_func ("/models/account/main", test_account_main);
  g_test_add_func ("/models/account/defaults", test_account_defaults);
  g_test_add_func ("/models/account/wrong-types", test_account_wrong_types);
  g_test_add_func ("/models/account/dates", test_account_dates);
  g_test_add_func ("/models/account/matches", test_account_matches);
  g_test_add_func ("/models/user/parse", test_user_parse);
  g_test_add_func ("/models/user/defaults", test_user_defaults);
  g_test_add_func ("/models/user/roles", test_user_roles);
  g_test_add_func ("/models/user/full-name", test_user_full_name);
  g_test_add_func ("/models/user/hierarchy", test_user_hierarchy);
  g_test_add_func ("/models/user/hierarchy-appends", test_user_hierarchy_appends);
  g_test_add_func ("/models/user/nesting-limit", test_user_nesting_limit);
  g_test_add_func ("/models/user/parent-path", test_user_parent_path);
  g_test_add_func ("/models/user/wrong-types", test_user_wrong_types);
  g_test_add_func ("/models/user/matches", test_user_matches);
  g_test_add_func ("/models/user/matches-roles", test_user_matches_roles);
  g_test_add_func ("/models/user/sort-keys", test_user_sort_keys);
  g_test_add_func ("/models/user/extra", test_user_extra);
  g_test_add_func ("/models/json-words", test_json_words);

  return g_test_run ();
}
