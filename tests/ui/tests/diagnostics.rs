//! Every mistake of a spec is reported in one build.

use std::fs;

/// The `.stderr` of a case, as trybuild checked it against the compiler's output.
fn stderr(case: &str) -> String {
    let path = format!(
        "{}/cases/diagnostics/{case}.stderr",
        env!("CARGO_MANIFEST_DIR")
    );
    fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

#[test]
fn a_spec_with_three_mistakes_fails_with_three_errors_in_one_build() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("cases/diagnostics/three-mistakes.rs");
    drop(cases);

    let stderr = stderr("three-mistakes");
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("error"))
        .collect();
    assert_eq!(
        errors,
        [
            "error: status 4040 is not an HTTP status (100..=599)",
            "error: unknown kind `conflcit`",
            "error: unknown key `mesage` in [[error]]",
        ],
        "{stderr}"
    );
    for place in [
        "--> three-mistakes.toml:10:10",
        "--> three-mistakes.toml:14:8",
        "--> three-mistakes.toml:18:1",
    ] {
        assert!(stderr.contains(place), "{place} missing from:\n{stderr}");
    }
}
