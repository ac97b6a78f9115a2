/* ringside-active-change.c
 *
 * Enabling and disabling users, agents, queues and campaigns. Agents and campaigns have no
 * switch of their own in RingCX's API: the whole object is PUT back, so it is fetched fresh
 * and sent back as RingCX wrote it, one member changed. A body rebuilt from what a model
 * keeps would wipe every setting the app does not know.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ringside-active-change.h"
#include "ringside-change-log.h"
#include "ringside-error.h"

#define ADMIN_PATH   "/voice/api/v1/admin"
#define ACTIVE_FIELD "isActive"

struct _RingsideActiveChange
{
  GObject             parent_instance;

  RingsideChangeKind  kind;
  char               *account_id;
  gint64              group_id;
  gint64              object_id;
  char               *name;
  gboolean            new_active;
  char               *path;
};

G_DEFINE_FINAL_TYPE (RingsideActiveChange, ringside_active_change, G_TYPE_OBJECT)

static void
ringside_active_change_finalize (GObject *object)
{
  RingsideActiveChange *self = RINGSIDE_ACTIVE_CHANGE (object);

  g_free (self->account_id);
  g_free (self->name);
  g_free (self->path);

  G_OBJECT_CLASS (ringside_active_change_parent_class)->finalize (object);
}

static void
ringside_active_change_class_init (RingsideActiveChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ringside_active_change_finalize;
}

static void
ringside_active_change_init (RingsideActiveChange *self)
{
}

static RingsideActiveChange *
change_new (RingsideChangeKind  kind,
            const char         *account_id,
            gint64              group_id,
            gint64              object_id,
            const char         *name,
            gboolean            active)
{
  RingsideActiveChange *self = g_object_new (RINGSIDE_TYPE_ACTIVE_CHANGE, NULL);
  g_autofree char *account = account_id != NULL ? g_uri_escape_string (account_id, NULL, FALSE)
                                                : NULL;

  self->kind = kind;
  self->account_id = g_strdup (account_id);
  self->group_id = group_id;
  self->object_id = object_id;
  self->name = g_strdup (name != NULL ? name : "");
  self->new_active = !!active;

  switch (kind)
    {
    case RINGSIDE_CHANGE_KIND_USER:
      self->path = g_strdup_printf (ADMIN_PATH "/users/%" G_GINT64_FORMAT, object_id);
      break;
    case RINGSIDE_CHANGE_KIND_AGENT:
      self->path = g_strdup_printf (ADMIN_PATH "/accounts/%s/agentGroups/%" G_GINT64_FORMAT
                                    "/agents/%" G_GINT64_FORMAT, account, group_id, object_id);
      break;
    case RINGSIDE_CHANGE_KIND_QUEUE:
      self->path = g_strdup_printf (ADMIN_PATH "/accounts/%s/gateGroups/%" G_GINT64_FORMAT
                                    "/gates/%" G_GINT64_FORMAT, account, group_id, object_id);
      break;
    case RINGSIDE_CHANGE_KIND_CAMPAIGN:
      self->path = g_strdup_printf (ADMIN_PATH "/accounts/%s/dialGroups/%" G_GINT64_FORMAT
                                    "/campaigns/%" G_GINT64_FORMAT, account, group_id,
                                    object_id);
      break;
    default:
      g_assert_not_reached ();
    }

  return self;
}

RingsideActiveChange *
ringside_active_change_new_user (gint64      user_id,
                                 const char *name,
                                 gboolean    active)
{
  return change_new (RINGSIDE_CHANGE_KIND_USER, NULL, 0, user_id, name, active);
}

RingsideActiveChange *
ringside_active_change_new_agent (const char *account_id,
                                  gint64      agent_group_id,
                                  gint64      agent_id,
                                  const char *name,
                                  gboolean    active)
{
  g_return_val_if_fail (account_id != NULL, NULL);

  return change_new (RINGSIDE_CHANGE_KIND_AGENT, account_id, agent_group_id, agent_id, name,
                     active);
}

RingsideActiveChange *
ringside_active_change_new_queue (const char *account_id,
                                  gint64      gate_group_id,
                                  gint64      gate_id,
                                  const char *name,
                                  gboolean    active)
{
  g_return_val_if_fail (account_id != NULL, NULL);

  return change_new (RINGSIDE_CHANGE_KIND_QUEUE, account_id, gate_group_id, gate_id, name,
                     active);
}

RingsideActiveChange *
ringside_active_change_new_campaign (const char *account_id,
                                     gint64      dial_group_id,
                                     gint64      campaign_id,
                                     const char *name,
                                     gboolean    active)
{
  g_return_val_if_fail (account_id != NULL, NULL);

  return change_new (RINGSIDE_CHANGE_KIND_CAMPAIGN, account_id, dial_group_id, campaign_id,
                     name, active);
}

RingsideChangeKind
ringside_active_change_get_kind (RingsideActiveChange *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), 0);

  return self->kind;
}

const char *
ringside_active_change_get_account_id (RingsideActiveChange *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), NULL);

  return self->account_id;
}

gint64
ringside_active_change_get_group_id (RingsideActiveChange *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), 0);

  return self->group_id;
}

gint64
ringside_active_change_get_object_id (RingsideActiveChange *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), 0);

  return self->object_id;
}

const char *
ringside_active_change_get_name (RingsideActiveChange *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), NULL);

  return self->name;
}

gboolean
ringside_active_change_get_old_active (RingsideActiveChange *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), FALSE);

  return !self->new_active;
}

gboolean
ringside_active_change_get_new_active (RingsideActiveChange *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), FALSE);

  return self->new_active;
}

const char *
ringside_active_change_get_path (RingsideActiveChange *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), NULL);

  return self->path;
}

RingsideActiveChange *
ringside_active_change_reverse (RingsideActiveChange *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), NULL);

  return change_new (self->kind, self->account_id, self->group_id, self->object_id,
                     self->name, !self->new_active);
}

/* Texts. Whole sentences for each kind and direction, so that translators can inflect. */

const char *
ringside_active_change_get_confirm_label (RingsideActiveChange *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), NULL);

  return self->new_active ? _("Enable") : _("Disable");
}

gboolean
ringside_active_change_is_destructive (RingsideActiveChange *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), FALSE);

  return !self->new_active;
}

/* One sentence with the object's name in it, chosen by kind and direction. Each is a
 * literal, for the format checks and for xgettext. */
#define PICK(self, user, agent, queue, campaign, ...) \
  ((self)->kind == RINGSIDE_CHANGE_KIND_USER ? g_strdup_printf (user, __VA_ARGS__) : \
   (self)->kind == RINGSIDE_CHANGE_KIND_AGENT ? g_strdup_printf (agent, __VA_ARGS__) : \
   (self)->kind == RINGSIDE_CHANGE_KIND_QUEUE ? g_strdup_printf (queue, __VA_ARGS__) : \
   g_strdup_printf (campaign, __VA_ARGS__))

char *
ringside_active_change_dup_question (RingsideActiveChange *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), NULL);

  if (self->new_active)
    return PICK (self, _("Enable user “%s”?"), _("Enable agent “%s”?"),
                 _("Enable queue “%s”?"), _("Enable campaign “%s”?"), self->name);

  return PICK (self, _("Disable user “%s”?"), _("Disable agent “%s”?"),
               _("Disable queue “%s”?"), _("Disable campaign “%s”?"), self->name);
}

char *
ringside_active_change_dup_done_message (RingsideActiveChange *self)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), NULL);

  if (self->new_active)
    return PICK (self, _("Enabled user “%s”."), _("Enabled agent “%s”."),
                 _("Enabled queue “%s”."), _("Enabled campaign “%s”."), self->name);

  return PICK (self, _("Disabled user “%s”."), _("Disabled agent “%s”."),
               _("Disabled queue “%s”."), _("Disabled campaign “%s”."), self->name);
}

char *
ringside_active_change_dup_failure_message (RingsideActiveChange *self,
                                            const GError         *error)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  /* Translators: the first %s is a name, the second why it failed (a sentence) */
  if (self->new_active)
    return PICK (self, _("Could not enable user “%s”: %s"),
                 _("Could not enable agent “%s”: %s"), _("Could not enable queue “%s”: %s"),
                 _("Could not enable campaign “%s”: %s"), self->name, error->message);

  return PICK (self, _("Could not disable user “%s”: %s"),
               _("Could not disable agent “%s”: %s"), _("Could not disable queue “%s”: %s"),
               _("Could not disable campaign “%s”: %s"), self->name, error->message);
}

#undef PICK

/* Single flight: the paths of the objects a change is being applied to, per session. */

#define IN_FLIGHT_KEY "ringside-active-change-in-flight"

static GHashTable *
in_flight_for (RingsideSession *session)
{
  GHashTable *paths = g_object_get_data (G_OBJECT (session), IN_FLIGHT_KEY);

  if (paths == NULL)
    {
      paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (session), IN_FLIGHT_KEY, paths,
                              (GDestroyNotify) g_hash_table_unref);
    }

  return paths;
}

gboolean
ringside_active_change_is_pending (RingsideActiveChange *self,
                                   RingsideSession      *session)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), FALSE);
  g_return_val_if_fail (RINGSIDE_IS_SESSION (session), FALSE);

  return g_hash_table_contains (in_flight_for (session), self->path);
}

/* Applying */

typedef struct
{
  RingsideSession      *session;
  RingsideChangeRecord *record;
} ApplyData;

static void
apply_data_free (ApplyData *data)
{
  g_clear_object (&data->session);
  g_clear_object (&data->record);
  g_free (data);
}

/* Ends the apply: the object is free again, the journal has the outcome, then the caller. */
static void
apply_complete (GTask  *task,
                GError *error)
{
  RingsideActiveChange *self = g_task_get_source_object (task);
  ApplyData *data = g_task_get_task_data (task);

  g_hash_table_remove (in_flight_for (data->session), self->path);
  ringside_change_record_complete (data->record, self, error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* RingCX says "not found" for an object that was deleted since it was listed; the client's
 * own sentence is about a wrong server address. */
static GError *
change_error (GError *error)
{
  if (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NOT_FOUND))
    {
      g_clear_error (&error);
      return g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_NOT_FOUND,
                                  "RingCX no longer has it; it may have been deleted.");
    }

  return error;
}

static void
on_put (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(JsonNode) answer = NULL;

  answer = ringside_session_send_json_finish (RINGSIDE_SESSION (source), result, &error);
  if (answer == NULL)
    {
      apply_complete (task, change_error (error));
      return;
    }

  /* setIsActive answers a boolean; false would be RingCX saying it changed nothing. */
  if (JSON_NODE_HOLDS_VALUE (answer) && json_node_get_value_type (answer) == G_TYPE_BOOLEAN &&
      !json_node_get_boolean (answer))
    {
      apply_complete (task, g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_SERVER,
                                                 "RingCX answered that it did not make the "
                                                 "change."));
      return;
    }

  apply_complete (task, NULL);
}

static const char *
id_member (RingsideChangeKind kind)
{
  return kind == RINGSIDE_CHANGE_KIND_AGENT ? "agentId" : "campaignId";
}

/* A copy of @object with only its active flag set to @active, in the JSON type it had (a
 * boolean, or the number 1/0). The other members are the very nodes RingCX sent, in their
 * order. NULL when the flag is missing or of another type. */
static JsonNode *
with_active (JsonObject *object,
             gboolean    active,
             gboolean   *was_active)
{
  JsonNode *flag = json_object_get_member (object, ACTIVE_FIELD);
  g_autoptr(JsonObject) copy = NULL;
  JsonNode *new_flag;
  GType type;

  if (flag == NULL || !JSON_NODE_HOLDS_VALUE (flag))
    return NULL;

  type = json_node_get_value_type (flag);
  if (type == G_TYPE_BOOLEAN)
    {
      *was_active = json_node_get_boolean (flag);
      new_flag = json_node_init_boolean (json_node_alloc (), active);
    }
  else if (type == G_TYPE_INT64)
    {
      *was_active = json_node_get_int (flag) != 0;
      new_flag = json_node_init_int (json_node_alloc (), active ? 1 : 0);
    }
  else
    return NULL;

  copy = json_object_new ();
  {
    JsonObjectIter iter;
    const char *name;
    JsonNode *node;

    json_object_iter_init_ordered (&iter, object);
    while (json_object_iter_next_ordered (&iter, &name, &node))
      json_object_set_member (copy, name, g_str_equal (name, ACTIVE_FIELD)
                                          ? json_node_ref (new_flag)
                                          : json_node_ref (node));
  }
  json_node_unref (new_flag);

  return json_node_init_object (json_node_alloc (), copy);
}

static void
on_fresh_object (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RingsideActiveChange *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr(JsonNode) fresh = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;
  JsonNode *id;
  GCancellable *cancellable;
  gboolean was_active = FALSE;

  fresh = ringside_session_fetch_json_finish (RINGSIDE_SESSION (source), result, &error);
  if (fresh == NULL)
    {
      apply_complete (task, change_error (error));
      return;
    }

  object = JSON_NODE_HOLDS_OBJECT (fresh) ? json_node_get_object (fresh) : NULL;
  id = object != NULL ? json_object_get_member (object, id_member (self->kind)) : NULL;
  /* Never PUT one object's body to another's path. */
  if (id != NULL && JSON_NODE_HOLDS_VALUE (id) &&
      json_node_get_value_type (id) == G_TYPE_INT64 && json_node_get_int (id) != self->object_id)
    object = NULL;

  body = object != NULL ? with_active (object, self->new_active, &was_active) : NULL;
  if (body == NULL)
    {
      apply_complete (task, g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                                                 "RingCX sent the object without a readable "
                                                 "active state; nothing was changed."));
      return;
    }

  /* Someone else made the same change since the list was read: done, nothing to send. */
  if (was_active == self->new_active)
    {
      apply_complete (task, NULL);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  ringside_session_send_json_async (RINGSIDE_SESSION (source), "PUT", self->path, body,
                                    cancellable, on_put, g_steal_pointer (&task));
}

static const char *
who_from (RingsideSession *session)
{
  const char *name = ringside_session_get_user_display_name (session);

  if (name != NULL && *name != '\0')
    return name;

  return ringside_session_get_user_email (session);
}

void
ringside_active_change_apply_async (RingsideActiveChange *self,
                                    RingsideSession      *session,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  GHashTable *in_flight;
  ApplyData *data;

  g_return_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self));
  g_return_if_fail (RINGSIDE_IS_SESSION (session));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_active_change_apply_async);

  in_flight = in_flight_for (session);
  if (g_hash_table_contains (in_flight, self->path))
    {
      /* A RINGSIDE_ERROR, so that it reaches the UI as a sentence like any other. */
      g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_BUSY, "%s",
                               _("Ringside is still applying the previous change to it. "
                                 "Wait for it to finish."));
      return;
    }
  g_hash_table_add (in_flight, g_strdup (self->path));

  data = g_new0 (ApplyData, 1);
  data->session = g_object_ref (session);
  data->record = ringside_change_record_new (self, who_from (session));
  g_task_set_task_data (task, data, (GDestroyNotify) apply_data_free);
  ringside_change_log_add (ringside_change_log_get_for_session (session), data->record);

  if (self->kind == RINGSIDE_CHANGE_KIND_USER || self->kind == RINGSIDE_CHANGE_KIND_QUEUE)
    {
      g_autofree char *path = g_strconcat (self->path, "/setIsActive", NULL);
      g_autoptr(JsonObject) state = json_object_new ();
      g_autoptr(JsonNode) body = NULL;

      /* RingCX's ActiveStateBoolean */
      json_object_set_boolean_member (state, ACTIVE_FIELD, self->new_active);
      body = json_node_init_object (json_node_alloc (), state);
      ringside_session_send_json_async (session, "PUT", path, body, cancellable, on_put,
                                        g_steal_pointer (&task));
      return;
    }

  ringside_session_fetch_json_async (session, self->path, cancellable, on_fresh_object,
                                     g_steal_pointer (&task));
}

gboolean
ringside_active_change_apply_finish (RingsideActiveChange  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (RINGSIDE_IS_ACTIVE_CHANGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
