/* ringside-oauth-flow.c
 *
 * The browser sign-in (RFC 8252 with PKCE, RFC 7636): a loopback server waits for the one
 * redirect that carries this flow's state, and the code it brings is traded for a RingCentral
 * access token. The state, the verifier, the code and the token are wiped once used and are
 * never logged: log lines name the port and what happened, never a query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/random.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "ringside-error.h"
#include "ringside-json-member.h"
#include "ringside-oauth-flow.h"
#include "ringside-token-response.h"

#define AUTHORIZE_PATH "/restapi/oauth/authorize"
#define TOKEN_PATH     "/restapi/oauth/token"
/* 32 random bytes' worth, as RFC 7636 §4.1 recommends. */
#define VERIFIER_LENGTH 64
#define STATE_LENGTH    43
/* How long the browser has to read the page that ends the flow. */
#define ANSWER_DEADLINE_S 10
#define UNRESERVED \
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"

struct _RingsideOAuthFlow
{
  GObject            parent_instance;

  RingsideClient    *client;
  char              *platform_url;
  char              *client_id;
  guint              port;
  guint              timeout_s;

  /* Secrets of this run, wiped when it ends */
  char              *state;
  char              *verifier;
  char              *authorize_uri;     /* holds the state */
  char              *redirect_uri;

  /* While running */
  GTask             *task;
  SoupServer        *server;
  GSource           *timeout_source;
  GSource           *cancel_source;
  /* The browser's request, paused while its code is traded, then answered. */
  SoupServerMessage *callback_msg;
  GCancellable      *token_cancellable;
  gboolean           trading;
  /* The outcome, kept until the browser has its page. */
  char              *token;
  GError            *error;
  gboolean           ran;
};

G_DEFINE_FINAL_TYPE (RingsideOAuthFlow, ringside_oauth_flow, G_TYPE_OBJECT)

/* The flow that is waiting for a browser, if any: a new one stops it. */
static RingsideOAuthFlow *active_flow;

static void ringside_oauth_flow_fail (RingsideOAuthFlow *self,
                                      GError            *error);

/* Randomness and PKCE */

static gboolean
fill_random (guint8 *buffer,
             gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      if (n < 0)
        return FALSE;
      done += (gsize) n;
    }
  return TRUE;
}

char *
ringside_oauth_new_verifier (gsize length)
{
  const gsize n_chars = sizeof UNRESERVED - 1;
  /* Bytes past the largest multiple of 66 are dropped, so each character is as likely. */
  const guint limit = 256 - 256 % n_chars;
  char *text;
  gsize filled = 0;

  g_return_val_if_fail (length >= 43 && length <= 128, NULL);

  text = g_malloc0 (length + 1);
  while (filled < length)
    {
      guint8 bytes[64];

      if (!fill_random (bytes, sizeof bytes))
        g_error ("The system's random number generator failed");
      for (gsize i = 0; i < sizeof bytes && filled < length; i++)
        if (bytes[i] < limit)
          text[filled++] = UNRESERVED[bytes[i] % n_chars];
      explicit_bzero (bytes, sizeof bytes);
    }
  return text;
}

static char *
base64url_encode (const guint8 *data,
                  gsize         length)
{
  char *text = g_base64_encode (data, length);
  char *end = strchr (text, '=');

  if (end != NULL)
    *end = '\0';
  for (char *p = text; *p != '\0'; p++)
    if (*p == '+')
      *p = '-';
    else if (*p == '/')
      *p = '_';
  return text;
}

char *
ringside_oauth_challenge_for (const char *verifier)
{
  static const guint8 zeros[64] = { 0 };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  char *challenge;

  g_return_val_if_fail (verifier != NULL, NULL);

  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &length);
  challenge = base64url_encode (digest, length);
  explicit_bzero (digest, sizeof digest);
  /* GChecksum keeps the last block it read and frees it unwiped: a block of zeros replaces
   * whatever of the verifier is there. */
  g_checksum_reset (checksum);
  g_checksum_update (checksum, (const guchar *) zeros, sizeof zeros);
  return challenge;
}

/* Compares without stopping at the first difference, so timing tells nothing of the state. */
static gboolean
secret_equal (const char *a,
              const char *b)
{
  gsize length_a;
  gsize length_b;
  guint8 difference = 0;

  if (a == NULL || b == NULL)
    return FALSE;
  length_a = strlen (a);
  length_b = strlen (b);
  for (gsize i = 0; i < length_b; i++)
    difference |= (guint8) a[i < length_a ? i : 0] ^ (guint8) b[i];
  return difference == 0 && length_a == length_b;
}

/* The page the browser shows */

static void
answer_page (SoupServerMessage *msg,
             guint              status,
             const char        *title,
             const char        *text)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_text = g_markup_escape_text (text, -1);
  char *page;

  page = g_strdup_printf ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width\">"
                          "<title>%s</title><style>"
                          "body{font-family:system-ui,sans-serif;margin:15vh auto;"
                          "max-width:32em;padding:0 1em;text-align:center;color:#333}"
                          "h1{font-size:1.6em;font-weight:600}"
                          "@media(prefers-color-scheme:dark){body{background:#242424;"
                          "color:#eee}}</style></head>"
                          "<body><h1>%s</h1><p>%s</p></body></html>\n",
                          escaped_title, escaped_title, escaped_text);
  /* The address bar holds the code: the page must not pass it on or keep it. */
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "Connection", "close");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                    page, strlen (page));
}

/* Ending a run */

static void
ringside_oauth_flow_wipe (RingsideOAuthFlow *self)
{
  ringside_clear_secret (&self->state);
  ringside_clear_secret (&self->verifier);
  ringside_clear_secret (&self->authorize_uri);
}

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
ringside_oauth_flow_stop_server (RingsideOAuthFlow *self)
{
  if (self->server == NULL)
    return;

  soup_server_remove_handler (self->server, NULL);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
}

static void
free_secret (gpointer secret)
{
  char *text = secret;

  ringside_clear_secret (&text);
}

/* Hands the outcome to the caller: the last step, once the browser has its page. */
static void
ringside_oauth_flow_complete (RingsideOAuthFlow *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  clear_source (&self->timeout_source);
  clear_source (&self->cancel_source);
  g_clear_object (&self->callback_msg);
  g_clear_object (&self->token_cancellable);
  ringside_oauth_flow_stop_server (self);
  ringside_oauth_flow_wipe (self);
  if (active_flow == self)
    active_flow = NULL;

  if (task == NULL)
    return;

  if (self->token != NULL)
    {
      g_info ("Browser sign-in: RingCentral issued an access token");
      g_task_return_pointer (task, g_steal_pointer (&self->token),
                             free_secret);
    }
  else
    {
      g_info ("Browser sign-in ended: %s", self->error->message);
      g_task_return_error (task, g_steal_pointer (&self->error));
    }
}

static gboolean
complete_in_idle (gpointer user_data)
{
  ringside_oauth_flow_complete (user_data);
  return G_SOURCE_REMOVE;
}

/* The server is not torn down from inside its own message's signal. */
static void
on_callback_finished (SoupServerMessage *msg,
                      RingsideOAuthFlow *self)
{
  g_signal_handlers_disconnect_by_func (msg, on_callback_finished, self);
  clear_source (&self->timeout_source);
  g_idle_add_full (G_PRIORITY_DEFAULT, complete_in_idle, g_object_ref (self), g_object_unref);
}

/* A browser that never reads its page does not hold the outcome back. */
static gboolean
on_answer_deadline (gpointer user_data)
{
  RingsideOAuthFlow *self = user_data;

  g_clear_pointer (&self->timeout_source, g_source_unref);
  g_signal_handlers_disconnect_by_func (self->callback_msg, on_callback_finished, self);
  ringside_oauth_flow_complete (self);
  return G_SOURCE_REMOVE;
}

/* Settles the outcome (@token or @error, taken) and tells the browser, if it came back. */
static void
ringside_oauth_flow_conclude (RingsideOAuthFlow *self,
                              char              *token,
                              GError            *error)
{
  g_autofree char *text = NULL;

  g_assert (self->token == NULL && self->error == NULL);
  self->token = token;
  self->error = error;
  clear_source (&self->timeout_source);

  if (self->callback_msg == NULL)
    {
      ringside_oauth_flow_complete (self);
      return;
    }

  if (token != NULL)
    answer_page (self->callback_msg, SOUP_STATUS_OK, _("Signed in to Ringside"),
                 _("You can close this tab and go back to Ringside."));
  else
    {
      /* Translators: the first %s is why the sign-in failed, a sentence */
      text = g_strdup_printf (_("%s You can close this tab."), error->message);
      answer_page (self->callback_msg, SOUP_STATUS_OK, _("Ringside could not sign in"), text);
    }
  g_signal_connect (self->callback_msg, "finished", G_CALLBACK (on_callback_finished), self);
  self->timeout_source = g_timeout_source_new_seconds (ANSWER_DEADLINE_S);
  g_source_set_callback (self->timeout_source, on_answer_deadline, self, NULL);
  g_source_set_static_name (self->timeout_source, "[ringside] browser sign-in answer");
  g_source_attach (self->timeout_source, g_main_context_get_thread_default ());
  soup_server_message_unpause (self->callback_msg);
}

/* Stops a run that has not got its outcome yet (timeout, cancel, a newer flow). */
static void
ringside_oauth_flow_fail (RingsideOAuthFlow *self,
                          GError            *error)
{
  if (self->task == NULL || self->token != NULL || self->error != NULL)
    {
      g_error_free (error);
      return;
    }

  /* The token request ends first; its answer then gives way to this error. */
  if (self->trading)
    {
      self->error = error;
      g_cancellable_cancel (self->token_cancellable);
      return;
    }

  ringside_oauth_flow_conclude (self, NULL, error);
}

static gboolean
on_timeout (gpointer user_data)
{
  RingsideOAuthFlow *self = user_data;

  g_clear_pointer (&self->timeout_source, g_source_unref);
  ringside_oauth_flow_fail (self,
                            g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_TIMEOUT,
                                                 _("The browser did not come back to Ringside "
                                                   "in time. Sign in again.")));
  return G_SOURCE_REMOVE;
}

static gboolean
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  RingsideOAuthFlow *self = user_data;

  g_clear_pointer (&self->cancel_source, g_source_unref);
  ringside_oauth_flow_fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                       _("The sign-in was cancelled.")));
  return G_SOURCE_REMOVE;
}

/* Trading the code */

static GError *
describe_token_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == RINGSIDE_ERROR)
    switch ((RingsideError) error->code)
      {
      case RINGSIDE_ERROR_UNAUTHORIZED:
      case RINGSIDE_ERROR_INVALID_INPUT:
        /* RingCentral answers an unknown client with 400 or 401 "invalid_client". */
        if (error->code == RINGSIDE_ERROR_UNAUTHORIZED
            || strstr (error->message, "client") != NULL
            || strstr (error->message, "Client") != NULL)
          return g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED,
                                      _("RingCentral does not accept this client ID. Use the "
                                        "ID of an app registered for the authorization code "
                                        "flow with PKCE."));
        return g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED,
                                    _("RingCentral did not accept the sign-in from the browser. "
                                      "Sign in again."));

      case RINGSIDE_ERROR_NETWORK:
      case RINGSIDE_ERROR_TIMEOUT:
        return g_error_new_literal (RINGSIDE_ERROR, error->code,
                                    _("Ringside cannot reach RingCentral. Check your network "
                                      "connection and try again."));

      case RINGSIDE_ERROR_TLS:
        return g_error_new_literal (RINGSIDE_ERROR, error->code,
                                    _("RingCentral’s security certificate is not trusted, so "
                                      "Ringside sent nothing to it."));

      case RINGSIDE_ERROR_RATE_LIMITED:
        return g_error_new_literal (RINGSIDE_ERROR, error->code,
                                    _("Too many sign-in attempts. Wait a minute and try "
                                      "again."));

      default:
        break;
      }

  return g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                              _("RingCentral did not answer as expected. Check the platform "
                                "server address and try again."));
}

static void
on_token_answer (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RingsideOAuthFlow) self = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  GError *pending = g_steal_pointer (&self->error);
  const char *token = NULL;

  root = ringside_client_fetch_json_finish (RINGSIDE_CLIENT (source), result, &error);
  self->trading = FALSE;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    token = ringside_json_peek_string (json_node_get_object (root), "access_token");

  if (pending != NULL)
    ringside_oauth_flow_conclude (self, NULL, pending);
  else if (token != NULL && *token != '\0')
    ringside_oauth_flow_conclude (self, g_strdup (token), NULL);
  else if (root != NULL)
    ringside_oauth_flow_conclude (self, NULL,
                                  g_error_new_literal (RINGSIDE_ERROR,
                                                       RINGSIDE_ERROR_BAD_RESPONSE,
                                                       _("RingCentral’s answer has no access "
                                                         "token. Try again.")));
  else
    {
      g_info ("Browser sign-in: the token request failed: %s", error->message);
      ringside_oauth_flow_conclude (self, NULL, describe_token_error (error));
    }

  ringside_token_response_wipe_json (root);
}

static void
wipe_and_free (gpointer data)
{
  explicit_bzero (data, strlen (data));
  g_free (data);
}

static void
ringside_oauth_flow_trade_code (RingsideOAuthFlow *self,
                                const char        *code)
{
  g_autofree char *url = g_strconcat (self->platform_url, TOKEN_PATH, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = NULL;
  char *form;

  form = soup_form_encode ("grant_type", "authorization_code",
                           "code", code,
                           "redirect_uri", self->redirect_uri,
                           "code_verifier", self->verifier,
                           "client_id", self->client_id,
                           NULL);
  body = g_bytes_new_with_free_func (form, strlen (form), wipe_and_free, form);
  soup_message_set_request_body_from_bytes (message, SOUP_FORM_MIME_TYPE_URLENCODED, body);
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Accept", "application/json");
  /* The verifier has done its work. */
  ringside_clear_secret (&self->verifier);

  self->trading = TRUE;
  self->token_cancellable = g_cancellable_new ();
  ringside_client_fetch_json_async (self->client, message, self->token_cancellable,
                                    on_token_answer, g_object_ref (self));
}

/* The loopback server */

static GError *
describe_redirect_error (const char *error_code)
{
  if (g_strcmp0 (error_code, "access_denied") == 0)
    return g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_FORBIDDEN,
                                _("Access was not allowed at RingCentral’s page, so Ringside "
                                  "did not sign in."));
  if (g_strcmp0 (error_code, "invalid_client") == 0
      || g_strcmp0 (error_code, "unauthorized_client") == 0)
    return g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_UNAUTHORIZED,
                                _("RingCentral does not accept this client ID. Use the ID of "
                                  "an app registered for the authorization code flow with "
                                  "PKCE."));
  return g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_BAD_RESPONSE,
                              _("RingCentral’s sign-in page returned an error. Sign in "
                                "again."));
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  RingsideOAuthFlow *self = user_data;
  const char *state = query != NULL ? g_hash_table_lookup (query, "state") : NULL;
  const char *code = query != NULL ? g_hash_table_lookup (query, "code") : NULL;
  const char *error_code = query != NULL ? g_hash_table_lookup (query, "error") : NULL;

  /* Anything but the one callback of this run, a forged one included, is ignored. */
  if (self->task == NULL || self->callback_msg != NULL || self->token != NULL
      || self->error != NULL
      || strcmp (path, RINGSIDE_OAUTH_CALLBACK_PATH) != 0
      || strcmp (soup_server_message_get_method (msg), "GET") != 0
      || !secret_equal (state, self->state))
    {
      g_info ("Browser sign-in: ignored a request that is not this sign-in’s callback");
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC,
                                        "Not found\n", strlen ("Not found\n"));
      return;
    }

  g_info ("Browser sign-in: the browser came back");
  self->callback_msg = g_object_ref (msg);
  soup_server_message_pause (msg);
  clear_source (&self->timeout_source);
  /* The state has done its work: no second callback can match. */
  ringside_clear_secret (&self->state);

  if (error_code != NULL || code == NULL || *code == '\0')
    {
      ringside_oauth_flow_conclude (self, NULL, describe_redirect_error (error_code));
      return;
    }

  ringside_oauth_flow_trade_code (self, code);
}

static gboolean
ringside_oauth_flow_listen (RingsideOAuthFlow  *self,
                            GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoslist(GUri) uris = NULL;
  guint port;

  self->server = soup_server_new ("server-header", "Ringside", NULL);
  soup_server_add_handler (self->server, NULL, on_request, self, NULL);
  if (!soup_server_listen_local (self->server, self->port, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                 &local_error))
    {
      /* The user's to fix (a pinned port that is taken), and the dialog says how. */
      g_message ("Browser sign-in: cannot listen on 127.0.0.1:%u: %s", self->port,
                 local_error->message);
      ringside_oauth_flow_stop_server (self);
      if (self->port != 0)
        g_set_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NETWORK,
                     _("Ringside cannot wait for the browser on port %u: another program "
                       "uses it. Choose another port in Preferences, or 0 for any."),
                     self->port);
      else
        g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_NETWORK,
                             _("Ringside cannot wait for the browser on this computer."));
      return FALSE;
    }

  uris = soup_server_get_uris (self->server);
  port = uris != NULL ? (guint) g_uri_get_port (uris->data) : 0;
  self->redirect_uri = g_strdup_printf ("http://127.0.0.1:%u" RINGSIDE_OAUTH_CALLBACK_PATH,
                                        port);
  g_info ("Browser sign-in: waiting for the browser on 127.0.0.1:%u", port);
  return TRUE;
}

static gboolean
check_client_id (const char  *client_id,
                 GError     **error)
{
  if (*client_id == '\0')
    {
      g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT,
                           _("Enter the client ID of your RingCentral app."));
      return FALSE;
    }
  for (const char *p = client_id; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      {
        g_set_error_literal (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT,
                             _("The client ID must not contain spaces or line breaks."));
        return FALSE;
      }
  return TRUE;
}

void
ringside_oauth_flow_run_async (RingsideOAuthFlow   *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *challenge = NULL;
  g_autofree char *query = NULL;

  g_return_if_fail (RINGSIDE_IS_OAUTH_FLOW (self));
  g_return_if_fail (!self->ran);

  self->ran = TRUE;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_oauth_flow_run_async);

  if (!check_client_id (self->client_id, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* One browser sign-in at a time: a newer one stops the older. */
  if (active_flow != NULL)
    ringside_oauth_flow_fail (active_flow,
                              g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_NO_SESSION,
                                                   _("Another sign-in started, so this one "
                                                     "stopped.")));

  if (!ringside_oauth_flow_listen (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->state = ringside_oauth_new_verifier (STATE_LENGTH);
  self->verifier = ringside_oauth_new_verifier (VERIFIER_LENGTH);
  challenge = ringside_oauth_challenge_for (self->verifier);
  query = soup_form_encode ("response_type", "code",
                            "client_id", self->client_id,
                            "redirect_uri", self->redirect_uri,
                            "state", self->state,
                            "code_challenge", challenge,
                            "code_challenge_method", "S256",
                            NULL);
  self->authorize_uri = g_strconcat (self->platform_url, AUTHORIZE_PATH, "?", query, NULL);
  ringside_clear_secret (&query);

  self->task = g_steal_pointer (&task);
  active_flow = self;

  self->timeout_source = g_timeout_source_new_seconds (self->timeout_s);
  g_source_set_callback (self->timeout_source, on_timeout, self, NULL);
  g_source_set_static_name (self->timeout_source, "[ringside] browser sign-in timeout");
  g_source_attach (self->timeout_source, g_main_context_get_thread_default ());

  if (cancellable != NULL)
    {
      self->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (self->cancel_source, G_SOURCE_FUNC (on_cancelled), self, NULL);
      g_source_attach (self->cancel_source, g_main_context_get_thread_default ());
    }
}

char *
ringside_oauth_flow_run_finish (RingsideOAuthFlow  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The object */

const char *
ringside_oauth_flow_get_authorize_uri (RingsideOAuthFlow *self)
{
  g_return_val_if_fail (RINGSIDE_IS_OAUTH_FLOW (self), NULL);

  return self->authorize_uri;
}

const char *
ringside_oauth_flow_get_redirect_uri (RingsideOAuthFlow *self)
{
  g_return_val_if_fail (RINGSIDE_IS_OAUTH_FLOW (self), NULL);

  return self->redirect_uri;
}

void
ringside_oauth_flow_set_port (RingsideOAuthFlow *self,
                              guint              port)
{
  g_return_if_fail (RINGSIDE_IS_OAUTH_FLOW (self));
  g_return_if_fail (port <= G_MAXUINT16);

  self->port = port;
}

void
ringside_oauth_flow_set_timeout (RingsideOAuthFlow *self,
                                 guint              seconds)
{
  g_return_if_fail (RINGSIDE_IS_OAUTH_FLOW (self));
  g_return_if_fail (seconds > 0);

  self->timeout_s = seconds;
}

static void
ringside_oauth_flow_dispose (GObject *object)
{
  RingsideOAuthFlow *self = RINGSIDE_OAUTH_FLOW (object);

  /* A running flow holds a reference through its task: only an ended one gets here. */
  clear_source (&self->timeout_source);
  clear_source (&self->cancel_source);
  ringside_oauth_flow_stop_server (self);
  if (active_flow == self)
    active_flow = NULL;

  G_OBJECT_CLASS (ringside_oauth_flow_parent_class)->dispose (object);
}

static void
ringside_oauth_flow_finalize (GObject *object)
{
  RingsideOAuthFlow *self = RINGSIDE_OAUTH_FLOW (object);

  ringside_oauth_flow_wipe (self);
  ringside_clear_secret (&self->token);
  g_clear_error (&self->error);
  g_clear_object (&self->callback_msg);
  g_clear_object (&self->token_cancellable);
  g_clear_object (&self->client);
  g_free (self->platform_url);
  g_free (self->client_id);
  g_free (self->redirect_uri);

  G_OBJECT_CLASS (ringside_oauth_flow_parent_class)->finalize (object);
}

static void
ringside_oauth_flow_class_init (RingsideOAuthFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ringside_oauth_flow_dispose;
  object_class->finalize = ringside_oauth_flow_finalize;
}

static void
ringside_oauth_flow_init (RingsideOAuthFlow *self)
{
  self->timeout_s = RINGSIDE_OAUTH_FLOW_DEFAULT_TIMEOUT_S;
}

RingsideOAuthFlow *
ringside_oauth_flow_new (RingsideClient *client,
                         const char     *platform_url,
                         const char     *client_id)
{
  RingsideOAuthFlow *self;

  g_return_val_if_fail (RINGSIDE_IS_CLIENT (client), NULL);
  g_return_val_if_fail (platform_url != NULL, NULL);
  g_return_val_if_fail (client_id != NULL, NULL);

  self = g_object_new (RINGSIDE_TYPE_OAUTH_FLOW, NULL);
  self->client = g_object_ref (client);
  self->platform_url = g_strdup (platform_url);
  self->client_id = g_strstrip (g_strdup (client_id));
  return self;
}
