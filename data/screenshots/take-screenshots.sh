#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes the AppStream screenshots from the demo mode, in a throwaway session (private HOME,
# D-Bus, keyring and Xvfb display from tests/run-isolated.sh), so that they can be redone
# after any change to the UI.
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
  exec "$source_root/tests/run-isolated.sh" --keyring --display \
    env RINGSIDE_SCREENSHOTS_INNER=1 bash "$0" "$build_dir" "$output_dir"
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

# Prints the largest visible window of a process as "X Y WIDTH HEIGHT" once it is mapped.
main_window_geometry () {
  local pid=$1 id best="" best_area=0
  for _ in $(seq 100); do
    for id in $(xdotool search --onlyvisible --pid "$pid" 2>/dev/null); do
      eval "$(xdotool getwindowgeometry --shell "$id")"
      if [ $((WIDTH * HEIGHT)) -gt "$best_area" ]; then
        best_area=$((WIDTH * HEIGHT))
        best="$X $Y $WIDTH $HEIGHT"
      fi
    done
    if [ -n "$best" ]; then
      echo "$best"
      return 0
    fi
    sleep 0.1
  done
  return 1
}

# Grabs the screen until two grabs in a row are the same: the demo data has loaded and
# every animation (spinners, transitions) has come to rest.
grab_when_still () {
  local out=$1 previous="" current
  for _ in $(seq 40); do
    sleep 0.5
    import -window root "$out.tmp.png"
    current=$(md5sum < "$out.tmp.png")
    if [ "$current" = "$previous" ]; then
      break
    fi
    previous=$current
  done
}

# shot NAME VIEW ARGS...: starts the app on VIEW with ARGS and saves NAME.png.
shot () {
  local name=$1 view=$2 pid geometry x y w h out
  shift 2
  out=$output_dir/$name
  gsettings set $schema last-view "$view"
  "$app" "$@" &
  pid=$!
  if ! geometry=$(main_window_geometry "$pid"); then
    echo "no window appeared for $name" >&2
    kill "$pid" 2>/dev/null || true
    return 1
  fi
  read -r x y w h <<< "$geometry"
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
