#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs a finished build directory into a scratch DESTDIR and checks, as TAP, that every
# file a desktop needs is there, under the application ID, and nothing lands outside the
# prefix.
#
# usage: check-install.sh MESON BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID BASE_ID
#                         GETTEXT_PACKAGE LINGUAS_FILE
set -u

if [ $# -ne 10 ]; then
  echo "Bail out! usage: $0 MESON BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID BASE_ID" \
       "GETTEXT_PACKAGE LINGUAS_FILE"
  exit 1
fi

meson=$1 build_root=$2 prefix=$3 bindir=$4 datadir=$5 localedir=$6
app_id=$7 base_id=$8 gettext_package=$9 linguas_file=${10}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/ringside-install.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
root=$scratch/root
log=$scratch/install.log

count=0
failed=0

check () {
  local description=$1
  shift
  count=$((count + 1))
  if "$@"; then
    echo "ok $count - $description"
  else
    echo "not ok $count - $description"
    failed=$((failed + 1))
  fi
}

has_line () {
  grep -qxF -- "$2" "$1" 2>/dev/null
}

has_text () {
  grep -qF -- "$2" "$1" 2>/dev/null
}

# The build is already complete when tests run; installing must not rebuild anything.
if ! "$meson" install -C "$build_root" --destdir "$root" --no-rebuild --quiet >"$log" 2>&1; then
  sed 's/^/# /' "$log"
  echo "Bail out! meson install failed"
  exit 1
fi

bin=$root$bindir/ringside
desktop=$root$datadir/applications/$app_id.desktop
metainfo=$root$datadir/metainfo/$app_id.metainfo.xml
service=$root$datadir/dbus-1/services/$app_id.service
schema=$root$datadir/glib-2.0/schemas/$base_id.gschema.xml
icon=$root$datadir/icons/hicolor/scalable/apps/$app_id.svg
symbolic=$root$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg

check "the program is installed in $bindir" test -x "$bin"

check "the desktop file is installed as $app_id.desktop" test -f "$desktop"
check "the desktop file names the icon $app_id" has_line "$desktop" "Icon=$app_id"
check "the desktop file is D-Bus activatable" has_line "$desktop" "DBusActivatable=true"

check "the D-Bus service is installed as $app_id.service" test -f "$service"
check "the D-Bus service owns $app_id" has_line "$service" "Name=$app_id"
check "the D-Bus service starts the installed program" \
  has_line "$service" "Exec=$bindir/ringside --gapplication-service"

check "the metainfo is installed as $app_id.metainfo.xml" test -f "$metainfo"
check "the metainfo has the ID $app_id" has_text "$metainfo" "<id>$app_id</id>"
check "the metainfo launches $app_id.desktop" \
  has_text "$metainfo" "<launchable type=\"desktop-id\">$app_id.desktop</launchable>"

check "the GSettings schema is installed" test -f "$schema"
check "the app icon is installed as $app_id.svg" test -f "$icon"
check "the symbolic icon is installed as $app_id-symbolic.svg" test -f "$symbolic"

# Post-install hooks (schema compilation, icon cache) belong to the real install only.
check "nothing is installed outside $prefix" \
  test -z "$(find "$root" \( -type f -o -type l \) ! -path "$root$prefix/*" -print -quit)"

# Started from the build tree, the program finds the schema meson compiled there; installed
# where GLib does not look (this scratch root), it says so in a line instead of aborting.
no_schema_env=(env -u GSETTINGS_SCHEMA_DIR XDG_DATA_DIRS="$scratch/nowhere" \
               XDG_DATA_HOME="$scratch/nowhere" LANGUAGE=C LC_ALL=C)
starts_from_build_tree () {
  "${no_schema_env[@]}" "$build_root/src/ringside" --help >/dev/null 2>&1
}
says_schema_missing () {
  local out status
  out=$("${no_schema_env[@]}" "$bin" --help 2>&1)
  status=$?
  [ "$status" -eq 1 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] &&
    printf '%s' "$out" | grep -qF "meson install -C build"
}
check "build/src/ringside starts with the build tree's schema" starts_from_build_tree
check "without its schema the program says what to run, in one line" says_schema_missing

# LINGUAS lists one or more languages per line; '#' starts a comment.
languages=$(sed 's/#.*//' "$linguas_file" 2>/dev/null | tr -s ' \t' '\n\n' | sed '/^$/d')
for lang in $languages; do
  check "the $lang translation is installed" \
    test -f "$root$localedir/$lang/LC_MESSAGES/$gettext_package.mo"
  check "the desktop file is translated to $lang" has_text "$desktop" "Comment[$lang]="
  check "the metainfo is translated to $lang" has_text "$metainfo" "xml:lang=\"$lang\""
done

echo "1..$count"
[ "$failed" -eq 0 ]
