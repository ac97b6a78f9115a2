/* ringside-demo-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-demo-server-private.h"

/* The type, its routing, start and stop, and the record of requests. The resources it serves
 * are in files of their own, which ringside-demo-server-private.h lists. */

#define DEFAULT_N_ACCOUNTS       12
#define DEFAULT_N_USERS          300

G_DEFINE_FINAL_TYPE (RingsideDemoServer, ringside_demo_server, G_TYPE_OBJECT)

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
  g_clear_pointer (&request->body, g_bytes_unref);
  g_strfreev (request->segments);
  g_free (request);
}

static GHashTable *
decode_form (const char *encoded)
{
  if (encoded == NULL || *encoded == '\0')
    return g_hash_table_new (g_str_hash, g_str_equal);

  return soup_form_decode (encoded);
}

RingsideDemoRequest *
ringside_demo_request_new (SoupServerMessage *msg)
{
  RingsideDemoRequest *request = g_new0 (RingsideDemoRequest, 1);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);

  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = g_strdup (g_uri_get_path (uri));
  request->query = decode_form (g_uri_get_query (uri));
  request->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  request->segments = g_strsplit (request->path[0] == '/' ? request->path + 1 : request->path,
                                  "/", -1);

  {
    SoupMessageBody *body = soup_server_message_get_request_body (msg);

    if (body != NULL && body->length > 0)
      request->body = soup_message_body_flatten (body);
  }

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
char *
ringside_demo_redact_path (const char *path)
{
  if (g_str_has_prefix (path, PATH_LOGOUT_PREFIX))
    return g_strdup (PATH_LOGOUT_PREFIX "[redacted]");

  return g_strdup (path);
}

const char *
ringside_demo_request_get_form (const RingsideDemoRequest *request,
                                const char                *name)
{
  const char *value = g_hash_table_lookup (request->form, name);

  return value != NULL && *value != '\0' ? value : NULL;
}

gboolean
ringside_demo_request_query_is_true (const RingsideDemoRequest *request,
                                     const char                *name)
{
  const char *value = g_hash_table_lookup (request->query, name);

  return value != NULL && g_ascii_strcasecmp (value, "true") == 0;
}

const char *
ringside_demo_request_segment (const RingsideDemoRequest *request,
                               guint                      n)
{
  for (guint i = 0; i <= n; i++)
    if (request->segments[i] == NULL)
      return NULL;

  return request->segments[n];
}

JsonObject *
ringside_demo_request_json_object (const RingsideDemoRequest *request,
                                   RingsideDemoReply         *reply)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (request->body == NULL)
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_BAD_REQUEST,
                                 "Required request body is missing", NULL);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (request->body, NULL),
                                   g_bytes_get_size (request->body), &error))
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_BAD_REQUEST,
                                 "JSON parse error", error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_BAD_REQUEST,
                                 "JSON parse error", "The body is not a JSON object");
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

gboolean
ringside_demo_request_is_active (const RingsideDemoRequest *request,
                                 RingsideDemoReply         *reply,
                                 gboolean                  *active)
{
  g_autoptr(JsonObject) body = ringside_demo_request_json_object (request, reply);
  JsonNode *value;

  if (body == NULL)
    return FALSE;

  value = json_object_get_member (body, "isActive");
  if (value == NULL || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
    {
      ringside_demo_reply_error (reply, request, SOUP_STATUS_BAD_REQUEST, "Invalid request",
                                 "isActive must be true or false");
      return FALSE;
    }

  *active = json_node_get_boolean (value);
  return TRUE;
}

/* Routing */

/* Every resource's routes: a new resource file adds its table here. */
static const RingsideDemoRoute * const route_tables[] = {
  ringside_demo_auth_routes,
  ringside_demo_accounts_routes,
  ringside_demo_users_routes,
  ringside_demo_agents_routes,
  ringside_demo_queues_routes,
  ringside_demo_campaigns_routes,
  ringside_demo_audit_routes,
  ringside_demo_oauth_routes,
};

/* A "*" segment of @pattern stands for one non-empty segment of @path. */
static gboolean
pattern_matches (const char *pattern,
                 const char *path)
{
  while (*pattern != '\0')
    {
      if (pattern[0] == '*' && (pattern[1] == '/' || pattern[1] == '\0'))
        {
          const char *end = strchr (path, '/');

          if (end == NULL)
            end = path + strlen (path);
          if (end == path)
            return FALSE;
          path = end;
          pattern++;
          continue;
        }

      if (*pattern != *path)
        return FALSE;
      pattern++;
      path++;
    }

  return *path == '\0';
}

static gboolean
route_matches (const RingsideDemoRoute *route,
               const char              *path)
{
  if (strchr (route->path, '*') != NULL)
    return pattern_matches (route->path, path);

  if (route->is_prefix)
    return g_str_has_prefix (path, route->path) && path[strlen (route->path)] != '\0';

  return strcmp (path, route->path) == 0;
}

const RingsideDemoRoute *
ringside_demo_find_route (const char *path)
{
  for (guint t = 0; t < G_N_ELEMENTS (route_tables); t++)
    for (const RingsideDemoRoute *route = route_tables[t]; route->path != NULL; route++)
      if (route_matches (route, path))
        return route;

  return NULL;
}

void
ringside_demo_server_route (RingsideDemoServer        *self,
                            const RingsideDemoRequest *request,
                            gboolean                   commit,
                            RingsideDemoReply         *reply)
{
  gboolean path_found = FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (route_tables); t++)
    for (const RingsideDemoRoute *route = route_tables[t]; route->path != NULL; route++)
      {
        if (!route_matches (route, request->path))
          continue;

        path_found = TRUE;
        if (strcmp (request->method, route->method) == 0)
          {
            route->handler (self, request, commit, reply);
            return;
          }
      }

  if (path_found)
    ringside_demo_reply_error (reply, request, SOUP_STATUS_METHOD_NOT_ALLOWED,
                               "Request method not supported", NULL);
  else
    ringside_demo_reply_error (reply, request, SOUP_STATUS_NOT_FOUND, "No handler found", NULL);
}

void
ringside_demo_server_respond (RingsideDemoServer *self,
                              SoupServerMessage  *msg,
                              gboolean            commit)
{
  g_autoptr(RingsideDemoRequest) request = ringside_demo_request_new (msg);
  g_auto(RingsideDemoReply) reply = { 0 };

  ringside_demo_server_route (self, request, commit, &reply);
  ringside_demo_reply_send (msg, &reply);
}

/* Server */

static void
on_request_read (SoupServer         *server,
                 SoupServerMessage  *msg,
                 RingsideDemoServer *self)
{
  RingsideDemoRequest *request = ringside_demo_request_new (msg);
  g_autofree char *path = ringside_demo_redact_path (request->path);

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

  /* libsoup dated the answer by the real clock already; a skewed server dates it by its own. */
  if (self->clock_skew != 0)
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (ringside_demo_server_now (self));
      g_autofree char *text = soup_date_time_to_string (date, SOUP_DATE_HTTP);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Date",
                                    text);
    }

  if (!ringside_demo_faults_apply (self, msg, path))
    ringside_demo_server_respond (self, msg, TRUE);
}

static void
clear_data (RingsideDemoServer *self)
{
  g_hash_table_remove_all (self->bodies);
  ringside_demo_users_clear (self);
  ringside_demo_cc_clear (self);
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

  clear_data (self);
  g_hash_table_unref (self->bodies);
  g_hash_table_unref (self->cc_accounts);
  ringside_demo_auth_finalize (self);
  ringside_demo_oauth_finalize (self);
  ringside_demo_faults_finalize (self);
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
  self->cc_accounts = g_hash_table_new (NULL, NULL);
  self->cc_agent_groups = 40;
  self->cc_agents = 20000;

  ringside_demo_auth_init (self);
  ringside_demo_oauth_init (self);
  ringside_demo_faults_init (self);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) ringside_demo_request_free);

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, server_callback, self, NULL);
  g_signal_connect_object (self->server, "request-read",
                           G_CALLBACK (on_request_read), self, G_CONNECT_DEFAULT);
}

/* Public API. The rest of it is with the resources: tokens in ringside-demo-auth.c, sizes in
 * -accounts.c and -users.c, faults in -faults.c. */

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
  clear_data (self);
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
