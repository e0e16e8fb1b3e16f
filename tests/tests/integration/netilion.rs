//! Endress+Hauser Netilion (seed 004 and vendor-notes.md): `{"errors": [{"type", "message",
//! "attribute"?}]}`, 55 documented types, throttling with 429.

use crate::common;

use common::single;
use errspec::{ApiError, Kind};
use errspec_tests::netilion::{NetilionCode, NetilionError};

// The seed's body, verbatim: a schema sketch whose type is the placeholder "string".
const SEED: &str =
    r#"{ "errors": [ { "type": "string", "message": "string", "attribute": "string" } ] }"#;

#[test]
fn seed_schema_example_is_an_unknown_type() {
    let response = NetilionError::decode(400, SEED.as_bytes());
    assert_eq!(response.status(), 400);
    let error = single(response);
    assert_eq!(
        error,
        NetilionError::Unknown {
            code: Some("string".to_owned()),
            message: "string".to_owned(),
            status: 400,
        }
    );
    assert_eq!(error.spec_code(), None);
    assert_eq!(error.kind(), Kind::BadRequest);
    assert_eq!(error.to_string(), "string: string");
}

#[test]
fn taken_keeps_the_attribute() {
    let body = br#"{"errors":[{"type":"taken","message":"has already been taken","attribute":"serial_number"}]}"#;
    let error = single(NetilionError::decode(400, body));
    assert_eq!(
        error,
        NetilionError::Taken {
            message: "has already been taken".to_owned(),
            attribute: Some("serial_number".to_owned()),
            status: 400,
        }
    );
    assert_eq!(error.code(), Some("taken"));
    assert_eq!(error.message(), "has already been taken");
    assert_eq!(error.kind(), Kind::BadRequest);
    assert!(!error.is_retryable());
    assert_eq!(error.documented_status(), Some(400));
    assert_eq!(error.status(), 400);
    assert_eq!(error.spec_code(), Some(NetilionCode::Taken));
    assert_eq!(error.details(), vec![("attribute", Some("serial_number"))]);
    assert_eq!(error.to_string(), "taken: has already been taken");
}

#[test]
fn several_errors_come_back_in_order() {
    let body = br#"{"errors":[
        {"type":"blank","message":"can't be blank","attribute":"name"},
        {"type":"too_long","message":"is too long (maximum is 255 characters)","attribute":"description"},
        {"type":"invalid_enum_value","message":"is not a valid value","attribute":"status"}]}"#;
    let response = NetilionError::decode(400, body);
    assert_eq!(response.errors().len(), 3);
    assert_eq!(
        response.errors(),
        [
            NetilionError::Blank {
                message: "can't be blank".to_owned(),
                attribute: Some("name".to_owned()),
                status: 400,
            },
            NetilionError::TooLong {
                message: "is too long (maximum is 255 characters)".to_owned(),
                attribute: Some("description".to_owned()),
                status: 400,
            },
            NetilionError::InvalidEnumValue {
                message: "is not a valid value".to_owned(),
                attribute: Some("status".to_owned()),
                status: 400,
            },
        ]
    );
    assert_eq!(
        response.to_string(),
        "HTTP 400: blank: can't be blank (and 2 more errors)"
    );
    assert_eq!(response.kind(), Kind::BadRequest);
}

#[test]
fn entry_without_message_uses_the_description() {
    let body = br#"{"errors":[{"type":"blank","attribute":"asset"},{"type":"date_format","message":"is not a valid date","attribute":"produced_at"}]}"#;
    let response = NetilionError::decode(400, body);
    assert_eq!(response.errors().len(), 2);
    assert_eq!(
        response.first(),
        &NetilionError::Blank {
            message: "Mandatory field was not set.".to_owned(),
            attribute: Some("asset".to_owned()),
            status: 400,
        }
    );
    assert_eq!(
        response.errors()[1].spec_code(),
        Some(NetilionCode::DateFormat)
    );
    assert_eq!(
        response.first().to_string(),
        "blank: Mandatory field was not set."
    );
}

#[test]
fn too_many_requests_is_rate_limited_and_retryable() {
    let body = br#"{"errors":[{"type":"too_many_requests","message":"Too many requests, please try again later."}]}"#;
    let response = NetilionError::decode(429, body);
    assert!(response.is_retryable());
    assert_eq!(response.kind(), Kind::RateLimited);
    let error = single(response);
    assert_eq!(
        error,
        NetilionError::TooManyRequests {
            message: "Too many requests, please try again later.".to_owned(),
            attribute: None,
            status: 429,
        }
    );
    assert!(error.is_retryable());
    assert_eq!(error.documented_status(), Some(429));
}

#[test]
fn empty_429_is_still_throttling() {
    let error = single(NetilionError::decode(429, b""));
    assert_eq!(
        error,
        NetilionError::Throttled {
            message: "Throttling: too many requests this minute (the body carried no error type)."
                .to_owned(),
            code: None,
            attribute: None,
            status: 429,
        }
    );
    assert_eq!(error.code(), None);
    assert_eq!(error.kind(), Kind::RateLimited);
    assert!(error.is_retryable());
}

#[test]
fn authentication_failures_are_401() {
    for (type_, code) in [
        ("unauthorized", NetilionCode::Unauthorized),
        ("invalid_api_key", NetilionCode::InvalidApiKey),
        ("invalid_auth_type", NetilionCode::InvalidAuthType),
    ] {
        let body = format!(
            r#"{{"errors":[{{"type":"{type_}","message":"Missing or wrong API key, username or password"}}]}}"#
        );
        let error = single(NetilionError::decode(401, body.as_bytes()));
        assert_eq!(error.spec_code(), Some(code));
        assert_eq!(error.code(), Some(type_));
        assert_eq!(error.kind(), Kind::Unauthenticated);
        assert_eq!(error.documented_status(), Some(401));
        assert!(!error.is_retryable());
    }
}

#[test]
fn quota_and_expired_api_key_are_402() {
    let body = br#"{"errors":[{"type":"quota_exceeded","message":"asset quota exceeded","attribute":"asset"}]}"#;
    let error = single(NetilionError::decode(402, body));
    assert_eq!(
        error,
        NetilionError::QuotaExceeded {
            message: "asset quota exceeded".to_owned(),
            attribute: Some("asset".to_owned()),
            status: 402,
        }
    );
    assert_eq!(error.kind(), Kind::QuotaExceeded);
    assert!(!error.is_retryable());

    let body = br#"{"errors":[{"type":"expired_api_key","message":"API key has expired"}]}"#;
    let error = single(NetilionError::decode(402, body));
    assert!(matches!(
        &error,
        NetilionError::ExpiredApiKey {
            status: 402,
            attribute: None,
            ..
        }
    ));
    assert_eq!(error.kind(), Kind::QuotaExceeded);
}

#[test]
fn permission_errors_are_403() {
    for (type_, code) in [
        ("access_denied", NetilionCode::AccessDenied),
        ("read_only", NetilionCode::ReadOnly),
        ("immutable", NetilionCode::Immutable),
        (
            "attachments_limit_exceeded",
            NetilionCode::AttachmentsLimitExceeded,
        ),
    ] {
        let body = format!(
            r#"{{"errors":[{{"type":"{type_}","message":"not permitted","attribute":"asset"}}]}}"#
        );
        let error = single(NetilionError::decode(403, body.as_bytes()));
        assert_eq!(error.spec_code(), Some(code));
        assert_eq!(error.kind(), Kind::PermissionDenied);
        assert_eq!(error.documented_status(), Some(403));
    }
}

#[test]
fn not_found_no_permission_is_404() {
    let body = br#"{"errors":[{"type":"not_found_no_permission","message":"The requested resource could not be found","attribute":"node"}]}"#;
    let error = single(NetilionError::decode(404, body));
    assert_eq!(
        error,
        NetilionError::NotFoundNoPermission {
            message: "The requested resource could not be found".to_owned(),
            attribute: Some("node".to_owned()),
            status: 404,
        }
    );
    assert_eq!(error.kind(), Kind::NotFound);
}

#[test]
fn conflicts_are_409_with_the_conflicting_resource() {
    let body = br#"{"errors":[{"type":"association_conflict","message":"asset is assigned to another tenant","attribute":"asset"}]}"#;
    let error = single(NetilionError::decode(409, body));
    assert_eq!(
        error,
        NetilionError::AssociationConflict {
            message: "asset is assigned to another tenant".to_owned(),
            attribute: Some("asset".to_owned()),
            status: 409,
        }
    );
    assert_eq!(error.kind(), Kind::Conflict);
    for (type_, code) in [
        ("api_lockout", NetilionCode::ApiLockout),
        ("assigned_restriction", NetilionCode::AssignedRestriction),
        ("parent", NetilionCode::Parent),
        ("no_owner", NetilionCode::NoOwner),
        (
            "write_protected_attribute",
            NetilionCode::WriteProtectedAttribute,
        ),
    ] {
        let body = format!(r#"{{"errors":[{{"type":"{type_}","message":"conflict"}}]}}"#);
        let error = single(NetilionError::decode(409, body.as_bytes()));
        assert_eq!(error.spec_code(), Some(code));
        assert_eq!(error.kind(), Kind::Conflict);
    }
}

#[test]
fn unsupported_media_type_decodes_by_status() {
    let error = single(NetilionError::decode(415, b""));
    assert_eq!(
        error,
        NetilionError::UnsupportedMediaType {
            message:
                "The request contains a media type that is not whitelisted as attachment MIME type."
                    .to_owned(),
            code: None,
            attribute: None,
            status: 415,
        }
    );
    assert_eq!(error.kind(), Kind::UnsupportedMediaType);
    assert_eq!(error.code(), None);

    let body = br#"{"errors":[{"type":"invalid_content_type","message":"application/x-msdownload is not allowed","attribute":"file"}]}"#;
    let error = single(NetilionError::decode(415, body));
    assert_eq!(
        error,
        NetilionError::UnsupportedMediaType {
            message: "application/x-msdownload is not allowed".to_owned(),
            code: Some("invalid_content_type".to_owned()),
            attribute: Some("file".to_owned()),
            status: 415,
        }
    );
    assert_eq!(
        error.to_string(),
        "invalid_content_type: application/x-msdownload is not allowed"
    );
}

#[test]
fn server_errors_only_service_unavailable_is_retryable() {
    let body = br#"{"errors":[{"type":"internal_server_error","message":"An unexpected error occurred"}]}"#;
    let error = single(NetilionError::decode(500, body));
    assert!(matches!(
        &error,
        NetilionError::InternalServerError { status: 500, .. }
    ));
    assert_eq!(error.kind(), Kind::Internal);
    assert!(!error.is_retryable());

    let body = br#"{"errors":[{"type":"service_unavailable","message":"Service temporarily unavailable"}]}"#;
    let response = NetilionError::decode(500, body);
    assert!(response.is_retryable());
    let error = single(response);
    assert_eq!(
        error,
        NetilionError::ServiceUnavailable {
            message: "Service temporarily unavailable".to_owned(),
            attribute: None,
            status: 500,
        }
    );
    assert_eq!(error.kind(), Kind::Unavailable);
    assert_eq!(error.documented_status(), Some(500));
}

#[test]
fn unknown_type_is_kept() {
    let body = br#"{"errors":[{"type":"firmware_mismatch","message":"firmware does not match the device","attribute":"firmware"}]}"#;
    let error = single(NetilionError::decode(400, body));
    assert_eq!(
        error,
        NetilionError::Unknown {
            code: Some("firmware_mismatch".to_owned()),
            message: "firmware does not match the device".to_owned(),
            status: 400,
        }
    );
    assert_eq!(error.documented_status(), None);
    assert_eq!(error.kind(), Kind::BadRequest);
}

#[test]
fn a_response_is_retryable_only_when_every_error_is() {
    let body = br#"{"errors":[{"type":"too_many_requests","message":"slow down"},{"type":"blank","message":"can't be blank","attribute":"name"}]}"#;
    let response = NetilionError::decode(429, body);
    assert_eq!(response.errors().len(), 2);
    assert!(response.errors()[0].is_retryable());
    assert!(!response.errors()[1].is_retryable());
    assert!(!response.is_retryable());
}

#[test]
fn entry_without_type_decodes_by_status() {
    let body = br#"{"errors":[{"message":"Something went wrong"}]}"#;
    let error = single(NetilionError::decode(400, body));
    assert_eq!(
        error,
        NetilionError::Unknown {
            code: None,
            message: "Something went wrong".to_owned(),
            status: 400,
        }
    );
}

#[test]
fn empty_errors_array_decodes_by_status() {
    let error = single(NetilionError::decode(401, br#"{"errors": []}"#));
    assert_eq!(
        error,
        NetilionError::Unknown {
            code: None,
            message: "Unauthorized".to_owned(),
            status: 401,
        }
    );
    assert_eq!(error.kind(), Kind::Unauthenticated);
}

#[test]
fn single_object_under_errors_is_one_error() {
    let body = br#"{"errors": {"type": "id_format", "message": "is not a valid id", "attribute": "asset_id"}}"#;
    let error = single(NetilionError::decode(400, body));
    assert_eq!(
        error,
        NetilionError::IdFormat {
            message: "is not a valid id".to_owned(),
            attribute: Some("asset_id".to_owned()),
            status: 400,
        }
    );
}

#[test]
fn proxy_pages_decode_by_status() {
    let nginx = b"<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n</body>\r\n</html>\r\n";
    let response = NetilionError::decode(504, nginx);
    assert!(response.is_retryable());
    let error = single(response);
    assert_eq!(
        error,
        NetilionError::Unknown {
            code: None,
            message: "Gateway Timeout".to_owned(),
            status: 504,
        }
    );
    assert_eq!(error.kind(), Kind::Unavailable);

    let cloudflare = b"<!DOCTYPE html><html><head><title>api.netilion.endress.com | 502: Bad gateway</title></head><body><h1>Bad gateway</h1><span>Error code 502</span></body></html>";
    let error = single(NetilionError::decode(502, cloudflare));
    assert_eq!(error.message(), "Bad Gateway");
    assert!(error.is_retryable());
    assert_eq!(error.to_string(), "Bad Gateway");
    assert_eq!(
        NetilionError::decode(502, cloudflare).raw_body(),
        &cloudflare[..]
    );
}

#[test]
fn a_body_cut_short_keeps_the_errors_it_completed() {
    let body = br#"{"errors":[{"type":"taken","message":"has already been taken","attribute":"name"},{"type":"bla"#;
    let response = NetilionError::decode(400, body);
    assert!(response.raw_body().is_empty());
    let error = single(response);
    assert_eq!(
        error,
        NetilionError::Taken {
            message: "has already been taken".to_owned(),
            attribute: Some("name".to_owned()),
            status: 400,
        }
    );
}

#[test]
fn code_table_lists_the_55_documented_types() {
    // The page's list of implemented types (43), service_unavailable from the 500 row, and
    // the 11 more types named in the response-codes table (vendor notes).
    let mut expected = vec![
        "access_denied",
        "api_lockout",
        "assigned",
        "assigned_restriction",
        "association_blank",
        "association_not_found",
        "associations_not_found",
        "associations_already_added",
        "association_tenant_conflict",
        "association_conflict",
        "blank",
        "boolean_format",
        "date_format",
        "date_range",
        "date_time_format",
        "date_year_month_format",
        "greater_than",
        "id_format",
        "internal_server_error",
        "invalid",
        "invalid_input",
        "invalid_enum_value",
        "key_format",
        "lockout",
        "less_than",
        "missing_header",
        "missing_parameter",
        "not_a_number",
        "not_unique_in_scope",
        "number_format",
        "parameter_missing",
        "parent",
        "present",
        "quota_exceeded",
        "specification_not_found",
        "specifications_not_found",
        "taken",
        "tenant_on_child",
        "too_long",
        "too_short",
        "unconfirmed",
        "wrong_format",
        "wrong_length",
        "service_unavailable",
        "invalid_api_key",
        "invalid_auth_type",
        "unauthorized",
        "expired_api_key",
        "read_only",
        "immutable",
        "attachments_limit_exceeded",
        "not_found_no_permission",
        "no_owner",
        "write_protected_attribute",
        "too_many_requests",
    ];
    // 55 types plus the status-only 415 and 429 entries.
    assert_eq!(NetilionCode::ALL.len(), 57);
    let mut actual: Vec<&str> = NetilionCode::ALL
        .iter()
        .filter(|code| {
            !matches!(
                code,
                NetilionCode::UnsupportedMediaType | NetilionCode::Throttled
            )
        })
        .map(|code| code.as_str())
        .collect();
    expected.sort_unstable();
    actual.sort_unstable();
    assert_eq!(actual, expected);
}

#[test]
fn code_facts() {
    assert_eq!(NetilionCode::Taken.as_str(), "taken");
    assert_eq!(NetilionCode::Taken.status(), Some(400));
    assert_eq!(
        NetilionCode::Taken.description(),
        "Unique field is already taken."
    );
    assert_eq!(NetilionCode::TooManyRequests.status(), Some(429));
    assert_eq!(NetilionCode::TooManyRequests.kind(), Kind::RateLimited);
    assert!(NetilionCode::TooManyRequests.is_retryable());
    assert_eq!(NetilionCode::ServiceUnavailable.status(), Some(500));
    assert_eq!(NetilionCode::ServiceUnavailable.kind(), Kind::Unavailable);
    assert_eq!(NetilionCode::QuotaExceeded.kind(), Kind::QuotaExceeded);
    assert_eq!(NetilionCode::NotANumber.as_str(), "not_a_number");
    assert_eq!(NetilionCode::ApiLockout.status(), Some(409));
    assert_eq!(NetilionCode::Lockout.status(), Some(400));
    assert_eq!(NetilionCode::UnsupportedMediaType.status(), Some(415));
    assert_eq!(
        NetilionCode::UnsupportedMediaType.as_str(),
        "UnsupportedMediaType"
    );
}

#[test]
fn generic_callers_see_fields_and_description() {
    let body = br#"{"errors":[{"type":"specification_not_found","message":"specification not found","attribute":"eh.pcps.tmp.ordercode"}]}"#;
    let error = single(NetilionError::decode(400, body));
    assert_eq!(ApiError::variant_name(&error), "SpecificationNotFound");
    assert_eq!(
        ApiError::details(&error),
        vec![("attribute", Some("eh.pcps.tmp.ordercode"))]
    );
    assert_eq!(
        ApiError::spec_description(&error),
        Some("Specification for given key not found.")
    );
    assert_eq!(ApiError::spec_solution(&error), None);
}

#[test]
fn a_blank_duplicate_type_is_the_last_word() {
    // Of duplicate keys the last wins: a blank last `type` leaves the error without a code.
    let body = br#"{"errors": [{"type": "taken", "type": " ", "message": "has already been taken", "attribute": "name"}]}"#;
    let error = single(NetilionError::decode(422, body));
    assert!(
        matches!(&error, NetilionError::Unknown { code: None, .. }),
        "{error:?}"
    );
    assert_eq!(error.message(), "has already been taken");
}
