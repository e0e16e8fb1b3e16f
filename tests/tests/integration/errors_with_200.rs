//! APIs that send errors with 200 (`tests/specs/slack.toml`): the spec's `[envelope.error_if]`
//! says what marks a body as an error, and `decode_if_error` returns `None` for a success.

mod slack {
    errspec::errors_from_spec!("specs/slack.toml");
}

use errspec::Kind;
use slack::SlackError;

#[test]
fn a_success_is_no_error() {
    for body in [
        &br#"{"ok": true, "channel": "C024BE91L", "ts": "1401383885.000061"}"#[..],
        br#"{"ok": true, "warning": "superfluous_charset", "response_metadata": {"warnings": ["superfluous_charset"]}}"#,
        br#"{"ok": true}"#,
        b"",
        b"<html>ok</html>",
    ] {
        assert!(SlackError::decode_if_error(200, body).is_none(), "{body:?}");
    }
}

#[test]
fn an_error_sent_with_200_is_decoded() {
    let body = br#"{"ok": false, "error": "channel_not_found"}"#;
    let response = SlackError::decode_if_error(200, body).expect("an error");
    assert_eq!(response.status(), 200);
    let error = response.first();
    assert!(
        matches!(error, SlackError::ChannelNotFound { .. }),
        "{error:?}"
    );
    assert_eq!(error.kind(), Kind::NotFound);
    assert!(!error.is_retryable());
}

#[test]
fn of_duplicate_marks_the_last_counts_as_the_format_says() {
    let body = br#"{"ok": true, "ok": false, "error": "channel_not_found"}"#;
    let response = SlackError::decode_if_error(200, body).expect("an error");
    assert!(matches!(
        response.first(),
        SlackError::ChannelNotFound { .. }
    ));
    let body = br#"{"ok": false, "error": "channel_not_found", "ok": true}"#;
    assert!(SlackError::decode_if_error(200, body).is_none());
}

#[test]
fn what_an_error_adds_is_kept() {
    let body = br#"{"ok": false, "error": "missing_scope", "needed": "chat:write", "provided": "channels:read,users:read"}"#;
    match SlackError::decode_if_error(200, body)
        .expect("an error")
        .first()
    {
        SlackError::MissingScope {
            needed, provided, ..
        } => {
            assert_eq!(needed.as_deref(), Some("chat:write"));
            assert_eq!(provided.as_deref(), Some("channels:read,users:read"));
        }
        other => panic!("unexpected {other:?}"),
    }
    let body = br#"{"ok": false, "error": "invalid_arguments", "response_metadata": {"messages": ["[ERROR] missing required field: channel"]}}"#;
    let response = SlackError::decode_if_error(200, body).expect("an error");
    assert_eq!(
        response.first().message(),
        "[ERROR] missing required field: channel"
    );
}

#[test]
fn an_undocumented_code_falls_back_with_its_code() {
    let body = br#"{"ok": false, "error": "team_access_not_granted"}"#;
    let response = SlackError::decode_if_error(200, body).expect("an error");
    match response.first() {
        SlackError::Error { code, .. } => {
            assert_eq!(code.as_deref(), Some("team_access_not_granted"))
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn an_error_status_is_always_an_error() {
    let body = br#"{"ok": false, "error": "ratelimited"}"#;
    let response = SlackError::decode_if_error(429, body).expect("an error");
    assert!(matches!(response.first(), SlackError::Ratelimited { .. }));
    assert!(response.is_retryable());
    // Even without a body, or with a proxy's page.
    for (status, body) in [(502, &b"<html>Bad Gateway</html>"[..]), (503, b"")] {
        let response = SlackError::decode_if_error(status, body).expect("an error");
        assert!(matches!(response.first(), SlackError::ServerError { .. }));
    }
}

#[test]
fn to_http_writes_the_mark_and_decodes_back() {
    let body = br#"{"ok": false, "error": "not_in_channel"}"#;
    let response = SlackError::decode_if_error(200, body).expect("an error");
    let http = response.to_http();
    assert_eq!(http.status(), 200);
    let written: serde_json::Value = serde_json::from_slice(http.body()).expect("JSON");
    // The message stands in where Slack puts messages; the mark says it is an error.
    assert_eq!(
        written,
        serde_json::json!({
            "error": "not_in_channel",
            "response_metadata": {"messages": ["The caller is not a member of the channel."]},
            "ok": false
        })
    );
    let again = SlackError::decode_http_if_error(&http).expect("an error");
    assert_eq!(again.errors(), response.errors());
}
