/* ringside-campaign.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ringside-campaign.h"
#include "ringside-group.h"
#include "ringside-json-extra.h"
#include "ringside-json-member.h"

struct _RingsideCampaign
{
  GObject    parent_instance;

  gint64     id;
  gint64     dial_group_id;
  char      *dial_group_name;
  char      *name;
  char      *dial_mode;     /* words */
  gboolean   is_active;
  gint64     priority;
  GDateTime *start_date;
  GDateTime *end_date;

  char      *name_sort_key;
  char      *search_key;
  char          *extra;  /* members not read, secrets left out, as JSON; nullable */
};

/* What the parser reads: the rest is the item's "extra" (ringside-json-extra.h). */
static const char * const known_members[] = {
  "campaignId", "dialGroup", "dialGroupId", "groupId", "dialMode", "campaignName", "isActive",
  "campaignPriority", "startDate", "endDate", NULL,
};

G_DEFINE_FINAL_TYPE (RingsideCampaign, ringside_campaign, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAMPAIGN_ID,
  PROP_DIAL_GROUP_ID,
  PROP_DIAL_GROUP_NAME,
  PROP_NAME,
  PROP_DIAL_MODE,
  PROP_IS_ACTIVE,
  PROP_PRIORITY,
  PROP_START_DATE,
  PROP_END_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ringside_campaign_finalize (GObject *object)
{
  RingsideCampaign *self = (RingsideCampaign *) object;

  g_clear_pointer (&self->extra, g_free);
  g_free (self->dial_group_name);
  g_free (self->name);
  g_free (self->dial_mode);
  g_clear_pointer (&self->start_date, g_date_time_unref);
  g_clear_pointer (&self->end_date, g_date_time_unref);
  g_free (self->name_sort_key);
  g_free (self->search_key);

  G_OBJECT_CLASS (ringside_campaign_parent_class)->finalize (object);
}

static void
ringside_campaign_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RingsideCampaign *self = RINGSIDE_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_CAMPAIGN_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DIAL_GROUP_ID:
      g_value_set_int64 (value, self->dial_group_id);
      break;
    case PROP_DIAL_GROUP_NAME:
      g_value_set_string (value, ringside_campaign_get_dial_group_name (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, ringside_campaign_get_name (self));
      break;
    case PROP_DIAL_MODE:
      g_value_set_string (value, ringside_campaign_get_dial_mode (self));
      break;
    case PROP_IS_ACTIVE:
      g_value_set_boolean (value, self->is_active);
      break;
    case PROP_PRIORITY:
      g_value_set_int64 (value, self->priority);
      break;
    case PROP_START_DATE:
      g_value_set_boxed (value, self->start_date);
      break;
    case PROP_END_DATE:
      g_value_set_boxed (value, self->end_date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_campaign_class_init (RingsideCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ringside_campaign_finalize;
  object_class->get_property = ringside_campaign_get_property;

  properties[PROP_CAMPAIGN_ID] =
    g_param_spec_int64 ("campaign-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_DIAL_GROUP_ID] =
    g_param_spec_int64 ("dial-group-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_DIAL_GROUP_NAME] =
    g_param_spec_string ("dial-group-name", NULL, NULL, "", flags | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_DIAL_MODE] =
    g_param_spec_string ("dial-mode", NULL, NULL, "", flags | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IS_ACTIVE] = g_param_spec_boolean ("is-active", NULL, NULL, FALSE, flags);
  properties[PROP_PRIORITY] =
    g_param_spec_int64 ("priority", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_START_DATE] =
    g_param_spec_boxed ("start-date", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_END_DATE] =
    g_param_spec_boxed ("end-date", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_campaign_init (RingsideCampaign *self)
{
}

char *
ringside_campaign_dial_mode_to_words (const char *code)
{
  static const struct { const char *code; const char *words; } modes[] = {
    { "PREVIEW", N_("Preview") },
    { "CLICK_TO_TALK", N_("Click to Talk") },
    { "PREDICTIVE", N_("Predictive") },
    { "POWER", N_("Power") },
    { "TCPA_SAFE_MODE", N_("TCPA Safe") },
  };
  g_autofree char *lower = NULL;

  if (code == NULL || code[0] == '\0')
    return g_strdup ("");

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      if (g_ascii_strcasecmp (code, modes[i].code) == 0)
        return g_strdup (_(modes[i].words));
    }

  lower = g_utf8_strdown (code, -1);
  g_strdelimit (lower, "_", ' ');
  lower[0] = g_ascii_toupper (lower[0]);
  return g_steal_pointer (&lower);
}

static void
update_search_key (RingsideCampaign *self)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->id);
  g_autofree char *joined = g_strjoin ("\n",
                                       ringside_campaign_get_name (self),
                                       ringside_campaign_get_dial_group_name (self),
                                       ringside_campaign_get_dial_mode (self),
                                       id,
                                       NULL);

  g_free (self->search_key);
  self->search_key = g_utf8_casefold (joined, -1);
}

/* {"dialGroup": {"id": 115793, "description": "Outbound Renewals"}} in the guide;
 * {"dialGroupId", "dialGroupName", "dialMode"} in the spec. */
static gboolean
read_dial_group (RingsideCampaign  *self,
                 JsonObject        *object,
                 char             **dial_mode,
                 GError           **error)
{
  JsonNode *node = ringside_json_get_member (object, "dialGroup");
  JsonObject *group;

  if (!ringside_json_read_int64 (object, "dialGroupId", &self->dial_group_id, error) ||
      (self->dial_group_id == 0 &&
       !ringside_json_read_int64 (object, "groupId", &self->dial_group_id, error)) ||
      !ringside_json_read_string (object, "dialMode", dial_mode, error))
    return FALSE;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return ringside_json_fail_member (error, "dialGroup", node, "an object");

  group = json_node_get_object (node);
  if (self->dial_group_id == 0 &&
      (!ringside_json_read_int64 (group, "dialGroupId", &self->dial_group_id, error) ||
       (self->dial_group_id == 0 &&
        !ringside_json_read_int64 (group, "id", &self->dial_group_id, error))))
    return FALSE;
  if (!ringside_json_read_string (group, "dialGroupName", &self->dial_group_name, error) ||
      (self->dial_group_name == NULL &&
       !ringside_json_read_string (group, "description", &self->dial_group_name, error)))
    return FALSE;
  if (*dial_mode == NULL && !ringside_json_read_string (group, "dialMode", dial_mode, error))
    return FALSE;

  return TRUE;
}

/**
 * ringside_campaign_new_from_json:
 *
 * Returns: (transfer full): the campaign, or %NULL with @error set
 */
RingsideCampaign *
ringside_campaign_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(RingsideCampaign) self = NULL;
  g_autofree char *dial_mode = NULL;
  g_autofree char *folded = NULL;
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                   "the campaign is %s, expected an object", ringside_json_describe (node));
      return NULL;
    }

  object = json_node_get_object (node);
  self = g_object_new (RINGSIDE_TYPE_CAMPAIGN, NULL);

  if (!ringside_json_read_int64 (object, "campaignId", &self->id, error) ||
      !read_dial_group (self, object, &dial_mode, error) ||
      !ringside_json_read_string (object, "campaignName", &self->name, error) ||
      !ringside_json_read_boolean (object, "isActive", &self->is_active, error) ||
      !ringside_json_read_int64 (object, "campaignPriority", &self->priority, error) ||
      !ringside_json_read_date (object, "startDate", &self->start_date, error) ||
      !ringside_json_read_date (object, "endDate", &self->end_date, error))
    return NULL;

  self->extra = ringside_json_dup_extra (object, known_members);
  if (dial_mode != NULL)
    self->dial_mode = ringside_campaign_dial_mode_to_words (dial_mode);

  folded = g_utf8_casefold (ringside_campaign_get_name (self), -1);
  self->name_sort_key = g_utf8_collate_key (folded, -1);
  update_search_key (self);

  return g_steal_pointer (&self);
}

#define GETTER_STRING(name, member) \
  const char * \
  ringside_campaign_get_##name (RingsideCampaign *self) \
  { \
    g_return_val_if_fail (RINGSIDE_IS_CAMPAIGN (self), NULL); \
    return self->member != NULL ? self->member : ""; \
  }

GETTER_STRING (dial_group_name, dial_group_name)
GETTER_STRING (name, name)
GETTER_STRING (dial_mode, dial_mode)
GETTER_STRING (name_sort_key, name_sort_key)

#undef GETTER_STRING

gint64
ringside_campaign_get_id (RingsideCampaign *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CAMPAIGN (self), 0);

  return self->id;
}

gint64
ringside_campaign_get_dial_group_id (RingsideCampaign *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CAMPAIGN (self), 0);

  return self->dial_group_id;
}

gboolean
ringside_campaign_get_is_active (RingsideCampaign *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CAMPAIGN (self), FALSE);

  return self->is_active;
}

/* After a change was applied (ringside-active-change.h): the row and the details rebind. */
void
ringside_campaign_set_is_active (RingsideCampaign *self,
                                 gboolean         is_active)
{
  g_return_if_fail (RINGSIDE_IS_CAMPAIGN (self));

  if (self->is_active == !!is_active)
    return;
  self->is_active = !!is_active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_ACTIVE]);
}

gint64
ringside_campaign_get_priority (RingsideCampaign *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CAMPAIGN (self), 0);

  return self->priority;
}

/**
 * ringside_campaign_get_start_date:
 *
 * Returns: (transfer none) (nullable): when the campaign starts, if the API said
 */
GDateTime *
ringside_campaign_get_start_date (RingsideCampaign *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CAMPAIGN (self), NULL);

  return self->start_date;
}

/**
 * ringside_campaign_get_end_date:
 *
 * Returns: (transfer none) (nullable): when the campaign ends, if the API said
 */
GDateTime *
ringside_campaign_get_end_date (RingsideCampaign *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CAMPAIGN (self), NULL);

  return self->end_date;
}

void
ringside_campaign_set_dial_group (RingsideCampaign *self,
                                  const char       *name,
                                  const char       *dial_mode)
{
  gboolean changed = FALSE;

  g_return_if_fail (RINGSIDE_IS_CAMPAIGN (self));

  if (self->dial_group_name == NULL && name != NULL && name[0] != '\0')
    {
      self->dial_group_name = g_strdup (name);
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAL_GROUP_NAME]);
    }
  if (self->dial_mode == NULL && dial_mode != NULL && dial_mode[0] != '\0')
    {
      self->dial_mode = ringside_campaign_dial_mode_to_words (dial_mode);
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAL_MODE]);
    }

  if (changed)
    update_search_key (self);
}

gboolean
ringside_campaign_matches (RingsideCampaign *self,
                           const char       *needle)
{
  g_return_val_if_fail (RINGSIDE_IS_CAMPAIGN (self), FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);

  if (G_UNLIKELY (self->search_key == NULL))
    update_search_key (self);

  return strstr (self->search_key, needle) != NULL;
}

/* The campaigns list */

static gboolean
campaign_parse (JsonNode   *element,
                GPtrArray  *out,
                GError    **error)
{
  RingsideCampaign *campaign = ringside_campaign_new_from_json (element, error);

  if (campaign == NULL)
    return FALSE;

  g_ptr_array_add (out, campaign);
  return TRUE;
}

static gboolean
campaign_match (gpointer    item,
                const char *needle)
{
  return ringside_campaign_matches (item, needle);
}

static void
campaign_adopt (gpointer child,
                gpointer parent)
{
  RingsideCampaign *campaign = child;

  if (campaign->dial_group_id == 0)
    campaign->dial_group_id = ringside_group_get_id (parent);
  ringside_campaign_set_dial_group (campaign, ringside_group_get_name (parent),
                                    ringside_group_get_dial_mode (parent));
}

static const RingsideListFanOut campaigns_fan_out = {
  .parent = &ringside_dial_groups_list_kind,
  .placeholder = "dialGroupId",
  .get_parent_id = ringside_group_dup_id_text,
  .adopt = campaign_adopt,
  .max_requests = 4,
  .get_parent_name = (RingsideListTextFunc) ringside_group_get_name,
};

static const char *
campaigns_group_of (gpointer item)
{
  return ringside_campaign_get_dial_group_name (item);
}

const RingsideListKind ringside_campaigns_list_kind = {
  .name = "campaign",
  .get_item_type = ringside_campaign_get_type,
  .path_template =
    "/voice/api/v1/admin/accounts/{accountId}/dialGroups/{dialGroupId}/campaigns",
  .parse = campaign_parse,
  .match = campaign_match,
  .paging = RINGSIDE_LIST_PAGING_PAGE_MAX_ROWS,
  .page_size = 100,
  .fan_out = &campaigns_fan_out,
  .group_of = campaigns_group_of,
  .forbidden_message = N_("You don’t have permission to view dial groups in this account."),
};

const char *
ringside_campaign_get_extra_json (RingsideCampaign *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CAMPAIGN (self), NULL);

  return self->extra;
}
