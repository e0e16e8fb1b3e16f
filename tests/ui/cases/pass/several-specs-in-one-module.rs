// Specs share a module as long as their names differ, even only in case.
errspec::errors_from_spec!("netilion.toml");
errspec::errors_from_spec!("itcare.toml");
errspec::errors_from_spec!("../specs/acme.toml");
errspec::errors_from_spec!("../specs/acme-upper-case.toml");

fn main() {
    assert_eq!(NetilionError::decode(404, b"").first().status(), 404);
    assert_eq!(ItcareError::decode(409, b"").kind(), errspec::Kind::Conflict);
    assert!(matches!(AcmeError::decode(404, br#"{"code": "not_found"}"#).first(), AcmeError::NotFound { .. }));
    assert!(matches!(ACMEError::decode(404, br#"{"code": "not_found"}"#).first(), ACMEError::NotFound { .. }));
}
