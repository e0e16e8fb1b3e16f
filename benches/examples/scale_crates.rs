//! Writes two crates into the directory given as argument, for `build-time.sh`: `generated`
//! uses the synthetic 5,000-code spec through `errors_from_spec!`, `handwritten` is the same
//! error enum and code `match` written out by hand.

use std::fmt::Write as _;
use std::path::Path;

use errspec_benches::scale_spec::scale_spec;

const SIZE: usize = 5000;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: scale_crates <dir> <errspec runtime path>");
    let runtime = std::env::args()
        .nth(2)
        .expect("usage: scale_crates <dir> <errspec runtime path>");
    let dir = Path::new(&dir);
    let spec = scale_spec(SIZE);

    let generated = dir.join("generated");
    std::fs::create_dir_all(generated.join("src")).expect("writable");
    std::fs::write(
        generated.join("Cargo.toml"),
        format!("[package]\nname = \"generated\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[dependencies]\nerrspec = {{ path = {runtime:?} }}\n\n[workspace]\n"),
    )
    .expect("writable");
    std::fs::write(generated.join("scale.toml"), &spec).expect("writable");
    std::fs::write(
        generated.join("src/lib.rs"),
        "errspec::errors_from_spec!(\"scale.toml\");\n",
    )
    .expect("writable");

    let handwritten = dir.join("handwritten");
    std::fs::create_dir_all(handwritten.join("src")).expect("writable");
    std::fs::write(
        handwritten.join("Cargo.toml"),
        "[package]\nname = \"handwritten\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n[workspace]\n",
    )
    .expect("writable");
    std::fs::write(handwritten.join("src/lib.rs"), handwritten_source(&spec)).expect("writable");
}

/// The error enum (one variant per code, with its message, attribute and template parameter)
/// and the `match` from wire code to variant that a person would write for the same spec.
fn handwritten_source(spec: &str) -> String {
    let codes: Vec<(&str, bool)> = spec
        .split("[[error]]")
        .skip(1)
        .filter_map(|entry| {
            let code = entry.split("code = \"").nth(1)?.split('"').next()?;
            Some((code, entry.contains("message = ")))
        })
        .collect();
    let variant = |code: &str| -> String {
        code.split('_')
            .map(|word| {
                let lower = word.to_lowercase();
                let mut chars = lower.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect()
                })
            })
            .collect()
    };
    let mut source =
        String::from("/// The errors.\n#[derive(Debug, Clone, PartialEq)]\npub enum Error {\n");
    for (code, templated) in &codes {
        let id = if *templated {
            " id: Option<String>,"
        } else {
            ""
        };
        let _ = writeln!(source, "    /// `{code}`.\n    {} {{ message: String, attribute: Option<String>,{id} status: u16 }},", variant(code));
    }
    source.push_str("    /// Any other code.\n    Unknown { code: Option<String>, message: String, status: u16 },\n}\n\n");
    source.push_str("/// The variant for a wire code.\n#[must_use]\npub fn from_code(code: &str, message: String, attribute: Option<String>, status: u16) -> Error {\n    match code {\n");
    for (code, templated) in &codes {
        let id = if *templated { " id: None," } else { "" };
        let _ = writeln!(
            source,
            "        {code:?} => Error::{} {{ message, attribute,{id} status }},",
            variant(code)
        );
    }
    source.push_str("        other => Error::Unknown { code: Some(other.to_owned()), message, status },\n    }\n}\n");
    source
}
