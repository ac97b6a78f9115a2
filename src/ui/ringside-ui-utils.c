/* ringside-ui-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ringside-list-loader.h"
#include "ringside-error.h"
#include "ringside-ui-utils.h"

char *
ringside_format_count (guint n)
{
  /* The ' flag groups thousands the way LC_NUMERIC says. */
  return g_strdup_printf ("%'u", n);
}

/* g_date_time_to_local() looks the local time zone up again on every call (a readlink() of
 * /etc/localtime), which showed in the time a list takes to draw its rows. Dates in lists
 * are shown to the day; a time zone change while the app runs shows on the next start. */
static GTimeZone *
local_time_zone (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    g_once_init_leave (&zone, g_time_zone_new_local ());

  return zone;
}

static GDateTime *
to_local (GDateTime *date)
{
  return g_date_time_to_timezone (date, local_time_zone ());
}

char *
ringside_format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup ("");

  local = to_local (date);
  /* Translators: a date in a list column, e.g. "Jan 5, 2024"; see g_date_time_format() */
  return g_date_time_format (local, _("%b %-d, %Y"));
}

char *
ringside_format_iso_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup ("");

  local = to_local (date);
  return g_date_time_format (local, "%Y-%m-%d");
}

int
ringside_compare_dates (GDateTime *a,
                        GDateTime *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return g_date_time_compare (a, b);
}

void
ringside_column_set_compare_func (GtkColumnViewColumn *column,
                                  GCompareDataFunc     compare,
                                  gpointer             user_data)
{
  g_autoptr(GtkCustomSorter) sorter = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (compare != NULL);

  sorter = gtk_custom_sorter_new (compare, user_data, NULL);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

static char *
describe_rate_limit (const GError *error)
{
  guint seconds = ringside_error_get_retry_after (error);

  if (seconds == 0)
    return g_strdup (_("RingCX is busy. Try again in a minute."));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "RingCX is busy. Try again in %u second.",
                                       "RingCX is busy. Try again in %u seconds.",
                                       seconds),
                          seconds);
}

char *
ringside_describe_load_error (const GError  *error,
                              const char    *forbidden_message,
                              const char   **icon_name)
{
  const char *icon = "dialog-error-symbolic";
  char *text = NULL;

  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (forbidden_message != NULL, NULL);

  if (error->domain == RINGSIDE_ERROR)
    {
      switch ((RingsideError) error->code)
        {
        case RINGSIDE_ERROR_NETWORK:
          icon = "network-offline-symbolic";
          text = g_strdup (_("Ringside could not reach the RingCX server. Check your internet "
                             "connection."));
          break;

        case RINGSIDE_ERROR_TIMEOUT:
          icon = "network-offline-symbolic";
          text = g_strdup (_("The RingCX server took too long to answer."));
          break;

        case RINGSIDE_ERROR_TLS:
          icon = "channel-insecure-symbolic";
          text = g_strdup (_("The server’s security certificate is not trusted, so Ringside "
                             "did not connect."));
          break;

        case RINGSIDE_ERROR_INSECURE_URL:
          icon = "channel-insecure-symbolic";
          text = g_strdup (_("The server address must start with https://. Change it in "
                             "Preferences."));
          break;

        case RINGSIDE_ERROR_UNAUTHORIZED:
        case RINGSIDE_ERROR_TOKEN_EXPIRED:
        case RINGSIDE_ERROR_SESSION_REJECTED:
        case RINGSIDE_ERROR_NO_SESSION:
          icon = "system-lock-screen-symbolic";
          text = g_strdup (_("Your session has ended. Sign in again."));
          break;

        case RINGSIDE_ERROR_FORBIDDEN:
          icon = "action-unavailable-symbolic";
          text = g_strdup (forbidden_message);
          break;

        case RINGSIDE_ERROR_NOT_FOUND:
          text = g_strdup (_("The server does not offer this list. Check the server address "
                             "in Preferences."));
          break;

        case RINGSIDE_ERROR_RATE_LIMITED:
          icon = "preferences-system-time-symbolic";
          text = describe_rate_limit (error);
          break;

        case RINGSIDE_ERROR_SERVER:
          text = g_strdup (_("The RingCX server ran into a problem. Try again later."));
          break;

        case RINGSIDE_ERROR_BAD_RESPONSE:
          text = g_strdup (_("The server sent an answer Ringside cannot read. Check the server "
                             "address in Preferences."));
          break;

        case RINGSIDE_ERROR_KEYRING:
          text = g_strdup (_("The system keyring could not be used."));
          break;

        case RINGSIDE_ERROR_CONFLICT:
          text = g_strdup (_("Someone else changed this in the meantime. Reload and try "
                             "again."));
          break;

        case RINGSIDE_ERROR_BUSY:
          text = g_strdup (_("Ringside is still busy with this. Try again in a moment."));
          break;

        case RINGSIDE_ERROR_TOO_LARGE:
          {
            g_autofree char *count = ringside_format_count (RINGSIDE_LIST_LOADER_DEFAULT_MAX_ITEMS);

            /* Translators: %s is a number, e.g. "2,000,000" */
            text = g_strdup_printf (_("This list is larger than Ringside can show (over %s "
                                      "items)."), count);
          }
          break;

        case RINGSIDE_ERROR_INVALID_INPUT:
        default:
          break;
        }
    }

  /* Core errors never carry secrets, so the raw message is safe as a last resort. */
  if (text == NULL)
    text = g_strdup_printf (_("Something went wrong: %s"), error->message);

  if (icon_name != NULL)
    *icon_name = icon;

  return text;
}

void
ringside_drop_down_name_button (GtkDropDown *drop_down,
                                const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
}
