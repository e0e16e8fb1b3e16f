errspec::errors_from_spec!("specs/key-in-wrong-table.toml");

fn main() {}
