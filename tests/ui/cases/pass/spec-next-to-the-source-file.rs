// A relative path is also looked for next to the file holding the macro call.
errspec::errors_from_spec!("../specs/acme.toml");

fn main() {
    let response = AcmeError::decode(404, br#"{"code": "not_found"}"#);
    assert_eq!(response.first().spec_code(), Some(AcmeCode::NotFound));
}
