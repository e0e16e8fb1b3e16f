errspec::errors_from_spec!("specs/duplicate-key.toml");

fn main() {}
