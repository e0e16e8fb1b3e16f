//! `Serialize` (feature `serde`): the documented JSON shapes of decoded responses, errors,
//! codes, kinds, recoveries and batch items, for structured logs. Responses come from the mock
//! server on 127.0.0.1, read with reqwest, and from vendors' documented bodies.

use crate::mock_server;

use std::time::Duration;

use errspec::{Kind, Recovery};
use errspec_tests::github::GitHubError;
use errspec_tests::igel_imi::{IgelImiCode, IgelImiError};
use errspec_tests::itsm_ng::ItsmNgError;
use serde_json::{json, Value};

async fn fetch(path: &str) -> reqwest::Response {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .expect("a free loopback port");
    let address = listener.local_addr().expect("the bound address");
    tokio::spawn(mock_server::serve(listener));
    reqwest::get(format!("http://{address}{path}"))
        .await
        .expect("the mock server answers")
}

fn to_json(value: &impl serde::Serialize) -> Value {
    serde_json::to_value(value).expect("serializes")
}

#[tokio::test]
async fn a_response_with_its_request_id_and_headers() {
    let response = GitHubError::from_reqwest(fetch("/github/rate-limited").await).await;
    let advice = "(But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)";
    assert_eq!(
        to_json(&response),
        json!({
            "status": 403,
            "kind": "rate_limited",
            "retryable": true,
            "request_id": "CA1B:2F3D:1C2E4A:1E3B9C:6566F7B2",
            // The reset header, as the `Retry-After` date it stands for.
            "retry_after": "Wed, 29 Nov 2023 09:26:40 GMT",
            "headers": {"x-ratelimit-reset": "1701250000"},
            "errors": [{
                "variant": "RateLimitExceeded",
                "code": null,
                "message": format!("API rate limit exceeded for 203.0.113.7. {advice}"),
                "status": 403,
                "kind": "rate_limited",
                "retryable": true,
                "recovery": {"action": "retry", "after_ms": null},
                "details": {
                    "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
                    "resource": null,
                    "field": null,
                    "address": "203.0.113.7",
                    "advice": advice,
                },
            }],
        })
    );
}

#[tokio::test]
async fn batch_items_and_the_retry_after_header_as_sent() {
    let response = ItsmNgError::from_reqwest(fetch("/itsm-ng/partial-add").await).await;
    let json = to_json(&response);
    assert_eq!(json["kind"], "partial_failure");
    assert_eq!(
        json["errors"][0]["recovery"],
        json!({"action": "fix_request"})
    );
    assert_eq!(
        json["errors"][0]["items"],
        json!([
            {"id": "8", "ok": true, "message": ""},
            {"id": null, "ok": false, "message": "You don't have permission to perform this action."},
        ])
    );

    let response =
        errspec_tests::netilion::NetilionError::from_reqwest(fetch("/netilion/retry-later").await)
            .await;
    let json = to_json(&response);
    assert_eq!(json["retry_after"], "120");
    assert_eq!(json["errors"][0]["variant"], "Unknown");
    // An error without batch items has no `items`.
    assert!(json["errors"][0].get("items").is_none());
}

#[test]
fn an_error_its_code_kind_and_recovery() {
    let body = br#"{"errorCode": "ITG-0A001", "message": "Thin client with ID 42 not found.", "stackTrace": "at com.igel.imi.ThinClientService.get(ThinClientService.java:88)"}"#;
    let response = IgelImiError::decode(404, body);
    assert_eq!(
        to_json(response.first()),
        json!({
            "variant": "ThinClientNotFound",
            "code": "ITG-0A001",
            "message": "Thin client with ID 42 not found.",
            "status": 404,
            "kind": "not_found",
            "retryable": false,
            "recovery": {"action": "fix_request"},
            "details": {
                "stack_trace": "at com.igel.imi.ThinClientService.get(ThinClientService.java:88)",
                "id": "42",
            },
        })
    );
    assert_eq!(
        to_json(&IgelImiCode::ThinClientNotFound),
        json!("ITG-0A001")
    );
    assert_eq!(to_json(&Kind::RateLimited), json!("rate_limited"));
    assert_eq!(
        to_json(&Recovery::Retry {
            after: Some(Duration::from_micros(1_500_001))
        }),
        json!({"action": "retry", "after_ms": 1501})
    );
    assert_eq!(to_json(&Recovery::GiveUp), json!({"action": "give_up"}));
}
