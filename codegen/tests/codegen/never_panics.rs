//! Whatever a spec file holds, the codegen crate answers with diagnostics (or types), never a
//! panic: random bytes, random mutations of the bundled specs, hostile shapes, any path.

use std::path::PathBuf;

use errspec_codegen::bundled::BUNDLED;
use errspec_codegen::locate::SpecFile;
use errspec_codegen::{errors_from_spec, expand, BodyFormat};
use proptest::prelude::*;
use quote::quote;

/// Checks `bytes` as a spec file and everything done with the outcome: rendering every
/// diagnostic and expanding the (possibly partial) model to Rust that parses.
fn check_bytes(bytes: Vec<u8>) {
    let file = SpecFile::from_bytes(bytes, "fuzz.toml");
    let checked = file.check();
    assert!(checked.diagnostics.len() <= 101, "diagnostics are capped");
    for diagnostic in &checked.diagnostics {
        assert!(diagnostic.span.start <= diagnostic.span.end);
        assert!(diagnostic.span.end <= file.source.len());
        let rendered = diagnostic.render(&file.display, &file.source).to_string();
        assert!(rendered.contains(" --> fuzz.toml:"), "{rendered}");
    }
    if checked.diagnostics.is_empty() {
        assert!(
            checked.spec.is_some(),
            "a spec without mistakes has a model"
        );
    }
    if let Some(spec) = &checked.spec {
        let tokens = expand(spec, None, &quote::quote!(::errspec));
        if let Err(error) = syn::parse2::<syn::File>(tokens.clone()) {
            panic!(
                "the expansion is not Rust: {error}\n{tokens}\n{:?}",
                file.source
            );
        }
    }
}

/// One edit of a spec's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Snippet { at: usize, snippet: usize },
    Replace { at: usize, byte: u8 },
    DuplicateLine { line: usize },
    DeleteLine { line: usize },
    SwapLines { a: usize, b: usize },
}

/// Text that means something to TOML or to the spec rules.
const SNIPPETS: &[&str] = &[
    "[[error]]\n",
    "[api]\n",
    "[envelope]\n",
    "[fallback.missing]\n404 = \"NotFound\"\n",
    "[envelope.fields]\nid = \"/id\"\n",
    "[envelope.batch]\nat = \"/1\"\n",
    "[envelope.multiple]\ncode = \"x\"\ninner = \"/e\"\n",
    "code = \"dup\"\n",
    "variant = \"Self\"\n",
    "variant = \"Unknown\"\n",
    "message = \"{id} {name}\"\n",
    "message = \"{\"\n",
    "message = \"{message}\"\n",
    "message = \"\"\"\n{a}\\\n  b\"\"\"\n",
    "status = 99999999999999999999999\n",
    "status = -1\n",
    "kind = \"nope\"\n",
    "batch = true\n",
    "errors = \"/errors\"\n",
    "~",
    "{",
    "}",
    "\"",
    "'''",
    "=",
    "\\u{0}",
    "\\",
    "\0",
    "\u{feff}",
    "é",
    "\r\n",
    "#",
    "[",
    "]",
    ".",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    prop_oneof![
        (at, 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (at, proptest::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (at, 0..SNIPPETS.len()).prop_map(|(at, snippet)| Mutation::Snippet { at, snippet }),
        (at, any::<u8>()).prop_map(|(at, byte)| Mutation::Replace { at, byte }),
        at.prop_map(|line| Mutation::DuplicateLine { line }),
        at.prop_map(|line| Mutation::DeleteLine { line }),
        (at, at).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
    ]
}

fn apply(mut bytes: Vec<u8>, mutation: &Mutation) -> Vec<u8> {
    let place = |at: usize, len: usize| if len == 0 { 0 } else { at % (len + 1) };
    match mutation {
        Mutation::Delete { at, len } => {
            let start = place(*at, bytes.len());
            let end = (start + len).min(bytes.len());
            bytes.drain(start..end);
        }
        Mutation::Insert {
            at,
            bytes: inserted,
        } => {
            let at = place(*at, bytes.len());
            bytes.splice(at..at, inserted.iter().copied());
        }
        Mutation::Snippet { at, snippet } => {
            let at = place(*at, bytes.len());
            bytes.splice(at..at, SNIPPETS[*snippet].bytes());
        }
        Mutation::Replace { at, byte } => {
            if !bytes.is_empty() {
                let at = *at % bytes.len();
                bytes[at] = *byte;
            }
        }
        Mutation::DuplicateLine { line } | Mutation::DeleteLine { line } => {
            let mut lines: Vec<Vec<u8>> = bytes
                .split_inclusive(|&byte| byte == b'\n')
                .map(<[u8]>::to_vec)
                .collect();
            if !lines.is_empty() {
                let line = *line % lines.len();
                if matches!(mutation, Mutation::DuplicateLine { .. }) {
                    let copy = lines[line].clone();
                    lines.insert(line, copy);
                } else {
                    lines.remove(line);
                }
            }
            bytes = lines.concat();
        }
        Mutation::SwapLines { a, b } => {
            let mut lines: Vec<Vec<u8>> = bytes
                .split_inclusive(|&byte| byte == b'\n')
                .map(<[u8]>::to_vec)
                .collect();
            if !lines.is_empty() {
                let len = lines.len();
                lines.swap(*a % len, *b % len);
            }
            bytes = lines.concat();
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_yield_diagnostics(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        check_bytes(bytes);
    }

    #[test]
    fn random_toml_like_text_yields_diagnostics(
        text in "[\\[\\]{}=\"'a-zA-Z0-9._ \n#~/\\\\-]{0,600}"
    ) {
        check_bytes(text.into_bytes());
    }

    #[test]
    fn mutated_bundled_specs_yield_diagnostics(
        spec in 0..BUNDLED.len(),
        mutations in proptest::collection::vec(mutation(), 1..8),
    ) {
        let bytes = mutations
            .iter()
            .fold(BUNDLED[spec].source.as_bytes().to_vec(), apply);
        check_bytes(bytes);
    }

    #[test]
    fn any_path_literal_yields_an_answer(path in "\\PC{0,80}") {
        let tokens = errors_from_spec(quote!(#path), BodyFormat::ALL);
        prop_assert!(!tokens.is_empty());
    }
}

/// A fresh file under the system's temporary directory.
fn scratch_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errspec-never-panics-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_macro_entry_reads_any_file(
        spec in 0..BUNDLED.len(),
        mutations in proptest::collection::vec(mutation(), 0..6),
    ) {
        let bytes = mutations
            .iter()
            .fold(BUNDLED[spec].source.as_bytes().to_vec(), apply);
        let path = scratch_file("entry.toml", &bytes);
        let path = path.display().to_string();
        let tokens = errors_from_spec(quote!(#path), BodyFormat::ALL).to_string();
        let checked = SpecFile::from_bytes(bytes, "entry.toml").check();
        prop_assert_eq!(
            tokens.contains("compile_error"),
            !checked.diagnostics.is_empty(),
            "{}", tokens
        );
    }
}

#[test]
fn hostile_shapes_yield_diagnostics() {
    let deep_arrays = format!("a = {}", "[".repeat(100_000));
    let deep_tables = format!("a = {}", "{b = ".repeat(100_000));
    let dotted_key = format!("a{} = 1\n", ".b".repeat(100_000));
    let dotted_header = format!("[a{}]\n", ".b".repeat(100_000));
    let long_line = format!("[api]\nname = \"{}\"\n", "A".repeat(1_000_000));
    let many_errors = "[[error]]\ncode = 1\n".repeat(10_000);
    for text in [
        deep_arrays,
        deep_tables,
        dotted_key,
        dotted_header,
        long_line,
        many_errors,
    ] {
        check_bytes(text.into_bytes());
    }
    check_bytes(Vec::new());
    check_bytes(vec![0; 1000]);
    check_bytes(vec![0xff; 1000]);
    check_bytes(b"\xef\xbb\xbf[api]\nname = \"Acme\"\n".to_vec());
}

#[test]
fn ten_megabytes_yield_diagnostics() {
    let garbage: Vec<u8> = (0u32..10_000_000)
        .map(|index| b"[]{}=\"'a.#\n ,\xff"[(index.wrapping_mul(2_654_435_761) >> 7) as usize % 14])
        .collect();
    check_bytes(garbage);
}
