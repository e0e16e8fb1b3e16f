const SPEC: &str = "specs/acme.toml";

errspec::errors_from_spec!(SPEC);

fn main() {}
