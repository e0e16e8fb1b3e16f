errspec::errors_from_spec!("specs/wrong-value-type.toml");

fn main() {}
