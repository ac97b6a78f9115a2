/* test-server-group.c
 *
 * The server picker of the sign-in dialog and the preferences, alone in a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ringside-server-group.h"

typedef struct
{
  GtkWindow           *window;
  RingsideServerGroup *group;
  guint                url_changes;
  guint                kind_changes;
  guint                activations;
} Fixture;

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->group), RINGSIDE_TYPE_SERVER_GROUP,
                                        name);
}

static gboolean
is_shown (Fixture    *fixture,
          const char *name)
{
  return gtk_widget_get_visible (child (fixture, name));
}

static gboolean
has_error (Fixture *fixture)
{
  return gtk_widget_has_css_class (child (fixture, "custom_url_row"), "error");
}

static gboolean
address_has_focus (Fixture *fixture)
{
  GtkWidget *focus = gtk_window_get_focus (fixture->window);

  return focus != NULL && gtk_widget_is_ancestor (focus, child (fixture, "custom_url_row"));
}

static void
count (guint *counter)
{
  (*counter)++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->group = ringside_server_group_new ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->group));
  g_signal_connect_swapped (fixture->group, "notify::url", G_CALLBACK (count),
                            &fixture->url_changes);
  g_signal_connect_swapped (fixture->group, "notify::kind", G_CALLBACK (count),
                            &fixture->kind_changes);
  g_signal_connect_swapped (fixture->group, "activated", G_CALLBACK (count),
                            &fixture->activations);

  gtk_window_present (fixture->window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->group)))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_set_focus (fixture->window, NULL);
  gtk_window_destroy (fixture->window);
}

static void
test_known_servers (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *url = NULL;
  RingsideServerKind kind;

  g_assert_cmpint (ringside_server_group_get_kind (fixture->group), ==,
                   RINGSIDE_SERVER_KIND_RINGCX);
  g_assert_cmpstr (ringside_server_group_get_url (fixture->group), ==,
                   RINGSIDE_DEFAULT_SERVER_URL);
  g_assert_true (is_shown (fixture, "server_row"));
  g_assert_false (is_shown (fixture, "custom_url_row"));
  g_assert_false (is_shown (fixture, "fixed_server_row"));
  g_assert_false (is_shown (fixture, "url_error_label"));

  /* A custom address does not matter until "Custom" is chosen. */
  ringside_server_group_set_custom_url (fixture->group, "http://not-used.example.com");
  g_assert_false (is_shown (fixture, "url_error_label"));
  g_assert_cmpstr (ringside_server_group_get_url (fixture->group), ==,
                   RINGSIDE_DEFAULT_SERVER_URL);

  g_object_set (fixture->group, "kind", RINGSIDE_SERVER_KIND_ENGAGE, NULL);
  g_object_get (fixture->group, "kind", &kind, "url", &url, NULL);
  g_assert_cmpint (kind, ==, RINGSIDE_SERVER_KIND_ENGAGE);
  g_assert_cmpstr (url, ==, RINGSIDE_LEGACY_SERVER_URL);
  g_assert_cmpuint (fixture->kind_changes, ==, 1);
  g_assert_cmpuint (fixture->url_changes, ==, 1);
  /* Chosen by code: nothing moves the focus. */
  g_assert_false (address_has_focus (fixture));
}

static void
test_custom_address (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkLabel *error_label = child (fixture, "url_error_label");

  /* Chosen by the user, with no address yet: the address is to be typed next, and an empty
   * one is unfinished rather than wrong. */
  adw_combo_row_set_selected (child (fixture, "server_row"), RINGSIDE_SERVER_KIND_CUSTOM);
  g_assert_cmpint (ringside_server_group_get_kind (fixture->group), ==,
                   RINGSIDE_SERVER_KIND_CUSTOM);
  g_assert_true (is_shown (fixture, "custom_url_row"));
  g_assert_true (address_has_focus (fixture));
  g_assert_null (ringside_server_group_get_url (fixture->group));
  g_assert_false (has_error (fixture));
  g_assert_false (is_shown (fixture, "url_error_label"));

  /* Plain http to another computer: said inline, and not usable. */
  gtk_editable_set_text (child (fixture, "custom_url_row"), "http://ringcx.example.com");
  g_assert_true (has_error (fixture));
  g_assert_true (is_shown (fixture, "url_error_label"));
  g_assert_cmpstr (gtk_label_get_label (error_label), ==,
                   "Use an https:// address. Plain http:// only works for this computer.");
  g_assert_null (ringside_server_group_get_url (fixture->group));

  gtk_editable_set_text (child (fixture, "custom_url_row"), "https://a:b@ringcx.example.com");
  g_assert_cmpstr (gtk_label_get_label (error_label), ==,
                   "Enter a web address such as https://ringcx.example.com.");

  /* Usable: normalized, and the error goes. */
  fixture->url_changes = 0;
  gtk_editable_set_text (child (fixture, "custom_url_row"), " RingCX.Example.com/ ");
  g_assert_cmpstr (ringside_server_group_get_url (fixture->group), ==,
                   "https://ringcx.example.com");
  g_assert_cmpstr (ringside_server_group_get_custom_url (fixture->group), ==,
                   " RingCX.Example.com/ ");
  g_assert_cmpuint (fixture->url_changes, ==, 1);
  g_assert_false (has_error (fixture));
  g_assert_false (is_shown (fixture, "url_error_label"));

  /* Another known server hides the address and its error. */
  gtk_editable_set_text (child (fixture, "custom_url_row"), "ftp://x");
  g_assert_true (is_shown (fixture, "url_error_label"));
  ringside_server_group_set_kind (fixture->group, RINGSIDE_SERVER_KIND_RINGCX);
  g_assert_false (is_shown (fixture, "custom_url_row"));
  g_assert_false (is_shown (fixture, "url_error_label"));
}

static void
test_activated (Fixture       *fixture,
                gconstpointer  data)
{
  AdwEntryRow *row = child (fixture, "custom_url_row");

  ringside_server_group_set_kind (fixture->group, RINGSIDE_SERVER_KIND_CUSTOM);
  gtk_editable_set_text (GTK_EDITABLE (row), "http://ringcx.example.com");
  gtk_window_set_focus (fixture->window, NULL);

  /* Enter on an unusable address keeps the focus there and confirms nothing. */
  g_signal_emit_by_name (row, "entry-activated");
  g_assert_cmpuint (fixture->activations, ==, 0);
  g_assert_true (address_has_focus (fixture));

  gtk_editable_set_text (GTK_EDITABLE (row), "https://ringcx.example.com");
  g_signal_emit_by_name (row, "entry-activated");
  g_assert_cmpuint (fixture->activations, ==, 1);

  /* The preferences confirm with the apply button. */
  g_object_set (fixture->group, "show-apply-button", TRUE, NULL);
  g_assert_true (adw_entry_row_get_show_apply_button (row));
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpuint (fixture->activations, ==, 2);
}

static void
test_fixed (Fixture       *fixture,
            gconstpointer  data)
{
  AdwActionRow *fixed_row = child (fixture, "fixed_server_row");

  ringside_server_group_set_kind (fixture->group, RINGSIDE_SERVER_KIND_CUSTOM);
  ringside_server_group_set_custom_url (fixture->group, "http://ringcx.example.com");
  ringside_server_group_show_fixed (fixture->group, "Demo Server", "http://127.0.0.1:4000");

  g_assert_true (is_shown (fixture, "fixed_server_row"));
  g_assert_false (is_shown (fixture, "server_row"));
  g_assert_false (is_shown (fixture, "custom_url_row"));
  g_assert_false (is_shown (fixture, "url_error_label"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (fixed_row)), ==,
                   "Demo Server");
  g_assert_cmpstr (adw_action_row_get_subtitle (fixed_row), ==, "http://127.0.0.1:4000");
  g_assert_false (ringside_server_group_focus_address (fixture->group));

  /* Nothing typed later brings the picker back. */
  ringside_server_group_set_custom_url (fixture->group, "ftp://x");
  g_assert_false (is_shown (fixture, "custom_url_row"));
  g_assert_false (is_shown (fixture, "url_error_label"));

  ringside_server_group_show_fixed (fixture->group, NULL, "https://ringcx.example.com");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (fixed_row)), ==,
                   "RingCX Server");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  adw_init ();

  g_test_add ("/server-group/known-servers", Fixture, NULL, fixture_set_up, test_known_servers,
              fixture_tear_down);
  g_test_add ("/server-group/custom-address", Fixture, NULL, fixture_set_up,
              test_custom_address, fixture_tear_down);
  g_test_add ("/server-group/activated", Fixture, NULL, fixture_set_up, test_activated,
              fixture_tear_down);
  g_test_add ("/server-group/fixed", Fixture, NULL, fixture_set_up, test_fixed,
              fixture_tear_down);

  return g_test_run ();
}
