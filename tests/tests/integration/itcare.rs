//! cegedim.cloud ITCare (seed 002 and vendor-notes.md): one JSON error shape carrying the
//! status's name, and empty bodies for 401, 403, 404, 409, 422, 500 and 503 that must decode
//! from the status alone.

use crate::common;

use common::single;
use errspec::{ApiError, Kind};
use errspec_tests::itcare::{ItcareCode, ItcareError};

// The seed's body as the vendor notes correct it (the page leaves errorMessage unclosed).
const SEED_CORRECTED: &str = r#"{
    "status": "BAD_REQUEST",
    "errorCode": "INVALID_FIELD_VALUE",
    "errorDesc": "name",
    "errorMessage": "Error on field 'name'"
}"#;

// The seed's body verbatim: not JSON.
const SEED_MALFORMED: &str = r#"{
    "status": "BAD_REQUEST",
    "errorCode": "INVALID_FIELD_VALUE",
    "errorDesc": "name",
    "errorMessage": "Error on field 'name'
}"#;

#[test]
fn seed_body_decodes_as_invalid_field_value() {
    let response = ItcareError::decode(400, SEED_CORRECTED.as_bytes());
    assert_eq!(response.status(), 400);
    let error = single(response);
    assert_eq!(
        error,
        ItcareError::InvalidFieldValue {
            message: "Error on field 'name'".to_owned(),
            error_desc: Some("name".to_owned()),
            field: Some("name".to_owned()),
            status: 400,
        }
    );
    assert_eq!(error.code(), Some("INVALID_FIELD_VALUE"));
    assert_eq!(error.message(), "Error on field 'name'");
    assert_eq!(error.kind(), Kind::BadRequest);
    assert!(!error.is_retryable());
    assert_eq!(error.documented_status(), Some(400));
    assert_eq!(error.status(), 400);
    assert_eq!(error.spec_code(), Some(ItcareCode::InvalidFieldValue));
    assert_eq!(
        error.to_string(),
        "INVALID_FIELD_VALUE: Error on field 'name'"
    );
    assert_eq!(
        error.details(),
        vec![("error_desc", Some("name")), ("field", Some("name"))]
    );
}

#[test]
fn seed_body_verbatim_is_not_json_and_decodes_by_status() {
    let error = single(ItcareError::decode(400, SEED_MALFORMED.as_bytes()));
    assert_eq!(
        error,
        ItcareError::BadQuery {
            message: "Bad query: syntax or consistency error in the query.".to_owned(),
            code: None,
            error_desc: None,
            status: 400,
        }
    );
    assert_eq!(error.code(), None);
    assert_eq!(error.kind(), Kind::BadRequest);
}

#[test]
fn invalid_field_value_on_a_nested_field() {
    let body = br#"{"status":"BAD_REQUEST","errorCode":"INVALID_FIELD_VALUE","errorDesc":"instance.cpu","errorMessage":"Error on field 'instance.cpu'"}"#;
    let error = single(ItcareError::decode(400, body));
    assert_eq!(
        error,
        ItcareError::InvalidFieldValue {
            message: "Error on field 'instance.cpu'".to_owned(),
            error_desc: Some("instance.cpu".to_owned()),
            field: Some("instance.cpu".to_owned()),
            status: 400,
        }
    );
}

#[test]
fn invalid_field_value_with_another_wording_keeps_error_desc() {
    let body = br#"{"status":"BAD_REQUEST","errorCode":"INVALID_FIELD_VALUE","errorDesc":"environmentId","errorMessage":"must not be null"}"#;
    let error = single(ItcareError::decode(400, body));
    assert_eq!(
        error,
        ItcareError::InvalidFieldValue {
            message: "must not be null".to_owned(),
            error_desc: Some("environmentId".to_owned()),
            field: None,
            status: 400,
        }
    );
    assert_eq!(error.to_string(), "INVALID_FIELD_VALUE: must not be null");
}

#[test]
fn invalid_field_value_without_a_message_uses_the_description() {
    let body = br#"{"status":"BAD_REQUEST","errorCode":"INVALID_FIELD_VALUE","errorDesc":"name"}"#;
    let error = single(ItcareError::decode(400, body));
    assert_eq!(
        error,
        ItcareError::InvalidFieldValue {
            message: "A field of the request has an invalid value; errorDesc names the field."
                .to_owned(),
            error_desc: Some("name".to_owned()),
            field: None,
            status: 400,
        }
    );
    assert!(!error.message().is_empty());
}

#[test]
fn empty_bodies_decode_to_their_status_variant() {
    let cases: [(u16, ItcareError, Kind, bool); 7] = [
        (
            401,
            ItcareError::Unauthenticated {
                message: "Unauthenticated access to the resource.".to_owned(),
                code: None,
                error_desc: None,
                status: 401,
            },
            Kind::Unauthenticated,
            false,
        ),
        (
            403,
            ItcareError::Unauthorized {
                message: "Unauthorized access.".to_owned(),
                code: None,
                error_desc: None,
                status: 403,
            },
            Kind::PermissionDenied,
            false,
        ),
        (
            404,
            ItcareError::NotFound {
                message: "Non-existent resource.".to_owned(),
                code: None,
                error_desc: None,
                status: 404,
            },
            Kind::NotFound,
            false,
        ),
        (
            409,
            ItcareError::Conflict {
                message: "Conflict.".to_owned(),
                code: None,
                error_desc: None,
                status: 409,
            },
            Kind::Conflict,
            false,
        ),
        (
            422,
            ItcareError::InconsistentData {
                message: "Inconsistent data.".to_owned(),
                code: None,
                error_desc: None,
                status: 422,
            },
            Kind::Unprocessable,
            false,
        ),
        (
            500,
            ItcareError::FatalApiError {
                message: "Fatal API error.".to_owned(),
                code: None,
                error_desc: None,
                status: 500,
            },
            Kind::Internal,
            false,
        ),
        (
            503,
            ItcareError::ServiceUnavailable {
                message: "Service temporarily unavailable.".to_owned(),
                code: None,
                error_desc: None,
                status: 503,
            },
            Kind::Unavailable,
            true,
        ),
    ];
    for (status, expected, kind, retryable) in cases {
        let response = ItcareError::decode(status, b"");
        assert_eq!(response.status(), status);
        assert_eq!(response.is_retryable(), retryable, "{status}");
        let error = single(response);
        assert_eq!(error, expected);
        assert_eq!(error.kind(), kind, "{status}");
        assert_eq!(error.is_retryable(), retryable, "{status}");
        assert_eq!(error.documented_status(), Some(status));
        assert_eq!(error.status(), status);
        assert_eq!(error.code(), None);
        assert!(error.spec_code().is_some(), "{status}");
        // No code: Display is the message alone.
        assert_eq!(error.to_string(), expected.message());
    }
}

#[test]
fn empty_bodies_name_their_documented_entry() {
    for (status, code, name) in [
        (401, ItcareCode::Unauthenticated, "Unauthenticated"),
        (403, ItcareCode::Unauthorized, "Unauthorized"),
        (404, ItcareCode::NotFound, "NotFound"),
        (409, ItcareCode::Conflict, "Conflict"),
        (422, ItcareCode::InconsistentData, "InconsistentData"),
        (500, ItcareCode::FatalApiError, "FatalApiError"),
        (503, ItcareCode::ServiceUnavailable, "ServiceUnavailable"),
    ] {
        // A blank line is what some clients read from an empty body.
        let response = ItcareError::decode(status, b"\n");
        assert_eq!(response.raw_body(), b"\n");
        let error = single(response);
        assert_eq!(error.spec_code(), Some(code), "{status}");
        assert_eq!(error.variant_name(), name);
    }
}

#[test]
fn blank_400_is_a_bad_query() {
    let error = single(ItcareError::decode(400, b""));
    assert_eq!(
        error,
        ItcareError::BadQuery {
            message: "Bad query: syntax or consistency error in the query.".to_owned(),
            code: None,
            error_desc: None,
            status: 400,
        }
    );
    assert_eq!(
        ApiError::spec_solution(&error),
        Some("Must be corrected by the issuer; the body may be blank or indicate the error to correct on the client side.")
    );
}

#[test]
fn undocumented_error_code_decodes_by_the_body_status() {
    let body = br#"{"status":"CONFLICT","errorCode":"RESOURCE_ALREADY_EXISTS","errorDesc":"name","errorMessage":"An instance named 'web01' already exists"}"#;
    let error = single(ItcareError::decode(409, body));
    assert_eq!(
        error,
        ItcareError::Conflict {
            message: "An instance named 'web01' already exists".to_owned(),
            code: Some("RESOURCE_ALREADY_EXISTS".to_owned()),
            error_desc: Some("name".to_owned()),
            status: 409,
        }
    );
    assert_eq!(error.code(), Some("RESOURCE_ALREADY_EXISTS"));
    assert_eq!(
        error.to_string(),
        "RESOURCE_ALREADY_EXISTS: An instance named 'web01' already exists"
    );
    assert_eq!(error.kind(), Kind::Conflict);
}

#[test]
fn the_status_inside_the_body_wins_over_the_response_status() {
    // A gateway rewrote the status to 400; the body still says what the API meant.
    let body = br#"{"status":"UNPROCESSABLE_ENTITY","errorCode":"INCONSISTENT_PLATFORM","errorMessage":"The platform does not belong to the environment"}"#;
    let response = ItcareError::decode(400, body);
    assert_eq!(response.status(), 400);
    let error = single(response);
    assert_eq!(
        error,
        ItcareError::InconsistentData {
            message: "The platform does not belong to the environment".to_owned(),
            code: Some("INCONSISTENT_PLATFORM".to_owned()),
            error_desc: None,
            status: 422,
        }
    );
    assert_eq!(error.status(), 422);
    assert_eq!(error.kind(), Kind::Unprocessable);
}

#[test]
fn message_without_error_code_decodes_by_status() {
    let body = br#"{"status":"NOT_FOUND","errorMessage":"Instance 4242 not found"}"#;
    let error = single(ItcareError::decode(404, body));
    assert_eq!(
        error,
        ItcareError::NotFound {
            message: "Instance 4242 not found".to_owned(),
            code: None,
            error_desc: None,
            status: 404,
        }
    );
    assert_eq!(error.to_string(), "Instance 4242 not found");
}

#[test]
fn spring_default_error_body_decodes_by_status() {
    let body = br#"{"timestamp":"2024-03-02T10:15:30.000+00:00","status":500,"error":"Internal Server Error","path":"/itcare/compute/instances"}"#;
    let error = single(ItcareError::decode(500, body));
    assert_eq!(
        error,
        ItcareError::FatalApiError {
            message: "Fatal API error.".to_owned(),
            code: None,
            error_desc: None,
            status: 500,
        }
    );
    assert!(!error.is_retryable());
}

#[test]
fn load_balancer_maintenance_page_is_service_unavailable() {
    let body = b"<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>Service temporarily unavailable</h1><p>ITCare is under maintenance.</p></body></html>";
    let response = ItcareError::decode(503, body);
    assert!(response.is_retryable());
    let error = single(response);
    assert_eq!(
        error,
        ItcareError::ServiceUnavailable {
            message: "Service temporarily unavailable.".to_owned(),
            code: None,
            error_desc: None,
            status: 503,
        }
    );
}

#[test]
fn nginx_bad_gateway_has_no_documented_entry() {
    let body = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    let error = single(ItcareError::decode(502, body));
    assert_eq!(
        error,
        ItcareError::Unknown {
            code: None,
            message: "Bad Gateway".to_owned(),
            status: 502,
        }
    );
    assert_eq!(error.spec_code(), None);
    assert_eq!(error.kind(), Kind::Unavailable);
    assert!(error.is_retryable());
}

#[test]
fn undocumented_status_with_a_code_is_unknown() {
    let body = br#"{"status":"TOO_MANY_REQUESTS","errorCode":"RATE_LIMIT_EXCEEDED","errorMessage":"Too many requests, retry later"}"#;
    let error = single(ItcareError::decode(429, body));
    assert_eq!(
        error,
        ItcareError::Unknown {
            code: Some("RATE_LIMIT_EXCEEDED".to_owned()),
            message: "Too many requests, retry later".to_owned(),
            status: 429,
        }
    );
    assert_eq!(error.kind(), Kind::RateLimited);
    assert!(error.is_retryable());
}

#[test]
fn code_table_has_one_coded_entry_and_one_entry_per_failure_status() {
    assert_eq!(ItcareCode::ALL.len(), 9);
    let statuses: Vec<Option<u16>> = ItcareCode::ALL.iter().map(|code| code.status()).collect();
    assert_eq!(
        statuses,
        [
            Some(400),
            Some(400),
            Some(401),
            Some(403),
            Some(404),
            Some(409),
            Some(422),
            Some(500),
            Some(503)
        ]
    );
}

#[test]
fn code_facts() {
    assert_eq!(
        ItcareCode::InvalidFieldValue.as_str(),
        "INVALID_FIELD_VALUE"
    );
    assert_eq!(ItcareCode::InvalidFieldValue.status(), Some(400));
    assert_eq!(ItcareCode::InvalidFieldValue.kind(), Kind::BadRequest);
    assert_eq!(
        ItcareCode::InvalidFieldValue.template(),
        Some("Error on field '{field}'")
    );
    // A status-only entry has no wire code: as_str is its variant name.
    assert_eq!(ItcareCode::Unauthenticated.as_str(), "Unauthenticated");
    assert_eq!(ItcareCode::Unauthorized.status(), Some(403));
    assert_eq!(ItcareCode::Unauthorized.kind(), Kind::PermissionDenied);
    assert_eq!(
        ItcareCode::Unauthorized.description(),
        "Unauthorized access."
    );
    assert_eq!(ItcareCode::ServiceUnavailable.kind(), Kind::Unavailable);
    assert!(ItcareCode::ServiceUnavailable.is_retryable());
    assert!(!ItcareCode::FatalApiError.is_retryable());
    assert_eq!(ItcareCode::FatalApiError.kind(), Kind::Internal);
}
