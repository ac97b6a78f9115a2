/* ringside-detail-pane-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ringside-detail-pane.h"
#include "ringside-item-list.h"
#include "ringside-user.h"

G_BEGIN_DECLS

struct _RingsideDetailPane
{
  AdwBin            parent_instance;

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkButton        *back_button;
  GtkButton        *active_button;
  AdwBin           *content;

  /* Owned references */
  GObject          *item;
  RingsideSession  *session;
  char             *account_id;
  GCancellable     *cancellable;
  RingsideItemList *related_list;  /* the users, for managers and reports; nullable */
  GPtrArray        *history;       /* the items visited through links, the last one latest */
};

/* A row with a label and a value that can be selected and copied. */
GtkWidget *ringside_detail_pane_value_row_new (const char         *label,
                                               const char         *value);

/* Shows @item in place of the one shown, which back returns to. */
void       ringside_detail_pane_follow_link   (RingsideDetailPane *self,
                                               GObject            *item);

/* ringside-detail-pane-people.c: "Reports To", the chain of managers from the top down,
 * and "Direct Reports", each a link to that person's details. */
void       ringside_detail_pane_add_people    (RingsideDetailPane *self,
                                               AdwPreferencesPage *page,
                                               RingsideUser       *user);

/* ringside-detail-pane-more.c: "More", the members of @extra_json (an item's unread JSON
 * members, ringside-json-extra.h) as rows in words; nothing when @extra_json is NULL. */
void       ringside_detail_pane_add_more      (AdwPreferencesPage *page,
                                               const char         *extra_json);

G_END_DECLS
