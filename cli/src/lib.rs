//! The library behind the `errspec` command: decoding with a vendor's generated types or with
//! an interpreted spec file, listing, explaining and documenting a spec's errors, and checking
//! spec files.
//!
//! [`interpret::Interpreter`] decodes with a spec that was never compiled: it runs the same
//! body reader as generated code and reproduces the generated choice of variant over the
//! validated model, so the two can be tested against each other (`tests/differential.rs`).
//! Both produce a [`decoded::Decoded`], which [`decode::render`] prints.
#![forbid(unsafe_code)]

pub mod check;
pub mod decode;
pub mod decoded;
pub mod diff;
pub mod docs;
pub mod draft;
pub mod import;
pub mod infer;
pub mod interpret;
pub mod list;
pub mod style;
pub mod target;
pub mod text;
pub mod vendors;
