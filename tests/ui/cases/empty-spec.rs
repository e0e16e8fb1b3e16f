errspec::errors_from_spec!("specs/empty-spec.toml");

fn main() {}
