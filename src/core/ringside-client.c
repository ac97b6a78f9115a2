/* ringside-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ringside-client.h"
#include "ringside-error.h"
#include "ringside-server.h"
#include "ringside-server-text-private.h"

/* Error bodies are only read to find a message in them. */
#define MAX_ERROR_BODY_SIZE (64 * 1024)
#define READ_CHUNK_SIZE     (64 * 1024)
#define MAX_MESSAGE_LENGTH  200
#define DEFAULT_TIMEOUT_SECONDS 30

struct _RingsideClient
{
  GObject      parent_instance;

  SoupSession *soup;
};

G_DEFINE_FINAL_TYPE (RingsideClient, ringside_client, G_TYPE_OBJECT)

static void
ringside_client_finalize (GObject *object)
{
  RingsideClient *self = RINGSIDE_CLIENT (object);

  g_clear_object (&self->soup);

  G_OBJECT_CLASS (ringside_client_parent_class)->finalize (object);
}

static void
ringside_client_class_init (RingsideClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ringside_client_finalize;
}

static void
ringside_client_init (RingsideClient *self)
{
  /* "timeout" bounds every read and write, so a server that accepts and never answers fails
   * the request instead of hanging it. TLS uses the system's trust store, always. */
  /* libsoup's two connections per host would queue a sub-account's fan-out (four groups
   * at a time) behind its other lists; six is what browsers allow. RingCX's limit is on
   * requests a minute, which the session's limiter keeps. */
  self->soup = soup_session_new_with_options ("timeout", DEFAULT_TIMEOUT_SECONDS,
                                              "idle-timeout", 60,
                                              "max-conns-per-host", 6,
                                              "user-agent", "Ringside/" PACKAGE_VERSION " ",
                                              NULL);
}

RingsideClient *
ringside_client_new (void)
{
  return g_object_new (RINGSIDE_TYPE_CLIENT, NULL);
}

SoupSession *
ringside_client_get_soup_session (RingsideClient *self)
{
  g_return_val_if_fail (RINGSIDE_IS_CLIENT (self), NULL);

  return self->soup;
}

void
ringside_client_set_timeout (RingsideClient *self,
                             guint           seconds)
{
  g_return_if_fail (RINGSIDE_IS_CLIENT (self));

  soup_session_set_timeout (self->soup, seconds);
}

/* Error mapping */

static char *
redacted_path (SoupMessage *message)
{
  const char *path = g_uri_get_path (soup_message_get_uri (message));

  /* The logout endpoint carries the refresh token in its path. */
  if (g_str_has_prefix (path, "/api/auth/logout/"))
    return g_strdup ("/api/auth/logout/[redacted]");

  return g_strdup (path);
}

static guint
parse_retry_after (SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);

  return ringside_server_text_parse_retry_after (soup_message_headers_get_one (headers,
                                                                              "Retry-After"),
                                                 NULL);
}

static GError *
error_from_status (SoupMessage *message,
                   GByteArray  *body)
{
  guint status = soup_message_get_status (message);
  const char *data = body != NULL ? (const char *) body->data : NULL;
  gsize size = body != NULL ? body->len : 0;
  g_autofree char *server_message = ringside_server_text_from_error_body (data, size);
  g_autofree char *suffix = server_message != NULL ? g_strdup_printf (" (%s)", server_message)
                                                   : g_strdup ("");

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      if (data != NULL && g_strstr_len (data, size, "xpired") != NULL)
        return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_TOKEN_EXPIRED,
                            "The access token has expired%s.", suffix);
      return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED,
                          "The server did not accept the credentials%s.", suffix);

    case SOUP_STATUS_BAD_REQUEST:
      /* The UI shows this message as it is. */
      return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT,
                          /* Translators: %s is empty, or a space and the server's own
                           * explanation in parentheses */
                          _("The server refused the request%s."), suffix);

    case SOUP_STATUS_FORBIDDEN:
      return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_FORBIDDEN,
                          "Permission denied%s.", suffix);

    case SOUP_STATUS_NOT_FOUND:
      return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_NOT_FOUND,
                          "The server does not know this address%s. Check the server URL.",
                          suffix);

    case SOUP_STATUS_CONFLICT:
      /* Shown as it is after "Could not disable …:", so in words and translated. */
      return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_CONFLICT,
                          /* Translators: %s is empty, or a space and the server's own
                           * explanation in parentheses */
                          _("Someone else changed it in the meantime%s. Reload and try "
                            "again."), suffix);

    case 429: /* Too Many Requests: not in libsoup 3.2's SoupStatus */
      {
        guint retry_after = parse_retry_after (message);
        g_autofree char *text = NULL;

        if (retry_after > 0)
          text = g_strdup_printf ("Too many requests: the server asks to wait %u s.",
                                  retry_after);
        else
          text = g_strdup ("Too many requests: the server asks to slow down.");
        return ringside_error_new_rate_limited (retry_after, text);
      }

    default:
      break;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status))
    return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                        "The server redirected the request elsewhere (HTTP %u); Ringside does "
                        "not follow redirects with credentials.", status);

  return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_SERVER,
                      "The server failed with HTTP %u %s%s.", status,
                      soup_status_get_phrase (status) ? soup_status_get_phrase (status) : "",
                      suffix);
}

static GError *
error_from_transport (GError      *error,
                      SoupMessage *message)
{
  const char *host = g_uri_get_host (soup_message_get_uri (message));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_TIMEOUT,
                        "%s did not answer in time.", host);

  if (error->domain == G_TLS_ERROR ||
      soup_message_get_tls_peer_certificate_errors (message) != 0)
    return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_TLS,
                        "The security certificate of %s is not trusted (%s).",
                        host, error->message);

  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_NETWORK,
                        "Could not find %s. Check the network connection and the server "
                        "address.", host);

  return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_NETWORK,
                      "Could not reach %s (%s).", host, error->message);
}

/* Reading a body whole, with a cap. Into a buffer of our own rather than GBytes, whose data
 * is read-only: token answers pass through here, and the buffer is wiped before it is freed. */

static void
wiped_byte_array_free (GByteArray *array)
{
  if (array == NULL)
    return;

  /* The allocation may be larger than len, but only len bytes were ever written. */
  explicit_bzero (array->data, array->len);
  g_byte_array_unref (array);
}

typedef GByteArray WipedByteArray;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WipedByteArray, wiped_byte_array_free)

typedef struct
{
  GInputStream *stream;
  guint8       *data;
  gsize         len;
  gsize         capacity;
  gsize         limit;
} ReadAllData;

static void
read_all_data_free (ReadAllData *data)
{
  g_clear_object (&data->stream);
  if (data->data != NULL)
    {
      explicit_bzero (data->data, data->capacity);
      g_free (data->data);
    }
  g_free (data);
}

static void read_all_next (GTask *task);

static void
on_read_chunk (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReadAllData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gssize size;

  size = g_input_stream_read_finish (G_INPUT_STREAM (source), result, &error);
  if (size < 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->len += size;

  if (size == 0)
    {
      GByteArray *body;

      /* Only len bytes were ever written; the rest of the block is wiped with them. */
      explicit_bzero (data->data + data->len, data->capacity - data->len);
      body = g_byte_array_new_take (g_steal_pointer (&data->data), data->len);
      data->capacity = data->len = 0;
      g_task_return_pointer (task, body, (GDestroyNotify) wiped_byte_array_free);
      return;
    }

  if (data->len > data->limit)
    {
      g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                               "The server's response is larger than %" G_GSIZE_FORMAT " MB.",
                               data->limit / (1024 * 1024));
      return;
    }

  read_all_next (g_steal_pointer (&task));
}

static void
read_all_next (GTask *task)
{
  ReadAllData *data = g_task_get_task_data (task);

  /* Grown by hand, not with realloc, so that the old block is wiped before it is freed. */
  if (data->capacity - data->len < READ_CHUNK_SIZE)
    {
      gsize capacity = MAX (data->capacity * 2, data->len + READ_CHUNK_SIZE);
      guint8 *grown = g_malloc (capacity);

      if (data->data != NULL)
        {
          memcpy (grown, data->data, data->len);
          explicit_bzero (data->data, data->capacity);
          g_free (data->data);
        }
      data->data = grown;
      data->capacity = capacity;
    }

  g_input_stream_read_async (data->stream, data->data + data->len, READ_CHUNK_SIZE,
                             G_PRIORITY_DEFAULT, g_task_get_cancellable (task), on_read_chunk,
                             task);
}

static void
read_all_async (GInputStream        *stream,
                gsize                limit,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (stream, cancellable, callback, user_data);
  ReadAllData *data = g_new0 (ReadAllData, 1);

  g_task_set_source_tag (task, read_all_async);
  data->stream = g_object_ref (stream);
  data->limit = limit;
  g_task_set_task_data (task, data, (GDestroyNotify) read_all_data_free);

  read_all_next (task);
}

static GByteArray *
read_all_finish (GAsyncResult  *result,
                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Sending */

typedef struct
{
  SoupMessage *message;
  char        *log_path;
} SendData;

static void
send_data_free (SendData *data)
{
  g_clear_object (&data->message);
  g_free (data->log_path);
  g_free (data);
}

static void
on_error_body_read (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(WipedByteArray) body = read_all_finish (result, NULL);

  /* A body that cannot be read still leaves the status to report. */
  g_task_return_error (task, error_from_status (data->message, body));
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  guint status;

  stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (stream == NULL)
    {
      g_autoptr(GError) mapped = error_from_transport (error, data->message);

      g_debug ("%s %s failed: %s", soup_message_get_method (data->message), data->log_path,
               mapped->message);
      g_task_return_error (task, g_steal_pointer (&mapped));
      return;
    }

  status = soup_message_get_status (data->message);
  g_debug ("%s %s → %u", soup_message_get_method (data->message), data->log_path, status);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_pointer (task, g_steal_pointer (&stream), g_object_unref);
      return;
    }

  read_all_async (stream, MAX_ERROR_BODY_SIZE, g_task_get_cancellable (task),
                  on_error_body_read, g_object_ref (task));
}

/**
 * ringside_client_send_async:
 *
 * Sends @message, refusing insecure URLs and redirects. Completes with the body stream of a
 * 2xx answer; any other status becomes a RINGSIDE_ERROR whose message includes what the
 * server said, if it said something readable.
 */
void
ringside_client_send_async (RingsideClient      *self,
                            SoupMessage         *message,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SendData *data;

  g_return_if_fail (RINGSIDE_IS_CLIENT (self));
  g_return_if_fail (SOUP_IS_MESSAGE (message));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_client_send_async);

  data = g_new0 (SendData, 1);
  data->message = g_object_ref (message);
  data->log_path = redacted_path (message);
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  if (!ringside_server_check_uri (soup_message_get_uri (message), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A redirect could carry the Authorization header or a token-bearing body to a host we
   * never agreed to talk to. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);

  soup_session_send_async (self->soup, message, G_PRIORITY_DEFAULT, cancellable,
                           on_sent, g_steal_pointer (&task));
}

GInputStream *
ringside_client_send_finish (RingsideClient  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (RINGSIDE_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* JSON */

static JsonNode *
parse_json_body (GByteArray  *body,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize size = body->len;
  const char *data = (const char *) body->data;
  gsize i = 0;

  while (i < size && g_ascii_isspace (data[i]))
    i++;

  if (i == size)
    {
      g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                           "The server sent an empty response.");
      return NULL;
    }

  if (data[i] == '<')
    {
      g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                           "The server sent a web page instead of data. Check the server "
                           "address.");
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, size, NULL))
    {
      g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                           "The server's response is not valid JSON; it may have been cut "
                           "short.");
      return NULL;
    }

  return json_node_copy (json_parser_get_root (parser));
}

static void
on_json_body_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WipedByteArray) body = NULL;
  JsonNode *root;

  body = read_all_finish (result, &error);
  if (body == NULL)
    {
      if (error->domain == G_IO_ERROR && error->code != G_IO_ERROR_CANCELLED)
        {
          g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_NETWORK,
                                   "The connection broke while the response arrived (%s).",
                                   error->message);
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  root = parse_json_body (body, &error);
  if (root == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, root, (GDestroyNotify) json_node_unref);
}

static void
on_json_sent (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;

  stream = ringside_client_send_finish (RINGSIDE_CLIENT (source), result, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  read_all_async (stream, RINGSIDE_CLIENT_MAX_BODY_SIZE, g_task_get_cancellable (task),
                  on_json_body_read, g_object_ref (task));
}

/**
 * ringside_client_fetch_json_async:
 *
 * Like ringside_client_send_async(), then reads the body (at most
 * %RINGSIDE_CLIENT_MAX_BODY_SIZE) and parses it. Empty, HTML, truncated or malformed bodies
 * fail with %RINGSIDE_ERROR_BAD_RESPONSE.
 */
void
ringside_client_fetch_json_async (RingsideClient      *self,
                                  SoupMessage         *message,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RINGSIDE_IS_CLIENT (self));
  g_return_if_fail (SOUP_IS_MESSAGE (message));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_client_fetch_json_async);

  ringside_client_send_async (self, message, cancellable, on_json_sent, task);
}

JsonNode *
ringside_client_fetch_json_finish (RingsideClient  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (RINGSIDE_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
