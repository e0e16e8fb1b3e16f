errspec::errors_from_spec!("specs/unknown-top-level-key.toml");

fn main() {}
