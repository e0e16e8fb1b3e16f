errspec::errors_from_spec!("specs/fallback-unknown-variant.toml");

fn main() {}
