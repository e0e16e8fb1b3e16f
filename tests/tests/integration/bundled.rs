//! One list of bundled vendors: `errspec_codegen::bundled::BUNDLED`. Every other list follows
//! it, and this file fails when a bundled spec is missing from one: the harness's `VENDORS`
//! (which the hostile, property and stack tests and the fuzz targets iterate), the fuzz targets
//! and their seeds, the corpus the differential test decodes, and a test module of its own.
//! (The CLI's `VENDORS` and the benchmarks' are held to it in their own crates.)

use std::path::{Path, PathBuf};

use errspec_codegen::bundled::BUNDLED;
use errspec_tests::harness::VENDORS;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A bundled spec's file name as a Rust identifier: `itsm-ng.toml` is `itsm_ng`.
fn snake(file_name: &str) -> String {
    file_name.trim_end_matches(".toml").replace('-', "_")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn the_harness_lists_every_bundled_spec_in_order() {
    let harness: Vec<&str> = VENDORS.iter().map(|vendor| vendor.spec_file()).collect();
    let bundled: Vec<&str> = BUNDLED.iter().map(|spec| spec.file_name).collect();
    assert_eq!(harness, bundled);
}

#[test]
fn every_bundled_spec_has_a_fuzz_target_with_seeds() {
    let fuzz = workspace().join("fuzz");
    let manifest = read(&fuzz.join("Cargo.toml"));
    for (vendor, spec) in VENDORS.iter().zip(BUNDLED) {
        let name = snake(spec.file_name);
        assert!(
            manifest.contains(&format!(
                "name = \"{name}\"\npath = \"fuzz_targets/{name}.rs\""
            )),
            "fuzz/Cargo.toml has no [[bin]] {name}"
        );
        let target = read(&fuzz.join(format!("fuzz_targets/{name}.rs")));
        assert!(
            target.contains(&format!("Vendor::{vendor:?}.decode(status, body)")),
            "fuzz_targets/{name}.rs does not decode with the harness's Vendor::{vendor:?}"
        );
        let seeds = std::fs::read_dir(fuzz.join("seeds").join(&name))
            .unwrap_or_else(|error| panic!("fuzz/seeds/{name}: {error}"))
            .count();
        assert!(seeds >= 3, "fuzz/seeds/{name} holds {seeds} seeds");
    }
}

#[test]
fn every_bundled_spec_has_a_corpus_and_a_test_module() {
    let main = read(&workspace().join("tests/tests/integration/main.rs"));
    for spec in BUNDLED {
        let stem = spec.file_name.trim_end_matches(".toml");
        let corpus = workspace().join(format!("tests/corpus/{stem}.txt"));
        assert!(corpus.is_file(), "{} is missing", corpus.display());
        let name = snake(spec.file_name);
        assert!(
            main.lines().any(|line| line == format!("mod {name};")),
            "tests/tests/integration/main.rs declares no `mod {name};`"
        );
    }
}
