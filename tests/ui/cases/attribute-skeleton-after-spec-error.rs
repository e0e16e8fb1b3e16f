// A spec with a mistake still fills the user's enum: code that uses it reports nothing but the
// spec's error.
#[errspec::spec("specs/skeleton-after-spec-error.toml")]
enum Mine {}

fn describe(error: &Mine) -> &'static str {
    match error {
        Mine::NotFound { .. } => "not found",
        Mine::InvalidId { id, .. } if id.is_some() => "invalid id",
        _ => "other",
    }
}

fn main() {
    let response = Mine::decode(404, br#"{"code": "not_found"}"#);
    let _ = describe(response.first());
    let _ = MineCode::ALL;
}
