#!/usr/bin/env bash
# A user's first build (target 5 of benches/README.md): a crate that decodes one bundled spec's
# errors with errspec, against a crate that decodes the same vendor's errors by hand with
# thiserror, serde and serde_json. Each is built cold with all its dependencies (an empty target
# directory of its own, `CARGO_INCREMENTAL=0`, the registry already downloaded), the best of
# $RUNS, and the ratio printed. `FEATURES` chooses errspec's features (its defaults unless set,
# e.g. FEATURES=none for `default-features = false`).
#
#   bash benches/first-build.sh
#   RUNS=1 PROFILE=release bash benches/first-build.sh
set -euo pipefail
# `$(best ...)` stops at a failed command too.
shopt -s inherit_errexit
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
profile=${PROFILE:-debug}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_INCREMENTAL=0

features_line=""
case "${FEATURES:-}" in
"") ;;
none) features_line='default-features = false' ;;
*) features_line="default-features = false, features = [$(echo "$FEATURES" | sed 's/[^ ,][^ ,]*/"&"/g; s/ /, /g')]" ;;
esac

mkdir -p "$work/with-errspec/src" "$work/by-hand/src"
cp "$root/specs/itcare.toml" "$work/with-errspec/src/itcare.toml"
cat >"$work/with-errspec/Cargo.toml" <<TOML
[package]
name = "with-errspec"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
errspec = { path = "$root/runtime"${features_line:+, $features_line} }

[workspace]
TOML
cat >"$work/with-errspec/src/lib.rs" <<'RUST'
//! ITCare's errors, decoded by errspec from the bundled spec.
errspec::errors_from_spec!("itcare.toml");

/// The first error's code of a response.
pub fn first_code(status: u16, body: &[u8]) -> Option<String> {
    ItcareError::decode(status, body).first().code().map(str::to_owned)
}
RUST
cat >"$work/by-hand/Cargo.toml" <<'TOML'
[package]
name = "by-hand"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"
thiserror = "2"

[workspace]
TOML
cat >"$work/by-hand/src/lib.rs" <<'RUST'
//! ITCare's errors, decoded by hand: a derived envelope, then a `match` on the code.
use serde::Deserialize;

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow, rename = "errorCode")]
    code: Option<&'a str>,
    #[serde(borrow, rename = "errorMessage")]
    message: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, rename = "errorDesc")]
    desc: Option<std::borrow::Cow<'a, str>>,
}

/// An ITCare error.
#[derive(Debug, thiserror::Error)]
pub enum ItcareError {
    #[error("{code}: {message}")]
    Known { code: &'static str, message: String, desc: Option<String> },
    #[error("{message}")]
    Unknown { code: Option<String>, message: String },
}

/// The error a response holds.
pub fn decode(body: &[u8]) -> ItcareError {
    let envelope: Envelope<'_> = serde_json::from_slice(body).unwrap_or(Envelope { code: None, message: None, desc: None });
    let message = envelope.message.map(|m| m.into_owned()).unwrap_or_default();
    let code = match envelope.code {
        Some("INVALID_FIELD_VALUE") => "INVALID_FIELD_VALUE",
        other => return ItcareError::Unknown { code: other.map(str::to_owned), message },
    };
    ItcareError::Known { code, message, desc: envelope.desc.map(|d| d.into_owned()) }
}
RUST

flag=""
[ "$profile" = release ] && flag="--release"
# Download (or find in the registry) what each needs, outside the timing.
for crate in with-errspec by-hand; do
  (cd "$work/$crate" && cargo fetch --quiet)
done
# best <crate>: "<seconds> <peak KiB>" of the best cold build.
best() {
  local crate=$1 best_s="" best_kib=""
  for _ in $(seq "$runs"); do
    rm -rf "$work/$crate/target"
    local out s kib
    # A build that fails is no measurement: its output, and the script stops.
    # shellcheck disable=SC2086
    if ! out=$( (cd "$work/$crate" && /usr/bin/time -f "%e %M" cargo build --quiet $flag) 2>&1); then
      echo "$crate failed to build:" >&2
      echo "$out" >&2
      return 1
    fi
    out=$(echo "$out" | tail -1)
    s=${out% *} kib=${out#* }
    if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then best_s=$s; fi
    if [ -z "$best_kib" ] || [ "$kib" -lt "$best_kib" ]; then best_kib=$kib; fi
  done
  echo "$best_s $best_kib"
}
errspec=$(best with-errspec) || exit 1
by_hand=$(best by-hand) || exit 1
awk -v g="$errspec" -v b="$by_hand" -v p="$profile" -v f="${FEATURES:-default}" 'BEGIN {
  split(g, gs, " "); split(b, bs, " ");
  printf "first build, %s, errspec features %s: errspec %.1f s; thiserror+serde+serde_json %.1f s; ratio %.2f\n",
    p, f, gs[1], bs[1], gs[1] / bs[1]
}'
