// The spec whose expansion codegen/tests/snapshots/features.rs shows compiles and decodes.
errspec::errors_from_spec!("../../../codegen/tests/specs/features.toml");

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
}
