// A spec with a mistake still generates its types: code that uses them reports nothing but
// the spec's error.
errspec::errors_from_spec!("specs/skeleton-after-spec-error.toml");

fn describe(error: &AcmeError) -> &'static str {
    match error {
        AcmeError::NotFound { .. } => "not found",
        AcmeError::InvalidId { id, .. } if id.is_some() => "invalid id",
        _ => "other",
    }
}

fn main() {
    let response = AcmeError::decode(404, br#"{"code": "not_found"}"#);
    let _ = describe(response.first());
    let _ = AcmeCode::ALL;
}
