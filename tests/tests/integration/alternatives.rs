//! Parts read at the first present of several pointers: Stripe's code at `code`, else `type`
//! (`tests/specs/stripe.toml`); RFC 9457's message at `detail`, else `title`
//! (bundled `problem.toml`); AWS's `message` or `Message` (`tests/specs/aws-dynamodb.toml`).
//! The order of the spec decides, not the order of the keys in the body.

mod stripe {
    errspec::errors_from_spec!("specs/stripe.toml");
}

mod problem {
    errspec::errors_from_spec!("problem.toml");
}

use errspec_tests::dynamodb;

use errspec::Kind;
use problem::ProblemError;
use stripe::StripeError;

#[test]
fn stripe_reads_the_code_before_the_type_whatever_the_key_order() {
    // The type comes first in the body; the code still wins.
    let body = br#"{"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds", "doc_url": "https://stripe.com/docs/error-codes/card-declined", "message": "Your card has insufficient funds.", "param": ""}}"#;
    let error = StripeError::decode(402, body).into_errors().remove(0);
    match &error {
        StripeError::CardDeclined { decline_code, .. } => {
            assert_eq!(decline_code.as_deref(), Some("insufficient_funds"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(error.code(), Some("card_declined"));

    let body = br#"{"error": {"code": "resource_missing", "doc_url": "https://stripe.com/docs/error-codes/resource-missing", "message": "No such customer: 'cus_NffrFeUfNV2Hib'", "param": "id", "type": "invalid_request_error"}}"#;
    match StripeError::decode(404, body).first() {
        StripeError::ResourceMissing {
            resource,
            id,
            param,
            ..
        } => {
            assert_eq!(resource.as_deref(), Some("customer"));
            assert_eq!(id.as_deref(), Some("cus_NffrFeUfNV2Hib"));
            assert_eq!(param.as_deref(), Some("id"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn stripe_falls_through_an_undocumented_code_to_its_type() {
    // A code newer than the spec: the type is the most specific code it knows.
    let body = br#"{"error": {"code": "card_velocity_exceeded", "type": "card_error", "message": "Your card was declined for making repeated attempts too frequently."}}"#;
    let error = StripeError::decode(402, body).into_errors().remove(0);
    assert!(matches!(error, StripeError::CardError { .. }), "{error:?}");
    assert_eq!(error.code(), Some("card_error"));
    // Neither documented: the fallback sees the most specific code sent.
    let body = br#"{"error": {"code": "card_velocity_exceeded", "type": "brand_new_type"}}"#;
    let error = StripeError::decode(402, body).into_errors().remove(0);
    assert_eq!(error.code(), Some("card_velocity_exceeded"));
    // Duplicate keys: the last, as ever.
    let body =
        br#"{"error": {"code": "card_declined", "code": "not_a_code", "type": "api_error"}}"#;
    let error = StripeError::decode(500, body).into_errors().remove(0);
    assert!(matches!(error, StripeError::ApiError { .. }), "{error:?}");
}

#[test]
fn stripe_without_a_code_is_known_by_its_type() {
    let body = br#"{"error": {"message": "Invalid API Key provided: sk_test_********************1234", "type": "invalid_request_error"}}"#;
    let error = StripeError::decode(401, body).into_errors().remove(0);
    assert!(matches!(error, StripeError::InvalidRequestError { .. }));
    assert_eq!(error.code(), Some("invalid_request_error"));
    // No documented status: the kind follows the response's.
    assert_eq!(error.kind(), Kind::Unauthenticated);

    // A null code is no code.
    let body = br#"{"error": {"code": null, "message": "An unknown error occurred", "type": "api_error"}}"#;
    let error = StripeError::decode(500, body).into_errors().remove(0);
    assert!(matches!(error, StripeError::ApiError { .. }));
    assert!(error.is_retryable());
}

#[test]
fn problem_details_read_the_detail_else_the_title() {
    let body = br#"{"type": "https://example.com/probs/out-of-credit", "title": "You do not have enough credit.", "detail": "Your current balance is 30, but that costs 50.", "instance": "/account/12345/msgs/abc", "balance": 30, "accounts": ["/account/12345", "/account/67890"]}"#;
    match ProblemError::decode(403, body).first() {
        ProblemError::OutOfCredit {
            message,
            balance,
            cost,
            title,
            instance,
            ..
        } => {
            assert_eq!(message, "Your current balance is 30, but that costs 50.");
            assert_eq!(
                (balance.as_deref(), cost.as_deref()),
                (Some("30"), Some("50"))
            );
            assert_eq!(title.as_deref(), Some("You do not have enough credit."));
            assert_eq!(instance.as_deref(), Some("/account/12345/msgs/abc"));
        }
        other => panic!("unexpected {other:?}"),
    }
    // Without a detail, or with a blank one, the title is the message.
    for detail in ["", r#""detail": "  ","#] {
        let body = format!(
            r#"{{"type": "https://example.com/probs/out-of-credit", {detail} "title": "You do not have enough credit.", "status": 403}}"#
        );
        let error = ProblemError::decode(400, body.as_bytes())
            .into_errors()
            .remove(0);
        assert!(
            matches!(error, ProblemError::OutOfCreditOther { .. }),
            "{error:?}"
        );
        assert_eq!(error.message(), "You do not have enough credit.");
        assert_eq!(error.status(), 403);
    }
}

#[test]
fn aws_services_that_write_message_capitalized_read_the_same() {
    let body = br#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","Message":"Requested resource not found: Table: Music not found"}"#;
    match dynamodb::DynamoDbError::decode(400, body).first() {
        dynamodb::DynamoDbError::ResourceNotFoundException { table, .. } => {
            assert_eq!(table.as_deref(), Some("Music"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn the_server_writes_each_part_at_its_first_pointer() {
    let body = br#"{"error": {"message": "Invalid API Key provided: sk_test_1234", "type": "invalid_request_error"}}"#;
    let error = StripeError::decode(401, body).into_errors().remove(0);
    assert_eq!(
        String::from_utf8_lossy(&error.to_body()),
        r#"{"error":{"code":"invalid_request_error","message":"Invalid API Key provided: sk_test_1234"}}"#
    );
}

#[test]
fn a_spec_gives_a_status_its_own_kind() {
    // Documented 402 entries without a `kind` take `[kinds]`'s.
    let body = br#"{"error": {"code": "card_declined", "decline_code": "insufficient_funds", "message": "Your card has insufficient funds.", "type": "card_error"}}"#;
    let error = StripeError::decode(402, body).into_errors().remove(0);
    assert!(
        matches!(error, StripeError::CardDeclined { .. }),
        "{error:?}"
    );
    assert_eq!(error.kind(), Kind::BadRequest);
    assert_eq!(error.recovery(), errspec::Recovery::FixRequest);
    assert_eq!(stripe::StripeCode::CardDeclined.kind(), Kind::BadRequest);
    // So do undocumented codes that arrive with 402.
    let body = br#"{"error": {"code": "card_velocity_exceeded", "message": "You have exceeded the balance or credit limit.", "type": "new_error_type"}}"#;
    let error = StripeError::decode(402, body).into_errors().remove(0);
    assert_eq!(error.code(), Some("card_velocity_exceeded"));
    assert_eq!(error.kind(), Kind::BadRequest);
    // Other statuses keep the shared table's kinds.
    assert_eq!(
        StripeError::decode(429, b"").first().kind(),
        Kind::RateLimited
    );
}

#[test]
fn stripe_should_retry_decides_over_the_errors() {
    use errspec::http::{HeaderMap, HeaderValue};
    use errspec::Recovery;

    let body = br#"{"error": {"message": "An unknown error occurred", "type": "api_error"}}"#;
    let mut headers = HeaderMap::new();
    headers.insert("request-id", HeaderValue::from_static("req_4Vq2kTn3"));
    let plain = StripeError::decode_parts(500, &headers, body);
    assert!(plain.is_retryable());
    assert_eq!(plain.should_retry(), None);
    headers.insert("stripe-should-retry", HeaderValue::from_static("false"));
    let futile = StripeError::decode_parts(500, &headers, body);
    assert_eq!(futile.should_retry(), Some(false));
    assert!(!futile.is_retryable());
    assert_eq!(futile.recovery(), Recovery::GiveUp);
    assert_eq!(futile.request_id(), Some("req_4Vq2kTn3"));
    // The header is sent back and read again.
    let (parts, sent) = futile.to_http().into_parts();
    assert_eq!(parts.headers["stripe-should-retry"], "false");
    assert_eq!(
        StripeError::decode_parts(parts.status, &parts.headers, &sent),
        futile
    );
    // `true` makes a conflict worth retrying; an unreadable value says nothing.
    let conflict = br#"{"error": {"code": "idempotency_error", "type": "idempotency_error", "message": "Keys for idempotent requests can only be used with the same parameters they were first used with."}}"#;
    headers.insert("stripe-should-retry", HeaderValue::from_static("True"));
    let safe = StripeError::decode_parts(409, &headers, conflict);
    assert!(safe.is_retryable());
    assert!(matches!(safe.recovery(), Recovery::Retry { .. }));
    headers.insert("stripe-should-retry", HeaderValue::from_static("maybe"));
    assert_eq!(
        StripeError::decode_parts(409, &headers, conflict).should_retry(),
        None
    );
}
