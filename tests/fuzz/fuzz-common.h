/* fuzz-common.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <stdint.h>

G_BEGIN_DECLS

/* libFuzzer's entry points. fuzz-common.c defines the first; each target the second. */
int         LLVMFuzzerInitialize               (int            *argc,
                                                char         ***argv);
int         LLVMFuzzerTestOneInput             (const uint8_t  *data,
                                                size_t          size);

/* The input as json-glib parses it, or NULL when json-glib rejects it. */
JsonParser *ringside_fuzz_parse_json           (const char     *data,
                                                gsize           size);

/* The contract every parser under test keeps: success without an error, or failure with
 * RINGSIDE_ERROR_BAD_RESPONSE and a message fit for the UI that quotes no value. */
void        ringside_fuzz_assert_outcome       (gboolean        ok,
                                                const GError   *error);

/* Text the UI shows: GTK and Pango refuse invalid UTF-8. */
void        ringside_fuzz_assert_text          (const char     *text);

/* Reads every readable property, as the list views' bindings do. */
void        ringside_fuzz_read_properties      (GObject        *object);

G_END_DECLS
