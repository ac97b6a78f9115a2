/* ringside-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RINGSIDE_TYPE_APPLICATION (ringside_application_get_type ())
G_DECLARE_FINAL_TYPE (RingsideApplication, ringside_application, RINGSIDE, APPLICATION,
                      AdwApplication)

RingsideApplication *ringside_application_new (void);

G_END_DECLS
