//! `errspec import openapi` on any document: the input read as a JSON or YAML text (invalid
//! UTF-8 replaced), imported, and the draft written out as TOML.
#![no_main]
#![forbid(unsafe_code)]

use std::path::Path;

use errspec_cli::authoring::import::{import, Document};
use libfuzzer_sys::fuzz_target;

// A document that is neither OpenAPI 3 nor Swagger 2.0 is one error line, not a panic; one
// that reads drafts a spec, whatever its schemas.
fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(document) = Document::from_text(&text, Path::new("fuzzed.json")) {
        let _ = import(&document, "fuzzed").to_toml();
    }
});
