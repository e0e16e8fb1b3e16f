//! The code generator's integration tests, one module per topic in one test binary.

mod never_panics;
mod scale;
mod snapshot;
