errspec::errors_from_spec!("specs/inner-misuse.toml");

fn main() {}
