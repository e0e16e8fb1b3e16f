errspec::errors_from_spec!("specs/unknown-kind.toml");

fn main() {}
