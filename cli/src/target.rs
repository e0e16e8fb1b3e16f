//! What every command works on: a bundled vendor by name (`netilion`, `netilion.toml`) or a
//! spec file by path (`specs/acme.toml`), read and checked the same way. A file that exists
//! wins over a bundled spec of the same name.

use std::path::Path;

use errspec::http::HeaderMap;
use errspec_codegen::bundled::bundled;
use errspec_codegen::locate;
use errspec_codegen::{Diagnostic, Spec};

use crate::decoded::Decoded;
use crate::interpret::{Interpreter, Why};
use crate::vendors::{self, Vendor};

/// A checked spec, ready for any command.
#[derive(Debug)]
pub struct Target {
    /// How the user named it: the vendor's name or the path.
    pub label: String,
    /// The spec's file name (`netilion.toml`).
    pub file_name: String,
    /// The spec's text.
    pub source: String,
    /// The validated spec.
    pub spec: Spec,
    /// The compiled types of a bundled vendor; `None` for a spec file, which is interpreted.
    pub vendor: Option<&'static Vendor>,
}

/// Why a target could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// Neither a bundled vendor nor a path: a mistake in the command line, one line.
    Unknown(String),
    /// A file that cannot be read: one line.
    Unreadable(String),
    /// A spec with mistakes, each positioned in its text.
    Mistakes {
        /// The path as the user wrote it.
        display: String,
        /// The spec's text.
        source: String,
        /// Every mistake.
        diagnostics: Vec<Diagnostic>,
    },
}

/// The spec `argument` names: a file when one exists at that path, else a bundled vendor.
///
/// # Errors
/// [`LoadError::Unknown`] when it is neither, [`LoadError::Unreadable`] when the file cannot
/// be read,
/// [`LoadError::Mistakes`] when the spec has mistakes.
pub fn load(argument: &str) -> Result<Target, LoadError> {
    let path = Path::new(argument);
    if !path.exists() {
        if let Some(vendor) = vendors::find(argument) {
            let file = bundled(vendor.name).ok_or_else(|| {
                LoadError::Unreadable(format!("no spec is bundled for `{}`", vendor.name))
            })?;
            let checked = errspec_codegen::check_spec(file.source);
            return match checked.spec {
                Some(spec) if checked.diagnostics.is_empty() => Ok(Target {
                    label: vendor.name.to_owned(),
                    file_name: file.file_name.to_owned(),
                    source: file.source.to_owned(),
                    spec,
                    vendor: Some(vendor),
                }),
                _ => Err(LoadError::Mistakes {
                    display: file.file_name.to_owned(),
                    source: file.source.to_owned(),
                    diagnostics: checked.diagnostics,
                }),
            };
        }
        if !argument.contains(['/', '\\', '.']) {
            return Err(LoadError::Unknown(format!(
                "`{argument}` is neither a bundled vendor ({}) nor a spec file",
                vendors::names()
            )));
        }
    }
    let spec_file = locate::read(path, argument).map_err(LoadError::Unreadable)?;
    let checked = spec_file.check();
    match checked.valid() {
        Some(spec) => Ok(Target {
            label: argument.to_owned(),
            file_name: path.file_name().map_or_else(
                || argument.to_owned(),
                |name| name.to_string_lossy().into_owned(),
            ),
            spec: spec.clone(),
            source: spec_file.source,
            vendor: None,
        }),
        None => Err(LoadError::Mistakes {
            display: argument.to_owned(),
            source: spec_file.source,
            diagnostics: checked.diagnostics,
        }),
    }
}

impl Target {
    /// Decodes a response: with the vendor's generated types, else by interpreting the spec
    /// with the runtime's engine.
    ///
    /// # Errors
    /// One line when the spec is beyond what the interpreter takes.
    pub fn decode(&self, status: u16, headers: &HeaderMap, body: &[u8]) -> Result<Decoded, String> {
        match self.vendor {
            Some(vendor) => Ok((vendor.decode)(status, headers, body)),
            None => Ok(self.interpreter()?.decode_parts(status, headers, body)),
        }
    }

    /// Why the errors of the response [`decode`](Self::decode) gives are those, by the
    /// interpreter, whose decoding the differential test holds equal to generated types';
    /// nothing to say for a spec beyond what the interpreter takes.
    #[must_use]
    pub fn choices(&self, status: u16, headers: &HeaderMap, body: &[u8]) -> Why {
        self.interpreter()
            .map(|interpreter| interpreter.choices(status, headers, body))
            .unwrap_or_default()
    }

    /// Whether the response is an error, as `decode_if_error` tells (by the interpreter,
    /// which the differential test holds equal to generated types; for a spec beyond it, by
    /// the status alone).
    #[must_use]
    pub fn is_error(&self, status: u16, body: &[u8]) -> bool {
        self.interpreter()
            .map_or(!(200..=299).contains(&status), |interpreter| {
                interpreter.is_error(status, body)
            })
    }

    fn interpreter(&self) -> Result<Interpreter, String> {
        Interpreter::new(self.spec.clone())
            .map_err(|problem| format!("cannot decode with {}: {problem}", self.label))
    }
}
