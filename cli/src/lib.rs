//! The library behind the `errspec` command: decoding with a vendor's generated types or with
//! an interpreted spec file, listing, explaining and documenting a spec's errors, and checking
//! spec files.
//!
//! [`interpret::Interpreter`] decodes with a spec that was never compiled: it runs the same
//! body reader as generated code and reproduces the generated choice of variant over the
//! validated model, so the two can be tested against each other (`tests/cli/differential.rs`).
//! Both produce a [`decoded::Decoded`], which [`commands::decode::render`] prints.
//!
//! [`commands`] holds one module per command that reads a spec, [`authoring`] the commands
//! that draft one; `target`, `style` and `text` are shared by them.
#![forbid(unsafe_code)]

pub mod authoring;
pub mod commands;
pub mod decoded;
pub mod interpret;
pub mod style;
pub mod target;
pub mod text;
pub mod vendors;
