/* test-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>

#include "ringside-error.h"

static void
test_retry_after_survives_copy (void)
{
  g_autoptr(GError) error = ringside_error_new_rate_limited (17, "Slow down");
  g_autoptr(GError) copy = g_error_copy (error);

  g_assert_error (copy, RINGSIDE_ERROR, RINGSIDE_ERROR_RATE_LIMITED);
  g_assert_cmpuint (ringside_error_get_retry_after (error), ==, 17);
  g_assert_cmpuint (ringside_error_get_retry_after (copy), ==, 17);
  g_assert_cmpstr (copy->message, ==, "Slow down");
}

static void
test_retry_after_absent (void)
{
  g_autoptr(GError) plain = g_error_new_literal (RINGSIDE_ERROR, RINGSIDE_ERROR_RATE_LIMITED,
                                                 "No header");
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

  g_assert_cmpuint (ringside_error_get_retry_after (plain), ==, 0);
  g_assert_cmpuint (ringside_error_get_retry_after (other), ==, 0);
  g_assert_cmpuint (ringside_error_get_retry_after (NULL), ==, 0);
}

static void
test_transient (void)
{
  const struct { RingsideError code; gboolean transient; } cases[] = {
    { RINGSIDE_ERROR_NETWORK, TRUE },
    { RINGSIDE_ERROR_TIMEOUT, TRUE },
    { RINGSIDE_ERROR_RATE_LIMITED, TRUE },
    { RINGSIDE_ERROR_SERVER, TRUE },
    { RINGSIDE_ERROR_UNAUTHORIZED, FALSE },
    { RINGSIDE_ERROR_SESSION_REJECTED, FALSE },
    { RINGSIDE_ERROR_TLS, FALSE },
    { RINGSIDE_ERROR_BAD_RESPONSE, FALSE },
    { RINGSIDE_ERROR_KEYRING, FALSE },
    { RINGSIDE_ERROR_CONFLICT, FALSE },
    { RINGSIDE_ERROR_BUSY, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (RINGSIDE_ERROR, cases[i].code, "x");

      g_assert_cmpint (ringside_error_is_transient (error), ==, cases[i].transient);
    }

  g_assert_false (ringside_error_is_transient (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/error/retry-after/copy", test_retry_after_survives_copy);
  g_test_add_func ("/error/retry-after/absent", test_retry_after_absent);
  g_test_add_func ("/error/transient", test_transient);

  return g_test_run ();
}
