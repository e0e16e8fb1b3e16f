//! Writes the synthetic specs the scale benchmarks use (5 to 5,000 codes) and the module
//! that expands them, into OUT_DIR.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/scale_spec.rs"]
mod scale_spec;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    // The scale specs are expanded only with the `scale` feature (on by default).
    if std::env::var_os("CARGO_FEATURE_SCALE").is_some() {
        let mut module = String::new();
        let mut matches = String::new();
        for size in scale_spec::SIZES {
            let path = out.join(format!("scale-{size}.toml"));
            let source = scale_spec::scale_spec(size);
            matches.push_str(&code_match(&format!("scale_{size}"), &codes_of(&source)));
            std::fs::write(&path, source).expect("OUT_DIR is writable");
            let _ = writeln!(
                module,
                "/// A synthetic spec with {size} codes.\npub mod scale_{size} {{\n    errspec::errors_from_spec!({:?});\n}}",
                path.display().to_string()
            );
        }
        std::fs::write(out.join("scale.rs"), module).expect("OUT_DIR is writable");
        std::fs::write(out.join("scale_matches.rs"), matches).expect("OUT_DIR is writable");
    }
    std::fs::write(out.join("hand_codes.rs"), hand_code_matches()).expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/scale_spec.rs");
}

/// The test specs benchmarked for the shapes no bundled vendor uses (`errspec_benches::shapes`),
/// through links to `tests/specs/` that a package of this crate copies.
const SHAPE_SPECS: &[(&str, &str)] = &[
    ("graph", "specs/graph.toml"),
    ("rpc_v2_cbor", "specs/rpc-v2-cbor.toml"),
];

/// For each bundled vendor and shape spec, the `match` on its wire codes a careful person
/// writes by hand: `fn itsm_ng(code: &str) -> Option<u16>`.
fn hand_code_matches() -> String {
    let mut module = String::new();
    for (name, path) in SHAPE_SPECS {
        println!("cargo:rerun-if-changed={path}");
        let source = std::fs::read_to_string(path).expect("the test spec is readable");
        module.push_str(&code_match(name, &codes_of(&source)));
    }
    for bundled in errspec_codegen::bundled::BUNDLED {
        // The bundled spec as errspec-codegen ships it: its changes rebuild this script.
        let vendor = bundled.file_name.trim_end_matches(".toml");
        module.push_str(&code_match(
            &vendor.replace('-', "_"),
            &codes_of(bundled.source),
        ));
    }
    module
}

/// The distinct codes of a spec's entries, in order (an envelope's pointers start with `/`).
fn codes_of(spec: &str) -> Vec<&str> {
    let mut codes: Vec<&str> = spec
        .lines()
        .filter_map(|line| line.trim().strip_prefix("code = \""))
        .filter_map(|rest| rest.split('"').next())
        .filter(|code| !code.starts_with('/'))
        .collect();
    let mut seen = std::collections::HashSet::new();
    codes.retain(|code| seen.insert(*code));
    codes
}

/// `fn <name>(code: &str) -> Option<u16>`: a `match` on `codes`, each to its index.
fn code_match(name: &str, codes: &[&str]) -> String {
    let mut module = format!(
        "/// The hand-written code match of {name}.\n#[must_use]\npub fn {name}(code: &str) -> Option<u16> {{\n"
    );
    if codes.is_empty() {
        // A spec whose errors carry no code (Jira's): nothing to match.
        module.push_str("    let _ = code;\n    None\n}\n");
        return module;
    }
    module.push_str("    match code {\n");
    for (index, code) in codes.iter().enumerate() {
        let _ = writeln!(module, "        {code:?} => Some({index}),");
    }
    module.push_str("        _ => None,\n    }\n}\n");
    module
}
