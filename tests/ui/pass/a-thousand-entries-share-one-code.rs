// 1,000 entries share the wire code `shared`, told apart by their templates: the expansion has
// no code per template, so it compiles like any spec, and the last template is still found.
errspec::errors_from_spec!("../specs/shared-code-1000.toml");

fn main() {
    let body = br#"{"code": "shared", "message": "Shape 999 of box failed."}"#;
    match SharedError::decode(400, body).first() {
        SharedError::Shape999 { name, .. } => assert_eq!(name.as_deref(), Some("box")),
        other => panic!("unexpected {other:?}"),
    }
    let body = br#"{"code": "shared", "message": "Something else"}"#;
    assert!(matches!(SharedError::decode(400, body).first(), SharedError::SharedOther { .. }));
    assert_eq!(SharedCode::from_wire("shared"), Some(SharedCode::Shape0));
}
