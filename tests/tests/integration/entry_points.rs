//! The decode entry points agree: a `u16` and an `http::StatusCode` decode alike through
//! every one, each has an "only if it is an error" flavour that keeps what its plain flavour
//! keeps, and `code()` is the code as received whatever entry chose the error. The types are
//! declared with the attribute form, as a user names them.

use std::collections::HashSet;

use errspec::http::{HeaderMap, HeaderValue, Response, StatusCode};
use errspec::{ApiError, ErrorResponse, Kind, Status};

/// Errors of a GraphQL API behind a gateway (`tests/specs/graphql.toml`).
#[errspec::spec("specs/graphql.toml")]
pub(crate) enum GraphQlError {}

/// Slack's Web API (`tests/specs/slack.toml`): errors sent with 200.
#[errspec::spec("specs/slack.toml", code = "SlackErrorCode")]
enum SlackError {}

/// The same spec again under another name, beside the first: two versions side by side.
#[errspec::spec("specs/slack.toml")]
enum SlackAgain {}

/// GitHub's REST API, with derives of the user's own: errspec leaves `Serialize` to them.
#[errspec::spec("github.toml")]
#[derive(serde::Serialize, Eq, Hash)]
#[non_exhaustive]
pub enum GitHub {}

// The user's own methods, named like the helpers errspec generates beside the enum.
#[allow(dead_code)]
impl GitHub {
    fn build(&self) -> &'static str {
        "the user's"
    }
    fn view(&self) -> &'static str {
        "the user's"
    }
    fn index(&self) -> usize {
        7
    }
}

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut headers = HeaderMap::new();
    for (name, value) in pairs {
        headers.append(*name, HeaderValue::from_str(value).unwrap());
    }
    headers
}

/// A generated type's decode functions, each taking the status as an `errspec::Status`, which
/// the test builds from a `u16` and from a `StatusCode`.
struct EntryPoints<E> {
    decode: fn(Status, &[u8]) -> ErrorResponse<E>,
    decode_if_error: fn(Status, &[u8]) -> Option<ErrorResponse<E>>,
    decode_parts: fn(Status, &HeaderMap, &[u8]) -> ErrorResponse<E>,
    decode_parts_if_error: fn(Status, &HeaderMap, &[u8]) -> Option<ErrorResponse<E>>,
    decode_http: fn(&Response<Vec<u8>>) -> ErrorResponse<E>,
    decode_http_if_error: fn(&Response<Vec<u8>>) -> Option<ErrorResponse<E>>,
}

macro_rules! entry_points {
    ($error:ident) => {
        EntryPoints::<$error> {
            decode: |status, body| $error::decode(status, body),
            decode_if_error: |status, body| $error::decode_if_error(status, body),
            decode_parts: |status, headers, body| $error::decode_parts(status, headers, body),
            decode_parts_if_error: |status, headers, body| {
                $error::decode_parts_if_error(status, headers, body)
            },
            decode_http: |response| $error::decode_http(response),
            decode_http_if_error: |response| $error::decode_http_if_error(response),
        }
    };
}

/// Every entry point at `status` as a number and as a `StatusCode`, all equal to
/// `decode_parts`; `None` from the "if error" flavours when the response is a success.
fn decode_every_way<E: ApiError + PartialEq + std::fmt::Debug>(
    points: &EntryPoints<E>,
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
) -> Option<ErrorResponse<E>> {
    let code = StatusCode::from_u16(status).unwrap();
    let parts = (points.decode_parts)(status.into(), headers, body);
    assert_eq!((points.decode_parts)(code.into(), headers, body), parts);
    assert_eq!(E::decode_parts(status, headers, body), parts);
    assert_eq!(E::decode_parts(code, headers, body), parts);
    // Without headers, `decode` reads what the body holds: the same errors.
    let decoded = (points.decode)(status.into(), body);
    assert_eq!((points.decode)(code.into(), body), decoded);
    assert_eq!(
        decoded.errors(),
        (points.decode_parts)(status.into(), &HeaderMap::new(), body).errors()
    );
    let mut response = Response::new(body.to_vec());
    *response.status_mut() = code;
    *response.headers_mut() = headers.clone();
    assert_eq!((points.decode_http)(&response), parts);

    let is_error = E::is_error(status, body);
    assert_eq!(E::is_error(code, body), is_error);
    let if_error = (points.decode_parts_if_error)(status.into(), headers, body);
    assert_eq!(
        (points.decode_parts_if_error)(code.into(), headers, body),
        if_error
    );
    assert_eq!((points.decode_http_if_error)(&response), if_error);
    let bare = (points.decode_if_error)(status.into(), body);
    assert_eq!((points.decode_if_error)(code.into(), body), bare);
    assert_eq!(if_error.is_some(), is_error);
    assert_eq!(bare.is_some(), is_error);
    if let Some(if_error) = &if_error {
        assert_eq!(if_error, &parts);
    }
    if_error
}

#[test]
fn a_number_and_a_status_code_decode_alike_through_every_entry_point() {
    let none = HeaderMap::new();
    let github = headers(&[
        ("x-github-request-id", "CA1B:2F3D:1C2E4A"),
        ("retry-after", "30"),
    ]);
    for (status, body) in [
        (404, &br#"{"message": "Not Found", "documentation_url": "https://docs.github.com/rest", "status": "404"}"#[..]),
        (403, br#"{"message": "API rate limit exceeded for 203.0.113.7.", "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}"#),
        (502, b"<html><body>502 Bad Gateway</body></html>"),
        (200, br#"{"id": 1}"#),
    ] {
        for headers in [&none, &github] {
            let decoded = decode_every_way(&entry_points!(GitHub), status, headers, body);
            assert_eq!(decoded.is_some(), status != 200);
        }
    }
    let slack = headers(&[("x-slack-req-id", "4c0a3e5f-8b1d")]);
    for (status, body) in [
        (200, &br#"{"ok": false, "error": "channel_not_found"}"#[..]),
        (200, br#"{"ok": true, "channel": "C123"}"#),
        (429, br#"{"ok": false, "error": "ratelimited"}"#),
    ] {
        decode_every_way(&entry_points!(SlackError), status, &slack, body);
    }
    for (status, body) in [
        (401, &br#"{"message": "Bad credentials"}"#[..]),
        (200, br#"{"data": null, "errors": [{"message": "Syntax Error: Unexpected Name \"quer\".", "extensions": {"code": "GRAPHQL_PARSE_FAILED"}}]}"#),
        (200, br#"{"data": {"viewer": {"login": "octocat"}}}"#),
    ] {
        decode_every_way(&entry_points!(GraphQlError), status, &none, body);
    }
}

#[test]
fn decode_parts_if_error_keeps_the_request_id_and_retry_after_of_an_error_sent_with_200() {
    let sent = headers(&[("x-slack-req-id", "4c0a3e5f-8b1d"), ("retry-after", "30")]);
    let body = br#"{"ok": false, "error": "channel_not_found"}"#;
    let response = SlackError::decode_parts_if_error(StatusCode::OK, &sent, body)
        .expect("`ok: false` marks an error");
    assert!(matches!(
        response.first(),
        SlackError::ChannelNotFound { .. }
    ));
    assert_eq!(response.request_id(), Some("4c0a3e5f-8b1d"));
    assert_eq!(
        response
            .retry_after_header()
            .map(|after| after.to_string())
            .as_deref(),
        Some("30")
    );
    // The body alone knows nothing of the headers.
    let bare = SlackError::decode_if_error(200, body).unwrap();
    assert_eq!(bare.request_id(), None);
    assert_eq!(bare.first(), response.first());

    let success = br#"{"ok": true, "channel": "C123", "ts": "1503435956.000247"}"#;
    assert!(SlackError::decode_parts_if_error(200, &sent, success).is_none());
    let limited =
        SlackError::decode_parts_if_error(429, &sent, br#"{"ok": false, "error": "ratelimited"}"#)
            .unwrap();
    assert!(limited.is_retryable());
    assert_eq!(
        limited.retry_after(),
        Some(std::time::Duration::from_secs(30))
    );
}

#[test]
fn code_is_none_for_a_body_without_a_code_whatever_entry_the_status_chose() {
    // `[fallback] 401 = "Unauthenticated"`, whose wire code is `UNAUTHENTICATED`.
    let response = GraphQlError::decode(401, br#"{"message": "Bad credentials", "documentation_url": "https://docs.github.com/graphql"}"#);
    let error = response.first();
    assert!(
        matches!(
            error,
            GraphQlError::Unauthenticated {
                code: None,
                status: 401,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.code(), None);
    assert_eq!(ApiError::code(error), None);
    assert_eq!(error.spec_code(), Some(GraphQlCode::Unauthenticated));
    assert_eq!(GraphQlCode::Unauthenticated.as_str(), "UNAUTHENTICATED");
    assert_eq!(error.kind(), Kind::Unauthenticated);
    // Display shows no code the body did not send; the message is the body's, which the
    // spec's second shape reads.
    assert_eq!(error.to_string(), "Bad credentials");
    let json = serde_json::to_value(error).unwrap();
    assert_eq!(json["code"], serde_json::Value::Null, "{json}");
    assert_eq!(json["variant"], "Unauthenticated", "{json}");
    // What `to_body` writes decodes to the same error: still without a code.
    assert_eq!(GraphQlError::decode(401, &error.to_body()).first(), error);
    assert!(format!("{error:?}").contains("code: None"), "{error:?}");

    // An error that sent the code keeps it, one that sent an undocumented code keeps that.
    let body = br#"{"errors": [{"message": "Not logged in", "extensions": {"code": "UNAUTHENTICATED"}}, {"message": "Service unavailable", "extensions": {"code": "SERVICE_UNAVAILABLE"}}]}"#;
    let response = GraphQlError::decode(503, body);
    let [sent, undocumented] = response.errors() else {
        panic!("{response:?}")
    };
    assert!(
        matches!(sent, GraphQlError::Unauthenticated { code: Some(code), .. } if code == "UNAUTHENTICATED")
    );
    assert_eq!(sent.code(), Some("UNAUTHENTICATED"));
    assert!(
        matches!(undocumented, GraphQlError::InternalServerError { .. }),
        "{undocumented:?}"
    );
    assert_eq!(undocumented.code(), Some("SERVICE_UNAVAILABLE"));
    assert_eq!(
        undocumented.spec_code(),
        Some(GraphQlCode::InternalServerError)
    );
    assert_eq!(
        undocumented.to_string(),
        "SERVICE_UNAVAILABLE: Service unavailable"
    );
    assert_eq!(
        GraphQlError::decode(503, &response.to_http().into_body()),
        response
    );
}

#[test]
fn the_attribute_form_keeps_the_users_name_derives_and_methods() {
    let not_found = br#"{"message": "Not Found", "documentation_url": "https://docs.github.com/rest", "status": "404"}"#;
    let response = GitHub::decode(404, not_found);
    let error = response.first();
    // The user's `Serialize`: serde's shape of the enum, not errspec's.
    assert_eq!(
        serde_json::to_value(error).unwrap(),
        serde_json::json!({"NotFound": {
            "message": "Not Found",
            "code": null,
            "documentation_url": "https://docs.github.com/rest",
            "resource": null,
            "field": null,
            "status": 404,
        }})
    );
    // errspec's `Serialize` of the code enum is still there.
    assert_eq!(
        serde_json::to_value(GitHubCode::NotFound).unwrap(),
        "NotFound"
    );
    // The user's `Eq` and `Hash` over errspec's `PartialEq`.
    let again = GitHub::decode(StatusCode::NOT_FOUND, not_found);
    let set: HashSet<&GitHub> = [error, again.first()].into_iter().collect();
    assert_eq!(set.len(), 1);
    // The user's own methods stand beside errspec's.
    assert_eq!(
        (error.build(), error.view(), error.index()),
        ("the user's", "the user's", 7)
    );
    assert_eq!(error.variant_name(), "NotFound");
    let gone = GitHub::decode(410, br#"{"message": "Gone"}"#);
    let set: HashSet<&GitHub> = [error, gone.first(), again.first()].into_iter().collect();
    assert_eq!(set.len(), 2, "{set:?}");
    // Two names for one spec's types in one module.
    let body = br#"{"ok": false, "error": "channel_not_found"}"#;
    assert_eq!(
        SlackErrorCode::from_wire("channel_not_found"),
        Some(SlackErrorCode::ChannelNotFound)
    );
    assert_eq!(
        SlackAgainCode::from_wire("channel_not_found"),
        Some(SlackAgainCode::ChannelNotFound)
    );
    assert_eq!(
        SlackError::decode(200, body).first().to_string(),
        SlackAgain::decode(200, body).first().to_string()
    );
}
