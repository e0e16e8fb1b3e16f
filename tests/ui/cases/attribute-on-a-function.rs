#[errspec::spec("netilion.toml")]
fn netilion_error() {}

fn main() {}
