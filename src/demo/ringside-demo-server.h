/* ringside-demo-server.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/**
 * RingsideDemoFault:
 * @RINGSIDE_DEMO_FAULT_NONE: answer normally
 * @RINGSIDE_DEMO_FAULT_UNAUTHORIZED: 401 with a JSON error body
 * @RINGSIDE_DEMO_FAULT_TOKEN_EXPIRED: 401 with the body "Jwt is expired"
 * @RINGSIDE_DEMO_FAULT_FORBIDDEN: 403 with a JSON error body
 * @RINGSIDE_DEMO_FAULT_SERVER_ERROR: 500 with a JSON error body
 * @RINGSIDE_DEMO_FAULT_UNAVAILABLE: 503 with an HTML body
 * @RINGSIDE_DEMO_FAULT_RATE_LIMITED: 429 with "Retry-After: <fault_argument>" (none if 0)
 * @RINGSIDE_DEMO_FAULT_HTML: 200 with an HTML page
 * @RINGSIDE_DEMO_FAULT_EMPTY: 200 with an empty body
 * @RINGSIDE_DEMO_FAULT_TRUNCATED: 200 with the normal body cut in half
 * @RINGSIDE_DEMO_FAULT_MALFORMED: 200 with text that is not JSON
 * @RINGSIDE_DEMO_FAULT_WRONG_TYPE: 200 with JSON of the wrong shape (members of wrong types)
 * @RINGSIDE_DEMO_FAULT_DELAY: the normal answer after <fault_argument> milliseconds
 * @RINGSIDE_DEMO_FAULT_HANG: accept the request and never answer
 * @RINGSIDE_DEMO_FAULT_DISCONNECT: close the connection without answering
 * @RINGSIDE_DEMO_FAULT_FORBIDDEN_HTML: 403 with a firewall's HTML page ("Request blocked")
 * @RINGSIDE_DEMO_FAULT_DRIP: 200 with the normal body (made without effects, as for
 *   TRUNCATED) sent one byte every <fault_argument> milliseconds, so that no single read
 *   times out but the whole answer takes as long as the body is long
 * @RINGSIDE_DEMO_FAULT_ENDLESS: 200 with a JSON array that never ends (chunked): more
 *   elements, readable as users and as accounts, each time the last were written
 * @RINGSIDE_DEMO_FAULT_CONFLICT: 409 with a JSON error body, as when someone else changed
 *   the object at the same time; nothing is changed
 */
typedef enum
{
  RINGSIDE_DEMO_FAULT_NONE,
  RINGSIDE_DEMO_FAULT_UNAUTHORIZED,
  RINGSIDE_DEMO_FAULT_TOKEN_EXPIRED,
  RINGSIDE_DEMO_FAULT_FORBIDDEN,
  RINGSIDE_DEMO_FAULT_SERVER_ERROR,
  RINGSIDE_DEMO_FAULT_UNAVAILABLE,
  RINGSIDE_DEMO_FAULT_RATE_LIMITED,
  RINGSIDE_DEMO_FAULT_HTML,
  RINGSIDE_DEMO_FAULT_EMPTY,
  RINGSIDE_DEMO_FAULT_TRUNCATED,
  RINGSIDE_DEMO_FAULT_MALFORMED,
  RINGSIDE_DEMO_FAULT_WRONG_TYPE,
  RINGSIDE_DEMO_FAULT_DELAY,
  RINGSIDE_DEMO_FAULT_HANG,
  RINGSIDE_DEMO_FAULT_DISCONNECT,
  RINGSIDE_DEMO_FAULT_FORBIDDEN_HTML,
  RINGSIDE_DEMO_FAULT_DRIP,
  RINGSIDE_DEMO_FAULT_ENDLESS,
  RINGSIDE_DEMO_FAULT_CONFLICT,
} RingsideDemoFault;

/* What the server received, for tests to assert on. */
typedef struct
{
  char       *method;
  char       *path;          /* without the query */
  GHashTable *query;         /* decoded; empty when there was none */
  GHashTable *form;          /* decoded application/x-www-form-urlencoded body, or empty */
  char       *authorization; /* the Authorization header, or NULL */
  GBytes     *body;          /* the request body as sent, or NULL when there was none */
  char      **segments;      /* the path split at "/", without the empty first one */
} RingsideDemoRequest;

void ringside_demo_request_free (RingsideDemoRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RingsideDemoRequest, ringside_demo_request_free)

/* The RC access token that the demo server always accepts, for `ringside --demo`. */
#define RINGSIDE_DEMO_RC_ACCESS_TOKEN "demo-ringcentral-access-token"
#define RINGSIDE_DEMO_CLIENT_ID       "demo-client-id"
#define RINGSIDE_DEMO_CLIENT_SECRET   "demo-client-secret"
/* Every secret the accounts list carries (crmPwd, ftpPwd, securityKey) and every agent's
 * (password, sipPassword, phoneLoginPin) contains this, so that tests can assert that none of
 * them reached a model, a log or an export. */
#define RINGSIDE_DEMO_SECRET_MARKER   "DEMO-SECRET"

#define RINGSIDE_TYPE_DEMO_SERVER (ringside_demo_server_get_type ())
G_DECLARE_FINAL_TYPE (RingsideDemoServer, ringside_demo_server, RINGSIDE, DEMO_SERVER, GObject)

/* Plays both RingCX and the RingCentral platform on one loopback port, with realistic data:
 * a main account with sub-accounts and users in a hierarchy, JWT access tokens that expire
 * and refresh tokens that rotate (a used one stops working). */
RingsideDemoServer *ringside_demo_server_new              (void);
/* Listens on 127.0.0.1 on a free port of the thread-default main context. */
gboolean     ringside_demo_server_start                   (RingsideDemoServer *self,
                                                           GError            **error);
void         ringside_demo_server_stop                    (RingsideDemoServer *self);
/* "http://127.0.0.1:PORT", no trailing slash; NULL until started. */
const char  *ringside_demo_server_get_url                 (RingsideDemoServer *self);
SoupServer  *ringside_demo_server_get_soup_server         (RingsideDemoServer *self);

/* Data: deterministic for a given size. Defaults: 12 sub-accounts, 300 users. */
void         ringside_demo_server_set_sizes               (RingsideDemoServer *self,
                                                           guint               n_accounts,
                                                           guint               n_users);
/* What GET /voice/api/v1/admin/accounts returns: the main account and its sub-accounts. */
guint        ringside_demo_server_get_n_accounts          (RingsideDemoServer *self);
/* What GET /voice/api/v1/admin/users returns, counting nested users; with @active_only,
 * only the enabled ones (what activeOnly=true returns). */
guint        ringside_demo_server_get_n_users             (RingsideDemoServer *self,
                                                           gboolean            active_only);

/* The contact centre of each sub-account (A = /voice/api/v1/admin/accounts/{accountId}):
 * agent groups and their agents, queue groups (gateGroups) and queues (gates), dial groups
 * and their campaigns, and the audit log. The first sub-account is big (by default 40 agent
 * groups, 20,000 agents, 30 queue groups with about 300 queues, 15 dial groups with 200
 * campaigns); the others are small; the main account has none. Each account's data is made
 * on its first request, from a seed of its own. This sets the big account's size (at most
 * 1,000 groups and 100,000 agents); the others do not change. */
void         ringside_demo_server_set_contact_centre_size (RingsideDemoServer *self,
                                                           guint               n_agent_groups,
                                                           guint               n_agents);
/* Paged lists (page zero-indexed, maxRows 100 when absent) serve at most @max_rows rows a
 * page whatever maxRows asks, as a server may; 0, the default, serves what maxRows asks. */
void         ringside_demo_server_set_page_limit          (RingsideDemoServer *self,
                                                           guint               max_rows);
/* The agent group IDs of @account_id (a sub-account's "accountId"), in the order the list
 * serves them; empty for the main account, NULL for an unknown account. Free with
 * g_array_unref(). */
GArray      *ringside_demo_server_get_agent_group_ids     (RingsideDemoServer *self,
                                                           const char         *account_id);
/* How many of each the account has, or 0 for an unknown account. */
guint        ringside_demo_server_get_n_agents            (RingsideDemoServer *self,
                                                           const char         *account_id);
guint        ringside_demo_server_get_n_gates             (RingsideDemoServer *self,
                                                           const char         *account_id);
guint        ringside_demo_server_get_n_campaigns         (RingsideDemoServer *self,
                                                           const char         *account_id);
/**
 * RingsideDemoGroupKind:
 * @RINGSIDE_DEMO_AGENT_GROUP: an agent group, whose children are its agents
 * @RINGSIDE_DEMO_DIAL_GROUP: a dial group, whose children are its campaigns
 */
typedef enum
{
  RINGSIDE_DEMO_AGENT_GROUP,
  RINGSIDE_DEMO_DIAL_GROUP,
} RingsideDemoGroupKind;

/* A fault: until ringside_demo_server_clear_faults(), every request for the children of the
 * group @index (from 0, in the order the list serves them) of @account_id answers 403 with a
 * JSON error body, as for an admin who may not see that one group; the group list itself and
 * the other groups answer as before. Returns the group's name and sets @n_children to how
 * many children it has; NULL for an unknown account or group. */
char        *ringside_demo_server_forbid_group            (RingsideDemoServer   *self,
                                                           const char           *account_id,
                                                           RingsideDemoGroupKind kind,
                                                           guint                 index,
                                                           guint                *n_children);
/* The "accountId" of the sub-account @index (1 is the big one). */
char        *ringside_demo_server_get_account_id          (RingsideDemoServer *self,
                                                           guint               index);

/* Seconds an access token lives (default 300; 0 issues tokens that are already expired). */
void         ringside_demo_server_set_token_lifetime      (RingsideDemoServer *self,
                                                           guint               seconds);
/* How issued access tokens and answers tell time. Without @include_iat the JWTs carry no
 * "iat" claim; @clock_skew_seconds shifts the server's clock (its "iat", "exp", the expiry
 * it enforces and the HTTP Date header of every answer) against the real one, negative
 * for a server that is behind. Defaults: TRUE, 0. */
void         ringside_demo_server_set_token_options       (RingsideDemoServer *self,
                                                           gboolean            include_iat,
                                                           int                 clock_skew_seconds);
/* Accept this RC access token at the exchange, besides RINGSIDE_DEMO_RC_ACCESS_TOKEN and the
 * tokens the platform endpoint issued. */
void         ringside_demo_server_accept_rc_token         (RingsideDemoServer *self,
                                                           const char         *rc_access_token);

/* Whether the demo's authorize page (GET /restapi/oauth/authorize) approves at once, with a
 * 302 to the redirect URI carrying a code (the default), or refuses with
 * error=access_denied. Its token endpoint takes the code once, for RINGSIDE_DEMO_CLIENT_ID
 * only, with the verifier of the challenge and the same redirect URI. */
void         ringside_demo_server_set_oauth_consent       (RingsideDemoServer *self,
                                                           gboolean            approve);

/* At most @per_minute exchanges (POST /api/auth/login/rc/accesstoken) in any 60 s, as
 * RingCX allows 5; the next one gets 429 with Retry-After. 0, the default, is no limit. */
void         ringside_demo_server_set_exchange_limit      (RingsideDemoServer *self,
                                                           guint               per_minute);

/* A new valid RingCX access token (and no refresh token), for tests that need to call the
 * data endpoints without signing in. */
char        *ringside_demo_server_issue_access_token      (RingsideDemoServer *self);
/* Every access token issued so far now answers 401 "Jwt is expired". */
void         ringside_demo_server_expire_access_tokens    (RingsideDemoServer *self);
/* Every refresh token issued so far stops working. */
void         ringside_demo_server_revoke_refresh_tokens   (RingsideDemoServer *self);
gboolean     ringside_demo_server_is_refresh_token_valid  (RingsideDemoServer *self,
                                                           const char         *refresh_token);
/* The newest refresh token issued, or NULL. */
const char  *ringside_demo_server_get_latest_refresh_token (RingsideDemoServer *self);

/* The next @count requests to @path (exact, without query; NULL for any path) meet @fault.
 * @path may end in a query, "PATH?page=2&maxRows=50": then it takes only requests to PATH
 * whose query has each of those parameters with that value (in any order, others ignored),
 * which is how a test faults one page of a paged list.
 * Rules apply in the order they were set, the first one that matches taking the request, so
 * a RINGSIDE_DEMO_FAULT_NONE rule lets requests through before a later rule. A faulted
 * request does not reach the normal handler (a faulted refresh rotates nothing), except
 * that DELAY answers normally afterwards and TRUNCATED cuts a body made without effects.
 * Handlers that tests add to the SoupServer are recorded but never faulted. */
void         ringside_demo_server_set_fault               (RingsideDemoServer *self,
                                                           const char         *path,
                                                           RingsideDemoFault   fault,
                                                           guint               fault_argument,
                                                           guint               count);
void         ringside_demo_server_clear_faults            (RingsideDemoServer *self);

/* Requests received, oldest first (element type RingsideDemoRequest), owned by @self. */
GPtrArray   *ringside_demo_server_get_requests            (RingsideDemoServer *self);
guint        ringside_demo_server_count_requests          (RingsideDemoServer *self,
                                                           const char         *path);
void         ringside_demo_server_clear_requests          (RingsideDemoServer *self);

G_END_DECLS
