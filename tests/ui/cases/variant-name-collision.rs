errspec::errors_from_spec!("specs/variant-name-collision.toml");

fn main() {}
