// The attribute form: the user's name, visibility, doc comments, attributes and derives, the
// code enum named after the enum; beside user code that lints strictly.
#![deny(warnings, missing_docs, clippy::pedantic)]
//! A crate that names its error types.

/// GitHub's errors, as this crate calls them.
#[errspec::spec("github.toml")]
#[derive(Eq, Hash)]
#[non_exhaustive]
pub(crate) enum GitHubError {}

/// The same spec under a second name, with a code enum named by hand: two versions side by
/// side in one module.
#[errspec::spec("github.toml", code = "GitHubNextCodes")]
#[allow(dead_code)]
pub enum GitHubNext {}

/// Configured out: the code enum and the helpers go with it.
#[errspec::spec("github.toml")]
#[cfg(any())]
pub enum NeverBuilt {}

/// A derive behind `cfg_attr` replaces errspec's impl where it holds, and leaves it where not.
#[errspec::spec("github.toml")]
#[cfg_attr(all(), derive(PartialEq))]
#[cfg_attr(any(), derive(Debug))]
pub enum Conditional {}

mod nested {
    #![no_implicit_prelude]
    /// Errors of ITcare, in a module without the implicit prelude.
    #[::errspec::spec("itcare.toml")]
    pub(super) enum Itcare {}
}

fn in_a_function(body: &[u8]) -> Option<&'static str> {
    #[errspec::spec("netilion.toml")]
    enum Netilion {}
    Netilion::decode(400, body).first().spec_code().map(NetilionCode::name)
}

fn main() {
    let response = GitHubError::decode(404, br#"{"message": "Not Found"}"#);
    let error: &GitHubError = response.first();
    assert!(matches!(error, GitHubError::NotFound { .. }));
    let _: Option<GitHubCode> = error.spec_code();
    let set: std::collections::HashSet<GitHubError> = std::iter::once(error.clone()).collect();
    assert_eq!(set.len(), 1);
    assert_eq!(GitHubNextCodes::ALL.len(), GitHubCode::ALL.len());
    assert_eq!(nested::Itcare::decode(409, b"").kind(), errspec::Kind::Conflict);
    assert_eq!(nested::ItcareCode::from_wire("INVALID_FIELD_VALUE").map(nested::ItcareCode::name), Some("InvalidFieldValue"));
    let forbidden = Conditional::decode(403, br#"{"message": "Must have admin rights to Repository."}"#);
    assert!(*forbidden.first() == forbidden.first().clone());
    assert!(format!("{:?}", forbidden.first()).starts_with("Forbidden {"));
    let body = br#"{"errors": [{"type": "taken", "message": "has already been taken", "attribute": "serial_number"}]}"#;
    assert_eq!(in_a_function(body), Some("Taken"));
}
