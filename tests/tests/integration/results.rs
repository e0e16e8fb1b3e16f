//! Errors in the per-item results of a success (`results = true`): S3 DeleteObjects'
//! `<Error>` elements beside its `<Deleted>` ones, Microsoft Graph `$batch` responses with a
//! status each, Salesforce sObject Collections' SaveResults. Bodies as the vendors document
//! them: the successes yield nothing, each failed item is an error that keeps which item it
//! was, and `decode_if_error` takes a 200 holding one for an error response.

use std::time::Duration;

use errspec::http::StatusCode;
use errspec::ApiError;

use crate::xml::s3::S3Error;
use errspec_tests::graph::GraphError;

mod salesforce {
    errspec::errors_from_spec!("specs/salesforce.toml");
}

use salesforce::SalesforceError;

/// The variants of a response's errors, in order.
fn variants<E: ApiError>(errors: &[E]) -> Vec<&'static str> {
    errors.iter().map(ApiError::variant_name).collect()
}

pub(crate) const DELETE_OBJECTS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Deleted>
    <Key>sample1.txt</Key>
  </Deleted>
  <Error>
    <Key>sample2.txt</Key>
    <Code>AccessDenied</Code>
    <Message>Access Denied</Message>
  </Error>
  <Deleted>
    <Key>photos/2006/February/sample3.jpg</Key>
    <VersionId>3HL4kqCxf3vjVBH40Nrjfkd</VersionId>
    <DeleteMarker>true</DeleteMarker>
    <DeleteMarkerVersionId>3HL4kqtJlcpXroDTDmjVBH40Nrjfkd</DeleteMarkerVersionId>
  </Deleted>
  <Error>
    <Key>photos/2006/February/sample4.jpg</Key>
    <VersionId>UIORUnfndfhnw89493jJFJ</VersionId>
    <Code>InternalError</Code>
    <Message>We encountered an internal error. Please try again.</Message>
  </Error>
</DeleteResult>"#;

#[test]
fn s3_delete_objects_errors_keep_their_key_and_version() {
    let response = S3Error::decode_if_error(200, DELETE_OBJECTS.as_bytes()).expect("two failed");
    assert_eq!(response.status(), StatusCode::OK);
    let errors = response.errors();
    assert_eq!(variants(errors), ["AccessDenied", "InternalError"]);
    match &errors[0] {
        S3Error::AccessDenied {
            key,
            version_id,
            message,
            ..
        } => {
            assert_eq!(key.as_deref(), Some("sample2.txt"));
            assert_eq!(*version_id, None);
            assert_eq!(message, "Access Denied");
        }
        other => panic!("unexpected {other:?}"),
    }
    match &errors[1] {
        error @ S3Error::InternalError {
            key, version_id, ..
        } => {
            assert_eq!(key.as_deref(), Some("photos/2006/February/sample4.jpg"));
            assert_eq!(version_id.as_deref(), Some("UIORUnfndfhnw89493jJFJ"));
            assert!(error.is_retryable());
        }
        other => panic!("unexpected {other:?}"),
    }
    // Every key deleted, or a quiet answer that lists none: a success.
    let deleted = r#"<?xml version="1.0" encoding="UTF-8"?>
<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Deleted><Key>sample1.txt</Key></Deleted></DeleteResult>"#;
    for body in [deleted, "<DeleteResult/>"] {
        assert!(!S3Error::is_error(200, body.as_bytes()), "{body}");
        assert!(S3Error::decode_if_error(200, body.as_bytes()).is_none());
    }
    // An error document still decodes in the first shape, whatever the status.
    let denied = "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>";
    assert_eq!(
        variants(S3Error::decode(403, denied.as_bytes()).errors()),
        ["AccessDenied"]
    );
}

pub(crate) const GRAPH_BATCH: &str = r#"{"responses": [
  {"id": "1", "status": 302, "headers": {"location": "https://b0mpua-by3301.files.1drv.com/y23vmagahszhxzlcvhasdhasghasodfi"}},
  {"id": "3", "status": 401, "body": {"error": {"code": "InvalidAuthenticationToken", "message": "Access token is empty.", "innerError": {"date": "2026-12-03T10:12:44", "request-id": "8f1f6a3d-1b4f-4e0c-9f4a-2f1e3c5d7b90"}}}},
  {"id": "2", "status": 200, "headers": {"OData-Version": "4.0", "Content-Type": "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"}, "body": {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.plannerTask)", "value": []}},
  {"id": "4", "status": 424, "body": {"error": {"message": "Depends on request 3, which failed."}}},
  {"id": "5", "status": 429, "headers": {"Retry-After": "10"}, "body": {"error": {"code": "activityLimitReached", "message": "The application or user has been throttled."}}},
  {"id": "6", "status": 204, "body": null}
]}"#;

#[test]
fn graph_batch_responses_of_400_or_more_are_errors_with_their_own_status() {
    let response = GraphError::decode_if_error(200, GRAPH_BATCH.as_bytes()).expect("three failed");
    let errors = response.errors();
    assert_eq!(
        variants(errors),
        [
            "InvalidAuthenticationToken",
            "FailedDependency",
            "ActivityLimitReached"
        ]
    );
    let ids: Vec<Option<&str>> = errors
        .iter()
        .map(|error| match error {
            GraphError::InvalidAuthenticationToken { item_id, .. }
            | GraphError::FailedDependency { item_id, .. }
            | GraphError::ActivityLimitReached { item_id, .. } => item_id.as_deref(),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(ids, [Some("3"), Some("4"), Some("5")]);
    let statuses: Vec<u16> = errors.iter().map(ApiError::status).collect();
    assert_eq!(statuses, [401, 424, 429]);
    // A request without a code is chosen by its own status, and keeps its message.
    assert_eq!(errors[1].message(), "Depends on request 3, which failed.");
    // The throttled request's `Retry-After` is the response's wait.
    assert_eq!(response.retry_after(), Some(Duration::from_secs(10)));
    // A redirect, a 200 and a 204: no error.
    let fine = r#"{"responses": [{"id": "1", "status": 302, "headers": {"location": "https://example.com/x"}}, {"id": "2", "status": 200, "body": {"value": []}}, {"id": "6", "status": 204, "body": null}]}"#;
    assert!(GraphError::decode_if_error(200, fine.as_bytes()).is_none());
    // The `$batch` request itself refused: the error object, in the first shape.
    let refused = r#"{"error": {"code": "badRequest", "message": "Batch request limit of 20 requests exceeded."}}"#;
    assert_eq!(
        variants(GraphError::decode(400, refused.as_bytes()).errors()),
        ["BadRequest"]
    );
}

pub(crate) const SAVE_RESULTS: &str = r#"[
  {"id": "001RM000003oLnnYAE", "success": true, "errors": []},
  {"success": false, "errors": [{"statusCode": "REQUIRED_FIELD_MISSING", "message": "Required fields are missing: [Name]", "fields": ["Name"]}]},
  {"id": "003RM0000068xVCYAY", "success": true, "errors": []},
  {"id": "003RM0000068xVDYAY", "success": false, "errors": [{"statusCode": "DUPLICATE_VALUE", "message": "duplicate value found: Email__c duplicates value on record with id: 003RM0000068xV9YAI", "fields": []}]}
]"#;

#[test]
fn salesforce_failed_records_keep_their_position_id_and_captures() {
    let response =
        SalesforceError::decode_if_error(200, SAVE_RESULTS.as_bytes()).expect("two failed");
    let errors = response.errors();
    assert_eq!(variants(errors), ["RequiredFieldMissing", "DuplicateValue"]);
    match &errors[0] {
        SalesforceError::RequiredFieldMissing {
            record,
            record_id,
            error_fields,
            names,
            ..
        } => {
            assert_eq!(record.as_deref(), Some("1"));
            assert_eq!(*record_id, None);
            assert_eq!(error_fields.as_deref(), Some(r#"["Name"]"#));
            assert_eq!(names.as_deref(), Some("Name"));
        }
        other => panic!("unexpected {other:?}"),
    }
    match &errors[1] {
        error @ SalesforceError::DuplicateValue {
            record,
            record_id,
            field,
            existing,
            ..
        } => {
            assert_eq!(record.as_deref(), Some("3"));
            assert_eq!(record_id.as_deref(), Some("003RM0000068xVDYAY"));
            assert_eq!(
                (field.as_deref(), existing.as_deref()),
                (Some("Email__c"), Some("003RM0000068xV9YAI"))
            );
            assert_eq!(error.kind(), errspec::Kind::Conflict);
        }
        other => panic!("unexpected {other:?}"),
    }
    // With `allOrNone`, the valid records are rolled back: each is an error of its own.
    let rolled_back = r#"[{"success": false, "errors": [{"statusCode": "ALL_OR_NONE_OPERATION_ROLLED_BACK", "message": "Record rolled back because not all records were valid and the request was using AllOrNone header", "fields": []}]}, {"success": false, "errors": [{"statusCode": "UNABLE_TO_LOCK_ROW", "message": "unable to obtain exclusive access to this record", "fields": []}]}]"#;
    let errors = SalesforceError::decode(200, rolled_back.as_bytes()).into_errors();
    assert_eq!(
        variants(&errors),
        ["AllOrNoneOperationRolledBack", "UnableToLockRow"]
    );
    assert!(errors[1].is_retryable());
    // Every record saved: a success.
    let saved = r#"[{"id": "001RM000003oLnnYAE", "success": true, "errors": []}, {"id": "003RM0000068xVCYAY", "success": true, "errors": []}]"#;
    assert!(SalesforceError::decode_if_error(200, saved.as_bytes()).is_none());
    // An error response of the REST API is read in the first shape.
    let expired =
        r#"[{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}]"#;
    let response = SalesforceError::decode(401, expired.as_bytes());
    assert_eq!(variants(response.errors()), ["InvalidSessionId"]);
    assert!(matches!(
        &response.errors()[0],
        SalesforceError::InvalidSessionId { record: None, .. }
    ));
}

mod hostile {
    use errspec::ApiError;
    use proptest::prelude::*;

    use super::{GraphError, S3Error, SalesforceError, DELETE_OBJECTS, GRAPH_BATCH, SAVE_RESULTS};

    /// Decodes `body`, checks the promise on it and on what it writes back, and that a
    /// success taken for an error holds errors the body says: none chosen for want of one.
    fn keeps_the_promise<E: ApiError + core::fmt::Display>(status: u16, body: &[u8]) {
        let response = crate::common::keeps_the_promise_written_back::<E>(status, body);
        if (200..=299).contains(&status) && E::is_error(status, body) {
            assert!(response.raw_body().is_empty(), "{response:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn every_response_of_item_results_keeps_the_promise(
            status in prop_oneof![Just(200u16), any::<u16>()],
            body in prop_oneof![
                crate::common::mutated(vec![DELETE_OBJECTS, GRAPH_BATCH, SAVE_RESULTS]),
                prop::collection::vec(any::<u8>(), 0..64),
            ],
        ) {
            keeps_the_promise::<S3Error>(status, &body);
            keeps_the_promise::<GraphError>(status, &body);
            keeps_the_promise::<SalesforceError>(status, &body);
        }
    }
}
