errspec::errors_from_spec!("no-such-spec.toml");

fn main() {}
