/* ringside-json-cutter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Cuts the text of one JSON object, an element of a list, in two before json-glib sees it:
 * the members a list's parse reads, which json-glib then parses, and the rest, kept as text
 * for the details ("More") and parsed by json-glib only if they are shown. An agent has some
 * sixty members and its list reads twelve: parsing all of them was most of the time a
 * sub-account of 20,000 agents took to load.
 *
 * Like RingsideJsonSplitter it tracks only strings, escapes and nesting, and checks that each
 * value is well formed on the surface (a string, a number, true, false, null, or brackets that
 * balance). What it cannot cut with certainty it leaves whole, and the caller parses the
 * element as it always did: anything but an object, a member name holding an escape, text
 * that is not UTF-8, a lone half of a surrogate pair ("\ud800", which json-glib refuses),
 * a value it finds malformed, a name given twice, a member name it cannot remember (it
 * remembers the first 4,096 names of up to 128 bytes it meets; RingCX's have some hundred).
 *
 * Each member goes to one of three places:
 * - "read": its name is one of @read_names (even a secret's: the parse decides), or its value
 *   holds a member whose name says it is a secret (ringside_json_is_secret_name()): json-glib
 *   parses it, and the model drops the secret as it always did;
 * - nowhere: any other whose name says it is a secret, or whose value is null, "", [] or {};
 * - "rest": every other member, as it was written.
 *
 * A cutter keeps what it learnt about each member name it met, so use one per thread. */
typedef struct _RingsideJsonCutter RingsideJsonCutter;

/* @read_names: NULL-terminated, copied. */
RingsideJsonCutter *ringside_json_cutter_new  (const char * const *read_names);
void                ringside_json_cutter_free (RingsideJsonCutter *self);

/* Cuts the object in @text (@length bytes, not necessarily NUL-terminated; whitespace may
 * surround it). On success @read_out holds "{…}" with the read members in their order ("{}"
 * when there are none) and @rest_out "{…}" with the rest in their order, or is empty when
 * there is no rest; both are cleared first. FALSE when the element must be parsed whole;
 * then both are left empty. */
gboolean ringside_json_cutter_cut (RingsideJsonCutter *self,
                                   const char         *text,
                                   gsize               length,
                                   GString            *read_out,
                                   GString            *rest_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RingsideJsonCutter, ringside_json_cutter_free)

G_END_DECLS
