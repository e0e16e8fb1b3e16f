//! What a spec documents about one error, as a generated table holds it.

use crate::{Kind, Recovery};

/// The documentation of one spec entry; generated code keeps one per variant, in order.
#[derive(Debug, Clone, Copy)]
pub struct CodeInfo {
    /// The wire code, or the variant name for an entry chosen by status only.
    pub wire: &'static str,
    /// The variant name.
    pub name: &'static str,
    /// The documented HTTP status.
    pub status: Option<u16>,
    /// The kind the spec fixes (by `kind` or a documented status).
    pub kind: Option<Kind>,
    /// Whether the spec says retrying may succeed.
    pub retryable: Option<bool>,
    /// What the error means (empty when the spec says nothing).
    pub description: &'static str,
    /// Why it happens.
    pub cause: Option<&'static str>,
    /// What to do about it.
    pub solution: Option<&'static str>,
    /// Link to the vendor's documentation.
    pub docs: Option<&'static str>,
    /// The message template as written in the spec.
    pub template: Option<&'static str>,
    /// The recovery the spec names (`recovery = "..."`), for when the error is not retryable.
    pub recovery: Option<Recovery>,
}
