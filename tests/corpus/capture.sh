#!/usr/bin/env bash
# Rebuilds tests/corpus/<vendor>.txt: every body that the per-vendor tests, the hostile, round-trip
# and HTTP tests, the benchmarks' samples and the fuzz seeds decode with a bundled vendor,
# captured while those tests run.
#
# How: the workspace is copied to a scratch directory, where the copy's generated `decode`
# first appends `status<TAB>body` to `$ERRSPEC_CAPTURE_DIR/<SpecName>.txt` (a two-line patch of
# the copy's runtime; the repository's sources are not touched). The copy's
# integration tests run (a separate target directory, so nothing else is rebuilt; proptest with
# a fixed seed), then each vendor's bodies are deduplicated in first-seen order (each kept with
# the first status it was decoded with: the differential test decodes every body at many
# statuses anyway), bodies longer than $MAX_BODY bytes (escaped) dropped, and written here.
#
# Usage: bash tests/corpus/capture.sh            (from anywhere; takes a few minutes)
# Format of a corpus line: see tests/corpus/README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
scratch="${ERRSPEC_CAPTURE_SCRATCH:-$(mktemp -d)}"
max_body="${MAX_BODY:-1024}"
copy="$scratch/workspace"
out="$scratch/captured"
rm -rf "$copy" "$out"
mkdir -p "$copy" "$out"
(cd "$root" && tar --exclude=./target --exclude=./fuzz/target --exclude=./.git -cf - .) | tar -xf - -C "$copy"

# Generated `decode` reports each call before decoding.
perl -0pi -e 's/\$crate::__private::decode\(&SPEC, KnownEnvelope, status, body, &\$error::build\)/\{ \$crate::__private::capture(SPEC.name, status, body); \$crate::__private::decode(&SPEC, KnownEnvelope, status, body, &\$error::build) \}/' "$copy/runtime/src/error_impls.rs"
grep -q '__private::capture(SPEC.name' "$copy/runtime/src/error_impls.rs" || {
    echo "capture.sh: runtime/src/error_impls.rs changed shape; update the patch" >&2
    exit 1
}
perl -0pi -e 's/(pub mod __private \{\n)/$1    pub fn capture(spec: &str, status: u16, body: &[u8]) {\n        use std::io::Write as _;\n        let Some(dir) = std::env::var_os("ERRSPEC_CAPTURE_DIR") else { return };\n        let mut line = format!("{status}\\t").into_bytes();\n        for chunk in body.utf8_chunks() {\n            for c in chunk.valid().chars() {\n                match c {\n                    \x27\\\\\x27 => line.extend_from_slice(b"\\\\\\\\"),\n                    \x27\\n\x27 => line.extend_from_slice(b"\\\\n"),\n                    \x27\\r\x27 => line.extend_from_slice(b"\\\\r"),\n                    \x27\\t\x27 => line.extend_from_slice(b"\\\\t"),\n                    c if c.is_ascii_control() => line.extend_from_slice(format!("\\\\x{:02x}", c as u32).as_bytes()),\n                    c => line.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),\n                }\n            }\n            for byte in chunk.invalid() {\n                line.extend_from_slice(format!("\\\\x{byte:02x}").as_bytes());\n            }\n        }\n        line.push(b\x27\\n\x27);\n        let path = std::path::Path::new(&dir).join(format!("{spec}.txt"));\n        if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {\n            let _ = file.write_all(&line);\n        }\n    }\n/' "$copy/runtime/src/lib.rs"
grep -q 'pub fn capture' "$copy/runtime/src/lib.rs" || {
    echo "capture.sh: runtime/src/lib.rs changed shape; update the patch" >&2
    exit 1
}

# The benchmarks' samples and the fuzz seeds (first two bytes: the status, big endian).
cat > "$copy/tests/tests/zz_capture_extra.rs" <<'RUST'
#[path = "../../benches/src/bodies.rs"]
#[allow(dead_code)]
mod bodies;

use errspec_tests::harness::{Vendor, VENDORS};

fn samples(vendor: Vendor) -> &'static [bodies::Sample] {
    match vendor {
        Vendor::ItsmNg => bodies::ITSM_NG,
        Vendor::IgelImi => bodies::IGEL_IMI,
        Vendor::Itcare => bodies::ITCARE,
        Vendor::TelecomX => bodies::TELECOMX,
        Vendor::Netilion => bodies::NETILION,
        Vendor::GitHub => bodies::GITHUB,
        Vendor::Jira => bodies::JIRA,
        Vendor::Problem => bodies::PROBLEM,
    }
}

#[test]
fn capture_bench_samples_and_fuzz_seeds() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/seeds");
    for vendor in VENDORS {
        for sample in samples(vendor) {
            vendor.decode(sample.status, sample.body);
        }
        let dir = vendor.spec_file().trim_end_matches(".toml").replace('-', "_");
        let Ok(entries) = std::fs::read_dir(seeds.join(dir)) else { continue };
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|entry| entry.path()).collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(file).unwrap();
            if let [high, low, body @ ..] = &bytes[..] {
                vendor.decode(u16::from_be_bytes([*high, *low]), body);
            }
        }
    }
}
RUST

cd "$copy"
# Tests run one at a time so that lines appear in a stable order.
ERRSPEC_CAPTURE_DIR="$out" CARGO_TARGET_DIR="$scratch/target" \
    PROPTEST_CASES="${PROPTEST_CASES:-64}" PROPTEST_RNG_SEED="${PROPTEST_RNG_SEED:-1}" \
    cargo test -p errspec-tests --test integration --test zz_capture_extra -- --test-threads=1 \
    itsm_ng:: igel_imi:: itcare:: telecomx:: netilion:: github:: jira:: problem:: \
    message_only:: alternatives:: hostile:: hostile_props:: roundtrip:: http:: \
    capture_bench_samples_and_fuzz_seeds >&2

for pair in ItsmNg:itsm-ng IgelImi:igel-imi Itcare:itcare TelecomX:telecomx Netilion:netilion \
    GitHub:github Jira:jira Problem:problem; do
    spec="${pair%%:*}"
    vendor="${pair##*:}"
    target="$root/tests/corpus/$vendor.txt"
    {
        echo "# Generated by tests/corpus/capture.sh: every body the tests decode with $vendor.toml."
        echo "# One response per line: status, a tab, the body (escapes: \\\\ \\n \\r \\t \\xNN). See README.md."
        # Lines far longer than the cap (the 50 MB hostile bodies) are skipped before any
        # regex runs on them.
        LC_ALL=C awk -v max="$max_body" 'length($0) > max + 8 { next }
            { body = $0; sub(/^[0-9]+\t/, "", body) }
            length(body) <= max && !seen[body]++' "$out/$spec.txt"
    } > "$target"
    echo "$target: $(grep -vc '^#' "$target") responses" >&2
done
