//! `errspec check`: spec files validated the way the macro validates them, with the same
//! diagnostics.

use std::fs;
use std::io;
use std::path::Path;

use errspec_codegen::diagnostic::line_col;
use errspec_codegen::resolve::MAX_SPEC_BYTES;

use crate::text::count;

/// Checks every file in `files`, printing `ok:` lines to stdout and mistakes to stderr.
/// Returns whether every file is a valid spec.
pub fn check_files(files: &[std::path::PathBuf]) -> bool {
    let mut all_ok = true;
    for file in files {
        let display = file.display().to_string();
        let source = match read(file) {
            Ok(source) => source,
            Err(problem) => {
                eprintln!("error: {display}: {problem}");
                all_ok = false;
                continue;
            }
        };
        let checked = errspec_codegen::check_spec(&source);
        match checked.spec {
            Some(spec) if checked.diagnostics.is_empty() => {
                println!(
                    "ok: {display}: {} documented",
                    count(spec.errors.len(), "error", "errors")
                );
            }
            _ => {
                all_ok = false;
                for diagnostic in &checked.diagnostics {
                    eprintln!("error: {}\n", diagnostic.render(&display, &source));
                }
                eprintln!(
                    "failed: {display}: {}",
                    count(checked.diagnostics.len(), "mistake", "mistakes")
                );
            }
        }
    }
    all_ok
}

/// The text of a spec file, or what keeps it from being read, in a few words.
fn read(path: &Path) -> Result<String, String> {
    let metadata = fs::metadata(path).map_err(|error| describe(&error))?;
    if metadata.is_dir() {
        return Err("is a directory, not a spec file".into());
    }
    if metadata.len() > MAX_SPEC_BYTES {
        return Err(format!(
            "is {} bytes, more than the {MAX_SPEC_BYTES} bytes a spec may have",
            metadata.len()
        ));
    }
    let bytes = fs::read(path).map_err(|error| describe(&error))?;
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let valid = core::str::from_utf8(valid).unwrap_or_default();
        let (line, column) = line_col(valid, valid.len());
        format!("is not UTF-8: invalid byte at line {line}, column {column}")
    })
}

fn describe(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read it: {error}"),
    }
}
