#!/usr/bin/env bash
# `cargo build` of a crate using the 5,000-code spec, against the same crate with the enum and
# `match` written by hand. Dependencies are built first; each crate's own build is then timed
# (the best of three, after touching its source).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --quiet --manifest-path "$root/Cargo.toml" -p errspec-benches --example scale_crates -- "$work" "$root/runtime"
cp "$root/Cargo.lock" "$work/generated/Cargo.lock"
export CARGO_TARGET_DIR="$work/target"
best() {
  local crate=$1 best_ms=""
  (cd "$work/$crate" && cargo build --quiet --offline)
  for _ in 1 2 3; do
    touch "$work/$crate/src/lib.rs"
    local start end ms
    start=$(date +%s%N)
    (cd "$work/$crate" && cargo build --quiet --offline)
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [ -z "$best_ms" ] || [ "$ms" -lt "$best_ms" ]; then best_ms=$ms; fi
  done
  echo "$best_ms"
}
generated=$(best generated)
handwritten=$(best handwritten)
echo "build generated (errors_from_spec!, 5000 codes): ${generated} ms"
echo "build handwritten (enum + match, 5000 codes): ${handwritten} ms"
awk -v g="$generated" -v h="$handwritten" 'BEGIN { r = g / h; printf "ratio build generated/handwritten: %.2f, target <= 1.50: %s\n", r, (r <= 1.5 ? "meets" : "MISSES") }'
