//! Nested errors decoded as errors (`[[envelope.inner]]`), each group with its own selection:
//! Kubernetes `details.causes` with a fallback of their own, DynamoDB cancellation reasons
//! where `None` means no error, Google's v1 `errors` taking the place of the error that
//! summarises them, Microsoft Graph's `innerError` chain to any depth, and PayPal `details`
//! whose undocumented issues keep their code. Bodies as the vendors document them; each
//! response written back with `encode_errors` decodes to the same errors.

use errspec::ApiError;

use crate::google_aip193::google::GoogleError;
use crate::shapes::KubernetesError;
use errspec_tests::dynamodb::DynamoDbError;

mod paypal {
    errspec::errors_from_spec!("specs/paypal.toml");
}

use errspec_tests::graph::GraphError;
use paypal::PayPalError;

/// The variants of a response's errors, in order.
fn variants<E: ApiError>(errors: &[E]) -> Vec<&'static str> {
    errors.iter().map(ApiError::variant_name).collect()
}

/// The errors `errors` decode to once written back as the vendor's server writes them.
fn written_back<E: ApiError>(status: u16, errors: &[E]) -> Vec<E> {
    let body = E::encode_errors(status, errors);
    E::decode_parts(status, &errspec::http::HeaderMap::new(), &body).into_errors()
}

const DEPLOYMENT_INVALID: &str = r#"{"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure", "message": "Deployment.apps \"web\" is invalid: [spec.template.spec.containers[0].image: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]", "reason": "Invalid", "details": {"name": "web", "group": "apps", "kind": "Deployment", "causes": [{"reason": "FieldValueRequired", "message": "Required value", "field": "spec.template.spec.containers[0].image"}, {"reason": "FieldValueInvalid", "message": "Invalid value: -1: must be greater than or equal to 0", "field": "spec.replicas"}, {"message": "admission webhook \"policy.example.com\" denied the request: image registry not allowed", "field": "spec.template.spec.containers[0].image"}]}, "code": 422}"#;

#[test]
fn kubernetes_causes_follow_the_status_each_with_its_field() {
    let response = KubernetesError::decode(422, DEPLOYMENT_INVALID.as_bytes());
    let errors = response.errors();
    assert_eq!(
        variants(errors),
        [
            "Invalid",
            "FieldValueRequired",
            "FieldValueInvalid",
            "Cause"
        ]
    );
    match &errors[1] {
        KubernetesError::FieldValueRequired { field, message, .. } => {
            assert_eq!(
                field.as_deref(),
                Some("spec.template.spec.containers[0].image")
            );
            assert_eq!(message, "Required value");
        }
        other => panic!("unexpected {other:?}"),
    }
    // A cause without a reason is the group's own fallback, not the spec's 422 entry.
    match &errors[3] {
        KubernetesError::Cause {
            field,
            message,
            status,
            ..
        } => {
            assert_eq!(
                field.as_deref(),
                Some("spec.template.spec.containers[0].image")
            );
            assert!(message.starts_with("admission webhook"));
            assert_eq!(*status, 422);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(errors[3].code(), None);
    // The Status itself keeps its details.
    match &errors[0] {
        KubernetesError::Invalid { name, .. } => assert_eq!(name.as_deref(), Some("web")),
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(written_back(422, errors), errors);
}

#[test]
fn kubernetes_causes_come_in_the_watch_event_too() {
    let event = format!(r#"{{"type": "ERROR", "object": {DEPLOYMENT_INVALID}}}"#);
    let response = KubernetesError::decode_if_error(200, event.as_bytes()).expect("an error");
    assert_eq!(
        variants(response.errors()),
        [
            "Invalid",
            "FieldValueRequired",
            "FieldValueInvalid",
            "Cause"
        ]
    );
}

const TRANSACTION_CANCELED: &str = r#"{"__type": "com.amazonaws.dynamodb.v20120810#TransactionCanceledException", "Message": "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, None, TransactionConflict]", "CancellationReasons": [{"Code": "None"}, {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed", "Item": {"id": {"S": "order-42"}, "state": {"S": "shipped"}}}, {"Code": "None"}, {"Code": "TransactionConflict", "Message": "Transaction is ongoing for the item"}]}"#;

#[test]
fn dynamodb_reasons_that_say_none_are_no_errors_and_the_others_keep_their_item() {
    let response = DynamoDbError::decode(400, TRANSACTION_CANCELED.as_bytes());
    let errors = response.errors();
    assert_eq!(
        variants(errors),
        [
            "TransactionCanceledException",
            "ConditionalCheckFailed",
            "TransactionConflict"
        ]
    );
    match &errors[1] {
        DynamoDbError::ConditionalCheckFailed {
            item_index,
            item,
            message,
            ..
        } => {
            assert_eq!(item_index.as_deref(), Some("1"));
            let item: serde_json::Value =
                serde_json::from_str(item.as_deref().expect("the item")).expect("JSON");
            assert_eq!(item["id"]["S"], "order-42");
            assert_eq!(message, "The conditional request failed");
        }
        other => panic!("unexpected {other:?}"),
    }
    match &errors[2] {
        DynamoDbError::TransactionConflict { item_index, .. } => {
            assert_eq!(item_index.as_deref(), Some("3"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(errors[2].is_retryable());
    // Written back, the items that were not the cause are `None` again, in their places.
    let written: serde_json::Value =
        serde_json::from_slice(&DynamoDbError::encode_errors(400, errors)).expect("JSON");
    let reasons = written["CancellationReasons"].as_array().expect("reasons");
    let codes: Vec<&str> = reasons.iter().filter_map(|r| r["Code"].as_str()).collect();
    assert_eq!(
        codes,
        [
            "None",
            "ConditionalCheckFailed",
            "None",
            "TransactionConflict"
        ]
    );
    // (`__type` is written as the code alone, without the namespace `type_name` kept.)
    let back = written_back(400, errors);
    assert_eq!(variants(&back), variants(errors));
    assert_eq!(back[1..], errors[1..]);
}

#[test]
fn dynamodb_reasons_all_none_leave_the_cancellation_alone() {
    let body = r#"{"__type": "com.amazonaws.dynamodb.v20120810#TransactionCanceledException", "Message": "Transaction cancelled", "CancellationReasons": [{"Code": "None"}, {"Code": "None"}]}"#;
    let errors = DynamoDbError::decode(400, body.as_bytes()).into_errors();
    assert_eq!(variants(&errors), ["TransactionCanceledException"]);
}

#[test]
fn google_v1_errors_take_the_place_of_the_error_that_summarises_them() {
    let body = r#"{"error": {"errors": [{"domain": "usageLimits", "reason": "dailyLimitExceeded", "message": "Daily Limit Exceeded"}], "code": 403, "message": "Daily Limit Exceeded"}}"#;
    let response = GoogleError::decode(403, body.as_bytes());
    match response.errors() {
        [GoogleError::DailyLimitExceeded {
            domain, message, ..
        }] => {
            assert_eq!(domain.as_deref(), Some("usageLimits"));
            assert_eq!(message, "Daily Limit Exceeded");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(!response.is_retryable());
    assert_eq!(written_back(403, response.errors()), response.errors());

    let two = r#"{"error": {"code": 400, "message": "Required parameter: part", "errors": [{"message": "Required parameter: part", "domain": "global", "reason": "required", "location": "part", "locationType": "parameter"}, {"message": "Invalid value for maxResults", "domain": "global", "reason": "invalid", "location": "maxResults", "locationType": "parameter"}]}}"#;
    let errors = GoogleError::decode(400, two.as_bytes()).into_errors();
    assert_eq!(variants(&errors), ["Required", "Invalid"]);
    match &errors[1] {
        GoogleError::Invalid {
            location,
            location_type,
            ..
        } => {
            assert_eq!(location.as_deref(), Some("maxResults"));
            assert_eq!(location_type.as_deref(), Some("parameter"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(written_back(400, &errors), errors);
}

#[test]
fn a_google_error_with_a_code_of_its_own_is_kept_before_its_v1_errors() {
    let body = r#"{"error": {"code": 403, "message": "YouTube Data API v3 has not been used in project 1 before or it is disabled.", "errors": [{"message": "YouTube Data API v3 has not been used in project 1 before or it is disabled.", "domain": "usageLimits", "reason": "accessNotConfigured", "extendedHelp": "https://console.developers.google.com/apis/api/youtube.googleapis.com/overview?project=1"}], "status": "PERMISSION_DENIED", "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "SERVICE_DISABLED", "domain": "googleapis.com", "metadata": {"service": "youtube.googleapis.com", "consumer": "projects/1"}}]}}"#;
    let errors = GoogleError::decode(403, body.as_bytes()).into_errors();
    assert_eq!(
        variants(&errors),
        ["ServiceDisabled", "AccessNotConfigured"]
    );
    match &errors[1] {
        GoogleError::AccessNotConfigured {
            extended_help,
            domain,
            ..
        } => {
            assert!(extended_help
                .as_deref()
                .is_some_and(|url| url.contains("youtube.googleapis.com")));
            assert_eq!(domain.as_deref(), Some("usageLimits"));
        }
        other => panic!("unexpected {other:?}"),
    }
    // A v1 element with neither reason nor message is nothing; the summary then stays.
    let empty =
        r#"{"error": {"code": 404, "message": "Not Found", "errors": [{"domain": "global"}]}}"#;
    let errors = GoogleError::decode(404, empty.as_bytes()).into_errors();
    assert_eq!(variants(&errors), ["Other"]);
    assert_eq!(errors[0].status(), 404);
}

const GRAPH_CHAIN: &str = r#"{"error": {"code": "invalidRequest", "message": "Invalid request", "innerError": {"code": "invalidPath", "message": "The path is not valid.", "innerError": {"code": "pathIsTooLong", "date": "2026-11-30T09:12:44", "request-id": "5e1c2a7b-0d6f-4c1e-9f3a-1b2c3d4e5f60", "client-request-id": "9a8b7c6d-0d6f-4c1e-9f3a-1b2c3d4e5f60"}}}}"#;

#[test]
fn graph_inner_errors_are_errors_to_any_depth() {
    let errors = GraphError::decode(400, GRAPH_CHAIN.as_bytes()).into_errors();
    assert_eq!(
        variants(&errors),
        ["InvalidRequest", "InvalidPath", "PathIsTooLong"]
    );
    match &errors[2] {
        GraphError::PathIsTooLong {
            date,
            client_request_id,
            ..
        } => {
            assert_eq!(date.as_deref(), Some("2026-11-30T09:12:44"));
            assert_eq!(
                client_request_id.as_deref(),
                Some("9a8b7c6d-0d6f-4c1e-9f3a-1b2c3d4e5f60")
            );
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(errors[1].message(), "The path is not valid.");
    assert_eq!(written_back(400, &errors), errors);
}

#[test]
fn a_graph_inner_error_without_a_code_ends_the_chain() {
    let body = r#"{"error": {"code": "InvalidAuthenticationToken", "message": "Access token has expired or is not yet valid.", "innerError": {"date": "2026-11-30T09:12:44", "request-id": "5e1c2a7b-0d6f-4c1e-9f3a-1b2c3d4e5f60", "client-request-id": "5e1c2a7b-0d6f-4c1e-9f3a-1b2c3d4e5f60"}}}"#;
    let response = GraphError::decode(401, body.as_bytes());
    assert_eq!(variants(response.errors()), ["InvalidAuthenticationToken"]);
    assert_eq!(
        response.request_id(),
        Some("5e1c2a7b-0d6f-4c1e-9f3a-1b2c3d4e5f60")
    );
}

#[test]
fn a_graph_chain_deeper_than_the_nesting_limit_stays_bounded() {
    let depth = 200;
    let mut body =
        String::from(r#"{"error": {"code": "invalidRequest", "message": "Invalid request""#);
    for _ in 0..depth {
        body.push_str(r#", "innerError": {"code": "invalidPath""#);
    }
    body.push_str(&"}".repeat(depth + 2));
    let errors = GraphError::decode(400, body.as_bytes()).into_errors();
    assert_eq!(errors[0].variant_name(), "InvalidRequest");
    // The levels past the limit are not read; those before it are errors.
    assert!(errors.len() > 8 && errors.len() <= 33, "{}", errors.len());
    assert!(errors[1..]
        .iter()
        .all(|e| e.variant_name() == "InvalidPath"));
}

const PAYPAL_UNPROCESSABLE: &str = r#"{"name": "UNPROCESSABLE_ENTITY", "details": [{"field": "/purchase_units/@reference_id=='default'/amount/value", "value": "10.999", "location": "body", "issue": "DECIMAL_PRECISION", "description": "If the currency supports decimals, only two decimal place precision is supported."}, {"field": "/purchase_units/@reference_id=='default'/amount/breakdown/item_total", "location": "body", "issue": "ITEM_TOTAL_MISMATCH", "description": "Should equal sum of (unit_amount * quantity) across all items for a given purchase_unit."}], "message": "The requested action could not be performed, semantically incorrect, or failed business validation.", "debug_id": "90957fca61718", "links": [{"href": "https://developer.paypal.com/docs/api/orders/v2/#error-DECIMAL_PRECISION", "rel": "information_link", "method": "GET"}]}"#;

#[test]
fn paypal_details_are_errors_and_an_undocumented_issue_keeps_its_code() {
    let response = PayPalError::decode(422, PAYPAL_UNPROCESSABLE.as_bytes());
    assert_eq!(response.request_id(), Some("90957fca61718"));
    let errors = response.errors();
    assert_eq!(
        variants(errors),
        [
            "UnprocessableEntity",
            "DecimalPrecision",
            "UndocumentedIssue"
        ]
    );
    match &errors[0] {
        PayPalError::UnprocessableEntity {
            information_link, ..
        } => assert_eq!(
            information_link.as_deref(),
            Some("https://developer.paypal.com/docs/api/orders/v2/#error-DECIMAL_PRECISION")
        ),
        other => panic!("unexpected {other:?}"),
    }
    match &errors[1] {
        PayPalError::DecimalPrecision {
            field,
            value,
            location,
            ..
        } => {
            assert_eq!(
                field.as_deref(),
                Some("/purchase_units/@reference_id=='default'/amount/value")
            );
            assert_eq!(value.as_deref(), Some("10.999"));
            assert_eq!(location.as_deref(), Some("body"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(errors[2].code(), Some("ITEM_TOTAL_MISMATCH"));
    assert_eq!(errors[2].status(), 422);
    // The group's fallback is its own: an undocumented name of the outer error falls to the
    // spec's.
    let outer = PAYPAL_UNPROCESSABLE.replace("UNPROCESSABLE_ENTITY", "PAYEE_BLOCKED");
    let errors = PayPalError::decode(422, outer.as_bytes()).into_errors();
    assert_eq!(
        variants(&errors),
        ["Other", "DecimalPrecision", "UndocumentedIssue"]
    );
    assert_eq!(errors[0].code(), Some("PAYEE_BLOCKED"));
    assert_eq!(written_back(422, &errors), errors);
}

mod hostile {
    use proptest::prelude::*;

    use super::{
        DynamoDbError, GoogleError, GraphError, KubernetesError, PayPalError, DEPLOYMENT_INVALID,
        GRAPH_CHAIN, PAYPAL_UNPROCESSABLE, TRANSACTION_CANCELED,
    };

    const GOOGLE_V1: &str = r#"{"error": {"code": 403, "message": "m", "errors": [{"reason": "accessNotConfigured", "message": "m"}, {"domain": "global"}], "status": "PERMISSION_DENIED"}}"#;

    /// A vendor's nested body with one byte range replaced.
    fn mutated() -> impl Strategy<Value = Vec<u8>> {
        crate::common::mutated(vec![
            DEPLOYMENT_INVALID,
            TRANSACTION_CANCELED,
            GOOGLE_V1,
            GRAPH_CHAIN,
            PAYPAL_UNPROCESSABLE,
        ])
    }

    use crate::common::keeps_the_promise_written_back as keeps_the_promise;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn every_nested_response_keeps_the_promise_and_writes_back(
            status in any::<u16>(),
            body in prop_oneof![mutated(), prop::collection::vec(any::<u8>(), 0..64)],
        ) {
            keeps_the_promise::<KubernetesError>(status, &body);
            keeps_the_promise::<DynamoDbError>(status, &body);
            keeps_the_promise::<GoogleError>(status, &body);
            keeps_the_promise::<GraphError>(status, &body);
            keeps_the_promise::<PayPalError>(status, &body);
        }
    }
}
