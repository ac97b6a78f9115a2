/* ringside-ui-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* "1,234" in the user's locale. */
char       *ringside_format_count               (guint              n);
/* A short, readable date in local time for list columns; "" for NULL. */
char       *ringside_format_date                (GDateTime         *date);
/* ISO 8601 ("2024-05-31") in local time, for exports; "" for NULL. */
char       *ringside_format_iso_date            (GDateTime         *date);
/* -1, 0 or 1, with missing (NULL) dates after every other: for list columns' sorters. */
int         ringside_compare_dates              (GDateTime         *a,
                                                 GDateTime         *b);

/* Sorts @column with @compare, which compares the items themselves: a GtkStringSorter or
 * GtkNumericSorter would evaluate a GtkExpression for every row each time the sort changes,
 * which takes seconds over 100,000 rows. */
void        ringside_column_set_compare_func    (GtkColumnViewColumn *column,
                                                 GCompareDataFunc     compare,
                                                 gpointer             user_data);

/* Gives the button inside @drop_down the accessible name @name. GTK 4.8's GtkDropDown
 * exports that toggle button to AT-SPI with no name (it is called after its type,
 * "GtkToggleButton"), and no property of the drop-down reaches it. */
void        ringside_drop_down_name_button      (GtkDropDown       *drop_down,
                                                 const char        *name);

/* A plain sentence that says what went wrong while loading a list and what to do about it.
 * @forbidden_message is the sentence for RINGSIDE_ERROR_FORBIDDEN, which depends on the list.
 * @icon_name, if not NULL, is set to a symbolic icon that fits the failure. */
char       *ringside_describe_load_error        (const GError      *error,
                                                 const char        *forbidden_message,
                                                 const char       **icon_name);

G_END_DECLS
