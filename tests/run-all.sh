#!/bin/bash
# The whole test suite from a fresh clone on a fresh Debian 12 machine: installs the
# dependencies, builds, runs every test, then builds again with AddressSanitizer and
# UndefinedBehaviorSanitizer and runs every test once more; the core tests also run under
# valgrind for leaks, and every fuzz target runs for 30 s.
#
# usage: tests/run-all.sh        (as root, or with sudo available)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

"$top/.ci/install-deps"

echo "== Build and test"
rm -rf build-test
meson setup build-test --buildtype=debugoptimized --werror
meson compile -C build-test
meson test -C build-test --print-errorlogs --num-processes 2

echo "== Core tests under valgrind: no definite leaks, no invalid accesses"
# Known leaks inside libsoup 3.2, libsecret 0.20 and GDBus are listed in tests/valgrind.supp.
RINGSIDE_TEST_WRAPPER="valgrind --quiet --leak-check=full --show-leak-kinds=definite \
  --errors-for-leak-kinds=definite --error-exitcode=99 --num-callers=40 \
  --suppressions=$top/tests/valgrind.supp" \
  meson test -C build-test --suite core --print-errorlogs --num-processes 2 \
  --timeout-multiplier 10

echo "== Build and test with AddressSanitizer and UndefinedBehaviorSanitizer"
rm -rf build-asan
meson setup build-asan --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false
meson compile -C build-asan
# GL under Xvfb needs no checking here, and ASan is slow: give the tests more time.
GDK_DEBUG=gl-disable meson test -C build-asan --print-errorlogs --num-processes 2 \
  --timeout-multiplier 3

echo "== Fuzzing: a short run of every libFuzzer target (clang, ASan, UBSan)"
bench/fuzz.sh --seconds 30

echo "== All tests passed"
