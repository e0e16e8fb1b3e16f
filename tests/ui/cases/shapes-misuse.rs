errspec::errors_from_spec!("specs/shapes-misuse.toml");

fn main() {}
