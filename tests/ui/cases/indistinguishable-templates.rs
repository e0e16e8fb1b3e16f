errspec::errors_from_spec!("specs/indistinguishable-templates.toml");

fn main() {}
