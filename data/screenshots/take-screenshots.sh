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
  # The screen is large so that the pointer, moved to its bottom right corner, stays clear
  # of the windows at its top left corner.
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

# shot NAME SIZE SCHEME VIEW KEYS ARGS...: starts the app at SIZE ("1280x800") in the SCHEME
# ("light" or "dark") on VIEW with ARGS, types KEYS ("" for none: words to type, then keys,
# see send_keys) once it is shown, and saves NAME.png.
shot () {
  local name=$1 size=$2 scheme=$3 view=$4 keys=$5 pid x y w h out
  shift 5
  out=$output_dir/$name
  # The pointer to a corner, where it hovers over nothing.
  xdotool mousemove 2390 1590
  gsettings set $schema last-view "$view"
  gsettings set $schema window-width "${size%x*}"
  gsettings set $schema window-height "${size#*x}"
  if [ "$scheme" = dark ]; then
    ADW_DEBUG_COLOR_SCHEME=prefer-dark "$app" "$@" &
  else
    ADW_DEBUG_COLOR_SCHEME=prefer-light "$app" "$@" &
  fi
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
  if [ -n "$keys" ]; then
    grab_when_still "$out"
    send_keys "$x" "$y" "$w" "$h" $keys
  fi
  grab_when_still "$out"
  convert "$out.tmp.png" -crop "${w}x${h}+${x}+${y}" +repage -strip "$out.png"
  rm -f "$out.tmp.png"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$out.png"
}

# send_keys X Y W H KEY...: "type:TEXT" types TEXT (which starts a search), "scroll:N" turns
# the wheel N notches down over the right half of the window (the details when they are
# beside the list, the page when they are alone), anything else is an xdotool key name.
send_keys () {
  local x=$1 y=$2 w=$3 h=$4 key
  shift 4
  for key in "$@"; do
    case "$key" in
      type:*) xdotool type --delay 60 "${key#type:}" ;;
      scroll:*)
        xdotool mousemove $((x + w * 3 / 4)) $((y + h / 2))
        xdotool click --repeat "${key#scroll:}" --delay 40 5
        xdotool mousemove 2390 1590 ;;
      *) xdotool key "$key" ;;
    esac
    sleep 1
  done
}

# Large screens, light and dark: the accounts, then a user's details beside the users (the
# search for "kwame" opens the first Kwame, who has two managers above him).
shot accounts 1280x800 light accounts "" --demo
shot users 1280x800 light users "type:kwame Return" --demo
shot users-dark 1280x800 dark users "type:kwame Return scroll:12" --demo
# A sub-account of the demo's contact centre: an agent's details beside its agents (the search
# for "kim" opens the first Kim), then its History in the dark.
shot agents 1280x800 light accounts "type:technical Return type:kim Return" --demo
shot history-dark 1280x800 dark accounts "type:technical Return alt+4" --demo
# A phone: the users list, then a manager's details, their reports and "More".
shot users-narrow 360x720 light users "" --demo
shot details-narrow-dark 360x720 dark users "type:dana Return scroll:14" --demo
# No session is stored in this keyring, so the app opens on the sign-in dialog.
shot sign-in 1280x800 light accounts ""
