/* ringside-sign-in-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ringside-sign-in-context.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_SIGN_IN_DIALOG (ringside_sign_in_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RingsideSignInDialog, ringside_sign_in_dialog, RINGSIDE, SIGN_IN_DIALOG,
                      AdwWindow)

/* Signs the session of @context in through the browser, with a pasted access token or with JWT
 * credentials, on the server chosen here (kept in the settings).
 * Emits "signed-in" and closes itself on success. */
RingsideSignInDialog *ringside_sign_in_dialog_new        (RingsideSignInContext *context);

/* Seconds the browser sign-in waits for the browser (5 minutes unless set), for tests. */
void                  ringside_sign_in_dialog_set_browser_timeout (RingsideSignInDialog *self,
                                                                   guint                 seconds);

/* Says why the user has to sign in (the session ended, the keyring is unavailable, ...);
 * NULL hides it. */
void                  ringside_sign_in_dialog_set_reason (RingsideSignInDialog *self,
                                                          const GError         *reason);

G_END_DECLS
