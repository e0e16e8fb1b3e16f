//! `errspec check`: spec files read and validated exactly as the macro reads and validates
//! them, with the same diagnostics.

use errspec_codegen::resolve;

use crate::text::count;

/// Checks every file in `files`, printing `ok:` lines to stdout and mistakes to stderr.
/// Returns whether every file is a valid spec.
pub fn check_files(files: &[std::path::PathBuf]) -> bool {
    let mut all_ok = true;
    for file in files {
        let display = file.display().to_string();
        let spec_file = match resolve::read(file, &display) {
            Ok(spec_file) => spec_file,
            Err(problem) => {
                eprintln!("error: {problem}");
                all_ok = false;
                continue;
            }
        };
        let checked = spec_file.check();
        match checked.valid() {
            Some(spec) => {
                println!(
                    "ok: {display}: {} documented",
                    count(spec.errors.len(), "error", "errors")
                );
            }
            None => {
                all_ok = false;
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
            }
        }
    }
    all_ok
}
