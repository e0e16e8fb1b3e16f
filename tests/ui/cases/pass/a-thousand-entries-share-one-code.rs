// 1,000 entries share the wire code `shared`, told apart by their templates: the expansion has
// no code per template, so it compiles like any spec, and the last template is still found.
errspec::errors_from_spec!("../specs/shared-code-1000.toml");

fn main() {
    let body = br#"{"code": "shared", "message": "Shape 999 of box failed."}"#;
    let response = SharedError::decode(400, body);
    let error = response.first();
    match error {
        SharedError::Shape999 { name, .. } => assert_eq!(name.as_deref(), Some("box")),
        other => panic!("unexpected {other:?}"),
    }
    // The accessors read the variant through `view`, split into chunks of entries at this size.
    assert_eq!(error.variant_name(), "Shape999");
    assert_eq!(error.message(), "Shape 999 of box failed.");
    assert_eq!(error.details(), [("name", Some("box"))]);
    assert_eq!(error.spec_code(), Some(SharedCode::Shape999));
    assert_eq!(error.clone(), *error);
    assert_eq!(
        format!("{error:?}"),
        r#"Shape999 { message: "Shape 999 of box failed.", name: Some("box"), status: 400 }"#
    );
    let first = SharedError::decode(400, br#"{"code": "shared", "message": "Shape 0 of lid failed."}"#);
    assert_eq!(first.first().details(), [("name", Some("lid"))]);
    assert_ne!(first.first(), error);
    let unknown = SharedError::decode(404, br#"{"code": "other", "message": "Gone."}"#);
    assert_eq!(
        (unknown.first().variant_name(), unknown.first().code(), unknown.first().message()),
        ("Unknown", Some("other"), "Gone.")
    );
    let body = br#"{"code": "shared", "message": "Something else"}"#;
    assert!(matches!(SharedError::decode(400, body).first(), SharedError::SharedOther { .. }));
    assert_eq!(SharedCode::from_wire("shared"), Some(SharedCode::Shape0));
}
