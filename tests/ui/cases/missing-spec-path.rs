errspec::errors_from_spec!();

fn main() {}
