errspec::errors_from_spec!("three-mistakes.toml");

fn main() {}
