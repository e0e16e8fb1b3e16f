errspec::errors_from_spec!("specs/toml-syntax-error.toml");

fn main() {}
