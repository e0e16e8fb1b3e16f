#[errspec::spec("netilion.toml", code = "Netilion::Code")]
enum NetilionError {}

fn main() {
    // The types are generated all the same: nothing else is reported.
    let _ = NetilionError::decode(404, b"");
}
