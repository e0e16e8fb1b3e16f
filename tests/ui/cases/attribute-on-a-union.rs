#[errspec::spec("netilion.toml")]
union NetilionError {
    code: u16,
}

fn main() {
    let _ = NetilionError::decode(404, b"");
}
