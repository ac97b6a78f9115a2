/* ringside-demo-faults.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ringside-demo-server-private.h"

/* Fault rules (ringside_demo_server_set_fault()) and what each RingsideDemoFault answers.
 * They take requests before the routes do; the bodies of WRONG_TYPE and MALFORMED come from
 * the route of the path when it has its own. */

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
  guint               next_id;  /* the next element of an ENDLESS body */
} PendingMessage;

static void
fault_rule_free (FaultRule *rule)
{
  g_free (rule->path);
  g_free (rule);
}

/* A rule's path matches @path exactly; when the rule's has a query ("PATH?page=2"), each of
 * its parameters must be in @query with that value, so that one page of a list can fail. */
static gboolean
rule_matches (const FaultRule *rule,
              const char      *path,
              const char      *query)
{
  const char *mark;
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(GHashTable) given = NULL;
  GHashTableIter iter;
  gpointer name, value;

  if (rule->path == NULL)
    return TRUE;

  mark = strchr (rule->path, '?');
  if (mark == NULL)
    return strcmp (rule->path, path) == 0;

  if (strlen (path) != (gsize) (mark - rule->path) ||
      strncmp (rule->path, path, mark - rule->path) != 0)
    return FALSE;

  wanted = soup_form_decode (mark + 1);
  given = query != NULL ? soup_form_decode (query) : g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &name, &value))
    if (g_strcmp0 (g_hash_table_lookup (given, name), value) != 0)
      return FALSE;

  return TRUE;
}

static gboolean
take_fault (RingsideDemoServer *self,
            const char         *path,
            const char         *query,
            RingsideDemoFault  *fault,
            guint              *argument)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      FaultRule *rule = g_ptr_array_index (self->faults, i);

      if (!rule_matches (rule, path, query))
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
  /* An ENDLESS body's writer, which must not outlive its state. */
  g_signal_handlers_disconnect_by_data (pending->msg, pending);
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
  ringside_demo_server_respond (self, msg, TRUE);
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

static GBytes *
wrong_type_body (const char *path)
{
  const RingsideDemoRoute *route = ringside_demo_find_route (path);
  const char *text = "{\"value\":42}";

  if (route != NULL && route->wrong_type_body != NULL)
    text = route->wrong_type_body;

  return g_bytes_new_static (text, strlen (text));
}

static GBytes *
malformed_body (const char *path)
{
  const RingsideDemoRoute *route = ringside_demo_find_route (path);
  const char *text = "{\"accessToken\": ";

  if (route != NULL && route->malformed_body != NULL)
    text = route->malformed_body;

  return g_bytes_new_static (text, strlen (text));
}

static void
reply_truncated (RingsideDemoServer *self,
                 SoupServerMessage  *msg,
                 RingsideDemoReply  *reply)
{
  g_autoptr(RingsideDemoRequest) request = ringside_demo_request_new (msg);
  GBytes *full;

  ringside_demo_server_route (self, request, FALSE, reply);
  full = g_steal_pointer (&reply->body);
  if (full != NULL)
    {
      reply->body = g_bytes_new_from_bytes (full, 0, g_bytes_get_size (full) / 2);
      g_bytes_unref (full);
    }
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
  g_autoptr(RingsideDemoRequest) request = ringside_demo_request_new (msg);
  g_auto(RingsideDemoReply) reply = { 0 };
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  PendingMessage *pending;

  ringside_demo_server_route (self, request, FALSE, &reply);
  if (reply.body == NULL || g_bytes_get_size (reply.body) == 0)
    {
      ringside_demo_reply_send (msg, &reply);
      return;
    }

  soup_server_message_set_status (msg, reply.status, NULL);
  soup_message_headers_replace (headers, "Content-Type", reply.content_type);
  soup_message_headers_set_content_length (headers, g_bytes_get_size (reply.body));
  hold_message (self, msg, MAX (interval_ms, 1), on_drip_due);
  pending = g_ptr_array_index (self->pending, self->pending->len - 1);
  pending->drip = g_steal_pointer (&reply.body);
}

/* Another chunk of an ENDLESS body, each time the last one was written. */
static void
on_endless_chunk_written (SoupServerMessage *msg,
                          PendingMessage    *pending)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autoptr(GString) chunk = g_string_new (NULL);

  for (guint i = 0; i < 200; i++, pending->next_id++)
    g_string_append_printf (chunk, "%s{\"userId\":%u,\"userName\":\"user%u@" EMAIL_DOMAIN "\","
                            "\"fullName\":\"User %u\",\"parentPath\":\"%u\","
                            "\"accountId\":\"%u\",\"accountName\":\"Account %u\"}",
                            pending->next_id == 1 ? "[" : ",", pending->next_id,
                            pending->next_id, pending->next_id, pending->next_id / 2,
                            pending->next_id, pending->next_id);
  soup_message_body_append (body, SOUP_MEMORY_COPY, chunk->str, chunk->len);
  soup_server_message_unpause (msg);
}

static void
reply_endless (RingsideDemoServer *self,
               SoupServerMessage  *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  PendingMessage *pending;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (headers, "Content-Type", JSON_CONTENT_TYPE);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  /* Held, so that the server lets go of it when the client does or the server stops. */
  hold_message (self, msg, 0, NULL);
  pending = g_ptr_array_index (self->pending, self->pending->len - 1);
  pending->next_id = 1;
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (on_endless_chunk_written), pending);
  on_endless_chunk_written (msg, pending);
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
  g_autoptr(RingsideDemoRequest) request = ringside_demo_request_new (msg);
  g_auto(RingsideDemoReply) reply = { 0 };

  switch (fault)
    {
    case RINGSIDE_DEMO_FAULT_NONE:
      ringside_demo_server_respond (self, msg, TRUE);
      return;
    case RINGSIDE_DEMO_FAULT_UNAUTHORIZED:
      ringside_demo_reply_error (&reply, request, SOUP_STATUS_UNAUTHORIZED,
                                 "Full authentication is required to access this resource", NULL);
      break;
    case RINGSIDE_DEMO_FAULT_TOKEN_EXPIRED:
      ringside_demo_reply_text (&reply, SOUP_STATUS_UNAUTHORIZED, TEXT_CONTENT_TYPE,
                                TOKEN_EXPIRED_TEXT);
      break;
    case RINGSIDE_DEMO_FAULT_FORBIDDEN:
      ringside_demo_reply_error (&reply, request, SOUP_STATUS_FORBIDDEN, "Access is denied", NULL);
      break;
    case RINGSIDE_DEMO_FAULT_SERVER_ERROR:
      ringside_demo_reply_error (&reply, request, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                 "An unexpected error occurred", NULL);
      break;
    case RINGSIDE_DEMO_FAULT_UNAVAILABLE:
      ringside_demo_reply_text (&reply, SOUP_STATUS_SERVICE_UNAVAILABLE, HTML_CONTENT_TYPE,
                                unavailable_page);
      break;
    case RINGSIDE_DEMO_FAULT_RATE_LIMITED:
      ringside_demo_reply_error (&reply, request, STATUS_TOO_MANY_REQUESTS,
                                 "Rate limit exceeded", NULL);
      reply.retry_after = argument;
      break;
    case RINGSIDE_DEMO_FAULT_HTML:
      ringside_demo_reply_text (&reply, SOUP_STATUS_OK, HTML_CONTENT_TYPE, login_page);
      break;
    case RINGSIDE_DEMO_FAULT_EMPTY:
      ringside_demo_reply_text (&reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE, "");
      break;
    case RINGSIDE_DEMO_FAULT_TRUNCATED:
      reply_truncated (self, msg, &reply);
      break;
    case RINGSIDE_DEMO_FAULT_MALFORMED:
      ringside_demo_reply_bytes (&reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE, malformed_body (path));
      break;
    case RINGSIDE_DEMO_FAULT_WRONG_TYPE:
      ringside_demo_reply_bytes (&reply, SOUP_STATUS_OK, JSON_CONTENT_TYPE, wrong_type_body (path));
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
      ringside_demo_reply_text (&reply, SOUP_STATUS_FORBIDDEN, HTML_CONTENT_TYPE, blocked_page);
      break;
    case RINGSIDE_DEMO_FAULT_DRIP:
      reply_drip (self, msg, argument);
      return;
    case RINGSIDE_DEMO_FAULT_ENDLESS:
      reply_endless (self, msg);
      return;
    case RINGSIDE_DEMO_FAULT_CONFLICT:
      ringside_demo_reply_error (&reply, request, SOUP_STATUS_CONFLICT,
                                 "The object was modified by another user", NULL);
      break;
    default:
      g_assert_not_reached ();
    }

  ringside_demo_reply_send (msg, &reply);
}

void
ringside_demo_faults_init (RingsideDemoServer *self)
{
  self->faults = g_ptr_array_new_with_free_func ((GDestroyNotify) fault_rule_free);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_message_free);
}

void
ringside_demo_faults_finalize (RingsideDemoServer *self)
{
  g_ptr_array_unref (self->faults);
  g_ptr_array_unref (self->pending);
}

gboolean
ringside_demo_faults_apply (RingsideDemoServer *self,
                            SoupServerMessage  *msg,
                            const char         *path)
{
  RingsideDemoFault fault;
  guint argument;

  if (!take_fault (self, path, g_uri_get_query (soup_server_message_get_uri (msg)), &fault,
                   &argument))
    return FALSE;

  apply_fault (self, msg, path, fault, argument);
  return TRUE;
}

/* Public API */

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
