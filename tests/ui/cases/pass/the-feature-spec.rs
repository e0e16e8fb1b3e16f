// The spec whose expansion codegen/tests/snapshots/features.rs shows compiles and decodes.
errspec::errors_from_spec!("../../../../codegen/tests/specs/features.toml");

fn main() {
    let body = br#"{"errors": [{"code": "multiple", "inner": [
        {"code": "not_found", "message": "Item 7 not found.", "status": 404, "field": "id"},
        {"code": "partial", "message": "Some failed", "items": [{"id": 1, "message": ""}]}
    ]}]}"#;
    let response = FeaturesError::decode(422, body);
    match response.errors() {
        [FeaturesError::NotFound { id, field, status: 404, .. }, FeaturesError::Partial { items, .. }] => {
            assert_eq!(id.as_deref(), Some("7"));
            assert_eq!(field.as_deref(), Some("id"));
            assert_eq!(items.len(), 1);
        }
        other => panic!("unexpected {other:?}"),
    }
    let down = FeaturesError::decode(503, b"");
    assert!(matches!(down.first(), FeaturesError::Unavailable { .. }));
    assert!(down.is_retryable());
    assert!(down.first().to_body().is_empty());
    // A status's class, for an HTML page and for an undocumented code alike.
    let gateway = FeaturesError::decode(502, b"<html>Bad gateway</html>");
    assert!(matches!(gateway.first(), FeaturesError::ServerError { status: 502, .. }));
    let odd = FeaturesError::decode(500, br#"{"errors": [{"code": "odd", "message": "Odd."}]}"#);
    match odd.first() {
        FeaturesError::ServerError { code, message, .. } => {
            assert_eq!((code.as_deref(), message.as_str()), (Some("odd"), "Odd."));
        }
        other => panic!("unexpected {other:?}"),
    }
    // No key for 4xx, nor `default`.
    assert!(matches!(FeaturesError::decode(418, b"").first(), FeaturesError::Unknown { .. }));
}
