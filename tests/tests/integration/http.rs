//! The `http` integration on both sides: `decode_http` / `decode_parts` and `Retry-After` for
//! clients, `recovery()`, and `to_body` / `to_http` writing each vendor's exact wire format.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use errspec::http::header::{CONTENT_TYPE, RETRY_AFTER};
use errspec::http::{HeaderMap, Response, StatusCode};
use errspec::{
    ApiError, BatchItem, BatchItems, ErrorResponse, Kind, Recovery, RetryAfter, MAX_RETRY_AFTER,
};
use errspec_tests::igel_imi::IgelImiError;
use errspec_tests::itcare::ItcareError;
use errspec_tests::itsm_ng::ItsmNgError;
use errspec_tests::netilion::NetilionError;
use errspec_tests::telecomx::TelecomXError;

/// 2024-01-01T00:00:42.250Z.
fn at_42_250() -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(1_704_067_242_250)
}

fn response(status: u16, retry_after: Option<&str>, body: &str) -> Response<Vec<u8>> {
    let mut builder = Response::builder().status(status);
    if let Some(value) = retry_after {
        builder = builder.header(RETRY_AFTER, value);
    }
    builder.body(body.as_bytes().to_vec()).unwrap()
}

fn text(body: &[u8]) -> &str {
    std::str::from_utf8(body).unwrap()
}

const THROTTLED: &str =
    r#"{"errors":[{"type":"too_many_requests","message":"Too many requests"}]}"#;

// ---------------------------------------------------------------------------------------------
// Client side
// ---------------------------------------------------------------------------------------------

#[test]
fn decode_http_reads_the_status_the_body_and_retry_after() {
    let http = response(429, Some("30"), THROTTLED);
    let decoded = NetilionError::decode_http(&http);
    assert_eq!(decoded.status(), 429);
    assert_eq!(
        decoded.errors(),
        [NetilionError::TooManyRequests {
            message: "Too many requests".into(),
            attribute: None,
            status: 429,
        }]
    );
    assert_eq!(
        decoded.retry_after_header(),
        Some(RetryAfter::Delay(Duration::from_secs(30)))
    );
    assert_eq!(
        decoded.retry_after_at(at_42_250()),
        Some(Duration::from_secs(30))
    );
    // A borrowed body works as well as an owned one.
    let borrowed: Response<&[u8]> =
        response(429, Some("30"), THROTTLED).map(|_| THROTTLED.as_bytes());
    assert_eq!(NetilionError::decode_http(&borrowed), decoded);
    let (parts, body) = http.into_parts();
    assert_eq!(
        NetilionError::decode_parts(parts.status, &parts.headers, &body),
        decoded
    );
}

#[test]
fn an_http_date_counts_from_now_and_is_zero_once_past() {
    let http = response(503, Some("Wed, 21 Oct 2015 07:28:00 GMT"), "");
    let decoded = IgelImiError::decode_http(&http);
    let date = httpdate::parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
    assert_eq!(decoded.retry_after_header(), Some(RetryAfter::At(date)));
    assert_eq!(
        decoded.retry_after_at(date - Duration::from_secs(90)),
        Some(Duration::from_secs(90))
    );
    assert_eq!(decoded.retry_after_at(date), Some(Duration::ZERO));
    assert_eq!(
        decoded.retry_after_at(date + Duration::from_secs(5)),
        Some(Duration::ZERO)
    );
    // The obsolete formats are read too.
    let rfc850 = response(503, Some("Wednesday, 21-Oct-15 07:28:00 GMT"), "");
    assert_eq!(
        IgelImiError::decode_http(&rfc850).retry_after_header(),
        Some(RetryAfter::At(date))
    );
}

#[test]
fn absurd_waits_are_capped_at_one_hour() {
    assert_eq!(MAX_RETRY_AFTER, Duration::from_secs(3600));
    let day = IgelImiError::decode_http(&response(503, Some("86400"), ""));
    assert_eq!(
        day.retry_after_at(at_42_250()),
        Some(Duration::from_secs(3600))
    );
    // The header as sent stays available.
    assert_eq!(
        day.retry_after_header(),
        Some(RetryAfter::Delay(Duration::from_secs(86_400)))
    );
    let overflow = IgelImiError::decode_http(&response(503, Some("184467440737095516160"), ""));
    assert_eq!(
        overflow.retry_after_at(at_42_250()),
        Some(Duration::from_secs(3600))
    );
    let next_year =
        IgelImiError::decode_http(&response(503, Some("Wed, 01 Jan 2025 00:00:00 GMT"), ""));
    assert_eq!(
        next_year.retry_after_at(at_42_250()),
        Some(Duration::from_secs(3600))
    );
}

#[test]
fn an_invalid_retry_after_counts_as_none() {
    for value in ["soon", "-5", "1.", "1e3", ""] {
        let decoded = IgelImiError::decode_http(&response(503, Some(value), ""));
        assert_eq!(decoded.retry_after_header(), None, "{value:?}");
        assert_eq!(decoded.retry_after_at(at_42_250()), None, "{value:?}");
    }
}

#[test]
fn netilion_waits_for_the_next_minute_without_a_header() {
    let decoded = NetilionError::decode_http(&response(429, None, THROTTLED));
    assert_eq!(
        decoded.retry_after_at(at_42_250()),
        Some(Duration::from_millis(17_750))
    );
    let on_the_minute = UNIX_EPOCH + Duration::from_secs(1_704_067_200);
    assert_eq!(
        decoded.retry_after_at(on_the_minute),
        Some(Duration::from_secs(60))
    );
    let last_milli = UNIX_EPOCH + Duration::from_millis(1_704_067_259_999);
    assert_eq!(
        decoded.retry_after_at(last_milli),
        Some(Duration::from_millis(1))
    );
    // A 429 without a body (Throttled) is rate limited too.
    let empty = NetilionError::decode_http(&response(429, None, ""));
    assert!(matches!(empty.first(), NetilionError::Throttled { .. }));
    assert_eq!(
        empty.retry_after_at(at_42_250()),
        Some(Duration::from_millis(17_750))
    );
    // The header wins over the window.
    let header = NetilionError::decode_http(&response(429, Some("5"), THROTTLED));
    assert_eq!(
        header.retry_after_at(at_42_250()),
        Some(Duration::from_secs(5))
    );
    // Only rate limits reset with the window.
    let taken = NetilionError::decode(400, br#"{"errors":[{"type":"taken","message":"x"}]}"#);
    assert_eq!(taken.retry_after_at(at_42_250()), None);
    let unavailable = NetilionError::decode(503, b"");
    assert_eq!(unavailable.retry_after_at(at_42_250()), None);
}

#[test]
fn apis_without_a_window_give_no_wait_without_a_header() {
    let igel = IgelImiError::decode_http(&response(429, None, ""));
    assert_eq!(igel.kind(), Kind::RateLimited);
    assert_eq!(igel.retry_after_at(at_42_250()), None);
    assert_eq!(
        igel.recovery_at(at_42_250()),
        Recovery::Retry { after: None }
    );
}

#[test]
fn recovery_follows_the_itsm_ng_retry_example() {
    let decode = |status, body: &str| ItsmNgError::decode(status, body.as_bytes()).recovery();
    // 401: log in again.
    assert_eq!(
        decode(
            401,
            r#"["ERROR_SESSION_TOKEN_INVALID","session_token seems invalid"]"#
        ),
        Recovery::Reauthenticate
    );
    assert_eq!(
        decode(
            400,
            r#"["ERROR_SESSION_TOKEN_MISSING","parameter session_token is missing or empty"]"#
        ),
        Recovery::Reauthenticate
    );
    // ... except when the login itself failed: logging in again fails again.
    assert_eq!(
        decode(
            401,
            r#"["ERROR_GLPI_LOGIN","Incorrect username or password"]"#
        ),
        Recovery::GiveUp
    );
    assert_eq!(
        decode(
            401,
            r#"["ERROR_GLPI_LOGIN_USER_TOKEN","parameter user_token seems invalid"]"#
        ),
        Recovery::GiveUp
    );
    // 5xx from a gateway: retry with backoff (no Retry-After here).
    assert_eq!(
        decode(503, "<html>busy</html>"),
        Recovery::Retry { after: None }
    );
    // A client error: fix the request, never retry it.
    assert_eq!(
        decode(404, r#"["ERROR_ITEM_NOT_FOUND","Item not found"]"#),
        Recovery::FixRequest
    );
    assert_eq!(
        decode(400, r#"["ERROR_BAD_ARRAY","input should be an array"]"#),
        Recovery::FixRequest
    );
    // Rights are for a person to grant; ERROR_SQL is documented as not retryable.
    assert_eq!(
        decode(
            403,
            r#"["ERROR_RIGHT_MISSING","You don't have permission"]"#
        ),
        Recovery::GiveUp
    );
    assert_eq!(
        decode(500, r#"["ERROR_SQL","SQL error"]"#),
        Recovery::GiveUp
    );
}

#[test]
fn recovery_of_other_vendors_and_per_code_overrides() {
    let telecomx = |body: &str| TelecomXError::decode(401, body.as_bytes()).recovery();
    assert_eq!(
        telecomx(
            r#"{"error":{"code":"expired","status":401,"message":"Session has expired, please login"}}"#
        ),
        Recovery::Reauthenticate
    );
    // A 401 whose fix is the header's format, per the spec.
    assert_eq!(
        telecomx(
            r#"{"error":{"code":"format_error","status":401,"message":"Authorization header format is Authorization: Bearer <token>"}}"#
        ),
        Recovery::FixRequest
    );
    let igel = |status, body: &str| IgelImiError::decode(status, body.as_bytes()).recovery();
    assert_eq!(
        igel(
            401,
            r#"{"errorCode":"ITG-0B002","message":"Invalid login credentials."}"#
        ),
        Recovery::GiveUp
    );
    assert_eq!(
        igel(
            401,
            r#"{"errorCode":"ITG-0B003","message":"No session ID found."}"#
        ),
        Recovery::Reauthenticate
    );
    assert_eq!(
        igel(
            500,
            r#"{"errorCode":"ITG-FF004","message":"Server not available"}"#
        ),
        Recovery::Retry { after: None }
    );
    let with_header = IgelImiError::decode_http(&response(
        500,
        Some("7"),
        r#"{"errorCode":"ITG-FF004","message":"Server not available"}"#,
    ));
    assert_eq!(
        with_header.recovery_at(at_42_250()),
        Recovery::Retry {
            after: Some(Duration::from_secs(7))
        }
    );
    assert_eq!(
        ItcareError::decode(422, b"").recovery(),
        Recovery::FixRequest
    );
    assert_eq!(
        ItcareError::decode(503, b"").recovery(),
        Recovery::Retry { after: None }
    );
    assert_eq!(ItcareError::decode(403, b"").recovery(), Recovery::GiveUp);
    let netilion = NetilionError::decode_http(&response(429, None, THROTTLED));
    assert_eq!(
        netilion.recovery_at(at_42_250()),
        Recovery::Retry {
            after: Some(Duration::from_millis(17_750))
        }
    );
}

#[test]
fn a_response_takes_the_recovery_of_its_errors_furthest_from_a_retry() {
    let throttled = NetilionError::TooManyRequests {
        message: "Too many requests".into(),
        attribute: None,
        status: 429,
    };
    let unauthorized = NetilionError::Unauthorized {
        message: "Missing or wrong API key".into(),
        attribute: None,
        status: 429,
    };
    let taken = NetilionError::Taken {
        message: "has already been taken".into(),
        attribute: Some("name".into()),
        status: 429,
    };
    let denied = NetilionError::AccessDenied {
        message: "Access denied".into(),
        attribute: None,
        status: 429,
    };
    let response = |errors: &[&NetilionError]| {
        ErrorResponse::from_errors(429, errors.iter().map(|error| (*error).clone()).collect())
            .unwrap()
    };
    let now = at_42_250();
    let wait = Recovery::Retry {
        after: Some(Duration::from_millis(17_750)),
    };
    assert_eq!(response(&[&throttled, &throttled]).recovery_at(now), wait);
    assert_eq!(
        response(&[&throttled, &unauthorized]).recovery_at(now),
        Recovery::Reauthenticate
    );
    assert_eq!(
        response(&[&unauthorized, &taken]).recovery_at(now),
        Recovery::FixRequest
    );
    assert_eq!(
        response(&[&denied, &taken, &throttled]).recovery_at(now),
        Recovery::GiveUp
    );
    // Recovery and retryable agree, error by error.
    for error in [&throttled, &unauthorized, &taken, &denied] {
        assert_eq!(
            error.recovery().is_retry(),
            error.is_retryable(),
            "{error:?}"
        );
        assert_eq!(ApiError::recovery(error), error.recovery());
    }
}

// ---------------------------------------------------------------------------------------------
// Server side: exact bodies and statuses
// ---------------------------------------------------------------------------------------------

/// The status, content type, `Retry-After` and body of `response.to_http()`.
fn sent<E: ApiError>(
    response: &ErrorResponse<E>,
) -> (StatusCode, Option<String>, Option<String>, String) {
    let http = response.to_http();
    let header = |headers: &HeaderMap, name| {
        headers
            .get(name)
            .map(|value: &errspec::http::HeaderValue| value.to_str().unwrap().to_owned())
    };
    (
        http.status(),
        header(http.headers(), CONTENT_TYPE),
        header(http.headers(), RETRY_AFTER),
        text(http.body()).to_owned(),
    )
}

fn json() -> Option<String> {
    Some("application/json".into())
}

#[test]
fn itsm_ng_sends_code_message_arrays_and_batch_items() {
    let error = ItsmNgError::SessionTokenInvalid {
        message: "session_token seems invalid".into(),
        status: 401,
    };
    assert_eq!(
        error.to_body(),
        br#"["ERROR_SESSION_TOKEN_INVALID","session_token seems invalid"]"#
    );
    assert_eq!(
        sent(&ErrorResponse::from(error)),
        (
            StatusCode::UNAUTHORIZED,
            json(),
            None,
            r#"["ERROR_SESSION_TOKEN_INVALID","session_token seems invalid"]"#.into()
        )
    );
    let items: BatchItems = [
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
    .into_iter()
    .collect();
    let partial = ItsmNgError::GlpiPartialAdd {
        message: "Some items failed.".into(),
        items: items.clone(),
        status: 207,
    };
    assert_eq!(
        sent(&ErrorResponse::from(partial)),
        (
            StatusCode::MULTI_STATUS,
            json(),
            None,
            r#"["ERROR_GLPI_PARTIAL_ADD",[{"id":8,"message":""},{"id":false,"message":"You don't have permission to perform this action."}]]"#.into()
        )
    );
    // Update and delete results carry the id as the key of a failed item.
    let update = ItsmNgError::GlpiUpdate {
        message: "Failed to update item.".into(),
        items: [
            BatchItem {
                id: Some("12"),
                ok: true,
                message: "",
            },
            BatchItem {
                id: Some("13"),
                ok: false,
                message: "Item not found",
            },
        ]
        .into_iter()
        .collect(),
        status: 400,
    };
    assert_eq!(
        text(&update.to_body()),
        r#"["ERROR_GLPI_UPDATE",[{"id":12,"message":""},{"13":false,"message":"Item not found"}]]"#
    );
    // Single-object input: a plain message where the items would be.
    let single = ItsmNgError::GlpiAdd {
        message: "Field name is mandatory".into(),
        items: BatchItems::new(),
        status: 400,
    };
    assert_eq!(
        text(&single.to_body()),
        r#"["ERROR_GLPI_ADD","Field name is mandatory"]"#
    );
    // The status-only PartialFailure is the bare array the page shows.
    let bare = ItsmNgError::PartialFailure {
        message: "Some items of a batch write failed; the body held only the per-item results."
            .into(),
        code: None,
        items,
        status: 207,
    };
    assert_eq!(
        text(&bare.to_body()),
        r#"[{"id":8,"message":""},{"id":false,"message":"You don't have permission to perform this action."}]"#
    );
}

#[test]
fn igel_sends_its_object_with_the_stack_trace() {
    let error = IgelImiError::ThinClientNotFound {
        message: "Thin client with ID 42 not found.".into(),
        stack_trace: Some("at com.igel.Foo".into()),
        id: Some("42".into()),
        status: 404,
    };
    assert_eq!(
        text(&error.to_body()),
        r#"{"errorCode":"ITG-0A001","message":"Thin client with ID 42 not found.","stackTrace":"at com.igel.Foo"}"#
    );
    let without = IgelImiError::MethodNotSupported {
        message: "Request method 'GET' not supported".into(),
        stack_trace: None,
        method: Some("GET".into()),
        status: 405,
    };
    assert_eq!(
        text(&without.to_body()),
        r#"{"errorCode":"ITG-0A011","message":"Request method 'GET' not supported"}"#
    );
}

#[test]
fn itcare_sends_status_names_and_empty_bodies_where_documented() {
    let invalid = ItcareError::InvalidFieldValue {
        message: "Error on field 'name'".into(),
        error_desc: Some("name".into()),
        field: Some("name".into()),
        status: 400,
    };
    let body = r#"{"errorCode":"INVALID_FIELD_VALUE","errorMessage":"Error on field 'name'","status":"BAD_REQUEST","errorDesc":"name"}"#;
    assert_eq!(text(&invalid.to_body()), body);
    // The vendor note's intended body, as JSON.
    let intended: serde_json::Value = serde_json::from_str(
        r#"{"status":"BAD_REQUEST","errorCode":"INVALID_FIELD_VALUE","errorDesc":"name","errorMessage":"Error on field 'name'"}"#,
    )
    .unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(body).unwrap(),
        intended
    );
    let bad_query = ItcareError::BadQuery {
        message: "Bad query".into(),
        code: None,
        error_desc: None,
        status: 400,
    };
    assert_eq!(
        text(&bad_query.to_body()),
        r#"{"errorMessage":"Bad query","status":"BAD_REQUEST"}"#
    );
    let empty = |status: u16| {
        let decoded = ItcareError::decode(status, b"");
        assert_eq!(decoded.first().status(), status);
        assert_eq!(decoded.first().to_body(), b"", "{status}");
        sent(&decoded)
    };
    for status in [401, 403, 404, 409, 422, 500, 503] {
        assert_eq!(
            empty(status),
            (
                StatusCode::from_u16(status).unwrap(),
                None,
                None,
                String::new()
            ),
            "{status}"
        );
    }
}

#[test]
fn telecomx_sends_one_error_or_the_multiple_wrapper() {
    let not_found = TelecomXError::PropertyNotFound {
        message: "User not found".into(),
        code: Some("userId".into()),
        path: Some("userId".into()),
        check: None,
        status: 404,
    };
    assert_eq!(
        sent(&ErrorResponse::from(not_found)),
        (
            StatusCode::NOT_FOUND,
            json(),
            None,
            r#"{"error":{"code":"userId","message":"User not found","status":404,"path":"userId"}}"#.into()
        )
    );
    let not_found = TelecomXError::PropertyNotFound {
        message: "User not found".into(),
        code: Some("userId".into()),
        path: None,
        check: None,
        status: 404,
    };
    let street = TelecomXError::PropertyInvalid {
        message: "Invalid street".into(),
        code: Some("address.street".into()),
        path: None,
        check: None,
        status: 422,
    };
    let mut several = ErrorResponse::new(422, not_found);
    several.push(street);
    let (status, _, _, body) = sent(&several);
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body,
        r#"{"error":{"code":"multiple","status":422,"inner":[{"code":"userId","message":"User not found","status":404},{"code":"address.street","message":"Invalid street","status":422}]}}"#
    );
    // The page's own example, minus its third entry (whose key has a typo).
    let page: serde_json::Value = serde_json::from_str(
        r#"{"error": {"code": "multiple", "status": 422, "inner": [
            {"message": "User not found", "code": "userId", "status": 404},
            {"message": "Invalid street", "code": "address.street", "status": 422}]}}"#,
    )
    .unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&body).unwrap(),
        page
    );
    assert_eq!(TelecomXError::decode_http(&several.to_http()), several);
}

#[test]
fn netilion_sends_an_errors_array_and_retry_after() {
    let taken = NetilionError::Taken {
        message: "has already been taken".into(),
        attribute: Some("serial_number".into()),
        status: 400,
    };
    let blank = NetilionError::Blank {
        message: "can't be blank".into(),
        attribute: None,
        status: 400,
    };
    assert_eq!(
        text(&taken.to_body()),
        r#"{"errors":[{"type":"taken","message":"has already been taken","attribute":"serial_number"}]}"#
    );
    let mut both = ErrorResponse::from(taken);
    both.push(blank);
    assert_eq!(
        sent(&both).3,
        r#"{"errors":[{"type":"taken","message":"has already been taken","attribute":"serial_number"},{"type":"blank","message":"can't be blank"}]}"#
    );
    let throttled = ErrorResponse::from(NetilionError::TooManyRequests {
        message: "Too many requests".into(),
        attribute: None,
        status: 429,
    })
    .with_retry_after(RetryAfter::Delay(Duration::from_secs(30)));
    assert_eq!(
        sent(&throttled),
        (
            StatusCode::TOO_MANY_REQUESTS,
            json(),
            Some("30".into()),
            r#"{"errors":[{"type":"too_many_requests","message":"Too many requests"}]}"#.into()
        )
    );
    let date = httpdate::parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
    let dated = throttled.clone().with_retry_after(RetryAfter::At(date));
    assert_eq!(
        sent(&dated).2.as_deref(),
        Some("Wed, 21 Oct 2015 07:28:00 GMT")
    );
    // Throttled stands for a 429 without a body, and is sent as one.
    let bodyless = NetilionError::decode(429, b"");
    assert_eq!(
        sent(&bodyless),
        (StatusCode::TOO_MANY_REQUESTS, None, None, String::new())
    );
    assert_eq!(NetilionError::decode_http(&dated.to_http()), dated);
}

#[test]
fn a_status_http_cannot_send_becomes_500() {
    let odd = ErrorResponse::new(
        42,
        NetilionError::Unknown {
            code: Some("odd".into()),
            message: "odd".into(),
            status: 42,
        },
    );
    assert_eq!(odd.to_http().status(), StatusCode::INTERNAL_SERVER_ERROR);
}
