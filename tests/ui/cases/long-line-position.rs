// A mistake far along a long line: the quoted line is cut so the caret stays under it.
errspec::errors_from_spec!("specs/long-line-position.toml");

fn main() {}
