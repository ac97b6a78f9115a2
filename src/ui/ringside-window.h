/* ringside-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ringside-sign-in-context.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_WINDOW (ringside_window_get_type ())
G_DECLARE_FINAL_TYPE (RingsideWindow, ringside_window, RINGSIDE, WINDOW, AdwApplicationWindow)

/* The main window: the lists of the context's session, and everything around them
 * (restoring the session, the sign-in dialog, the offline banner, search and actions). */
RingsideWindow *ringside_window_new (GtkApplication        *application,
                                     RingsideSignInContext *context);

G_END_DECLS
