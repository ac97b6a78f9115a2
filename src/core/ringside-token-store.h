/* ringside-token-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

#define RINGSIDE_TYPE_TOKEN_STORE (ringside_token_store_get_type ())
G_DECLARE_FINAL_TYPE (RingsideTokenStore, ringside_token_store, RINGSIDE, TOKEN_STORE, GObject)

const SecretSchema *ringside_token_store_get_schema (void);

RingsideTokenStore *ringside_token_store_new          (void);

void      ringside_token_store_save_async    (RingsideTokenStore  *self,
                                              const char          *server,
                                              const char          *refresh_token,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean  ringside_token_store_save_finish   (RingsideTokenStore  *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Returns NULL without an error when nothing is stored for @server. */
void      ringside_token_store_lookup_async  (RingsideTokenStore  *self,
                                              const char          *server,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
char     *ringside_token_store_lookup_finish (RingsideTokenStore  *self,
                                              GAsyncResult        *result,
                                              GError             **error);

void      ringside_token_store_clear_async   (RingsideTokenStore  *self,
                                              const char          *server,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean  ringside_token_store_clear_finish  (RingsideTokenStore  *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
