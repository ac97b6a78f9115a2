/* ringside-list-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ringside-csv-export.h"
#include "ringside-remote-list.h"
#include "ringside-session.h"
#include "ringside-ui-utils.h"

G_BEGIN_DECLS

#define RINGSIDE_TYPE_LIST_VIEW (ringside_list_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (RingsideListView, ringside_list_view, RINGSIDE, LIST_VIEW, AdwBin)

/**
 * RingsideListViewClass:
 * @kind: the kind of list shown (its items, path, parser, search, paging, relation)
 * @count_text: the summary's count of @total rows of which @shown match the search, given
 *   formatted as @total_text and @shown_text: "12 accounts", "3 of 12 accounts"
 * @forbidden_message: the error sentence for a forbidden load, marked with N_()
 * @export_title: the title of the export file chooser, marked with N_()
 * @export_name: the part of the export file name that says what it holds ("accounts")
 * @csv_field_text: the text of a field (a column in its position in the .ui) for the CSV
 *   export; runs in a worker thread, so reads only what items hold for good
 * @skipped_text: (nullable): for a kind with a fan-out, what a banner above the list says
 *   when a load left out @n_skipped groups whose rows the server refused (403), the first of
 *   them named @first_name (see ringside_remote_list_get_skipped_groups()); the banner
 *   hides after a load that left none out
 *
 * Subclasses set these in class_init, and call
 * ringside_list_view_class_set_template_from_resource() and, in init,
 * gtk_widget_init_template().
 */
struct _RingsideListViewClass
{
  AdwBinClass parent_class;

  const RingsideListKind *kind;
  char               *(*count_text)        (guint              total,
                                            guint              shown,
                                            const char        *total_text,
                                            const char        *shown_text);
  const char           *forbidden_message;
  const char           *export_title;
  const char           *export_name;
  RingsideCsvFieldFunc  csv_field_text;
  char               *(*skipped_text)      (guint              n_skipped,
                                            const char        *first_name);

  gpointer padding[7];
};

/* A list loaded from the session in a sortable, searchable column view, with pages for
 * loading, empty, no results and errors, a summary line and CSV export.
 *
 * Properties: "session" (RingsideSession*, read-write), "search-text" (string, read-write),
 * "summary" (string, read-only: "12 accounts", "3 of 12 accounts"), "loading" (boolean,
 * read-only). Setting "session" does not load: call ringside_list_view_reload(). Setting it
 * to NULL cancels a load and clears the list (sign-out). */

/* Sets the subclass's template, which must hold a GtkStack "stack" with the pages "loading",
 * "empty", "no-results", "error" (the AdwStatusPage "error_page", whose retry button calls
 * "on_retry_clicked") and "list" (the GtkColumnView "column_view", whose model the base class
 * sets; its columns in the .ui's order are the CSV fields). Columns' GtkSignalListItemFactory
 * may use the setup handlers "text_cell_setup", "number_cell_setup" and "date_cell_setup",
 * whose cells the subclass's bind handlers fill with ringside_list_view_set_cell_text() or
 * _set_cell_date(). */
void                ringside_list_view_class_set_template_from_resource
                                                       (RingsideListViewClass *klass,
                                                        const char            *resource_name);

/* A text cell as the setup handlers make it, for a subclass's own setup handlers. */
GtkWidget          *ringside_list_view_inscription_new (float                xalign,
                                                        guint                nat_chars);
/* What a cell's row shows, for a subclass's bind handlers: the list's rows are slots that
 * show what the list has at their position, and a cell is bound again when that changes. */
gpointer            ringside_list_view_get_cell_item   (GtkListItem         *list_item);
void                ringside_list_view_set_cell_text   (GtkListItem         *list_item,
                                                        const char          *text);
void                ringside_list_view_set_cell_date   (GtkListItem         *list_item,
                                                        GDateTime           *date);

RingsideSession    *ringside_list_view_get_session     (RingsideListView    *self);
void                ringside_list_view_set_session     (RingsideListView    *self,
                                                        RingsideSession     *session);
const char         *ringside_list_view_get_search_text (RingsideListView    *self);
void                ringside_list_view_set_search_text (RingsideListView    *self,
                                                        const char          *text);
const char         *ringside_list_view_get_summary     (RingsideListView    *self);
gboolean            ringside_list_view_get_loading     (RingsideListView    *self);
/* The rows as shown: filtered by the search text, in the columns' sort order. */
GListModel         *ringside_list_view_get_model       (RingsideListView    *self);
/* For subclasses: the list behind the view; NULL until constructed. */
RingsideRemoteList *ringside_list_view_get_list        (RingsideListView    *self);

/* The values of the kind's path template (see ringside_remote_list_set_path_values()). */
void                ringside_list_view_set_path_values (RingsideListView   *self,
                                                        const char * const *values);

/* Narrows the rows to one group (see ringside_remote_list_set_group()); NULL for all. */
void                ringside_list_view_set_group       (RingsideListView    *self,
                                                        const char          *group);
/* The groups of the rows loaded, each once, sorted; empty if the kind has none. */
GStrv               ringside_list_view_dup_groups      (RingsideListView    *self);

/* Emits "item-activated" (GObject *item) for the first row shown; FALSE if there is none.
 * The signal also comes for Enter or a double-click on a row. */
gboolean            ringside_list_view_activate_first  (RingsideListView    *self);

/* (Re)loads from the session; cancels a load in flight. */
void     ringside_list_view_reload           (RingsideListView    *self);
/* The row of @item shows it again after the app changed it (enabled, active); nothing
 * happens if the list does not hold @item. */
void     ringside_list_view_item_changed     (RingsideListView    *self,
                                              gpointer             item);

/* Asks for a file with the file chooser portal, then writes the rows as shown to it as CSV.
 * Fails with G_IO_ERROR_CANCELLED when the user dismisses the chooser. */
void     ringside_list_view_export_async     (RingsideListView    *self,
                                              GtkWindow           *parent,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean ringside_list_view_export_finish    (RingsideListView    *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* What export does once it has a file: writes the rows as shown, with the visible columns in
 * their order, as CSV to @file (atomically, in a worker thread). */
void     ringside_list_view_write_csv_async  (RingsideListView    *self,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean ringside_list_view_write_csv_finish (RingsideListView    *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
