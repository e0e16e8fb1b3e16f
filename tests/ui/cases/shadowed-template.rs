// A template of a code shadowed by an earlier template of the same code.
errspec::errors_from_spec!("specs/shadowed-template.toml");

fn main() {}
