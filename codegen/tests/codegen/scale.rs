//! Specs large enough that a step quadratic in their tables would take minutes: checked and
//! expanded in seconds, every key read.

use errspec_codegen::expand;
use errspec_codegen::locate::SpecFile;

/// 100,000 reset headers and 100,000 fields from headers: each key is looked up in its table,
/// each field found by name, and each field's doc written once for all variants.
#[test]
fn a_spec_of_100000_header_keys_is_checked_and_expanded_in_linear_time() {
    let mut spec = String::from(
        "[api]\nname = \"Big\"\n\n[envelope]\ncode = \"/code\"\nmessage = \"/message\"\n\n[envelope.headers.retry_after]\n",
    );
    for index in 0..100_000 {
        spec.push_str(&format!("x-reset-{index} = \"seconds\"\n"));
    }
    spec.push_str("\n[envelope.headers.fields]\n");
    for index in 0..100_000 {
        spec.push_str(&format!("h{index} = \"x-h-{index}\"\n"));
    }
    for index in 0..3 {
        spec.push_str(&format!("\n[[error]]\ncode = \"C{index}\"\nstatus = 429\n"));
    }
    let file = SpecFile::from_bytes(spec.into_bytes(), "big.toml");
    let checked = file.check();
    let rendered: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostic.render(&file.display, &file.source).to_string())
        .collect();
    assert!(rendered.is_empty(), "{rendered:?}");
    let spec = checked.spec.expect("a model");
    assert_eq!(spec.envelope.headers.retry_after.len(), 100_000);
    assert_eq!(spec.envelope.headers.fields.len(), 100_000);
    assert_eq!(spec.envelope.fields.len(), 100_000);
    let tokens = expand(&spec, None, &quote::quote!(::errspec)).to_string();
    assert!(tokens.contains("The error's `h99999` (at header `x-h-99999`), if present."));
    assert!(tokens.contains("x-reset-99999"));
}

/// A nested group reading 20,000 fields of its own: each is found or added by name in one
/// step, and the one mistake is that no error reads so many places.
#[test]
fn a_nested_group_of_20000_fields_is_checked_in_linear_time() {
    let mut spec = String::from(
        "[api]\nname = \"Big\"\n\n[envelope]\ncode = \"/code\"\nmessage = \"/message\"\n\n[[envelope.inner]]\nat = \"/details\"\ncode = \"/reason\"\n\n[envelope.inner.fields]\n",
    );
    for index in 0..20_000 {
        spec.push_str(&format!("n{index} = \"/n{index}\"\n"));
    }
    spec.push_str("\n[[error]]\ncode = \"C\"\nstatus = 400\n");
    let file = SpecFile::from_bytes(spec.into_bytes(), "nested.toml");
    let checked = file.check();
    let messages: Vec<&str> = checked
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostic.message.as_str())
        .collect();
    assert_eq!(
        messages,
        ["the envelope reads 20004 locations in each error, more than the 64 errspec reads: field `n60` and those after it would never be read"]
    );
}
