/* test-server.c
 *
 * The server choice: which URLs Ringside accepts, how it writes them, and where the kinds of
 * the settings lead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ringside-error.h"
#include "ringside-server.h"
#include "ringside-test-utils.h"

static void
test_check_url (void)
{
  const struct { const char *url; gboolean ok; int code; } cases[] = {
    { "https://ringcx.ringcentral.com", TRUE, 0 },
    { "https://engage.ringcentral.com/", TRUE, 0 },
    { "http://127.0.0.1:8080", TRUE, 0 },
    { "http://127.1.2.3", TRUE, 0 },
    { "http://localhost:9000/x", TRUE, 0 },
    { "http://[::1]:9000", TRUE, 0 },
    /* Escapes that decode to no text are the path's business, not the check's (fuzzing). */
    { "https://host.example//x%D0%CE:4000", TRUE, 0 },
    { "http://ringcx.ringcentral.com", FALSE, RINGSIDE_ERROR_INSECURE_URL },
    { "http://192.168.1.10", FALSE, RINGSIDE_ERROR_INSECURE_URL },
    { "http://localhost.example.com", FALSE, RINGSIDE_ERROR_INSECURE_URL },
    { "ftp://ringcx.ringcentral.com", FALSE, RINGSIDE_ERROR_INVALID_INPUT },
    { "not a url", FALSE, RINGSIDE_ERROR_INVALID_INPUT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = ringside_server_check_url (cases[i].url, &error);

      if (ok != cases[i].ok)
        g_error ("%s: expected %s", cases[i].url, cases[i].ok ? "accepted" : "refused");
      if (!ok)
        g_assert_error (error, RINGSIDE_ERROR, cases[i].code);
    }
}

static void
test_normalize (void)
{
  const struct { const char *input; const char *output; int code; } cases[] = {
    { "ringcx.ringcentral.com", "https://ringcx.ringcentral.com", 0 },
    { "  https://engage.ringcentral.com/  ", "https://engage.ringcentral.com", 0 },
    { "https://host.example:8443/base///", "https://host.example:8443/base", 0 },
    { "http://127.0.0.1:4000/", "http://127.0.0.1:4000", 0 },
    { "http://[::1]:4000", "http://[::1]:4000", 0 },
    { "HTTPS://RingCX.RingCentral.COM/", "https://ringcx.ringcentral.com", 0 },
    { "http://LocalHost:4000", "http://localhost:4000", 0 },
    { "https://ringcx.ringcentral.com:443", "https://ringcx.ringcentral.com", 0 },
    { "https://host.example/a%20b/", "https://host.example/a%20b", 0 },
    { "https://bücher.example", "https://xn--bcher-kva.example", 0 },
    { "", NULL, RINGSIDE_ERROR_INVALID_INPUT },
    { "   ", NULL, RINGSIDE_ERROR_INVALID_INPUT },
    { "https://", NULL, RINGSIDE_ERROR_INVALID_INPUT },
    { "http://ringcx.ringcentral.com", NULL, RINGSIDE_ERROR_INSECURE_URL },
    { "ftp://ringcx.ringcentral.com", NULL, RINGSIDE_ERROR_INVALID_INPUT },
    /* Dropped silently, these would sign in elsewhere than what was typed says. */
    { "https://admin:secret@ringcx.ringcentral.com", NULL, RINGSIDE_ERROR_INVALID_INPUT },
    { "https://host.example:8443/base?q=1", NULL, RINGSIDE_ERROR_INVALID_INPUT },
    { "https://host.example/#frag", NULL, RINGSIDE_ERROR_INVALID_INPUT },
    { "https://host.example/?", NULL, RINGSIDE_ERROR_INVALID_INPUT },
    { "https://host.example/a b", NULL, RINGSIDE_ERROR_INVALID_INPUT },
    { "https://host.example/a\tb", NULL, RINGSIDE_ERROR_INVALID_INPUT },
    { "https://host.example/\xc3\xa9", "https://host.example/%C3%A9", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = ringside_server_normalize_url (cases[i].input, &error);

      g_test_message ("%s", cases[i].input);
      g_assert_cmpstr (normalized, ==, cases[i].output);
      if (cases[i].output == NULL)
        {
          g_assert_error (error, RINGSIDE_ERROR, cases[i].code);
          /* Each refusal has a sentence for the UI. */
          g_assert_nonnull (ringside_server_describe_url_error (error));
        }
      else
        {
          g_autofree char *again = NULL;

          g_assert_no_error (error);
          again = ringside_server_normalize_url (normalized, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (again, ==, normalized);
        }
    }
}

static void
test_resolve_kind (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ringcx = ringside_server_kind_resolve_url (RINGSIDE_SERVER_KIND_RINGCX,
                                                               "ignored", NULL);
  g_autofree char *engage = ringside_server_kind_resolve_url (RINGSIDE_SERVER_KIND_ENGAGE,
                                                               NULL, NULL);
  g_autofree char *custom = ringside_server_kind_resolve_url (RINGSIDE_SERVER_KIND_CUSTOM,
                                                               "ringcx.example.com/", NULL);
  g_autofree char *none = ringside_server_kind_resolve_url (RINGSIDE_SERVER_KIND_CUSTOM,
                                                             NULL, &error);

  g_assert_cmpstr (ringcx, ==, RINGSIDE_DEFAULT_SERVER_URL);
  g_assert_cmpstr (engage, ==, RINGSIDE_LEGACY_SERVER_URL);
  g_assert_cmpstr (custom, ==, "https://ringcx.example.com");
  g_assert_null (none);
  g_assert_error (error, RINGSIDE_ERROR, RINGSIDE_ERROR_INVALID_INPUT);
}

static void
test_describe_error (void)
{
  g_autoptr(GError) insecure = NULL;
  g_autoptr(GError) invalid = NULL;

  g_assert_null (ringside_server_normalize_url ("http://ringcx.example.com", &insecure));
  g_assert_null (ringside_server_normalize_url ("https://a@b", &invalid));
  g_assert_cmpstr (ringside_server_describe_url_error (insecure), ==,
                   "Use an https:// address. Plain http:// only works for this computer.");
  g_assert_cmpstr (ringside_server_describe_url_error (invalid), ==,
                   "Enter a web address such as https://ringcx.example.com.");
}

static void
test_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.ringside.Ringside");
  g_autofree char *url = NULL;
  g_autofree char *stored = NULL;

  url = ringside_server_dup_settings_url (settings);
  g_assert_cmpstr (url, ==, RINGSIDE_DEFAULT_SERVER_URL);
  g_clear_pointer (&url, g_free);

  ringside_server_save_choice (settings, RINGSIDE_SERVER_KIND_CUSTOM, "https://ringcx.example.com");
  g_assert_cmpint (g_settings_get_enum (settings, "server-kind"), ==, RINGSIDE_SERVER_KIND_CUSTOM);
  url = ringside_server_dup_settings_url (settings);
  g_assert_cmpstr (url, ==, "https://ringcx.example.com");
  g_clear_pointer (&url, g_free);

  /* A known server keeps the custom address for next time. */
  ringside_server_save_choice (settings, RINGSIDE_SERVER_KIND_ENGAGE, NULL);
  url = ringside_server_dup_settings_url (settings);
  g_assert_cmpstr (url, ==, RINGSIDE_LEGACY_SERVER_URL);
  stored = g_settings_get_string (settings, "custom-server-url");
  g_assert_cmpstr (stored, ==, "https://ringcx.example.com");
  g_clear_pointer (&url, g_free);

  /* An address edited by hand into something unusable: the default, with a warning. */
  g_settings_set_string (settings, "custom-server-url", "http://ringcx.example.com");
  g_settings_set_enum (settings, "server-kind", RINGSIDE_SERVER_KIND_CUSTOM);
  ringside_test_log_expect (G_LOG_LEVEL_WARNING, "Ignoring the custom server URL");
  url = ringside_server_dup_settings_url (settings);
  ringside_test_log_assert_expected ();
  g_assert_cmpstr (url, ==, RINGSIDE_DEFAULT_SERVER_URL);
}

int
main (int   argc,
      char *argv[])
{
  ringside_test_log_capture (RINGSIDE_TEST_LOG_MESSAGES);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/url/check", test_check_url);
  g_test_add_func ("/server/url/normalize", test_normalize);
  g_test_add_func ("/server/kind/resolve", test_resolve_kind);
  g_test_add_func ("/server/url/describe-error", test_describe_error);
  g_test_add_func ("/server/settings", test_settings);

  return g_test_run ();
}
