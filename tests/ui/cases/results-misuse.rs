errspec::errors_from_spec!("specs/results-misuse.toml");

fn main() {}
