errspec::errors_from_spec!("specs/header-field-cut-misuse.toml");

fn main() {}
