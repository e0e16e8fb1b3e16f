#[errspec::spec("netilion.toml", code = "Netilion")]
enum Netilion {}

fn main() {
    // The types are generated all the same: nothing else is reported.
    let _ = Netilion::decode(404, b"");
}
