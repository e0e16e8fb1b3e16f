#!/usr/bin/env bash
# The cost of compiling errspec's generated code, against the same errors written by hand with
# thiserror (benches/examples/scale_crates.rs writes both crates for each size).
#
# Each crate's own build is measured cold (`CARGO_INCREMENTAL=0`, its dependencies built first,
# its source touched), the best of $RUNS, with its wall time and peak memory (`/usr/bin/time`:
# the largest process, rustc). Prints the ratios of targets 4 and 5 of benches/README.md.
#
#   bash benches/build-time.sh            # 5,000 codes: debug and release, ratios
#   SIZES="5000 20000" bash benches/build-time.sh   # also 20,000 codes (takes long)
#   PROFILES=debug RUNS=1 bash benches/build-time.sh   # the debug builds only, once each
set -euo pipefail
# `$(best ...)` stops at a failed command too.
shopt -s inherit_errexit
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=${SIZES:-5000}
runs=${RUNS:-3}
profiles=${PROFILES:-debug release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2086
cargo run --quiet --release --manifest-path "$root/Cargo.toml" -p errspec-benches --no-default-features \
  --example scale_crates -- "$work" "$root/runtime" $sizes
export CARGO_TARGET_DIR="$work/target" CARGO_INCREMENTAL=0

# best <crate> <cargo subcommand and flags...>: "<seconds> <peak KiB>" of the best run.
best() {
  local crate=$1
  shift
  (cd "$work/$crate" && cargo "$@" --quiet)
  local best_s="" best_kib=""
  for _ in $(seq "$runs"); do
    touch "$work/$crate/src/lib.rs"
    local out
    # A build that fails is no measurement: its output, and the script stops.
    if ! out=$( (cd "$work/$crate" && /usr/bin/time -f "%e %M" cargo "$@" --quiet) 2>&1); then
      echo "$crate failed to build:" >&2
      echo "$out" >&2
      return 1
    fi
    out=$(echo "$out" | tail -1)
    local s=${out% *} kib=${out#* }
    if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
      best_s=$s
    fi
    if [ -z "$best_kib" ] || [ "$kib" -lt "$best_kib" ]; then best_kib=$kib; fi
  done
  echo "$best_s $best_kib"
}

report() {
  local what=$1 generated=$2 baseline=$3
  awk -v what="$what" -v g="$generated" -v b="$baseline" 'BEGIN {
    split(g, gs, " "); split(b, bs, " ");
    t = gs[1] / bs[1]; m = gs[2] / bs[2];
    printf "%s: errspec %.1f s, %.0f MiB; thiserror %.1f s, %.0f MiB; ratio time %.2f, memory %.2f (target <= 1.50: %s)\n",
      what, gs[1], gs[2] / 1024, bs[1], bs[2] / 1024, t, m, (t <= 1.5 && m <= 1.5 ? "meets" : "MISSES")
  }'
}

for size in $sizes; do
  for profile in $profiles; do
    flag=""
    [ "$profile" = release ] && flag="--release"
    # shellcheck disable=SC2086
    generated=$(best "generated-$size" build $flag)
    # shellcheck disable=SC2086
    baseline=$(best "thiserror-$size" build $flag)
    report "build $profile, $size codes" "$generated" "$baseline"
  done
  check=$(best "generated-$size" check)
  echo "check, $size codes: errspec ${check% *} s, $(( ${check#* } / 1024 )) MiB"
done
