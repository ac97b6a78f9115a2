/* ringside-demo-server-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ringside-demo-server.h"

G_BEGIN_DECLS

/* What the files of the demo server share. ringside-demo-server.c has the type, routing,
 * start/stop and the request log; each resource it serves has a file with its handlers and a
 * route table (ringside-demo-auth.c, -accounts.c, -users.c); ringside-demo-faults.c applies
 * fault rules; ringside-demo-reply.c writes answers and JSON text. */

#define PATH_LOGOUT_PREFIX  "/api/auth/logout/"

#define JSON_CONTENT_TYPE   "application/json;charset=UTF-8"
#define TEXT_CONTENT_TYPE   "text/plain;charset=UTF-8"
#define HTML_CONTENT_TYPE   "text/html;charset=UTF-8"
#define TOKEN_EXPIRED_TEXT  "Jwt is expired"
/* libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

/* What RINGSIDE_DEMO_FAULT_MALFORMED answers in place of a list. */
#define MALFORMED_LIST_BODY "[{\"userId\": 2181, \"userName\": },]"

/* The demo tenant: the admin who signs in is the root user of the hierarchy. */
#define MAIN_ACCOUNT_NUMBER 15800000
#define MAIN_ACCOUNT_ID     "15800000"
#define MAIN_ACCOUNT_NAME   "Northwind Support"
#define RC_ACCOUNT_ID       "37439510"
#define EMAIL_DOMAIN        "northwind.example"
#define ROOT_USER_ID        210400
#define RC_USER_ID_BASE     G_GINT64_CONSTANT (62845100004)
#define ADMIN_FIRST_NAME    "Dana"
#define ADMIN_LAST_NAME     "Whitfield"
#define ADMIN_EMAIL         "dana.whitfield@" EMAIL_DOMAIN

/* Area codes of the tenant's phone numbers: accounts' caller IDs, users' numbers. */
static const guint area_codes[] = { 206, 312, 415, 512, 617, 646, 702, 720, 919 };

/* The user hierarchy, defined in ringside-demo-users.c. */
typedef struct _DemoUserTree DemoUserTree;

struct _RingsideDemoServer
{
  GObject       parent_instance;

  SoupServer   *server;
  GMainContext *context;
  char         *url;

  /* Data, generated on demand and cached (ringside-demo-accounts.c, -users.c) */
  guint         n_accounts;
  guint         n_users;
  DemoUserTree *users;
  GHashTable   *bodies;           /* "accounts" or "users:FLATTEN:ACTIVE" → GBytes */

  /* Tokens (ringside-demo-auth.c) */
  guint         token_lifetime;
  gboolean      include_iat;
  int           clock_skew;       /* seconds the server's clock is ahead of the real one */
  guint8        signing_key[32];
  GRand        *token_rand;
  GPtrArray    *grants;           /* Grant */
  GHashTable   *access_tokens;    /* token → AccessToken */
  GHashTable   *refresh_tokens;   /* valid token → Grant */
  GHashTable   *rc_tokens;        /* RC access tokens the exchange accepts */
  char         *latest_refresh_token;
  guint         exchange_limit;
  GQueue        exchange_times;   /* monotonic µs of recent exchanges */

  /* Faults (ringside-demo-faults.c) */
  GPtrArray    *faults;           /* FaultRule */
  GPtrArray    *pending;          /* PendingMessage */

  /* Records (ringside-demo-server.c) */
  GPtrArray    *requests;         /* RingsideDemoRequest */
};

/* Replies (ringside-demo-reply.c) */

typedef struct
{
  guint       status;
  const char *content_type;
  GBytes     *body;
  guint       retry_after;
} RingsideDemoReply;

void ringside_demo_reply_clear      (RingsideDemoReply         *reply);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RingsideDemoReply, ringside_demo_reply_clear)
/* Takes @body. */
void ringside_demo_reply_bytes      (RingsideDemoReply         *reply,
                                     guint                      status,
                                     const char                *content_type,
                                     GBytes                    *body);
/* @text must outlive the reply: a literal. */
void ringside_demo_reply_text       (RingsideDemoReply         *reply,
                                     guint                      status,
                                     const char                *content_type,
                                     const char                *text);
void ringside_demo_reply_json       (RingsideDemoReply         *reply,
                                     guint                      status,
                                     JsonBuilder               *builder);
void ringside_demo_reply_error      (RingsideDemoReply         *reply,
                                     const RingsideDemoRequest *request,
                                     guint                      status,
                                     const char                *message,
                                     const char                *details);
void ringside_demo_reply_send       (SoupServerMessage         *msg,
                                     const RingsideDemoReply   *reply);

/* JSON text, written by hand where lists are big. Members are written with a trailing
 * comma, which ringside_demo_json_close() turns into the bracket. */
void ringside_demo_json_append_escaped (GString    *out,
                                        const char *value);
void ringside_demo_json_member         (GString    *out,
                                        const char *name);
void ringside_demo_json_close          (GString    *out,
                                        char        bracket);
void ringside_demo_json_member_string  (GString    *out,
                                        const char *name,
                                        const char *value);
void ringside_demo_json_member_int     (GString    *out,
                                        const char *name,
                                        gint64      value);
void ringside_demo_json_member_bool    (GString    *out,
                                        const char *name,
                                        gboolean    value);
void ringside_demo_json_member_date    (GString    *out,
                                        const char *name,
                                        gint64      unix_time);

/* Requests and routing (ringside-demo-server.c) */

RingsideDemoRequest *ringside_demo_request_new           (SoupServerMessage         *msg);
/* The form member, or NULL when it is missing or empty. */
const char          *ringside_demo_request_get_form      (const RingsideDemoRequest *request,
                                                          const char                *name);
gboolean             ringside_demo_request_query_is_true (const RingsideDemoRequest *request,
                                                          const char                *name);
/* @path without the refresh token that a logout path carries, for logs and error bodies. */
char                *ringside_demo_redact_path           (const char                *path);

/* With @commit FALSE a handler changes nothing: no token is issued, used or revoked. */
typedef void (*RingsideDemoHandler) (RingsideDemoServer        *self,
                                     const RingsideDemoRequest *request,
                                     gboolean                   commit,
                                     RingsideDemoReply         *reply);

/* One endpoint. Each resource file has a table of them that ends with an empty entry, and
 * ringside-demo-server.c lists the tables: adding a resource is adding a file and its table. */
typedef struct
{
  const char          *method;
  const char          *path;
  gboolean             is_prefix;  /* @path followed by at least one more character */
  RingsideDemoHandler  handler;
  /* What RINGSIDE_DEMO_FAULT_WRONG_TYPE and RINGSIDE_DEMO_FAULT_MALFORMED answer at @path;
   * NULL for the defaults of ringside-demo-faults.c. */
  const char          *wrong_type_body;
  const char          *malformed_body;
} RingsideDemoRoute;

extern const RingsideDemoRoute ringside_demo_auth_routes[];
extern const RingsideDemoRoute ringside_demo_accounts_routes[];
extern const RingsideDemoRoute ringside_demo_users_routes[];

/* The first route at @path, whatever its method, or NULL. */
const RingsideDemoRoute *ringside_demo_find_route     (const char                *path);
void                     ringside_demo_server_route   (RingsideDemoServer        *self,
                                                       const RingsideDemoRequest *request,
                                                       gboolean                   commit,
                                                       RingsideDemoReply         *reply);
/* Routes @msg and sends the answer. */
void                     ringside_demo_server_respond (RingsideDemoServer        *self,
                                                       SoupServerMessage         *msg,
                                                       gboolean                   commit);

/* Tokens and the auth endpoints (ringside-demo-auth.c) */

/* Unix time on the server's own clock (ringside_demo_server_set_token_options()). */
gint64   ringside_demo_server_now          (RingsideDemoServer        *self);
void     ringside_demo_auth_init           (RingsideDemoServer        *self);
void     ringside_demo_auth_finalize       (RingsideDemoServer        *self);
/* Answers 401 unless the request carries a live access token of this server. */
gboolean ringside_demo_auth_require_access (RingsideDemoServer        *self,
                                            const RingsideDemoRequest *request,
                                            RingsideDemoReply         *reply);

/* Data (ringside-demo-accounts.c, ringside-demo-users.c) */

/* The main account's name for 0, else a sub-account's. */
char *ringside_demo_accounts_get_name (guint               index);
void  ringside_demo_users_clear       (RingsideDemoServer *self);

/* Faults (ringside-demo-faults.c) */

void     ringside_demo_faults_init     (RingsideDemoServer *self);
void     ringside_demo_faults_finalize (RingsideDemoServer *self);
/* Hands @msg to the first fault rule that matches @path; FALSE when none does. */
gboolean ringside_demo_faults_apply    (RingsideDemoServer *self,
                                        SoupServerMessage  *msg,
                                        const char         *path);

G_END_DECLS
