/* ringside-demo-users.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-demo-server-private.h"

/* GET /voice/api/v1/admin/users: a hierarchy of users under the admin who signs in, nested
 * in "children" or flat (flatten=true) with each user's "parentPath", all or only the
 * enabled ones (activeOnly=true). */

#define PATH_USERS "/voice/api/v1/admin/users"

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

const DemoName * const ringside_demo_first_names = first_names;
const guint ringside_demo_n_first_names = G_N_ELEMENTS (first_names);
const DemoName * const ringside_demo_last_names = last_names;
const guint ringside_demo_n_last_names = G_N_ELEMENTS (last_names);

/* Not in the lists above, so that nobody else gets the admin's e-mail address. */
static const DemoName admin_first_name = { ADMIN_FIRST_NAME, "dana" };
static const DemoName admin_last_name = { ADMIN_LAST_NAME, "whitfield" };

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
struct _DemoUserTree
{
  DemoUser *items;
  guint     n_items;
  guint     n_enabled;
  guint    *first_child;
  guint    *children;
};

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
  ringside_demo_json_member_int (out, "userId", user->id);

  ringside_demo_json_member (out, "userName");
  g_string_append_printf (out, "\"%s.%s", user->first->slug, user->last->slug);
  if (user->email_number > 0)
    g_string_append_printf (out, "%u", user->email_number);
  g_string_append (out, "@" EMAIL_DOMAIN "\",");

  ringside_demo_json_member_string (out, "firstName", user->first->name);
  ringside_demo_json_member_string (out, "lastName", user->last->name);
  ringside_demo_json_member (out, "fullName");
  g_string_append_c (out, '"');
  ringside_demo_json_append_escaped (out, user->first->name);
  g_string_append_c (out, ' ');
  ringside_demo_json_append_escaped (out, user->last->name);
  g_string_append (out, "\",");

  ringside_demo_json_member_bool (out, "enabled", user->enabled);
  ringside_demo_json_member_bool (out, "rootUser", user->kind == USER_KIND_ROOT);
  if (user->linked)
    ringside_demo_json_member_int (out, "rcUserId",
                                   RC_USER_ID_BASE + 3 * (gint64) (user->id - ROOT_USER_ID));
  else
    ringside_demo_json_member_string (out, "rcUserId", NULL);
  ringside_demo_json_member_string (out, "rcAccountId", RC_ACCOUNT_ID);
  ringside_demo_json_member_bool (out, "userManagedByRC", user->linked);
  ringside_demo_json_member (out, "phoneNumberE164");
  g_string_append_printf (out, "\"+1%u555%04u\",", area_code, 100 + user->phone % 100);
  /* Members the app has no column for, one nested, and one whose name says it is a secret:
   * the details show the first two under "More" and never the PIN. */
  g_string_append_printf (out, "\"site\":{\"siteName\":\"%s\",\"extensionNumber\":\"%u\"},",
                          user->kind == USER_KIND_AGENT ? "Contact Centre" : "Head Office",
                          1000 + (guint) (user->id % 9000));
  ringside_demo_json_member (out, "voicemailPin");
  g_string_append_printf (out, "\"%04u\",", (guint) (((guint64) user->id * 7919) % 10000));
  ringside_demo_json_member_string (out, "parentPath",
                                    ancestors->len > 0 ? ancestors->str : NULL);
  ringside_demo_json_member_date (out, "creationDate", user->created);
  ringside_demo_json_member (out, "roles");
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

static void
handle_users (RingsideDemoServer        *self,
              const RingsideDemoRequest *request,
              gboolean                   commit,
              RingsideDemoReply         *reply)
{
  GBytes *body;

  if (!ringside_demo_auth_require_access (self, request, reply))
    return;

  body = get_users_body (self, ringside_demo_request_query_is_true (request, "flatten"),
                         ringside_demo_request_query_is_true (request, "activeOnly"));
  ringside_demo_reply_bytes (reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE, g_bytes_ref (body));
}

/* Users a client sees with activeOnly=true: the enabled ones whose managers are all enabled,
 * as the hierarchy drops a disabled manager's team with them. */
static guint
count_reachable (const DemoUserTree *tree,
                 guint               index)
{
  guint count;

  if (!tree->items[index].enabled)
    return 0;

  count = 1;
  for (guint c = tree->first_child[index]; c < tree->first_child[index + 1]; c++)
    count += count_reachable (tree, tree->children[c]);

  return count;
}

static gboolean
is_users_body (gpointer key,
               gpointer value,
               gpointer user_data)
{
  return g_str_has_prefix (key, "users:");
}

/* PUT /voice/api/v1/admin/users/{userId}/setIsActive with an ActiveStateBoolean: enables or
 * disables the user in the hierarchy, which the next GET shows, and answers true. */
static void
handle_user_set_active (RingsideDemoServer        *self,
                        const RingsideDemoRequest *request,
                        gboolean                   commit,
                        RingsideDemoReply         *reply)
{
  const char *id_text = ringside_demo_request_segment (request, 5);
  DemoUserTree *tree;
  DemoUser *user = NULL;
  gboolean enabled;
  gint64 id = 0;

  if (!ringside_demo_auth_require_access (self, request, reply))
    return;

  tree = ensure_users (self);
  if (id_text != NULL && g_ascii_string_to_signed (id_text, 10, 1, G_MAXINT32, &id, NULL))
    for (guint i = 0; i < tree->n_items && user == NULL; i++)
      if (tree->items[i].id == id)
        user = &tree->items[i];

  if (user == NULL)
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_NOT_FOUND, "User not found", NULL);
      return;
    }

  if (!ringside_demo_request_is_active (request, reply, &enabled))
    return;

  if (commit && user->enabled != enabled)
    {
      g_autofree char *description = g_strdup_printf ("%s %s", user->first->name,
                                                      user->last->name);

      user->enabled = enabled;
      tree->n_enabled = tree->n_items > 0 ? count_reachable (tree, 0) : 0;
      g_hash_table_foreach_remove (self->bodies, is_users_body, NULL);
      ringside_demo_audit_record (self, ringside_demo_cc_ensure_account (self, 0), "User", id,
                                  description, NULL, NULL, "enabled",
                                  enabled ? "false" : "true", enabled ? "true" : "false");
    }

  ringside_demo_reply_text (reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE, "true");
}

const RingsideDemoRoute ringside_demo_users_routes[] = {
  { "GET", PATH_USERS, FALSE, handle_users,
    .wrong_type_body = "[\"" ADMIN_EMAIL "\",\"ravi.kumar@" EMAIL_DOMAIN "\"]",
    .malformed_body = MALFORMED_LIST_BODY },
  { "PUT", PATH_USERS "/*/setIsActive", FALSE, handle_user_set_active },
  { NULL }
};

/* Forgets the hierarchy, for another size. */
void
ringside_demo_users_clear (RingsideDemoServer *self)
{
  g_clear_pointer (&self->users, demo_user_tree_free);
}

/* Public API */

guint
ringside_demo_server_get_n_users (RingsideDemoServer *self,
                                  gboolean            active_only)
{
  DemoUserTree *tree;

  g_return_val_if_fail (RINGSIDE_IS_DEMO_SERVER (self), 0);

  tree = ensure_users (self);
  return active_only ? tree->n_enabled : tree->n_items;
}
