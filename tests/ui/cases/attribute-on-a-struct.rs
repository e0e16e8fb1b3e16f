// The spec's errors are an enum's variants: a struct is refused, and the enum is generated all
// the same, so the code using it reports nothing else.
#[errspec::spec("netilion.toml")]
struct NetilionError;

fn main() {
    let _ = NetilionError::decode(404, b"");
}
