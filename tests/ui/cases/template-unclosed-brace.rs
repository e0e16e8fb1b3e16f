errspec::errors_from_spec!("specs/template-unclosed-brace.toml");

fn main() {}
