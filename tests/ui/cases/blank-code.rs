// A blank code is never matched: a blank code in a body counts as none.
errspec::errors_from_spec!("specs/blank-code.toml");

fn main() {}
