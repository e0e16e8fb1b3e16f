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
        for size in scale_spec::SIZES {
            let path = out.join(format!("scale-{size}.toml"));
            std::fs::write(&path, scale_spec::scale_spec(size)).expect("OUT_DIR is writable");
            let _ = writeln!(
                module,
                "/// A synthetic spec with {size} codes.\npub mod scale_{size} {{\n    errspec::errors_from_spec!({:?});\n}}",
                path.display().to_string()
            );
        }
        std::fs::write(out.join("scale.rs"), module).expect("OUT_DIR is writable");
    }
    std::fs::write(out.join("hand_codes.rs"), hand_code_matches()).expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/scale_spec.rs");
}

/// For each bundled vendor, the `match` on its wire codes a careful person writes by hand:
/// `fn itsm_ng(code: &str) -> Option<u16>`.
fn hand_code_matches() -> String {
    let mut module = String::new();
    for bundled in errspec_codegen::bundled::BUNDLED {
        // The bundled spec as errspec-codegen ships it: its changes rebuild this script.
        let spec = bundled.source;
        let vendor = bundled.file_name.trim_end_matches(".toml");
        // The entries' codes (an envelope's pointers start with `/`).
        let mut codes: Vec<&str> = spec
            .lines()
            .filter_map(|line| line.trim().strip_prefix("code = \""))
            .filter_map(|rest| rest.split('"').next())
            .filter(|code| !code.starts_with('/'))
            .collect();
        let mut seen = std::collections::HashSet::new();
        codes.retain(|code| seen.insert(*code));
        let _ = writeln!(
            module,
            "/// The hand-written code match of {vendor}.\n#[must_use]\npub fn {}(code: &str) -> Option<u16> {{",
            vendor.replace('-', "_")
        );
        if codes.is_empty() {
            // A spec whose errors carry no code (Jira's): nothing to match.
            module.push_str("    let _ = code;\n    None\n}\n");
            continue;
        }
        module.push_str("    match code {\n");
        for (index, code) in codes.iter().enumerate() {
            let _ = writeln!(module, "        {code:?} => Some({index}),");
        }
        module.push_str("        _ => None,\n    }\n}\n");
    }
    module
}
