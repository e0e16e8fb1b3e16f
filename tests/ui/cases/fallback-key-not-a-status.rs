errspec::errors_from_spec!("specs/fallback-key-not-a-status.toml");

fn main() {}
