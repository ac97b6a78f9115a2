/* ringside-demo-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ringside-demo-server.h"

#define PATH_PLATFORM_TOKEN "/restapi/oauth/token"
#define PATH_EXCHANGE       "/api/auth/login/rc/accesstoken"
#define PATH_REFRESH        "/api/auth/token/refresh"
#define PATH_LOGOUT_PREFIX  "/api/auth/logout/"
#define PATH_ACCOUNTS       "/voice/api/v1/admin/accounts"
#define PATH_USERS          "/voice/api/v1/admin/users"

#define JSON_CONTENT_TYPE   "application/json;charset=UTF-8"
#define TEXT_CONTENT_TYPE   "text/plain;charset=UTF-8"
#define HTML_CONTENT_TYPE   "text/html;charset=UTF-8"
#define JWT_BEARER_GRANT    "urn:ietf:params:oauth:grant-type:jwt-bearer"
#define TOKEN_EXPIRED_TEXT  "Jwt is expired"
/* libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

/* The demo tenant: the admin who signs in is the root user of the hierarchy. */
#define MAIN_ACCOUNT_NUMBER 15800000
#define MAIN_ACCOUNT_ID     "15800000"
#define MAIN_ACCOUNT_NAME   "Northwind Support"
#define RC_ACCOUNT_ID       "37439510"
#define EMAIL_DOMAIN        "northwind.example"
#define ROOT_USER_ID        210400
#define RC_USER_ID_BASE     G_GINT64_CONSTANT (62845100004)

#define DEFAULT_N_ACCOUNTS       12
#define DEFAULT_N_USERS          300
#define DEFAULT_TOKEN_LIFETIME   300
#define PLATFORM_TOKEN_LIFETIME  3600
#define PLATFORM_REFRESH_LIFETIME 604800
#define EXCHANGE_LIMIT_WINDOW    (60 * G_USEC_PER_SEC)

/* Data */

typedef struct
{
  const char *name;
  const char *slug;  /* ASCII, for e-mail addresses */
} DemoName;

static const DemoName first_names[] = {
  { "Aaliyah", "aaliyah" }, { "Adebayo", "adebayo" }, { "Aiko", "aiko" },
  { "Alejandro", "alejandro" }, { "Amara", "amara" }, { "Anh", "anh" }, { "Arjun", "arjun" },
  { "Astrid", "astrid" }, { "Ayşe", "ayse" }, { "Beatriz", "beatriz" },
  { "Bongani", "bongani" }, { "Camille", "camille" }, { "Chiara", "chiara" },
  { "Chidi", "chidi" }, { "Daniel", "daniel" }, { "Darius", "darius" }, { "Dmitri", "dmitri" },
  { "Elif", "elif" }, { "Emeka", "emeka" }, { "Emily", "emily" },
  { "Esperanza", "esperanza" }, { "Farah", "farah" }, { "Fatima", "fatima" },
  { "Felipe", "felipe" }, { "François", "francois" }, { "Grace", "grace" },
  { "Hamid", "hamid" }, { "Hana", "hana" }, { "Hiroshi", "hiroshi" }, { "Ingrid", "ingrid" },
  { "Isabella", "isabella" }, { "Jamal", "jamal" }, { "Javier", "javier" }, { "Jiho", "jiho" },
  { "Joaquín", "joaquin" }, { "José", "jose" }, { "Kalani", "kalani" },
  { "Kateřina", "katerina" }, { "Kwame", "kwame" }, { "Lakshmi", "lakshmi" },
  { "Leilani", "leilani" }, { "Liam", "liam" }, { "Lucía", "lucia" }, { "Łukasz", "lukasz" },
  { "Mai", "mai" }, { "Malik", "malik" }, { "Mariana", "mariana" }, { "Mateo", "mateo" },
  { "Mei", "mei" }, { "Mohammed", "mohammed" }, { "Nadia", "nadia" }, { "Naveen", "naveen" },
  { "Nia", "nia" }, { "Noah", "noah" }, { "Olga", "olga" }, { "Omar", "omar" },
  { "Priya", "priya" }, { "Rafael", "rafael" }, { "Rania", "rania" }, { "Ravi", "ravi" },
  { "Rosa", "rosa" }, { "Santiago", "santiago" }, { "Sean", "sean" },
  { "Siobhán", "siobhan" }, { "Søren", "soren" }, { "Sunita", "sunita" },
  { "Tariq", "tariq" }, { "Thabo", "thabo" }, { "Tomás", "tomas" },
  { "Valentina", "valentina" }, { "Wei", "wei" }, { "Yara", "yara" }, { "Yusuf", "yusuf" },
  { "Zainab", "zainab" }, { "Zoë", "zoe" },
};

static const DemoName last_names[] = {
  { "Abara", "abara" }, { "Adeyemi", "adeyemi" }, { "Alvarez", "alvarez" },
  { "Andersen", "andersen" }, { "Bakshi", "bakshi" }, { "Banerjee", "banerjee" },
  { "Becker", "becker" }, { "Bianchi", "bianchi" }, { "Boateng", "boateng" },
  { "Castillo", "castillo" }, { "Chen", "chen" }, { "Cohen", "cohen" }, { "Costa", "costa" },
  { "Đặng", "dang" }, { "Dubois", "dubois" }, { "Eriksson", "eriksson" },
  { "Fernández", "fernandez" }, { "Fischer", "fischer" }, { "Flores", "flores" },
  { "García", "garcia" }, { "Gupta", "gupta" }, { "Haddad", "haddad" }, { "Hansen", "hansen" },
  { "Hernández", "hernandez" }, { "Huang", "huang" }, { "Ibrahim", "ibrahim" },
  { "Ito", "ito" }, { "Jensen", "jensen" }, { "Johnson", "johnson" }, { "Kaur", "kaur" },
  { "Khan", "khan" }, { "Kim", "kim" }, { "Kowalski", "kowalski" }, { "Kumar", "kumar" },
  { "Lee", "lee" }, { "Lindqvist", "lindqvist" }, { "López", "lopez" },
  { "Mahlangu", "mahlangu" }, { "Martin", "martin" }, { "Mensah", "mensah" },
  { "Moreau", "moreau" }, { "Müller", "mueller" }, { "Murphy", "murphy" },
  { "Nakamura", "nakamura" }, { "Nguyễn", "nguyen" }, { "Novák", "novak" },
  { "Nowak", "nowak" }, { "O'Brien", "obrien" }, { "O'Connor", "oconnor" },
  { "Okafor", "okafor" }, { "Okonkwo", "okonkwo" }, { "Patel", "patel" },
  { "Pereira", "pereira" }, { "Petrov", "petrov" }, { "Popescu", "popescu" },
  { "Reyes", "reyes" }, { "Rossi", "rossi" }, { "Sato", "sato" }, { "Schmidt", "schmidt" },
  { "Silva", "silva" }, { "Singh", "singh" }, { "Suzuki", "suzuki" }, { "Tanaka", "tanaka" },
  { "Thompson", "thompson" }, { "Torres", "torres" }, { "Tran", "tran" },
  { "van der Berg", "vanderberg" }, { "Wang", "wang" }, { "Williams", "williams" },
  { "Wiśniewski", "wisniewski" }, { "Yamamoto", "yamamoto" }, { "Yılmaz", "yilmaz" },
  { "Zhang", "zhang" },
};

/* Not in the lists above, so that nobody else gets the admin's e-mail address. */
static const DemoName admin_first_name = { "Dana", "dana" };
static const DemoName admin_last_name = { "Whitfield", "whitfield" };

/* Real tenants name sub-accounts freely: punctuation and quotes included. */
static const char * const sub_account_names[] = {
  "Technical Support", "Billing & Payments", "Customer Care — Español", "Retention",
  "Outbound Renewals", "Onboarding", "Escalations \"Tier 2\"", "After Hours", "Partner Desk",
  "Collections", "VIP Care", "Chat & Messaging", "Field Service Dispatch",
  "Returns & Exchanges", "Quality Assurance", "Training Sandbox",
};

static const guint area_codes[] = { 206, 312, 415, 512, 617, 646, 702, 720, 919 };

typedef enum
{
  USER_KIND_ROOT,
  USER_KIND_MANAGER,
  USER_KIND_TEAM_LEAD,
  USER_KIND_AGENT,
} UserKind;

/* Ready-made JSON: one doc shows roles as strings, the spec as objects. */
static const char * const role_objects[] = {
  [USER_KIND_ROOT] = "[{\"roleType\":\"SUPER_USER\",\"description\":\"Super User\"}]",
  [USER_KIND_MANAGER] = "[{\"roleType\":\"MANAGE_USERS\",\"description\":\"Manage Users\"},"
                        "{\"roleType\":\"ACCESS_AUDIT_LOG\",\"description\":\"Access Audit Log\"},"
                        "{\"roleType\":\"REPORT_ADMINISTRATIVE_USER\","
                        "\"description\":\"Report Administrative User\"}]",
  [USER_KIND_TEAM_LEAD] = "[{\"roleType\":\"USER\",\"description\":\"User\"},"
                          "{\"roleType\":\"MANAGE_USERS\",\"description\":\"Manage Users\"}]",
  [USER_KIND_AGENT] = "[{\"roleType\":\"USER\",\"description\":\"User\"}]",
};

static const char * const role_strings[] = {
  [USER_KIND_ROOT] = "[\"SUPER_USER\"]",
  [USER_KIND_MANAGER] = "[\"MANAGE_USERS\",\"ACCESS_AUDIT_LOG\",\"REPORT_ADMINISTRATIVE_USER\"]",
  [USER_KIND_TEAM_LEAD] = "[\"USER\",\"MANAGE_USERS\"]",
  [USER_KIND_AGENT] = "[\"USER\"]",
};

typedef struct
{
  const DemoName *first;
  const DemoName *last;
  gint64          created;       /* Unix time */
  guint           parent;        /* index; the root has none */
  guint           email_number;  /* appended to the e-mail's local part when not 0 */
  gint32          id;
  guint16         phone;
  guint8          kind;          /* UserKind */
  guint8          enabled : 1;
  guint8          string_roles : 1;
  guint8          linked : 1;    /* to a RingCentral user */
} DemoUser;

/* The user hierarchy, generated once per size. Children are ranges of @children: those of
 * user i are children[first_child[i]] up to children[first_child[i + 1]]. */
typedef struct
{
  DemoUser *items;
  guint     n_items;
  guint     n_enabled;
  guint    *first_child;
  guint    *children;
} DemoUserTree;

/* Sessions, faults and replies */

/* What one sign-in (exchange) started: its refresh and access tokens share its fate. */
typedef struct
{
  gboolean revoked;
} Grant;

typedef struct
{
  Grant   *grant;       /* owned by the server */
  gint64   expires_at;  /* Unix time */
  gboolean expired;     /* forced by ringside_demo_server_expire_access_tokens() */
} AccessToken;

typedef struct
{
  char              *path;      /* NULL for any path */
  RingsideDemoFault  fault;
  guint              argument;
  guint              remaining;
} FaultRule;

/* A request whose answer waits: delayed, hanging, or about to lose its connection. */
typedef struct
{
  RingsideDemoServer *self;
  SoupServerMessage  *msg;
  GSource            *source;   /* NULL while hanging */
  gulong              disconnected_id;
  GBytes             *drip;     /* the body still to send, for DRIP */
  gsize               dripped;
} PendingMessage;

typedef struct
{
  guint       status;
  const char *content_type;
  GBytes     *body;
  guint       retry_after;
} DemoReply;

struct _RingsideDemoServer
{
  GObject       parent_instance;

  SoupServer   *server;
  GMainContext *context;
  char         *url;

  /* Data, generated on demand and cached */
  guint         n_accounts;
  guint         n_users;
  DemoUserTree *users;
  GHashTable   *bodies;           /* "accounts" or "users:FLATTEN:ACTIVE" → GBytes */

  /* Tokens */
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

  /* Faults and records */
  GPtrArray    *faults;           /* FaultRule */
  GPtrArray    *pending;          /* PendingMessage */
  GPtrArray    *requests;         /* RingsideDemoRequest */
};

G_DEFINE_FINAL_TYPE (RingsideDemoServer, ringside_demo_server, G_TYPE_OBJECT)

/* Unix time on the server's own clock, which ringside_demo_server_set_token_options() may
 * set apart from the real one. */
static gint64
server_now (RingsideDemoServer *self)
{
  return g_get_real_time () / G_USEC_PER_SEC + self->clock_skew;
}

/* Requests */

void
ringside_demo_request_free (RingsideDemoRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->method);
  g_free (request->path);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_clear_pointer (&request->form, g_hash_table_unref);
  g_free (request->authorization);
  g_free (request);
}

static GHashTable *
decode_form (const char *encoded)
{
  if (encoded == NULL || *encoded == '\0')
    return g_hash_table_new (g_str_hash, g_str_equal);

  return soup_form_decode (encoded);
}

static RingsideDemoRequest *
demo_request_new (SoupServerMessage *msg)
{
  RingsideDemoRequest *request = g_new0 (RingsideDemoRequest, 1);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);

  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = g_strdup (g_uri_get_path (uri));
  request->query = decode_form (g_uri_get_query (uri));
  request->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));

  if (g_strcmp0 (content_type, "application/x-www-form-urlencoded") == 0)
    {
      SoupMessageBody *body = soup_server_message_get_request_body (msg);
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);
      g_autofree char *text = g_strndup (data, size);

      request->form = decode_form (text);
    }
  else
    {
      request->form = decode_form (NULL);
    }

  return request;
}

/* The logout path carries a refresh token: keep it out of logs and error bodies. */
static char *
redact_path (const char *path)
{
  if (g_str_has_prefix (path, PATH_LOGOUT_PREFIX))
    return g_strdup (PATH_LOGOUT_PREFIX "[redacted]");

  return g_strdup (path);
}

/* JSON text */

static void
json_append_escaped (GString    *out,
                     const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
}

static void
json_append_string (GString    *out,
                    const char *value)
{
  g_string_append_c (out, '"');
  json_append_escaped (out, value);
  g_string_append_c (out, '"');
}

/* Members are written with a trailing comma, which json_close() turns into the bracket. */
static void
json_member (GString    *out,
             const char *name)
{
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":");
}

static void
json_close (GString *out,
            char     bracket)
{
  if (out->len > 0 && out->str[out->len - 1] == ',')
    out->str[out->len - 1] = bracket;
  else
    g_string_append_c (out, bracket);
}

static void
json_member_string (GString    *out,
                    const char *name,
                    const char *value)
{
  json_member (out, name);
  if (value != NULL)
    json_append_string (out, value);
  else
    g_string_append (out, "null");
  g_string_append_c (out, ',');
}

static void
json_member_int (GString    *out,
                 const char *name,
                 gint64      value)
{
  json_member (out, name);
  g_string_append_printf (out, "%" G_GINT64_FORMAT ",", value);
}

static void
json_member_bool (GString    *out,
                  const char *name,
                  gboolean    value)
{
  json_member (out, name);
  g_string_append (out, value ? "true," : "false,");
}

/* RingCX writes dates as "2021-03-04T10:00:00.000+0000". */
static void
json_member_date (GString    *out,
                  const char *name,
                  gint64      unix_time)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (unix_time);
  int year, month, day;

  g_date_time_get_ymd (date, &year, &month, &day);
  json_member (out, name);
  g_string_append_printf (out, "\"%04d-%02d-%02dT%02d:%02d:%02d.000+0000\",",
                          year, month, day,
                          g_date_time_get_hour (date),
                          g_date_time_get_minute (date),
                          g_date_time_get_second (date));
}

static GBytes *
json_builder_to_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  gsize length;
  char *text;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/* Accounts */

static char *
account_name (guint index)
{
  guint n_names = G_N_ELEMENTS (sub_account_names);
  guint round;

  if (index == 0)
    return g_strdup (MAIN_ACCOUNT_NAME);

  round = (index - 1) / n_names;
  if (round == 0)
    return g_strdup (sub_account_names[index - 1]);

  return g_strdup_printf ("%s %u", sub_account_names[(index - 1) % n_names], round + 1);
}

static void
append_main_account (GString *out)
{
  json_member (out, "mainAccount");
  g_string_append_c (out, '{');
  json_member_string (out, "mainAccountId", MAIN_ACCOUNT_ID);
  json_member_string (out, "mainAccountName", MAIN_ACCOUNT_NAME);
  json_member_string (out, "rcAccountId", RC_ACCOUNT_ID);
  json_member_string (out, "engageAccountId", MAIN_ACCOUNT_ID);
  json_member_int (out, "isActive", 1);
  json_member_int (out, "dataRetentionDays", 365);
  json_member_bool (out, "enableAmdProfiles", TRUE);
  json_member_bool (out, "enableConsultCall", TRUE);
  json_member_bool (out, "enablePhoneNumbersI18n", FALSE);
  json_close (out, '}');
  g_string_append_c (out, ',');
}

static void
append_account (GString *out,
                guint    index)
{
  g_autofree char *name = account_name (index);
  g_autofree char *id = g_strdup_printf ("%u", MAIN_ACCOUNT_NUMBER + index);
  g_autofree char *crm_pwd = g_strdup_printf (RINGSIDE_DEMO_SECRET_MARKER "-crm-%08x",
                                              g_str_hash (id));
  g_autofree char *ftp_pwd = g_strdup_printf (RINGSIDE_DEMO_SECRET_MARKER "-ftp-%08x",
                                              g_str_hash (name));
  g_autofree char *security_key = g_strdup_printf (RINGSIDE_DEMO_SECRET_MARKER "-key-%08x%08x",
                                                   g_str_hash (id), index * 2654435761u);
  g_autofree char *ftp_uid = g_strdup_printf ("nw-%s", id);
  g_autofree char *caller_id = g_strdup_printf ("%u555%04u",
                                                area_codes[index % G_N_ELEMENTS (area_codes)],
                                                100 + index % 100);
  /* Accounts opened every five to six weeks since March 2021; every fifth one closed. */
  gint64 start = G_GINT64_CONSTANT (1614852000) + (gint64) index * 3283200;
  gboolean archived = index > 0 && index % 5 == 0;

  g_string_append_c (out, '{');
  json_member_string (out, "accountId", id);
  json_member_string (out, "accountName", name);
  json_member_string (out, "mainAccountId", MAIN_ACCOUNT_ID);
  json_member_string (out, "mainAccountName", MAIN_ACCOUNT_NAME);
  append_main_account (out);
  json_member_bool (out, "archivedAccount", archived);
  json_member_date (out, "startDate", start);
  if (archived)
    json_member_date (out, "endDate", start + 86400 * 400);
  else
    json_member_string (out, "endDate", NULL);
  json_member_int (out, "audioRetentionDays", 90);
  json_member_int (out, "dataRetentionDays", 365);
  json_member_int (out, "concurrentLogins", 1);
  json_member_string (out, "crmHost", "crm." EMAIL_DOMAIN);
  json_member_string (out, "crmInstance", "northwind");
  json_member_string (out, "crmUid", ftp_uid);
  json_member_string (out, "crmPwd", crm_pwd);
  json_member_string (out, "ftpHost", "sftp." EMAIL_DOMAIN);
  json_member_string (out, "ftpUid", ftp_uid);
  json_member_string (out, "ftpPwd", ftp_pwd);
  json_member_string (out, "securityKey", security_key);
  json_member_string (out, "databaseShardId", index % 2 == 0 ? "shard-2" : "shard-3");
  json_member_string (out, "defaultCallerid", caller_id);
  json_member_string (out, "defaultHold", "MUSIC");
  json_member_string (out, "emailFromAddress", "no-reply@" EMAIL_DOMAIN);
  json_member_string (out, "notificationEmail", "cx-alerts@" EMAIL_DOMAIN);
  json_member_bool (out, "enableInbound", TRUE);
  json_member_bool (out, "enableOutbound", index % 3 != 1);
  json_member_bool (out, "enableChat", index % 4 == 0);
  json_member_bool (out, "enableSoftphones", TRUE);
  json_member_bool (out, "enableListLoading", index % 3 != 1);
  json_member_int (out, "maxBreakTime", 15);
  json_member_int (out, "maxLunchTime", 60);
  json_member_int (out, "primaryTimezone", 6 + index % 4);
  json_member_string (out, "rcAccountAccess", "ENABLED");
  json_member_string (out, "recordingAccessMode", "ACCOUNT");
  json_member_string (out, "wfmType", "NONE");
  json_member_bool (out, "pciCompliance", index % 7 == 3);
  json_member_bool (out, "tcpaSafeMode", FALSE);
  json_member_int (out, "weekOffset", 0);
  json_close (out, '}');
}

static GBytes *
build_accounts_body (guint n_sub_accounts)
{
  GString *out = g_string_sized_new (2048 * (n_sub_accounts + 1));

  g_string_append_c (out, '[');
  for (guint i = 0; i <= n_sub_accounts; i++)
    {
      append_account (out, i);
      g_string_append_c (out, ',');
    }
  json_close (out, ']');

  return g_string_free_to_bytes (out);
}

/* Users */

static void
demo_user_tree_free (DemoUserTree *tree)
{
  g_free (tree->items);
  g_free (tree->first_child);
  g_free (tree->children);
  g_free (tree);
}

static void
index_children (DemoUserTree *tree)
{
  g_autofree guint *next = g_new0 (guint, tree->n_items + 1);

  tree->first_child = g_new0 (guint, tree->n_items + 1);
  tree->children = g_new (guint, MAX (tree->n_items, 1));

  for (guint i = 1; i < tree->n_items; i++)
    tree->first_child[tree->items[i].parent + 1]++;
  for (guint i = 0; i < tree->n_items; i++)
    tree->first_child[i + 1] += tree->first_child[i];

  memcpy (next, tree->first_child, sizeof (guint) * (tree->n_items + 1));
  for (guint i = 1; i < tree->n_items; i++)
    tree->children[next[tree->items[i].parent]++] = i;
}

/* A root user over managers (about one per 60 users) over team leads (one per 12) over agents,
 * all drawn from a GRand seeded by the size, so that the same size gives the same data. */
static DemoUserTree *
demo_user_tree_new (guint n_users)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x52494e47u ^ n_users);
  g_autofree guint *name_uses = g_new0 (guint, G_N_ELEMENTS (first_names) *
                                                G_N_ELEMENTS (last_names));
  DemoUserTree *tree = g_new0 (DemoUserTree, 1);
  guint remaining = n_users > 0 ? n_users - 1 : 0;
  guint n_managers = MIN (remaining, MAX (1, remaining / 60));
  guint n_leads = MIN (remaining - n_managers, MAX (1, (remaining - n_managers) / 12));
  gint64 span = G_GINT64_CONSTANT (157680000);  /* five years of hiring */
  gint64 step = n_users > 0 ? MAX (span / n_users, 2) : 1;
  gint32 id = ROOT_USER_ID;
  gint64 created = G_GINT64_CONSTANT (1547458200);  /* 2019-01-14 09:30 UTC */

  tree->n_items = n_users;
  tree->items = g_new0 (DemoUser, MAX (n_users, 1));

  for (guint i = 0; i < n_users; i++)
    {
      DemoUser *user = &tree->items[i];

      if (i == 0)
        {
          user->kind = USER_KIND_ROOT;
          user->first = &admin_first_name;
          user->last = &admin_last_name;
        }
      else
        {
          guint first = g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names));
          guint last = g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names));
          guint uses = ++name_uses[first * G_N_ELEMENTS (last_names) + last];

          user->first = &first_names[first];
          user->last = &last_names[last];
          user->email_number = uses > 1 ? uses : 0;

          if (i <= n_managers)
            {
              user->kind = USER_KIND_MANAGER;
              user->parent = 0;
            }
          else if (i <= n_managers + n_leads)
            {
              user->kind = USER_KIND_TEAM_LEAD;
              user->parent = 1 + g_rand_int_range (rand, 0, n_managers);
            }
          else
            {
              user->kind = USER_KIND_AGENT;
              user->parent = 1 + n_managers + g_rand_int_range (rand, 0, n_leads);
            }

          id += g_rand_int_range (rand, 1, 9);
          created += g_rand_int_range (rand, 1, 2 * step);
        }

      user->id = id;
      user->created = created;
      user->phone = g_rand_int_range (rand, 0, 100 * G_N_ELEMENTS (area_codes));
      /* Only leaves are ever disabled, so activeOnly never orphans anyone. */
      user->enabled = user->kind != USER_KIND_AGENT || g_rand_int_range (rand, 0, 100) >= 7;
      user->string_roles = i % 23 == 11;
      user->linked = i % 41 != 7;

      if (user->enabled)
        tree->n_enabled++;
    }

  index_children (tree);
  return tree;
}

static void
append_user (GString        *out,
             const DemoUser *user,
             const GString  *ancestors)
{
  guint area_code = area_codes[user->phone / 100];

  g_string_append_c (out, '{');
  json_member_int (out, "userId", user->id);

  json_member (out, "userName");
  g_string_append_printf (out, "\"%s.%s", user->first->slug, user->last->slug);
  if (user->email_number > 0)
    g_string_append_printf (out, "%u", user->email_number);
  g_string_append (out, "@" EMAIL_DOMAIN "\",");

  json_member_string (out, "firstName", user->first->name);
  json_member_string (out, "lastName", user->last->name);
  json_member (out, "fullName");
  g_string_append_c (out, '"');
  json_append_escaped (out, user->first->name);
  g_string_append_c (out, ' ');
  json_append_escaped (out, user->last->name);
  g_string_append (out, "\",");

  json_member_bool (out, "enabled", user->enabled);
  json_member_bool (out, "rootUser", user->kind == USER_KIND_ROOT);
  if (user->linked)
    json_member_int (out, "rcUserId", RC_USER_ID_BASE + 3 * (gint64) (user->id - ROOT_USER_ID));
  else
    json_member_string (out, "rcUserId", NULL);
  json_member_string (out, "rcAccountId", RC_ACCOUNT_ID);
  json_member_bool (out, "userManagedByRC", user->linked);
  json_member (out, "phoneNumberE164");
  g_string_append_printf (out, "\"+1%u555%04u\",", area_code, 100 + user->phone % 100);
  json_member_string (out, "parentPath", ancestors->len > 0 ? ancestors->str : NULL);
  json_member_date (out, "creationDate", user->created);
  json_member (out, "roles");
  g_string_append (out, user->string_roles ? role_strings[user->kind] : role_objects[user->kind]);
  g_string_append_c (out, ',');
}

typedef struct
{
  GString            *out;
  const DemoUserTree *tree;
  GString            *ancestors;  /* "id.id.id" of the user being written, root first */
  gboolean            nested;
  gboolean            active_only;
} UsersWriter;

/* Depth first, so that the flat form lists every parent before its children. */
static void
write_user_tree (UsersWriter *writer,
                 guint        index,
                 gboolean    *first_in_array)
{
  const DemoUser *user = &writer->tree->items[index];
  gsize ancestors_len = writer->ancestors->len;
  guint first_child = writer->tree->first_child[index];
  guint end_child = writer->tree->first_child[index + 1];

  if (writer->active_only && !user->enabled)
    return;

  if (!*first_in_array)
    g_string_append_c (writer->out, ',');
  *first_in_array = FALSE;

  append_user (writer->out, user, writer->ancestors);

  if (writer->ancestors->len > 0)
    g_string_append_c (writer->ancestors, '.');
  g_string_append_printf (writer->ancestors, "%d", user->id);

  if (writer->nested)
    {
      gboolean first_child_written = TRUE;

      g_string_append (writer->out, "\"children\":[");
      for (guint c = first_child; c < end_child; c++)
        write_user_tree (writer, writer->tree->children[c], &first_child_written);
      g_string_append (writer->out, "]}");
    }
  else
    {
      g_string_append (writer->out, "\"children\":[]}");
      for (guint c = first_child; c < end_child; c++)
        write_user_tree (writer, writer->tree->children[c], first_in_array);
    }

  g_string_truncate (writer->ancestors, ancestors_len);
}

static GBytes *
build_users_body (const DemoUserTree *tree,
                  gboolean            flatten,
                  gboolean            active_only)
{
  g_autoptr(GString) ancestors = g_string_new (NULL);
  UsersWriter writer = {
    .out = g_string_sized_new (420 * (gsize) tree->n_items + 2),
    .tree = tree,
    .ancestors = ancestors,
    .nested = !flatten,
    .active_only = active_only,
  };
  gboolean first = TRUE;

  g_string_append_c (writer.out, '[');
  if (tree->n_items > 0)
    write_user_tree (&writer, 0, &first);
  g_string_append_c (writer.out, ']');

  return g_string_free_to_bytes (writer.out);
}

static DemoUserTree *
ensure_users (RingsideDemoServer *self)
{
  if (self->users == NULL)
    self->users = demo_user_tree_new (self->n_users);

  return self->users;
}

/* Big lists are built once per form and sent without copying. */
static GBytes *
get_users_body (RingsideDemoServer *self,
                gboolean            flatten,
                gboolean            active_only)
{
  g_autofree char *key = g_strdup_printf ("users:%d:%d", flatten, active_only);
  GBytes *body = g_hash_table_lookup (self->bodies, key);

  if (body == NULL)
    {
      body = build_users_body (ensure_users (self), flatten, active_only);
      g_hash_table_insert (self->bodies, g_steal_pointer (&key), body);
    }

  return body;
}

static GBytes *
get_accounts_body (RingsideDemoServer *self)
{
  GBytes *body = g_hash_table_lookup (self->bodies, "accounts");

  if (body == NULL)
    {
      body = build_accounts_body (self->n_accounts);
      g_hash_table_insert (self->bodies, g_strdup ("accounts"), body);
    }

  return body;
}

/* Tokens */

static char *
base64url_encode (const guint8 *data,
                  gsize         length)
{
  char *text = g_base64_encode (data, length);

  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        {
          *p = '\0';
          break;
        }
    }

  return text;
}

static char *
random_token (RingsideDemoServer *self,
              gsize               n_bytes)
{
  g_autofree guint8 *data = g_malloc (n_bytes);

  for (gsize i = 0; i < n_bytes; i++)
    data[i] = (guint8) g_rand_int_range (self->token_rand, 0, 256);

  return base64url_encode (data, n_bytes);
}

static Grant *
new_grant (RingsideDemoServer *self)
{
  Grant *grant = g_new0 (Grant, 1);

  g_ptr_array_add (self->grants, grant);
  return grant;
}

/* A JWT signed with HMAC-SHA256 over a key of this server; @commit FALSE makes one that no
 * endpoint accepts, for faults that show a body without its effects. */
static char *
mint_access_token (RingsideDemoServer *self,
                   Grant              *grant,
                   gboolean            commit)
{
  static const char header[] = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, self->signing_key,
                                      sizeof self->signing_key);
  g_autofree char *jti = g_uuid_string_random ();
  gint64 now = server_now (self);
  gint64 expires_at = now + self->token_lifetime;
  g_autofree char *iat = self->include_iat ? g_strdup_printf ("\"iat\":%" G_GINT64_FORMAT ",",
                                                              now)
                                           : g_strdup ("");
  g_autofree char *payload = g_strdup_printf ("{\"sub\":\"%d\",\"iss\":\"ringcx-demo\","
                                              "\"accountId\":\"%s\",\"rcAccountId\":\"%s\","
                                              "%s"
                                              "\"exp\":%" G_GINT64_FORMAT ","
                                              "\"jti\":\"%s\"}",
                                              ROOT_USER_ID, MAIN_ACCOUNT_ID, RC_ACCOUNT_ID,
                                              iat, expires_at, jti);
  g_autofree char *header_part = base64url_encode ((const guint8 *) header, strlen (header));
  g_autofree char *payload_part = base64url_encode ((const guint8 *) payload,
                                                    strlen (payload));
  g_autofree char *signing_input = g_strconcat (header_part, ".", payload_part, NULL);
  g_autofree char *signature_part = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  char *token;

  g_hmac_update (hmac, (const guchar *) signing_input, -1);
  g_hmac_get_digest (hmac, digest, &digest_len);
  signature_part = base64url_encode (digest, digest_len);
  token = g_strconcat (signing_input, ".", signature_part, NULL);

  if (commit)
    {
      AccessToken *access = g_new0 (AccessToken, 1);

      access->grant = grant;
      access->expires_at = expires_at;
      g_hash_table_insert (self->access_tokens, g_strdup (token), access);
    }

  return token;
}

static char *
mint_refresh_token (RingsideDemoServer *self,
                    Grant              *grant,
                    gboolean            commit)
{
  char *token = random_token (self, 32);

  if (commit)
    {
      g_hash_table_insert (self->refresh_tokens, g_strdup (token), grant);
      g_free (self->latest_refresh_token);
      self->latest_refresh_token = g_strdup (token);
    }

  return token;
}

static gboolean
looks_like_jwt (const char *text)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  parts = g_strsplit (text, ".", -1);
  if (g_strv_length (parts) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      if (*parts[i] == '\0')
        return FALSE;
      for (const char *p = parts[i]; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
          return FALSE;
    }

  return TRUE;
}

static gboolean
client_credentials_match (const char *authorization)
{
  g_autofree guchar *decoded = NULL;
  g_autofree char *credentials = NULL;
  gsize length;

  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Basic ", 6) != 0)
    return FALSE;

  decoded = g_base64_decode (authorization + 6, &length);
  credentials = g_strndup ((const char *) decoded, length);
  return g_strcmp0 (credentials, RINGSIDE_DEMO_CLIENT_ID ":" RINGSIDE_DEMO_CLIENT_SECRET) == 0;
}

/* Replies */

static void
demo_reply_clear (DemoReply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DemoReply, demo_reply_clear)

static void
reply_bytes (DemoReply  *reply,
             guint       status,
             const char *content_type,
             GBytes     *body)
{
  demo_reply_clear (reply);
  reply->status = status;
  reply->content_type = content_type;
  reply->body = body;
}

static void
reply_text (DemoReply  *reply,
            guint       status,
            const char *content_type,
            const char *text)
{
  reply_bytes (reply, status, content_type, g_bytes_new_static (text, strlen (text)));
}

static void
reply_json (DemoReply   *reply,
            guint        status,
            JsonBuilder *builder)
{
  reply_bytes (reply, status, JSON_CONTENT_TYPE, json_builder_to_bytes (builder));
}

static const char *
error_code_for_status (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
      return "BAD_REQUEST";
    case SOUP_STATUS_UNAUTHORIZED:
      return "UNAUTHORIZED";
    case SOUP_STATUS_FORBIDDEN:
      return "FORBIDDEN";
    case SOUP_STATUS_NOT_FOUND:
      return "NOT_FOUND";
    case SOUP_STATUS_METHOD_NOT_ALLOWED:
      return "METHOD_NOT_ALLOWED";
    case STATUS_TOO_MANY_REQUESTS:
      return "TOO_MANY_REQUESTS";
    default:
      return "INTERNAL_SERVER_ERROR";
    }
}

/* RingCX's error shape: {errorCode, generalMessage, details, requestUri, timestamp}. */
static void
reply_error (DemoReply                 *reply,
             const RingsideDemoRequest *request,
             guint                      status,
             const char                *message,
             const char                *details)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *request_uri = redact_path (request->path);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "errorCode");
  json_builder_add_string_value (builder, error_code_for_status (status));
  json_builder_set_member_name (builder, "generalMessage");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "details");
  json_builder_add_string_value (builder, details != NULL ? details : message);
  json_builder_set_member_name (builder, "requestUri");
  json_builder_add_string_value (builder, request_uri);
  json_builder_set_member_name (builder, "timestamp");
  json_builder_add_int_value (builder, g_get_real_time () / 1000);
  json_builder_end_object (builder);

  reply_json (reply, status, builder);
}

/* The platform's OAuth error shape. */
static void
reply_oauth_error (DemoReply  *reply,
                   guint       status,
                   const char *error,
                   const char *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error);
  json_builder_set_member_name (builder, "error_description");
  json_builder_add_string_value (builder, description);
  json_builder_end_object (builder);

  reply_json (reply, status, builder);
}

static void
send_reply (SoupServerMessage *msg,
            const DemoReply   *reply)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, reply->status, NULL);

  if (reply->retry_after > 0)
    {
      g_autofree char *value = g_strdup_printf ("%u", reply->retry_after);

      soup_message_headers_replace (headers, "Retry-After", value);
    }

  if (reply->body != NULL)
    {
      soup_message_headers_replace (headers, "Content-Type", reply->content_type);
      if (g_bytes_get_size (reply->body) > 0)
        soup_message_body_append_bytes (soup_server_message_get_response_body (msg),
                                        reply->body);
    }
}

/* Endpoints */

typedef void (*RouteFunc) (RingsideDemoServer        *self,
                           const RingsideDemoRequest *request,
                           gboolean                   commit,
                           DemoReply                 *reply);

static const char *
form_value (const RingsideDemoRequest *request,
            const char                *name)
{
  const char *value = g_hash_table_lookup (request->form, name);

  return value != NULL && *value != '\0' ? value : NULL;
}

static gboolean
query_is_true (const RingsideDemoRequest *request,
               const char                *name)
{
  const char *value = g_hash_table_lookup (request->query, name);

  return value != NULL && g_ascii_strcasecmp (value, "true") == 0;
}

static void
handle_platform_token (RingsideDemoServer        *self,
                       const RingsideDemoRequest *request,
                       gboolean                   commit,
                       DemoReply                 *reply)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *access_token = NULL;
  g_autofree char *refresh_token = NULL;
  g_autofree char *owner_id = NULL;

  if (!client_credentials_match (request->authorization))
    {
      reply_oauth_error (reply, SOUP_STATUS_UNAUTHORIZED, "invalid_client",
                         "Invalid client credentials");
      return;
    }

  if (g_strcmp0 (form_value (request, "grant_type"), JWT_BEARER_GRANT) != 0)
    {
      reply_oauth_error (reply, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                         "Unsupported grant type");
      return;
    }

  if (!looks_like_jwt (form_value (request, "assertion")))
    {
      reply_oauth_error (reply, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                         "Invalid assertion: the JWT is malformed");
      return;
    }

  access_token = random_token (self, 48);
  refresh_token = random_token (self, 48);
  if (commit)
    g_hash_table_add (self->rc_tokens, g_strdup (access_token));

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, access_token);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "bearer");
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, PLATFORM_TOKEN_LIFETIME);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, refresh_token);
  json_builder_set_member_name (builder, "refresh_token_expires_in");
  json_builder_add_int_value (builder, PLATFORM_REFRESH_LIFETIME);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, "ReadAccounts RingCX");
  owner_id = g_strdup_printf ("%" G_GINT64_FORMAT, RC_USER_ID_BASE);
  json_builder_set_member_name (builder, "owner_id");
  json_builder_add_string_value (builder, owner_id);
  json_builder_end_object (builder);

  reply_json (reply, SOUP_STATUS_OK, builder);
}

static void
add_agent_detail (JsonBuilder *builder,
                  guint        account_index,
                  gint         agent_id,
                  const char  *agent_type)
{
  g_autofree char *account_id = g_strdup_printf ("%u", MAIN_ACCOUNT_NUMBER + account_index);
  g_autofree char *name = account_name (account_index);
  const char *email = "dana.whitfield@" EMAIL_DOMAIN;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "agentId");
  json_builder_add_int_value (builder, agent_id);
  json_builder_set_member_name (builder, "firstName");
  json_builder_add_string_value (builder, admin_first_name.name);
  json_builder_set_member_name (builder, "lastName");
  json_builder_add_string_value (builder, admin_last_name.name);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "agentType");
  json_builder_add_string_value (builder, agent_type);
  json_builder_set_member_name (builder, "rcUserId");
  json_builder_add_int_value (builder, RC_USER_ID_BASE);
  json_builder_set_member_name (builder, "accountId");
  json_builder_add_string_value (builder, account_id);
  json_builder_set_member_name (builder, "accountName");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "agentGroupId");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "allowLoginControl");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "allowLoginUpdates");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
}

/* The body of a sign-in or a refresh (api/rc-auth-response.json). */
static void
reply_session (RingsideDemoServer *self,
               Grant              *grant,
               gboolean            include_refresh,
               gboolean            commit,
               DemoReply          *reply)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *access_token = mint_access_token (self, grant, commit);
  g_autofree char *refresh_token = NULL;

  if (include_refresh)
    refresh_token = mint_refresh_token (self, grant, commit);

  json_builder_begin_object (builder);
  if (refresh_token != NULL)
    {
      json_builder_set_member_name (builder, "refreshToken");
      json_builder_add_string_value (builder, refresh_token);
    }
  json_builder_set_member_name (builder, "accessToken");
  json_builder_add_string_value (builder, access_token);
  json_builder_set_member_name (builder, "tokenType");
  json_builder_add_string_value (builder, "Bearer");
  json_builder_set_member_name (builder, "mainAccountId");
  json_builder_add_string_value (builder, MAIN_ACCOUNT_ID);
  json_builder_set_member_name (builder, "agentDetails");
  json_builder_begin_array (builder);
  add_agent_detail (builder, MIN (1, self->n_accounts), 184230, "SUPERVISOR");
  if (self->n_accounts >= 2)
    add_agent_detail (builder, 2, 184377, "AGENT");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "adminId");
  json_builder_add_int_value (builder, ROOT_USER_ID);
  json_builder_set_member_name (builder, "adminUrl");
  json_builder_add_string_value (builder, "/voice/admin/");
  json_builder_set_member_name (builder, "agentUrl");
  json_builder_add_string_value (builder, "/voice/agent/");
  json_builder_set_member_name (builder, "ssoLogin");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);

  reply_json (reply, SOUP_STATUS_OK, builder);
}

static gboolean
require_bearer_type (const RingsideDemoRequest *request,
                     const char                *token_field,
                     DemoReply                 *reply)
{
  const char *token_type = form_value (request, "rcTokenType");
  g_autofree char *message = NULL;

  if (form_value (request, token_field) == NULL)
    {
      message = g_strdup_printf ("Required parameter '%s' is missing", token_field);
      reply_error (reply, request, SOUP_STATUS_BAD_REQUEST, message, NULL);
      return FALSE;
    }

  if (token_type == NULL || g_ascii_strcasecmp (token_type, "Bearer") != 0)
    {
      reply_error (reply, request, SOUP_STATUS_BAD_REQUEST,
                   "Required parameter 'rcTokenType' must be 'Bearer'", NULL);
      return FALSE;
    }

  return TRUE;
}

/* Answers 429 when the limit is reached, else counts this exchange. */
static gboolean
exchange_allowed (RingsideDemoServer        *self,
                  const RingsideDemoRequest *request,
                  gboolean                   commit,
                  DemoReply                 *reply)
{
  gint64 now = g_get_monotonic_time ();

  if (self->exchange_limit == 0)
    return TRUE;

  while (!g_queue_is_empty (&self->exchange_times) &&
         now - *(gint64 *) g_queue_peek_head (&self->exchange_times) >= EXCHANGE_LIMIT_WINDOW)
    g_free (g_queue_pop_head (&self->exchange_times));

  if (g_queue_get_length (&self->exchange_times) >= self->exchange_limit)
    {
      gint64 oldest = *(gint64 *) g_queue_peek_head (&self->exchange_times);
      gint64 wait = oldest + EXCHANGE_LIMIT_WINDOW - now;

      reply_error (reply, request, STATUS_TOO_MANY_REQUESTS,
                   "Rate limit exceeded", "Too many login requests, try again later");
      reply->retry_after = (guint) ((wait + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
      return FALSE;
    }

  if (commit)
    g_queue_push_tail (&self->exchange_times, g_memdup2 (&now, sizeof now));

  return TRUE;
}

static void
handle_exchange (RingsideDemoServer        *self,
                 const RingsideDemoRequest *request,
                 gboolean                   commit,
                 DemoReply                 *reply)
{
  if (!exchange_allowed (self, request, commit, reply))
    return;

  if (!require_bearer_type (request, "rcAccessToken", reply))
    return;

  if (!g_hash_table_contains (self->rc_tokens, form_value (request, "rcAccessToken")))
    {
      reply_error (reply, request, SOUP_STATUS_UNAUTHORIZED,
                   "Invalid RingCentral access token",
                   "The RingCentral access token was rejected by the platform");
      return;
    }

  reply_session (self, commit ? new_grant (self) : NULL,
                 query_is_true (request, "includeRefresh"), commit, reply);
}

static void
handle_refresh (RingsideDemoServer        *self,
                const RingsideDemoRequest *request,
                gboolean                   commit,
                DemoReply                 *reply)
{
  const char *refresh_token;
  Grant *grant;

  if (!require_bearer_type (request, "refresh_token", reply))
    return;

  refresh_token = form_value (request, "refresh_token");
  grant = g_hash_table_lookup (self->refresh_tokens, refresh_token);
  if (grant == NULL)
    {
      reply_error (reply, request, SOUP_STATUS_UNAUTHORIZED, "Invalid refresh token",
                   "The refresh token is unknown, was already used, or was revoked");
      return;
    }

  /* Rotation: a refresh token works once. */
  if (commit)
    g_hash_table_remove (self->refresh_tokens, refresh_token);

  reply_session (self, grant, TRUE, commit, reply);
}

static void
handle_logout (RingsideDemoServer        *self,
               const RingsideDemoRequest *request,
               gboolean                   commit,
               DemoReply                 *reply)
{
  const char *refresh_token = request->path + strlen (PATH_LOGOUT_PREFIX);
  Grant *grant = g_hash_table_lookup (self->refresh_tokens, refresh_token);

  if (grant == NULL)
    {
      reply_error (reply, request, SOUP_STATUS_UNAUTHORIZED, "Invalid refresh token", NULL);
      return;
    }

  if (commit)
    {
      grant->revoked = TRUE;
      g_hash_table_remove (self->refresh_tokens, refresh_token);
    }

  reply_text (reply, SOUP_STATUS_OK, TEXT_CONTENT_TYPE, "");
}

/* Answers 401 unless the request carries a live access token of this server. */
static gboolean
authorize (RingsideDemoServer        *self,
           const RingsideDemoRequest *request,
           DemoReply                 *reply)
{
  const char *authorization = request->authorization;
  AccessToken *access = NULL;

  if (authorization != NULL && g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0)
    access = g_hash_table_lookup (self->access_tokens, authorization + 7);

  if (access == NULL)
    {
      reply_error (reply, request, SOUP_STATUS_UNAUTHORIZED,
                   "Full authentication is required to access this resource", NULL);
      return FALSE;
    }

  if (access->expired || server_now (self) >= access->expires_at)
    {
      reply_text (reply, SOUP_STATUS_UNAUTHORIZED, TEXT_CONTENT_TYPE, TOKEN_EXPIRED_TEXT);
      return FALSE;
    }

  if (access->grant != NULL && access->grant->revoked)
    {
      reply_error (reply, request, SOUP_STATUS_UNAUTHORIZED,
                   "Access token has been revoked", NULL);
      return FALSE;
    }

  return TRUE;
}

static void
handle_accounts (RingsideDemoServer        *self,
                 const RingsideDemoRequest *request,
                 gboolean                   commit,
                 DemoReply                 *reply)
{
  if (authorize (self, request, reply))
    reply_bytes (reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE,
                 g_bytes_ref (get_accounts_body (self)));
}

static void
handle_users (RingsideDemoServer        *self,
              const RingsideDemoRequest *request,
              gboolean                   commit,
              DemoReply                 *reply)
{
  GBytes *body;

  if (!authorize (self, request, reply))
    return;

  body = get_users_body (self, query_is_true (request, "flatten"),
                         query_is_true (request, "activeOnly"));
  reply_bytes (reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE, g_bytes_ref (body));
}

static const struct
{
  const char *method;
  const char *path;
  gboolean    is_prefix;
  RouteFunc   func;
} routes[] = {
  { "POST", PATH_PLATFORM_TOKEN, FALSE, handle_platform_token },
  { "POST", PATH_EXCHANGE, FALSE, handle_exchange },
  { "POST", PATH_REFRESH, FALSE, handle_refresh },
  { "DELETE", PATH_LOGOUT_PREFIX, TRUE, handle_logout },
  { "GET", PATH_ACCOUNTS, FALSE, handle_accounts },
  { "GET", PATH_USERS, FALSE, handle_users },
};

/* With @commit FALSE nothing changes: no token is issued, used or revoked. */
static void
route_request (RingsideDemoServer        *self,
               const RingsideDemoRequest *request,
               gboolean                   commit,
               DemoReply                 *reply)
{
  gboolean path_found = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      gboolean matches = routes[i].is_prefix
        ? g_str_has_prefix (request->path, routes[i].path) &&
          request->path[strlen (routes[i].path)] != '\0'
        : strcmp (request->path, routes[i].path) == 0;

      if (!matches)
        continue;

      path_found = TRUE;
      if (strcmp (request->method, routes[i].method) == 0)
        {
          routes[i].func (self, request, commit, reply);
          return;
        }
    }

  if (path_found)
    reply_error (reply, request, SOUP_STATUS_METHOD_NOT_ALLOWED,
                 "Request method not supported", NULL);
  else
    reply_error (reply, request, SOUP_STATUS_NOT_FOUND, "No handler found", NULL);
}

static void
respond (RingsideDemoServer *self,
         SoupServerMessage  *msg,
         gboolean            commit)
{
  g_autoptr(RingsideDemoRequest) request = demo_request_new (msg);
  g_auto(DemoReply) reply = { 0 };

  route_request (self, request, commit, &reply);
  send_reply (msg, &reply);
}

/* Faults */

static void
fault_rule_free (FaultRule *rule)
{
  g_free (rule->path);
  g_free (rule);
}

static gboolean
take_fault (RingsideDemoServer *self,
            const char         *path,
            RingsideDemoFault  *fault,
            guint              *argument)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      FaultRule *rule = g_ptr_array_index (self->faults, i);

      if (rule->path != NULL && strcmp (rule->path, path) != 0)
        continue;

      *fault = rule->fault;
      *argument = rule->argument;
      if (--rule->remaining == 0)
        g_ptr_array_remove_index (self->faults, i);

      return TRUE;
    }

  return FALSE;
}

static void
pending_message_free (PendingMessage *pending)
{
  g_clear_pointer (&pending->drip, g_bytes_unref);
  g_clear_signal_handler (&pending->disconnected_id, pending->msg);
  if (pending->source != NULL)
    {
      g_source_destroy (pending->source);
      g_source_unref (pending->source);
    }
  g_object_unref (pending->msg);
  g_free (pending);
}

static void
on_pending_disconnected (SoupServerMessage *msg,
                         PendingMessage    *pending)
{
  g_ptr_array_remove_fast (pending->self->pending, pending);
}

/* Pauses @msg until @callback runs after @delay_ms, or forever when @callback is NULL. */
static void
hold_message (RingsideDemoServer *self,
              SoupServerMessage  *msg,
              guint               delay_ms,
              GSourceFunc         callback)
{
  PendingMessage *pending = g_new0 (PendingMessage, 1);

  pending->self = self;
  pending->msg = g_object_ref (msg);
  pending->disconnected_id = g_signal_connect (msg, "disconnected",
                                               G_CALLBACK (on_pending_disconnected), pending);
  if (callback != NULL)
    {
      pending->source = g_timeout_source_new (delay_ms);
      g_source_set_callback (pending->source, callback, pending, NULL);
      g_source_set_static_name (pending->source, "[ringside] demo server fault");
      g_source_attach (pending->source, self->context);
    }

  g_ptr_array_add (self->pending, pending);
  soup_server_message_pause (msg);
}

static gboolean
on_delay_elapsed (gpointer user_data)
{
  PendingMessage *pending = user_data;
  RingsideDemoServer *self = pending->self;
  g_autoptr(SoupServerMessage) msg = g_object_ref (pending->msg);

  g_ptr_array_remove_fast (self->pending, pending);
  respond (self, msg, TRUE);
  soup_server_message_unpause (msg);

  return G_SOURCE_REMOVE;
}

/* Stealing frees the message, so it happens here, out of libsoup's handler call. */
static gboolean
on_disconnect_due (gpointer user_data)
{
  PendingMessage *pending = user_data;
  g_autoptr(SoupServerMessage) msg = g_object_ref (pending->msg);
  g_autoptr(GIOStream) stream = NULL;

  g_ptr_array_remove_fast (pending->self->pending, pending);
  stream = soup_server_message_steal_connection (msg);
  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);

  return G_SOURCE_REMOVE;
}

/* One more byte of a DRIP body; the message stays paused in between, which libsoup needs
 * to wait for more of a body it was told the length of. */
static gboolean
on_drip_due (gpointer user_data)
{
  PendingMessage *pending = user_data;
  RingsideDemoServer *self = pending->self;
  g_autoptr(SoupServerMessage) msg = g_object_ref (pending->msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  gsize size = g_bytes_get_size (pending->drip);
  const char *data = g_bytes_get_data (pending->drip, NULL);

  soup_message_body_append (body, SOUP_MEMORY_COPY, data + pending->dripped, 1);
  pending->dripped++;
  if (pending->dripped < size)
    {
      soup_server_message_unpause (msg);
      return G_SOURCE_CONTINUE;
    }

  soup_message_body_complete (body);
  g_ptr_array_remove_fast (self->pending, pending);
  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static void
reply_drip (RingsideDemoServer *self,
            SoupServerMessage  *msg,
            guint               interval_ms)
{
  g_autoptr(RingsideDemoRequest) request = demo_request_new (msg);
  g_auto(DemoReply) reply = { 0 };
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  PendingMessage *pending;

  route_request (self, request, FALSE, &reply);
  if (reply.body == NULL || g_bytes_get_size (reply.body) == 0)
    {
      send_reply (msg, &reply);
      return;
    }

  soup_server_message_set_status (msg, reply.status, NULL);
  soup_message_headers_replace (headers, "Content-Type", reply.content_type);
  soup_message_headers_set_content_length (headers, g_bytes_get_size (reply.body));
  hold_message (self, msg, MAX (interval_ms, 1), on_drip_due);
  pending = g_ptr_array_index (self->pending, self->pending->len - 1);
  pending->drip = g_steal_pointer (&reply.body);
}

static GBytes *
wrong_type_body (const char *path)
{
  const char *text;

  if (strcmp (path, PATH_PLATFORM_TOKEN) == 0)
    text = "{\"access_token\":42,\"token_type\":[\"bearer\"],\"expires_in\":\"3600\","
           "\"refresh_token\":false,\"scope\":{},\"owner_id\":62845100004}";
  else if (strcmp (path, PATH_EXCHANGE) == 0 || strcmp (path, PATH_REFRESH) == 0)
    text = "{\"refreshToken\":true,\"accessToken\":42,\"tokenType\":[\"Bearer\"],"
           "\"mainAccountId\":15800000,\"agentDetails\":\"none\",\"adminId\":\"210400\","
           "\"adminUrl\":7,\"agentUrl\":null,\"ssoLogin\":\"yes\"}";
  else if (strcmp (path, PATH_ACCOUNTS) == 0)
    text = "[\"" MAIN_ACCOUNT_NAME "\",\"Technical Support\",\"Billing & Payments\"]";
  else if (strcmp (path, PATH_USERS) == 0)
    text = "[\"dana.whitfield@" EMAIL_DOMAIN "\",\"ravi.kumar@" EMAIL_DOMAIN "\"]";
  else
    text = "{\"value\":42}";

  return g_bytes_new_static (text, strlen (text));
}

static GBytes *
malformed_body (const char *path)
{
  const char *text;

  if (strcmp (path, PATH_ACCOUNTS) == 0 || strcmp (path, PATH_USERS) == 0)
    text = "[{\"userId\": 2181, \"userName\": },]";
  else
    text = "{\"accessToken\": ";

  return g_bytes_new_static (text, strlen (text));
}

static void
reply_truncated (RingsideDemoServer *self,
                 SoupServerMessage  *msg,
                 DemoReply          *reply)
{
  g_autoptr(RingsideDemoRequest) request = demo_request_new (msg);
  GBytes *full;

  route_request (self, request, FALSE, reply);
  full = g_steal_pointer (&reply->body);
  if (full != NULL)
    {
      reply->body = g_bytes_new_from_bytes (full, 0, g_bytes_get_size (full) / 2);
      g_bytes_unref (full);
    }
}

static const char unavailable_page[] =
  "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n"
  "<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n"
  "</body>\r\n</html>\r\n";

/* What a captive portal or a single sign-on redirect puts where JSON was expected. */
static const char login_page[] =
  "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
  "<title>Sign in - RingCentral</title></head>\n<body>\n"
  "<form method=\"post\" action=\"/login\"><input name=\"username\">"
  "<input name=\"password\" type=\"password\"><button>Sign In</button></form>\n"
  "</body>\n</html>\n";

/* What a web application firewall in front of the server answers to a request it blocks. */
static const char blocked_page[] =
  "<html>\r\n<head><title>403 Forbidden</title></head>\r\n"
  "<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n"
  "<center>Request blocked.</center>\r\n</body>\r\n</html>\r\n";

static void
apply_fault (RingsideDemoServer *self,
             SoupServerMessage  *msg,
             const char         *path,
             RingsideDemoFault   fault,
             guint               argument)
{
  g_autoptr(RingsideDemoRequest) request = demo_request_new (msg);
  g_auto(DemoReply) reply = { 0 };

  switch (fault)
    {
    case RINGSIDE_DEMO_FAULT_NONE:
      respond (self, msg, TRUE);
      return;
    case RINGSIDE_DEMO_FAULT_UNAUTHORIZED:
      reply_error (&reply, request, SOUP_STATUS_UNAUTHORIZED,
                   "Full authentication is required to access this resource", NULL);
      break;
    case RINGSIDE_DEMO_FAULT_TOKEN_EXPIRED:
      reply_text (&reply, SOUP_STATUS_UNAUTHORIZED, TEXT_CONTENT_TYPE, TOKEN_EXPIRED_TEXT);
      break;
    case RINGSIDE_DEMO_FAULT_FORBIDDEN:
      reply_error (&reply, request, SOUP_STATUS_FORBIDDEN, "Access is denied", NULL);
      break;
    case RINGSIDE_DEMO_FAULT_SERVER_ERROR:
      reply_error (&reply, request, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                   "An unexpected error occurred", NULL);
      break;
    case RINGSIDE_DEMO_FAULT_UNAVAILABLE:
      reply_text (&reply, SOUP_STATUS_SERVICE_UNAVAILABLE, HTML_CONTENT_TYPE, unavailable_page);
      break;
    case RINGSIDE_DEMO_FAULT_RATE_LIMITED:
      reply_error (&reply, request, STATUS_TOO_MANY_REQUESTS, "Rate limit exceeded", NULL);
      reply.retry_after = argument;
      break;
    case RINGSIDE_DEMO_FAULT_HTML:
      reply_text (&reply, SOUP_STATUS_OK, HTML_CONTENT_TYPE, login_page);
      break;
    case RINGSIDE_DEMO_FAULT_EMPTY:
      reply_text (&reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE, "");
      break;
    case RINGSIDE_DEMO_FAULT_TRUNCATED:
      reply_truncated (self, msg, &reply);
      break;
    case RINGSIDE_DEMO_FAULT_MALFORMED:
      reply_bytes (&reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE, malformed_body (path));
      break;
    case RINGSIDE_DEMO_FAULT_WRONG_TYPE:
      reply_bytes (&reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE, wrong_type_body (path));
      break;
    case RINGSIDE_DEMO_FAULT_DELAY:
      hold_message (self, msg, argument, on_delay_elapsed);
      return;
    case RINGSIDE_DEMO_FAULT_HANG:
      hold_message (self, msg, 0, NULL);
      return;
    case RINGSIDE_DEMO_FAULT_DISCONNECT:
      hold_message (self, msg, 0, on_disconnect_due);
      return;
    case RINGSIDE_DEMO_FAULT_FORBIDDEN_HTML:
      reply_text (&reply, SOUP_STATUS_FORBIDDEN, HTML_CONTENT_TYPE, blocked_page);
      break;
    case RINGSIDE_DEMO_FAULT_DRIP:
      reply_drip (self, msg, argument);
      return;
    default:
      g_assert_not_reached ();
    }

  send_reply (msg, &reply);
}

/* Server */

static void
on_request_read (SoupServer         *server,
                 SoupServerMessage  *msg,
                 RingsideDemoServer *self)
{
  RingsideDemoRequest *request = demo_request_new (msg);
  g_autofree char *path = redact_path (request->path);

  g_debug ("Demo server: %s %s", request->method, path);
  g_ptr_array_add (self->requests, request);
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  RingsideDemoServer *self = user_data;
  RingsideDemoFault fault;
  guint argument;

  /* libsoup dated the answer by the real clock already; a skewed server dates it by its own. */
  if (self->clock_skew != 0)
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (server_now (self));
      g_autofree char *text = soup_date_time_to_string (date, SOUP_DATE_HTTP);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Date",
                                    text);
    }

  if (take_fault (self, path, &fault, &argument))
    apply_fault (self, msg, path, fault, argument);
  else
    respond (self, msg, TRUE);
}

static void
clear_bodies (RingsideDemoServer *self)
{
  g_hash_table_remove_all (self->bodies);
  g_clear_pointer (&self->users, demo_user_tree_free);
}

static void
ringside_demo_server_dispose (GObject *object)
{
  RingsideDemoServer *self = RINGSIDE_DEMO_SERVER (object);

  ringside_demo_server_stop (self);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (ringside_demo_server_parent_class)->dispose (object);
}

static void
ringside_demo_server_finalize (GObject *object)
{
  RingsideDemoServer *self = RINGSIDE_DEMO_SERVER (object);

  clear_bodies (self);
  g_hash_table_unref (self->bodies);
  g_rand_free (self->token_rand);
  g_hash_table_unref (self->access_tokens);
  g_hash_table_unref (self->refresh_tokens);
  g_hash_table_unref (self->rc_tokens);
  g_ptr_array_unref (self->grants);
  g_free (self->latest_refresh_token);
  g_queue_clear_full (&self->exchange_times, g_free);
  g_ptr_array_unref (self->faults);
  g_ptr_array_unref (self->pending);
  g_ptr_array_unref (self->requests);

  G_OBJECT_CLASS (ringside_demo_server_parent_class)->finalize (object);
}

static void
ringside_demo_server_class_init (RingsideDemoServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ringside_demo_server_dispose;
  object_class->finalize = ringside_demo_server_finalize;
}

static void
ringside_demo_server_init (RingsideDemoServer *self)
{
  self->n_accounts = DEFAULT_N_ACCOUNTS;
  self->n_users = DEFAULT_N_USERS;
  self->bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_bytes_unref);

  self->token_lifetime = DEFAULT_TOKEN_LIFETIME;
  self->include_iat = TRUE;
  for (guint i = 0; i < sizeof self->signing_key; i++)
    self->signing_key[i] = (guint8) g_random_int_range (0, 256);
  self->token_rand = g_rand_new_with_seed (g_random_int ());
  self->grants = g_ptr_array_new_with_free_func (g_free);
  self->access_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->refresh_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rc_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (self->rc_tokens, g_strdup (RINGSIDE_DEMO_RC_ACCESS_TOKEN));
  g_queue_init (&self->exchange_times);

  self->faults = g_ptr_array_new_with_free_func ((GDestroyNotify) fault_rule_free);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_message_free);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) ringside_demo_request_free);

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, server_callback, self, NULL);
  g_signal_connect_object (self->server, "request-read",
                           G_CALLBACK (on_request_read), self, G_CONNECT_DEFAULT);
}

/* Public API */

RingsideDemoServer *
ringside_demo_server_new (void)
{
  return g_object_new (RINGSIDE_TYPE_DEMO_SERVER, NULL);
}

gboolean
ringside_demo_server_start (RingsideDemoServer  *self,
                            GError             **error)
{
  g_autoslist(GUri) uris = NULL;
  GUri *uri;

  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->url == NULL, FALSE);

  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;

  uris = soup_server_get_uris (self->server);
  uri = uris->data;
  self->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uri));
  self->context = g_main_context_ref_thread_default ();

  return TRUE;
}

void
ringside_demo_server_stop (RingsideDemoServer *self)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  if (self->url == NULL)
    return;

  soup_server_disconnect (self->server);
  /* Messages held by faults die with their connections. */
  g_ptr_array_set_size (self->pending, 0);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
}

const char *
ringside_demo_server_get_url (RingsideDemoServer *self)
{
  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), NULL);

  return self->url;
}

SoupServer *
ringside_demo_server_get_soup_server (RingsideDemoServer *self)
{
  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), NULL);

  return self->server;
}

void
ringside_demo_server_set_sizes (RingsideDemoServer *self,
                                guint               n_accounts,
                                guint               n_users)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  if (self->n_accounts == n_accounts && self->n_users == n_users)
    return;

  self->n_accounts = n_accounts;
  self->n_users = n_users;
  clear_bodies (self);
}

guint
ringside_demo_server_get_n_accounts (RingsideDemoServer *self)
{
  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), 0);

  return self->n_accounts + 1;
}

guint
ringside_demo_server_get_n_users (RingsideDemoServer *self,
                                  gboolean            active_only)
{
  DemoUserTree *tree;

  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), 0);

  tree = ensure_users (self);
  return active_only ? tree->n_enabled : tree->n_items;
}

void
ringside_demo_server_set_token_lifetime (RingsideDemoServer *self,
                                         guint               seconds)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  self->token_lifetime = seconds;
}

void
ringside_demo_server_set_token_options (RingsideDemoServer *self,
                                        gboolean            include_iat,
                                        int                 clock_skew_seconds)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  self->include_iat = !!include_iat;
  self->clock_skew = clock_skew_seconds;
}

void
ringside_demo_server_accept_rc_token (RingsideDemoServer *self,
                                      const char         *rc_access_token)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));
  g_return_if_fail (rc_access_token != NULL && *rc_access_token != '\0');

  g_hash_table_add (self->rc_tokens, g_strdup (rc_access_token));
}

void
ringside_demo_server_set_exchange_limit (RingsideDemoServer *self,
                                         guint               per_minute)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  self->exchange_limit = per_minute;
}

char *
ringside_demo_server_issue_access_token (RingsideDemoServer *self)
{
  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), NULL);

  return mint_access_token (self, new_grant (self), TRUE);
}

void
ringside_demo_server_expire_access_tokens (RingsideDemoServer *self)
{
  GHashTableIter iter;
  AccessToken *access;

  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  g_hash_table_iter_init (&iter, self->access_tokens);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &access))
    access->expired = TRUE;
}

void
ringside_demo_server_revoke_refresh_tokens (RingsideDemoServer *self)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  g_hash_table_remove_all (self->refresh_tokens);
}

gboolean
ringside_demo_server_is_refresh_token_valid (RingsideDemoServer *self,
                                             const char         *refresh_token)
{
  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), FALSE);

  return refresh_token != NULL && g_hash_table_contains (self->refresh_tokens, refresh_token);
}

const char *
ringside_demo_server_get_latest_refresh_token (RingsideDemoServer *self)
{
  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), NULL);

  return self->latest_refresh_token;
}

void
ringside_demo_server_set_fault (RingsideDemoServer *self,
                                const char         *path,
                                RingsideDemoFault   fault,
                                guint               fault_argument,
                                guint               count)
{
  FaultRule *rule;

  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  if (count == 0)
    return;

  rule = g_new0 (FaultRule, 1);
  rule->path = g_strdup (path);
  rule->fault = fault;
  rule->argument = fault_argument;
  rule->remaining = count;
  g_ptr_array_add (self->faults, rule);
}

void
ringside_demo_server_clear_faults (RingsideDemoServer *self)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  g_ptr_array_set_size (self->faults, 0);
}

GPtrArray *
ringside_demo_server_get_requests (RingsideDemoServer *self)
{
  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), NULL);

  return self->requests;
}

guint
ringside_demo_server_count_requests (RingsideDemoServer *self,
                                     const char         *path)
{
  guint count = 0;

  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), 0);

  if (path == NULL)
    return self->requests->len;

  for (guint i = 0; i < self->requests->len; i++)
    {
      const RingsideDemoRequest *request = g_ptr_array_index (self->requests, i);

      if (strcmp (request->path, path) == 0)
        count++;
    }

  return count;
}

void
ringside_demo_server_clear_requests (RingsideDemoServer *self)
{
  g_return_if_fail (RINGSIDE_IS_DEMO_SERVER (self));

  g_ptr_array_set_size (self->requests, 0);
}
