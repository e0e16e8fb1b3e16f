errspec::errors_from_spec!("specs/kinds-misuse.toml");

fn main() {}
