//! Finding and reading the spec file a macro call names.

use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use errspec_vocab::BodyFormat;

use crate::bundled::{bundled, BundledSpec, BUNDLED};
use crate::check::{check_with, Checked};
use crate::diagnostic::Diagnostic;

/// The largest spec read: far above any real vendor's (the bundled ones are a few dozen KiB),
/// low enough to fail fast on a wrong file.
pub const MAX_SPEC_BYTES: u64 = 8 * 1024 * 1024;

/// A spec's text and where it came from.
#[derive(Debug, Clone)]
pub struct SpecFile {
    /// The spec's text; invalid UTF-8 is replaced by U+FFFD (see `not_utf8`).
    pub source: String,
    /// The path shown in diagnostics.
    pub display: String,
    /// The absolute path of the file to track for rebuilds, if it exists on disk.
    pub track: Option<PathBuf>,
    /// Byte offset in `source` of the first invalid UTF-8 sequence of the file, if any.
    pub not_utf8: Option<usize>,
}

impl SpecFile {
    /// A spec read from `bytes`, shown as `display` in diagnostics.
    #[must_use]
    pub fn from_bytes(bytes: Vec<u8>, display: impl Into<String>) -> Self {
        let (source, not_utf8) = match String::from_utf8(bytes) {
            Ok(source) => (source, None),
            Err(error) => {
                let valid_up_to = error.utf8_error().valid_up_to();
                let source = String::from_utf8_lossy(error.as_bytes()).into_owned();
                (source, Some(valid_up_to))
            }
        };
        SpecFile {
            source,
            display: display.into(),
            track: None,
            not_utf8,
        }
    }

    /// Checks the spec: [`check_spec`](crate::check_spec) plus a diagnostic at the first byte
    /// that is not UTF-8.
    #[must_use]
    pub fn check(&self) -> Checked {
        self.check_read_in(BodyFormat::ALL)
    }

    /// [`SpecFile::check`] for a runtime that reads only bodies in `formats`.
    #[must_use]
    pub fn check_read_in(&self, formats: &[BodyFormat]) -> Checked {
        let found = self
            .not_utf8
            .map(|offset| {
                let end = offset + '\u{fffd}'.len_utf8();
                Diagnostic::new(
                    offset..end,
                    "the spec is not UTF-8: invalid byte sequence here (shown as `\u{fffd}`)",
                )
                .help("save the file as UTF-8")
            })
            .into_iter()
            .collect();
        check_with(&self.source, found, formats)
    }
}

/// Finds `requested` in `manifest_dir`, then `manifest_dir/specs/`, then the bundled specs.
/// Absolute paths are used as they are.
///
/// # Errors
/// One line per problem: the places tried, or why the file could not be read.
pub fn locate(requested: &str, manifest_dir: Option<&Path>) -> Result<SpecFile, String> {
    find(requested, manifest_dir, None)
}

/// Finds `requested` in `manifest_dir`, then `manifest_dir/specs/`, then `source_dir` (the
/// directory of the file holding the macro call), then the bundled specs. Absolute paths are
/// used as they are.
///
/// # Errors
/// One line per problem: the places tried, or why the file could not be read.
pub fn find(
    requested: &str,
    manifest_dir: Option<&Path>,
    source_dir: Option<&Path>,
) -> Result<SpecFile, String> {
    let requested_path = Path::new(requested);
    if requested.trim().is_empty() {
        return Err("the spec path is empty: name a TOML file, such as \"acme.toml\"".into());
    }
    let absolute = requested_path.is_absolute();
    let mut candidates: Vec<(PathBuf, &str)> = Vec::new();
    if absolute {
        candidates.push((
            requested_path.to_path_buf(),
            "an absolute path is used as it is",
        ));
    } else {
        if let Some(dir) = manifest_dir {
            candidates.push((dir.join(requested_path), "the crate's directory"));
            candidates.push((
                dir.join("specs").join(requested_path),
                "its `specs/` folder",
            ));
        }
        if let Some(dir) = source_dir {
            let candidate = dir.join(requested_path);
            if candidates.iter().all(|(tried, _)| *tried != candidate) {
                candidates.push((candidate, "next to the file with the macro call"));
            }
        }
    }
    for (candidate, _) in &candidates {
        if fs::symlink_metadata(candidate).is_ok() {
            let display = display_path(candidate, requested, manifest_dir);
            let mut file = read(candidate, &display)?;
            file.track = candidate.canonicalize().ok();
            return Ok(file);
        }
    }
    if !absolute {
        if let Some(spec) = bundled(requested) {
            return Ok(from_bundled(spec));
        }
    }
    let mut message = format!("spec file `{requested}` not found; looked in:");
    for (candidate, place) in &candidates {
        message.push_str(&format!("\n  - {} ({place})", candidate.display()));
    }
    if !absolute {
        let names: Vec<&str> = BUNDLED.iter().map(|spec| spec.file_name).collect();
        message.push_str(&format!(
            "\n  - the specs bundled with errspec: {}",
            names.join(", ")
        ));
        message.push_str("\n= help: put the spec in one of these places, or name a bundled spec");
    }
    Err(message)
}

/// How a found spec is named in diagnostics: relative to the directory cargo runs the compiler
/// in (as the compiler names source files) or to the crate, else as the macro call wrote it.
fn display_path(found: &Path, requested: &str, manifest_dir: Option<&Path>) -> String {
    let found = normalize(found);
    if found.is_relative() {
        return found.display().to_string();
    }
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            found
                .strip_prefix(normalize(&cwd))
                .ok()
                .map(Path::to_path_buf)
        })
        .or_else(|| {
            manifest_dir
                .and_then(|dir| found.strip_prefix(normalize(dir)).ok())
                .map(Path::to_path_buf)
        });
    match relative {
        Some(relative) if !relative.as_os_str().is_empty() => relative.display().to_string(),
        _ => requested.to_owned(),
    }
}

/// `path` without `.` components and with `dir/..` pairs folded, without touching the disk.
fn normalize(path: &Path) -> PathBuf {
    let mut normalized = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(
                    normalized.components().next_back(),
                    Some(Component::Normal(_))
                ) =>
            {
                normalized.pop();
            }
            other => normalized.push(other),
        }
    }
    normalized
}

fn from_bundled(spec: &BundledSpec) -> SpecFile {
    let path = Path::new(spec.path);
    SpecFile {
        source: spec.source.to_owned(),
        display: format!("errspec/specs/{}", spec.file_name),
        track: path.canonicalize().ok(),
        not_utf8: None,
    }
}

/// Reads the spec at `path`, named `display` in messages. Never reads more than
/// [`MAX_SPEC_BYTES`] and reads nothing but regular files (a FIFO or a device would block or
/// never end).
///
/// # Errors
/// Why the file cannot be a spec: missing, a directory, not a regular file, too large, or
/// unreadable.
pub fn read(path: &Path, display: &str) -> Result<SpecFile, String> {
    let metadata =
        fs::metadata(path).map_err(|error| format!("cannot read spec `{display}`: {error}"))?;
    if metadata.is_dir() {
        return Err(format!(
            "spec `{display}` is a directory, not a TOML file: name the spec file itself, such as \"{}\"",
            Path::new(display).join("acme.toml").display()
        ));
    }
    if !metadata.is_file() {
        return Err(format!(
            "spec `{display}` is not a regular file: name a TOML file"
        ));
    }
    let too_large = |size: u64| {
        format!(
            "spec `{display}` is {size} bytes, more than the {MAX_SPEC_BYTES} bytes (8 MiB) a spec may have: is it the right file?"
        )
    };
    if metadata.len() > MAX_SPEC_BYTES {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|file| file.take(MAX_SPEC_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|error| format!("cannot read spec `{display}`: {error}"))?;
    if bytes.len() as u64 > MAX_SPEC_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(SpecFile::from_bytes(bytes, display))
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::{Path, PathBuf};

    use super::{find, read, SpecFile, MAX_SPEC_BYTES};

    /// A fresh directory under the system's temporary directory.
    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("errspec-resolve-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn looks_in_the_crate_its_specs_folder_the_callers_folder_then_the_bundled_specs() {
        let dir = scratch("order");
        fs::create_dir_all(dir.join("specs")).unwrap();
        fs::create_dir_all(dir.join("src")).unwrap();
        fs::write(dir.join("specs/a.toml"), "# specs").unwrap();
        fs::write(dir.join("src/a.toml"), "# src").unwrap();
        fs::write(dir.join("src/b.toml"), "# src b").unwrap();
        let src = dir.join("src");
        let found = find("a.toml", Some(&dir), Some(&src)).unwrap();
        assert_eq!(found.source, "# specs");
        let found = find("b.toml", Some(&dir), Some(&src)).unwrap();
        assert_eq!(found.source, "# src b");
        assert!(found.track.is_some());
        let found = find("itcare.toml", Some(&dir), Some(&src)).unwrap();
        assert_eq!(found.display, "errspec/specs/itcare.toml");
        let error = find("missing.toml", Some(&dir), Some(&src)).unwrap_err();
        assert_eq!(
            error,
            format!(
                "spec file `missing.toml` not found; looked in:\n  \
                 - {} (the crate's directory)\n  \
                 - {} (its `specs/` folder)\n  \
                 - {} (next to the file with the macro call)\n  \
                 - the specs bundled with errspec: itsm-ng.toml, igel-imi.toml, itcare.toml, telecomx.toml, netilion.toml, github.toml, jira.toml, problem.toml\n\
                 = help: put the spec in one of these places, or name a bundled spec",
                dir.join("missing.toml").display(),
                dir.join("specs").join("missing.toml").display(),
                src.join("missing.toml").display(),
            )
        );
    }

    #[test]
    fn absolute_paths_are_used_as_they_are() {
        let dir = scratch("absolute");
        let path = dir.join("acme.toml");
        fs::write(&path, "[api]").unwrap();
        let found = find(path.to_str().unwrap(), Some(Path::new("/elsewhere")), None).unwrap();
        assert_eq!(found.source, "[api]");
        let missing = dir.join("itcare.toml");
        let error = find(missing.to_str().unwrap(), None, None).unwrap_err();
        assert!(
            error.contains("an absolute path is used as it is"),
            "{error}"
        );
        assert!(!error.contains("bundled"), "{error}");
    }

    #[test]
    fn reads_what_a_file_holds_or_says_why_not() {
        let dir = scratch("read");
        fs::write(dir.join("empty.toml"), "").unwrap();
        assert_eq!(
            read(&dir.join("empty.toml"), "empty.toml").unwrap().source,
            ""
        );
        assert!(read(&dir, "specs").unwrap_err().contains("is a directory"));
        assert!(read(&dir.join("none.toml"), "none.toml")
            .unwrap_err()
            .starts_with("cannot read spec `none.toml`"));
        if Path::new("/dev/zero").exists() {
            assert!(read(Path::new("/dev/zero"), "/dev/zero")
                .unwrap_err()
                .contains("not a regular file"));
        }
        let big = dir.join("big.toml");
        fs::write(
            &big,
            vec![b'#'; usize::try_from(MAX_SPEC_BYTES).unwrap() + 1],
        )
        .unwrap();
        assert!(read(&big, "big.toml")
            .unwrap_err()
            .contains("bytes (8 MiB)"));
        let ten_mb = vec![b'a'; 10 * 1000 * 1000];
        fs::write(&big, &ten_mb).unwrap();
        assert!(read(&big, "big.toml").is_err());
    }

    #[test]
    fn invalid_utf8_is_a_diagnostic_at_its_position() {
        let file = SpecFile::from_bytes(b"[api]\nname = \"Ac\xffme\"\n".to_vec(), "acme.toml");
        assert_eq!(file.not_utf8, Some(16));
        let checked = file.check();
        let first = checked
            .diagnostics
            .iter()
            .find(|diagnostic| diagnostic.message.starts_with("the spec is not UTF-8"))
            .unwrap();
        assert_eq!(
            first
                .render("acme.toml", &file.source)
                .to_string()
                .lines()
                .nth(1),
            Some(" --> acme.toml:2:11")
        );
    }
}
