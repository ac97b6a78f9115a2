/* test-token-store.c
 *
 * The keyring contract, against a real gnome-keyring-daemon on a private session bus (see
 * run-isolated.sh --keyring), and against no keyring at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "ringside-error.h"
#include "ringside-token-store.h"
#include "ringside-test-utils.h"

#define SERVER_A "https://ringcx.ringcentral.com"
#define SERVER_B "http://127.0.0.1:4567"

static gboolean
save (RingsideTokenStore  *store,
      const char          *server,
      const char          *token,
      GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;

  ringside_token_store_save_async (store, server, token, NULL, ringside_test_store_result,
                                   &pending);
  result = ringside_test_wait_result (&pending, 30);
  return ringside_token_store_save_finish (store, result, error);
}

static char *
lookup (RingsideTokenStore  *store,
        const char          *server,
        GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;

  ringside_token_store_lookup_async (store, server, NULL, ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);
  return ringside_token_store_lookup_finish (store, result, error);
}

static gboolean
clear (RingsideTokenStore  *store,
       const char          *server,
       GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;

  ringside_token_store_clear_async (store, server, NULL, ringside_test_store_result, &pending);
  result = ringside_test_wait_result (&pending, 30);
  return ringside_token_store_clear_finish (store, result, error);
}

/* Reads the keyring with libsecret directly, not through the code under test. */
static GList *
items_for (const char *server)
{
  g_autoptr(GHashTable) attributes = secret_attributes_build (ringside_token_store_get_schema (),
                                                              "server", server, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS,
                                                              NULL, &error);
  GList *items;

  g_assert_no_error (error);
  items = secret_service_search_sync (service, ringside_token_store_get_schema (), attributes,
                                      SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK |
                                      SECRET_SEARCH_LOAD_SECRETS,
                                      NULL, &error);
  g_assert_no_error (error);
  return items;
}

static void
test_save_lookup_clear (void)
{
  g_autoptr(RingsideTokenStore) store = ringside_token_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *found = NULL;
  g_autofree char *after_clear = NULL;

  missing = lookup (store, SERVER_A, &error);
  g_assert_no_error (error);
  g_assert_null (missing);

  g_assert_true (save (store, SERVER_A, "refresh-one", &error));
  g_assert_no_error (error);

  found = lookup (store, SERVER_A, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "refresh-one");

  g_assert_true (clear (store, SERVER_A, &error));
  g_assert_no_error (error);
  after_clear = lookup (store, SERVER_A, &error);
  g_assert_no_error (error);
  g_assert_null (after_clear);

  /* Clearing nothing is not an error. */
  g_assert_true (clear (store, SERVER_A, &error));
  g_assert_no_error (error);
}

static void
test_contract (void)
{
  g_autoptr(RingsideTokenStore) store = ringside_token_store_new ();
  g_autoptr(GError) error = NULL;
  GList *items;
  SecretItem *item;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  g_autofree char *schema_name = NULL;

  g_assert_true (save (store, SERVER_A, "first-token", &error));
  g_assert_no_error (error);
  save (store, SERVER_A, "rotated-token", &error);
  g_assert_no_error (error);

  /* One item per server, replaced in place on rotation. */
  items = items_for (SERVER_A);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  item = items->data;

  label = secret_item_get_label (item);
  g_assert_cmpstr (label, ==, "Ringside session (" SERVER_A ")");
  schema_name = secret_item_get_schema_name (item);
  g_assert_cmpstr (schema_name, ==, "io.github.ringside.Ringside.Session");

  attributes = secret_item_get_attributes (item);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "server"), ==, SERVER_A);

  value = secret_item_get_secret (item);
  g_assert_nonnull (value);
  g_assert_cmpstr (secret_value_get_text (value), ==, "rotated-token");

  g_list_free_full (items, g_object_unref);
  g_assert_true (clear (store, SERVER_A, &error));
}

static void
test_servers_are_separate (void)
{
  g_autoptr(RingsideTokenStore) store = ringside_token_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *b_after = NULL;

  g_assert_true (save (store, SERVER_A, "token-for-a", &error));
  g_assert_true (save (store, SERVER_B, "token-for-b", &error));
  g_assert_no_error (error);

  a = lookup (store, SERVER_A, &error);
  b = lookup (store, SERVER_B, &error);
  g_assert_cmpstr (a, ==, "token-for-a");
  g_assert_cmpstr (b, ==, "token-for-b");

  g_assert_true (clear (store, SERVER_A, &error));
  b_after = lookup (store, SERVER_B, &error);
  g_assert_cmpstr (b_after, ==, "token-for-b");
  g_assert_true (clear (store, SERVER_B, &error));
}

static void
test_locked_keyring (void)
{
  g_autoptr(RingsideTokenStore) store = ringside_token_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  GList *objects;
  GList *locked = NULL;
  g_autofree char *found = NULL;

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);

  objects = g_list_append (NULL, collection);
  secret_service_lock_sync (service, objects, NULL, &locked, &error);
  g_list_free (objects);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (locked), ==, 1);
  g_list_free_full (locked, g_object_unref);
  g_assert_true (secret_collection_get_locked (collection));

  /* Nobody can answer the unlock prompt here: the store must fail, clearly, not hang. */
  g_assert_false (save (store, SERVER_A, "token-while-locked", &error));
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_KEYRING);
  g_assert_nonnull (strstr (error->message, "keyring"));
  g_clear_error (&error);

  found = lookup (store, SERVER_A, &error);
  g_assert_null (found);
}

static void
test_no_keyring_service (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(RingsideTokenStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *found = NULL;

      /* Before libsecret connects: a session bus without any Secret Service. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ringside-bus", TRUE);
      store = ringside_token_store_new ();

      g_assert_false (save (store, SERVER_A, "token-without-keyring", &error));
      g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_KEYRING);
      g_clear_error (&error);

      found = lookup (store, SERVER_A, &error);
      g_assert_null (found);
      g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_KEYRING);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/token-store/save-lookup-clear", test_save_lookup_clear);
  g_test_add_func ("/token-store/contract", test_contract);
  g_test_add_func ("/token-store/servers-are-separate", test_servers_are_separate);
  g_test_add_func ("/token-store/no-keyring-service", test_no_keyring_service);
  /* Last: it leaves the default collection locked. */
  g_test_add_func ("/token-store/locked", test_locked_keyring);

  return g_test_run ();
}
