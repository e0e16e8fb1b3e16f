//! The vendor specs shipped inside errspec, so that `errors_from_spec!("itcare.toml")` works in
//! a crate that has no spec file of its own.

/// One bundled spec.
#[derive(Debug, Clone, Copy)]
pub struct BundledSpec {
    /// The file name users write (`itcare.toml`).
    pub file_name: &'static str,
    /// The spec's text, as compiled into errspec.
    pub source: &'static str,
    /// Where the file sat when errspec was built; used to rebuild dependents when it changes.
    pub path: &'static str,
}

macro_rules! bundled {
    ($($file:literal),* $(,)?) => {
        &[$(BundledSpec {
            file_name: $file,
            source: include_str!(concat!("../specs/", $file)),
            path: concat!(env!("CARGO_MANIFEST_DIR"), "/specs/", $file),
        }),*]
    };
}

/// Every bundled spec.
pub const BUNDLED: &[BundledSpec] = bundled!(
    "itsm-ng.toml",
    "igel-imi.toml",
    "itcare.toml",
    "telecomx.toml",
    "netilion.toml",
    "github.toml",
    "jira.toml",
    "problem.toml",
);

/// The bundled spec named `file_name` (`itcare.toml`) or `stem` (`itcare`).
#[must_use]
pub fn bundled(name: &str) -> Option<&'static BundledSpec> {
    BUNDLED
        .iter()
        .find(|spec| spec.file_name == name || spec.file_name.strip_suffix(".toml") == Some(name))
}
