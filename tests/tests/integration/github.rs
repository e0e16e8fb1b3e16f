//! GitHub REST API (bundled `github.toml`): errors without codes, told apart by their messages,
//! and the errors nested in a validation failure, each with a code of its own. Bodies as
//! GitHub's documentation ("Troubleshooting the REST API", "Rate limits") shows them.

use crate::common;

use common::single;
use errspec::Kind;
use errspec_tests::github::{GitHubCode, GitHubError};

const DOCS: &str = "https://docs.github.com/rest/issues/issues#create-an-issue";

#[test]
fn not_found_is_told_apart_by_its_message() {
    let body = br#"{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}"#;
    let error = single(GitHubError::decode(404, body));
    match &error {
        GitHubError::NotFound {
            documentation_url,
            resource,
            field,
            ..
        } => {
            assert_eq!(
                documentation_url.as_deref(),
                Some("https://docs.github.com/rest")
            );
            assert_eq!((resource, field), (&None, &None));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(error.kind(), Kind::NotFound);
    assert_eq!(error.code(), None);
}

#[test]
fn bad_credentials_are_unauthenticated() {
    let body = br#"{"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest", "status": "401"}"#;
    let error = single(GitHubError::decode(401, body));
    assert!(
        matches!(error, GitHubError::BadCredentials { .. }),
        "{error:?}"
    );
    assert_eq!(error.kind(), Kind::Unauthenticated);
}

#[test]
fn a_validation_failure_is_followed_by_each_nested_error() {
    let body = format!(
        r#"{{"message":"Validation Failed","errors":[{{"resource":"Issue","field":"title","code":"missing_field"}},{{"resource":"Label","field":"name","code":"already_exists"}},{{"resource":"Issue","code":"custom","field":"body","message":"body is too long (maximum is 65536 characters)"}}],"documentation_url":"{DOCS}","status":"422"}}"#
    );
    let errors = GitHubError::decode(422, body.as_bytes()).into_errors();
    let names: Vec<&str> = errors.iter().map(GitHubError::variant_name).collect();
    assert_eq!(
        names,
        [
            "ValidationFailed",
            "MissingField",
            "AlreadyExists",
            "CustomValidation"
        ]
    );
    // The outer error keeps its message and link; each nested one its resource and field.
    assert_eq!(errors[0].message(), "Validation Failed");
    assert_eq!(errors[0].details()[0], ("documentation_url", Some(DOCS)));
    match &errors[1] {
        GitHubError::MissingField {
            resource,
            field,
            documentation_url,
            status,
            ..
        } => {
            assert_eq!(resource.as_deref(), Some("Issue"));
            assert_eq!(field.as_deref(), Some("title"));
            assert_eq!(*documentation_url, None);
            assert_eq!(*status, 422);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(errors[1].spec_code(), Some(GitHubCode::MissingField));
    assert_eq!(errors[2].kind(), Kind::Conflict);
    assert_eq!(
        errors[3].message(),
        "body is too long (maximum is 65536 characters)"
    );
    assert_eq!(errors[3].code(), Some("custom"));
}

#[test]
fn nested_plain_strings_and_items_without_a_code_are_not_dropped() {
    let body = br#"{"message":"Validation Failed","errors":["Could not resolve to a node with the global id of 'MDQ6VXNlcjE='.",{"resource":"PullRequest","field":"head"}],"documentation_url":"https://docs.github.com/rest/pulls/pulls#create-a-pull-request","status":"422"}"#;
    let errors = GitHubError::decode(422, body).into_errors();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert_eq!(
        errors[1].message(),
        "Could not resolve to a node with the global id of 'MDQ6VXNlcjE='."
    );
    assert!(matches!(errors[1], GitHubError::ValidationFailed { .. }));
    match &errors[2] {
        GitHubError::ValidationFailed {
            resource, field, ..
        } => {
            assert_eq!(resource.as_deref(), Some("PullRequest"));
            assert_eq!(field.as_deref(), Some("head"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn an_undocumented_nested_code_falls_back_by_status_with_its_code() {
    let body = br#"{"message":"Validation Failed","errors":[{"resource":"Release","code":"too_many_assets","field":"assets"}],"status":"422"}"#;
    let errors = GitHubError::decode(422, body).into_errors();
    match &errors[1] {
        GitHubError::ValidationFailed { code, field, .. } => {
            assert_eq!(code.as_deref(), Some("too_many_assets"));
            assert_eq!(field.as_deref(), Some("assets"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(errors[1].code(), Some("too_many_assets"));
    // Where no fallback applies, the code is `Unknown`'s.
    let error = single(GitHubError::decode(
        409,
        br#"{"errors":[{"code":"too_many_assets"}]}"#,
    ));
    match error {
        GitHubError::Unknown { code, .. } => assert_eq!(code.as_deref(), Some("too_many_assets")),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn rate_limits_capture_who_and_are_retryable() {
    let body = br#"{"message":"API rate limit exceeded for user ID 1234567.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api","status":"403"}"#;
    let error = single(GitHubError::decode(403, body));
    match &error {
        GitHubError::UserRateLimitExceeded { user_id, .. } => {
            assert_eq!(user_id.as_deref(), Some("1234567"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(error.kind(), Kind::RateLimited);
    assert!(error.is_retryable());

    let body = br#"{"message":"API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}"#;
    match single(GitHubError::decode(403, body)) {
        GitHubError::RateLimitExceeded { address, .. } => {
            assert_eq!(address.as_deref(), Some("203.0.113.7"));
        }
        other => panic!("unexpected {other:?}"),
    }

    let body = br#"{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID DBD8:30E5:A3C9A:1F5E3D:6551F1B2.","documentation_url":"https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}"#;
    assert!(matches!(
        single(GitHubError::decode(403, body)),
        GitHubError::SecondaryRateLimit { .. }
    ));
}

#[test]
fn an_app_without_the_permission_is_denied() {
    let body = br#"{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest/issues/comments#create-an-issue-comment","status":"403"}"#;
    let error = single(GitHubError::decode(403, body));
    assert!(matches!(
        error,
        GitHubError::NotAccessibleByIntegration { .. }
    ));
    assert_eq!(error.kind(), Kind::PermissionDenied);
}

#[test]
fn an_unmatched_message_falls_back_by_status_with_its_text() {
    let body = br#"{"message":"Must have admin rights to Repository.","documentation_url":"https://docs.github.com/rest/repos/repos#update-a-repository","status":"403"}"#;
    let error = single(GitHubError::decode(403, body));
    assert!(matches!(error, GitHubError::Forbidden { .. }), "{error:?}");
    assert_eq!(error.message(), "Must have admin rights to Repository.");
}

#[test]
fn a_body_that_is_not_json_falls_back_by_status() {
    let body = br#"{"message":"Problems parsing JSON","documentation_url":"https://docs.github.com/rest"}"#;
    assert!(matches!(
        single(GitHubError::decode(400, body)),
        GitHubError::ProblemsParsingJson { .. }
    ));
    // An empty 502, and the HTML page a proxy sends for a 504.
    let error = single(GitHubError::decode(502, b""));
    assert!(matches!(error, GitHubError::ServerError { .. }));
    assert!(error.is_retryable());
    let html = b"<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>\n";
    let response = GitHubError::decode(504, html);
    assert_eq!(response.raw_body(), html);
    assert!(matches!(response.first(), GitHubError::ServerError { .. }));
}

#[test]
fn a_body_with_only_a_link_keeps_it() {
    let body = br#"{"documentation_url":"https://docs.github.com/rest"}"#;
    let error = single(GitHubError::decode(403, body));
    match &error {
        GitHubError::Forbidden {
            documentation_url, ..
        } => assert_eq!(
            documentation_url.as_deref(),
            Some("https://docs.github.com/rest")
        ),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_validation_failure_round_trips_through_to_http() {
    let body = format!(
        r#"{{"message":"Validation Failed","errors":[{{"resource":"Issue","field":"title","code":"missing_field"}},{{"resource":"Issue","code":"custom","field":"body","message":"body is too long"}}],"documentation_url":"{DOCS}","status":"422"}}"#
    );
    let response = GitHubError::decode(422, body.as_bytes());
    let http = response.to_http();
    assert_eq!(http.status(), 422);
    let written: serde_json::Value = serde_json::from_slice(http.body()).expect("JSON");
    assert_eq!(written["message"], "Validation Failed");
    assert_eq!(written["errors"][0]["code"], "missing_field");
    assert_eq!(written["errors"][1]["field"], "body");
    let again = GitHubError::decode_http(&http);
    assert_eq!(again.errors(), response.errors());
    // A nested error alone is written inside `errors`, where its code is read.
    let alone = response.errors()[1].clone();
    assert_eq!(single(GitHubError::decode(422, &alone.to_body())), alone);
}

#[test]
fn the_request_id_and_the_rate_limit_reset_come_from_the_headers() {
    use errspec::http::{HeaderMap, StatusCode};
    use std::time::{Duration, UNIX_EPOCH};

    let mut headers = HeaderMap::new();
    headers.insert(
        "x-github-request-id",
        "CA1B:2F3D:1C2E4A:1E3B9C:6566F7B2".parse().unwrap(),
    );
    headers.insert("x-ratelimit-limit", "60".parse().unwrap());
    headers.insert("x-ratelimit-remaining", "0".parse().unwrap());
    headers.insert("x-ratelimit-reset", "1701250000".parse().unwrap());
    let body = br#"{"message":"API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit.)","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}"#;
    let response = GitHubError::decode_parts(StatusCode::FORBIDDEN, &headers, body);
    assert_eq!(
        response.request_id(),
        Some("CA1B:2F3D:1C2E4A:1E3B9C:6566F7B2")
    );
    let reset = UNIX_EPOCH + Duration::from_secs(1_701_250_000);
    assert_eq!(
        response.retry_after_at(reset - Duration::from_secs(90)),
        Some(Duration::from_secs(90))
    );
    // `Retry-After` (secondary rate limits) comes first.
    headers.insert("retry-after", "60".parse().unwrap());
    let response = GitHubError::decode_parts(StatusCode::FORBIDDEN, &headers, body);
    assert_eq!(
        response.retry_after_at(reset - Duration::from_secs(90)),
        Some(Duration::from_secs(60))
    );
    // The request id goes back out with to_http.
    let http = response.to_http();
    assert_eq!(
        http.headers()["x-github-request-id"],
        "CA1B:2F3D:1C2E4A:1E3B9C:6566F7B2"
    );
    assert_eq!(
        GitHubError::decode_http(&http).request_id(),
        response.request_id()
    );
}
