errspec::errors_from_spec!("specs/acme.toml");
errspec::errors_from_spec!("specs/acme-again.toml");

fn main() {
    let _ = AcmeError::decode(404, b"");
}
