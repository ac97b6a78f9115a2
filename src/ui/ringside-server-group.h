/* ringside-server-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ringside-server.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_SERVER_GROUP (ringside_server_group_get_type ())
G_DECLARE_FINAL_TYPE (RingsideServerGroup, ringside_server_group, RINGSIDE, SERVER_GROUP,
                      AdwPreferencesGroup)

/* The RingCX server picker of the sign-in dialog and the preferences: a list of the known
 * servers and "Custom", an address row for the custom one that says inline why an address
 * cannot be used, or a read-only row when the server is fixed for this run. It keeps nothing
 * itself: its users read and store the choice (ringside_server_save_choice()). Emits
 * "activated" when Enter (or the apply button, with "show-apply-button") confirms a usable
 * custom address. */
RingsideServerGroup *ringside_server_group_new            (void);

RingsideServerKind   ringside_server_group_get_kind       (RingsideServerGroup *self);
void                 ringside_server_group_set_kind       (RingsideServerGroup *self,
                                                           RingsideServerKind   kind);
/* The address as typed. */
const char          *ringside_server_group_get_custom_url (RingsideServerGroup *self);
void                 ringside_server_group_set_custom_url (RingsideServerGroup *self,
                                                           const char          *custom_url);
/* The normalized URL of the choice, or NULL while the custom address cannot be used. */
const char          *ringside_server_group_get_url        (RingsideServerGroup *self);

/* Shows @url read-only instead of the picker, titled @title (NULL: "RingCX Server"). */
void                 ringside_server_group_show_fixed     (RingsideServerGroup *self,
                                                           const char          *title,
                                                           const char          *url);
/* Focuses the address row if it is shown; returns whether it is. */
gboolean             ringside_server_group_focus_address  (RingsideServerGroup *self);

G_END_DECLS
