errspec::errors_from_spec!("specs/variant-name-not-identifier.toml");

fn main() {}
