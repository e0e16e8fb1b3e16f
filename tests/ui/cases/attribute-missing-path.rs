#[errspec::spec]
enum NetilionError {}

fn main() {}
