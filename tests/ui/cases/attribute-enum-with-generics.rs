#[errspec::spec("netilion.toml")]
enum NetilionError<T> {}

fn main() {
    let _ = NetilionError::decode(404, b"");
}
