/* ringside-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ringside-application.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_WINDOW (ringside_window_get_type ())
G_DECLARE_FINAL_TYPE (RingsideWindow, ringside_window, RINGSIDE, WINDOW, AdwApplicationWindow)

RingsideWindow *ringside_window_new          (RingsideApplication *application);

/* Presents the sign-in dialog, saying why the user has to sign in when @reason is not NULL. */
void            ringside_window_show_sign_in (RingsideWindow      *self,
                                              const GError        *reason);
void            ringside_window_add_toast    (RingsideWindow      *self,
                                              const char          *title);

G_END_DECLS
