/* ringside-detail-pane.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-active-change.h"
#include "ringside-agent.h"
#include "ringside-campaign.h"
#include "ringside-detail-pane-private.h"
#include "ringside-history-item.h"
#include "ringside-queue.h"
#include "ringside-ui-utils.h"
#include "ringside-user.h"

G_DEFINE_FINAL_TYPE (RingsideDetailPane, ringside_detail_pane, ADW_TYPE_BIN)

enum
{
  CLOSE_REQUESTED,
  ITEM_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

RingsideDetailPane *
ringside_detail_pane_new (void)
{
  return g_object_new (RINGSIDE_TYPE_DETAIL_PANE, NULL);
}

GObject *
ringside_detail_pane_get_item (RingsideDetailPane *self)
{
  g_return_val_if_fail (RINGSIDE_IS_DETAIL_PANE (self), NULL);

  return self->item;
}

void
ringside_detail_pane_set_session (RingsideDetailPane *self,
                                  RingsideSession    *session)
{
  g_return_if_fail (RINGSIDE_IS_DETAIL_PANE (self));

  g_set_object (&self->session, session);
}

void
ringside_detail_pane_set_related_list (RingsideDetailPane *self,
                                       RingsideItemList   *list)
{
  g_return_if_fail (RINGSIDE_IS_DETAIL_PANE (self));
  g_return_if_fail (list == NULL || RINGSIDE_IS_ITEM_LIST (list));

  g_set_object (&self->related_list, list);
}

void
ringside_detail_pane_set_account_id (RingsideDetailPane *self,
                                     const char         *account_id)
{
  g_return_if_fail (RINGSIDE_IS_DETAIL_PANE (self));

  g_free (self->account_id);
  self->account_id = g_strdup (account_id);
}

/* The detail description: what the pane shows of one item, in words. Each kind of item is
 * described by one function below; the pane itself knows no item type. */
typedef struct
{
  char      *title;
  char      *subtitle;
  GPtrArray *rows;       /* label, value, label, value… (owned strings) */
  const char *extra;     /* the item's unread JSON members, for "More"; nullable */
  gboolean   switchable; /* whether the item can be disabled or enabled */
  gboolean   active;
} Detail;

static void
detail_clear (Detail *detail)
{
  g_free (detail->title);
  g_free (detail->subtitle);
  g_clear_pointer (&detail->rows, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Detail, detail_clear)

static void
add_row (Detail     *detail,
         const char *label,
         const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_ptr_array_add (detail->rows, g_strdup (label));
  g_ptr_array_add (detail->rows, g_strdup (value));
}

static void
add_row_take (Detail     *detail,
              const char *label,
              char       *value)
{
  add_row (detail, label, value);
  g_free (value);
}

static void
add_id_row (Detail     *detail,
            const char *label,
            gint64      id)
{
  if (id > 0)
    add_row_take (detail, label, g_strdup_printf ("%" G_GINT64_FORMAT, id));
}

static const char *
yes_no (gboolean value)
{
  return value ? _("Yes") : _("No");
}

static void
describe_user (RingsideDetailPane *self,
               RingsideUser       *user,
               Detail             *detail)
{
  RingsideUser *parent = ringside_user_get_parent (user);
  const char *roles = ringside_user_get_roles_text (user);

  detail->title = g_strdup (ringside_user_get_full_name (user));
  detail->subtitle = g_strdup (_("User"));
  add_id_row (detail, _("User ID"), ringside_user_get_id (user));
  add_id_row (detail, _("RingCentral User ID"), ringside_user_get_rc_user_id (user));
  add_row (detail, _("User Name"), ringside_user_get_user_name (user));
  add_row (detail, _("First Name"), ringside_user_get_first_name (user));
  add_row (detail, _("Last Name"), ringside_user_get_last_name (user));
  add_row (detail, _("Roles"), roles);
  add_row (detail, _("Enabled"), yes_no (ringside_user_get_enabled (user)));
  add_row (detail, _("Root User"), yes_no (ringside_user_get_root_user (user)));
  add_row_take (detail, _("Created"),
                ringside_format_date (ringside_user_get_creation_date (user)));
  /* Without the list, no chain of links: the manager's name at least. */
  if (parent != NULL && self->related_list == NULL)
    add_row (detail, _("Reports To"), ringside_user_get_full_name (parent));
  detail->extra = ringside_user_get_extra_json (user);
  detail->switchable = TRUE;
  detail->active = ringside_user_get_enabled (user);
}

static void
describe_agent (RingsideAgent *agent,
                Detail        *detail)
{
  detail->title = g_strdup (ringside_agent_get_display_name (agent));
  detail->subtitle = g_strdup (_("Agent"));
  add_id_row (detail, _("Agent ID"), ringside_agent_get_id (agent));
  add_row (detail, _("Agent Group"), ringside_agent_get_group_name (agent));
  add_id_row (detail, _("Agent Group ID"), ringside_agent_get_group_id (agent));
  add_row (detail, _("First Name"), ringside_agent_get_first_name (agent));
  add_row (detail, _("Last Name"), ringside_agent_get_last_name (agent));
  add_row (detail, _("User Name"), ringside_agent_get_username (agent));
  add_row (detail, _("E-mail"), ringside_agent_get_email (agent));
  add_row_take (detail, _("Agent Type"),
                ringside_agent_type_to_words (ringside_agent_get_agent_type (agent)));
  add_row (detail, _("Active"), yes_no (ringside_agent_get_is_active (agent)));
  add_row (detail, _("External ID"), ringside_agent_get_external_id (agent));
  add_row_take (detail, _("Created"), ringside_format_date (ringside_agent_get_created (agent)));
  detail->extra = ringside_agent_get_extra_json (agent);
  detail->switchable = TRUE;
  detail->active = ringside_agent_get_is_active (agent);
}

static void
describe_queue (RingsideQueue *queue,
                Detail        *detail)
{
  const char *open = NULL;

  switch (ringside_queue_get_open (queue))
    {
    case RINGSIDE_QUEUE_OPEN_YES:
      open = _("Open");
      break;
    case RINGSIDE_QUEUE_OPEN_NO:
      open = _("Closed");
      break;
    case RINGSIDE_QUEUE_OPEN_UNKNOWN:
    default:
      break;
    }

  detail->title = g_strdup (ringside_queue_get_name (queue));
  detail->subtitle = g_strdup (_("Queue"));
  add_id_row (detail, _("Queue ID"), ringside_queue_get_id (queue));
  add_row (detail, _("Queue Group"), ringside_queue_get_group_name (queue));
  add_id_row (detail, _("Queue Group ID"), ringside_queue_get_group_id (queue));
  add_row (detail, _("Description"), ringside_queue_get_description (queue));
  add_row (detail, _("Active"), yes_no (ringside_queue_get_is_active (queue)));
  add_row (detail, _("Hours"), open);
  add_row_take (detail, _("Priority"),
                g_strdup_printf ("%" G_GINT64_FORMAT, ringside_queue_get_priority (queue)));
  detail->extra = ringside_queue_get_extra_json (queue);
  detail->switchable = TRUE;
  detail->active = ringside_queue_get_is_active (queue);
}

static void
describe_campaign (RingsideCampaign *campaign,
                   Detail           *detail)
{
  detail->title = g_strdup (ringside_campaign_get_name (campaign));
  detail->subtitle = g_strdup (_("Campaign"));
  add_id_row (detail, _("Campaign ID"), ringside_campaign_get_id (campaign));
  add_row (detail, _("Dial Group"), ringside_campaign_get_dial_group_name (campaign));
  add_id_row (detail, _("Dial Group ID"), ringside_campaign_get_dial_group_id (campaign));
  add_row_take (detail, _("Dial Mode"),
                ringside_campaign_dial_mode_to_words (
                  ringside_campaign_get_dial_mode (campaign)));
  add_row (detail, _("Active"), yes_no (ringside_campaign_get_is_active (campaign)));
  add_row_take (detail, _("Priority"),
                g_strdup_printf ("%" G_GINT64_FORMAT,
                                 ringside_campaign_get_priority (campaign)));
  add_row_take (detail, _("Start Date"),
                ringside_format_date (ringside_campaign_get_start_date (campaign)));
  add_row_take (detail, _("End Date"),
                ringside_format_date (ringside_campaign_get_end_date (campaign)));
  detail->extra = ringside_campaign_get_extra_json (campaign);
  detail->switchable = TRUE;
  detail->active = ringside_campaign_get_is_active (campaign);
}

static void
describe (RingsideDetailPane *self,
          GObject            *item,
          Detail             *detail)
{
  detail->rows = g_ptr_array_new_with_free_func (g_free);

  if (RINGSIDE_IS_USER (item))
    describe_user (self, RINGSIDE_USER (item), detail);
  else if (RINGSIDE_IS_AGENT (item))
    describe_agent (RINGSIDE_AGENT (item), detail);
  else if (RINGSIDE_IS_QUEUE (item))
    describe_queue (RINGSIDE_QUEUE (item), detail);
  else if (RINGSIDE_IS_CAMPAIGN (item))
    describe_campaign (RINGSIDE_CAMPAIGN (item), detail);
  /* A row of the History: read-only, it describes itself. */
  else if (RINGSIDE_IS_HISTORY_ITEM (item))
    ringside_history_item_describe (RINGSIDE_HISTORY_ITEM (item), &detail->title,
                                    &detail->subtitle, detail->rows);
}

/* The change the button makes: the item to the other state. */
static RingsideActiveChange *
make_change (RingsideDetailPane *self,
             gboolean            active)
{
  GObject *item = self->item;

  if (RINGSIDE_IS_USER (item))
    return ringside_active_change_new_user (ringside_user_get_id (RINGSIDE_USER (item)),
                                            ringside_user_get_full_name (RINGSIDE_USER (item)),
                                            active);
  if (self->account_id == NULL)
    return NULL;
  if (RINGSIDE_IS_AGENT (item))
    {
      RingsideAgent *agent = RINGSIDE_AGENT (item);

      return ringside_active_change_new_agent (self->account_id,
                                               ringside_agent_get_group_id (agent),
                                               ringside_agent_get_id (agent),
                                               ringside_agent_get_display_name (agent),
                                               active);
    }
  if (RINGSIDE_IS_QUEUE (item))
    {
      RingsideQueue *queue = RINGSIDE_QUEUE (item);

      return ringside_active_change_new_queue (self->account_id,
                                               ringside_queue_get_group_id (queue),
                                               ringside_queue_get_id (queue),
                                               ringside_queue_get_name (queue),
                                               active);
    }
  if (RINGSIDE_IS_CAMPAIGN (item))
    {
      RingsideCampaign *campaign = RINGSIDE_CAMPAIGN (item);

      return ringside_active_change_new_campaign (self->account_id,
                                                  ringside_campaign_get_dial_group_id (campaign),
                                                  ringside_campaign_get_id (campaign),
                                                  ringside_campaign_get_name (campaign),
                                                  active);
    }
  return NULL;
}

GtkWidget *
ringside_detail_pane_value_row_new (const char *label,
                                    const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value_label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  /* Values can be copied: an ID is often what an admin came for. */
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (value_label), 1.0);
  gtk_label_set_justify (GTK_LABEL (value_label), GTK_JUSTIFY_RIGHT);
  /* A wrapping label asks for one character's width: ask for a short value's whole width,
   * and a long one's first 24 characters, so that only long values wrap. */
  gtk_label_set_width_chars (GTK_LABEL (value_label), MIN (g_utf8_strlen (value, -1) + 1, 24));
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_widget_add_css_class (value_label, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value_label);
  return row;
}

/* Back goes through the people visited by links, then closes the details. */
static void
update_back_button (RingsideDetailPane *self)
{
  GObject *previous = self->history->len > 0 ? g_ptr_array_index (self->history,
                                                                 self->history->len - 1)
                                             : NULL;
  g_autofree char *label = NULL;

  if (RINGSIDE_IS_USER (previous))
    /* Translators: the back button's tooltip, %s is a person's name */
    label = g_strdup_printf (_("Back to %s"),
                             ringside_user_get_full_name (RINGSIDE_USER (previous)));
  else
    label = g_strdup (previous != NULL ? _("Back") : _("Close Details"));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update (RingsideDetailPane *self)
{
  g_auto(Detail) detail = { 0 };
  g_autofree char *group_title = NULL;
  g_autofree char *group_description = NULL;
  GtkWidget *page;
  GtkWidget *group;

  if (self->item == NULL)
    {
      adw_window_title_set_title (self->window_title, "");
      adw_window_title_set_subtitle (self->window_title, "");
      adw_bin_set_child (self->content, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->active_button), FALSE);
      return;
    }

  describe (self, self->item, &detail);
  update_back_button (self);
  adw_window_title_set_title (self->window_title, detail.title ? detail.title : "");
  adw_window_title_set_subtitle (self->window_title, detail.subtitle ? detail.subtitle : "");

  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  /* The name again, with more room: the header's title is cut short in a narrow window.
   * A group's title and description are markup in libadwaita 1.2. */
  group_title = g_markup_escape_text (detail.title ? detail.title : "", -1);
  group_description = g_markup_escape_text (detail.subtitle ? detail.subtitle : "", -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), group_title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), group_description);
  for (guint i = 0; i + 1 < detail.rows->len; i += 2)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               ringside_detail_pane_value_row_new (
                                 g_ptr_array_index (detail.rows, i),
                                 g_ptr_array_index (detail.rows, i + 1)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  if (RINGSIDE_IS_USER (self->item))
    ringside_detail_pane_add_people (self, ADW_PREFERENCES_PAGE (page),
                                     RINGSIDE_USER (self->item));
  ringside_detail_pane_add_more (ADW_PREFERENCES_PAGE (page), detail.extra);
  adw_bin_set_child (self->content, page);

  gtk_widget_set_visible (GTK_WIDGET (self->active_button), detail.switchable);
  if (detail.switchable)
    {
      g_autoptr(RingsideActiveChange) change = make_change (self, !detail.active);
      const char *label = detail.active ? _("Disable") : _("Enable");

      gtk_button_set_label (self->active_button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->active_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      if (detail.active)
        gtk_widget_add_css_class (GTK_WIDGET (self->active_button), "destructive-action");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->active_button), "destructive-action");
      gtk_widget_set_sensitive (GTK_WIDGET (self->active_button),
                                change != NULL && self->session != NULL &&
                                !ringside_active_change_is_pending (change, self->session));
    }
}

static void
on_item_notify (RingsideDetailPane *self)
{
  update (self);
}

static void
show_item (RingsideDetailPane *self,
           GObject            *item)
{
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_notify, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify), self,
                             G_CONNECT_SWAPPED);
  update (self);
}

void
ringside_detail_pane_set_item (RingsideDetailPane *self,
                               GObject            *item)
{
  g_return_if_fail (RINGSIDE_IS_DETAIL_PANE (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  /* An item opened from outside starts a new trail. */
  g_ptr_array_set_size (self->history, 0);
  show_item (self, item);
}

void
ringside_detail_pane_follow_link (RingsideDetailPane *self,
                                  GObject            *item)
{
  g_return_if_fail (RINGSIDE_IS_DETAIL_PANE (self));
  g_return_if_fail (G_IS_OBJECT (item));

  if (item == self->item)
    return;
  if (self->item != NULL)
    g_ptr_array_add (self->history, g_object_ref (self->item));
  show_item (self, item);
  /* The keyboard starts at the top of the new details, as on a new page. */
  gtk_widget_child_focus (GTK_WIDGET (self->content), GTK_DIR_TAB_FORWARD);
}

gboolean
ringside_detail_pane_go_back (RingsideDetailPane *self)
{
  g_autoptr(GObject) previous = NULL;

  g_return_val_if_fail (RINGSIDE_IS_DETAIL_PANE (self), FALSE);

  if (self->history->len == 0)
    return FALSE;
  previous = g_ptr_array_steal_index (self->history, self->history->len - 1);
  show_item (self, previous);
  gtk_widget_child_focus (GTK_WIDGET (self->content), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

/* Applying, in a few steps: confirm → apply → show the new state or the failure. */

typedef struct
{
  RingsideDetailPane   *self;  /* owned */
  GObject              *item;  /* owned: the item may be replaced while the change runs */
  RingsideActiveChange *change;
} ApplyData;

static void
apply_data_free (ApplyData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->item);
  g_object_unref (data->change);
  g_free (data);
}

static void apply (RingsideDetailPane *self, RingsideActiveChange *change);

static void
set_item_active (GObject  *item,
                 gboolean  active)
{
  if (RINGSIDE_IS_USER (item))
    ringside_user_set_enabled (RINGSIDE_USER (item), active);
  else if (RINGSIDE_IS_AGENT (item))
    ringside_agent_set_is_active (RINGSIDE_AGENT (item), active);
  else if (RINGSIDE_IS_QUEUE (item))
    ringside_queue_set_is_active (RINGSIDE_QUEUE (item), active);
  else if (RINGSIDE_IS_CAMPAIGN (item))
    ringside_campaign_set_is_active (RINGSIDE_CAMPAIGN (item), active);
}

static void
on_undo (AdwToast  *toast,
         gpointer   user_data)
{
  RingsideDetailPane *self = RINGSIDE_DETAIL_PANE (user_data);
  RingsideActiveChange *change = g_object_get_data (G_OBJECT (toast), "change");
  GObject *item = g_object_get_data (G_OBJECT (toast), "item");

  /* The undo goes to the object changed, even if the pane shows another by now. */
  if (item != self->item)
    ringside_detail_pane_set_item (self, item);
  apply (self, change);
}

/* The button was insensitive while the change ran, and the confirmation or the toast that
 * held the focus is gone: without this, the keyboard would be left nowhere. */
static void
take_back_lost_focus (RingsideDetailPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *button = GTK_WIDGET (self->active_button);
  GtkWidget *focus;

  if (!GTK_IS_WINDOW (root) || !gtk_widget_get_mapped (button) ||
      !gtk_widget_is_sensitive (button))
    return;

  focus = gtk_window_get_focus (GTK_WINDOW (root));
  if (focus == NULL || !gtk_widget_get_mapped (focus) || !gtk_widget_is_sensitive (focus))
    gtk_widget_grab_focus (button);
}

static void
on_applied (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ApplyData *data = user_data;
  RingsideDetailPane *self = data->self;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!ringside_active_change_apply_finish (RINGSIDE_ACTIVE_CHANGE (source), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          apply_data_free (data);
          return;
        }
      message = ringside_active_change_dup_failure_message (data->change, error);
      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      update (self);
    }
  else
    {
      g_autofree char *message = ringside_active_change_dup_done_message (data->change);

      set_item_active (data->item, ringside_active_change_get_new_active (data->change));
      update (self);
      g_signal_emit (self, signals[ITEM_CHANGED], 0, data->item);

      toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("Undo"));
      g_object_set_data_full (G_OBJECT (toast), "change",
                              ringside_active_change_reverse (data->change), g_object_unref);
      g_object_set_data_full (G_OBJECT (toast), "item", g_object_ref (data->item),
                              g_object_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo), self, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  take_back_lost_focus (self);
  apply_data_free (data);
}

static void
apply (RingsideDetailPane   *self,
       RingsideActiveChange *change)
{
  ApplyData *data;

  if (self->session == NULL || self->item == NULL)
    return;

  data = g_new0 (ApplyData, 1);
  data->self = g_object_ref (self);
  data->item = g_object_ref (self->item);
  data->change = g_object_ref (change);
  ringside_active_change_apply_async (change, self->session, self->cancellable,
                                      on_applied, data);
  /* Insensitive while the change is pending: two clicks never send two changes. */
  update (self);
}

static void
on_confirm_response (AdwMessageDialog   *dialog,
                     const char         *response,
                     RingsideDetailPane *self)
{
  RingsideActiveChange *change = g_object_get_data (G_OBJECT (dialog), "change");

  if (g_strcmp0 (response, "confirm") == 0)
    apply (self, change);
}

static void
on_active_clicked (RingsideDetailPane *self)
{
  g_auto(Detail) detail = { 0 };
  g_autoptr(RingsideActiveChange) change = NULL;
  g_autofree char *question = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (self->item == NULL)
    return;
  describe (self, self->item, &detail);
  change = make_change (self, !detail.active);
  if (change == NULL)
    return;

  question = ringside_active_change_dup_question (change);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                             : NULL,
                                                       question, NULL));
  if (detail.active)
    adw_message_dialog_format_body (dialog,
                                    _("“%s” will be switched off in RingCX. You can undo "
                                      "this right after, or enable it again later."),
                                    ringside_active_change_get_name (change));
  else
    adw_message_dialog_format_body (dialog,
                                    _("“%s” will be switched on in RingCX. You can undo "
                                      "this right after, or disable it again later."),
                                    ringside_active_change_get_name (change));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("Cancel"),
                                    "confirm", ringside_active_change_get_confirm_label (change),
                                    NULL);
  if (ringside_active_change_is_destructive (change))
    adw_message_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_DESTRUCTIVE);
  else
    adw_message_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "change", g_steal_pointer (&change),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_back_clicked (RingsideDetailPane *self)
{
  if (!ringside_detail_pane_go_back (self))
    g_signal_emit (self, signals[CLOSE_REQUESTED], 0);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  on_back_clicked (RINGSIDE_DETAIL_PANE (widget));
}

static void
ringside_detail_pane_dispose (GObject *object)
{
  RingsideDetailPane *self = RINGSIDE_DETAIL_PANE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_notify, self);
  g_clear_object (&self->item);
  g_clear_object (&self->session);
  g_clear_object (&self->related_list);
  if (self->history != NULL)
    g_ptr_array_set_size (self->history, 0);

  G_OBJECT_CLASS (ringside_detail_pane_parent_class)->dispose (object);
}

static void
ringside_detail_pane_finalize (GObject *object)
{
  RingsideDetailPane *self = RINGSIDE_DETAIL_PANE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_free (self->account_id);

  G_OBJECT_CLASS (ringside_detail_pane_parent_class)->finalize (object);
}

static void
ringside_detail_pane_class_init (RingsideDetailPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ringside_detail_pane_dispose;
  object_class->finalize = ringside_detail_pane_finalize;

  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ITEM_CHANGED] =
    g_signal_new ("item-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ringside/Ringside/"
                                               "ringside-detail-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideDetailPane, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RingsideDetailPane, window_title);
  gtk_widget_class_bind_template_child (widget_class, RingsideDetailPane, back_button);
  gtk_widget_class_bind_template_child (widget_class, RingsideDetailPane, active_button);
  gtk_widget_class_bind_template_child (widget_class, RingsideDetailPane, content);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_active_clicked);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Escape, 0, "close-requested", NULL);
  /* Alt+Left is back, as in a browser: through the people visited, then out. */
  gtk_widget_class_install_action (widget_class, "details.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "details.back", NULL);
}

static void
ringside_detail_pane_init (RingsideDetailPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->history = g_ptr_array_new_with_free_func (g_object_unref);
}
