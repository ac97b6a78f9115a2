/* ringside-sign-in-context.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ringside-session.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_SIGN_IN_CONTEXT (ringside_sign_in_context_get_type ())
G_DECLARE_FINAL_TYPE (RingsideSignInContext, ringside_sign_in_context, RINGSIDE, SIGN_IN_CONTEXT,
                      GObject)

/* What the windows that sign in or choose the server need to know of the application: the
 * settings, the session, the server in use and whether the command line chose it, and
 * whether this is the demo. Whoever made it (the application) keeps it in step; the others
 * only read it, and follow its notifications: the session is replaced (with a notification
 * of "session") whenever the server changes, even from inside the sign-in dialog.
 * Main thread only. */

/* @session: NULL until the application has one.
 * @server_url: the RingCX URL in use (from the settings unless @server_overridden). */
RingsideSignInContext *ringside_sign_in_context_new (GSettings       *settings,
                                                     RingsideSession *session,
                                                     const char      *server_url,
                                                     gboolean         server_overridden,
                                                     gboolean         demo);

GSettings       *ringside_sign_in_context_get_settings          (RingsideSignInContext *self);
RingsideSession *ringside_sign_in_context_get_session           (RingsideSignInContext *self);
const char      *ringside_sign_in_context_get_server_url        (RingsideSignInContext *self);
/* TRUE when --server or --demo chose the server for this run, over the settings. */
gboolean         ringside_sign_in_context_get_server_overridden (RingsideSignInContext *self);
gboolean         ringside_sign_in_context_get_demo              (RingsideSignInContext *self);

/* For whoever made it. Each notifies only a change. */
void             ringside_sign_in_context_set_session           (RingsideSignInContext *self,
                                                                 RingsideSession       *session);
void             ringside_sign_in_context_set_server_url        (RingsideSignInContext *self,
                                                                 const char            *url);
void             ringside_sign_in_context_set_server_overridden (RingsideSignInContext *self,
                                                                 gboolean               overridden);
void             ringside_sign_in_context_set_demo              (RingsideSignInContext *self,
                                                                 gboolean               demo);

G_END_DECLS
