errspec::errors_from_spec!("specs/variant-name-keyword.toml");

fn main() {}
