errspec::errors_from_spec!("specs/headers-and-error-if-misuse.toml");

fn main() {}
