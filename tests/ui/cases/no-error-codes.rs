errspec::errors_from_spec!("specs/no-error-codes.toml");

fn main() {}
