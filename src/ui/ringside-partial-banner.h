/* ringside-partial-banner.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RINGSIDE_TYPE_PARTIAL_BANNER (ringside_partial_banner_get_type ())
G_DECLARE_FINAL_TYPE (RingsidePartialBanner, ringside_partial_banner, RINGSIDE, PARTIAL_BANNER,
                      AdwBin)

/* A slim bar above a list that says what the list leaves out ("Some agent groups could not
 * be read: …"), in the spirit of AdwBanner, which libadwaita 1.2 does not have. It shows
 * while it has a title and is hidden otherwise; a screen reader finds it as a status named
 * after its title. Property: "title" (string, nullable, read-write). */
RingsidePartialBanner *ringside_partial_banner_new       (void);

const char            *ringside_partial_banner_get_title (RingsidePartialBanner *self);
/* NULL or "" hides the banner. */
void                   ringside_partial_banner_set_title (RingsidePartialBanner *self,
                                                          const char            *title);

G_END_DECLS
