errspec::errors_from_spec!("specs/xml-misuse.toml");

fn main() {}
