#!/bin/bash
# Runs the list loader's threads under ThreadSanitizer: a clang build with
# -Db_sanitize=thread, then test-list-loader and test-item-list, halting on the first report.
# tests/tsan.supp holds suppressions for GLib/GIO internals only (why: see that file).
# Not part of tests/run-all.sh: it builds everything again with clang. See bench/README.md.
#
# usage: bench/tsan.sh [--builddir DIR]
#   --builddir DIR  the ThreadSanitizer build directory (default build-tsan), made if missing
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

builddir=build-tsan

usage () {
  sed -n '7,8s/^# \{0,1\}//p' "$0" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --builddir) [ $# -ge 2 ] || usage; builddir=$2; shift 2 ;;
    -h|--help) usage ;;
    *) usage ;;
  esac
done

command -v clang >/dev/null || { echo "tsan.sh: clang is needed (apt-get install clang)" >&2; exit 1; }

if [ ! -f "$builddir/build.ninja" ]; then
  # b_lundef=false: the sanitizer runtime is linked into the programs, not the static libraries.
  CC=clang meson setup "$builddir" -Db_sanitize=thread -Db_lundef=false \
    --buildtype=debugoptimized >/dev/null
fi
meson compile -C "$builddir" tests/test-list-loader tests/test-item-list >/dev/null

start=$(date +%s)
# Debian's GLib is not instrumented: its futex-based GMutex is invisible to TSan, so our own
# locks are annotated (ringside-tsan-private.h) and the rest is suppressed in tests/tsan.supp.
TSAN_OPTIONS="suppressions=$top/tests/tsan.supp halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}" \
  meson test -C "$builddir" test-list-loader test-item-list --print-errorlogs \
    --timeout-multiplier 4 --num-processes 1
echo "ThreadSanitizer: test-list-loader and test-item-list clean in $(( $(date +%s) - start )) s"
