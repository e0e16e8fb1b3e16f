// The spec's bodies are CBOR and this crate depends on errspec without its `cbor` feature: one
// error, at `format`, naming the feature; the types exist, so the rest of the crate compiles.
errspec::errors_from_spec!("specs/format-needs-feature.toml");

fn main() {
    let _ = SmithyError::decode(429, b"");
    let _ = SmithyCode::ThrottlingError;
}
