/* ringside-token-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-error.h"
#include "ringside-token-store.h"

/* The keyring contract (documented in the README): one item per RingCX server, holding the
 * current refresh token and nothing else. */
static const SecretSchema session_schema = {
  "io.github.ringside.Ringside.Session",
  SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

struct _RingsideTokenStore
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (RingsideTokenStore, ringside_token_store, G_TYPE_OBJECT)

static void
ringside_token_store_class_init (RingsideTokenStoreClass *klass)
{
}

static void
ringside_token_store_init (RingsideTokenStore *self)
{
}

const SecretSchema *
ringside_token_store_get_schema (void)
{
  return &session_schema;
}

RingsideTokenStore *
ringside_token_store_new (void)
{
  return g_object_new (RINGSIDE_TYPE_TOKEN_STORE, NULL);
}

/* libsecret reports a missing service, a locked collection and a dismissed prompt in several
 * domains; the user only needs to know the keyring could not be used. */
static GError *
keyring_error (const char   *doing,
               const GError *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (cause);

  if (cause == NULL)
    return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_KEYRING,
                        "The system keyring could not %s: it is locked or the unlock prompt "
                        "was dismissed.", doing);

  return g_error_new (RINGSIDE_ERROR, RINGSIDE_ERROR_KEYRING,
                      "The system keyring could not %s (%s).", doing, cause->message);
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, keyring_error ("save the session", error));
  else
    g_task_return_boolean (task, TRUE);
}

void
ringside_token_store_save_async (RingsideTokenStore  *self,
                                 const char          *server,
                                 const char          *refresh_token,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (RINGSIDE_IS_TOKEN_STORE (self));
  g_return_if_fail (server != NULL);
  g_return_if_fail (refresh_token != NULL && *refresh_token != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_token_store_save_async);

  label = g_strdup_printf ("Ringside session (%s)", server);
  /* Storing with the same attributes replaces the previous item, so the keyring never holds
   * two tokens for one server. */
  secret_password_store (&session_schema, SECRET_COLLECTION_DEFAULT, label, refresh_token,
                         cancellable, on_stored, g_steal_pointer (&task),
                         "server", server,
                         NULL);
}

gboolean
ringside_token_store_save_finish (RingsideTokenStore  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, keyring_error ("read the saved session", error));
      return;
    }

  g_task_return_pointer (task, g_strdup (secret), g_free);
  secret_password_free (secret);
}

void
ringside_token_store_lookup_async (RingsideTokenStore  *self,
                                   const char          *server,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RINGSIDE_IS_TOKEN_STORE (self));
  g_return_if_fail (server != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_token_store_lookup_async);

  secret_password_lookup (&session_schema, cancellable, on_looked_up, task,
                          "server", server,
                          NULL);
}

char *
ringside_token_store_lookup_finish (RingsideTokenStore  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error only means there was nothing to remove. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, keyring_error ("remove the saved session", error));
  else
    g_task_return_boolean (task, TRUE);
}

void
ringside_token_store_clear_async (RingsideTokenStore  *self,
                                  const char          *server,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RINGSIDE_IS_TOKEN_STORE (self));
  g_return_if_fail (server != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ringside_token_store_clear_async);

  secret_password_clear (&session_schema, cancellable, on_cleared, task,
                         "server", server,
                         NULL);
}

gboolean
ringside_token_store_clear_finish (RingsideTokenStore  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
