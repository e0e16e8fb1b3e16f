//! The generated code of bundled specs, pretty-printed and committed, so that any change in
//! what the macro emits shows up in review. `UPDATE_SNAPSHOTS=1 cargo test -p
//! errspec-codegen --test snapshot` rewrites them.

use std::path::Path;

fn snapshot(spec_name: &str) {
    let spec = errspec_codegen::bundled::bundled(spec_name).expect("a bundled spec");
    let checked = errspec_codegen::check_spec(spec.source);
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let spec = checked.spec.expect("a valid spec");
    let tokens = errspec_codegen::expand(&spec, None, &quote::quote!(::errspec));
    let file = syn::parse2::<syn::File>(tokens).expect("the expansion parses as Rust items");
    let generated = prettyplease::unparse(&file);
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{}.rs", spec_name.trim_end_matches(".toml")));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &generated).expect("snapshot written");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "the generated code of {spec_name} changed; review it with UPDATE_SNAPSHOTS=1 and `git diff {}`",
        path.display()
    );
}

#[test]
fn telecomx_expansion_is_unchanged() {
    snapshot("telecomx.toml");
}

#[test]
fn itsm_ng_expansion_is_unchanged() {
    snapshot("itsm-ng.toml");
}
