/* ringside-sub-account-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-agents-view.h"
#include "ringside-campaigns-view.h"
#include "ringside-detail-pane.h"
#include "ringside-history-view.h"
#include "ringside-queues-view.h"
#include "ringside-sub-account-page.h"

struct _RingsideSubAccountPage
{
  AdwBin                 parent_instance;

  /* Template widgets */
  AdwWindowTitle        *window_title;
  GtkToggleButton       *search_button;
  GtkSearchBar          *search_bar;
  GtkSearchEntry        *search_entry;
  AdwViewStack          *view_stack;
  RingsideAgentsView    *agents_view;
  RingsideQueuesView    *queues_view;
  RingsideCampaignsView *campaigns_view;
  RingsideHistoryView   *history_view;
  GtkDropDown           *group_dropdown;
  GtkStringList         *group_names;
  GtkWidget             *lists_box;
  AdwHeaderBar          *lists_header;
  GtkWidget             *detail_separator;
  RingsideDetailPane    *detail_pane;

  /* Owned */
  char                  *account_id;
  char                  *account_name;
  /* The group names shown in the drop-down, after "All Groups". */
  GStrv                  groups;
  gboolean               updating_groups;
  /* The History is read when it is first shown: most visits never look at it. */
  gboolean               history_stale;
  GCancellable          *cancellable;
};

G_DEFINE_FINAL_TYPE (RingsideSubAccountPage, ringside_sub_account_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ACCOUNT_ID,
  PROP_ACCOUNT_NAME,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RingsideListView *
get_view (RingsideSubAccountPage *self,
          guint                   i)
{
  RingsideListView *views[] = {
    RINGSIDE_LIST_VIEW (self->agents_view),
    RINGSIDE_LIST_VIEW (self->queues_view),
    RINGSIDE_LIST_VIEW (self->campaigns_view),
    RINGSIDE_LIST_VIEW (self->history_view),
  };

  return i < G_N_ELEMENTS (views) ? views[i] : NULL;
}

#define N_VIEWS 4
/* The History comes last, and is read on demand. */
#define HISTORY_VIEW 3

RingsideSubAccountPage *
ringside_sub_account_page_new (void)
{
  return g_object_new (RINGSIDE_TYPE_SUB_ACCOUNT_PAGE, NULL);
}

void
ringside_sub_account_page_set_session (RingsideSubAccountPage *self,
                                       RingsideSession        *session)
{
  g_return_if_fail (RINGSIDE_IS_SUB_ACCOUNT_PAGE (self));

  if (ringside_list_view_get_session (get_view (self, 0)) == session)
    return;

  for (guint i = 0; i < N_VIEWS; i++)
    ringside_list_view_set_session (get_view (self, i), session);
  ringside_detail_pane_set_session (self->detail_pane, session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* The leaflet is not a template child: gtk_widget_dispose_template() would unparent it before
 * its pages, which libadwaita 1.2 then finds gone. */
static AdwLeaflet *
detail_leaflet (RingsideSubAccountPage *self)
{
  return ADW_LEAFLET (gtk_widget_get_parent (self->lists_box));
}

/* One set of window buttons: the details' header has them when it is beside the lists. */
static void
update_title_buttons (RingsideSubAccountPage *self)
{
  gboolean beside = gtk_widget_get_visible (GTK_WIDGET (self->detail_pane)) &&
                    !adw_leaflet_get_folded (detail_leaflet (self));

  adw_header_bar_set_show_end_title_buttons (self->lists_header, !beside);
}

/* Shows @item's details: beside the lists, or over them when the page is narrow. */
void
ringside_sub_account_page_show_details (RingsideSubAccountPage *self,
                                        GObject                *item)
{
  g_return_if_fail (RINGSIDE_IS_SUB_ACCOUNT_PAGE (self));
  g_return_if_fail (G_IS_OBJECT (item));

  ringside_detail_pane_set_item (self->detail_pane, item);
  gtk_widget_set_visible (self->detail_separator, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_pane), TRUE);
  adw_leaflet_set_visible_child (detail_leaflet (self), GTK_WIDGET (self->detail_pane));
  update_title_buttons (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->detail_pane));
}

GObject *
ringside_sub_account_page_get_details_item (RingsideSubAccountPage *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SUB_ACCOUNT_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->detail_pane)))
    return NULL;
  return ringside_detail_pane_get_item (self->detail_pane);
}

void
ringside_sub_account_page_close_details (RingsideSubAccountPage *self)
{
  g_return_if_fail (RINGSIDE_IS_SUB_ACCOUNT_PAGE (self));

  adw_leaflet_set_visible_child (detail_leaflet (self), self->lists_box);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_pane), FALSE);
  gtk_widget_set_visible (self->detail_separator, FALSE);
  ringside_detail_pane_set_item (self->detail_pane, NULL);
  update_title_buttons (self);
}

static void
on_item_activated (RingsideSubAccountPage *self,
                   GObject                *item)
{
  ringside_sub_account_page_show_details (self, item);
}

static void
on_detail_close_requested (RingsideSubAccountPage *self)
{
  ringside_sub_account_page_close_details (self);
  gtk_widget_grab_focus (GTK_WIDGET (adw_view_stack_get_visible_child (self->view_stack)));
}

/* The row shows the new state: the lists bind their cells once, so the item's list says it
 * changed, and its views place and bind that row again. */
static void
on_detail_item_changed (RingsideSubAccountPage *self,
                        GObject                *item)
{
  for (guint i = 0; i < N_VIEWS; i++)
    ringside_list_view_item_changed (get_view (self, i), item);
}

void
ringside_sub_account_page_reload (RingsideSubAccountPage *self)
{
  g_return_if_fail (RINGSIDE_IS_SUB_ACCOUNT_PAGE (self));

  if (self->account_id == NULL)
    return;

  /* All three lists at once: switching views then shows rows at once. A reload cancels the
   * load in flight, the previous account's included. */
  for (guint i = 0; i < HISTORY_VIEW; i++)
    ringside_list_view_reload (get_view (self, i));

  /* The History now if it is shown, else when it is. */
  if (ringside_sub_account_page_get_visible_view (self) == get_view (self, HISTORY_VIEW))
    {
      self->history_stale = FALSE;
      ringside_list_view_reload (get_view (self, HISTORY_VIEW));
    }
  else
    self->history_stale = TRUE;
}

static void
reload_unread (RingsideSubAccountPage *self)
{
  for (guint i = 0; i < HISTORY_VIEW; i++)
    {
      RingsideListView *view = get_view (self, i);

      switch (ringside_remote_list_get_state (ringside_list_view_get_list (view)))
        {
        case RINGSIDE_REMOTE_LIST_STATE_EMPTY:
        case RINGSIDE_REMOTE_LIST_STATE_ERROR:
          ringside_list_view_reload (view);
          break;

        case RINGSIDE_REMOTE_LIST_STATE_LOADING:
        case RINGSIDE_REMOTE_LIST_STATE_NO_RESULTS:
        case RINGSIDE_REMOTE_LIST_STATE_READY:
        default:
          break;
        }
    }
}

void
ringside_sub_account_page_open (RingsideSubAccountPage *self,
                                const char             *account_id,
                                const char             *account_name)
{
  const char *values[] = { "accountId", account_id, NULL };
  g_autofree char *subtitle = NULL;
  gboolean same_account;

  g_return_if_fail (RINGSIDE_IS_SUB_ACCOUNT_PAGE (self));
  g_return_if_fail (account_id != NULL);

  same_account = g_strcmp0 (self->account_id, account_id) == 0;

  g_free (self->account_id);
  self->account_id = g_strdup (account_id);
  g_free (self->account_name);
  self->account_name = g_strdup (account_name != NULL ? account_name : "");

  /* Translators: the subtitle of a sub-account's page, e.g. "ID 15" */
  subtitle = g_strdup_printf (_("ID %s"), account_id);
  adw_window_title_set_title (self->window_title, self->account_name);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  ringside_sub_account_page_close_details (self);
  ringside_detail_pane_set_account_id (self->detail_pane, account_id);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  adw_view_stack_set_visible_child_name (self->view_stack, "agents");

  for (guint i = 0; i < N_VIEWS; i++)
    ringside_list_view_set_group (get_view (self, i), NULL);

  /* The same sub-account again (back, then in again) keeps the lists it read: reading them
   * anew would spend RingCX's 120 requests a minute on what was just shown. Ctrl+R reads
   * them again; lists that failed or are empty are read again now. */
  if (same_account)
    {
      reload_unread (self);
    }
  else
    {
      for (guint i = 0; i < HISTORY_VIEW; i++)
        ringside_list_view_set_path_values (get_view (self, i), values);
      ringside_history_view_set_account (self->history_view, account_id);
      ringside_sub_account_page_reload (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_NAME]);
}

const char *
ringside_sub_account_page_get_account_id (RingsideSubAccountPage *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SUB_ACCOUNT_PAGE (self), NULL);

  return self->account_id;
}

const char *
ringside_sub_account_page_get_account_name (RingsideSubAccountPage *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SUB_ACCOUNT_PAGE (self), NULL);

  return self->account_name;
}

RingsideListView *
ringside_sub_account_page_get_visible_view (RingsideSubAccountPage *self)
{
  g_return_val_if_fail (RINGSIDE_IS_SUB_ACCOUNT_PAGE (self), NULL);

  return RINGSIDE_LIST_VIEW (adw_view_stack_get_visible_child (self->view_stack));
}

void
ringside_sub_account_page_show_view (RingsideSubAccountPage *self,
                                     const char             *name)
{
  g_return_if_fail (RINGSIDE_IS_SUB_ACCOUNT_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Shows the view at @position in the switcher (Alt+1 is the first); none past the last. */
void
ringside_sub_account_page_show_view_at (RingsideSubAccountPage *self,
                                        guint                   position)
{
  g_autoptr(GtkSelectionModel) pages = NULL;

  g_return_if_fail (RINGSIDE_IS_SUB_ACCOUNT_PAGE (self));

  pages = adw_view_stack_get_pages (self->view_stack);
  if (position < g_list_model_get_n_items (G_LIST_MODEL (pages)))
    gtk_selection_model_select_item (pages, position, TRUE);
}

void
ringside_sub_account_page_search (RingsideSubAccountPage *self)
{
  g_return_if_fail (RINGSIDE_IS_SUB_ACCOUNT_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
ringside_sub_account_page_set_key_capture (RingsideSubAccountPage *self,
                                           GtkWidget              *widget)
{
  g_return_if_fail (RINGSIDE_IS_SUB_ACCOUNT_PAGE (self));

  gtk_search_bar_set_key_capture_widget (self->search_bar, widget);
}

/* Groups: the drop-down narrows the view shown to one group. */

/* Fills the drop-down with the groups of the view shown, keeping the view's choice. */
static void
update_groups (RingsideSubAccountPage *self)
{
  RingsideListView *view = ringside_sub_account_page_get_visible_view (self);
  const char *current = ringside_remote_list_get_group (ringside_list_view_get_list (view));
  g_auto(GStrv) groups = ringside_list_view_dup_groups (view);
  guint selected = 0;

  self->updating_groups = TRUE;
  if (self->groups == NULL || !g_strv_equal ((const char * const *) self->groups,
                                             (const char * const *) groups))
    {
      gtk_string_list_splice (self->group_names, 1,
                              g_list_model_get_n_items (G_LIST_MODEL (self->group_names)) - 1,
                              (const char * const *) groups);
      g_strfreev (self->groups);
      self->groups = g_steal_pointer (&groups);
    }
  for (guint i = 0; current != NULL && self->groups[i] != NULL; i++)
    {
      if (g_str_equal (self->groups[i], current))
        selected = i + 1;
    }
  gtk_drop_down_set_selected (self->group_dropdown, selected);
  self->updating_groups = FALSE;

  /* A group the reloaded list no longer has shows every row again. */
  if (selected == 0 && current != NULL)
    ringside_list_view_set_group (view, NULL);
}

static void
on_group_selected (RingsideSubAccountPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->updating_groups || self->groups == NULL)
    return;

  ringside_list_view_set_group (ringside_sub_account_page_get_visible_view (self),
                                selected >= 1 && selected <= g_strv_length (self->groups)
                                ? self->groups[selected - 1] : NULL);
}

/* Closing the search bar ends the search, and shows every group again. */
static void
on_search_mode_changed (RingsideSubAccountPage *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;

  for (guint i = 0; i < N_VIEWS; i++)
    ringside_list_view_set_group (get_view (self, i), NULL);
  update_groups (self);
}

static void
on_view_loading_changed (RingsideSubAccountPage *self,
                         GParamSpec             *pspec,
                         RingsideListView       *view)
{
  if (view == ringside_sub_account_page_get_visible_view (self) &&
      !ringside_list_view_get_loading (view))
    update_groups (self);
}

/* The search applies to the view shown, and follows it to the next one. */
static void
on_search_changed (RingsideSubAccountPage *self)
{
  ringside_list_view_set_search_text (ringside_sub_account_page_get_visible_view (self),
                                      gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RingsideListView) view = user_data;

  if (ringside_remote_list_wait_for_search_finish (RINGSIDE_REMOTE_LIST (source), result, NULL))
    ringside_list_view_activate_first (view);
}

/* Enter in the search entry opens the first match's details, once the rows of what was typed
 * are in: the entry tells its text only after a pause, and rows are filtered a few at a time. */
static void
on_search_activate (RingsideSubAccountPage *self)
{
  RingsideListView *view = ringside_sub_account_page_get_visible_view (self);

  on_search_changed (self);
  ringside_remote_list_wait_for_search_async (ringside_list_view_get_list (view),
                                              self->cancellable, on_search_done,
                                              g_object_ref (view));
}

static void
on_visible_view_changed (RingsideSubAccountPage *self)
{
  RingsideListView *view = ringside_sub_account_page_get_visible_view (self);
  const char *placeholder = NULL;

  if (view == NULL)
    return;

  if (RINGSIDE_IS_AGENTS_VIEW (view))
    placeholder = _("Search agents");
  else if (RINGSIDE_IS_QUEUES_VIEW (view))
    placeholder = _("Search queues");
  else if (RINGSIDE_IS_HISTORY_VIEW (view))
    placeholder = _("Search history");
  else
    placeholder = _("Search campaigns");

  if (RINGSIDE_IS_HISTORY_VIEW (view) && self->history_stale)
    {
      self->history_stale = FALSE;
      ringside_list_view_reload (view);
    }

  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder,
                                  -1);
  on_search_changed (self);
  if (self->group_names != NULL)
    update_groups (self);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ringside_sub_account_page_show_view (RINGSIDE_SUB_ACCOUNT_PAGE (widget),
                                       g_variant_get_string (parameter, NULL));
}

/* GObject */

static void
ringside_sub_account_page_dispose (GObject *object)
{
  RingsideSubAccountPage *self = RINGSIDE_SUB_ACCOUNT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RINGSIDE_TYPE_SUB_ACCOUNT_PAGE);

  G_OBJECT_CLASS (ringside_sub_account_page_parent_class)->dispose (object);
}

static void
ringside_sub_account_page_finalize (GObject *object)
{
  RingsideSubAccountPage *self = RINGSIDE_SUB_ACCOUNT_PAGE (object);

  g_free (self->account_id);
  g_free (self->account_name);
  g_strfreev (self->groups);

  G_OBJECT_CLASS (ringside_sub_account_page_parent_class)->finalize (object);
}

static void
ringside_sub_account_page_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  RingsideSubAccountPage *self = RINGSIDE_SUB_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;
    case PROP_ACCOUNT_NAME:
      g_value_set_string (value, self->account_name);
      break;
    case PROP_SESSION:
      g_value_set_object (value, ringside_list_view_get_session (get_view (self, 0)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_sub_account_page_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  RingsideSubAccountPage *self = RINGSIDE_SUB_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      ringside_sub_account_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_sub_account_page_class_init (RingsideSubAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ringside_sub_account_page_dispose;
  object_class->finalize = ringside_sub_account_page_finalize;
  object_class->get_property = ringside_sub_account_page_get_property;
  object_class->set_property = ringside_sub_account_page_set_property;

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT_NAME] =
    g_param_spec_string ("account-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RINGSIDE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RINGSIDE_TYPE_AGENTS_VIEW);
  g_type_ensure (RINGSIDE_TYPE_QUEUES_VIEW);
  g_type_ensure (RINGSIDE_TYPE_CAMPAIGNS_VIEW);
  g_type_ensure (RINGSIDE_TYPE_HISTORY_VIEW);
  g_type_ensure (RINGSIDE_TYPE_DETAIL_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ringside-sub-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, agents_view);
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, queues_view);
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, campaigns_view);
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, history_view);
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, group_names);
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, lists_box);
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, lists_header);
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, detail_separator);
  gtk_widget_class_bind_template_child (widget_class, RingsideSubAccountPage, detail_pane);
  gtk_widget_class_bind_template_callback (widget_class, on_group_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated);
  gtk_widget_class_bind_template_callback (widget_class, update_title_buttons);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_close_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_item_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_view_changed);

  /* Alt+1…4 are the window's (win.show-view-at), so that they work whatever has the focus. */
  gtk_widget_class_install_action (widget_class, "sub-account.show-view", "s",
                                   show_view_action);
}

static void
ringside_sub_account_page_init (RingsideSubAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  ringside_drop_down_name_button (self->group_dropdown, _("Show One Group"));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_string_list_append (self->group_names, _("All Groups"));
  for (guint i = 0; i < N_VIEWS; i++)
    g_signal_connect_object (get_view (self, i), "notify::loading",
                             G_CALLBACK (on_view_loading_changed), self, G_CONNECT_SWAPPED);
  on_visible_view_changed (self);
}
