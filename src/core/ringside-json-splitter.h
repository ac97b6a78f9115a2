/* ringside-json-splitter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Cuts a JSON array arriving in arbitrary chunks into the text of its top-level elements,
 * tracking only strings, escapes and nesting depth, so that each element can be parsed on
 * its own and the whole body never has to be held at once. It does not validate the
 * elements: json-glib does that when each one is parsed. */
typedef struct _RingsideJsonSplitter RingsideJsonSplitter;

RingsideJsonSplitter *ringside_json_splitter_new    (void);
void                  ringside_json_splitter_free   (RingsideJsonSplitter *self);

/* Appends each element completed by @data to @elements (GBytes, not NUL-terminated). */
gboolean ringside_json_splitter_feed   (RingsideJsonSplitter  *self,
                                        const char            *data,
                                        gsize                  length,
                                        GPtrArray             *elements,
                                        GError               **error);
/* Fails unless the array was closed and only whitespace followed it. */
gboolean ringside_json_splitter_finish (RingsideJsonSplitter  *self,
                                        GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RingsideJsonSplitter, ringside_json_splitter_free)

G_END_DECLS
