/* ringside-session-requests.c
 *
 * Authorized requests for data: the access token on each, one refresh and one retry after a
 * 401, and nothing more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "ringside-error.h"
#include "ringside-session-private.h"

/* Authorized requests */

typedef enum
{
  ANSWER_STREAM,  /* the body stream of a 2xx answer */
  ANSWER_JSON,    /* the parsed body; empty or not JSON is an error */
  ANSWER_JSON_OR_NULL, /* the parsed body; an empty one is a JSON null */
} AnswerKind;

typedef struct
{
  char       *method;
  char       *path;
  AnswerKind  answer;
  /* The request body as JSON text, kept so that a retry after a 401 sends it again; wiped
   * when freed, since a whole agent carries its passwords. NULL for none. */
  GBytes     *body;
  /* ANSWER_JSON_OR_NULL: the answer being read, and the size allocated for it */
  GInputStream *answer_stream;
  GByteArray *answer_body;
  gsize       answer_capacity;
  gboolean    retried;
  /* Let go by the sub-account's limiter, and not sent yet (a refresh may come between). */
  gboolean    granted;
  guint64     generation;
} RequestData;

static void
request_data_free (RequestData *data)
{
  g_free (data->method);
  g_free (data->path);
  g_clear_pointer (&data->body, g_bytes_unref);
  g_clear_object (&data->answer_stream);
  if (data->answer_body != NULL)
    {
      explicit_bzero (data->answer_body->data, data->answer_body->len);
      g_byte_array_unref (data->answer_body);
    }
  g_free (data);
}

static void send_authorized (GTask *task);

/* Rate limits: RingCX allows 120 admin requests a minute. Each sub-account's requests wait
 * for a limiter of their own, shared by every list of that sub-account; the main account's
 * lists (accounts, users) are a request or two and are not held back. */

#define SUB_ACCOUNT_PREFIX "/voice/api/v1/admin/accounts/"
/* How long a 429 without Retry-After holds a sub-account's requests back. */
#define RATE_LIMITED_PAUSE_MS 2000
#define MAX_RATE_LIMITED_PAUSE_MS (60 * 1000)

/* The sub-account @path is a request to ("/voice/api/v1/admin/accounts/17/agentGroups"), or
 * NULL (the accounts list itself, users). */
static char *
sub_account_of (const char *path)
{
  const char *id, *end;

  if (!g_str_has_prefix (path, SUB_ACCOUNT_PREFIX))
    return NULL;

  id = path + strlen (SUB_ACCOUNT_PREFIX);
  end = id + strcspn (id, "/?");
  if (end == id || *end != '/')
    return NULL;

  return g_strndup (id, end - id);
}

RingsideRateLimiter *
ringside_session_get_rate_limiter (RingsideSession *self,
                                   const char      *account_id)
{
  RingsideRateLimiter *limiter;

  g_return_val_if_fail (RINGSIDE_IS_SESSION (self), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  limiter = g_hash_table_lookup (self->rate_limiters, account_id);
  if (limiter == NULL)
    {
      limiter = ringside_rate_limiter_new (self->rate_budget, self->rate_window_ms);
      g_hash_table_insert (self->rate_limiters, g_strdup (account_id), limiter);
    }

  return limiter;
}

void
ringside_session_set_rate_limit (RingsideSession *self,
                                 guint            budget,
                                 guint            window_ms)
{
  GHashTableIter iter;
  gpointer limiter;

  g_return_if_fail (RINGSIDE_IS_SESSION (self));
  g_return_if_fail (budget > 0);

  self->rate_budget = budget;
  self->rate_window_ms = window_ms;
  g_hash_table_iter_init (&iter, self->rate_limiters);
  while (g_hash_table_iter_next (&iter, NULL, &limiter))
    ringside_rate_limiter_set_budget (limiter, budget, window_ms);
}

static RingsideRateLimiter *
request_limiter (RingsideSession *self,
                 GTask           *task)
{
  RequestData *data = g_task_get_task_data (task);
  g_autofree char *account_id = sub_account_of (data->path);

  return account_id != NULL ? ringside_session_get_rate_limiter (self, account_id) : NULL;
}

static void
on_rate_granted (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RequestData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!ringside_rate_limiter_acquire_finish (RINGSIDE_RATE_LIMITER (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data->granted = TRUE;
  send_authorized (g_steal_pointer (&task));
}

/* A 429 holds back every request of that sub-account for the wait RingCX names, not only
 * the one refused: the others would meet 429s too. */
static void
pause_after_rate_limited (RingsideSession *self,
                          GTask           *task,
                          const GError    *error)
{
  RingsideRateLimiter *limiter;
  guint seconds;

  if (!g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_RATE_LIMITED))
    return;

  limiter = request_limiter (self, task);
  if (limiter == NULL)
    return;

  seconds = ringside_error_get_retry_after (error);
  ringside_rate_limiter_pause (limiter, seconds > 0 ? MIN (seconds * 1000,
                                                           MAX_RATE_LIMITED_PAUSE_MS)
                                                    : RATE_LIMITED_PAUSE_MS);
}

static void
on_request_refreshed (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!ringside_session_refresh_finish (RINGSIDE_SESSION (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  send_authorized (g_steal_pointer (&task));
}

/* Returns TRUE when @error was a 401 that a refresh and one retry may cure. */
static gboolean
retry_after_unauthorized (GTask        *task,
                          const GError *error)
{
  RingsideSession *self = g_task_get_source_object (task);
  RequestData *data = g_task_get_task_data (task);

  if (!g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED) &&
      !g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TOKEN_EXPIRED))
    return FALSE;

  /* A renewed token refused too: this request is what the server refuses (a right the
   * admin lacks, a proxy in the way), not the session. Only the refresh endpoint's 401 ends
   * a session; see fail_refresh(). */
  if (data->retried)
    return FALSE;

  data->retried = TRUE;

  /* Another request may have renewed the token since this one set off. */
  if (data->generation != self->token_generation && ringside_session_access_token_usable (self))
    {
      send_authorized (g_object_ref (task));
      return TRUE;
    }

  /* The token we hold is dead whatever its exp or the renewal floor claim. */
  ringside_session_mark_access_token_refused (self);
  ringside_session_refresh_async (self, g_task_get_cancellable (task), on_request_refreshed,
                                  g_object_ref (task));
  return TRUE;
}

/* Takes @error. What the request fails with: scrubbed of the session's tokens, and a 401
 * after a renewal said as what it is. */
static GError *
request_error (RingsideSession *self,
               GTask           *task,
               GError          *error)
{
  RequestData *data = g_task_get_task_data (task);

  if (data->retried &&
      (g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED) ||
       g_error_matches (error, RINGSIDE_ERROR, RINGSIDE_ERROR_TOKEN_EXPIRED)))
    {
      g_info ("A renewed access token was refused too (%s): failing that request only",
              data->path);
      g_clear_error (&error);
      /* FORBIDDEN: views show it in place, as a right the admin lacks; nothing to sign in
       * again for. */
      return g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_FORBIDDEN,
                                  "RingCX refused this request even after renewing the "
                                  "session.");
    }

  pause_after_rate_limited (self, task, error);
  return ringside_session_scrub_error (self, error);
}

static void
on_json_received (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RingsideSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  root = ringside_client_fetch_json_finish (RINGSIDE_CLIENT (source), result, &error);
  if (root != NULL)
    {
      g_task_return_pointer (task, root, (GDestroyNotify) json_node_unref);
      return;
    }

  if (!retry_after_unauthorized (task, error))
    g_task_return_error (task, request_error (self, task, g_steal_pointer (&error)));
}

static void
on_stream_received (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RingsideSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  GInputStream *stream;

  stream = ringside_client_send_finish (RINGSIDE_CLIENT (source), result, &error);
  if (stream != NULL)
    {
      g_task_return_pointer (task, stream, g_object_unref);
      return;
    }

  if (!retry_after_unauthorized (task, error))
    g_task_return_error (task, request_error (self, task, g_steal_pointer (&error)));
}

/* An answer to a change, read whole with the client's cap (an audit log search can be
 * big) into a buffer that is wiped: a whole agent comes back with its passwords. */

static void read_answer (GTask *task);

static void
parse_answer (GTask *task)
{
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, (const char *) data->answer_body->data,
                                   data->answer_body->len, NULL))
    {
      g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                               "The server's response is not valid JSON.");
      return;
    }

  /* json-glib reads an empty body as a document without a root: "nothing to say". */
  root = json_parser_get_root (parser);
  g_task_return_pointer (task,
                         root != NULL ? json_node_copy (root) : json_node_new (JSON_NODE_NULL),
                         (GDestroyNotify) json_node_unref);
}

static void
on_answer_chunk (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  gsize size;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_NETWORK,
                                 "The connection broke while the response arrived (%s).",
                                 error->message);
      return;
    }

  size = g_bytes_get_size (chunk);
  if (size == 0)
    {
      parse_answer (task);
      return;
    }

  if (data->answer_body->len + size > RINGSIDE_CLIENT_MAX_BODY_SIZE)
    {
      g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                               "The server's response is larger than %d MB.",
                               RINGSIDE_CLIENT_MAX_BODY_SIZE / (1024 * 1024));
      return;
    }

  /* Grown by hand, so that no copy is left unwiped in freed memory. */
  if (data->answer_body->len + size > data->answer_capacity)
    {
      gsize capacity = MAX (data->answer_capacity * 2, data->answer_body->len + size);
      GByteArray *grown = g_byte_array_sized_new (capacity);

      g_byte_array_append (grown, data->answer_body->data, data->answer_body->len);
      explicit_bzero (data->answer_body->data, data->answer_body->len);
      g_byte_array_unref (data->answer_body);
      data->answer_body = grown;
      data->answer_capacity = capacity;
    }
  g_byte_array_append (data->answer_body, g_bytes_get_data (chunk, NULL), size);

  read_answer (g_steal_pointer (&task));
}

static void
read_answer (GTask *task)
{
  RequestData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_input_stream_read_bytes_async (data->answer_stream, 64 * 1024, G_PRIORITY_DEFAULT,
                                   cancellable, on_answer_chunk, task);
}

static void
on_answer_received (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RingsideSession *self = g_task_get_source_object (task);
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GInputStream *stream;

  stream = ringside_client_send_finish (RINGSIDE_CLIENT (source), result, &error);
  if (stream == NULL)
    {
      if (!retry_after_unauthorized (task, error))
        g_task_return_error (task, request_error (self, task, g_steal_pointer (&error)));
      return;
    }

  data->answer_stream = stream;
  data->answer_capacity = 64 * 1024;
  data->answer_body = g_byte_array_sized_new (data->answer_capacity);
  read_answer (g_steal_pointer (&task));
}

static void
send_authorized (GTask *task)
{
  RingsideSession *self = g_task_get_source_object (task);
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *authorization = NULL;

  if (self->refresh_token == NULL && self->access_token == NULL)
    {
      g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_NO_SESSION,
                               "You are not signed in.");
      g_object_unref (task);
      return;
    }

  /* While the server asks us to wait, do not knock again. */
  if (self->state == RINGSIDE_SESSION_STATE_OFFLINE && self->renew_source_id != 0 &&
      ringside_error_get_retry_after (self->last_error) > 0 &&
      !ringside_session_access_token_usable (self))
    {
      g_task_return_error (task, g_error_copy (self->last_error));
      g_object_unref (task);
      return;
    }

  if (!ringside_session_access_token_usable (self))
    {
      ringside_session_refresh_async (self, g_task_get_cancellable (task),
                                      on_request_refreshed, task);
      return;
    }

  /* Last, once the token is usable: a refresh is no admin request. */
  if (!data->granted)
    {
      RingsideRateLimiter *limiter = request_limiter (self, task);

      if (limiter != NULL)
        {
          ringside_rate_limiter_acquire_async (limiter, g_task_get_cancellable (task),
                                               on_rate_granted, task);
          return;
        }
    }
  data->granted = FALSE;

  message = ringside_session_new_message (data->method, self->server_url, data->path, NULL);
  if (message == NULL)
    {
      g_task_return_new_error (task, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT,
                               _("“%s” is not a valid request path."), data->path);
      g_object_unref (task);
      return;
    }

  /* Built anew for each attempt, body included: a retried message must carry it too. */
  if (data->body != NULL)
    soup_message_set_request_body_from_bytes (message, "application/json", data->body);

  authorization = g_strconcat ("Bearer ", self->access_token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", authorization);
  ringside_clear_secret (&authorization);
  data->generation = self->token_generation;

  switch (data->answer)
    {
    case ANSWER_JSON:
      ringside_client_fetch_json_async (self->client, message, g_task_get_cancellable (task),
                                        on_json_received, task);
      break;
    case ANSWER_JSON_OR_NULL:
      ringside_client_send_async (self->client, message, g_task_get_cancellable (task),
                                  on_answer_received, task);
      break;
    case ANSWER_STREAM:
    default:
      ringside_client_send_async (self->client, message, g_task_get_cancellable (task),
                                  on_stream_received, task);
      break;
    }
}

static void
start_request (RingsideSession     *self,
               const char          *method,
               const char          *path,
               AnswerKind           answer,
               GBytes              *body,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  GTask *task;
  RequestData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  data = g_new0 (RequestData, 1);
  data->method = g_strdup (method);
  data->path = g_strdup (path);
  data->answer = answer;
  data->body = body != NULL ? g_bytes_ref (body) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) request_data_free);

  send_authorized (task);
}

void
ringside_session_send_async (RingsideSession     *self,
                             const char          *method,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (RINGSIDE_IS_SESSION (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');

  start_request (self, method, path, ANSWER_STREAM, NULL, cancellable, callback, user_data,
                 ringside_session_send_async);
}

GInputStream *
ringside_session_send_finish (RingsideSession  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ringside_session_fetch_json_async (RingsideSession     *self,
                                   const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (RINGSIDE_IS_SESSION (self));
  g_return_if_fail (path != NULL && path[0] == '/');

  start_request (self, "GET", path, ANSWER_JSON, NULL, cancellable, callback, user_data,
                 ringside_session_fetch_json_async);
}

JsonNode *
ringside_session_fetch_json_finish (RingsideSession  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
wipe_and_free (gpointer data)
{
  explicit_bzero (data, strlen (data));
  g_free (data);
}

void
ringside_session_send_json_async (RingsideSession     *self,
                                  const char          *method,
                                  const char          *path,
                                  JsonNode            *body,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (RINGSIDE_IS_SESSION (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');

  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);

      bytes = g_bytes_new_with_free_func (text, strlen (text), wipe_and_free, text);
    }

  start_request (self, method, path, ANSWER_JSON_OR_NULL, bytes, cancellable, callback,
                 user_data, ringside_session_send_json_async);
}

JsonNode *
ringside_session_send_json_finish (RingsideSession  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The list loader's way in */

static void
list_open_async (gpointer             source,
                 const char          *path,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  ringside_session_send_async (source, "GET", path, cancellable, callback, user_data);
}

static GInputStream *
list_open_finish (gpointer       source,
                  GAsyncResult  *result,
                  GError       **error)
{
  return ringside_session_send_finish (source, result, error);
}

const RingsideListOpener ringside_session_list_opener = {
  .open_async = list_open_async,
  .open_finish = list_open_finish,
};
