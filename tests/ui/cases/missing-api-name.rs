errspec::errors_from_spec!("specs/missing-api-name.toml");

fn main() {}
