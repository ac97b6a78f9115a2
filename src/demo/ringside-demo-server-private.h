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
 * route table (ringside-demo-auth.c, -oauth.c, -accounts.c, -users.c, and the contact
 * centre's -agents.c, -queues.c, -campaigns.c and -audit.c around
 * ringside-demo-contact-centre.c, which makes each sub-account's data and pages lists);
 * ringside-demo-faults.c applies fault rules;
 * ringside-demo-reply.c writes answers and JSON text. */

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

/* A name as people write it, and an ASCII slug for e-mail addresses and usernames. */
typedef struct
{
  const char *name;
  const char *slug;
} DemoName;

/* The names users and agents are drawn from (ringside-demo-users.c). */
extern const DemoName * const ringside_demo_first_names;
extern const guint            ringside_demo_n_first_names;
extern const DemoName * const ringside_demo_last_names;
extern const guint            ringside_demo_n_last_names;

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

  /* The contact centre of each sub-account, generated on its first request
   * (ringside-demo-contact-centre.c and the files of its resources) */
  GHashTable   *cc_accounts;      /* GUINT_TO_POINTER (index) → DemoCcAccount */
  guint         cc_agent_groups;  /* of the big (first) sub-account */
  guint         cc_agents;
  guint         page_limit;       /* rows a page at most; 0 for what maxRows asks */
  guint         audit_sequence;   /* entries recorded since start, for their ids */

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

  /* The browser sign-in (ringside-demo-oauth.c) */
  GHashTable   *oauth_codes;      /* code → DemoOAuthCode, each used once */
  gboolean      oauth_refuse;     /* the consent page answers access_denied */

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
  char       *location;       /* a Location header, for redirects */
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
/* Segment @n (0 is "voice" in "/voice/api/…") of the path, or NULL. Owned by @request. */
const char          *ringside_demo_request_segment       (const RingsideDemoRequest *request,
                                                          guint                      n);
/* The body parsed as a JSON object, or NULL with a 400 in @reply. */
JsonObject          *ringside_demo_request_json_object   (const RingsideDemoRequest *request,
                                                          RingsideDemoReply         *reply);
/* The isActive of a setIsActive body (RingCX's ActiveStateBoolean); FALSE with a 400 in @reply
 * when the body is not one. */
gboolean             ringside_demo_request_is_active     (const RingsideDemoRequest *request,
                                                          RingsideDemoReply         *reply,
                                                          gboolean                  *active);
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
  /* A "*" segment of @path matches any one segment (an account ID, a group ID). */
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
extern const RingsideDemoRoute ringside_demo_agents_routes[];
extern const RingsideDemoRoute ringside_demo_queues_routes[];
extern const RingsideDemoRoute ringside_demo_campaigns_routes[];
extern const RingsideDemoRoute ringside_demo_audit_routes[];
extern const RingsideDemoRoute ringside_demo_oauth_routes[];

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

/* The browser sign-in: the authorize page and the authorization code grant
 * (ringside-demo-oauth.c); the platform's token endpoint hands that grant over. */
void     ringside_demo_oauth_init          (RingsideDemoServer        *self);
void     ringside_demo_oauth_finalize      (RingsideDemoServer        *self);
void     ringside_demo_oauth_handle_token  (RingsideDemoServer        *self,
                                            const RingsideDemoRequest *request,
                                            gboolean                   commit,
                                            RingsideDemoReply         *reply);

/* Data (ringside-demo-accounts.c, ringside-demo-users.c) */

/* The main account's name for 0, else a sub-account's. */
char *ringside_demo_accounts_get_name (guint               index);
void  ringside_demo_users_clear       (RingsideDemoServer *self);

/* The contact centre (ringside-demo-contact-centre.c). Each sub-account's is generated from a
 * seed of its own on its first request, so that the data do not depend on the order in which
 * accounts are asked for. Lists are contiguous: a group's members are a range of the account's
 * array, and an ID is its array index plus a base of the account, so lookups are arithmetic. */

#define CC_ACCOUNT_PATH     "/voice/api/v1/admin/accounts/"
/* RingCX's docs give no default for maxRows; the demo serves this many. */
#define CC_DEFAULT_MAX_ROWS 100
#define CC_SECRET_LEN       40

typedef enum
{
  AGENT_TYPE_AGENT,
  AGENT_TYPE_SUPERVISOR,
  AGENT_TYPE_MULTI_SUPERVISOR,
  AGENT_TYPE_MULTI_USER,
} DemoAgentType;

typedef struct
{
  char   *name;
  guint   first_agent;
  guint   n_agents;
  guint8  is_default : 1;
} DemoAgentGroup;

typedef struct
{
  gint64  created;       /* Unix time */
  gint64  last_login;    /* Unix time, 0 for never */
  guint32 secret_seed;   /* the agent's passwords and PIN derive from it */
  guint16 group;         /* index in agent_groups */
  guint16 first;         /* index in ringside_demo_first_names */
  guint16 last;
  guint16 email_number;  /* appended to the username's local part when not 0 */
  guint8  type;          /* DemoAgentType */
  guint8  active : 1;
  guint8  linked : 1;    /* to a RingCentral user */
  guint8  inbound : 1;
  guint8  outbound : 1;
} DemoAgent;

typedef struct
{
  char   *name;
  guint   first_gate;
  guint   n_gates;
  gint64  created;
} DemoGateGroup;

typedef struct
{
  char   *name;
  char   *desc;
  gint64  created;
  guint16 group;
  guint8  priority;
  guint8  sla;           /* seconds */
  guint8  active : 1;
  guint8  open : 1;      /* within its hours */
  guint8  weekends : 1;  /* open on Saturday and Sunday too */
} DemoGate;

typedef struct
{
  char   *name;
  char   *desc;
  guint   first_campaign;
  guint   n_campaigns;
  guint8  mode;          /* index in the dial modes of ringside-demo-campaigns.c */
  guint8  active : 1;
} DemoDialGroup;

typedef struct
{
  char   *name;
  gint64  start;
  gint64  end;           /* 0 for none */
  guint16 group;
  guint8  priority;
  guint8  max_passes;
  guint8  active : 1;
} DemoCampaign;

typedef struct
{
  guint       index;     /* in the accounts list; 0 is the main account */
  char       *id;
  GArray     *agent_groups;  /* DemoAgentGroup */
  GArray     *agents;        /* DemoAgent */
  GArray     *gate_groups;   /* DemoGateGroup */
  GArray     *gates;         /* DemoGate */
  GArray     *dial_groups;   /* DemoDialGroup */
  GArray     *campaigns;     /* DemoCampaign */
  gint32      agent_group_base, agent_base, gate_group_base, gate_base;
  gint32      dial_group_base, campaign_base;
  /* Objects as a PUT stored them: "agent:ID" or "campaign:ID" → JsonNode */
  GHashTable *stored;
  /* Lists as JSON text, built on first request: name → DemoJsonList */
  GHashTable *lists;
  GPtrArray  *audit;         /* DemoAuditEntry, oldest first; NULL until seeded */
} DemoCcAccount;

/* Items of a list as JSON text, each followed by a comma, so that any page is one copy. */
typedef struct
{
  GString *text;
  GArray  *offsets;  /* gsize: where item i starts; one more for the end */
} DemoJsonList;

DemoJsonList  *ringside_demo_json_list_new       (void);
/* Call after appending each item (with its trailing comma) to list->text. */
void           ringside_demo_json_list_mark      (DemoJsonList              *list);

/* The account of @id (a path segment), generated if need be; NULL with a 404 in @reply when
 * there is none. */
DemoCcAccount *ringside_demo_cc_get_account      (RingsideDemoServer        *self,
                                                  const RingsideDemoRequest *request,
                                                  const char                *id,
                                                  RingsideDemoReply         *reply);
/* The list @name of @account, built by @build on first use. */
typedef DemoJsonList *(*DemoListBuilder) (RingsideDemoServer *self,
                                          DemoCcAccount      *account,
                                          gpointer            data);
DemoJsonList  *ringside_demo_cc_get_list         (RingsideDemoServer        *self,
                                                  DemoCcAccount             *account,
                                                  const char                *name,
                                                  DemoListBuilder            build,
                                                  gpointer                   data);
/* Answers @list, or the page of it that page and maxRows ask for (a 400 for bad ones), no
 * longer than the server's page limit. */
void           ringside_demo_cc_reply_list       (RingsideDemoServer        *self,
                                                  const RingsideDemoRequest *request,
                                                  DemoJsonList              *list,
                                                  gboolean                   paged,
                                                  RingsideDemoReply         *reply);
/* Answers the list @name of the path's account (segment CC_SEGMENT_ACCOUNT), paged, built by
 * @build on first use. */
void           ringside_demo_cc_reply_account_list (RingsideDemoServer        *self,
                                                    const RingsideDemoRequest *request,
                                                    const char                *name,
                                                    DemoListBuilder            build,
                                                    gpointer                   data,
                                                    RingsideDemoReply         *reply);
/* Forgets the lists of @account, after a change. */
void           ringside_demo_cc_changed          (DemoCcAccount             *account);
/* Secrets of an agent: contain RINGSIDE_DEMO_SECRET_MARKER. @kind is "pw", "sip" or "pin". */
void           ringside_demo_cc_secret           (char                       out[CC_SECRET_LEN],
                                                  const DemoAgent           *agent,
                                                  const char                *kind);
DemoCcAccount *ringside_demo_cc_ensure_account    (RingsideDemoServer        *self,
                                                  guint                      index);
void           ringside_demo_cc_clear            (RingsideDemoServer        *self);
/* Objects as a PUT stored them, under "@key:@id": the one of @id, or NULL; and the same written
 * as JSON text, then a comma, or FALSE when there is none. */
JsonNode      *ringside_demo_cc_find_stored      (const DemoCcAccount       *account,
                                                  const char                *key,
                                                  gint32                     id);
gboolean       ringside_demo_cc_append_stored    (GString                   *out,
                                                  const DemoCcAccount       *account,
                                                  const char                *key,
                                                  gint32                     id);

/* The resources of the contact centre (agents, gates, campaigns) are objects in groups, at
 * paths of one shape: voice/api/v1/admin/accounts/ID/GROUPS/ID/OBJECTS/ID. Each resource file
 * describes its own in a DemoCcResource; ringside-demo-contact-centre.c finds, lists, gets and
 * stores the objects of any of them. */
#define CC_SEGMENT_ACCOUNT 5
#define CC_SEGMENT_GROUP   7
#define CC_SEGMENT_OBJECT  9

/* Which arrays of a DemoCcAccount hold a resource's groups and objects. */
typedef enum
{
  DEMO_CC_AGENTS,
  DEMO_CC_GATES,
  DEMO_CC_CAMPAIGNS,
} DemoCcKind;

/* Writes item @index of @account as JSON text, then a comma. */
typedef void (*DemoCcAppend) (GString             *out,
                              const DemoCcAccount *account,
                              guint                index);

typedef struct
{
  DemoCcKind    kind;
  /* Names its stored objects ("agent:ID", see ringside_demo_cc_find_stored()) and member
   * lists ("agents:GROUP"). */
  const char   *key;
  /* What a 404 says is not found; the object's also is its class in the audit log. */
  const char   *object_name;
  const char   *group_name;
  /* The ID member of an object, which a PUT's body must keep, and the member that the audit
   * log describes an object by; NULL for a resource that takes no PUT of whole objects. */
  const char   *id_member;
  const char   *description_member;
  /* Writes an object: as a PUT stored it, where the resource takes PUTs. */
  DemoCcAppend  append;
  /* Takes a PUT's isActive (not NULL) into the generated object @index, or NULL. */
  void        (*set_active) (DemoCcAccount *account,
                             guint          index,
                             JsonNode      *is_active);
  /* Whether a group's member list takes page and maxRows: RingCX's agents list does not. */
  gboolean      members_paged;
  /* About how long an object's text is, to size a member list at once; 0 to let it grow. */
  gsize         item_size;
} DemoCcResource;

/* The path's account and, when @group or @object asks, its group of @resource, and the object,
 * which must be in that group; FALSE with the answer in @reply when the request has no access
 * or one of them is not there. @resource may be NULL when neither is asked for. */
gboolean       ringside_demo_cc_find              (RingsideDemoServer        *self,
                                                   const RingsideDemoRequest *request,
                                                   const DemoCcResource      *resource,
                                                   RingsideDemoReply         *reply,
                                                   DemoCcAccount            **account,
                                                   gint                      *group,
                                                   gint                      *object);
/* A list of the @n_items of @account from @first, each written by @append. */
DemoJsonList  *ringside_demo_json_list_build      (const DemoCcAccount       *account,
                                                   guint                      first,
                                                   guint                      n_items,
                                                   DemoCcAppend               append,
                                                   gsize                      item_size);
/* The handlers of GET …/GROUPS/ID/OBJECTS (the group's members), GET …/OBJECTS/ID and PUT
 * …/OBJECTS/ID (a whole object, which the server keeps as sent). */
void           ringside_demo_cc_handle_members    (RingsideDemoServer        *self,
                                                   const RingsideDemoRequest *request,
                                                   const DemoCcResource      *resource,
                                                   RingsideDemoReply         *reply);
void           ringside_demo_cc_handle_get        (RingsideDemoServer        *self,
                                                   const RingsideDemoRequest *request,
                                                   const DemoCcResource      *resource,
                                                   RingsideDemoReply         *reply);
void           ringside_demo_cc_handle_put        (RingsideDemoServer        *self,
                                                   const RingsideDemoRequest *request,
                                                   gboolean                   commit,
                                                   const DemoCcResource      *resource,
                                                   RingsideDemoReply         *reply);

/* Fills @account with its generated groups and objects (ringside-demo-contact-centre.c). */
void ringside_demo_cc_generate              (RingsideDemoServer  *self,
                                             DemoCcAccount       *account);

/* The audit log (ringside-demo-audit.c) */

typedef struct _DemoAuditEntry DemoAuditEntry;

void ringside_demo_audit_entry_free (DemoAuditEntry *entry);
void ringside_demo_audit_seed       (RingsideDemoServer *self,
                                     DemoCcAccount      *account);
/* Records an UPDATE by the demo admin of the object @entity_class ("Agent", "Gate",
 * "Campaign", "User") @entity_id: the members of @after that differ from @before (both
 * objects), or, with @before NULL, the one change @attribute from @old_value to @new_value. */
void ringside_demo_audit_record     (RingsideDemoServer *self,
                                     DemoCcAccount      *account,
                                     const char         *entity_class,
                                     gint64              entity_id,
                                     const char         *description,
                                     JsonObject         *before,
                                     JsonObject         *after,
                                     const char         *attribute,
                                     const char         *old_value,
                                     const char         *new_value);

/* Faults (ringside-demo-faults.c) */

void     ringside_demo_faults_init     (RingsideDemoServer *self);
void     ringside_demo_faults_finalize (RingsideDemoServer *self);
/* Hands @msg to the first fault rule that matches @path; FALSE when none does. */
gboolean ringside_demo_faults_apply    (RingsideDemoServer *self,
                                        SoupServerMessage  *msg,
                                        const char         *path);

G_END_DECLS
