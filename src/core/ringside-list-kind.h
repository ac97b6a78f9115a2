/* ringside-list-kind.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * RingsideListPaging:
 * @RINGSIDE_LIST_PAGING_NONE: one request answers the whole list
 * @RINGSIDE_LIST_PAGING_PAGE_MAX_ROWS: the list comes in pages, asked for with "page"
 *   (zero-indexed) and "maxRows"; pages are read until one comes back empty or shorter than
 *   the ones before (a server may serve fewer rows a page than asked)
 */
typedef enum
{
  RINGSIDE_LIST_PAGING_NONE,
  RINGSIDE_LIST_PAGING_PAGE_MAX_ROWS,
} RingsideListPaging;

/* Parses one top-level element of the list's JSON array into one or more items appended to
 * @out (which holds references). Runs in a worker thread: it may only build new objects.
 * Never quote the element in @error: items may carry secrets. */
typedef gboolean (*RingsideListParseFunc)   (JsonNode    *element,
                                             GPtrArray   *out,
                                             GError     **error);
/* Gives @item, which @parse just made, the members of its element that @parse was not given
 * (see RingsideListKind:members_read): a JSON object's text, secrets and empty values left
 * out, taken. Runs in a worker thread. */
typedef void     (*RingsideListRestFunc)    (gpointer     item,
                                             char        *rest_json);
/* Whether @item matches @needle, which is casefolded and never empty. */
typedef gboolean (*RingsideListMatchFunc)   (gpointer     item,
                                             const char  *needle);
/* A text an item holds (its group's name), owned by the item. */
typedef const char *(*RingsideListTextFunc) (gpointer     item);
/* An item's key in its list's index, or the key of the item it relates to; 0 means none. */
typedef gint64   (*RingsideListKeyFunc)     (gpointer     item);
/* Links @item to @related, once, on the main thread; notifies the item's own property. */
typedef void     (*RingsideListRelateFunc)  (gpointer     item,
                                             gpointer     related);
/* The item @item was linked to, or NULL. */
typedef gpointer (*RingsideListRelatedFunc) (gpointer     item);

/**
 * RingsideListRelation:
 * @get_key: the key of an item in the list's index (an API ID)
 * @get_related_key: the key of the item an item relates to (a user's manager, an agent's group)
 * @relate: links an item to the one its related key names, once it is in the list
 * @get_related: what @relate linked, to refuse links that would close a cycle
 *
 * A relation between the items of one list, resolved by RingsideItemList as items arrive:
 * whichever comes first, an item and the one it relates to are linked as soon as both are in
 * the list. Views bind what the item exposes (RingsideUser:parent) and never look items up.
 */
typedef struct
{
  RingsideListKeyFunc     get_key;
  RingsideListKeyFunc     get_related_key;
  RingsideListRelateFunc  relate;
  RingsideListRelatedFunc get_related;
} RingsideListRelation;

/* A parent item's ID as text, for a child list's path ("17"); NULL or "" skips the parent. */
typedef char    *(*RingsideListIdFunc)      (gpointer     item);
/* Tells @child what it needs of @parent (the group's name), on the main thread, before the
 * child reaches a list. */
typedef void     (*RingsideListAdoptFunc)   (gpointer     child,
                                             gpointer     parent);

/**
 * RingsideListFanOut:
 * @parent: the list of parents (agent groups, dial groups), read first, paged as it says;
 *   its path template is expanded with the same values as the child's
 * @placeholder: the name in the child kind's path template that a parent's ID fills
 *   ("agentGroupId")
 * @get_parent_id: a parent's ID
 * @adopt: (nullable): what a child learns from its parent
 * @max_requests: how many child lists are read at once (at least 1)
 * @get_parent_name: a parent's name, for views that say which parents were left out
 *
 * A list read in two steps: the parents, then each parent's own list of children, several
 * at a time, all of them into one list. A failure of the parent list or of any child list
 * fails the whole load: a list with a group missing would pass for the whole list. Except a
 * 403 on one parent's children, a right the admin lacks for that parent alone: it is left
 * out, and views say so (ringside_list_loader_dup_skipped_parents()).
 */
typedef struct
{
  const struct _RingsideListKind *parent;
  const char                     *placeholder;
  RingsideListIdFunc              get_parent_id;
  RingsideListAdoptFunc           adopt;
  guint                           max_requests;
  RingsideListTextFunc            get_parent_name;
} RingsideListFanOut;

/**
 * RingsideListKind:
 * @name: what one element is, for messages ("user 17: …"); not translated
 * @get_item_type: the #GType of the items (a function, as GTypes are registered at run time)
 * @path_template: the API path with its query, where "{name}" stands for a value given when
 *   the path is expanded: "/voice/api/v1/admin/accounts/{accountId}/agentGroups"
 * @parse: makes items of one element of the body's JSON array
 * @match: the search
 * @paging: how the list is split into requests
 * @page_size: the "maxRows" asked for, with %RINGSIDE_LIST_PAGING_PAGE_MAX_ROWS
 * @relation: (nullable): how items of the list relate to each other
 * @fan_out: (nullable): the list is read parent by parent: @path_template is then each
 *   parent's list of children, with a placeholder the parent's ID fills
 * @group_of: (nullable): the name of the group an item belongs to, for views that narrow the
 *   list to one group
 * @forbidden_message: (nullable): what a view says when the server refuses the list (403),
 *   marked with N_(): "You don't have permission to view agent groups in this account"
 * @members_read: (nullable): the members of an element @parse reads, NULL-terminated. When
 *   set, json-glib parses only those and @parse is given an object holding them; the rest of
 *   the element goes to @take_rest as text (ringside-json-cutter.h). @parse must then make
 *   exactly one item of an element. Elements the cutter cannot cut go to @parse whole.
 * @take_rest: what an item does with the rest of its element; set with @members_read
 *
 * Everything that differs between two lists the app loads, in one place: the loader, the
 * item list and the remote list only ever read it. A new list is a model type, one of these
 * (as a static const next to the type), and a view.
 */
typedef struct _RingsideListKind
{
  const char                 *name;
  GType                     (*get_item_type) (void);
  const char                 *path_template;
  RingsideListParseFunc       parse;
  RingsideListMatchFunc       match;
  RingsideListPaging          paging;
  guint                       page_size;
  const RingsideListRelation *relation;
  const RingsideListFanOut   *fan_out;
  RingsideListTextFunc        group_of;
  const char                 *forbidden_message;
  const char * const         *members_read;
  RingsideListRestFunc        take_rest;
} RingsideListKind;

/* Fills in @kind's path template: @values holds names and values in turn ("accountId",
 * "1234", NULL), values are escaped for a path segment. Fails with
 * RINGSIDE_ERROR_INVALID_INPUT when a placeholder has no value. */
char     *ringside_list_kind_expand_path (const RingsideListKind *kind,
                                          const char * const     *values,
                                          GError                **error);

/* @path with the paging query of page @page (from 0) appended. */
char     *ringside_list_kind_page_path   (const RingsideListKind *kind,
                                          const char             *path,
                                          guint                   page);

G_END_DECLS
