/* ringside-jwt.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads the "exp" and "iat" claims (seconds since the epoch) of a JWT without checking its
 * signature: the client only needs to know when to renew. A missing "iat" is returned as 0. */
gboolean ringside_jwt_read_times (const char  *token,
                                  gint64      *expires_at,
                                  gint64      *issued_at,
                                  GError     **error);

G_END_DECLS
