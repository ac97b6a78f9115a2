/* ringside-client.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define RINGSIDE_TYPE_CLIENT (ringside_client_get_type ())
G_DECLARE_FINAL_TYPE (RingsideClient, ringside_client, RINGSIDE, CLIENT, GObject)

/* Bodies read whole (everything but the streamed lists) are capped at this size. */
#define RINGSIDE_CLIENT_MAX_BODY_SIZE (16 * 1024 * 1024)

RingsideClient *ringside_client_new            (void);
SoupSession    *ringside_client_get_soup_session (RingsideClient *self);
void            ringside_client_set_timeout    (RingsideClient *self,
                                                guint           seconds);

void            ringside_client_send_async     (RingsideClient      *self,
                                                SoupMessage         *message,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GInputStream   *ringside_client_send_finish    (RingsideClient      *self,
                                                GAsyncResult        *result,
                                                GError             **error);

void            ringside_client_fetch_json_async  (RingsideClient      *self,
                                                   SoupMessage         *message,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
JsonNode       *ringside_client_fetch_json_finish (RingsideClient      *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
