//! `errspec check`: spec files read and validated exactly as the macro reads and validates
//! them, with the same diagnostics.

use std::path::Path;

use errspec_codegen::resolve::{self, SpecFile};
use errspec_codegen::Spec;

use crate::text::count;

/// Checks every file in `files`, printing `ok:` lines to stdout and mistakes to stderr.
/// Returns whether every file is a valid spec.
pub fn check_files(files: &[std::path::PathBuf]) -> bool {
    let mut all_ok = true;
    for file in files {
        match load(file) {
            Some((file, spec)) => {
                println!(
                    "ok: {}: {} documented",
                    file.display,
                    count(spec.errors.len(), "error", "errors")
                );
            }
            None => all_ok = false,
        }
    }
    all_ok
}

/// The spec in `file` when it is valid. Otherwise prints why to stderr, as `errspec check`
/// does (one `error:` block per mistake, then a `failed:` line), and returns `None`.
pub fn load(file: &Path) -> Option<(SpecFile, Spec)> {
    let display = file.display().to_string();
    let spec_file = match resolve::read(file, &display) {
        Ok(spec_file) => spec_file,
        Err(problem) => {
            eprintln!("error: {problem}");
            return None;
        }
    };
    let checked = spec_file.check();
    if let Some(spec) = checked.valid() {
        let spec = spec.clone();
        return Some((spec_file, spec));
    }
    for diagnostic in &checked.diagnostics {
        eprintln!(
            "error: {}\n",
            diagnostic.render(&display, &spec_file.source)
        );
    }
    eprintln!(
        "failed: {display}: {}",
        count(checked.diagnostics.len(), "mistake", "mistakes")
    );
    None
}
