/* ringside-test-ui-utils.h
 *
 * Driving the real application in a test: running it around a scenario, waiting on what
 * it shows, finding its widgets. For the GTK-free helpers see ringside-test-utils.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ringside-application.h"
#include "ringside-sign-in-dialog.h"
#include "ringside-window.h"

G_BEGIN_DECLS

#define RINGSIDE_TEST_UI_WAIT_SECONDS 30

typedef gboolean (*RingsideTestCondition) (gpointer data);
typedef void     (*RingsideTestScenario)  (RingsideApplication *app);

/* Iterates the main context until @condition holds, failing the test with @what after
 * RINGSIDE_TEST_UI_WAIT_SECONDS, times $RINGSIDE_TEST_WAIT_FACTOR when set (sanitizers). */
void                  ringside_test_ui_wait_until        (RingsideTestCondition  condition,
                                                          gpointer               data,
                                                          const char            *what);

/* Runs a fresh application with @args (after the program name; may be NULL) until
 * @scenario, started from an idle once the app is active, returns; then checks that the
 * app quit cleanly and was freed, so that the next one can own the application ID. */
void                  ringside_test_ui_run_app           (const char * const    *args,
                                                          RingsideTestScenario   scenario);

RingsideWindow       *ringside_test_ui_get_window        (RingsideApplication   *app);
/* A template child of the app's main window. */
gpointer              ringside_test_ui_window_child      (RingsideApplication   *app,
                                                          const char            *name);
/* The visible toplevel of @type, or NULL. */
gpointer              ringside_test_ui_find_toplevel     (GType                  type);
RingsideSignInDialog *ringside_test_ui_sign_in_dialog    (void);
gpointer              ringside_test_ui_dialog_child      (RingsideSignInDialog  *dialog,
                                                          const char            *name);
/* The button below @widget whose label is @label (mnemonic included), or NULL. */
GtkWidget            *ringside_test_ui_find_button       (GtkWidget             *widget,
                                                          const char            *label);
/* Clicks the response button labelled @label of the open message dialog. */
void                  ringside_test_ui_respond           (const char            *label);
/* What pressing Enter in the entry row @row does. */
void                  ringside_test_ui_activate_entry    (gpointer               row);
/* The visible page ("loading", "list", "error"…) of the RingsideListView @view. */
const char           *ringside_test_ui_view_page         (GtkWidget             *view);
/* Conditions for ringside_test_ui_wait_until() (@data unused). */
gboolean              ringside_test_ui_sign_in_dialog_is_open   (gpointer data);
gboolean              ringside_test_ui_sign_in_dialog_is_closed (gpointer data);
gboolean              ringside_test_ui_message_dialog_is_open   (gpointer data);
/* Signed in, with the accounts and users lists shown (@data: the RingsideApplication). */
gboolean              ringside_test_ui_lists_are_shown          (gpointer data);
/* A tick callback that keeps the frame clock going, so that a window lays out and paints. */
gboolean              ringside_test_ui_keep_ticking      (GtkWidget             *widget,
                                                          GdkFrameClock         *clock,
                                                          gpointer               user_data);

G_END_DECLS
