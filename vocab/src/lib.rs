//! The words errspec's spec files and its runtime share: kinds of error, recoveries, HTTP
//! status names and formats, fallback keys, rate-limit windows, the roles of an envelope's locations, JSON
//! pointer tokens, and how message templates are normalized and matched.
//!
//! Defined once, here, so that the code generator (`errspec-codegen`), which reads spec files,
//! and the runtime (`errspec`), which decodes responses, cannot disagree. Users see these
//! through `errspec` (`errspec::Kind`, `errspec::Recovery`); this crate has no dependency
//! but an optional `serde` (feature `serde`: `Serialize` for `Kind` and `Recovery`).
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

mod body;
pub mod code_hash;
pub mod fallback;
mod kind;
pub mod pointer;
mod recovery;
mod reset;
mod role;
#[cfg(feature = "serde")]
mod serialize;
pub mod status;
pub mod template;

pub use body::BodyFormat;
pub use fallback::FallbackKey;
pub use kind::Kind;
pub use recovery::Recovery;
pub use reset::ResetFormat;
pub use role::{Role, MAX_PARTS};
pub use status::StatusFormat;

/// The rate-limit windows a spec may name (`rate_limit_window = "minute"`), with their
/// length in seconds.
pub const RATE_LIMIT_WINDOWS: &[(&str, u64)] = &[("second", 1), ("minute", 60), ("hour", 3600)];
