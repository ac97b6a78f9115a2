/* ringside-sign-in-dialog-private.h
 *
 * What ringside-sign-in-dialog.c (the form, the pasted token and JWT methods) shares with
 * ringside-sign-in-dialog-browser.c (the browser method: the flow, the browser, the waiting
 * page).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ringside-oauth-flow.h"
#include "ringside-server-group.h"
#include "ringside-sign-in-dialog.h"

G_BEGIN_DECLS

typedef enum
{
  RINGSIDE_SIGN_IN_METHOD_BROWSER,
  RINGSIDE_SIGN_IN_METHOD_TOKEN,
  RINGSIDE_SIGN_IN_METHOD_JWT,
} RingsideSignInMethod;

struct _RingsideSignInDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkButton            *cancel_button;
  GtkButton            *sign_in_button;
  GtkSpinner           *spinner;
  GtkStack             *page_stack;
  GtkWidget            *form_box;
  GtkRevealer          *message_revealer;
  GtkWidget            *message_box;
  GtkImage             *message_icon;
  GtkLabel             *message_label;
  GtkToggleButton      *browser_toggle;
  GtkToggleButton      *token_toggle;
  GtkToggleButton      *jwt_toggle;
  GtkStack             *method_stack;
  AdwEntryRow          *browser_client_id_row;
  GtkLabel             *browser_client_id_hint;
  GtkLabel             *token_description;
  AdwEntryRow          *token_row;
  AdwEntryRow          *client_id_row;
  AdwEntryRow          *client_secret_row;
  AdwEntryRow          *jwt_row;
  RingsideServerGroup  *server_group;
  GtkSpinner           *waiting_spinner;
  GtkLabel             *waiting_title;
  GtkLabel             *waiting_description;
  GtkButton            *copy_link_button;
  AdwButtonContent     *copy_link_content;
  GtkLabel             *copy_link_hint;

  /* Owned */
  RingsideSignInContext *context;
  /* Set while a sign-in is in flight. */
  GCancellable         *cancellable;
  RingsideSignInMethod  method;
  /* The browser sign-in while it waits for the browser. */
  RingsideOAuthFlow    *flow;
  guint                 browser_timeout_s;
};

RingsideSignInMethod ringside_sign_in_dialog_get_method   (RingsideSignInDialog *self);
gboolean             ringside_sign_in_dialog_is_busy      (RingsideSignInDialog *self);
void                 ringside_sign_in_dialog_update       (RingsideSignInDialog *self);
void                 ringside_sign_in_dialog_show_message (RingsideSignInDialog *self,
                                                           const char           *message,
                                                           gboolean              is_error);
/* Ends a sign-in that failed: back to the form, with @message. */
void                 ringside_sign_in_dialog_fail_with    (RingsideSignInDialog *self,
                                                           const char           *message);
/* The session's sign-in callback (@user_data: a reference to the dialog). */
void                 ringside_sign_in_dialog_on_signed_in (GObject              *source,
                                                           GAsyncResult         *result,
                                                           gpointer              user_data);

/* The browser method (ringside-sign-in-dialog-browser.c) */
void                 ringside_sign_in_dialog_browser_load       (RingsideSignInDialog *self);
gboolean             ringside_sign_in_dialog_browser_can_start  (RingsideSignInDialog *self);
void                 ringside_sign_in_dialog_browser_start      (RingsideSignInDialog *self);
/* Remembers the client ID that just signed in. */
void                 ringside_sign_in_dialog_browser_signed_in  (RingsideSignInDialog *self);
void                 ringside_sign_in_dialog_browser_class_init (GtkWidgetClass      *widget_class);

G_END_DECLS
