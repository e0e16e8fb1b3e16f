errspec::errors_from_spec!("specs/template-parameter-not-identifier.toml");

fn main() {}
