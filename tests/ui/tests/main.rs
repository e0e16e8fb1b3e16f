//! What a user's crate sees, built as a user builds it: the compile error for each spec
//! mistake (trybuild), and crates outside this workspace that depend on errspec.

mod compile_fail;
mod diagnostics;
mod fixture_crate;
mod hygiene;
mod new_vendor;
