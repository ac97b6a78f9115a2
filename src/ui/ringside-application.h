/* ringside-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ringside-session.h"

G_BEGIN_DECLS

/**
 * RingsideServerKind:
 * @RINGSIDE_SERVER_KIND_RINGCX: RINGSIDE_DEFAULT_SERVER_URL
 * @RINGSIDE_SERVER_KIND_ENGAGE: RINGSIDE_LEGACY_SERVER_URL
 * @RINGSIDE_SERVER_KIND_CUSTOM: the "custom-server-url" setting
 *
 * The values of the "server-kind" setting, in the order the server choosers list them.
 */
typedef enum
{
  RINGSIDE_SERVER_KIND_RINGCX,
  RINGSIDE_SERVER_KIND_ENGAGE,
  RINGSIDE_SERVER_KIND_CUSTOM,
} RingsideServerKind;

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
/* @url: a URL passing ringside_client_normalize_base_url(), or NULL to use the settings. */
void                 ringside_application_set_server_url     (RingsideApplication *self,
                                                              const char          *url);
void                 ringside_application_set_platform_url   (RingsideApplication *self,
                                                              const char          *url);

/* Gets the session going without asking anything: in demo mode it signs in to the demo server,
 * otherwise it restores the stored session (RINGSIDE_ERROR_NO_SESSION when there is none). */
void                 ringside_application_resume_async       (RingsideApplication *self,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
gboolean             ringside_application_resume_finish      (RingsideApplication *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

/* The normalized RingCX URL that @kind (and @custom_url for the custom kind) designates. */
char                *ringside_server_kind_resolve_url        (RingsideServerKind   kind,
                                                              const char          *custom_url,
                                                              GError             **error);
/* A plain sentence for why ringside_client_normalize_base_url() refused a URL. */
const char          *ringside_describe_url_error             (const GError        *error);

G_END_DECLS
