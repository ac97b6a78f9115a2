/* ringside-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-account.h"
#include "ringside-json-member.h"

struct _RingsideAccount
{
  GObject    parent_instance;

  /* NULL when the API left them out; the getters answer "". */
  char      *id;
  char      *name;
  char      *main_account_id;
  char      *main_account_name;
  gboolean   archived;
  GDateTime *start_date;
  GDateTime *end_date;

  /* Name, ID and main account name, casefolded once so that filtering stays fast. */
  char      *search_key;
};

G_DEFINE_FINAL_TYPE (RingsideAccount, ringside_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCOUNT_ID,
  PROP_NAME,
  PROP_MAIN_ACCOUNT_ID,
  PROP_MAIN_ACCOUNT_NAME,
  PROP_IS_MAIN,
  PROP_ARCHIVED,
  PROP_START_DATE,
  PROP_END_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ringside_account_finalize (GObject *object)
{
  RingsideAccount *self = (RingsideAccount *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->main_account_id, g_free);
  g_clear_pointer (&self->main_account_name, g_free);
  g_clear_pointer (&self->start_date, g_date_time_unref);
  g_clear_pointer (&self->end_date, g_date_time_unref);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (ringside_account_parent_class)->finalize (object);
}

static void
ringside_account_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RingsideAccount *self = RINGSIDE_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      g_value_set_string (value, ringside_account_get_id (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, ringside_account_get_name (self));
      break;
    case PROP_MAIN_ACCOUNT_ID:
      g_value_set_string (value, ringside_account_get_main_account_id (self));
      break;
    case PROP_MAIN_ACCOUNT_NAME:
      g_value_set_string (value, ringside_account_get_main_account_name (self));
      break;
    case PROP_IS_MAIN:
      g_value_set_boolean (value, ringside_account_get_is_main (self));
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, ringside_account_get_archived (self));
      break;
    case PROP_START_DATE:
      g_value_set_boxed (value, ringside_account_get_start_date (self));
      break;
    case PROP_END_DATE:
      g_value_set_boxed (value, ringside_account_get_end_date (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_account_class_init (RingsideAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ringside_account_finalize;
  object_class->get_property = ringside_account_get_property;

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL, "", flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_MAIN_ACCOUNT_ID] =
    g_param_spec_string ("main-account-id", NULL, NULL, "", flags);
  properties[PROP_MAIN_ACCOUNT_NAME] =
    g_param_spec_string ("main-account-name", NULL, NULL, "", flags);
  properties[PROP_IS_MAIN] =
    g_param_spec_boolean ("is-main", NULL, NULL, FALSE, flags);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  properties[PROP_START_DATE] =
    g_param_spec_boxed ("start-date", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_END_DATE] =
    g_param_spec_boxed ("end-date", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_account_init (RingsideAccount *self)
{
}

/* Older responses only name the main account inside the nested "mainAccount" object. */
static gboolean
read_main_account (RingsideAccount  *self,
                   JsonObject       *object,
                   GError          **error)
{
  JsonNode *node = ringside_json_get_member (object, "mainAccount");
  JsonObject *main_account;

  if (!ringside_json_read_id_string (object, "mainAccountId", &self->main_account_id, error) ||
      !ringside_json_read_string (object, "mainAccountName", &self->main_account_name, error))
    return FALSE;

  if (node == NULL || (self->main_account_id != NULL && self->main_account_name != NULL))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return ringside_json_fail_member (error, "mainAccount", node, "an object");

  main_account = json_node_get_object (node);
  if (self->main_account_id == NULL &&
      !ringside_json_read_id_string (main_account, "mainAccountId", &self->main_account_id,
                                     error))
    return FALSE;
  if (self->main_account_name == NULL &&
      !ringside_json_read_string (main_account, "mainAccountName", &self->main_account_name,
                                  error))
    return FALSE;

  return TRUE;
}

static char *
build_search_key (RingsideAccount *self)
{
  g_autofree char *joined = g_strjoin ("\n",
                                       ringside_account_get_name (self),
                                       ringside_account_get_id (self),
                                       ringside_account_get_main_account_name (self),
                                       NULL);

  return g_utf8_casefold (joined, -1);
}

/**
 * ringside_account_new_from_json:
 * @node: one element of the accounts list
 *
 * Only the members the app shows are read: secrets such as "crmPwd", "ftpPwd" and
 * "securityKey" are never looked at, let alone copied.
 *
 * Returns: (transfer full): the account, or %NULL with @error set
 */
RingsideAccount *
ringside_account_new_from_json (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(RingsideAccount) self = NULL;
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                   "the account is %s, expected an object", ringside_json_describe (node));
      return NULL;
    }

  object = json_node_get_object (node);
  self = g_object_new (RINGSIDE_TYPE_ACCOUNT, NULL);

  if (!ringside_json_read_id_string (object, "accountId", &self->id, error) ||
      !ringside_json_read_string (object, "accountName", &self->name, error) ||
      !read_main_account (self, object, error) ||
      !ringside_json_read_boolean (object, "archivedAccount", &self->archived, error) ||
      !ringside_json_read_date (object, "startDate", &self->start_date, error) ||
      !ringside_json_read_date (object, "endDate", &self->end_date, error))
    return NULL;

  self->search_key = build_search_key (self);

  return g_steal_pointer (&self);
}

const char *
ringside_account_get_id (RingsideAccount *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNT (self), NULL);

  return self->id != NULL ? self->id : "";
}

const char *
ringside_account_get_name (RingsideAccount *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNT (self), NULL);

  return self->name != NULL ? self->name : "";
}

const char *
ringside_account_get_main_account_id (RingsideAccount *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNT (self), NULL);

  return self->main_account_id != NULL ? self->main_account_id : "";
}

const char *
ringside_account_get_main_account_name (RingsideAccount *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNT (self), NULL);

  return self->main_account_name != NULL ? self->main_account_name : "";
}

/**
 * ringside_account_get_is_main:
 *
 * Returns: whether this is the main account itself rather than one of its sub-accounts
 */
gboolean
ringside_account_get_is_main (RingsideAccount *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNT (self), FALSE);

  return self->id != NULL && g_strcmp0 (self->id, self->main_account_id) == 0;
}

gboolean
ringside_account_get_archived (RingsideAccount *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNT (self), FALSE);

  return self->archived;
}

/**
 * ringside_account_get_start_date:
 *
 * Returns: (transfer none) (nullable): when the account started, if the API said
 */
GDateTime *
ringside_account_get_start_date (RingsideAccount *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNT (self), NULL);

  return self->start_date;
}

/**
 * ringside_account_get_end_date:
 *
 * Returns: (transfer none) (nullable): when the account ends, if the API said
 */
GDateTime *
ringside_account_get_end_date (RingsideAccount *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNT (self), NULL);

  return self->end_date;
}

gboolean
ringside_account_matches (RingsideAccount *self,
                          const char      *needle)
{
  g_return_val_if_fail (RINGSIDE_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);

  /* Only an account made with g_object_new() lacks one. */
  if (G_UNLIKELY (self->search_key == NULL))
    self->search_key = build_search_key (self);

  return strstr (self->search_key, needle) != NULL;
}

/* The accounts list */

static gboolean
account_parse (JsonNode   *element,
               GPtrArray  *out,
               GError    **error)
{
  RingsideAccount *account = ringside_account_new_from_json (element, error);

  if (account == NULL)
    return FALSE;

  g_ptr_array_add (out, account);
  return TRUE;
}

static gboolean
account_match (gpointer    item,
               const char *needle)
{
  return ringside_account_matches (item, needle);
}

const RingsideListKind ringside_accounts_list_kind = {
  .name = "account",
  .get_item_type = ringside_account_get_type,
  .path_template = "/voice/api/v1/admin/accounts",
  .parse = account_parse,
  .match = account_match,
  .paging = RINGSIDE_LIST_PAGING_NONE,
};
