#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes the AppStream screenshots from the demo mode in a throwaway session (private HOME,
# D-Bus and keyring from tests/run-isolated.sh, and an Xvfb display), so that they can be
# redone after any change to the UI.
#
# usage: data/screenshots/take-screenshots.sh BUILD_DIR [OUTPUT_DIR]
#
# Needs xvfb-run, xdotool, ImageMagick (import, convert) and gnome-keyring. Run
# `LANGUAGE=de data/screenshots/take-screenshots.sh build /tmp/de` for a translated set.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
source_root=$(cd "$here/../.." && pwd)

if [ "${RINGSIDE_SCREENSHOTS_INNER:-}" != 1 ]; then
  if [ $# -lt 1 ]; then
    echo "usage: $0 BUILD_DIR [OUTPUT_DIR]" >&2
    exit 2
  fi
  build_dir=$(cd "$1" && pwd)
  output_dir=$(mkdir -p "${2:-$here}" && cd "${2:-$here}" && pwd)
  # The screen is large because Xvfb's pointer cannot be moved: it rests in the middle of
  # the screen, and the windows, at its top left corner, must stay clear of it.
  exec "$source_root/tests/run-isolated.sh" --keyring \
    env RINGSIDE_SCREENSHOTS_INNER=1 xvfb-run -a -s '-screen 0 2400x1600x24' \
    bash "$0" "$build_dir" "$output_dir"
fi

build_dir=$1
output_dir=$2
app=$build_dir/src/ringside

# A keyfile backend, so that `gsettings set` here and the app share the settings.
export GSETTINGS_BACKEND=keyfile
export GSETTINGS_SCHEMA_DIR=$build_dir/data
export GDK_BACKEND=x11
export NO_AT_BRIDGE=1 GTK_A11Y=none
schema=io.github.ringside.Ringside

gsettings set $schema window-width 1000
gsettings set $schema window-height 680
gsettings set $schema window-maximized false

# Prints the visible windows of a process, largest first, as "AREA ID X Y WIDTH HEIGHT".
windows_of () {
  local id
  for id in $(xdotool search --onlyvisible --pid "$1" 2>/dev/null); do
    eval "$(xdotool getwindowgeometry --shell "$id")"
    echo "$((WIDTH * HEIGHT)) $id $X $Y $WIDTH $HEIGHT"
  done | sort -rn
}

# Waits for the main window of a process and prints its geometry as "X Y WIDTH HEIGHT".
main_window_geometry () {
  local area id x y w h
  for _ in $(seq 100); do
    if read -r area id x y w h < <(windows_of "$1"); then
      echo "$x $y $w $h"
      return 0
    fi
    sleep 0.1
  done
  return 1
}

# There is no window manager on Xvfb: do its job of centring dialogs on the main window.
centre_dialogs () {
  local pid=$1 mx=$2 my=$3 mw=$4 mh=$5 area id x y w h first=1
  while read -r area id x y w h; do
    if [ "$first" = 1 ]; then
      first=0
      continue
    fi
    xdotool windowmove "$id" $((mx + (mw - w) / 2)) $((my + (mh - h) / 2))
  done < <(windows_of "$pid")
}

# Grabs the screen until three grabs in a row are the same: the demo data has loaded and
# every animation (spinners, transitions) has come to rest.
grab_when_still () {
  local out=$1 previous="" current same=0
  for _ in $(seq 60); do
    sleep 0.7
    import -window root "$out.tmp.png"
    current=$(md5sum < "$out.tmp.png")
    if [ "$current" = "$previous" ]; then
      same=$((same + 1))
      [ "$same" -ge 2 ] && return 0
    else
      same=0
    fi
    previous=$current
  done
  echo "the screen did not settle for $(basename "$out")" >&2
}

# shot NAME VIEW ARGS...: starts the app on VIEW with ARGS and saves NAME.png.
shot () {
  local name=$1 view=$2 pid x y w h out
  shift 2
  out=$output_dir/$name
  gsettings set $schema last-view "$view"
  "$app" "$@" &
  pid=$!
  if ! main_window_geometry "$pid" > /dev/null; then
    echo "no window appeared for $name" >&2
    kill "$pid" 2>/dev/null || true
    return 1
  fi
  # Give dialogs time to map before centring them; grab_when_still waits for the rest.
  sleep 1
  read -r x y w h < <(main_window_geometry "$pid")
  centre_dialogs "$pid" "$x" "$y" "$w" "$h"
  grab_when_still "$out"
  convert "$out.tmp.png" -crop "${w}x${h}+${x}+${y}" +repage -strip "$out.png"
  rm -f "$out.tmp.png"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$out.png"
}

shot accounts accounts --demo
shot users users --demo
# No session is stored in this keyring, so the app opens on the sign-in dialog.
shot sign-in accounts
