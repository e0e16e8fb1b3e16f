errspec::errors_from_spec!("specs/status-out-of-range.toml");

fn main() {}
