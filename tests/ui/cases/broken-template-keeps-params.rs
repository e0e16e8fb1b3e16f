// A template with a mistake still declares the parameters it names: code that uses `id`
// sees the template's error only, not a missing field as well.
errspec::errors_from_spec!("specs/broken-template-keeps-params.toml");

fn main() {
    let response = AcmeError::decode(404, br#"{"code": "not_found"}"#);
    if let AcmeError::NotFound { id, .. } = response.first() {
        let _ = id.as_deref();
    }
}
