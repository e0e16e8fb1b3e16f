errspec::errors_from_spec!("specs/unknown-key-in-error.toml");

fn main() {}
