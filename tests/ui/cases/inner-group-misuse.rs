errspec::errors_from_spec!("specs/inner-group-misuse.toml");

fn main() {}
