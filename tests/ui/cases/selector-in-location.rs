errspec::errors_from_spec!("specs/selector-in-location.toml");

fn main() {}
