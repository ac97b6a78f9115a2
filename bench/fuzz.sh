#!/bin/bash
# Builds the libFuzzer targets of tests/fuzz with clang, ASan and UBSan, and runs each one
# over a writable copy of its seed corpus for a fixed number of executions or a fixed time.
# Prints one line per target and fails if any target crashed; crash files are kept.
#
# usage: bench/fuzz.sh [--runs N | --seconds S] [--builddir DIR] [TARGET...]
#   --runs N        executions per target (default 10000000)
#   --seconds S     seconds per target instead
#   --builddir DIR  the clang build directory (default build-fuzz), created when missing
#   TARGET          only these targets (default: all of tests/fuzz/corpus/*)
#
# Needs clang, libclang-rt-14-dev (libFuzzer) and llvm (llvm-symbolizer, for stack traces).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

limit=(-runs=10000000)
builddir=build-fuzz
targets=()

usage () {
  sed -n '6,10s/^# \{0,1\}//p' "$0" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) [ $# -ge 2 ] || usage; limit=(-runs="$2"); shift 2 ;;
    --seconds) [ $# -ge 2 ] || usage; limit=(-max_total_time="$2"); shift 2 ;;
    --builddir) [ $# -ge 2 ] || usage; builddir=$2; shift 2 ;;
    -h|--help) usage ;;
    -*) usage ;;
    *) targets+=("$1"); shift ;;
  esac
done

if [ ${#targets[@]} -eq 0 ]; then
  for dir in tests/fuzz/corpus/*/; do
    targets+=("$(basename "$dir")")
  done
fi

if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" --buildtype=debugoptimized -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
# Quiet unless the build fails: then its output says why.
if ! build_log=$(meson compile -C "$builddir" fuzz 2>&1); then
  printf '%s\n' "$build_log" >&2
  echo "the fuzz targets did not build" >&2
  exit 1
fi

# Crash files stay in $crashes across runs; each run starts from the seeds again so that
# its figures do not depend on earlier runs.
work="$builddir/fuzz-work"
crashes="$builddir/fuzz-crashes"
mkdir -p "$work" "$crashes"

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

failed=0
for target in "${targets[@]}"; do
  exe="$builddir/tests/fuzz/$target"
  seeds="tests/fuzz/corpus/$target"
  corpus="$work/$target"
  log="$work/$target.log"
  if [ ! -x "$exe" ] || [ ! -d "$seeds" ]; then
    echo "$target: no such fuzz target" >&2
    failed=1
    continue
  fi

  rm -rf "$corpus"
  mkdir -p "$corpus" "$crashes/$target"
  cp "$seeds"/* "$corpus"/

  dict=()
  case "$target" in
    fuzz-jwt) dict=(-dict=tests/fuzz/jwt.dict) ;;
    fuzz-server-url) dict=(-dict=tests/fuzz/url.dict) ;;
    fuzz-csv-writer) dict=(-dict=tests/fuzz/csv.dict) ;;
    fuzz-retry-after) dict=(-dict=tests/fuzz/http-date.dict) ;;
    *) dict=(-dict=tests/fuzz/json.dict) ;;
  esac

  start=$(date +%s)
  status=0
  "$exe" "${limit[@]}" "${dict[@]}" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$crashes/$target/" "$corpus" >"$log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - start ))

  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if [ -z "$executions" ]; then
    executions=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
  fi

  if [ "$status" -eq 0 ]; then
    echo "$target: ${executions:-?} executions, 0 crashes, $elapsed s"
  else
    artifact=$(sed -n 's/.*Test unit written to //p' "$log" | tail -n 1)
    echo "$target: ${executions:-?} executions, 1 crashes, $elapsed s" \
         "(${artifact:-no crash file}; log: $log)"
    failed=1
  fi
done

exit $failed
