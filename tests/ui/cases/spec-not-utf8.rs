errspec::errors_from_spec!("specs/spec-not-utf8.toml");

fn main() {}
