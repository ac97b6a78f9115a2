/* ringside-history-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ringside-history-item.h"
#include "ringside-json-extra.h"

struct _RingsideHistoryItem
{
  GObject               parent_instance;

  RingsideAuditEntry   *entry;
  RingsideChangeRecord *record;
  GDateTime            *time;
  char                 *when_text;
  char                 *who;
  char                 *what;
  char                 *action;
  char                 *details;
  /* Every text shown, casefolded, for the search. */
  char                 *haystack;
  int                   this_session; /* atomic */
};

G_DEFINE_FINAL_TYPE (RingsideHistoryItem, ringside_history_item, G_TYPE_OBJECT)

static void
ringside_history_item_finalize (GObject *object)
{
  RingsideHistoryItem *self = RINGSIDE_HISTORY_ITEM (object);

  g_clear_object (&self->entry);
  g_clear_object (&self->record);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->when_text);
  g_free (self->who);
  g_free (self->what);
  g_free (self->action);
  g_free (self->details);
  g_free (self->haystack);

  G_OBJECT_CLASS (ringside_history_item_parent_class)->finalize (object);
}

static void
ringside_history_item_class_init (RingsideHistoryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ringside_history_item_finalize;
}

static void
ringside_history_item_init (RingsideHistoryItem *self)
{
}

/* Texts */

static char *
format_when (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  /* Translators: the time of a change in the History, e.g. "Dec 4, 2026, 14:03", like the
   * dates of the other lists ("%b %-d, %Y"); see g_date_time_format() */
  return g_date_time_format (local, _("%b %-d, %Y, %H:%M"));
}

/* One sentence per kind of object, so that translators can inflect. */
static char *
format_what (const char *object_class,
             const char *name)
{
  if (g_strcmp0 (object_class, "Agent") == 0)
    return g_strdup_printf (_("Agent “%s”"), name);
  if (g_strcmp0 (object_class, "Gate") == 0)
    return g_strdup_printf (_("Queue “%s”"), name);
  if (g_strcmp0 (object_class, "Campaign") == 0)
    return g_strdup_printf (_("Campaign “%s”"), name);
  if (g_strcmp0 (object_class, "User") == 0)
    return g_strdup_printf (_("User “%s”"), name);
  if (object_class != NULL && *object_class != '\0')
    /* Translators: an object of a kind Ringside has no words for: its RingCX class and name,
     * e.g. "DialGroup “Spring”" */
    return g_strdup_printf (_("%s “%s”"), object_class, name);
  return g_strdup_printf ("“%s”", name);
}

static const char *
kind_class (RingsideChangeKind kind)
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
    default:
      return "Campaign";
    }
}

static gboolean
is_true_text (const char *text)
{
  return g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0;
}

static gboolean
is_false_text (const char *text)
{
  return g_strcmp0 (text, "false") == 0 || g_strcmp0 (text, "0") == 0;
}

/* RingCX's action codes in words; an update of the active flag alone is an enable or a
 * disable, as the admin thinks of it. */
static char *
entry_action (RingsideAuditEntry *entry)
{
  const char *action = ringside_audit_entry_get_action (entry);
  const char * const *names = ringside_audit_entry_get_attribute_names (entry);
  const char * const *new_values = ringside_audit_entry_get_new_values (entry);

  if (g_strcmp0 (action, "CREATE") == 0)
    return g_strdup (C_("history action", "Created"));
  if (g_strcmp0 (action, "DELETE") == 0)
    return g_strdup (C_("history action", "Deleted"));
  if (g_strcmp0 (action, "UPDATE") != 0)
    return g_strdup (action != NULL ? action : "");

  if (names != NULL && names[0] != NULL && names[1] == NULL &&
      g_strcmp0 (names[0], "isActive") == 0)
    {
      if (is_true_text (new_values[0]))
        return g_strdup (C_("history action", "Enabled"));
      if (is_false_text (new_values[0]))
        return g_strdup (C_("history action", "Disabled"));
    }
  return g_strdup (C_("history action", "Changed"));
}

/* "isActive": a flag, whose 1 and 0 mean yes and no. */
static gboolean
is_flag_name (const char *name)
{
  return g_str_has_prefix (name, "is") && g_ascii_isupper (name[2]);
}

/* An attribute's name in words, "isActive" read as "Active" like the lists' column. */
static char *
attribute_words (const char *name)
{
  return ringside_json_name_to_words (is_flag_name (name) ? name + 2 : name);
}

/* A value as the lists show it: flags as Yes and No (campaigns send 1 and 0 for theirs). */
static const char *
attribute_value_words (const char *name,
                       const char *value)
{
  gboolean is_flag = is_flag_name (name);

  if (value == NULL || *value == '\0')
    return _("(none)");
  if (g_strcmp0 (value, "true") == 0 || (is_flag && is_true_text (value)))
    return _("Yes");
  if (g_strcmp0 (value, "false") == 0 || (is_flag && is_false_text (value)))
    return _("No");
  return value;
}

static char *
attribute_change_text (const char *name,
                       const char *old_value,
                       const char *new_value)
{
  /* Translators: an attribute's old and new value, e.g. "5 → 8" */
  return g_strdup_printf (_("%s → %s"),
                          attribute_value_words (name, old_value),
                          attribute_value_words (name, new_value));
}

/* One line in a row of the list: "Active: Yes → No; Priority: 5 → 8". */
static char *
entry_details (RingsideAuditEntry *entry)
{
  const char * const *names = ringside_audit_entry_get_attribute_names (entry);
  const char * const *old_values = ringside_audit_entry_get_old_values (entry);
  const char * const *new_values = ringside_audit_entry_get_new_values (entry);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *words = attribute_words (names[i]);
      g_autofree char *change = attribute_change_text (names[i], old_values[i], new_values[i]);

      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: a changed attribute and its change, e.g. "Priority: 5 → 8" */
      g_string_append_printf (text, _("%s: %s"), words, change);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
make_haystack (RingsideHistoryItem *self)
{
  const char *changes = self->entry != NULL
                        ? ringside_audit_entry_get_changes_text (self->entry) : NULL;
  /* The attributes' own names ("isActive") find them too. */
  g_autofree char *text = g_strjoin ("\n", self->when_text, self->who, self->what,
                                     self->action, self->details,
                                     self->record != NULL ? _("This session") : "",
                                     changes != NULL ? changes : "",
                                     NULL);

  self->haystack = g_utf8_casefold (text, -1);
}

RingsideHistoryItem *
ringside_history_item_new_for_entry (RingsideAuditEntry *entry)
{
  RingsideHistoryItem *self;
  const char *who;
  const char *name;

  g_return_val_if_fail (RINGSIDE_IS_AUDIT_ENTRY (entry), NULL);

  self = g_object_new (RINGSIDE_TYPE_HISTORY_ITEM, NULL);
  self->entry = g_object_ref (entry);
  if (ringside_audit_entry_get_time (entry) != NULL)
    self->time = g_date_time_ref (ringside_audit_entry_get_time (entry));
  self->when_text = format_when (self->time);

  who = ringside_audit_entry_get_who (entry);
  if (who == NULL || *who == '\0')
    who = ringside_audit_entry_get_who_user_name (entry);
  self->who = g_strdup (who != NULL ? who : "");

  name = ringside_audit_entry_get_object_description (entry);
  if (name == NULL || *name == '\0')
    name = ringside_audit_entry_get_object_id (entry);
  self->what = format_what (ringside_audit_entry_get_object_class (entry),
                            name != NULL ? name : "");
  self->action = entry_action (entry);
  self->details = entry_details (entry);
  make_haystack (self);
  return self;
}

RingsideHistoryItem *
ringside_history_item_new_for_record (RingsideChangeRecord *record)
{
  RingsideHistoryItem *self;
  gboolean enable;
  const char *who;

  g_return_val_if_fail (RINGSIDE_IS_CHANGE_RECORD (record), NULL);

  self = g_object_new (RINGSIDE_TYPE_HISTORY_ITEM, NULL);
  self->record = g_object_ref (record);
  self->this_session = TRUE;
  self->time = g_date_time_ref (ringside_change_record_get_time (record));
  self->when_text = format_when (self->time);
  who = ringside_change_record_get_who (record);
  self->who = g_strdup (who != NULL && *who != '\0' ? who : _("You"));
  self->what = format_what (kind_class (ringside_change_record_get_kind (record)),
                            ringside_change_record_get_object_name (record));

  enable = ringside_change_record_get_new_active (record);
  switch (ringside_change_record_get_status (record))
    {
    case RINGSIDE_CHANGE_STATUS_SUCCEEDED:
      self->action = g_strdup (enable ? C_("history action", "Enabled")
                                      : C_("history action", "Disabled"));
      self->details = g_strdup (enable ? _("Active: No → Yes") : _("Active: Yes → No"));
      break;

    case RINGSIDE_CHANGE_STATUS_FAILED:
      self->action = g_strdup (enable ? C_("history action", "Not enabled")
                                      : C_("history action", "Not disabled"));
      self->details = g_strdup (ringside_change_record_get_message (record));
      break;

    case RINGSIDE_CHANGE_STATUS_PENDING:
    default:
      self->action = g_strdup (enable ? C_("history action", "Enabling…")
                                      : C_("history action", "Disabling…"));
      self->details = g_strdup ("");
      break;
    }
  if (self->details == NULL)
    self->details = g_strdup ("");
  make_haystack (self);
  return self;
}

GDateTime *
ringside_history_item_get_time (RingsideHistoryItem *self)
{
  g_return_val_if_fail (RINGSIDE_IS_HISTORY_ITEM (self), NULL);
  return self->time;
}

const char *
ringside_history_item_get_when_text (RingsideHistoryItem *self)
{
  g_return_val_if_fail (RINGSIDE_IS_HISTORY_ITEM (self), NULL);
  return self->when_text;
}

const char *
ringside_history_item_get_who (RingsideHistoryItem *self)
{
  g_return_val_if_fail (RINGSIDE_IS_HISTORY_ITEM (self), NULL);
  return self->who;
}

const char *
ringside_history_item_get_what (RingsideHistoryItem *self)
{
  g_return_val_if_fail (RINGSIDE_IS_HISTORY_ITEM (self), NULL);
  return self->what;
}

const char *
ringside_history_item_get_action (RingsideHistoryItem *self)
{
  g_return_val_if_fail (RINGSIDE_IS_HISTORY_ITEM (self), NULL);
  return self->action;
}

const char *
ringside_history_item_get_details (RingsideHistoryItem *self)
{
  g_return_val_if_fail (RINGSIDE_IS_HISTORY_ITEM (self), NULL);
  return self->details;
}

RingsideAuditEntry *
ringside_history_item_get_entry (RingsideHistoryItem *self)
{
  g_return_val_if_fail (RINGSIDE_IS_HISTORY_ITEM (self), NULL);
  return self->entry;
}

RingsideChangeRecord *
ringside_history_item_get_record (RingsideHistoryItem *self)
{
  g_return_val_if_fail (RINGSIDE_IS_HISTORY_ITEM (self), NULL);
  return self->record;
}

gboolean
ringside_history_item_get_this_session (RingsideHistoryItem *self)
{
  g_return_val_if_fail (RINGSIDE_IS_HISTORY_ITEM (self), FALSE);
  return g_atomic_int_get (&self->this_session);
}

void
ringside_history_item_set_this_session (RingsideHistoryItem *self,
                                        gboolean             this_session)
{
  g_return_if_fail (RINGSIDE_IS_HISTORY_ITEM (self));
  g_atomic_int_set (&self->this_session, this_session ? 1 : 0);
}

gboolean
ringside_history_item_matches (RingsideHistoryItem *self,
                               const char          *needle)
{
  g_return_val_if_fail (RINGSIDE_IS_HISTORY_ITEM (self), FALSE);

  if (needle == NULL || *needle == '\0')
    return TRUE;
  if (strstr (self->haystack, needle) != NULL)
    return TRUE;

  /* The server's entries matched later carry the tag too. */
  if (self->entry != NULL && ringside_history_item_get_this_session (self))
    {
      g_autofree char *tag = g_utf8_casefold (_("This session"), -1);

      return strstr (tag, needle) != NULL;
    }
  return FALSE;
}

static void
add_row (GPtrArray  *rows,
         const char *label,
         const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_ptr_array_add (rows, g_strdup (label));
  g_ptr_array_add (rows, g_strdup (value));
}

void
ringside_history_item_describe (RingsideHistoryItem  *self,
                                char                **title,
                                char                **subtitle,
                                GPtrArray            *rows)
{
  g_return_if_fail (RINGSIDE_IS_HISTORY_ITEM (self));
  g_return_if_fail (title != NULL && subtitle != NULL && rows != NULL);

  *title = g_strdup (self->what);
  *subtitle = g_strdup (self->action);
  add_row (rows, _("When"), self->when_text);
  add_row (rows, _("Who"), self->who);
  add_row (rows, _("What"), self->what);
  add_row (rows, _("Action"), self->action);

  if (self->entry != NULL)
    {
      RingsideAuditEntry *entry = self->entry;
      const char * const *names = ringside_audit_entry_get_attribute_names (entry);
      const char * const *old_values = ringside_audit_entry_get_old_values (entry);
      const char * const *new_values = ringside_audit_entry_get_new_values (entry);

      add_row (rows, _("User Name"), ringside_audit_entry_get_who_user_name (entry));
      add_row (rows, _("Object ID"), ringside_audit_entry_get_object_id (entry));
      add_row (rows, _("Account ID"), ringside_audit_entry_get_account_id (entry));
      /* Each changed attribute on a row of its own; secrets are already "•••". */
      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          g_autofree char *words = attribute_words (names[i]);
          g_autofree char *change = attribute_change_text (names[i], old_values[i],
                                                           new_values[i]);

          add_row (rows, words, change);
        }
      add_row (rows, _("Entry ID"), ringside_audit_entry_get_id (entry));
      add_row (rows, _("Source"), ringside_history_item_get_this_session (self)
                                  ? _("RingCX audit log; made by Ringside in this session")
                                  : _("RingCX audit log"));
    }
  else
    {
      char id[32];

      g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT,
                  ringside_change_record_get_object_id (self->record));
      add_row (rows, _("Details"), self->details);
      add_row (rows, _("Object ID"), id);
      add_row (rows, _("Account ID"), ringside_change_record_get_account_id (self->record));
      add_row (rows, _("Source"), _("This session: not yet in RingCX’s audit log"));
    }
}

/* The History list */

static gboolean
history_parse (JsonNode   *element,
               GPtrArray  *out,
               GError    **error)
{
  g_autoptr(RingsideAuditEntry) entry = ringside_audit_entry_new_from_json (element, error);

  if (entry == NULL)
    return FALSE;

  g_ptr_array_add (out, ringside_history_item_new_for_entry (entry));
  return TRUE;
}

static gboolean
history_match (gpointer    item,
               const char *needle)
{
  return ringside_history_item_matches (item, needle);
}

const RingsideListKind ringside_history_list_kind = {
  .name = "audit log entry",
  .get_item_type = ringside_history_item_get_type,
  .path_template = "/voice/api/v1/admin/auditLogs/search?accountId={accountId}&since={since}",
  .parse = history_parse,
  .match = history_match,
  .paging = RINGSIDE_LIST_PAGING_NONE,
  .forbidden_message = N_("You don’t have permission to read the audit log in this account."),
};
