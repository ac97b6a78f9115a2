/* ringside-audit-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-audit-entry.h"
#include "ringside-json-member.h"
#include "ringside-error.h"

/* What a secret's value is shown as. */
#define HIDDEN_VALUE "•••"
/* Values longer than this are cut: an audit line is a summary, not a dump. */
#define MAX_VALUE_CHARS 120

struct _RingsideAuditEntry
{
  GObject     parent_instance;

  char       *id;
  GDateTime  *time;
  char       *who;
  char       *who_user_name;
  char       *action;
  char       *object_class;
  char       *object_id;
  char       *object_description;
  char       *account_id;
  GStrv       names;
  GStrv       old_values;
  GStrv       new_values;
  char       *changes_text;
};

G_DEFINE_FINAL_TYPE (RingsideAuditEntry, ringside_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TIME,
  PROP_WHO,
  PROP_WHO_USER_NAME,
  PROP_ACTION,
  PROP_OBJECT_CLASS,
  PROP_OBJECT_ID,
  PROP_OBJECT_DESCRIPTION,
  PROP_ACCOUNT_ID,
  PROP_CHANGES_TEXT,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
ringside_audit_entry_finalize (GObject *object)
{
  RingsideAuditEntry *self = RINGSIDE_AUDIT_ENTRY (object);

  g_free (self->id);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->who);
  g_free (self->who_user_name);
  g_free (self->action);
  g_free (self->object_class);
  g_free (self->object_id);
  g_free (self->object_description);
  g_free (self->account_id);
  g_strfreev (self->names);
  g_strfreev (self->old_values);
  g_strfreev (self->new_values);
  g_free (self->changes_text);

  G_OBJECT_CLASS (ringside_audit_entry_parent_class)->finalize (object);
}

static void
ringside_audit_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RingsideAuditEntry *self = RINGSIDE_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;
    case PROP_WHO:
      g_value_set_string (value, self->who);
      break;
    case PROP_WHO_USER_NAME:
      g_value_set_string (value, self->who_user_name);
      break;
    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    case PROP_OBJECT_CLASS:
      g_value_set_string (value, self->object_class);
      break;
    case PROP_OBJECT_ID:
      g_value_set_string (value, self->object_id);
      break;
    case PROP_OBJECT_DESCRIPTION:
      g_value_set_string (value, self->object_description);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;
    case PROP_CHANGES_TEXT:
      g_value_set_string (value, self->changes_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_audit_entry_class_init (RingsideAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ringside_audit_entry_finalize;
  object_class->get_property = ringside_audit_entry_get_property;

  props[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  props[PROP_TIME] = g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME, flags);
  props[PROP_WHO] = g_param_spec_string ("who", NULL, NULL, NULL, flags);
  props[PROP_WHO_USER_NAME] = g_param_spec_string ("who-user-name", NULL, NULL, NULL, flags);
  props[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, flags);
  props[PROP_OBJECT_CLASS] = g_param_spec_string ("object-class", NULL, NULL, NULL, flags);
  props[PROP_OBJECT_ID] = g_param_spec_string ("object-id", NULL, NULL, NULL, flags);
  props[PROP_OBJECT_DESCRIPTION] = g_param_spec_string ("object-description", NULL, NULL, NULL,
                                                        flags);
  props[PROP_ACCOUNT_ID] = g_param_spec_string ("account-id", NULL, NULL, NULL, flags);
  props[PROP_CHANGES_TEXT] = g_param_spec_string ("changes-text", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ringside_audit_entry_init (RingsideAuditEntry *self)
{
}

/* Reading */

/* A scalar as text: strings as they are, numbers and booleans as JSON writes them; NULL for
 * null, objects and arrays (which could hold anything, secrets included). Cut to a summary,
 * and never invalid UTF-8. */
static char *
scalar_text (JsonNode *node)
{
  g_autofree char *text = NULL;
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    text = g_utf8_make_valid (json_node_get_string (node), -1);
  else if (type == G_TYPE_INT64)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (type == G_TYPE_BOOLEAN)
    text = g_strdup (json_node_get_boolean (node) ? "true" : "false");
  else if (type == G_TYPE_DOUBLE)
    text = g_strdup_printf ("%g", json_node_get_double (node));
  else
    return NULL;

  g_strdelimit (text, "\n\r\t", ' ');
  if (g_utf8_strlen (text, -1) > MAX_VALUE_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (text, MAX_VALUE_CHARS);
      char *cut = g_strndup (text, end - text);

      g_free (text);
      text = g_strconcat (cut, "…", NULL);
      g_free (cut);
    }

  return g_steal_pointer (&text);
}

static char *
member_text (JsonObject *object,
             const char *name)
{
  return object != NULL ? scalar_text (json_object_get_member (object, name)) : NULL;
}

/* Attribute names whose values must never be shown: RingCX logs a changed password as it
 * logs any other attribute. */
static gboolean
is_secret_attribute (const char *name)
{
  static const char * const words[] = {
    "password", "passwd", "pwd", "secret", "token", "pin", "key", "credential",
  };
  g_autofree char *folded = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

static GDateTime *
entry_time (JsonObject *object)
{
  g_autoptr(GDateTime) utc = NULL;

  /* Milliseconds since 1970, else the same time as text; a wrong type counts as missing. */
  if (!ringside_json_read_date (object, "createTime", &utc, NULL) || utc == NULL)
    ringside_json_read_date (object, "createTimeAsDateTime", &utc, NULL);

  return utc != NULL ? g_date_time_to_local (utc) : NULL;
}

static void
read_changes (RingsideAuditEntry *self,
              JsonObject         *object)
{
  JsonNode *list = json_object_get_member (object, "auditLogResultList");
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) olds = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) news = g_strv_builder_new ();
  GString *text = g_string_new (NULL);
  JsonArray *array = list != NULL && JSON_NODE_HOLDS_ARRAY (list) ? json_node_get_array (list)
                                                                 : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *result = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element)
                                                            : NULL;
      g_autofree char *name = member_text (result, "attributeName");
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      if (name == NULL)
        continue;

      if (is_secret_attribute (name))
        {
          old_value = g_strdup (HIDDEN_VALUE);
          new_value = g_strdup (HIDDEN_VALUE);
        }
      else
        {
          old_value = member_text (result, "originalValue");
          new_value = member_text (result, "newValue");
        }

      g_strv_builder_add (names, name);
      g_strv_builder_add (olds, old_value != NULL ? old_value : "");
      g_strv_builder_add (news, new_value != NULL ? new_value : "");
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s → %s", name, old_value != NULL ? old_value : "—",
                              new_value != NULL ? new_value : "—");
    }

  self->names = g_strv_builder_end (names);
  self->old_values = g_strv_builder_end (olds);
  self->new_values = g_strv_builder_end (news);
  self->changes_text = g_string_free (text, FALSE);
}

RingsideAuditEntry *
ringside_audit_entry_new_from_json (JsonNode  *node,
                                    GError   **error)
{
  g_autoptr(RingsideAuditEntry) self = NULL;
  JsonObject *object;
  JsonNode *user_node;
  JsonObject *user;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *audited_class = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                           "An audit log entry is not an object.");
      return NULL;
    }

  object = json_node_get_object (node);
  self = g_object_new (RINGSIDE_TYPE_AUDIT_ENTRY, NULL);

  self->id = member_text (object, "id");
  self->time = entry_time (object);
  if (self->time == NULL)
    self->time = g_date_time_new_from_unix_local (0);
  self->action = member_text (object, "actionType");
  self->object_id = member_text (object, "auditedEntityId");
  self->object_description = member_text (object, "auditedEntityDescription");
  self->account_id = member_text (object, "accountId");

  /* "com.connectfirst.api.model.intelliqueue_globalcatalog.acd.Gate" → "Gate" */
  audited_class = member_text (object, "auditedClass");
  if (audited_class != NULL)
    self->object_class = g_strdup (strrchr (audited_class, '.') != NULL
                                   ? strrchr (audited_class, '.') + 1 : audited_class);

  /* Only the names: authUser also carries "fullJson", never read. */
  user_node = json_object_get_member (object, "authUser");
  user = user_node != NULL && JSON_NODE_HOLDS_OBJECT (user_node)
         ? json_node_get_object (user_node) : NULL;
  first = member_text (user, "firstName");
  last = member_text (user, "lastName");
  self->who_user_name = member_text (user, "userName");
  if (first != NULL || last != NULL)
    self->who = g_strstrip (g_strjoin (" ", first != NULL ? first : "",
                                       last != NULL ? last : "", NULL));
  if (self->who == NULL || *self->who == '\0')
    {
      g_free (self->who);
      self->who = g_strdup (self->who_user_name != NULL ? self->who_user_name : "");
    }

  read_changes (self, object);

  return g_steal_pointer (&self);
}

const char *
ringside_audit_entry_get_id (RingsideAuditEntry *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (self), NULL);
  return self->id;
}

GDateTime *
ringside_audit_entry_get_time (RingsideAuditEntry *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (self), NULL);
  return self->time;
}

const char *
ringside_audit_entry_get_who (RingsideAuditEntry *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (self), NULL);
  return self->who;
}

const char *
ringside_audit_entry_get_who_user_name (RingsideAuditEntry *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (self), NULL);
  return self->who_user_name;
}

const char *
ringside_audit_entry_get_action (RingsideAuditEntry *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (self), NULL);
  return self->action;
}

const char *
ringside_audit_entry_get_object_class (RingsideAuditEntry *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (self), NULL);
  return self->object_class;
}

const char *
ringside_audit_entry_get_object_id (RingsideAuditEntry *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (self), NULL);
  return self->object_id;
}

const char *
ringside_audit_entry_get_object_description (RingsideAuditEntry *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (self), NULL);
  return self->object_description;
}

const char *
ringside_audit_entry_get_account_id (RingsideAuditEntry *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (self), NULL);
  return self->account_id;
}

const char *
ringside_audit_entry_get_changes_text (RingsideAuditEntry *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (self), NULL);
  return self->changes_text;
}

const char * const *
ringside_audit_entry_get_attribute_names (RingsideAuditEntry *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (self), NULL);
  return (const char * const *) self->names;
}

const char * const *
ringside_audit_entry_get_old_values (RingsideAuditEntry *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (self), NULL);
  return (const char * const *) self->old_values;
}

const char * const *
ringside_audit_entry_get_new_values (RingsideAuditEntry *self)
{
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (self), NULL);
  return (const char * const *) self->new_values;
}

static gboolean
text_matches (const char *text,
              const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

gboolean
ringside_audit_entry_matches (RingsideAuditEntry *self,
                              const char         *needle)
{
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (self), FALSE);

  if (needle == NULL || *needle == '\0')
    return TRUE;

  return text_matches (self->who, needle) || text_matches (self->who_user_name, needle) ||
         text_matches (self->object_class, needle) || text_matches (self->object_id, needle) ||
         text_matches (self->object_description, needle) ||
         text_matches (self->action, needle) || text_matches (self->changes_text, needle);
}
