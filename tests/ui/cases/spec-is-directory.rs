errspec::errors_from_spec!("specs");

fn main() {}
