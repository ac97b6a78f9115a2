/* ringside-window-private.h: what ringside-window.c (the window, its session and views) and
 * ringside-window-actions.c (its actions and opening sub-accounts) share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ringside-accounts-view.h"
#include "ringside-detail-pane.h"
#include "ringside-sign-in-dialog.h"
#include "ringside-sub-account-page.h"
#include "ringside-users-view.h"
#include "ringside-window.h"

G_BEGIN_DECLS

struct _RingsideWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkLabel             *demo_tag;
  GtkLabel             *identity_name_label;
  GtkLabel             *identity_email_label;
  GtkLabel             *identity_account_label;
  GtkToggleButton      *search_button;
  GtkRevealer          *demo_banner;
  GtkRevealer          *offline_banner;
  GtkLabel             *offline_label;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *filter_button;
  GtkDropDown          *enabled_dropdown;
  GtkDropDown          *role_dropdown;
  GtkStringList        *role_names;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  AdwViewStack         *view_stack;
  RingsideAccountsView *accounts_view;
  RingsideUsersView    *users_view;
  AdwLeaflet           *leaflet;
  RingsideSubAccountPage *sub_account_page;
  GtkWidget            *main_box;
  AdwHeaderBar         *header_bar;
  GtkWidget            *user_details_separator;
  RingsideDetailPane   *user_details;

  /* Borrowed */
  RingsideSignInDialog *sign_in_dialog;   /* a weak pointer while it is open */

  /* Owned */
  RingsideSignInContext *context;
  GSettings            *settings;
  RingsideSession      *session;
  GSignalGroup         *session_signals;
  GBinding             *summary_binding;
  GStrv                 user_roles;      /* the codes of the role drop-down's choices */
  /* Cancelled when the session is replaced and when the window goes. */
  GCancellable         *cancellable;

  /* The state last shown, to act on transitions only. */
  RingsideSessionState  state;
  guint                 resuming : 1;
  guint                 updating_roles : 1;
  guint                 keyring_warned : 1;
  /* The lists were loaded while offline and failed: load them again once back online. */
  guint                 reload_when_online : 1;
  /* A refresh reloaded only the visible view: the other one reloads when it is shown. */
  guint                 accounts_stale : 1;
  guint                 users_stale : 1;
};

static inline gboolean
state_is_signed_in (RingsideSessionState state)
{
  return state == RINGSIDE_SESSION_STATE_SIGNED_IN
         || state == RINGSIDE_SESSION_STATE_REFRESHING
         || state == RINGSIDE_SESSION_STATE_OFFLINE;
}

/* ringside-window.c */
gboolean          ringside_window_showing_accounts    (RingsideWindow   *self);
gboolean          ringside_window_showing_sub_account (RingsideWindow   *self);
/* The Accounts or Users view, whichever the main page shows. */
RingsideListView *ringside_window_get_visible_view    (RingsideWindow   *self);
void              ringside_window_reload_view         (RingsideWindow   *self,
                                                       RingsideListView *view);
void              ringside_window_add_toast           (RingsideWindow   *self,
                                                       const char       *title);
void              ringside_window_show_sign_in        (RingsideWindow   *self,
                                                       const GError     *reason);

/* ringside-window-actions.c: the win.* actions, their shortcuts, and the template callbacks
 * that open a sub-account. */
void              ringside_window_class_init_actions  (GtkWidgetClass   *widget_class);

G_END_DECLS
