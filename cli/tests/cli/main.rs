//! The CLI's tests, one module per topic in one test binary: the `errspec` binary as a user
//! runs it (through `common`, the one runner), the authoring commands (and on vendors' published documents, `vendors`), inputs large enough to show a quadratic step (`scale`), the JSON Schema, and
//! the interpreter held equal to generated code (`differential`).

mod common;

mod authoring;
mod binary;
mod commands;
mod differential;
mod scale;
mod schema;
mod vendors;
