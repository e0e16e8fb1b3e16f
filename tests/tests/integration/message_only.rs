//! APIs whose errors carry no code, told apart by their messages: ServiceNow's Table API
//! (`tests/specs/servicenow.toml`) and GitHub's REST API (bundled `github.toml`). An
//! unmatched message falls back by status and keeps its text.

mod servicenow {
    errspec::errors_from_spec!("specs/servicenow.toml");
}

mod github {
    errspec::errors_from_spec!("github.toml");
}

use errspec::Kind;
use github::GitHubError;
use servicenow::ServiceNowError;

#[test]
fn servicenow_errors_are_chosen_by_their_message() {
    let body = br#"{"error": {"message": "No Record found", "detail": "Record doesn't exist or ACL restricts the record retrieval"}, "status": "failure"}"#;
    let error = ServiceNowError::decode(404, body).into_errors().remove(0);
    match &error {
        ServiceNowError::NoRecordFound { detail, code, .. } => {
            assert_eq!(
                detail.as_deref(),
                Some("Record doesn't exist or ACL restricts the record retrieval")
            );
            assert_eq!(*code, None);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(error.kind(), Kind::NotFound);
    assert_eq!(error.code(), None);

    let body = br#"{"error": {"message": "Invalid table incidentx", "detail": null}, "status": "failure"}"#;
    match ServiceNowError::decode(400, body).first() {
        ServiceNowError::InvalidTable { table, .. } => {
            assert_eq!(table.as_deref(), Some("incidentx"));
        }
        other => panic!("unexpected {other:?}"),
    }

    let body = br#"{"error": {"message": "User Not Authenticated", "detail": "Required to provide Auth information"}, "status": "failure"}"#;
    let error = ServiceNowError::decode(401, body).into_errors().remove(0);
    assert!(matches!(error, ServiceNowError::NotAuthenticated { .. }));
    assert_eq!(error.kind(), Kind::Unauthenticated);
}

#[test]
fn servicenow_an_unmatched_message_falls_back_by_status_with_its_text() {
    let body = br#"{"error": {"message": "Operation Failed", "detail": "ACL Exception Update Failed due to security constraints"}, "status": "failure"}"#;
    let error = ServiceNowError::decode(403, body).into_errors().remove(0);
    match &error {
        ServiceNowError::Forbidden {
            message, detail, ..
        } => {
            assert_eq!(message, "Operation Failed");
            assert_eq!(
                detail.as_deref(),
                Some("ACL Exception Update Failed due to security constraints")
            );
        }
        other => panic!("unexpected {other:?}"),
    }
    // Nothing for 409: `Unknown`, the message kept.
    let error = ServiceNowError::decode(409, body).into_errors().remove(0);
    assert_eq!(
        (error.variant_name(), error.message()),
        ("Unknown", "Operation Failed")
    );
}

#[test]
fn github_errors_are_chosen_by_their_message_in_file_order() {
    let body = br#"{"message": "Not Found", "documentation_url": "https://docs.github.com/rest/repos/repos#get-a-repository", "status": "404"}"#;
    let error = GitHubError::decode(404, body).into_errors().remove(0);
    match &error {
        GitHubError::NotFound {
            documentation_url,
            status,
            ..
        } => {
            assert_eq!(
                documentation_url.as_deref(),
                Some("https://docs.github.com/rest/repos/repos#get-a-repository")
            );
            assert_eq!(*status, 404);
        }
        other => panic!("unexpected {other:?}"),
    }

    let body = br#"{"message": "API rate limit exceeded for 203.0.113.5. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)", "documentation_url": "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}"#;
    let error = GitHubError::decode(403, body).into_errors().remove(0);
    match &error {
        GitHubError::RateLimitExceeded { address, .. } => {
            assert_eq!(address.as_deref(), Some("203.0.113.5"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(error.is_retryable());
    assert_eq!(error.kind(), Kind::RateLimited);

    // The user's limit comes first in the spec, so its message is not taken for an address.
    let body = br#"{"message": "API rate limit exceeded for user ID 1234.", "documentation_url": "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}"#;
    match GitHubError::decode(403, body).first() {
        GitHubError::UserRateLimitExceeded { user_id, .. } => {
            assert_eq!(user_id.as_deref(), Some("1234"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn github_an_unmatched_message_falls_back_by_status_or_class() {
    let body = br#"{"message": "Must have admin rights to Repository.", "documentation_url": "https://docs.github.com/rest"}"#;
    let error = GitHubError::decode(403, body).into_errors().remove(0);
    assert!(matches!(error, GitHubError::Forbidden { .. }));
    assert_eq!(error.message(), "Must have admin rights to Repository.");
    let unicorn = GitHubError::decode(502, b"<html><body>Unicorn!</body></html>");
    assert!(matches!(unicorn.first(), GitHubError::ServerError { .. }));
    assert!(unicorn.is_retryable());
}

#[test]
fn what_a_mock_server_sends_decodes_to_the_same_error() {
    let body = br#"{"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest", "status": "401"}"#;
    let error = GitHubError::decode(401, body).into_errors().remove(0);
    let sent = error.to_body();
    assert_eq!(
        String::from_utf8_lossy(&sent),
        r#"{"message":"Bad credentials","status":"401","documentation_url":"https://docs.github.com/rest"}"#
    );
    assert_eq!(
        GitHubError::decode(401, &sent).into_errors().remove(0),
        error
    );
}
