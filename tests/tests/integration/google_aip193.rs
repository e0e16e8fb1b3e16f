//! Google APIs' errors (AIP-193, `tests/specs/google.toml`): the code is the `reason` of the
//! `details` element whose `@type` is ErrorInfo, wherever it sits among the details and
//! whatever the order of its keys, else the canonical `status`. Bodies as Google's APIs send them.

pub(crate) mod google {
    errspec::errors_from_spec!("specs/google.toml");
}

use errspec::Kind;
use google::GoogleError;

const ERROR_INFO: &str = "type.googleapis.com/google.rpc.ErrorInfo";

fn only(status: u16, body: &str) -> GoogleError {
    let mut errors = GoogleError::decode(status, body.as_bytes()).into_errors();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.remove(0)
}

#[test]
fn the_reason_of_the_error_info_is_the_code() {
    let body = format!(
        r#"{{"error": {{"code": 403, "message": "Cloud Translation API has not been used in project 123 before or it is disabled.", "status": "PERMISSION_DENIED", "details": [{{"@type": "{ERROR_INFO}", "reason": "SERVICE_DISABLED", "domain": "googleapis.com", "metadata": {{"service": "translate.googleapis.com", "consumer": "projects/123"}}}}, {{"@type": "type.googleapis.com/google.rpc.Help", "links": [{{"description": "Google developers console API activation", "url": "https://console.developers.google.com/apis/api/translate.googleapis.com/overview?project=123"}}]}}]}}}}"#
    );
    let error = only(403, &body);
    match &error {
        GoogleError::ServiceDisabled {
            domain,
            service,
            consumer,
            help_url,
            ..
        } => {
            assert_eq!(domain.as_deref(), Some("googleapis.com"));
            assert_eq!(service.as_deref(), Some("translate.googleapis.com"));
            assert_eq!(consumer.as_deref(), Some("projects/123"));
            assert!(help_url
                .as_deref()
                .is_some_and(|url| url.starts_with("https://console.developers.google.com/")));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(error.kind(), Kind::PermissionDenied);
}

#[test]
fn the_error_info_is_found_wherever_it_sits_and_whatever_its_key_order() {
    let body = format!(
        r#"{{"error": {{"code": 429, "message": "Quota exceeded.", "status": "RESOURCE_EXHAUSTED", "details": [{{"@type": "type.googleapis.com/google.rpc.Help", "links": []}}, {{"reason": "RATE_LIMIT_EXCEEDED", "metadata": {{"service": "sheets.googleapis.com"}}, "@type": "{ERROR_INFO}"}}]}}}}"#
    );
    let error = only(429, &body);
    assert!(
        matches!(error, GoogleError::RateLimitExceeded { .. }),
        "{error:?}"
    );
    assert!(error.is_retryable());
    assert_eq!(error.code(), Some("RATE_LIMIT_EXCEEDED"));
}

#[test]
fn without_error_info_the_status_is_the_code() {
    let body = r#"{"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"}}"#;
    assert!(matches!(only(404, body), GoogleError::NotFound { .. }));
    // A reason in an element of another type does not count.
    let body = r#"{"error": {"code": 400, "message": "Invalid value at 'requests[0]'", "status": "INVALID_ARGUMENT", "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest", "reason": "RATE_LIMIT_EXCEEDED", "fieldViolations": [{"field": "requests[0]", "description": "Invalid value"}]}]}}"#;
    assert!(matches!(
        only(400, body),
        GoogleError::InvalidArgument { .. }
    ));
}

#[test]
fn an_undocumented_reason_gives_way_to_the_canonical_status_and_is_kept() {
    let body = format!(
        r#"{{"error": {{"code": 403, "message": "Denied.", "status": "PERMISSION_DENIED", "details": [{{"@type": "{ERROR_INFO}", "reason": "CONSUMER_SUSPENDED", "domain": "googleapis.com"}}]}}}}"#
    );
    let error = only(403, &body);
    match &error {
        GoogleError::PermissionDenied { reason, domain, .. } => {
            assert_eq!(reason.as_deref(), Some("CONSUMER_SUSPENDED"));
            assert_eq!(domain.as_deref(), Some("googleapis.com"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(error.code(), Some("PERMISSION_DENIED"));
    // Whatever the order: the reason's location comes first in the spec, the status's is
    // the one documented.
    let reordered = format!(
        r#"{{"error": {{"details": [{{"reason": "CONSUMER_SUSPENDED", "@type": "{ERROR_INFO}"}}], "status": "PERMISSION_DENIED", "code": 403}}}}"#
    );
    assert!(matches!(
        only(403, &reordered),
        GoogleError::PermissionDenied { .. }
    ));
    // A documented reason still wins over the status.
    let documented = format!(
        r#"{{"error": {{"code": 403, "status": "PERMISSION_DENIED", "details": [{{"@type": "{ERROR_INFO}", "reason": "SERVICE_DISABLED"}}]}}}}"#
    );
    assert!(matches!(
        only(403, &documented),
        GoogleError::ServiceDisabled { .. }
    ));
}

#[test]
fn neither_code_documented_falls_back_with_the_most_specific() {
    let body = format!(
        r#"{{"error": {{"code": 403, "message": "Denied.", "status": "NEW_STATUS", "details": [{{"@type": "{ERROR_INFO}", "reason": "CONSUMER_SUSPENDED", "domain": "googleapis.com"}}]}}}}"#
    );
    match only(403, &body) {
        GoogleError::Other { code, .. } => {
            assert_eq!(code.as_deref(), Some("CONSUMER_SUSPENDED"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn the_retry_delay_of_a_retry_info_is_kept() {
    let body = r#"{"error": {"code": 503, "message": "The service is currently unavailable.", "status": "UNAVAILABLE", "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "30s"}]}}"#;
    match only(503, body) {
        GoogleError::Unavailable { retry_delay, .. } => {
            assert_eq!(retry_delay.as_deref(), Some("30s"));
        }
        other => panic!("unexpected {other:?}"),
    }
    // The delay is the response's: when to retry, without a `Retry-After` header.
    let response = GoogleError::decode(503, body.as_bytes());
    assert_eq!(
        response.retry_after(),
        Some(std::time::Duration::from_secs(30))
    );
    assert_eq!(
        response.retry_after_header(),
        Some(errspec::RetryAfter::Delay(std::time::Duration::from_secs(
            30
        )))
    );
    let fraction = body.replace("30s", "1.5s");
    assert_eq!(
        GoogleError::decode(503, fraction.as_bytes()).retry_after(),
        Some(std::time::Duration::from_millis(1500))
    );
    // A header says it first; a delay that does not read is none.
    let mut headers = errspec::http::HeaderMap::new();
    headers.insert("retry-after", errspec::http::HeaderValue::from_static("5"));
    let response = GoogleError::decode_parts(503, &headers, body.as_bytes());
    assert_eq!(
        response.retry_after(),
        Some(std::time::Duration::from_secs(5))
    );
    // An error the reader drops (the first of a duplicate key) takes its delay with it.
    let replaced = format!(
        r#"{{"error": {}, "error": {{"code": 503, "status": "UNAVAILABLE"}}}}"#,
        &body[10..body.len() - 1]
    );
    let response = GoogleError::decode(503, replaced.as_bytes());
    assert!(
        matches!(
            response.first(),
            GoogleError::Unavailable {
                retry_delay: None,
                ..
            }
        ),
        "{response:?}"
    );
    assert_eq!(response.retry_after(), None);
    let unreadable = body.replace("30s", "soon");
    assert_eq!(
        GoogleError::decode(503, unreadable.as_bytes()).retry_after(),
        None
    );
}

#[test]
fn to_body_writes_the_error_info_and_decodes_back() {
    let body = format!(
        r#"{{"error": {{"code": 429, "message": "Quota exceeded.", "status": "RESOURCE_EXHAUSTED", "details": [{{"@type": "{ERROR_INFO}", "reason": "RATE_LIMIT_EXCEEDED", "domain": "googleapis.com", "metadata": {{"service": "sheets.googleapis.com"}}}}]}}}}"#
    );
    let error = only(429, &body);
    let written: serde_json::Value = serde_json::from_slice(&error.to_body()).expect("JSON");
    let info = &written["error"]["details"][0];
    assert_eq!(info["@type"], ERROR_INFO);
    assert_eq!(info["reason"], "RATE_LIMIT_EXCEEDED");
    assert_eq!(info["metadata"]["service"], "sheets.googleapis.com");
    assert_eq!(written["error"]["code"], 429);
    assert_eq!(
        only(429, &String::from_utf8(error.to_body()).unwrap()),
        error
    );
}

/// A v1 error of YouTube's daily quota (the Data API's `quotaExceeded`).
const YOUTUBE_QUOTA: &str = r#"{"error": {"code": 403, "message": "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.", "errors": [{"message": "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.", "domain": "youtube.quota", "reason": "quotaExceeded"}]}}"#;

#[test]
fn a_reason_is_keyed_by_its_domain() {
    let error = only(403, YOUTUBE_QUOTA);
    match &error {
        GoogleError::YouTubeQuotaExceeded {
            domain, message, ..
        } => {
            assert_eq!(domain.as_deref(), Some("youtube.quota"));
            assert!(message.starts_with("The request cannot be completed"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(error.code(), Some("quotaExceeded"));
    assert_eq!(error.kind(), Kind::QuotaExceeded);
    assert!(!error.is_retryable());

    // Calendar's usage limit: the same reason in another domain, and one to back off from.
    let calendar = r#"{"error": {"errors": [{"reason": "quotaExceeded", "message": "Calendar usage limits exceeded.", "domain": "usageLimits"}], "code": 403, "message": "Calendar usage limits exceeded."}}"#;
    let error = only(403, calendar);
    match &error {
        GoogleError::UsageLimitsExceeded {
            domain, message, ..
        } => {
            assert_eq!(domain.as_deref(), Some("usageLimits"));
            assert_eq!(message, "Calendar usage limits exceeded.");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(error.kind(), Kind::RateLimited);
    assert!(error.is_retryable());

    // A domain the spec keys no entry of the code by, or none: the code's own entry.
    for domain in [r#""domain": "global", "#, ""] {
        let body = format!(
            r#"{{"error": {{"code": 403, "message": "Quota exceeded.", "errors": [{{{domain}"reason": "quotaExceeded", "message": "Quota exceeded."}}]}}}}"#
        );
        let error = only(403, &body);
        assert!(
            matches!(error, GoogleError::QuotaExceeded { .. }),
            "{body}: {error:?}"
        );
    }
}

#[test]
fn an_error_keyed_by_its_domain_is_written_with_it() {
    let built = GoogleError::YouTubeQuotaExceeded {
        message: "Daily quota exceeded.".into(),
        reason: None,
        domain: None,
        service: None,
        consumer: None,
        help_url: None,
        retry_delay: None,
        location: None,
        location_type: None,
        extended_help: None,
        status: 403,
    };
    let body = built.to_body();
    let written: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(
        written["error"]["errors"][0]["domain"], "youtube.quota",
        "{written}"
    );
    let decoded = only(403, std::str::from_utf8(&body).unwrap());
    assert!(
        matches!(decoded, GoogleError::YouTubeQuotaExceeded { .. }),
        "{written}: {decoded:?}"
    );
    // A decoded error is written as it came, and decodes back equal.
    let error = only(403, YOUTUBE_QUOTA);
    assert_eq!(
        only(403, std::str::from_utf8(&error.to_body()).unwrap()),
        error
    );
}
