// A dotted key nested deeper than the TOML parser follows, reported on its own line.
errspec::errors_from_spec!("specs/deep-key.toml");

fn main() {}
