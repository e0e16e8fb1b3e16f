//! Finding and reading the spec file a macro call names.

use std::fs;
use std::path::{Path, PathBuf};

use crate::bundled::{bundled, BundledSpec, BUNDLED};

/// The largest spec read: far above any real vendor's, low enough to fail fast on a wrong
/// file.
pub const MAX_SPEC_BYTES: u64 = 64 * 1024 * 1024;

/// A spec's text and where it came from.
#[derive(Debug, Clone)]
pub struct SpecFile {
    /// The spec's text.
    pub source: String,
    /// The path shown in diagnostics.
    pub display: String,
    /// The absolute path of the file to track for rebuilds, if it exists on disk.
    pub track: Option<PathBuf>,
}

/// Finds `requested` in `manifest_dir`, then `manifest_dir/specs/`, then the bundled specs.
/// Absolute paths are used as they are.
///
/// # Errors
/// One line per problem: the places tried, or why the file could not be read.
pub fn locate(requested: &str, manifest_dir: Option<&Path>) -> Result<SpecFile, String> {
    let requested_path = Path::new(requested);
    if requested.is_empty() {
        return Err("the spec path is empty: name a TOML file, such as \"acme.toml\"".into());
    }
    let candidates: Vec<PathBuf> = if requested_path.is_absolute() {
        vec![requested_path.to_path_buf()]
    } else {
        match manifest_dir {
            Some(dir) => vec![
                dir.join(requested_path),
                dir.join("specs").join(requested_path),
            ],
            None => Vec::new(),
        }
    };
    for candidate in &candidates {
        if candidate.exists() {
            let display = manifest_dir
                .and_then(|dir| candidate.strip_prefix(dir).ok())
                .unwrap_or(candidate)
                .display()
                .to_string();
            let source = read_spec(candidate, &display)?;
            let track = candidate.canonicalize().ok();
            return Ok(SpecFile {
                source,
                display,
                track,
            });
        }
    }
    if !requested_path.is_absolute() {
        if let Some(spec) = bundled(requested) {
            return Ok(from_bundled(spec));
        }
    }
    let mut message = format!("spec file `{requested}` not found; looked in:");
    for candidate in &candidates {
        message.push_str(&format!("\n  - {}", candidate.display()));
    }
    if !requested_path.is_absolute() {
        let names: Vec<&str> = BUNDLED.iter().map(|spec| spec.file_name).collect();
        message.push_str(&format!(
            "\n  - the specs bundled with errspec: {}",
            names.join(", ")
        ));
    }
    Err(message)
}

fn from_bundled(spec: &BundledSpec) -> SpecFile {
    let path = Path::new(spec.path);
    SpecFile {
        source: spec.source.to_owned(),
        display: format!("errspec/specs/{}", spec.file_name),
        track: path.canonicalize().ok(),
    }
}

fn read_spec(path: &Path, display: &str) -> Result<String, String> {
    let metadata =
        fs::metadata(path).map_err(|error| format!("cannot read spec `{display}`: {error}"))?;
    if metadata.is_dir() {
        return Err(format!("spec `{display}` is a directory, not a TOML file"));
    }
    if metadata.len() > MAX_SPEC_BYTES {
        return Err(format!(
            "spec `{display}` is {} bytes, more than the {MAX_SPEC_BYTES} bytes a spec may have",
            metadata.len()
        ));
    }
    let bytes = fs::read(path).map_err(|error| format!("cannot read spec `{display}`: {error}"))?;
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let valid = core::str::from_utf8(valid).unwrap_or_default();
        let (line, column) = crate::diagnostic::line_col(valid, valid.len());
        format!("spec `{display}` is not UTF-8: invalid byte at {display}:{line}:{column}")
    })
}
