// `code_after` cuts the namespace off the code a body holds: a code documented with its
// namespace could never be matched.
errspec::errors_from_spec!("specs/code-holds-delimiter.toml");

fn main() {}
