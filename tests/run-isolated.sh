#!/bin/bash
# Runs one test program away from the user's session: a throwaway HOME and runtime directory,
# a private D-Bus session bus, and on request a real gnome-keyring-daemon on that bus
# (--keyring) and an Xvfb display (--display).
#
# usage: run-isolated.sh [--keyring] [--display] PROGRAM [ARGS...]
set -eu

keyring=0
display=0
while [ $# -gt 0 ]; do
  case "$1" in
    --keyring) keyring=1; shift ;;
    --display) display=1; shift ;;
    --inner) shift; break ;;
    *) break ;;
  esac
done

if [ "${RINGSIDE_ISOLATED_INNER:-}" = 1 ]; then
  # Inside the private bus: start the keyring daemon, then the test.
  if [ "$keyring" = 1 ]; then
    # A non-empty password on stdin makes the daemon create an unlocked "login" collection.
    # DISPLAY is hidden from it so that it can never pop up a prompt and hang, and the
    # tests' G_DEBUG=fatal-warnings so that the daemon's own warnings do not kill it.
    eval "$(echo "ringside-test" | env -u DISPLAY -u WAYLAND_DISPLAY -u G_DEBUG -u MALLOC_CHECK_ \
            -u LD_PRELOAD gnome-keyring-daemon --unlock --components=secrets --daemonize)"
    export GNOME_KEYRING_CONTROL
    if ! gdbus wait --session --timeout 10 org.freedesktop.secrets; then
      echo "Bail out! gnome-keyring-daemon did not appear on the session bus"
      exit 1
    fi
  fi
  set +e
  # RINGSIDE_TEST_WRAPPER runs the test program under a tool, e.g. valgrind.
  ${RINGSIDE_TEST_WRAPPER:-} "$@"
  status=$?
  # The daemon outlives the bus: stop the one whose environment is this test's.
  if [ "$keyring" = 1 ]; then
    for environ in /proc/[0-9]*/environ; do
      if grep -qsz "^XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR\$" "$environ" &&
         grep -qs gnome-keyring-daemon "${environ%/environ}/cmdline"; then
        pid=${environ#/proc/}
        kill "${pid%/environ}" 2>/dev/null || true
      fi
    done
  fi
  exit $status
fi

# Where the rig cannot be built (inside flatpak-builder's SDK sandbox) the test is skipped,
# in TAP, rather than failed.
skip_without () {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "1..0 # SKIP $1 is not installed"
    exit 0
  fi
}
skip_without dbus-run-session
[ "$keyring" = 1 ] && skip_without gnome-keyring-daemon
[ "$display" = 1 ] && skip_without Xvfb

scratch=$(mktemp -d "${TMPDIR:-/tmp}/ringside-test.XXXXXX")
cleanup () { rm -rf "$scratch"; }
trap cleanup EXIT

export HOME="$scratch/home"
export XDG_RUNTIME_DIR="$scratch/runtime"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache"
export RINGSIDE_TEST_SCRATCH="$scratch"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

inner=(env RINGSIDE_ISOLATED_INNER=1 bash "$0")
[ "$keyring" = 1 ] && inner+=(--keyring)
inner+=(--inner "$@")

# Xvfb picks a free display itself (-displayfd) and says which once it accepts clients:
# xvfb-run -a guesses a number first, and two tests starting together could both take :99.
start_xvfb () {
  local number_file=$scratch/display
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$number_file" 2>"$scratch/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 300); do
    if [ -s "$number_file" ]; then
      DISPLAY=":$(head -n 1 "$number_file")"
      export DISPLAY
      return 0
    fi
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill "$xvfb_pid" 2>/dev/null
  cat "$scratch/xvfb.log" >&2
  echo "Bail out! Xvfb did not start"
  exit 1
}

set +e
if [ "$display" = 1 ]; then
  start_xvfb
  env -u WAYLAND_DISPLAY dbus-run-session -- "${inner[@]}"
  status=$?
  kill "$xvfb_pid" 2>/dev/null
  wait "$xvfb_pid" 2>/dev/null
  exit $status
else
  env -u DISPLAY -u WAYLAND_DISPLAY dbus-run-session -- "${inner[@]}"
fi
exit $?
