/* ringside-change-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-change-record.h"

struct _RingsideChangeRecord
{
  GObject               parent_instance;

  GDateTime            *time;
  char                 *who;
  RingsideChangeKind    kind;
  char                 *account_id;
  gint64                object_id;
  char                 *object_name;
  gboolean              old_active;
  gboolean              new_active;
  RingsideChangeStatus  status;
  char                 *message;
};

G_DEFINE_FINAL_TYPE (RingsideChangeRecord, ringside_change_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIME,
  PROP_WHO,
  PROP_KIND,
  PROP_ACCOUNT_ID,
  PROP_OBJECT_ID,
  PROP_OBJECT_NAME,
  PROP_OLD_ACTIVE,
  PROP_NEW_ACTIVE,
  PROP_STATUS,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
ringside_change_record_finalize (GObject *object)
{
  RingsideChangeRecord *self = RINGSIDE_CHANGE_RECORD (object);

  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->who);
  g_free (self->account_id);
  g_free (self->object_name);
  g_free (self->message);

  G_OBJECT_CLASS (ringside_change_record_parent_class)->finalize (object);
}

static void
ringside_change_record_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RingsideChangeRecord *self = RINGSIDE_CHANGE_RECORD (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;
    case PROP_WHO:
      g_value_set_string (value, self->who);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;
    case PROP_OBJECT_ID:
      g_value_set_int64 (value, self->object_id);
      break;
    case PROP_OBJECT_NAME:
      g_value_set_string (value, self->object_name);
      break;
    case PROP_OLD_ACTIVE:
      g_value_set_boolean (value, self->old_active);
      break;
    case PROP_NEW_ACTIVE:
      g_value_set_boolean (value, self->new_active);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_change_record_class_init (RingsideChangeRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ringside_change_record_finalize;
  object_class->get_property = ringside_change_record_get_property;

  props[PROP_TIME] = g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME, flags);
  props[PROP_WHO] = g_param_spec_string ("who", NULL, NULL, NULL, flags);
  props[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, RINGSIDE_CHANGE_KIND_CAMPAIGN, 0,
                                       flags);
  props[PROP_ACCOUNT_ID] = g_param_spec_string ("account-id", NULL, NULL, NULL, flags);
  props[PROP_OBJECT_ID] = g_param_spec_int64 ("object-id", NULL, NULL, G_MININT64, G_MAXINT64,
                                              0, flags);
  props[PROP_OBJECT_NAME] = g_param_spec_string ("object-name", NULL, NULL, NULL, flags);
  props[PROP_OLD_ACTIVE] = g_param_spec_boolean ("old-active", NULL, NULL, FALSE, flags);
  props[PROP_NEW_ACTIVE] = g_param_spec_boolean ("new-active", NULL, NULL, FALSE, flags);
  props[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, RINGSIDE_CHANGE_STATUS_FAILED,
                                         0, flags);
  props[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ringside_change_record_init (RingsideChangeRecord *self)
{
}

RingsideChangeRecord *
ringside_change_record_new (RingsideActiveChange *change,
                            const char           *who)
{
  RingsideChangeRecord *self;

  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (change), NULL);

  self = g_object_new (RINGSIDE_TYPE_CHANGE_RECORD, NULL);
  self->time = g_date_time_new_now_local ();
  self->who = g_strdup (who);
  self->kind = ringside_active_change_get_kind (change);
  self->account_id = g_strdup (ringside_active_change_get_account_id (change));
  self->object_id = ringside_active_change_get_object_id (change);
  self->object_name = g_strdup (ringside_active_change_get_name (change));
  self->old_active = ringside_active_change_get_old_active (change);
  self->new_active = ringside_active_change_get_new_active (change);
  self->status = RINGSIDE_CHANGE_STATUS_PENDING;

  return self;
}

void
ringside_change_record_complete (RingsideChangeRecord *self,
                                 RingsideActiveChange *change,
                                 const GError         *error)
{
  g_return_if_fail (RINGSIDE_IS_CHANGE_RECORD (self));
  g_return_if_fail (self->status == RINGSIDE_CHANGE_STATUS_PENDING);

  g_free (self->message);
  if (error == NULL)
    {
      self->status = RINGSIDE_CHANGE_STATUS_SUCCEEDED;
      self->message = ringside_active_change_dup_done_message (change);
    }
  else
    {
      self->status = RINGSIDE_CHANGE_STATUS_FAILED;
      self->message = ringside_active_change_dup_failure_message (change, error);
    }

  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MESSAGE]);
}

GDateTime *
ringside_change_record_get_time (RingsideChangeRecord *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CHANGE_RECORD (self), NULL);

  return self->time;
}

const char *
ringside_change_record_get_who (RingsideChangeRecord *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CHANGE_RECORD (self), NULL);

  return self->who;
}

RingsideChangeKind
ringside_change_record_get_kind (RingsideChangeRecord *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CHANGE_RECORD (self), 0);

  return self->kind;
}

const char *
ringside_change_record_get_account_id (RingsideChangeRecord *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CHANGE_RECORD (self), NULL);

  return self->account_id;
}

gint64
ringside_change_record_get_object_id (RingsideChangeRecord *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CHANGE_RECORD (self), 0);

  return self->object_id;
}

const char *
ringside_change_record_get_object_name (RingsideChangeRecord *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CHANGE_RECORD (self), NULL);

  return self->object_name;
}

gboolean
ringside_change_record_get_old_active (RingsideChangeRecord *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CHANGE_RECORD (self), FALSE);

  return self->old_active;
}

gboolean
ringside_change_record_get_new_active (RingsideChangeRecord *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CHANGE_RECORD (self), FALSE);

  return self->new_active;
}

RingsideChangeStatus
ringside_change_record_get_status (RingsideChangeRecord *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CHANGE_RECORD (self), 0);

  return self->status;
}

const char *
ringside_change_record_get_message (RingsideChangeRecord *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CHANGE_RECORD (self), NULL);

  return self->message;
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
ringside_change_record_matches (RingsideChangeRecord *self,
                                const char           *needle)
{
  char id[32];

  g_return_val_if_fail (RINGSIDE_IS_CHANGE_RECORD (self), FALSE);

  if (needle == NULL || *needle == '\0')
    return TRUE;

  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, self->object_id);
  return strstr (id, needle) != NULL || text_matches (self->object_name, needle) ||
         text_matches (self->who, needle) || text_matches (self->message, needle);
}

static const char *
audited_class (RingsideChangeKind kind)
{
  switch (kind)
    {
    case RINGSIDE_CHANGE_KIND_USER:
      return "User";
    case RINGSIDE_CHANGE_KIND_AGENT:
      return "Agent";
    case RINGSIDE_CHANGE_KIND_QUEUE:
      return "Gate";
    case RINGSIDE_CHANGE_KIND_CAMPAIGN:
      return "Campaign";
    default:
      return NULL;
    }
}

/* How far the server's clock may be behind ours when it logs a change. */
#define CLOCK_SLACK_US (G_GINT64_CONSTANT (120) * G_USEC_PER_SEC)

gboolean
ringside_change_record_is_in_audit_log (RingsideChangeRecord *self,
                                        RingsideAuditEntry   *entry)
{
  char id[32];

  g_return_val_if_fail (RINGSIDE_IS_CHANGE_RECORD (self), FALSE);
  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (entry), FALSE);

  if (self->status != RINGSIDE_CHANGE_STATUS_SUCCEEDED)
    return FALSE;

  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, self->object_id);
  return g_strcmp0 (ringside_audit_entry_get_object_class (entry),
                    audited_class (self->kind)) == 0 &&
         g_strcmp0 (ringside_audit_entry_get_object_id (entry), id) == 0 &&
         g_strcmp0 (ringside_audit_entry_get_action (entry), "UPDATE") == 0 &&
         g_date_time_difference (ringside_audit_entry_get_time (entry), self->time) >=
           -CLOCK_SLACK_US;
}
