errspec::errors_from_spec!("specs/invalid-json-pointer.toml");

fn main() {}
