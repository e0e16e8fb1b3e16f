//! Telecom X (seed 003 and vendor-notes.md): `{"error": {"code", "status", "message", "path"?,
//! "check"?, "inner"?}}` where `code` is a generic code or the path of the failed property,
//! `invalid_token` carries three meanings told apart by the message, and `multiple` wraps
//! several errors.

use crate::common;

use common::single;
use errspec::{ApiError, Kind};
use errspec_tests::telecomx::{TelecomXCode, TelecomXError};

// The seed's single-error example, as real JSON (the page writes a JavaScript literal).
const SEED_SINGLE: &str = r#"{
  "error": {
    "message": "MVNO account not found",
    "code": "mvnoAccount",
    "status": 404
  }
}"#;

// The seed's multiple-errors example, verbatim: it is JSON, with the page's typo
// `" message"` (a key with a leading space) in the third inner error.
const SEED_MULTIPLE: &str = r#"{
  "error": {
    "code": "multiple",
    "status": 422,
    "inner": [
      {
        "message": "User not found",
        "code": "userId",
        "status": 404
      },
      {
        "message": "Invalid street",
        "code": "address.street",
        "status": 422
      },
      {
       " message": "Zip is missing",
        "code": "address.zip",
        "status": 404
      }
    ]
  }
}"#;

const NOT_FOUND_DESCRIPTION: &str = "A required item or property is not found or missing.";

fn invalid_token(message: &str) -> String {
    format!(r#"{{"error": {{"code": "invalid_token", "status": 401, "message": "{message}"}}}}"#)
}

#[test]
fn seed_single_error_keeps_the_property_path() {
    let response = TelecomXError::decode(404, SEED_SINGLE.as_bytes());
    assert_eq!(response.status(), 404);
    let error = single(response);
    assert_eq!(
        error,
        TelecomXError::PropertyNotFound {
            message: "MVNO account not found".to_owned(),
            code: Some("mvnoAccount".to_owned()),
            path: None,
            check: None,
            status: 404,
        }
    );
    assert_eq!(error.code(), Some("mvnoAccount"));
    assert_eq!(error.message(), "MVNO account not found");
    assert_eq!(error.kind(), Kind::NotFound);
    assert!(!error.is_retryable());
    assert_eq!(error.documented_status(), Some(404));
    assert_eq!(error.status(), 404);
    assert_eq!(error.spec_code(), Some(TelecomXCode::PropertyNotFound));
    assert_eq!(error.to_string(), "mvnoAccount: MVNO account not found");
}

#[test]
fn seed_multiple_yields_the_inner_errors_in_order() {
    let response = TelecomXError::decode(422, SEED_MULTIPLE.as_bytes());
    assert_eq!(response.status(), 422);
    assert_eq!(response.errors().len(), 3);
    assert_eq!(
        response.errors(),
        [
            TelecomXError::PropertyNotFound {
                message: "User not found".to_owned(),
                code: Some("userId".to_owned()),
                path: None,
                check: None,
                status: 404,
            },
            TelecomXError::PropertyInvalid {
                message: "Invalid street".to_owned(),
                code: Some("address.street".to_owned()),
                path: None,
                check: None,
                status: 422,
            },
            // The page's `" message"` key is not `message`: the description stands in.
            TelecomXError::PropertyNotFound {
                message: NOT_FOUND_DESCRIPTION.to_owned(),
                code: Some("address.zip".to_owned()),
                path: None,
                check: None,
                status: 404,
            },
        ]
    );
    assert_eq!(response.kind(), Kind::NotFound);
    assert!(!response.is_retryable());
    assert_eq!(
        response.to_string(),
        "HTTP 422: userId: User not found (and 2 more errors)"
    );
}

#[test]
fn multiple_with_real_messages_paths_and_checks() {
    let body = br#"{"error":{"code":"multiple","status":422,"message":"Multiple errors","inner":[
        {"code":"address.zip","path":"address.zip","check":"required","status":404,"message":"Zip is missing"},
        {"code":"ratePlan","path":"ratePlan","check":"exists","status":409,"message":"Rate plan already assigned"}]}}"#;
    let response = TelecomXError::decode(422, body);
    assert_eq!(
        response.errors(),
        [
            TelecomXError::PropertyNotFound {
                message: "Zip is missing".to_owned(),
                code: Some("address.zip".to_owned()),
                path: Some("address.zip".to_owned()),
                check: Some("required".to_owned()),
                status: 404,
            },
            TelecomXError::PropertyConflict {
                message: "Rate plan already assigned".to_owned(),
                code: Some("ratePlan".to_owned()),
                path: Some("ratePlan".to_owned()),
                check: Some("exists".to_owned()),
                status: 409,
            },
        ]
    );
    let kinds: Vec<Kind> = response.iter().map(TelecomXError::kind).collect();
    assert_eq!(kinds, [Kind::NotFound, Kind::Conflict]);
}

#[test]
fn inner_errors_without_a_status_take_the_response_status() {
    let body = br#"{"error":{"code":"multiple","status":422,"inner":[{"code":"customer.email","message":"Invalid email"},{"code":"expired","message":"Session has expired, please login","status":401}]}}"#;
    let response = TelecomXError::decode(422, body);
    assert_eq!(response.errors().len(), 2);
    assert!(matches!(
        &response.errors()[0],
        TelecomXError::PropertyInvalid { code: Some(code), status: 422, .. } if code == "customer.email"
    ));
    assert!(matches!(
        &response.errors()[1],
        TelecomXError::Expired { status: 401, .. }
    ));
}

#[test]
fn multiple_with_an_empty_inner_is_the_wrapper_itself() {
    let body = br#"{"error": {"code": "multiple", "status": 422, "message": "Multiple errors", "inner": []}}"#;
    let error = single(TelecomXError::decode(422, body));
    assert_eq!(
        error,
        TelecomXError::Multiple {
            message: "Multiple errors".to_owned(),
            path: None,
            check: None,
            status: 422,
        }
    );
    assert_eq!(error.code(), Some("multiple"));
    assert_eq!(error.kind(), Kind::Unprocessable);
    assert_eq!(error.documented_status(), Some(422));
    assert_eq!(error.to_string(), "multiple: Multiple errors");
}

#[test]
fn multiple_without_inner_or_message_uses_the_description() {
    let body = br#"{"error": {"code": "multiple", "status": 422}}"#;
    let error = single(TelecomXError::decode(422, body));
    assert_eq!(
        error,
        TelecomXError::Multiple {
            message: "Several errors occurred; inner holds them.".to_owned(),
            path: None,
            check: None,
            status: 422,
        }
    );
}

#[test]
fn property_path_codes_take_their_meaning_from_the_status() {
    let cases: [(u16, TelecomXCode, Kind, &str); 5] = [
        (
            404,
            TelecomXCode::PropertyNotFound,
            Kind::NotFound,
            "Agreement grant token not found",
        ),
        (
            409,
            TelecomXCode::PropertyConflict,
            Kind::Conflict,
            "Agreement grant token already in use by another customer",
        ),
        (
            422,
            TelecomXCode::PropertyInvalid,
            Kind::Unprocessable,
            "Agreement grant token is invalid",
        ),
        (
            403,
            TelecomXCode::PropertyForbidden,
            Kind::PermissionDenied,
            "Not allowed to change the agreement grant token",
        ),
        (
            400,
            TelecomXCode::PropertyBadRequest,
            Kind::BadRequest,
            "Agreement grant token could not be parsed",
        ),
    ];
    for (status, code, kind, message) in cases {
        let body = format!(
            r#"{{"error": {{"code": "economic.agreementGrantToken", "path": "economic.agreementGrantToken", "status": {status}, "message": "{message}"}}}}"#
        );
        let error = single(TelecomXError::decode(status, body.as_bytes()));
        assert_eq!(error.spec_code(), Some(code), "{error:?}");
        assert_eq!(error.kind(), kind, "{error:?}");
        assert_eq!(error.code(), Some("economic.agreementGrantToken"));
        assert_eq!(error.message(), message);
        assert_eq!(error.status(), status);
        assert_eq!(error.documented_status(), Some(status));
        assert!(!error.is_retryable());
        assert_eq!(
            error.details(),
            vec![
                ("path", Some("economic.agreementGrantToken")),
                ("check", None)
            ]
        );
        assert_eq!(
            error.to_string(),
            format!("economic.agreementGrantToken: {message}")
        );
    }
}

#[test]
fn property_conflict_whole_value() {
    let body = br#"{"error":{"code":"economic.agreementGrantToken","path":"economic.agreementGrantToken","check":"unique","status":409,"message":"Agreement grant token already in use"}}"#;
    let error = single(TelecomXError::decode(409, body));
    assert_eq!(
        error,
        TelecomXError::PropertyConflict {
            message: "Agreement grant token already in use".to_owned(),
            code: Some("economic.agreementGrantToken".to_owned()),
            path: Some("economic.agreementGrantToken".to_owned()),
            check: Some("unique".to_owned()),
            status: 409,
        }
    );
}

#[test]
fn invalid_token_is_told_apart_by_its_message() {
    let cases: [(&str, TelecomXError); 4] = [
        (
            "Undecipherable",
            TelecomXError::TokenUndecipherable {
                message: "Undecipherable".to_owned(),
                path: None,
                check: None,
                status: 401,
            },
        ),
        (
            "IP address not authenticated",
            TelecomXError::TokenIpMismatch {
                message: "IP address not authenticated".to_owned(),
                path: None,
                check: None,
                status: 401,
            },
        ),
        (
            "Please login",
            TelecomXError::LoginRequired {
                message: "Please login".to_owned(),
                path: None,
                check: None,
                status: 401,
            },
        ),
        (
            "Token signature verification failed",
            TelecomXError::InvalidToken {
                message: "Token signature verification failed".to_owned(),
                path: None,
                check: None,
                status: 401,
            },
        ),
    ];
    for (message, expected) in cases {
        let error = single(TelecomXError::decode(
            401,
            invalid_token(message).as_bytes(),
        ));
        assert_eq!(error, expected);
        assert_eq!(error.code(), Some("invalid_token"));
        assert_eq!(error.kind(), Kind::Unauthenticated);
        assert_eq!(error.documented_status(), Some(401));
        assert!(!error.is_retryable());
        assert_eq!(error.to_string(), format!("invalid_token: {message}"));
    }
}

#[test]
fn invalid_token_without_a_message_is_the_catch_all() {
    let error = single(TelecomXError::decode(
        401,
        br#"{"error": {"code": "invalid_token", "status": 401}}"#,
    ));
    assert_eq!(
        error,
        TelecomXError::InvalidToken {
            message: "The token is invalid.".to_owned(),
            path: None,
            check: None,
            status: 401,
        }
    );
    assert_eq!(error.to_string(), "invalid_token: The token is invalid.");
}

#[test]
fn invalid_token_tolerates_a_final_period() {
    let error = single(TelecomXError::decode(
        401,
        invalid_token("IP address not authenticated.").as_bytes(),
    ));
    assert_eq!(error.spec_code(), Some(TelecomXCode::TokenIpMismatch));
    assert_eq!(error.message(), "IP address not authenticated.");
}

#[test]
fn authorization_codes_of_the_general_table() {
    let cases: [(&str, &str, TelecomXCode); 3] = [
        (
            "expired",
            "Session has expired, please login",
            TelecomXCode::Expired,
        ),
        (
            "credentials_invalid",
            "Authorization required, please login",
            TelecomXCode::CredentialsInvalid,
        ),
        (
            "format_error",
            "Authorization header format is Authorization: Bearer <token>",
            TelecomXCode::FormatError,
        ),
    ];
    for (code, message, expected) in cases {
        let body =
            format!(r#"{{"error": {{"code": "{code}", "status": 401, "message": "{message}"}}}}"#);
        let error = single(TelecomXError::decode(401, body.as_bytes()));
        assert_eq!(error.spec_code(), Some(expected), "{error:?}");
        assert_eq!(error.code(), Some(code));
        assert_eq!(error.message(), message);
        assert_eq!(error.kind(), Kind::Unauthenticated);
        assert_eq!(error.to_string(), format!("{code}: {message}"));
    }
    let error = single(TelecomXError::decode(
        401,
        br#"{"error":{"code":"expired","status":401,"message":"Session has expired, please login"}}"#,
    ));
    assert_eq!(
        error,
        TelecomXError::Expired {
            message: "Session has expired, please login".to_owned(),
            path: None,
            check: None,
            status: 401,
        }
    );
}

#[test]
fn other_generic_codes() {
    let cases: [(u16, &str, TelecomXCode, Kind); 4] = [
        (
            400,
            "bad_request",
            TelecomXCode::BadRequest,
            Kind::BadRequest,
        ),
        (
            403,
            "access_denied",
            TelecomXCode::AccessDenied,
            Kind::PermissionDenied,
        ),
        (404, "not_found", TelecomXCode::NotFound, Kind::NotFound),
        (
            500,
            "internal_error",
            TelecomXCode::InternalError,
            Kind::Internal,
        ),
    ];
    for (status, code, expected, kind) in cases {
        let body = format!(
            r#"{{"error": {{"code": "{code}", "status": {status}, "message": "Request failed"}}}}"#
        );
        let error = single(TelecomXError::decode(status, body.as_bytes()));
        assert_eq!(error.spec_code(), Some(expected), "{error:?}");
        assert_eq!(error.code(), Some(code));
        assert_eq!(error.kind(), kind);
        assert_eq!(error.documented_status(), Some(status));
    }
}

#[test]
fn error_without_status_uses_the_response_status() {
    let body = br#"{"error": {"code": "customer", "message": "Customer not found"}}"#;
    let error = single(TelecomXError::decode(404, body));
    assert_eq!(
        error,
        TelecomXError::PropertyNotFound {
            message: "Customer not found".to_owned(),
            code: Some("customer".to_owned()),
            path: None,
            check: None,
            status: 404,
        }
    );
}

#[test]
fn undocumented_generic_code_at_401_is_unauthorized_with_its_code() {
    let body = br#"{"error": {"code": "token_revoked", "status": 401, "message": "Token has been revoked"}}"#;
    let error = single(TelecomXError::decode(401, body));
    assert_eq!(
        error,
        TelecomXError::Unauthorized {
            message: "Token has been revoked".to_owned(),
            code: Some("token_revoked".to_owned()),
            path: None,
            check: None,
            status: 401,
        }
    );
    assert_eq!(error.kind(), Kind::Unauthenticated);
}

#[test]
fn code_at_an_unmapped_status_is_unknown() {
    let body = br#"{"error": {"code": "rate_limited", "status": 429, "message": "Slow down"}}"#;
    let error = single(TelecomXError::decode(429, body));
    assert_eq!(
        error,
        TelecomXError::Unknown {
            code: Some("rate_limited".to_owned()),
            message: "Slow down".to_owned(),
            status: 429,
        }
    );
    assert_eq!(error.kind(), Kind::RateLimited);
    assert!(error.is_retryable());
}

#[test]
fn empty_bodies_decode_by_status() {
    let error = single(TelecomXError::decode(401, b""));
    assert_eq!(
        error,
        TelecomXError::Unauthorized {
            message: "The user did not present a valid token, and needs to login.".to_owned(),
            code: None,
            path: None,
            check: None,
            status: 401,
        }
    );
    assert_eq!(error.code(), None);
    assert_eq!(
        error.to_string(),
        "The user did not present a valid token, and needs to login."
    );

    let error = single(TelecomXError::decode(500, b""));
    assert_eq!(
        error,
        TelecomXError::ServerError {
            message: "The server had an unexpected error.".to_owned(),
            code: None,
            path: None,
            check: None,
            status: 500,
        }
    );
    assert_eq!(error.kind(), Kind::Internal);
}

#[test]
fn json_without_an_error_object_decodes_by_status() {
    let error = single(TelecomXError::decode(404, br#"{"message":"Not Found"}"#));
    assert_eq!(
        error,
        TelecomXError::PropertyNotFound {
            message: NOT_FOUND_DESCRIPTION.to_owned(),
            code: None,
            path: None,
            check: None,
            status: 404,
        }
    );
}

#[test]
fn cloudflare_bad_gateway_page_is_retryable_unknown() {
    let body = b"<!DOCTYPE html>\n<!--[if lt IE 7]> <html class=\"no-js ie6 oldie\" lang=\"en-US\"> <![endif]-->\n<head><title>api.telecomx.dk | 502: Bad gateway</title></head>\n<body><div id=\"cf-error-details\"><h1>Bad gateway</h1><span>Error code 502</span><p>Cloudflare Ray ID: <strong>8a1b2c3d4e5f6789</strong></p></div></body></html>";
    let response = TelecomXError::decode(502, body);
    assert!(response.is_retryable());
    let error = single(response);
    assert_eq!(
        error,
        TelecomXError::Unknown {
            code: None,
            message: "Bad Gateway".to_owned(),
            status: 502,
        }
    );
    assert_eq!(error.kind(), Kind::Unavailable);
    assert!(!error.to_string().contains("Cloudflare"));
}

#[test]
fn cloudflare_origin_timeout_page_decodes_by_status() {
    let body = b"<!DOCTYPE html><html><head><title>api.telecomx.dk | 522: Connection timed out</title></head><body><h1>Connection timed out</h1><span>Error code 522</span></body></html>";
    let response = TelecomXError::decode(522, body);
    assert_eq!(response.raw_body(), body);
    let error = single(response);
    assert_eq!(
        error,
        TelecomXError::Unknown {
            code: None,
            message: "HTTP status 522".to_owned(),
            status: 522,
        }
    );
    assert_eq!(error.spec_code(), None);
}

#[test]
fn code_table() {
    // 3 authorization codes, 4 invalid_token meanings, bad_request, access_denied,
    // not_found, internal_error, multiple; 7 status-only entries.
    assert_eq!(TelecomXCode::ALL.len(), 19);
    let invalid_token = TelecomXCode::ALL
        .iter()
        .filter(|code| code.as_str() == "invalid_token")
        .count();
    assert_eq!(invalid_token, 4);
    assert_eq!(TelecomXCode::TokenIpMismatch.as_str(), "invalid_token");
    assert_eq!(
        TelecomXCode::TokenIpMismatch.template(),
        Some("IP address not authenticated")
    );
    assert_eq!(TelecomXCode::InvalidToken.template(), None);
    assert_eq!(TelecomXCode::Expired.status(), Some(401));
    assert_eq!(TelecomXCode::Expired.kind(), Kind::Unauthenticated);
    assert_eq!(TelecomXCode::Multiple.as_str(), "multiple");
    assert_eq!(TelecomXCode::Multiple.kind(), Kind::Unprocessable);
    assert_eq!(TelecomXCode::PropertyNotFound.as_str(), "PropertyNotFound");
    assert_eq!(TelecomXCode::PropertyNotFound.status(), Some(404));
    assert_eq!(
        TelecomXCode::PropertyConflict.description(),
        "A property is in conflict with another item."
    );
    assert_eq!(TelecomXCode::PropertyInvalid.kind(), Kind::Unprocessable);
    assert_eq!(TelecomXCode::InternalError.status(), Some(500));
}

#[test]
fn generic_callers_see_the_solution() {
    let error = single(TelecomXError::decode(
        401,
        invalid_token("IP address not authenticated").as_bytes(),
    ));
    assert_eq!(
        ApiError::spec_solution(&error),
        Some("Log in again from the current IP address.")
    );
    assert_eq!(ApiError::variant_name(&error), "TokenIpMismatch");
    assert!(ApiError::items(&error).is_empty());
}

#[test]
fn debug_pretty_prints_like_derive_and_unknown_keeps_its_code() {
    let error = single(TelecomXError::decode(
        404,
        br#"{"error": {"code": "mvnoAccount", "status": 404, "message": "MVNO account not found", "path": "mvnoAccount"}}"#,
    ));
    assert_eq!(
        format!("{error:#?}"),
        "PropertyNotFound {\n    message: \"MVNO account not found\",\n    code: Some(\n        \"mvnoAccount\",\n    ),\n    path: Some(\n        \"mvnoAccount\",\n    ),\n    check: None,\n    status: 404,\n}"
    );
    let unknown = single(TelecomXError::decode(
        418,
        br#"{"error": {"code": "teapot"}}"#,
    ));
    assert_eq!(
        format!("{unknown:?}"),
        r#"Unknown { code: Some("teapot"), message: "I'm a teapot", status: 418 }"#
    );
}
