errspec::errors_from_spec!("specs/acme.toml", strict = true);

fn main() {}
