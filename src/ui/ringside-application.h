/* ringside-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ringside-server.h"
#include "ringside-session.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_APPLICATION (ringside_application_get_type ())
G_DECLARE_FINAL_TYPE (RingsideApplication, ringside_application, RINGSIDE, APPLICATION,
                      AdwApplication)

RingsideApplication *ringside_application_new                (void);

GSettings           *ringside_application_get_settings       (RingsideApplication *self);
/* The one session of the application; replaced (with a notification of "session") whenever
 * the server changes. */
RingsideSession     *ringside_application_get_session        (RingsideApplication *self);
gboolean             ringside_application_get_demo           (RingsideApplication *self);

/* The RingCX and platform URLs in use. They come from the settings unless overridden by
 * --server, --platform-server, --demo or the properties of the same names. */
const char          *ringside_application_get_server_url     (RingsideApplication *self);
const char          *ringside_application_get_platform_url   (RingsideApplication *self);
gboolean             ringside_application_get_server_overridden (RingsideApplication *self);
/* @url: a URL passing ringside_server_normalize_url(), or NULL to use the settings. */
void                 ringside_application_set_server_url     (RingsideApplication *self,
                                                              const char          *url);
void                 ringside_application_set_platform_url   (RingsideApplication *self,
                                                              const char          *url);

G_END_DECLS
