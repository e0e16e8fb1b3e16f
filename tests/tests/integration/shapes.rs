//! Specs whose errors take several shapes (`[[envelope]]`): Twilio's XML and JSON, the
//! Kubernetes `Status` object and the watch event that carries one with 200, GraphQL's list of
//! errors beside a plain string. The first shape that finds an error wins; a known
//! `Content-Type` passes the others over; `to_body` writes the first.

use errspec::http::{HeaderMap, HeaderValue, StatusCode};

use crate::entry_points::GraphQlError;
// Twilio's errors, in XML (the 2010 API's default) and JSON: the test crate's expansion.
use errspec_tests::twilio::TwilioError;

/// The Kubernetes API server's errors.
#[errspec::spec("specs/kubernetes.toml")]
pub(crate) enum KubernetesError {}

const TWILIO_XML: &str = "<?xml version='1.0' encoding='UTF-8'?>\n<TwilioResponse><RestException><Code>21211</Code><Message>The 'To' number +1555012 is not a valid phone number.</Message><MoreInfo>https://www.twilio.com/docs/errors/21211</MoreInfo><Status>400</Status></RestException></TwilioResponse>";
const TWILIO_JSON: &str = r#"{"code": 21211, "message": "The 'To' number +1555012 is not a valid phone number.", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}"#;

fn content_type(value: &'static str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert("content-type", HeaderValue::from_static(value));
    headers
}

#[test]
fn twilio_xml_and_json_decode_to_the_same_error_with_its_fields() {
    for body in [TWILIO_XML, TWILIO_JSON] {
        let response = TwilioError::decode(400, body.as_bytes());
        assert_eq!(response.errors().len(), 1, "{body}");
        match response.first() {
            TwilioError::InvalidToNumber {
                number,
                more_info,
                status,
                ..
            } => {
                assert_eq!(number.as_deref(), Some("+1555012"));
                assert_eq!(
                    more_info.as_deref(),
                    Some("https://www.twilio.com/docs/errors/21211")
                );
                assert_eq!(*status, 400);
            }
            other => panic!("{body}: unexpected {other:?}"),
        }
        assert_eq!(response.first().code(), Some("21211"));
    }
}

#[test]
fn twilio_shapes_follow_the_content_type_and_the_first_shape_holds_the_headers() {
    let mut xml = content_type("application/xml; charset=utf-8");
    xml.insert("twilio-request-id", HeaderValue::from_static("RQ1234"));
    let response = TwilioError::decode_parts(StatusCode::BAD_REQUEST, &xml, TWILIO_XML.as_bytes());
    assert!(matches!(
        response.first(),
        TwilioError::InvalidToNumber { .. }
    ));
    assert_eq!(response.request_id(), Some("RQ1234"));
    // The JSON shape reads `application/json` only, and the request id is read whatever
    // shape the body took.
    let mut json = content_type("Application/JSON");
    json.insert("twilio-request-id", HeaderValue::from_static("RQ5678"));
    let response =
        TwilioError::decode_parts(StatusCode::BAD_REQUEST, &json, TWILIO_JSON.as_bytes());
    assert!(matches!(
        response.first(),
        TwilioError::InvalidToNumber { .. }
    ));
    assert_eq!(response.request_id(), Some("RQ5678"));
    // A body of one shape labelled as the other's is read by neither: the status decides.
    let response = TwilioError::decode_parts(StatusCode::BAD_REQUEST, &xml, TWILIO_JSON.as_bytes());
    assert!(
        matches!(
            response.first(),
            TwilioError::Unknown {
                code: None,
                status: 400,
                ..
            }
        ),
        "{response:?}"
    );
    assert_eq!(response.raw_body(), TWILIO_JSON.as_bytes());
    // A media type the spec names for no shape: no shape reads it.
    let html = content_type("text/html");
    let response =
        TwilioError::decode_parts(StatusCode::SERVICE_UNAVAILABLE, &html, b"<html>503</html>");
    assert!(matches!(
        response.first(),
        TwilioError::ServiceUnavailable { .. }
    ));
}

#[test]
fn twilio_writes_the_first_shape_and_reads_it_back() {
    let response = TwilioError::decode(400, TWILIO_JSON.as_bytes());
    let error = response.first();
    let body = error.to_body();
    let text = String::from_utf8(body.clone()).unwrap();
    assert!(text.contains("<RestException><Code>21211</Code>"), "{text}");
    assert_eq!(TwilioError::decode(400, &body).first(), error);
    let (parts, body) = response.to_http().into_parts();
    assert_eq!(parts.headers["content-type"], "application/xml");
    assert_eq!(
        TwilioError::decode_parts(parts.status, &parts.headers, &body),
        response
    );
}

const POD_NOT_FOUND: &str = r#"{"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure", "message": "pods \"web-0\" not found", "reason": "NotFound", "details": {"name": "web-0", "kind": "pods"}, "code": 404}"#;
const WATCH_EXPIRED: &str = r#"{"type": "ERROR", "object": {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure", "message": "too old resource version: 5 (5091)", "reason": "Expired", "code": 410}}"#;

#[test]
fn kubernetes_status_objects_decode_with_their_details() {
    let response = KubernetesError::decode(404, POD_NOT_FOUND.as_bytes());
    match response.first() {
        KubernetesError::NotFound {
            object,
            name,
            resource,
            ..
        } => {
            assert_eq!(object.as_deref(), Some("pods \"web-0\""));
            assert_eq!(name.as_deref(), Some("web-0"));
            assert_eq!(resource.as_deref(), Some("pods"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_kubernetes_status_says_when_to_retry_in_its_details() {
    let body = br#"{"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure", "message": "the server has received too many requests and has asked us to try again later", "reason": "TooManyRequests", "details": {"retryAfterSeconds": 7}, "code": 429}"#;
    let response = KubernetesError::decode(429, body);
    assert!(matches!(
        response.first(),
        KubernetesError::TooManyRequests { .. }
    ));
    assert_eq!(
        response.retry_after(),
        Some(std::time::Duration::from_secs(7))
    );
    assert!(response.is_retryable());
    // The server's `Retry-After` header wins over the body's.
    let mut headers = HeaderMap::new();
    headers.insert("retry-after", HeaderValue::from_static("2"));
    let response = KubernetesError::decode_parts(StatusCode::TOO_MANY_REQUESTS, &headers, body);
    assert_eq!(
        response.retry_after(),
        Some(std::time::Duration::from_secs(2))
    );
    // `to_http` sends the delay as `Retry-After`, which decodes back to it.
    let (parts, _) = KubernetesError::decode(429, body).to_http().into_parts();
    assert_eq!(parts.headers["retry-after"], "7");
}

#[test]
fn a_kubernetes_watch_error_sent_with_200_is_an_error_of_the_second_shape() {
    let response = KubernetesError::decode_if_error(200, WATCH_EXPIRED.as_bytes())
        .expect("an ERROR event is an error");
    match response.first() {
        KubernetesError::Expired {
            requested,
            current,
            status,
            ..
        } => {
            assert_eq!(
                (requested.as_deref(), current.as_deref(), *status),
                (Some("5"), Some("5091"), 410)
            );
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(<KubernetesError as errspec::ApiError>::is_error(
        200,
        WATCH_EXPIRED.as_bytes()
    ));
    // Other events of the stream are no errors.
    let added = br#"{"type": "ADDED", "object": {"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "web-0", "resourceVersion": "5092"}}}"#;
    assert!(KubernetesError::decode_if_error(200, added).is_none());
    // A failed request, not a watch: the first shape.
    assert!(KubernetesError::decode_if_error(404, POD_NOT_FOUND.as_bytes()).is_some());
}

#[test]
fn graphql_errors_sent_as_a_string_or_a_rest_object_keep_their_message() {
    let response =
        GraphQlError::decode_if_error(200, br#"{"errors": "Query too complex: 1204 > 1000"}"#)
            .expect("`errors` marks an error");
    let error = response.first();
    assert_eq!(error.message(), "Query too complex: 1204 > 1000");
    assert_eq!(error.code(), None);
    let response = GraphQlError::decode(401, br#"{"message": "Bad credentials", "documentation_url": "https://docs.github.com/graphql"}"#);
    assert!(matches!(
        response.first(),
        GraphQlError::Unauthenticated { code: None, message, .. } if message == "Bad credentials"
    ));
    // The list of the first shape still comes first.
    let listed = br#"{"errors": [{"message": "Not logged in", "extensions": {"code": "UNAUTHENTICATED"}}], "message": "ignored"}"#;
    let response = GraphQlError::decode(200, listed);
    assert_eq!(response.errors().len(), 1);
    assert_eq!(response.first().message(), "Not logged in");
}

mod hostile {
    use errspec::http::{HeaderMap, HeaderValue};
    use errspec_tests::harness::Kept;
    use proptest::prelude::*;

    use super::{KubernetesError, TwilioError, TWILIO_JSON, TWILIO_XML, WATCH_EXPIRED};

    /// A real body of either shape with one byte range replaced.
    fn mutated() -> impl Strategy<Value = Vec<u8>> {
        crate::common::mutated(vec![TWILIO_XML, TWILIO_JSON, WATCH_EXPIRED])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn every_response_keeps_the_promise_in_every_shape(
            status in any::<u16>(),
            body in prop_oneof![mutated(), prop::collection::vec(any::<u8>(), 0..64)],
            content_type in prop::sample::select(vec!["", "application/json", "text/xml", "text/html"]),
        ) {
            let mut headers = HeaderMap::new();
            if !content_type.is_empty() {
                headers.insert("content-type", HeaderValue::from_static(content_type));
            }
            let _ = Kept::new(status, &body, &TwilioError::decode(status, &body));
            let _ = Kept::new(status, &body, &TwilioError::decode_parts(status, &headers, &body));
            let _ = Kept::new(status, &body, &KubernetesError::decode(status, &body));
            let _ = Kept::new(status, &body, &KubernetesError::decode_parts(status, &headers, &body));
        }
    }
}
