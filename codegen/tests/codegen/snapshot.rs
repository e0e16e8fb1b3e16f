//! The generated code of a small spec that uses every feature of the format
//! (`tests/specs/features.toml`), pretty-printed and committed whole, so that any change in what
//! the macro emits shows up in review as a readable diff. The bundled vendor specs are compiled
//! (and held to `#![deny(warnings, clippy::pedantic)]`) by the `errspec-tests` crate.
//! `UPDATE_SNAPSHOTS=1 cargo test -p errspec-codegen --test codegen snapshot` rewrites the file.

use std::path::Path;

#[test]
fn the_feature_spec_expansion_is_unchanged() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source =
        std::fs::read_to_string(root.join("tests/specs/features.toml")).expect("the feature spec");
    let checked = errspec_codegen::check_spec(&source);
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let spec = checked.spec.expect("a valid spec");
    let tokens = errspec_codegen::expand(&spec, None, &quote::quote!(::errspec));
    let file = syn::parse2::<syn::File>(tokens).expect("the expansion parses as Rust items");
    let generated = prettyplease::unparse(&file);
    let path = root.join("tests/snapshots/features.rs");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &generated).expect("snapshot written");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "the generated code changed; review it with UPDATE_SNAPSHOTS=1 and `git diff {}`",
        path.display()
    );
    assert!(
        generated.lines().count() < 600,
        "the snapshot is meant to be read whole"
    );
}
