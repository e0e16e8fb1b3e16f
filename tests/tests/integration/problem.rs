//! RFC 9457 problem details (bundled `problem.toml`): the type URI is the code, `detail` else
//! `title` the message, and a validation problem's `errors` (RFC 9457, section 3) follow it,
//! each with the JSON pointer of the member it is about. Bodies as the RFC and servers that
//! implement it (Spring's `ProblemDetail`, ASP.NET Core's `ValidationProblemDetails`) send them.

use crate::common;

use common::single;
use errspec::Kind;
use errspec_tests::problem::{ProblemCode, ProblemError};

fn names(errors: &[ProblemError]) -> Vec<&'static str> {
    errors.iter().map(ProblemError::variant_name).collect()
}

#[test]
fn the_rfc_example_captures_its_values() {
    let body = br#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#;
    let error = single(ProblemError::decode(403, body));
    match &error {
        ProblemError::OutOfCredit {
            balance,
            cost,
            instance,
            ..
        } => {
            assert_eq!(
                (balance.as_deref(), cost.as_deref()),
                (Some("30"), Some("50"))
            );
            assert_eq!(instance.as_deref(), Some("/account/12345/msgs/abc"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(error.kind(), Kind::QuotaExceeded);
}

#[test]
fn a_validation_problem_is_followed_by_each_invalid_member() {
    let body = br##"{"type":"https://example.net/validation-error","title":"Your request is not valid.","errors":[{"detail":"must be a positive integer","pointer":"#/age"},{"detail":"must be 'green', 'red' or 'blue'","pointer":"#/profile/color"}]}"##;
    let errors = ProblemError::decode(422, body).into_errors();
    assert_eq!(
        names(&errors),
        [
            "ValidationError",
            "UnprocessableContent",
            "UnprocessableContent"
        ]
    );
    assert_eq!(errors[0].message(), "Your request is not valid.");
    assert_eq!(errors[0].spec_code(), Some(ProblemCode::ValidationError));
    match &errors[2] {
        ProblemError::UnprocessableContent {
            message, pointer, ..
        } => {
            assert_eq!(message, "must be 'green', 'red' or 'blue'");
            assert_eq!(pointer.as_deref(), Some("#/profile/color"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_query_parameter_or_header_problem_keeps_where_it_is() {
    let body = br#"{"type":"https://example.net/validation-error","title":"Your request is not valid.","status":400,"errors":[{"detail":"must be a date","parameter":"since"},{"detail":"is required","header":"If-Match"}]}"#;
    let errors = ProblemError::decode(400, body).into_errors();
    let pointers: Vec<_> = errors[1..]
        .iter()
        .map(|error| {
            error
                .details()
                .into_iter()
                .find(|(name, _)| *name == "pointer")
        })
        .collect();
    assert_eq!(
        pointers,
        [
            Some(("pointer", Some("since"))),
            Some(("pointer", Some("If-Match")))
        ]
    );
    assert_eq!(errors[0].status(), 400);
}

#[test]
fn about_blank_is_its_status() {
    let body = br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"No order 1234","instance":"/orders/1234"}"#;
    let error = single(ProblemError::decode(404, body));
    assert!(matches!(error, ProblemError::Blank { .. }));
    assert_eq!(error.kind(), Kind::NotFound);
    assert_eq!(error.message(), "No order 1234");
}

#[test]
fn an_api_s_own_type_falls_back_by_status_with_its_type() {
    // Spring Boot's ProblemDetail for a missing resource.
    let body = br#"{"type":"https://api.example.org/problems/order-not-found","title":"Order not found","status":404,"detail":"Order 42 does not exist","instance":"/api/orders/42"}"#;
    let error = single(ProblemError::decode(404, body));
    match &error {
        ProblemError::NotFound { code, title, .. } => {
            assert_eq!(
                code.as_deref(),
                Some("https://api.example.org/problems/order-not-found")
            );
            assert_eq!(title.as_deref(), Some("Order not found"));
        }
        other => panic!("unexpected {other:?}"),
    }
    // The status inside the problem wins over the response's.
    let body = br#"{"type":"https://api.example.org/problems/busy","title":"Busy","status":503}"#;
    let error = single(ProblemError::decode(500, body));
    assert!(matches!(error, ProblemError::ServerError { .. }));
    assert_eq!(error.status(), 503);
}

#[test]
fn asp_net_core_validation_problems_read_their_title() {
    // ASP.NET Core sends `errors` as an object of arrays, not this spec's shape of nested
    // errors: the problem is read, by status, and the object is one nested error in which
    // nothing was read (kept, so that a server's change of shape shows).
    let body = br#"{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"Name":["The Name field is required."]},"traceId":"00-84c1fd4063c38d9f3900d06e56542d48-85d1d4-00"}"#;
    let errors = ProblemError::decode(400, body).into_errors();
    assert_eq!(names(&errors), ["BadRequest", "BadRequest"]);
    assert_eq!(
        errors[0].message(),
        "One or more validation errors occurred."
    );
    assert_eq!(errors[1].details()[2], ("pointer", None));
}

#[test]
fn other_statuses_fall_back_by_class_and_default() {
    for (status, variant, retryable) in [
        (401, "Unauthorized", false),
        (409, "Conflict", false),
        (429, "TooManyRequests", true),
        (451, "ClientError", false),
        (502, "ServerError", true),
        (302, "Problem", false),
    ] {
        let body = format!(r#"{{"title":"Something","status":{status}}}"#);
        let error = single(ProblemError::decode(status, body.as_bytes()));
        assert_eq!(
            (error.variant_name(), error.is_retryable()),
            (variant, retryable),
            "{status}"
        );
    }
}

#[test]
fn bodies_without_a_problem_fall_back_by_status() {
    let html = b"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
    let response = ProblemError::decode(502, html);
    assert!(matches!(response.first(), ProblemError::ServerError { .. }));
    assert_eq!(response.raw_body(), html);
    assert!(matches!(
        single(ProblemError::decode(404, b"")),
        ProblemError::NotFound { .. }
    ));
}

#[test]
fn problems_round_trip_through_to_http() {
    let body = br##"{"type":"https://example.net/validation-error","title":"Your request is not valid.","status":422,"errors":[{"detail":"must be a positive integer","pointer":"#/age"}]}"##;
    let response = ProblemError::decode(422, body);
    let http = response.to_http();
    let written: serde_json::Value = serde_json::from_slice(http.body()).expect("JSON");
    assert_eq!(written["type"], "https://example.net/validation-error");
    assert_eq!(written["errors"][0]["pointer"], "#/age");
    assert_eq!(ProblemError::decode_http(&http).errors(), response.errors());
}

#[test]
fn the_request_id_and_the_ratelimit_reset_come_from_the_headers() {
    use errspec::http::{HeaderMap, StatusCode};
    use std::time::Duration;

    let body = br#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"Rate limit of 100 requests per minute exceeded"}"#;
    let mut headers = HeaderMap::new();
    headers.insert("x-request-id", "req_8f2a9c".parse().unwrap());
    headers.insert("RateLimit-Limit", "100".parse().unwrap());
    headers.insert("RateLimit-Remaining", "0".parse().unwrap());
    headers.insert("RateLimit-Reset", "42".parse().unwrap());
    let response = ProblemError::decode_parts(StatusCode::TOO_MANY_REQUESTS, &headers, body);
    assert!(matches!(response.first(), ProblemError::Blank { .. }));
    assert_eq!(response.first().kind(), Kind::RateLimited);
    assert_eq!(response.request_id(), Some("req_8f2a9c"));
    assert_eq!(response.retry_after(), Some(Duration::from_secs(42)));
    // The request id goes back out with to_http.
    let http = response.to_http();
    assert_eq!(http.headers()["x-request-id"], "req_8f2a9c");
    assert_eq!(
        ProblemError::decode_http(&http).request_id(),
        Some("req_8f2a9c")
    );
}
