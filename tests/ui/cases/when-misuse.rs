errspec::errors_from_spec!("specs/when-misuse.toml");

fn main() {}
