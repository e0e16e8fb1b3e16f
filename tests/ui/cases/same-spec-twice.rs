errspec::errors_from_spec!("netilion.toml");
errspec::errors_from_spec!("netilion.toml");

fn main() {
    let _ = NetilionError::decode(404, b"");
}
