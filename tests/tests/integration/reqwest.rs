//! `from_reqwest` (features `reqwest`, reqwest 0.13, and `reqwest-012`) against a real HTTP
//! server on 127.0.0.1: the example mock server, started in each test on a free port.
//! Nothing of reqwest is mocked.

use crate::mock_server;

use std::time::{Duration, SystemTime};

use errspec::http::StatusCode;
use errspec::{BatchItem, Kind, Recovery, RetryAfter, MAX_BODY_READ};
use errspec_tests::github::GitHubError;
use errspec_tests::igel_imi::IgelImiError;
use errspec_tests::itcare::ItcareError;
use errspec_tests::itsm_ng::ItsmNgError;
use errspec_tests::netilion::NetilionError;
use errspec_tests::telecomx::TelecomXError;

/// Starts the mock server on a free loopback port; returns its base URL.
async fn start() -> String {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .expect("a free loopback port");
    let address = listener.local_addr().expect("the bound address");
    tokio::spawn(mock_server::serve(listener));
    format!("http://{address}")
}

async fn get(base: &str, path: &str) -> reqwest::Response {
    reqwest::Client::new()
        .get(format!("{base}{path}"))
        .send()
        .await
        .expect("the mock server answers")
}

#[tokio::test]
async fn netilion_429_without_retry_after_waits_for_the_next_minute() {
    let base = start().await;
    let response =
        NetilionError::from_reqwest(get(&base, "/netilion/too-many-requests").await).await;
    assert_eq!(response.status(), 429);
    assert_eq!(
        response.errors(),
        [NetilionError::TooManyRequests {
            message: "Too many requests, please try again in the next minute".into(),
            attribute: None,
            status: 429,
        }]
    );
    assert_eq!(response.retry_after_header(), None);
    // 2024-01-01T00:00:42Z: 18 seconds to the next minute.
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_704_067_242);
    assert_eq!(response.retry_after_at(now), Some(Duration::from_secs(18)));
    assert_eq!(
        response.recovery_at(now),
        Recovery::Retry {
            after: Some(Duration::from_secs(18))
        }
    );
}

#[tokio::test]
async fn retry_after_in_seconds_and_as_a_date_are_read_from_the_headers() {
    let base = start().await;
    let response = NetilionError::from_reqwest(get(&base, "/netilion/retry-later").await).await;
    assert_eq!(response.status(), 503);
    assert!(matches!(
        response.first(),
        NetilionError::Unknown {
            code: None,
            status: 503,
            ..
        }
    ));
    assert_eq!(
        response.retry_after_header(),
        Some(RetryAfter::Delay(Duration::from_secs(120)))
    );
    assert_eq!(response.retry_after(), Some(Duration::from_secs(120)));

    let before = SystemTime::now();
    let response = IgelImiError::from_reqwest(get(&base, "/igel-imi/unavailable").await).await;
    assert_eq!(response.kind(), Kind::Unavailable);
    let Some(RetryAfter::At(date)) = response.retry_after_header() else {
        panic!("expected a date, got {:?}", response.retry_after_header());
    };
    // The server wrote now + 30 s, to the second.
    let ahead = date.duration_since(before).expect("a date ahead");
    assert!(
        (Duration::from_secs(29)..=Duration::from_secs(31)).contains(&ahead),
        "{ahead:?}"
    );
    assert_eq!(response.retry_after_at(date), Some(Duration::ZERO));
    assert_eq!(
        response.retry_after_at(date - Duration::from_secs(25)),
        Some(Duration::from_secs(25))
    );
}

#[tokio::test]
async fn every_vendor_decodes_from_the_wire() {
    let base = start().await;

    let response = NetilionError::from_reqwest(get(&base, "/netilion/validation").await).await;
    assert_eq!(response.errors().len(), 2);
    assert!(
        matches!(&response.errors()[1], NetilionError::Blank { attribute: Some(name), .. } if name == "name")
    );
    assert_eq!(response.recovery(), Recovery::FixRequest);

    let response = ItcareError::from_reqwest(get(&base, "/itcare/not-found").await).await;
    assert_eq!(
        response.errors(),
        [ItcareError::NotFound {
            message: "Non-existent resource.".into(),
            code: None,
            error_desc: None,
            status: 404,
        }]
    );
    assert_eq!(response.raw_body(), b"");

    let response = ItcareError::from_reqwest(get(&base, "/itcare/invalid-field").await).await;
    assert!(matches!(
        response.first(),
        ItcareError::InvalidFieldValue { field: Some(field), status: 400, .. } if field == "name"
    ));

    let response = TelecomXError::from_reqwest(get(&base, "/telecomx/multiple").await).await;
    assert_eq!(response.status(), 422);
    let codes: Vec<Option<&str>> = response.iter().map(TelecomXError::code).collect();
    assert_eq!(codes, [Some("userId"), Some("address.street")]);
    let statuses: Vec<u16> = response.iter().map(TelecomXError::status).collect();
    assert_eq!(statuses, [404, 422]);

    let response = ItsmNgError::from_reqwest(get(&base, "/itsm-ng/session-expired").await).await;
    assert!(matches!(
        response.first(),
        ItsmNgError::SessionTokenInvalid { status: 401, .. }
    ));
    assert_eq!(response.recovery(), Recovery::Reauthenticate);

    let response = ItsmNgError::from_reqwest(get(&base, "/itsm-ng/partial-add").await).await;
    assert_eq!(response.status(), 207);
    assert_eq!(
        response.first().items().iter().collect::<Vec<_>>(),
        [
            BatchItem {
                id: Some("8"),
                ok: true,
                message: "",
            },
            BatchItem {
                id: None,
                ok: false,
                message: "You don't have permission to perform this action.",
            },
        ]
    );
}

#[tokio::test]
async fn a_body_past_the_read_limit_is_cut_and_its_complete_errors_kept() {
    let base = start().await;
    let raw = get(&base, "/netilion/endless").await;
    assert!(
        raw.content_length()
            .is_some_and(|length| length > 2 * MAX_BODY_READ as u64),
        "{:?}",
        raw.content_length()
    );
    let response = NetilionError::from_reqwest(raw).await;
    let read = response.errors().len();
    assert!(
        read > 1000 && read < mock_server::ENDLESS_ERRORS,
        "read {read} errors"
    );
    assert!(response
        .iter()
        .all(|error| matches!(error, NetilionError::Invalid { .. })));
}

#[tokio::test]
async fn a_path_the_mock_does_not_serve_decodes_by_status() {
    let base = start().await;
    let response = NetilionError::from_reqwest(get(&base, "/nowhere").await).await;
    assert!(matches!(
        response.first(),
        NetilionError::Unknown {
            code: None,
            status: 404,
            ..
        }
    ));
    assert_eq!(response.recovery(), Recovery::FixRequest);
}

#[tokio::test]
async fn the_status_request_id_and_headers_the_spec_names_are_kept() {
    let base = start().await;
    let response = GitHubError::from_reqwest(get(&base, "/github/rate-limited").await).await;
    assert_eq!(response.status_code(), StatusCode::FORBIDDEN);
    assert!(matches!(
        response.first(),
        GitHubError::RateLimitExceeded { address: Some(address), .. } if address == "203.0.113.7"
    ));
    assert_eq!(
        response.request_id(),
        Some("CA1B:2F3D:1C2E4A:1E3B9C:6566F7B2")
    );
    // The reset header the spec names is kept as sent; the server's other headers are not.
    assert_eq!(response.headers().len(), 1);
    assert_eq!(
        response.headers()["x-ratelimit-reset"],
        mock_server::GITHUB_RESET.to_string()
    );
    let reset = SystemTime::UNIX_EPOCH + Duration::from_secs(mock_server::GITHUB_RESET.into());
    assert_eq!(
        response.retry_after_at(reset - Duration::from_secs(42)),
        Some(Duration::from_secs(42))
    );
    // Served again, the response carries the same headers.
    let again = response.to_http();
    assert_eq!(
        again.headers()["x-ratelimit-reset"],
        response.headers()["x-ratelimit-reset"]
    );
    assert_eq!(GitHubError::decode_http(&again), response);
}

#[tokio::test]
async fn reqwest_0_12_reads_the_same_responses() {
    let base = start().await;
    let client = reqwest012::Client::new();
    for (path, status) in [
        ("/github/rate-limited", 403),
        ("/telecomx/multiple", 422),
        ("/netilion/endless", 400),
    ] {
        let old = client
            .get(format!("{base}{path}"))
            .send()
            .await
            .expect("the mock server answers");
        let new = get(&base, path).await;
        let outcome = if path.starts_with("/github") {
            let old = GitHubError::from_reqwest(old).await;
            let new = GitHubError::from_reqwest(new).await;
            assert_eq!(old.request_id(), Some("CA1B:2F3D:1C2E4A:1E3B9C:6566F7B2"));
            (old.status(), old == new)
        } else if path.starts_with("/telecomx") {
            let old = TelecomXError::from_reqwest(old).await;
            let new = TelecomXError::from_reqwest(new).await;
            assert_eq!(old.errors().len(), 2);
            (old.status(), old == new)
        } else {
            let old = NetilionError::from_reqwest(old).await;
            let new = NetilionError::from_reqwest(new).await;
            // Both stop reading at the same limit.
            assert!(old.errors().len() > 1000 && old.errors().len() < mock_server::ENDLESS_ERRORS);
            (old.status(), old == new)
        };
        assert_eq!(outcome, (status, true), "{path}");
    }
}
