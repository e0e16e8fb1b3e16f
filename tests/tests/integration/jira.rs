//! Jira Cloud platform REST API (bundled `jira.toml`): `errorMessages`, an array of plain
//! strings, and `errors`, an object from a field's id to its message, each entry one error told
//! apart by its message; the field's id is kept. Bodies as Atlassian's documentation and
//! Jira Cloud send them.

use crate::common;

use common::single;
use errspec::{ApiError, Kind};
use errspec_tests::jira::JiraError;

fn names(errors: &[JiraError]) -> Vec<&'static str> {
    errors.iter().map(JiraError::variant_name).collect()
}

#[test]
fn a_general_message_is_one_error() {
    let body = br#"{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}"#;
    let error = single(JiraError::decode(404, body));
    assert!(
        matches!(error, JiraError::IssueNotFound { field: None, .. }),
        "{error:?}"
    );
    assert_eq!(error.kind(), Kind::NotFound);
}

#[test]
fn each_field_error_keeps_its_field() {
    let body = br#"{"errorMessages":[],"errors":{"summary":"You must specify a summary of the issue.","customfield_10011":"Field 'customfield_10011' cannot be set. It is not on the appropriate screen, or unknown.","issuetype":"Specify an issue type"}}"#;
    let errors = JiraError::decode(400, body).into_errors();
    assert_eq!(
        names(&errors),
        ["SummaryRequired", "FieldNotOnScreen", "IssueTypeRequired"]
    );
    match &errors[1] {
        JiraError::FieldNotOnScreen {
            field, field_id, ..
        } => {
            assert_eq!(field.as_deref(), Some("customfield_10011"));
            assert_eq!(field_id.as_deref(), Some("customfield_10011"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(errors[0].details(), [("field", Some("summary"))]);
}

#[test]
fn errors_come_in_body_order() {
    let body = br#"{"errors":{"project":"Specify a valid project ID or key"},"errorMessages":["You do not have permission to create issues in this project."]}"#;
    let errors = JiraError::decode(400, body).into_errors();
    // In body order: the object comes first here.
    assert_eq!(names(&errors), ["InvalidProject", "NoCreatePermission"]);
    assert_eq!(errors[1].kind(), Kind::PermissionDenied);
    assert_eq!(errors[0].status(), 400);
}

#[test]
fn templates_capture_the_values_in_the_message() {
    let body = br#"{"errorMessages":["No project could be found with key 'ABC'."],"errors":{}}"#;
    match single(JiraError::decode(404, body)) {
        JiraError::ProjectNotFound { key, .. } => assert_eq!(key.as_deref(), Some("ABC")),
        other => panic!("unexpected {other:?}"),
    }
    let body = br#"{"errorMessages":["The value 'XYZ' does not exist for the field 'project'."],"warningMessages":[]}"#;
    match single(JiraError::decode(400, body)) {
        JiraError::ValueDoesNotExist {
            value, field_name, ..
        } => {
            assert_eq!(value.as_deref(), Some("XYZ"));
            assert_eq!(field_name.as_deref(), Some("project"));
        }
        other => panic!("unexpected {other:?}"),
    }
    let body = br#"{"errorMessages":["Error in the JQL Query: The character '%' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0025' instead. (line 1, character 19)"],"errors":{}}"#;
    match single(JiraError::decode(400, body)) {
        JiraError::JqlError { detail, .. } => assert!(detail
            .as_deref()
            .is_some_and(|detail| detail.starts_with("The character '%'"))),
        other => panic!("unexpected {other:?}"),
    }
    let body = br#"{"errors":{"reporter":"Reporter is required."}}"#;
    match single(JiraError::decode(400, body)) {
        JiraError::FieldRequired { name, field, .. } => {
            assert_eq!(name.as_deref(), Some("Reporter"));
            assert_eq!(field.as_deref(), Some("reporter"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_v3_rich_text_field_sent_as_a_string() {
    let body = br#"{"errorMessages":[],"errors":{"description":"Operation value must be an Atlassian Document (see the Atlassian Document Format)"}}"#;
    let error = single(JiraError::decode(400, body));
    assert!(matches!(error, JiraError::NotAnAtlassianDocument { .. }));
    assert_eq!(
        error.spec_solution(),
        Some("Send the value in Atlassian Document Format, or use the v2 API for plain text.")
    );
}

#[test]
fn an_unmatched_message_falls_back_by_status_with_its_text() {
    let body = br#"{"errorMessages":["The issue type selected is not valid for this project."],"errors":{}}"#;
    let error = single(JiraError::decode(400, body));
    assert!(matches!(error, JiraError::BadRequest { .. }), "{error:?}");
    assert_eq!(
        error.message(),
        "The issue type selected is not valid for this project."
    );
}

#[test]
fn unauthenticated_and_rate_limited() {
    let body = br#"{"errorMessages":["Client must be authenticated to access this resource."],"errors":{}}"#;
    let error = single(JiraError::decode(401, body));
    assert!(matches!(error, JiraError::NotAuthenticated { .. }));
    assert_eq!(error.kind(), Kind::Unauthenticated);
    // A 429 without a body.
    let error = single(JiraError::decode(429, b""));
    assert!(matches!(error, JiraError::RateLimited { .. }));
    assert!(error.is_retryable());
}

#[test]
fn bodies_without_errors_fall_back_by_status() {
    for (status, body, variant) in [
        (400, &br#"{"errorMessages":[],"errors":{}}"#[..], "BadRequest"),
        (404, b"", "NotFound"),
        (
            503,
            b"<!DOCTYPE html><html><head><title>Atlassian Cloud Notifications - Page Unavailable</title></head><body>Page Unavailable</body></html>",
            "ServerError",
        ),
        (409, b"{}", "Conflict"),
        (418, b"[]", "Other"),
    ] {
        let response = JiraError::decode(status, body);
        assert_eq!(response.first().variant_name(), variant, "{status}");
        assert_eq!(response.errors().len(), 1);
    }
}

#[test]
fn strange_members_are_not_dropped() {
    // A number and a null among the strings, an object where a message should be.
    let body = br#"{"errorMessages":["Issue does not exist or you do not have permission to see it.", 42, null],"errors":{"labels":{"unexpected":"shape"}}}"#;
    let errors = JiraError::decode(400, body).into_errors();
    assert_eq!(
        names(&errors),
        ["IssueNotFound", "BadRequest", "BadRequest"]
    );
    assert_eq!(errors[1].message(), "42");
    assert!(
        matches!(&errors[2], JiraError::BadRequest { field: Some(field), .. } if field == "labels")
    );
}

#[test]
fn errors_round_trip_through_to_http() {
    let body = br#"{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{"summary":"You must specify a summary of the issue.","customfield_10011":"Field 'customfield_10011' cannot be set. It is not on the appropriate screen, or unknown."}}"#;
    let response = JiraError::decode(400, body);
    let http = response.to_http();
    let written: serde_json::Value = serde_json::from_slice(http.body()).expect("JSON");
    assert_eq!(
        written,
        serde_json::json!({
            "errorMessages": ["Issue does not exist or you do not have permission to see it."],
            "errors": {
                "summary": "You must specify a summary of the issue.",
                "customfield_10011": "Field 'customfield_10011' cannot be set. It is not on the appropriate screen, or unknown."
            }
        })
    );
    assert_eq!(JiraError::decode_http(&http).errors(), response.errors());
}

#[test]
fn the_request_id_and_retry_after_come_from_the_headers() {
    use errspec::http::{HeaderMap, StatusCode};
    use std::time::Duration;

    let mut headers = HeaderMap::new();
    headers.insert(
        "X-AREQUESTID",
        "a1b2c3d4-5678-90ab-cdef-1234567890ab".parse().unwrap(),
    );
    headers.insert("Retry-After", "5".parse().unwrap());
    headers.insert("X-RateLimit-Limit", "350".parse().unwrap());
    let response = JiraError::decode_parts(StatusCode::TOO_MANY_REQUESTS, &headers, b"");
    assert!(matches!(response.first(), JiraError::RateLimited { .. }));
    assert_eq!(
        response.request_id(),
        Some("a1b2c3d4-5678-90ab-cdef-1234567890ab")
    );
    assert_eq!(response.retry_after(), Some(Duration::from_secs(5)));
    // Without X-AREQUESTID, the trace id.
    let mut headers = HeaderMap::new();
    headers.insert("atl-traceid", "4b7f2a7e0c9d4a1b".parse().unwrap());
    let body = br#"{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}"#;
    let response = JiraError::decode_parts(StatusCode::NOT_FOUND, &headers, body);
    assert_eq!(response.request_id(), Some("4b7f2a7e0c9d4a1b"));
    assert!(matches!(response.first(), JiraError::IssueNotFound { .. }));
}
