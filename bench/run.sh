#!/bin/bash
# Builds Ringside in release mode and runs every benchmark, printing one line per figure:
# list loads of 1k, 10k and 100k users (hierarchical and flat), 1k sub-accounts and 20k agents
# across 40 groups in the real view under Xvfb, the 100k load again while an AT-SPI client
# reads the window, search and sort over 100k users, our parser against Python's json on the
# same 100k-user body, cold start, and restore from the keyring. See bench/README.md.
#
# usage: bench/run.sh [--quick] [--builddir DIR]
#   --quick         skip the 100k-user figures and run start-up 3 times instead of 7
#   --builddir DIR  the release build directory (default build-bench), created when missing
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

builddir=build-bench
quick=0

usage () {
  sed -n '7,9s/^# \{0,1\}//p' "$0" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; shift ;;
    --builddir) [ $# -ge 2 ] || usage; builddir=$2; shift 2 ;;
    -h|--help) usage ;;
    *) usage ;;
  esac
done

builddir=$(realpath -m "$builddir")

if [ "${RINGSIDE_BENCH_INNER:-}" != 1 ]; then
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" --buildtype=release >/dev/null
  fi
  meson compile -C "$builddir" >/dev/null
  meson compile -C "$builddir" bench >/dev/null

  # A throwaway HOME, a private D-Bus with a real gnome-keyring, and Xvfb. The daemons'
  # chatter goes to a log that is shown only if something failed.
  log=$(mktemp "${TMPDIR:-/tmp}/ringside-bench.XXXXXX")
  status=0
  # (The accessibility registry announces itself on standard output.)
  RINGSIDE_BENCH_INNER=1 RINGSIDE_BENCH_QUICK=$quick RINGSIDE_BENCH_BUILDDIR=$builddir \
    tests/run-isolated.sh --keyring --display bash "$0" 2>"$log" |
    grep --line-buffered -v '^SpiRegistry' || status=$?
  if [ "$status" -ne 0 ]; then
    grep -v -e '^dbus-daemon' -e 'SpiRegistry' "$log" >&2 || true
  fi
  rm -f "$log"
  exit "$status"
fi

# Inside the isolated session.
builddir=$RINGSIDE_BENCH_BUILDDIR
quick=$RINGSIDE_BENCH_QUICK
bin="$builddir/bench"

export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$builddir/data"
export GIO_USE_PROXY_RESOLVER=dummy
export GSK_RENDERER=cairo
export LC_ALL=C.UTF-8

memory=$(awk '/^MemTotal:/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
load=$(cut -d ' ' -f 1-3 /proc/loadavg)
echo "machine: $(nproc) CPUs ($cpu), $memory, load average $load;" \
     "$(date -u '+%Y-%m-%d %H:%M UTC');" \
     "GTK $(pkg-config --modversion gtk4), libadwaita $(pkg-config --modversion libadwaita-1)," \
     "GSK_RENDERER=cairo under Xvfb"

sizes=(1000 10000 100000)
runs=7
if [ "$quick" = 1 ]; then
  sizes=(1000 10000)
  runs=3
fi

# Each size in its own process, so that peak RSS figures do not mix.
for size in "${sizes[@]}"; do
  for form in nested flat; do
    extra=()
    if [ "$size" = 100000 ] && [ "$form" = flat ]; then
      extra=(--search-sort)
    fi
    "$bin/ringside-bench-list" --users="$size" --form="$form" "${extra[@]}"
  done
done
"$bin/ringside-bench-list" --accounts=1000
"$bin/ringside-bench-list" --agents
# The same load while an AT-SPI client (bench/atspi-client.py) reads the window: issue 15.
if [ "$quick" != 1 ]; then
  "$bin/ringside-bench-list" --users=100000 --form=flat --atspi-client
fi

largest=${sizes[-1]}
body="$RINGSIDE_TEST_SCRATCH/users.json"
"$bin/ringside-bench-server" --users="$largest" --dump="$body"
"$bin/ringside-bench-parse" --label="users-$((largest / 1000))k" "$body"
rm -f "$body"

"$bin/ringside-bench-startup" --runs="$runs" --cold-start="$builddir/src/ringside" \
  --label="cold start to window mapped (ringside --demo)"
"$bin/ringside-bench-startup" --runs="$runs" --cold-start="$bin/ringside-bench-baseline" \
  --label="cold start to window mapped, baseline (empty AdwApplicationWindow)"
"$bin/ringside-bench-startup" --runs="$runs" --restore
