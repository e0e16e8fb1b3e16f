//! Generated code works whatever the calling crate does: `tests/fixtures/hygiene` holds one
//! crate per edition (2015 to 2024), each depending on errspec renamed to `es` and expanding
//! bundled specs, in both forms, in a plain module, a `#![no_implicit_prelude]` module, a
//! module crowded with user traits (`map`, `from`, ...) and types (`u16`, `Option`,
//! `String`, ...), and a function body, with the features whose code is generated there (`serde`: `Serialize` impls) or runs
//! there (`tracing`). Each crate builds under `#![deny(warnings)]` and its tests decode with
//! those types.

use crate::fixture_crate;

#[test]
fn every_edition_renamed_dependency_no_prelude_and_crowded_scope() {
    let manifests = [
        "edition-2015/Cargo.toml",
        "edition-2018/Cargo.toml",
        "edition-2021/Cargo.toml",
        "edition-2024/Cargo.toml",
    ];
    let dir = fixture_crate::copy("hygiene", &manifests, "../../../../runtime");
    let output = fixture_crate::cargo(&dir, &["test", "--workspace"]);
    let printed = String::from_utf8_lossy(&output.stdout);
    let progress = String::from_utf8_lossy(&output.stderr);
    for edition in ["2015", "2018", "2021", "2024"] {
        assert!(
            progress.contains(&format!("Compiling edition-{edition} ")),
            "the edition {edition} crate was not built:\n{progress}"
        );
    }
    assert_eq!(
        printed.matches("test result: ok. 5 passed").count(),
        4,
        "each edition crate runs its five cases:\n{printed}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
