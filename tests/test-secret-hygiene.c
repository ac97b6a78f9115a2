/* test-secret-hygiene.c
 *
 * The real application, in process, against an in-process demo server and the real keyring,
 * with every log message and every print captured at full debug verbosity. It signs in with a
 * pasted access token, renews its session twice while the lists show, signs out, signs in
 * again with JWT credentials, renews, exports both lists, opens a sub-account and exports its
 * agents, queues and campaigns, and signs out. Then no credential
 * that crossed the wire, and no account or agent secret of the API (crmPwd, ftpPwd,
 * securityKey, password, sipPassword, phoneLoginPin), may
 * be found where the app writes or shows things: the log, the settings, the files under $HOME
 * and $XDG_RUNTIME_DIR (gnome-keyring's encrypted store included), the exports, the
 * clipboards, the widgets and the list models. The keyring holds the current refresh token
 * alone while signed in, and nothing after signing out.
 *
 * The tests share one run of the application and build on it, in order. A leak does not stop
 * the run: each place that holds a secret is reported, by the kind of secret, never its value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>

#include "ringside-account.h"
#include "ringside-accounts-view.h"
#include "ringside-application.h"
#include "ringside-demo-server.h"
#include "ringside-session-private.h"
#include "ringside-sign-in-dialog.h"
#include "ringside-sub-account-page.h"
#include "ringside-test-ui-utils.h"
#include "ringside-test-utils.h"
#include "ringside-token-store.h"
#include "ringside-user.h"
#include "ringside-users-view.h"
#include "ringside-window.h"

#define TOKEN_LIFETIME_SECONDS 2
#define PLATFORM_PATH "/restapi/oauth/token"
#define EXCHANGE_PATH "/api/auth/login/rc/accesstoken"
#define REFRESH_PATH "/api/auth/token/refresh"
#define LOGOUT_PREFIX "/api/auth/logout/"

static RingsideDemoServer *server;
/* Tokens the server handed out, read from its token responses. */
static GPtrArray *issued_access_tokens;
static GPtrArray *issued_refresh_tokens;
/* What the user pastes: distinct for every run. */
static char *pasted_rc_token;
static char *pasted_jwt;
static char *users_export_path;
static char *accounts_export_path;
/* Sign-in dialogs whose fields were checked as they closed after signing in. */
static guint dialogs_checked;

/* Capturing the output */

static void
capture_print (const char *text)
{
  ringside_test_log_append (text);
  fputs (text, stdout);
  fflush (stdout);
}

static void
capture_printerr (const char *text)
{
  ringside_test_log_append (text);
  fputs (text, stderr);
}

/* Secrets */

typedef struct
{
  char       *value;
  const char *kind;   /* what the failure message names instead of the value */
} Secret;

static void
secret_free (Secret *secret)
{
  g_free (secret->value);
  g_free (secret);
}

static void
add_secret (GPtrArray  *secrets,
            const char *value,
            const char *kind)
{
  Secret *secret;

  if (value == NULL || *value == '\0')
    return;

  for (guint i = 0; i < secrets->len; i++)
    if (g_str_equal (((Secret *) g_ptr_array_index (secrets, i))->value, value))
      return;

  secret = g_new0 (Secret, 1);
  secret->value = g_strdup (value);
  secret->kind = kind;
  g_ptr_array_add (secrets, secret);
}

static void
add_authorization (GPtrArray  *secrets,
                   const char *authorization)
{
  const char *space = authorization != NULL ? strchr (authorization, ' ') : NULL;

  if (space == NULL)
    return;

  if (g_str_has_prefix (authorization, "Basic "))
    add_secret (secrets, space + 1, "the encoded client credentials");
  else
    add_secret (secrets, space + 1, "an access token sent in an Authorization header");
}

/* Every credential used so far: what the user typed, what the app sent and what the server
 * issued, and the marker that every account secret of the API contains. */
static GPtrArray *
collect_secrets (void)
{
  GPtrArray *secrets = g_ptr_array_new_with_free_func ((GDestroyNotify) secret_free);
  GPtrArray *requests = ringside_demo_server_get_requests (server);

  add_secret (secrets, pasted_rc_token, "the pasted RingCentral access token");
  add_secret (secrets, pasted_jwt, "the JWT");
  add_secret (secrets, RINGSIDE_DEMO_CLIENT_SECRET, "the client secret");
  add_secret (secrets, RINGSIDE_DEMO_SECRET_MARKER,
              "an account secret (crmPwd, ftpPwd, securityKey)");

  for (guint i = 0; i < requests->len; i++)
    {
      const RingsideDemoRequest *request = g_ptr_array_index (requests, i);

      add_secret (secrets, g_hash_table_lookup (request->form, "rcAccessToken"),
                  "a RingCentral access token sent to the exchange");
      add_secret (secrets, g_hash_table_lookup (request->form, "refresh_token"),
                  "a refresh token sent to renew the session");
      add_secret (secrets, g_hash_table_lookup (request->form, "assertion"),
                  "the JWT assertion sent to the platform");
      add_authorization (secrets, request->authorization);
      if (g_str_has_prefix (request->path, LOGOUT_PREFIX))
        add_secret (secrets, request->path + strlen (LOGOUT_PREFIX),
                    "the refresh token sent to sign out");
    }

  for (guint i = 0; i < issued_access_tokens->len; i++)
    add_secret (secrets, g_ptr_array_index (issued_access_tokens, i),
                "an access token the server issued");
  for (guint i = 0; i < issued_refresh_tokens->len; i++)
    add_secret (secrets, g_ptr_array_index (issued_refresh_tokens, i),
                "a refresh token the server issued");

  return secrets;
}

static gboolean
bytes_contain (const char *data,
               gsize       size,
               const char *needle)
{
  gsize needle_size = strlen (needle);
  const char *last;

  if (needle_size == 0 || size < needle_size)
    return FALSE;

  /* Not strstr(): files such as the keyring are binary. */
  last = data + size - needle_size;
  for (const char *p = data; p <= last; p++)
    {
      p = memchr (p, needle[0], (gsize) (last - p) + 1);
      if (p == NULL)
        return FALSE;
      if (memcmp (p, needle, needle_size) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Fails the test if @where holds any secret, naming each kind found, and carries on to find
 * the other places. */
static void
assert_no_secrets (const char *where,
                   const char *data,
                   gsize       size)
{
  g_autoptr(GPtrArray) secrets = collect_secrets ();
  guint n_found = 0;

  for (guint i = 0; i < secrets->len; i++)
    {
      const Secret *secret = g_ptr_array_index (secrets, i);

      if (bytes_contain (data, size, secret->value))
        {
          g_test_message ("%s holds %s", where, secret->kind);
          n_found++;
        }
    }

  if (n_found > 0)
    g_test_fail_printf ("%s holds %u of the secrets", where, n_found);
}

static void
assert_string_clean (const char *where,
                     const char *text)
{
  assert_no_secrets (where, text, strlen (text));
}

/* The server's side */

static gboolean
is_token_path (const char *path)
{
  return g_str_equal (path, PLATFORM_PATH)
         || g_str_equal (path, EXCHANGE_PATH)
         || g_str_equal (path, REFRESH_PATH);
}

static void
keep_member (JsonObject *object,
             const char *member,
             GPtrArray  *tokens)
{
  const char *value = json_object_get_string_member_with_default (object, member, NULL);

  if (value != NULL)
    g_ptr_array_add (tokens, g_strdup (value));
}

/* Reads the tokens out of every token response the server sends, including those the app
 * never sends back (the platform's refresh token, the last access token). */
static void
on_request_finished (SoupServer        *soup_server,
                     SoupServerMessage *message,
                     gpointer           user_data)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (message));
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonObject *object;
  gsize size;
  const char *data;

  if (!is_token_path (path))
    return;

  body = soup_message_body_flatten (soup_server_message_get_response_body (message));
  data = g_bytes_get_data (body, &size);
  parser = json_parser_new ();
  if (size == 0 || !json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return;

  object = json_node_get_object (root);
  keep_member (object, "access_token", issued_access_tokens);
  keep_member (object, "accessToken", issued_access_tokens);
  keep_member (object, "refresh_token", issued_refresh_tokens);
  keep_member (object, "refreshToken", issued_refresh_tokens);
}

/* Waiting */

/* The real widgets */

static RingsideSessionState
session_state (RingsideApplication *app)
{
  return ringside_session_get_state (ringside_application_get_session (app));
}

static gboolean
is_signed_out (gpointer data)
{
  return session_state (data) == RINGSIDE_SESSION_STATE_SIGNED_OUT;
}

typedef struct
{
  RingsideApplication *app;
  guint                refreshes;
} RefreshWait;

/* The server has received @refreshes renewals in all, and the app is signed in again: no
 * renewal is in flight, and the last one's refresh token is saved. */
static gboolean
refreshes_done (gpointer data)
{
  RefreshWait *wait = data;

  return ringside_demo_server_count_requests (server, REFRESH_PATH) >= wait->refreshes
         && ringside_test_ui_lists_are_shown (wait->app);
}

/* What the widgets show */

static void
append_text (GString    *text,
             const char *value)
{
  if (value != NULL)
    {
      g_string_append (text, value);
      g_string_append_c (text, '\n');
    }
}

/* The text of @widget and of everything inside it, shown or not: labels, fields, titles and
 * tooltips, popovers included. */
static void
append_widget_text (GString   *text,
                    GtkWidget *widget)
{
  append_text (text, gtk_widget_get_tooltip_text (widget));

  if (GTK_IS_LABEL (widget))
    {
      append_text (text, gtk_label_get_label (GTK_LABEL (widget)));
      append_text (text, gtk_label_get_text (GTK_LABEL (widget)));
    }
  else if (GTK_IS_INSCRIPTION (widget))
    append_text (text, gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
  else if (GTK_IS_EDITABLE (widget))
    append_text (text, gtk_editable_get_text (GTK_EDITABLE (widget)));
  else if (GTK_IS_WINDOW (widget))
    append_text (text, gtk_window_get_title (GTK_WINDOW (widget)));

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *content = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      content = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      append_text (text, content);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_widget_text (text, child);
}

static char *
widget_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  append_widget_text (text, widget);
  return g_string_free (text, FALSE);
}

static void
assert_toplevels_clean (const char *when)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l != NULL; l = l->next)
    {
      g_autofree char *text = widget_text (l->data);
      g_autofree char *where = g_strdup_printf ("A %s %s", G_OBJECT_TYPE_NAME (l->data), when);

      assert_string_clean (where, text);
    }
}

/* Runs after the dialog's own close handler, before it goes: the fields must be empty. */
static gboolean
on_dialog_close_request (GtkWindow *window,
                         gpointer   user_data)
{
  RingsideSignInDialog *dialog = RINGSIDE_SIGN_IN_DIALOG (window);
  const char * const secret_rows[] = { "token_row", "client_secret_row", "jwt_row" };
  g_autofree char *text = widget_text (GTK_WIDGET (dialog));

  for (guint i = 0; i < G_N_ELEMENTS (secret_rows); i++)
    if (*gtk_editable_get_text (ringside_test_ui_dialog_child (dialog, secret_rows[i])) != '\0')
      {
        g_test_message ("The sign-in dialog closed with its %s filled in", secret_rows[i]);
        g_test_fail ();
      }

  assert_string_clean ("The sign-in dialog, closing after signing in,", text);
  dialogs_checked++;

  return GDK_EVENT_PROPAGATE;
}

static void
append_object_strings (GString *text,
                       GObject *object)
{
  guint n_properties;
  g_autofree GParamSpec **properties =
    g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_properties);

  for (guint i = 0; i < n_properties; i++)
    {
      GType type = G_PARAM_SPEC_VALUE_TYPE (properties[i]);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *joined = NULL;

      if (!(properties[i]->flags & G_PARAM_READABLE))
        continue;

      if (type == G_TYPE_STRING)
        {
          g_value_init (&value, G_TYPE_STRING);
          g_object_get_property (object, properties[i]->name, &value);
          append_text (text, g_value_get_string (&value));
        }
      else if (type == G_TYPE_STRV)
        {
          g_value_init (&value, G_TYPE_STRV);
          g_object_get_property (object, properties[i]->name, &value);
          if (g_value_get_boxed (&value) != NULL)
            joined = g_strjoinv ("\n", g_value_get_boxed (&value));
          append_text (text, joined);
        }
    }
}

/* Every string the items of a list carry, shown or not. */
static void
assert_model_clean (const char *where,
                    GListModel *model)
{
  GString *text = g_string_new (NULL);
  guint n_items = g_list_model_get_n_items (model);

  g_assert_cmpuint (n_items, >, 0);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      append_object_strings (text, item);
    }

  assert_no_secrets (where, text->str, text->len);
  g_string_free (text, TRUE);
}

typedef const char *(*ItemName) (gpointer item);

static const char *
account_name (gpointer item)
{
  return ringside_account_get_name (item);
}

static const char *
user_name (gpointer item)
{
  return ringside_user_get_full_name (item);
}

typedef struct
{
  GtkWidget  *widget;
  GListModel *model;
  ItemName    item_name;
} RowsWait;

/* Some row of the model is on screen: its name is in the text of the widget. */
static gboolean
rows_are_shown (gpointer data)
{
  RowsWait *wait = data;
  g_autofree char *text = widget_text (wait->widget);

  for (guint i = 0; i < g_list_model_get_n_items (wait->model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (wait->model, i);

      if (strstr (text, wait->item_name (item)) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Shows @view, keeps frames coming until some of its rows are on screen, and checks what the
 * whole window shows then. */
static void
assert_view_clean (RingsideApplication *app,
                   const char          *view_name,
                   GListModel          *model,
                   ItemName             item_name)
{
  GtkWidget *window = GTK_WIDGET (ringside_test_ui_get_window (app));
  RowsWait wait = { window, model, item_name };
  g_autofree char *where = g_strdup_printf ("The window showing the %s", view_name);
  g_autofree char *text = NULL;
  guint id;

  gtk_widget_activate_action (window, "win.show-view", "s", view_name);
  id = gtk_widget_add_tick_callback (window, ringside_test_ui_keep_ticking, NULL, NULL);
  ringside_test_ui_wait_until (rows_are_shown, &wait, "rows on screen");
  gtk_widget_remove_tick_callback (window, id);

  text = widget_text (window);
  assert_string_clean (where, text);
}

static void
assert_widgets_clean (RingsideApplication *app)
{
  GtkWidget *accounts_view = ringside_test_ui_window_child (app, "accounts_view");
  GtkWidget *users_view = ringside_test_ui_window_child (app, "users_view");
  GListModel *accounts = ringside_list_view_get_model (RINGSIDE_LIST_VIEW (accounts_view));
  GListModel *users = ringside_list_view_get_model (RINGSIDE_LIST_VIEW (users_view));

  assert_view_clean (app, "accounts", accounts, account_name);
  assert_view_clean (app, "users", users, user_name);
  assert_toplevels_clean ("while signed in");

  assert_model_clean ("The accounts list", accounts);
  assert_model_clean ("The users list", users);
}

/* The clipboards */

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;

  /* An empty clipboard answers with an error: as clean as it gets. */
  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static void
assert_clipboard_clean (GdkClipboard *clipboard,
                        const char   *where)
{
  ClipboardRead read = { NULL, FALSE };

  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_read, &read);
  ringside_test_wait_for (&read.done, RINGSIDE_TEST_UI_WAIT_SECONDS);

  if (read.text != NULL)
    assert_string_clean (where, read.text);
  g_free (read.text);
}

static void
assert_clipboards_clean (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  assert_clipboard_clean (gdk_display_get_clipboard (display), "The clipboard");
  assert_clipboard_clean (gdk_display_get_primary_clipboard (display), "The primary selection");
}

/* Selecting what was pasted into a secret field, as one does to paste over it, hands the
 * field the primary selection: what it offers there must not be the secret. */
static void
assert_selection_clean (gpointer row)
{
  GdkClipboard *primary = gtk_widget_get_primary_clipboard (GTK_WIDGET (row));

  gtk_widget_grab_focus (GTK_WIDGET (row));
  gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
  g_assert_true (gdk_clipboard_is_local (primary));
  assert_clipboard_clean (primary, "The primary selection of a secret field");
}

/* The keyring */

/* Every item of every collection, whatever its schema, with its secret. */
static GList *
keyring_items (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  GList *items;

  g_assert_no_error (error);
  items = secret_service_search_sync (service, NULL, attributes,
                                      SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK
                                      | SECRET_SEARCH_LOAD_SECRETS,
                                      NULL, &error);
  g_assert_no_error (error);

  return items;
}

/* One item, the app's, for this server, holding the refresh token the server would accept
 * next. Compared without g_assert_cmpstr(), which would print the tokens. */
static void
assert_keyring_holds_current_token (const char *url)
{
  GList *items = keyring_items ();
  const char *latest = ringside_demo_server_get_latest_refresh_token (server);
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(SecretValue) value = NULL;
  SecretItem *item;

  g_assert_cmpuint (g_list_length (items), ==, 1);
  item = items->data;
  attributes = secret_item_get_attributes (item);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==,
                   ringside_token_store_get_schema ()->name);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "server"), ==, url);
  g_assert_cmpuint (g_hash_table_size (attributes), ==, 2);

  value = secret_item_get_secret (item);
  g_assert_nonnull (value);
  g_assert_true (g_strcmp0 (secret_value_get_text (value), latest) == 0);
  g_assert_true (ringside_demo_server_is_refresh_token_valid (server, latest));

  g_list_free_full (items, g_object_unref);
}

static void
assert_keyring_empty (void)
{
  GList *items = keyring_items ();

  g_assert_cmpuint (g_list_length (items), ==, 0);
  g_list_free_full (items, g_object_unref);
}

/* Files */

typedef struct
{
  GString *names;
  guint    n_files;
  guint    n_keyrings;
} FileScan;

/* Every regular file under @dir, links not followed. gnome-keyring's store is read too: it is
 * encrypted, so no token may show in it as plain text. */
static void
scan_directory (const char *dir,
                FileScan   *scan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      GStatBuf info;
      gsize size;

      /* A file replaced meanwhile (gnome-keyring writes atomically) is gone: nothing to read. */
      if (g_lstat (path, &info) != 0)
        continue;
      if (S_ISDIR (info.st_mode))
        {
          scan_directory (path, scan);
          continue;
        }
      if (!S_ISREG (info.st_mode))
        continue;

      if (!g_file_get_contents (path, &contents, &size, &error))
        {
          g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
          g_clear_error (&error);
          continue;
        }
      assert_no_secrets (path, contents, size);

      scan->n_files++;
      g_string_append_printf (scan->names, " %s", path);
      if (g_str_has_suffix (path, ".keyring") && strstr (path, "/keyrings/") != NULL)
        scan->n_keyrings++;
    }
}

static void
assert_files_clean (void)
{
  FileScan scan = { g_string_new (NULL), 0, 0 };

  scan_directory (g_get_home_dir (), &scan);
  scan_directory (g_get_user_runtime_dir (), &scan);

  /* At least the settings and the keyring's store were there to read. */
  g_assert_cmpuint (scan.n_files, >=, 2);
  g_assert_cmpuint (scan.n_keyrings, >=, 1);
  g_test_message ("Read %u files:%s", scan.n_files, scan.names->str);
  g_string_free (scan.names, TRUE);
}

/* Settings */

static char *
settings_keyfile_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
}

static void
assert_settings_clean (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  GString *text = g_string_new (NULL);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), >, 0);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *printed = g_variant_print (value, FALSE);

      g_string_append_printf (text, "%s=%s\n", keys[i], printed);
    }

  assert_no_secrets ("The settings", text->str, text->len);
  g_string_free (text, TRUE);
}

/* Exports */

static void
write_csv (GtkWidget  *view,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* What the Export action does once the file chooser has answered. */
  ringside_list_view_write_csv_async (RINGSIDE_LIST_VIEW (view), file, NULL,
                                      ringside_test_store_result, &result);
  result = ringside_test_wait_result (&result, RINGSIDE_TEST_UI_WAIT_SECONDS);
  ok = ringside_list_view_write_csv_finish (RINGSIDE_LIST_VIEW (view), result, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
assert_export_clean (const char *path,
                     guint       n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize size;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);

  /* A header and every row: the export is complete, so its cleanliness means something. */
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_rows + 2);

  assert_no_secrets (path, contents, size);
}

/* Steps of the scenario */

static void
sign_in_with_token (RingsideApplication *app)
{
  RingsideSignInDialog *dialog;
  guint checked = dialogs_checked;

  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_open, NULL, "the sign-in dialog");
  dialog = ringside_test_ui_sign_in_dialog ();
  g_signal_connect_after (dialog, "close-request", G_CALLBACK (on_dialog_close_request), NULL);

  gtk_toggle_button_set_active (ringside_test_ui_dialog_child (dialog, "token_toggle"), TRUE);
  gtk_editable_set_text (ringside_test_ui_dialog_child (dialog, "token_row"), pasted_rc_token);
  assert_selection_clean (ringside_test_ui_dialog_child (dialog, "token_row"));
  ringside_test_ui_activate_entry (ringside_test_ui_dialog_child (dialog, "token_row"));

  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_closed, NULL,
                               "the dialog to close");
  ringside_test_ui_wait_until (ringside_test_ui_lists_are_shown, app, "both lists");
  g_assert_cmpuint (dialogs_checked, ==, checked + 1);
}

static void
sign_in_with_jwt (RingsideApplication *app)
{
  RingsideSignInDialog *dialog;
  guint checked = dialogs_checked;

  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_open, NULL, "the sign-in dialog");
  dialog = ringside_test_ui_sign_in_dialog ();
  g_signal_connect_after (dialog, "close-request", G_CALLBACK (on_dialog_close_request), NULL);

  gtk_toggle_button_set_active (ringside_test_ui_dialog_child (dialog, "jwt_toggle"), TRUE);
  gtk_editable_set_text (ringside_test_ui_dialog_child (dialog, "client_id_row"),
                         RINGSIDE_DEMO_CLIENT_ID);
  gtk_editable_set_text (ringside_test_ui_dialog_child (dialog, "client_secret_row"),
                         RINGSIDE_DEMO_CLIENT_SECRET);
  gtk_editable_set_text (ringside_test_ui_dialog_child (dialog, "jwt_row"), pasted_jwt);
  assert_selection_clean (ringside_test_ui_dialog_child (dialog, "client_secret_row"));
  assert_selection_clean (ringside_test_ui_dialog_child (dialog, "jwt_row"));
  ringside_test_ui_activate_entry (ringside_test_ui_dialog_child (dialog, "jwt_row"));

  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_closed, NULL,
                               "the dialog to close");
  ringside_test_ui_wait_until (ringside_test_ui_lists_are_shown, app, "both lists");
  g_assert_cmpuint (dialogs_checked, ==, checked + 1);
  g_assert_cmpuint (ringside_demo_server_count_requests (server, PLATFORM_PATH), ==, 1);
}

/* Waits, without sleeping, until the access token has been renewed @count more times. */
static void
wait_for_refreshes (RingsideApplication *app,
                    guint                count)
{
  RefreshWait wait = { app, ringside_demo_server_count_requests (server, REFRESH_PATH) + count };

  ringside_test_ui_wait_until (refreshes_done, &wait, "the session to be renewed");
}

static void
sign_out (RingsideApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  ringside_test_ui_wait_until (ringside_test_ui_message_dialog_is_open, NULL, "the confirmation");
  ringside_test_ui_respond ("_Sign Out");
  ringside_test_ui_wait_until (ringside_test_ui_sign_in_dialog_is_open, NULL, "the sign-in dialog");
  ringside_test_ui_wait_until (is_signed_out, app, "the session to end");
}

static void
export_lists (RingsideApplication *app)
{
  GtkWidget *users_view = ringside_test_ui_window_child (app, "users_view");
  GtkWidget *accounts_view = ringside_test_ui_window_child (app, "accounts_view");

  write_csv (users_view, users_export_path);
  write_csv (accounts_view, accounts_export_path);

  assert_export_clean (users_export_path,
                       g_list_model_get_n_items (ringside_list_view_get_model (
                                                   RINGSIDE_LIST_VIEW (users_view))));
  assert_export_clean (accounts_export_path,
                       g_list_model_get_n_items (ringside_list_view_get_model (
                                                   RINGSIDE_LIST_VIEW (accounts_view))));
}

static gboolean
view_loaded (gpointer data)
{
  return !ringside_list_view_get_loading (data) &&
         ringside_list_view_get_session (data) != NULL &&
         g_list_model_get_n_items (ringside_list_view_get_model (data)) > 0;
}

/* A sub-account opened from its row: what its three views hold, show and export. Agents carry
 * secrets (password, sipPassword, phoneLoginPin), marked by the demo server. */
static void
check_contact_centre (RingsideApplication *app)
{
  GtkWidget *window = GTK_WIDGET (ringside_test_ui_get_window (app));
  GtkWidget *accounts_view = ringside_test_ui_window_child (app, "accounts_view");
  GtkWidget *page = ringside_test_ui_window_child (app, "sub_account_page");
  GListModel *accounts = ringside_list_view_get_model (RINGSIDE_LIST_VIEW (accounts_view));
  g_autofree char *account_id = ringside_demo_server_get_account_id (server, 2);
  g_autofree char *dir = g_path_get_dirname (users_export_path);
  const char *views[] = { "agents_view", "queues_view", "campaigns_view" };
  g_autofree char *text = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(RingsideAccount) account = g_list_model_get_item (accounts, i);

      if (g_strcmp0 (ringside_account_get_id (account), account_id) == 0)
        g_signal_emit_by_name (accounts_view, "item-activated", account);
    }
  g_assert_cmpstr (ringside_sub_account_page_get_account_id (RINGSIDE_SUB_ACCOUNT_PAGE (page)),
                   ==, account_id);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      RingsideListView *view =
        RINGSIDE_LIST_VIEW (gtk_widget_get_template_child (page, RINGSIDE_TYPE_SUB_ACCOUNT_PAGE,
                                                           views[i]));
      g_autofree char *name = g_strconcat (views[i], ".csv", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GListModel *model = ringside_list_view_get_model (view);

      ringside_test_ui_wait_until (view_loaded, view, "a contact-centre list");
      assert_model_clean (views[i], model);
      write_csv (GTK_WIDGET (view), path);
      assert_export_clean (path, g_list_model_get_n_items (model));
    }

  text = widget_text (window);
  assert_string_clean ("The window showing a sub-account", text);
  gtk_widget_activate_action (window, "win.go-back", NULL);
}

static void
check_signed_in (RingsideApplication *app)
{
  /* Not in the middle of a renewal, when the server is a token ahead of the keyring. */
  ringside_test_ui_wait_until (ringside_test_ui_lists_are_shown, app,
                               "the session to be signed in");
  assert_keyring_holds_current_token (ringside_demo_server_get_url (server));
  assert_widgets_clean (app);
  assert_clipboards_clean ();
  assert_settings_clean (ringside_application_get_settings (app));
  assert_files_clean ();
}

static void
check_signed_out (RingsideApplication *app)
{
  RingsideSignInDialog *dialog = ringside_test_ui_sign_in_dialog ();

  assert_keyring_empty ();

  /* The dialog asking to sign in again starts empty. */
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (ringside_test_ui_dialog_child (dialog, "token_row")), ==,
                   "");
  g_assert_cmpstr (gtk_editable_get_text (ringside_test_ui_dialog_child (dialog,
                                                                         "client_secret_row")),
                   ==, "");
  g_assert_cmpstr (gtk_editable_get_text (ringside_test_ui_dialog_child (dialog, "jwt_row")), ==,
                   "");
  assert_toplevels_clean ("after signing out");
  assert_clipboards_clean ();
}

static void
scenario (RingsideApplication *app)
{
  /* Tokens that expire fast, so that renewals happen while the lists show. */
  ringside_demo_server_set_token_lifetime (server, TOKEN_LIFETIME_SECONDS);
  /* Production never renews sooner than 30 s apart; here renewals must come every ~1.6 s. */
  ringside_session_set_renew_floor (ringside_application_get_session (app), 0);

  sign_in_with_token (app);
  wait_for_refreshes (app, 2);
  check_signed_in (app);
  sign_out (app);
  check_signed_out (app);

  sign_in_with_jwt (app);
  wait_for_refreshes (app, 1);
  export_lists (app);
  check_contact_centre (app);
  check_signed_in (app);
  sign_out (app);
  check_signed_out (app);
}

/* Running the application */

/* Tests, in this order: the first runs the app, the others search what it left. */

static guint
count_sign_outs (void)
{
  GPtrArray *requests = ringside_demo_server_get_requests (server);
  guint n = 0;

  for (guint i = 0; i < requests->len; i++)
    {
      const RingsideDemoRequest *request = g_ptr_array_index (requests, i);

      if (g_str_has_prefix (request->path, LOGOUT_PREFIX))
        n++;
    }

  return n;
}

static void
test_app_run (void)
{
  const char *url = ringside_demo_server_get_url (server);
  const char * const args[] = { "--server", url, "--platform-server", url, NULL };

  ringside_test_ui_run_app (args, scenario);

  /* Two sign-ins, three renewals at least, two sign-outs. */
  g_assert_cmpuint (ringside_demo_server_count_requests (server, EXCHANGE_PATH), ==, 2);
  g_assert_cmpuint (ringside_demo_server_count_requests (server, REFRESH_PATH), >=, 3);
  g_assert_cmpuint (count_sign_outs (), ==, 2);
  /* The token responses were read: the platform's, two exchanges, the renewals. */
  g_assert_cmpuint (issued_refresh_tokens->len, >=, 6);
  g_assert_cmpuint (issued_access_tokens->len, >=, 6);
  assert_keyring_empty ();
}

static void
test_log (void)
{
  /* Debug output was on and did arrive: the search below is not of an empty log. */
  g_autofree char *log = ringside_test_log_dup ();

  g_assert_nonnull (strstr (log, "Access token renewed"));
  assert_no_secrets ("The log", log, strlen (log));
}

static void
test_settings (void)
{
  g_autofree char *keyfile = settings_keyfile_path ();
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  g_settings_sync ();
  g_file_get_contents (keyfile, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "sign-in-method"));
  assert_no_secrets (keyfile, contents, size);

  assert_settings_clean (settings);
}

static void
test_files (void)
{
  assert_files_clean ();
}

static void
test_exports (void)
{
  g_autofree char *users = NULL;
  g_autofree char *accounts = NULL;

  g_file_get_contents (users_export_path, &users, NULL, NULL);
  g_file_get_contents (accounts_export_path, &accounts, NULL, NULL);
  g_assert_nonnull (users);
  g_assert_nonnull (accounts);

  /* Checked when written; the tokens of the renewals since then too. */
  assert_string_clean (users_export_path, users);
  assert_string_clean (accounts_export_path, accounts);
}

static void
test_clipboards (void)
{
  assert_clipboards_clean ();
}

/* Secrets that no test data contains by chance. */
static void
make_pasted_secrets (void)
{
  g_autofree char *nonce = g_uuid_string_random ();
  g_autofree char *signature = g_base64_encode ((const guchar *) nonce, strlen (nonce));

  pasted_rc_token = g_strconcat ("hygiene-rc-token-", nonce, NULL);
  /* Three base64url parts, as the demo platform requires of a JWT. */
  g_strdelimit (signature, "+/=", '_');
  pasted_jwt = g_strconcat ("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJoeWdpZW5lIn0.", signature, NULL);
}

static void
make_export_paths (void)
{
  const char *scratch = g_getenv ("RINGSIDE_TEST_SCRATCH");
  g_autofree char *dir = g_build_filename (scratch, "exports", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  users_export_path = g_build_filename (dir, "users.csv", NULL);
  accounts_export_path = g_build_filename (dir, "accounts.csv", NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *scratch = g_getenv ("RINGSIDE_TEST_SCRATCH");
  g_autoptr(GError) error = NULL;
  int status;

  /* Everything that gets logged or printed, as a user reporting a bug would run it. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  ringside_test_log_capture (RINGSIDE_TEST_LOG_ALL_FIELDS);
  g_set_print_handler (capture_print);
  g_set_printerr_handler (capture_printerr);

  /* The files under $HOME are searched: never those of a real user. */
  if (scratch == NULL || !g_str_has_prefix (g_get_home_dir (), scratch))
    {
      g_print ("1..0 # SKIP needs the throwaway home of tests/run-isolated.sh\n");
      return 0;
    }

  /* Settings in a file under the throwaway $XDG_CONFIG_HOME, where they can be read back. */
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  /* Software GL under Xvfb is slow enough to starve the main loop. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  gtk_test_init (&argc, &argv, NULL);
  /* The libraries' unstructured messages too, instead of the test framework's printing. */
  g_log_set_default_handler (g_log_default_handler, NULL);
  adw_init ();

  issued_access_tokens = g_ptr_array_new_with_free_func (g_free);
  issued_refresh_tokens = g_ptr_array_new_with_free_func (g_free);
  make_pasted_secrets ();
  make_export_paths ();

  server = ringside_demo_server_new ();
  if (!ringside_demo_server_start (server, &error))
    g_error ("Cannot start the demo server: %s", error->message);
  ringside_demo_server_accept_rc_token (server, pasted_rc_token);
  g_signal_connect (ringside_demo_server_get_soup_server (server), "request-finished",
                    G_CALLBACK (on_request_finished), NULL);

  g_test_add_func ("/secret-hygiene/app-run", test_app_run);
  g_test_add_func ("/secret-hygiene/log", test_log);
  g_test_add_func ("/secret-hygiene/settings", test_settings);
  g_test_add_func ("/secret-hygiene/files", test_files);
  g_test_add_func ("/secret-hygiene/exports", test_exports);
  g_test_add_func ("/secret-hygiene/clipboards", test_clipboards);

  status = g_test_run ();

  ringside_demo_server_stop (server);
  g_clear_object (&server);
  g_clear_pointer (&issued_access_tokens, g_ptr_array_unref);
  g_clear_pointer (&issued_refresh_tokens, g_ptr_array_unref);
  g_clear_pointer (&pasted_rc_token, g_free);
  g_clear_pointer (&pasted_jwt, g_free);
  g_clear_pointer (&users_export_path, g_free);
  g_clear_pointer (&accounts_export_path, g_free);

  return status;
}
