/* ringside-user.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-json-extra.h"
#include "ringside-json-member.h"
#include "ringside-user.h"

/* Real hierarchies are a handful of levels deep; the limit keeps a hostile body from
 * exhausting the stack of the recursive walk. */
#define MAX_NESTING 64

struct _RingsideUser
{
  GObject    parent_instance;

  gint64     id;
  /* NULL when the API left them out; the getters answer "". */
  char      *user_name;
  char      *first_name;
  char      *last_name;
  char      *full_name;
  gboolean   enabled;
  gboolean   root_user;
  gint64     rc_user_id;
  gint64     parent_id;
  /* The user with parent_id, linked by the list once both are in it (atomic: set once on
   * the main thread, read by the CSV export's worker too). A reference: see
   * ringside-item-list.c, which never lets links close a cycle. */
  RingsideUser *parent;
  guint      depth;
  GStrv      roles;        /* codes ("MANAGE_USERS"), never NULL */
  GStrv      role_words;   /* what people read ("Manage Users"), never NULL */
  char      *roles_text;   /* the words, joined */
  GDateTime *creation_date;
  char      *extra;        /* the members not read above, as JSON text; nullable */

  /* Full name, user name and IDs, casefolded once so that filtering stays fast. */
  char      *search_key;
  /* "\n" + each role's words and code, casefolded, each followed by "\n" */
  char      *roles_search_key;
  /* Collation keys, made in the loader's worker so that sorting is a strcmp() */
  char      *full_name_sort_key;
  char      *user_name_sort_key;
  char      *roles_sort_key;        /* made when first asked for */
};

G_DEFINE_FINAL_TYPE (RingsideUser, ringside_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_USER_ID,
  PROP_USER_NAME,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_FULL_NAME,
  PROP_ENABLED,
  PROP_ROOT_USER,
  PROP_RC_USER_ID,
  PROP_PARENT_ID,
  PROP_DEPTH,
  PROP_ROLES,
  PROP_ROLES_TEXT,
  PROP_CREATION_DATE,
  PROP_PARENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ringside_user_finalize (GObject *object)
{
  RingsideUser *self = (RingsideUser *) object;

  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->extra, g_free);
  g_clear_pointer (&self->first_name, g_free);
  g_clear_pointer (&self->last_name, g_free);
  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->roles, g_strfreev);
  g_clear_pointer (&self->role_words, g_strfreev);
  g_clear_pointer (&self->roles_text, g_free);
  g_clear_pointer (&self->creation_date, g_date_time_unref);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->roles_search_key, g_free);
  g_clear_pointer (&self->full_name_sort_key, g_free);
  g_clear_pointer (&self->user_name_sort_key, g_free);
  g_clear_pointer (&self->roles_sort_key, g_free);
  g_clear_object (&self->parent);

  G_OBJECT_CLASS (ringside_user_parent_class)->finalize (object);
}

static void
ringside_user_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RingsideUser *self = RINGSIDE_USER (object);

  switch (prop_id)
    {
    case PROP_USER_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_USER_NAME:
      g_value_set_string (value, ringside_user_get_user_name (self));
      break;
    case PROP_FIRST_NAME:
      g_value_set_string (value, ringside_user_get_first_name (self));
      break;
    case PROP_LAST_NAME:
      g_value_set_string (value, ringside_user_get_last_name (self));
      break;
    case PROP_FULL_NAME:
      g_value_set_string (value, ringside_user_get_full_name (self));
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_ROOT_USER:
      g_value_set_boolean (value, self->root_user);
      break;
    case PROP_RC_USER_ID:
      g_value_set_int64 (value, self->rc_user_id);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;
    case PROP_ROLES:
      g_value_set_boxed (value, ringside_user_get_roles (self));
      break;
    case PROP_ROLES_TEXT:
      g_value_set_string (value, ringside_user_get_roles_text (self));
      break;
    case PROP_CREATION_DATE:
      g_value_set_boxed (value, self->creation_date);
      break;
    case PROP_PARENT:
      g_value_set_object (value, ringside_user_get_parent (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ringside_user_class_init (RingsideUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ringside_user_finalize;
  object_class->get_property = ringside_user_get_property;

  properties[PROP_USER_ID] =
    g_param_spec_int64 ("user-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL, "", flags);
  properties[PROP_FIRST_NAME] =
    g_param_spec_string ("first-name", NULL, NULL, "", flags);
  properties[PROP_LAST_NAME] =
    g_param_spec_string ("last-name", NULL, NULL, "", flags);
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL, "", flags);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE, flags | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROOT_USER] =
    g_param_spec_boolean ("root-user", NULL, NULL, FALSE, flags);
  properties[PROP_RC_USER_ID] =
    g_param_spec_int64 ("rc-user-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_ROLES] =
    g_param_spec_boxed ("roles", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_ROLES_TEXT] =
    g_param_spec_string ("roles-text", NULL, NULL, "", flags);
  properties[PROP_CREATION_DATE] =
    g_param_spec_boxed ("creation-date", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_PARENT] =
    g_param_spec_object ("parent", NULL, NULL, RINGSIDE_TYPE_USER,
                         flags | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ringside_user_init (RingsideUser *self)
{
  /* A listed user the API says nothing about is taken to be active. */
  self->enabled = TRUE;
}

/* "2181.2979.2983": the ancestors' user IDs, the nearest last. */
static gboolean
read_parent_path (RingsideUser  *self,
                  JsonObject    *object,
                  GError       **error)
{
  g_autofree char *path = NULL;
  g_auto(GStrv) parts = NULL;

  if (!ringside_json_read_id_string (object, "parentPath", &path, error))
    return FALSE;
  if (path == NULL)
    return TRUE;

  parts = g_strsplit_set (path, "./,", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      gint64 ancestor;

      if (*part == '\0')
        continue;
      if (!g_ascii_string_to_signed (part, 10, G_MININT64, G_MAXINT64, &ancestor, NULL))
        {
          g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                               "“parentPath” is not a list of user IDs");
          return FALSE;
        }
      /* Some servers end the path with the user itself. */
      if (ancestor == self->id)
        continue;

      self->parent_id = ancestor;
      self->depth++;
    }

  return TRUE;
}

/* "MANAGE_USERS" → "Manage users": what a role reads as when RingCX gives no description. */
char *
ringside_user_role_code_to_words (const char *code)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (code != NULL, NULL);

  lower = g_utf8_strdown (code, -1);
  g_strdelimit (lower, "_", ' ');
  g_strstrip (lower);
  if (lower[0] != '\0')
    lower[0] = g_ascii_toupper (lower[0]);
  return g_steal_pointer (&lower);
}

/* A role is a code, or a {roleType, description} object; nulls are skipped. The words are
 * the description when there is one, else the code made readable. */
static gboolean
add_role (GStrvBuilder  *codes,
          GStrvBuilder  *words,
          JsonNode      *role,
          GError       **error)
{
  g_autofree char *code = NULL;
  g_autofree char *description = NULL;

  if (JSON_NODE_HOLDS_NULL (role))
    return TRUE;

  if (ringside_json_holds (role, G_TYPE_STRING))
    code = g_utf8_make_valid (json_node_get_string (role), -1);
  else if (JSON_NODE_HOLDS_OBJECT (role))
    {
      JsonObject *object = json_node_get_object (role);

      if (!ringside_json_read_string (object, "roleType", &code, error) ||
          !ringside_json_read_string (object, "description", &description, error))
        {
          g_prefix_error (error, "a role: ");
          return FALSE;
        }
    }
  else
    {
      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                   "“roles” holds %s, expected text or an object",
                   ringside_json_describe (role));
      return FALSE;
    }

  if (description != NULL && g_strstrip (description)[0] == '\0')
    g_clear_pointer (&description, g_free);
  if (code != NULL && *code == '\0')
    g_clear_pointer (&code, g_free);

  if (code == NULL && description == NULL)
    return TRUE;

  if (description == NULL)
    description = ringside_user_role_code_to_words (code);
  if (code == NULL)
    code = g_strdup (description);

  g_strv_builder_add (codes, code);
  g_strv_builder_add (words, description);
  return TRUE;
}

static gboolean
read_roles (RingsideUser  *self,
            JsonObject    *object,
            GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  JsonNode *node = ringside_json_get_member (object, "roles");

  if (node != NULL)
    {
      JsonArray *roles;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return ringside_json_fail_member (error, "roles", node, "a list");

      roles = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (roles); i++)
        if (!add_role (builder, words, json_array_get_element (roles, i), error))
          return FALSE;
    }

  self->roles = g_strv_builder_end (builder);
  self->role_words = g_strv_builder_end (words);
  self->roles_text = g_strjoinv (", ", self->role_words);
  return TRUE;
}

static void
fill_full_name (RingsideUser *self)
{
  if (self->full_name != NULL)
    return;

  if (self->first_name != NULL && self->last_name != NULL)
    self->full_name = g_strjoin (" ", self->first_name, self->last_name, NULL);
  else if (self->first_name != NULL || self->last_name != NULL)
    self->full_name = g_strdup (self->first_name != NULL ? self->first_name : self->last_name);
  else
    self->full_name = g_strdup (self->user_name);
}

static char *
build_search_key (RingsideUser *self)
{
  g_autofree char *joined = NULL;

  if (self->rc_user_id != 0)
    joined = g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT,
                              ringside_user_get_full_name (self),
                              ringside_user_get_user_name (self),
                              self->id, self->rc_user_id);
  else
    joined = g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT,
                              ringside_user_get_full_name (self),
                              ringside_user_get_user_name (self),
                              self->id);

  return g_utf8_casefold (joined, -1);
}

static char *
build_roles_search_key (RingsideUser *self)
{
  g_autoptr(GString) key = g_string_new ("\n");
  const char * const *codes = ringside_user_get_roles (self);
  const char * const *words = ringside_user_get_role_words (self);

  for (guint i = 0; codes[i] != NULL && words[i] != NULL; i++)
    {
      g_autofree char *folded_words = g_utf8_casefold (words[i], -1);
      g_autofree char *folded_code = g_utf8_casefold (codes[i], -1);

      g_string_append_printf (key, "%s\n%s\n", folded_words, folded_code);
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* What GtkStringSorter would compute for each row on the main thread, every time the sort
 * changes. */
static char *
build_sort_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_collate_key (folded, -1);
}

static void
build_keys (RingsideUser *self)
{
  self->search_key = build_search_key (self);
  self->roles_search_key = build_roles_search_key (self);
  self->full_name_sort_key = build_sort_key (ringside_user_get_full_name (self));
  self->user_name_sort_key = build_sort_key (ringside_user_get_user_name (self));
}

static gboolean parse_user (JsonNode      *node,
                            RingsideUser  *parent,
                            guint          nesting,
                            GPtrArray     *out,
                            GError       **error);

static gboolean
parse_children (RingsideUser  *self,
                JsonObject    *object,
                guint          nesting,
                GPtrArray     *out,
                GError       **error)
{
  JsonNode *node = ringside_json_get_member (object, "children");
  JsonArray *children;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return ringside_json_fail_member (error, "children", node, "a list");

  children = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (children); i++)
    {
      if (!parse_user (json_array_get_element (children, i), self, nesting + 1, out, error))
        {
          g_prefix_error (error, "child %u: ", i + 1);
          return FALSE;
        }
    }

  return TRUE;
}

/* What parse_user() reads, or the hierarchy's structure: the rest is "extra". */
static const char * const known_members[] = {
  "userId", "userName", "firstName", "lastName", "fullName", "enabled", "rootUser",
  "rcUserId", "creationDate", "roles", "parentPath", "children", NULL,
};

/* Appends the user, then its descendants depth first. Parent and depth come from @parent
 * when the user is nested in it, else from "parentPath". */
static gboolean
parse_user (JsonNode      *node,
            RingsideUser  *parent,
            guint          nesting,
            GPtrArray     *out,
            GError       **error)
{
  g_autoptr(RingsideUser) self = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                   "the user is %s, expected an object", ringside_json_describe (node));
      return FALSE;
    }
  if (nesting > MAX_NESTING)
    {
      g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                   "users are nested more than %u levels deep", MAX_NESTING);
      return FALSE;
    }

  object = json_node_get_object (node);
  self = g_object_new (RINGSIDE_TYPE_USER, NULL);

  if (!ringside_json_read_int64 (object, "userId", &self->id, error) ||
      !ringside_json_read_string (object, "userName", &self->user_name, error) ||
      !ringside_json_read_string (object, "firstName", &self->first_name, error) ||
      !ringside_json_read_string (object, "lastName", &self->last_name, error) ||
      !ringside_json_read_string (object, "fullName", &self->full_name, error) ||
      !ringside_json_read_boolean (object, "enabled", &self->enabled, error) ||
      !ringside_json_read_boolean (object, "rootUser", &self->root_user, error) ||
      !ringside_json_read_int64 (object, "rcUserId", &self->rc_user_id, error) ||
      !ringside_json_read_date (object, "creationDate", &self->creation_date, error) ||
      !read_roles (self, object, error))
    return FALSE;

  self->extra = ringside_json_dup_extra (object, known_members);

  if (parent != NULL)
    {
      self->parent_id = parent->id;
      self->depth = parent->depth + 1;
    }
  else if (!read_parent_path (self, object, error))
    return FALSE;

  fill_full_name (self);
  build_keys (self);

  g_ptr_array_add (out, g_object_ref (self));
  return parse_children (self, object, nesting, out, error);
}

/**
 * ringside_user_parse_json:
 * @node: one element of the users list
 * @out: (element-type RingsideUser): where to append the users
 * @error: return location for a #GError
 *
 * Returns: whether the element, and every user nested in it, could be read
 */
gboolean
ringside_user_parse_json (JsonNode   *node,
                          GPtrArray  *out,
                          GError    **error)
{
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_user (node, NULL, 0, users, error))
    return FALSE;

  g_ptr_array_extend_and_steal (out, g_steal_pointer (&users));
  return TRUE;
}

gint64
ringside_user_get_id (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), 0);

  return self->id;
}

const char *
ringside_user_get_user_name (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), NULL);

  return self->user_name != NULL ? self->user_name : "";
}

const char *
ringside_user_get_first_name (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), NULL);

  return self->first_name != NULL ? self->first_name : "";
}

const char *
ringside_user_get_last_name (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), NULL);

  return self->last_name != NULL ? self->last_name : "";
}

const char *
ringside_user_get_full_name (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), NULL);

  return self->full_name != NULL ? self->full_name : "";
}

gboolean
ringside_user_get_enabled (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), FALSE);

  return self->enabled;
}

gboolean
ringside_user_get_root_user (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), FALSE);

  return self->root_user;
}

gint64
ringside_user_get_rc_user_id (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), 0);

  return self->rc_user_id;
}

gint64
ringside_user_get_parent_id (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), 0);

  return self->parent_id;
}

/**
 * ringside_user_get_parent:
 *
 * Safe from any thread: the parent is set once and lives as long as @self.
 *
 * Returns: (transfer none) (nullable): the user @self reports to, once the list holding
 *   both has linked them
 */
RingsideUser *
ringside_user_get_parent (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), NULL);

  return g_atomic_pointer_get (&self->parent);
}

const char *
ringside_user_get_parent_name (RingsideUser *self)
{
  RingsideUser *parent = ringside_user_get_parent (self);

  return parent != NULL ? ringside_user_get_full_name (parent) : NULL;
}

guint
ringside_user_get_depth (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), 0);

  return self->depth;
}

/**
 * ringside_user_get_roles:
 *
 * Returns: (transfer none): the role names, possibly none
 */
const char * const *
ringside_user_get_roles (RingsideUser *self)
{
  static const char * const no_roles[] = { NULL };

  g_return_val_if_fail (RINGSIDE_IS_USER (self), NULL);

  return self->roles != NULL ? (const char * const *) self->roles : no_roles;
}

/**
 * ringside_user_get_role_words:
 *
 * Returns: (transfer none): the roles as people read them, one for each of
 *   ringside_user_get_roles(): the description RingCX gave, else the code made readable
 */
const char * const *
ringside_user_get_role_words (RingsideUser *self)
{
  static const char * const no_roles[] = { NULL };

  g_return_val_if_fail (RINGSIDE_IS_USER (self), no_roles);

  return self->role_words != NULL ? (const char * const *) self->role_words : no_roles;
}

const char *
ringside_user_get_roles_text (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), NULL);

  return self->roles_text != NULL ? self->roles_text : "";
}

/**
 * ringside_user_get_creation_date:
 *
 * Returns: (transfer none) (nullable): when the user was created, if the API said
 */
GDateTime *
ringside_user_get_creation_date (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), NULL);

  return self->creation_date;
}

gboolean
ringside_user_matches (RingsideUser *self,
                       const char   *needle)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);

  if (G_UNLIKELY (self->search_key == NULL))
    build_keys (self);

  if (strstr (self->search_key, needle) != NULL)
    return TRUE;

  /* A role matches from its start only, so that "supervisor" finds the supervisors and not
   * every "Multi supervisor"; each role in the key follows a newline. */
  if (needle[0] != '\0')
    for (const char *at = strstr (self->roles_search_key, needle); at != NULL;
         at = strstr (at + 1, needle))
      if (at[-1] == '\n')
        return TRUE;

  return FALSE;
}

/**
 * ringside_user_get_full_name_sort_key:
 *
 * Returns: the collation key of the casefolded full name: users sort by name when their keys
 * are compared with strcmp()
 */
const char *
ringside_user_get_full_name_sort_key (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), NULL);

  if (G_UNLIKELY (self->full_name_sort_key == NULL))
    build_keys (self);

  return self->full_name_sort_key;
}

/**
 * ringside_user_get_user_name_sort_key:
 *
 * Returns: the collation key of the casefolded user name, to compare with strcmp()
 */
const char *
ringside_user_get_user_name_sort_key (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), NULL);

  if (G_UNLIKELY (self->user_name_sort_key == NULL))
    build_keys (self);

  return self->user_name_sort_key;
}

/**
 * ringside_user_get_roles_sort_key:
 *
 * Made when first asked for, as few sort by roles: call it from one thread only.
 *
 * Returns: the collation key of the casefolded roles text, to compare with strcmp()
 */
const char *
ringside_user_get_roles_sort_key (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), NULL);

  if (G_UNLIKELY (self->roles_sort_key == NULL))
    self->roles_sort_key = build_sort_key (ringside_user_get_roles_text (self));

  return self->roles_sort_key;
}

/* The users list */

static gint64
user_get_key (gpointer item)
{
  return ((RingsideUser *) item)->id;
}

static gint64
user_get_parent_key (gpointer item)
{
  return ((RingsideUser *) item)->parent_id;
}

static void
user_set_parent (gpointer item,
                 gpointer parent)
{
  RingsideUser *self = item;

  g_object_ref (parent);
  if (!g_atomic_pointer_compare_and_exchange (&self->parent, NULL, parent))
    {
      g_object_unref (parent);
      return;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT]);
}

static gpointer
user_get_parent (gpointer item)
{
  return g_atomic_pointer_get (&((RingsideUser *) item)->parent);
}

static gboolean
user_match (gpointer    item,
            const char *needle)
{
  return ringside_user_matches (item, needle);
}

static const RingsideListRelation user_reports_to = {
  .get_key = user_get_key,
  .get_related_key = user_get_parent_key,
  .relate = user_set_parent,
  .get_related = user_get_parent,
};

const RingsideListKind ringside_users_list_kind = {
  .name = "user",
  .get_item_type = ringside_user_get_type,
  /* Flat: every user once, nested ones included, with "parentPath" to place them. */
  .path_template = "/voice/api/v1/admin/users?flatten=true",
  .parse = ringside_user_parse_json,
  .match = user_match,
  .paging = RINGSIDE_LIST_PAGING_NONE,
  .relation = &user_reports_to,
};

/* After a change was applied (ringside-active-change.h), on the main thread: the row and the
 * details rebind. */
void
ringside_user_set_enabled (RingsideUser *self,
                           gboolean      enabled)
{
  g_return_if_fail (RINGSIDE_IS_USER (self));

  if (self->enabled == !!enabled)
    return;
  self->enabled = !!enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

const char *
ringside_user_get_extra_json (RingsideUser *self)
{
  g_return_val_if_fail (RINGSIDE_IS_USER (self), NULL);

  return self->extra;
}
