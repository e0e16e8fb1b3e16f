// More locations than the reader tracks: the fields past them would never be read.
errspec::errors_from_spec!("specs/too-many-fields.toml");

fn main() {}
