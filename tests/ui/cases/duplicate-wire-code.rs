errspec::errors_from_spec!("specs/duplicate-wire-code.toml");

fn main() {}
