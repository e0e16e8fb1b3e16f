// The spec is the one list of variants.
#[errspec::spec("netilion.toml")]
enum NetilionError {
    Taken,
    Invalid { attribute: String },
}

fn main() {
    let _ = NetilionError::decode(404, b"");
}
