errspec::errors_from_spec!("specs/variant-named-all.toml");

fn main() {}
