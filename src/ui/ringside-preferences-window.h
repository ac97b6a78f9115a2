/* ringside-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ringside-sign-in-context.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_PREFERENCES_WINDOW (ringside_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RingsidePreferencesWindow, ringside_preferences_window, RINGSIDE,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The server to use (unless the command line chose it) and the browser sign-in's settings. */
RingsidePreferencesWindow *ringside_preferences_window_new (RingsideSignInContext *context);

G_END_DECLS
