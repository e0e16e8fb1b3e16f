//! Nothing: this package holds tests only (`tests/main.rs`). Its compile-fail cases are in
//! `cases/`, each with the `.stderr` a user sees; the crates it builds as a user's crate are in
//! `tests/fixtures/` at the workspace's top.
