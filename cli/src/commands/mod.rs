//! The commands that read a spec, one module each: `decode` (a response decoded and printed
//! as text or JSON), `list` (every documented error, and the JSON of one), `explain` (one
//! documented error in full), `docs` (a Markdown reference), `check` (the macro's diagnostics)
//! and `diff` (what changed between two specs). The commands that draft a spec are in
//! [`crate::authoring`].

pub mod check;
pub mod decode;
pub mod diff;
pub mod docs;
pub mod explain;
pub mod list;

/// Shown where a spec leaves a value to the status the error arrives with.
const BY_STATUS: &str = "by status";
