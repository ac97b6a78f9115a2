#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks, as TAP, that everything a user reads is translatable and translated.

- po/POTFILES.in is sorted, names existing files, and lists every file with a marked string;
- every user-visible string in the .ui files is marked translatable="yes" (or explicitly
  translatable="no" with a reason), and none hides in a nested template xgettext cannot see;
- no string literal reaches a user-facing GTK/libadwaita/GLib call in the .c files unmarked;
- every language in po/LINGUAS passes `msgfmt --check` and translates every message of a
  freshly generated POT, with no fuzzy or stale entries and the language's typography.

usage: check-translatable.py --source-root DIR [--xgettext X --msgfmt X --msgmerge X]
       check-translatable.py --check-sources-only --source-root DIR (a scratch tree)
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# The arguments of meson's i18n.gettext(preset: 'glib'), as its ringside-pot target runs them.
XGETTEXT_GLIB_PRESET = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

GETTEXT_CALLS = {
    '_', 'N_', 'C_', 'NC_', 'Q_', 'gettext', 'ngettext', 'dgettext', 'dngettext',
    'g_dgettext', 'g_dngettext', 'g_dcgettext', 'g_dpgettext', 'g_dpgettext2',
}

# Calls whose string arguments are shown as they are: name -> indexes of those arguments.
C_SETTERS = {
    'gtk_label_new': [0], 'gtk_label_new_with_mnemonic': [0],
    'gtk_label_set_text': [1], 'gtk_label_set_label': [1], 'gtk_label_set_markup': [1],
    'gtk_label_set_text_with_mnemonic': [1], 'gtk_label_set_markup_with_mnemonic': [1],
    'gtk_button_new_with_label': [0], 'gtk_button_new_with_mnemonic': [0],
    'gtk_button_set_label': [1], 'gtk_check_button_set_label': [1],
    'gtk_menu_button_set_label': [1], 'gtk_frame_set_label': [1],
    'gtk_window_set_title': [1],
    'gtk_widget_set_tooltip_text': [1], 'gtk_widget_set_tooltip_markup': [1],
    'gtk_entry_set_placeholder_text': [1], 'gtk_text_set_placeholder_text': [1],
    'gtk_search_entry_set_placeholder_text': [1],
    'gtk_stack_add_titled': [3], 'gtk_column_view_column_new': [0],
    'gtk_column_view_column_set_title': [1],
    'gtk_file_chooser_native_new': [0, 3, 4], 'gtk_file_filter_set_name': [1],
    'gtk_file_dialog_set_title': [1], 'gtk_file_dialog_set_accept_label': [1],
    'gtk_alert_dialog_new': [0], 'gtk_alert_dialog_set_detail': [1],
    'adw_toast_new': [0], 'adw_toast_new_format': [0], 'adw_toast_set_title': [1],
    'adw_toast_set_button_label': [1], 'adw_banner_new': [0], 'adw_banner_set_title': [1],
    'adw_banner_set_button_label': [1],
    'adw_status_page_set_title': [1], 'adw_status_page_set_description': [1],
    'adw_preferences_row_set_title': [1], 'adw_action_row_set_subtitle': [1],
    'adw_expander_row_set_subtitle': [1], 'adw_preferences_group_set_title': [1],
    'adw_preferences_group_set_description': [1], 'adw_preferences_page_set_title': [1],
    'adw_view_stack_add_titled': [3], 'adw_view_stack_page_set_title': [1],
    'adw_window_title_new': [0, 1], 'adw_window_title_set_title': [1],
    'adw_window_title_set_subtitle': [1],
    'adw_message_dialog_new': [1, 2], 'adw_message_dialog_set_heading': [1],
    'adw_message_dialog_set_body': [1], 'adw_message_dialog_format_heading': [1],
    'adw_message_dialog_format_body': [1], 'adw_message_dialog_add_response': [2],
    'adw_message_dialog_set_response_label': [2],
    'adw_about_window_set_comments': [1], 'adw_about_window_set_developer_name': [1],
    'adw_about_window_set_copyright': [1], 'adw_about_window_set_translator_credits': [1],
    'adw_about_window_add_credit_section': [1], 'adw_about_window_add_link': [1],
    'g_menu_item_new': [0], 'g_menu_append': [1], 'g_menu_prepend': [1], 'g_menu_insert': [2],
    'g_notification_new': [0], 'g_notification_set_body': [1],
    'g_notification_add_button': [1],
    'g_application_add_main_option': [5, 6],
    'g_application_command_line_print': [1], 'g_application_command_line_printerr': [1],
}

# Setters of the project's own widgets, and any others this table misses, by their names: the
# text they take comes right after the object.
C_SETTER_NAME_RE = re.compile(r'_(?:set_(?:title|subtitle|label|description|tooltip_text|'
                              r'tooltip_markup|placeholder_text|heading|body|button_label|'
                              r'accept_label|summary)|add_toast|show_toast)$')

# Only the UI and main() talk to the terminal's user; the core prints nothing but debugging.
C_UI_PRINTS = {'g_print': [0], 'g_printerr': [0]}

# GError messages in the UI reach the user (toasts, banners); the core's are mapped to the
# UI's own sentences by code, so only the UI's are checked. name -> (message, code) indexes.
C_ERROR_CALLS = {
    'g_set_error': (3, 2), 'g_set_error_literal': (3, 2),
    'g_error_new': (2, 1), 'g_error_new_literal': (2, 1),
    'g_task_return_new_error': (3, 2), 'g_task_return_new_error_literal': (3, 2),
    'g_prefix_error': (1, None), 'g_prefix_error_literal': (1, None),
    'g_propagate_prefixed_error': (2, None),
}
# A cancellation is never shown: every caller tells it apart by its code.
UNSHOWN_ERROR_CODES = {'G_IO_ERROR_CANCELLED'}

# Calls taking ("property-name", value) pairs after their first argument.
C_PROPERTY_CALLS = {'g_object_new', 'g_object_set', 'adw_show_about_window',
                    'gtk_show_about_dialog'}
VISIBLE_PROPERTIES = {
    'label', 'title', 'subtitle', 'tooltip-text', 'tooltip-markup', 'placeholder-text',
    'description', 'text', 'secondary-text', 'heading', 'body', 'button-label',
    'accept-label', 'cancel-label', 'application-name', 'comments', 'copyright',
    'developer-name', 'translator-credits', 'website-label', 'release-notes',
}
ACCESSIBLE_TEXT = {'GTK_ACCESSIBLE_PROPERTY_LABEL', 'GTK_ACCESSIBLE_PROPERTY_DESCRIPTION',
                   'GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER',
                   'GTK_ACCESSIBLE_PROPERTY_ROLE_DESCRIPTION',
                   'GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT'}

# Calls that build the shown text out of their own arguments: look inside them.
C_TEXT_BUILDERS = {'g_strdup', 'g_strdup_printf', 'g_strconcat', 'g_markup_printf_escaped',
                   'g_markup_escape_text'}

# A GOptionEntry's description and arg_description are --help text.
OPTION_ENTRY_FIELDS = [5, 6]

UI_TEXT_ELEMENTS = {'item', 'mark'}

FORMAT_RE = re.compile(r"%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
                       r"(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn%]")
LETTER_RE = re.compile(r'[^\W\d_]')


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def result(self, ok, description, problems=()):
        self.count += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.count, description))
        for problem in problems:
            print('# ' + problem)
        if not ok:
            self.failed += 1

    def check(self, description, problems):
        self.result(not problems, description, problems)

    def skip(self, description, reason):
        self.count += 1
        print('ok %d - %s # SKIP %s' % (self.count, description, reason))

    def finish(self):
        print('1..%d' % self.count)
        return 1 if self.failed else 0


def has_words(text):
    return LETTER_RE.search(FORMAT_RE.sub('', text)) is not None


# POTFILES.in

def read_list(path):
    with open(path, encoding='utf-8') as f:
        lines = [line.split('#', 1)[0].strip() for line in f]
    return [line for line in lines if line]


def needs_translation(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if path.endswith('.c'):
        tokens = tokenize_c(text)
        return any(token.kind == 'ident' and token.value in GETTEXT_CALLS and
                   following.value == '(' for token, following in zip(tokens, tokens[1:]))
    if path.endswith('.ui'):
        return re.search(r'translatable\s*=\s*"yes"', text) is not None
    return True


def translatable_sources(root):
    found = []
    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in filenames:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                if top == 'src' and name.endswith(('.c', '.ui')):
                    candidate = True
                else:
                    candidate = top == 'data' and dirpath == os.path.join(root, 'data') and \
                        name.endswith(('.desktop.in', '.metainfo.xml.in', '.gschema.xml'))
                if candidate and needs_translation(path):
                    found.append(rel)
    return sorted(found)


def check_potfiles(tap, root):
    listed = read_list(os.path.join(root, 'po', 'POTFILES.in'))
    problems = ['%s is listed twice' % p for p in sorted({p for p in listed
                                                           if listed.count(p) > 1})]
    problems += ['%s does not exist' % p for p in listed
                 if not os.path.isfile(os.path.join(root, p))]
    if listed != sorted(listed):
        problems.append('the list is not sorted (LC_ALL=C)')
    tap.check('po/POTFILES.in is sorted and names existing files', problems)

    missing = [p for p in translatable_sources(root) if p not in listed]
    tap.check('po/POTFILES.in lists every file with translatable strings',
              ['%s has translatable strings but is not in po/POTFILES.in' % p for p in missing])
    return listed


# .ui files

def parse_xml(text):
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    parser.feed(text)
    return parser.close()


def element_is_visible_text(element, parent):
    name = element.get('name')
    if element.tag == 'property':
        return name in VISIBLE_PROPERTIES and element.get('bind-source') is None
    if element.tag == 'attribute':
        return name == 'label' and parent is not None and parent.tag in ('item', 'submenu',
                                                                         'section')
    return element.tag in UI_TEXT_ELEMENTS


def walk_ui(element, where, problems, nested, parent=None, previous=None):
    text = (element.text or '').strip()
    if isinstance(element.tag, str) and element_is_visible_text(element, parent) and \
            has_words(text):
        translatable = element.get('translatable')
        short = text if len(text) <= 40 else text[:37] + '…'
        line = '%s: <%s name="%s"> “%s”' % (where, element.tag, element.get('name', ''), short)
        if nested:
            problems.append(line + ' is in a nested template, which xgettext does not read')
        elif translatable is None:
            problems.append(line + ' is not marked translatable="yes"')
        elif translatable == 'no':
            has_reason = element.get('comments') or (previous is not None and
                                                     previous.tag is ET.Comment)
            if not has_reason:
                problems.append(line + ' is translatable="no" without a comment saying why')
        elif translatable != 'yes':
            problems.append(line + ' needs translatable="yes" (xgettext reads only "yes")')

    if element.tag == 'property' and element.get('name') == 'bytes' and \
            text.startswith(('<?xml', '<interface')):
        walk_ui(parse_xml(text), where + ' (nested template)', problems, True)

    sibling = None
    for child in element:
        if child.tag is ET.Comment:
            sibling = child
            continue
        walk_ui(child, where, problems, nested, element, sibling)
        sibling = child


def check_ui_file(path, rel):
    problems = []
    with open(path, encoding='utf-8') as f:
        walk_ui(parse_xml(f.read()), rel, problems, False)
    return problems


# .c files

TOKEN_RE = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<preproc>^[ \t]*\#(?:\\\n|[^\n])*)
  | (?P<string>(?:u8|[uUL])?"(?:\\.|[^"\\\n])*")
  | (?P<char>'(?:\\.|[^'\\\n])*')
  | (?P<ident>[A-Za-z_]\w*)
  | (?P<number>\.?\d(?:[\w.]|[eEpP][-+])*)
  | (?P<space>\s+)
  | (?P<punct>.)
''', re.S | re.M | re.X)


class Token:
    __slots__ = ('kind', 'value', 'line')

    def __init__(self, kind, value, line):
        self.kind, self.value, self.line = kind, value, line


def tokenize_c(text):
    tokens = []
    line = 1
    for match in TOKEN_RE.finditer(text):
        kind = match.lastgroup
        value = match.group()
        if kind not in ('comment', 'preproc', 'space'):
            if kind == 'string':
                value = value[value.index('"') + 1:-1]
            tokens.append(Token(kind, value, line))
        line += value.count('\n') if kind != 'string' else 0
    return tokens


def matching(tokens, i):
    """The index of the bracket closing the one at tokens[i]."""
    pairs = {'(': ')', '[': ']', '{': '}'}
    stack = []
    for j in range(i, len(tokens)):
        value = tokens[j].value
        if tokens[j].kind != 'punct':
            continue
        if value in pairs:
            stack.append(pairs[value])
        elif stack and value == stack[-1]:
            stack.pop()
            if not stack:
                return j
    return len(tokens) - 1


def split_arguments(tokens, open_index):
    """The arguments of the call or initializer opening at tokens[open_index]."""
    close = matching(tokens, open_index)
    arguments, current, depth = [], [], 0
    for token in tokens[open_index + 1:close]:
        if token.kind == 'punct' and token.value in '([{':
            depth += 1
        elif token.kind == 'punct' and token.value in ')]}':
            depth -= 1
        if depth == 0 and token.kind == 'punct' and token.value == ',':
            arguments.append(current)
            current = []
        else:
            current.append(token)
    if current or arguments:
        arguments.append(current)
    return arguments, close


def unmarked_literals(argument):
    """The string literals in @argument that are shown without going through gettext."""
    found = []
    i = 0
    while i < len(argument):
        token = argument[i]
        is_call = (token.kind == 'ident' and i + 1 < len(argument)
                   and argument[i + 1].value == '(')
        if is_call and token.value not in C_TEXT_BUILDERS:
            # gettext marks the string; any other call computes text of its own
            i = matching(argument, i + 1) + 1
            continue
        if token.kind == 'string':
            pieces, first = [], token
            # adjacent literals, with format macros such as G_GSIZE_FORMAT between them
            while i < len(argument) and (argument[i].kind == 'string' or
                                         re.fullmatch(r'G_\w+_FORMAT|G_\w+_MODIFIER',
                                                      argument[i].value)):
                if argument[i].kind == 'string':
                    pieces.append(argument[i].value)
                i += 1
            text = re.sub(r'\\.', ' ', ''.join(pieces))
            if has_words(text):
                found.append((first.line, ''.join(pieces)))
            continue
        i += 1
    return found


def is_literal(argument):
    return len(argument) == 1 and argument[0].kind == 'string'


def values(argument):
    """An argument's tokens as one string, to compare with a name."""
    return ' '.join(token.value for token in argument)


def check_c_tokens(tokens, rel, in_ui):
    problems = []

    def flag(argument, what):
        for line, text in unmarked_literals(argument):
            short = text if len(text) <= 50 else text[:47] + '…'
            problems.append('%s:%d: “%s” %s is not marked for translation' %
                            (rel, line, short, what))

    for i, token in enumerate(tokens[:-1]):
        if token.kind != 'ident':
            continue
        name = token.value
        following = tokens[i + 1]

        if name == 'GOptionEntry':
            # an array definition: GOptionEntry name[] = { { … }, … };
            equals = next((j for j in range(i + 1, min(i + 6, len(tokens)))
                           if tokens[j].value in ('=', ';', '(', ')', '{')), None)
            if equals is None or tokens[equals].value != '=' or \
                    tokens[equals + 1].value != '{':
                continue
            entries, _ = split_arguments(tokens, equals + 1)
            for entry in entries:
                if entry and entry[0].value == '{':
                    fields, _ = split_arguments(entry, 0)
                    for index in OPTION_ENTRY_FIELDS:
                        if index < len(fields):
                            flag(fields[index], 'in a GOptionEntry')
            continue

        if following.value != '(':
            continue
        setters = dict(C_SETTERS, **C_UI_PRINTS) if in_ui else C_SETTERS
        if name not in setters and C_SETTER_NAME_RE.search(name):
            setters = dict(setters, **{name: [1]})
        if name not in setters and name not in C_ERROR_CALLS and \
                name not in C_PROPERTY_CALLS and name != 'gtk_accessible_update_property' and \
                name != 'adw_message_dialog_add_responses':
            continue
        arguments, _ = split_arguments(tokens, i + 1)

        if name in setters:
            for index in setters[name]:
                if index < len(arguments):
                    flag(arguments[index], 'passed to %s()' % name)
        elif name in C_ERROR_CALLS:
            if not in_ui:
                continue
            message, code = C_ERROR_CALLS[name]
            if code is not None and code < len(arguments) and \
                    values(arguments[code]) in UNSHOWN_ERROR_CODES:
                continue
            if message < len(arguments):
                flag(arguments[message], 'in an error from %s()' % name)
        elif name in C_PROPERTY_CALLS:
            for j in range(1, len(arguments) - 1, 2):
                if not is_literal(arguments[j]):
                    break
                if arguments[j][0].value in VISIBLE_PROPERTIES:
                    flag(arguments[j + 1], 'for “%s” in %s()' % (arguments[j][0].value, name))
        elif name == 'adw_message_dialog_add_responses':
            for j in range(2, len(arguments), 2):
                flag(arguments[j], 'passed to %s()' % name)
        else:
            for j in range(1, len(arguments) - 1):
                if values(arguments[j]) in ACCESSIBLE_TEXT:
                    flag(arguments[j + 1], 'for %s' % arguments[j][0].value)
    return problems


def check_c_file(path, rel):
    with open(path, encoding='utf-8') as f:
        tokens = tokenize_c(f.read())
    in_ui = not rel.startswith(os.path.join('src', 'core') + os.sep)
    return check_c_tokens(tokens, rel, in_ui)


def source_files(root, suffix):
    found = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, 'src')):
        dirnames.sort()
        found += [os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith(suffix)]
    return found


def check_sources(tap, root):
    problems = []
    for path in source_files(root, '.ui'):
        problems += check_ui_file(path, os.path.relpath(path, root))
    tap.check('every user-visible string in the .ui files is marked translatable', problems)

    problems = []
    for path in source_files(root, '.c'):
        problems += check_c_file(path, os.path.relpath(path, root))
    tap.check('no unmarked string literal reaches a user-facing call in the .c files', problems)


# Translations

PO_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'a': '\a', 'b': '\b', 'f': '\f',
              'v': '\v', '"': '"', '\\': '\\'}


def po_unquote(literal):
    return re.sub(r'\\(.)', lambda m: PO_ESCAPES.get(m.group(1), m.group(1)), literal[1:-1])


def parse_po(path):
    """The entries of a PO file as written by the gettext tools: blocks split by blank lines.

    Each is a dict: msgctxt, msgid, msgid_plural, msgstr (a list), flags, obsolete.
    """
    with open(path, encoding='utf-8') as f:
        blocks = re.split(r'\n[ \t]*\n', f.read())
    entries = []
    for block in blocks:
        entry = {'msgctxt': None, 'msgid': None, 'msgid_plural': None, 'msgstr': {},
                 'flags': set(), 'obsolete': False}
        target = None
        for line in block.split('\n'):
            line = line.strip()
            if line.startswith('#~|') or (line.startswith('#') and not line.startswith('#~')):
                if line.startswith('#,'):
                    entry['flags'] |= {flag.strip() for flag in line[2:].split(',')}
                continue
            if line.startswith('#~'):
                entry['obsolete'] = True
                line = line[2:].strip()
            match = re.match(r'(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")$',
                             line)
            if match:
                keyword, index, literal = match.groups()
                if keyword == 'msgstr':
                    target = ('msgstr', int(index or 0))
                    entry['msgstr'][target[1]] = po_unquote(literal)
                else:
                    target = keyword
                    entry[keyword] = po_unquote(literal)
            elif line.startswith('"') and target is not None:
                if isinstance(target, tuple):
                    entry['msgstr'][target[1]] += po_unquote(line)
                else:
                    entry[target] += po_unquote(line)
        if entry['msgid'] is not None:
            entry['msgstr'] = [entry['msgstr'][k] for k in sorted(entry['msgstr'])]
            entries.append(entry)
    return entries


MNEMONIC_RE = re.compile(r'(?<!_)_(?=[^\W_])')
KEYWORDS_RE = re.compile(r'^[^;]+;(?:[^;]+;)+$')


def typography_problems(language, entries):
    problems = []
    for e in entries:
        where = '“%s”' % e['msgid'][:50]
        for text in e['msgstr']:
            if KEYWORDS_RE.match(e['msgid']):
                if not KEYWORDS_RE.match(text):
                    problems.append(where + ': a keyword list must keep its semicolons and end '
                                    'with one')
                continue
            if MNEMONIC_RE.search(e['msgid']) and not MNEMONIC_RE.search(text):
                problems.append(where + ': the mnemonic (underscore) is missing')
            if language == 'fr':
                # GNOME-fr: U+00A0 before a colon and inside « », U+202F before ; ! ?
                if re.search(r'(?:[^\u00a0]|^):(?:\s|$)', text):
                    problems.append(where + ': a colon needs a no-break space (U+00A0) before it')
                if re.search(r'(?:[^\u202f]|^)[;!?]', text):
                    problems.append(where + ': ; ! and ? need a narrow no-break space (U+202F) '
                                    'before them')
                if re.search(r'«(?!\u00a0)|(?<!\u00a0)»', text):
                    problems.append(where + ': « » need no-break spaces (U+00A0) inside them')
                if re.search(r'[“”"]', text):
                    problems.append(where + ': French quotes are « … »')
                if "'" in text:
                    problems.append(where + ': the apostrophe is ’, not \'')
            elif language == 'de':
                if re.search(r'[”"]', text):
                    problems.append(where + ': German quotes are „…“')
                if "'" in text:
                    problems.append(where + ': the apostrophe is ’, not \'')
    return problems


def check_translations(tap, root, potfiles, tools):
    po_dir = os.path.join(root, 'po')
    languages = []
    for line in read_list(os.path.join(po_dir, 'LINGUAS')):
        languages += line.split()
    tap.check('po/LINGUAS names at least one language, each with a .po file, sorted',
              (['po/LINGUAS is empty'] if not languages else []) +
              ['po/%s.po is missing' % lang for lang in languages
               if not os.path.isfile(os.path.join(po_dir, lang + '.po'))] +
              ([] if languages == sorted(languages) else ['po/LINGUAS is not sorted']))

    missing = [name for name in ('xgettext', 'msgfmt', 'msgmerge') if not tools[name]]
    if missing:
        tap.skip('the translations are complete', 'no %s' % ', '.join(missing))
        return

    with tempfile.TemporaryDirectory(prefix='ringside-pot.') as scratch:
        pot = os.path.join(scratch, 'ringside.pot')
        listfile = os.path.join(scratch, 'POTFILES')
        with open(listfile, 'w', encoding='utf-8') as f:
            f.write('\n'.join(potfiles) + '\n')
        run = subprocess.run([tools['xgettext'], '--package-name=ringside', '-f', listfile,
                              '-D', root, '-k_', '-o', pot] + XGETTEXT_GLIB_PRESET,
                             capture_output=True, text=True, env=c_env())
        tap.check('xgettext makes a POT from po/POTFILES.in',
                  run.stderr.splitlines() if run.returncode != 0 or not os.path.isfile(pot)
                  else [])
        if run.returncode != 0 or not os.path.isfile(pot):
            return
        n_messages = sum(1 for e in parse_po(pot) if e['msgid'] and not e['obsolete'])

        for lang in languages:
            po = os.path.join(po_dir, lang + '.po')
            if not os.path.isfile(po):
                continue
            run = subprocess.run([tools['msgfmt'], '--check', '--statistics', '-o', os.devnull,
                                  po], capture_output=True, text=True, env=c_env())
            tap.check('po/%s.po passes msgfmt --check' % lang,
                      run.stderr.splitlines() if run.returncode != 0 else [])

            merged = os.path.join(scratch, lang + '.po')
            run = subprocess.run([tools['msgmerge'], '--quiet', '--no-fuzzy-matching',
                                  '--output-file=' + merged, po, pot],
                                 capture_output=True, text=True, env=c_env())
            if run.returncode != 0:
                tap.check('po/%s.po merges with the POT' % lang, run.stderr.splitlines())
                continue
            entries = parse_po(merged)
            current = [e for e in entries if not e['obsolete'] and e['msgid']]
            problems = []
            for e in current:
                label = '“%s”' % e['msgid'][:60]
                if 'fuzzy' in e['flags']:
                    problems.append(label + ' is fuzzy')
                elif not all(e['msgstr']):
                    problems.append(label + ' is not translated')
            problems += ['“%s” is stale: no longer in the sources' % e['msgid'][:60]
                         for e in entries if e['obsolete']]
            if len(current) != n_messages:
                problems.append('%d of the POT’s %d messages merged' % (len(current),
                                                                         n_messages))
            run = subprocess.run([tools['msgfmt'], '--check', '--statistics', '-o', os.devnull,
                                  merged], capture_output=True, text=True, env=c_env())
            output = run.stderr.strip().splitlines()
            statistics = output[-1].rstrip('.') if output else 'no statistics'
            if run.returncode != 0 or 'fuzzy' in statistics or 'untranslated' in statistics:
                problems += ['msgfmt: ' + line for line in output]
            tap.check('po/%s.po translates all %d messages of a fresh POT (%s)' %
                      (lang, n_messages, statistics), problems)
            tap.check('po/%s.po keeps the typography of its language' % lang,
                      typography_problems(lang, current))


def c_env():
    env = dict(os.environ)
    env['LC_ALL'] = 'C'
    env.pop('LANGUAGE', None)
    return env


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--source-root', required=True)
    parser.add_argument('--xgettext')
    parser.add_argument('--msgfmt')
    parser.add_argument('--msgmerge')
    parser.add_argument('--check-sources-only', action='store_true',
                        help='only the .ui and .c checks, e.g. on a scratch copy')
    options = parser.parse_args()
    root = os.path.abspath(options.source_root)

    tap = Tap()
    check_sources(tap, root)
    if not options.check_sources_only:
        potfiles = check_potfiles(tap, root)
        check_translations(tap, root, potfiles, {'xgettext': options.xgettext,
                                                  'msgfmt': options.msgfmt,
                                                  'msgmerge': options.msgmerge})
    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
