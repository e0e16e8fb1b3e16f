//! IGEL IMI (seed 001 and vendor-notes.md): `{"message", "errorCode", "stackTrace"}` bodies,
//! message templates that must tolerate the server's drift from the documented table, no
//! documented status per code, and a Java stack trace that must never reach `Display`.

use crate::common;

use common::single;
use errspec::{ApiError, Kind};
use errspec_tests::igel_imi::{IgelImiCode, IgelImiError};

const SPRING_TRACE: &str = "[org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping.handleNoMatch(RequestMappingInfoHandlerMapping.java:213), org.springframework.web.servlet.handler.AbstractHandlerMethodMapping.lookupHandlerMethod(AbstractHandlerMethodMapping.java:422), org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1040)]";

fn body(code: &str, message: &str) -> String {
    format!(
        r#"{{"message": "{message}", "errorCode": "{code}", "stackTrace": "[com.igel.rm.rest.RestExceptionHandler.handle(RestExceptionHandler.java:57)]"}}"#
    )
}

#[test]
fn seed_example_method_not_supported_captures_the_quoted_method() {
    // The seed's body, with the stack trace it elides completed so that it is JSON.
    let seed = format!(
        r#"{{
"message": "Request method 'GET' not supported",
"errorCode": "ITG-0A011",
"stackTrace": "{SPRING_TRACE}"
}}"#
    );
    let response = IgelImiError::decode(405, seed.as_bytes());
    assert_eq!(response.status(), 405);
    let error = single(response);
    assert_eq!(
        error,
        IgelImiError::MethodNotSupported {
            message: "Request method 'GET' not supported".to_owned(),
            stack_trace: Some(SPRING_TRACE.to_owned()),
            method: Some("GET".to_owned()),
            status: 405,
        }
    );
    assert_eq!(error.code(), Some("ITG-0A011"));
    assert_eq!(error.spec_code(), Some(IgelImiCode::MethodNotSupported));
    assert_eq!(error.documented_status(), None);
    assert_eq!(error.status(), 405);
    assert_eq!(error.kind(), Kind::MethodNotAllowed);
    assert!(!error.is_retryable());
    assert_eq!(
        error.details(),
        vec![("stack_trace", Some(SPRING_TRACE)), ("method", Some("GET")),]
    );
    let shown = error.to_string();
    assert_eq!(shown, "ITG-0A011: Request method 'GET' not supported");
    assert!(!shown.contains("springframework"));
    assert!(!format!("{error:#}").contains("DispatcherServlet"));
}

#[test]
fn table_wording_of_method_not_supported_also_matches() {
    let error = single(IgelImiError::decode(
        405,
        body("ITG-0A011", "Request method PATCH not supported.").as_bytes(),
    ));
    assert!(matches!(
        &error,
        IgelImiError::MethodNotSupported { method: Some(method), status: 405, .. } if method == "PATCH"
    ));
}

#[test]
fn typographic_quotes_around_the_method_are_stripped() {
    // JSON escapes for the quotes, as Jackson may write them.
    let text =
        r#"{"message": "Request method \u2018PUT\u2019 not supported", "errorCode": "ITG-0A011"}"#;
    let error = single(IgelImiError::decode(405, text.as_bytes()));
    assert_eq!(
        error,
        IgelImiError::MethodNotSupported {
            message: "Request method \u{2018}PUT\u{2019} not supported".to_owned(),
            stack_trace: None,
            method: Some("PUT".to_owned()),
            status: 405,
        }
    );
}

#[test]
fn every_parameter_of_the_page_table_wording_is_captured() {
    // The page's own texts with their placeholders filled in.
    let cases: [(&str, &str, &str, &str); 10] = [
        ("ITG-0A001", "Thin client with ID 17 not found.", "id", "17"),
        ("ITG-0A002", "No target directory with ID 5 found.", "id", "5"),
        ("ITG-0A003", "shutdown_now is an invalid command.", "command", "shutdown_now"),
        ("ITG-0A005", "Could not read JSON: Unrecognized token 'tru'", "details", "Unrecognized token 'tru'"),
        ("ITG-0A006", "Directory with ID 9 is not empty. Remove content first.", "id", "9"),
        ("ITG-0A011", "Request method DELETE not supported.", "method", "DELETE"),
        ("ITG-0A015", "Firmware with ID 230 does not exist.", "id", "230"),
        ("ITG-0A016", "Parent with ID 3 does not exist.", "id", "3"),
        ("ITG-0B004", "No session found for requested session ID 8F14E45F.", "id", "8F14E45F"),
        (
            "ITG-0A008",
            "Error 23505: The statement was aborted because it would have caused a duplicate key value in a unique index",
            "value",
            "in a unique index",
        ),
    ];
    for (code, message, param, value) in cases {
        let error = single(IgelImiError::decode(400, body(code, message).as_bytes()));
        assert_eq!(error.code(), Some(code));
        assert!(error.spec_code().is_some(), "{error:?}");
        let details = error.details();
        let captured = details
            .iter()
            .find(|(name, _)| *name == param)
            .unwrap_or_else(|| panic!("{code} has no parameter {param}: {details:?}"));
        assert_eq!(captured.1, Some(value), "{code}");
        assert_eq!(error.to_string(), format!("{code}: {message}"));
    }
}

#[test]
fn a_message_that_does_not_match_the_template_leaves_the_parameter_none() {
    let error = single(IgelImiError::decode(
        405,
        body("ITG-0A011", "Request method not supported").as_bytes(),
    ));
    assert_eq!(
        error,
        IgelImiError::MethodNotSupported {
            message: "Request method not supported".to_owned(),
            stack_trace: Some(
                "[com.igel.rm.rest.RestExceptionHandler.handle(RestExceptionHandler.java:57)]"
                    .to_owned()
            ),
            method: None,
            status: 405,
        }
    );

    let error = single(IgelImiError::decode(
        404,
        body("ITG-0A001", "Thin client not found").as_bytes(),
    ));
    assert!(matches!(
        &error,
        IgelImiError::ThinClientNotFound {
            id: None,
            status: 404,
            ..
        }
    ));
    assert_eq!(error.message(), "Thin client not found");
}

#[test]
fn thin_client_not_found_takes_its_kind_from_the_response_status() {
    let text = body("ITG-0A001", "Thin client with ID 4711 not found.");
    let error = single(IgelImiError::decode(404, text.as_bytes()));
    assert_eq!(
        error,
        IgelImiError::ThinClientNotFound {
            message: "Thin client with ID 4711 not found.".to_owned(),
            stack_trace: Some(
                "[com.igel.rm.rest.RestExceptionHandler.handle(RestExceptionHandler.java:57)]"
                    .to_owned()
            ),
            id: Some("4711".to_owned()),
            status: 404,
        }
    );
    assert_eq!(error.kind(), Kind::NotFound);
    assert_eq!(error.documented_status(), None);

    // The same code sent with another status follows that status.
    let error = single(IgelImiError::decode(400, text.as_bytes()));
    assert_eq!(error.kind(), Kind::BadRequest);
    assert_eq!(error.status(), 400);
}

#[test]
fn client_errors_without_documented_status_follow_the_response() {
    let cases: [(u16, String, IgelImiCode, Kind); 4] = [
        (
            409,
            body(
                "ITG-0A006",
                "Directory with ID 12 is not empty. Remove content first.",
            ),
            IgelImiCode::DirectoryNotEmpty,
            Kind::Conflict,
        ),
        (
            400,
            body("ITG-0A014", "MAC must be 12 characters long."),
            IgelImiCode::InvalidMacLength,
            Kind::BadRequest,
        ),
        (
            404,
            body("ITG-0A020", "No handler is mapped for this request."),
            IgelImiCode::NoHandlerMapped,
            Kind::NotFound,
        ),
        (
            422,
            body("ITG-0A024", "Invalid thin client name"),
            IgelImiCode::InvalidThinClientName,
            Kind::Unprocessable,
        ),
    ];
    for (status, text, code, kind) in cases {
        let error = single(IgelImiError::decode(status, text.as_bytes()));
        assert_eq!(error.spec_code(), Some(code), "{error:?}");
        assert_eq!(error.kind(), kind, "{error:?}");
        assert_eq!(error.documented_status(), None, "{error:?}");
        assert_eq!(error.status(), status);
    }
}

#[test]
fn directory_and_firmware_ids_are_captured() {
    let error = single(IgelImiError::decode(
        409,
        body(
            "ITG-0A006",
            "Directory with ID 12 is not empty. Remove content first.",
        )
        .as_bytes(),
    ));
    assert!(matches!(
        &error,
        IgelImiError::DirectoryNotEmpty { id: Some(id), .. } if id == "12"
    ));
    let error = single(IgelImiError::decode(
        404,
        body("ITG-0A015", "Firmware with ID 230 does not exist.").as_bytes(),
    ));
    assert!(matches!(
        &error,
        IgelImiError::FirmwareNotFound { id: Some(id), status: 404, .. } if id == "230"
    ));
}

#[test]
fn invalid_command_strips_quotes_around_the_command() {
    let error = single(IgelImiError::decode(
        400,
        body("ITG-0A003", "'reboot_now' is an invalid command.").as_bytes(),
    ));
    assert!(matches!(
        &error,
        IgelImiError::InvalidCommand { command: Some(command), .. } if command == "reboot_now"
    ));
    assert_eq!(
        error.to_string(),
        "ITG-0A003: 'reboot_now' is an invalid command."
    );
}

#[test]
fn could_not_read_json_captures_the_parser_details() {
    let text = r#"{"message":"Could not read JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name\n at [Source: (PushbackInputStream); line: 1, column: 18]","errorCode":"ITG-0A005","stackTrace":"[com.fasterxml.jackson.core.JsonParser._constructError(JsonParser.java:2337)]"}"#;
    let error = single(IgelImiError::decode(400, text.as_bytes()));
    assert_eq!(
        error,
        IgelImiError::CouldNotReadJson {
            message: "Could not read JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name\n at [Source: (PushbackInputStream); line: 1, column: 18]".to_owned(),
            stack_trace: Some("[com.fasterxml.jackson.core.JsonParser._constructError(JsonParser.java:2337)]".to_owned()),
            details: Some("Unexpected character ('}' (code 125)): was expecting double-quote to start field name\n at [Source: (PushbackInputStream); line: 1, column: 18]".to_owned()),
            status: 400,
        }
    );
    assert!(!error.to_string().contains("JsonParser.java"));
}

#[test]
fn duplicate_key_captures_both_parts_of_the_database_message() {
    let text = body(
        "ITG-0A008",
        "could not execute statement; The statement was aborted because it would have caused a duplicate key value in a unique or primary key constraint or unique index identified by 'SQL180412103352750' defined on 'THINCLIENT'.",
    );
    let error = single(IgelImiError::decode(409, text.as_bytes()));
    match &error {
        IgelImiError::DuplicateKey {
            details,
            value,
            status,
            ..
        } => {
            assert_eq!(details.as_deref(), Some("could not execute statement;"));
            assert_eq!(
                value.as_deref(),
                Some("in a unique or primary key constraint or unique index identified by 'SQL180412103352750' defined on 'THINCLIENT'")
            );
            assert_eq!(*status, 409);
        }
        other => panic!("expected DuplicateKey, got {other:?}"),
    }
    assert_eq!(error.kind(), Kind::Conflict);
}

#[test]
fn invalid_ssignment_typo_is_kept_on_the_wire_with_a_clean_variant() {
    let error = single(IgelImiError::decode(
        400,
        body("ITG-0A021", "Invalid ssignment").as_bytes(),
    ));
    assert!(matches!(
        &error,
        IgelImiError::InvalidAssignment { message, status: 400, .. } if message == "Invalid ssignment"
    ));
    assert_eq!(error.to_string(), "ITG-0A021: Invalid ssignment");
    assert_eq!(
        IgelImiCode::InvalidAssignment.template(),
        Some("Invalid ssignment")
    );
}

#[test]
fn session_not_found_is_unauthenticated_and_captures_the_session_id() {
    let error = single(IgelImiError::decode(
        401,
        body(
            "ITG-0B004",
            "No session found for requested session ID 5F2C1A0B9D8E7F6A5B4C3D2E1F0A9B8C.",
        )
        .as_bytes(),
    ));
    assert!(matches!(
        &error,
        IgelImiError::SessionNotFound { id: Some(id), status: 401, .. }
            if id == "5F2C1A0B9D8E7F6A5B4C3D2E1F0A9B8C"
    ));
    assert_eq!(error.kind(), Kind::Unauthenticated);
    assert!(!error.is_retryable());
}

#[test]
fn authentication_and_licensing_codes_keep_their_category_kind() {
    let cases: [(u16, String, IgelImiCode, Kind); 5] = [
        (
            401,
            body("ITG-0B001", "No authentication header found in request."),
            IgelImiCode::NoAuthenticationHeader,
            Kind::Unauthenticated,
        ),
        (
            401,
            body("ITG-0B003", "No session ID found."),
            IgelImiCode::NoSessionId,
            Kind::Unauthenticated,
        ),
        (
            403,
            body("ITG-0B005", "Access denied."),
            IgelImiCode::AccessDenied,
            Kind::PermissionDenied,
        ),
        (
            400,
            body("ITG-0B006", "No valid IMI API version."),
            IgelImiCode::NoValidApiVersion,
            Kind::BadRequest,
        ),
        (
            403,
            body("ITG-0C001", "License required"),
            IgelImiCode::LicenseRequired,
            Kind::PermissionDenied,
        ),
    ];
    for (status, text, code, kind) in cases {
        let error = single(IgelImiError::decode(status, text.as_bytes()));
        assert_eq!(error.spec_code(), Some(code), "{error:?}");
        assert_eq!(error.kind(), kind, "{error:?}");
        assert!(!error.is_retryable(), "{error:?}");
    }
    // The category decides even when the server sends an unexpected status.
    let error = single(IgelImiError::decode(
        500,
        body("ITG-0B002", "Invalid login credentials.").as_bytes(),
    ));
    assert_eq!(error.kind(), Kind::Unauthenticated);
}

#[test]
fn server_not_available_is_transient_other_server_errors_are_not() {
    let response = IgelImiError::decode(503, body("ITG-FF004", "Server not available").as_bytes());
    assert!(response.is_retryable());
    let error = single(response);
    assert!(matches!(
        &error,
        IgelImiError::ServerNotAvailable { status: 503, .. }
    ));
    assert_eq!(error.kind(), Kind::Unavailable);
    assert!(error.is_retryable());

    for (code, message, expected) in [
        ("ITG-FF001", "Internal error", IgelImiCode::InternalError),
        ("ITG-FF002", "Database error", IgelImiCode::DatabaseError),
        (
            "ITG-FF005",
            "Object mapping error",
            IgelImiCode::ObjectMappingError,
        ),
    ] {
        let error = single(IgelImiError::decode(500, body(code, message).as_bytes()));
        assert_eq!(error.spec_code(), Some(expected));
        assert_eq!(error.kind(), Kind::Internal);
        assert!(!error.is_retryable(), "{error:?}");
        assert_eq!(error.to_string(), format!("{code}: {message}"));
    }
}

#[test]
fn stack_trace_as_a_json_array_is_kept_as_compact_json() {
    let text = r#"{"message":"Internal error","errorCode":"ITG-FF001","stackTrace":[{"className":"com.igel.rm.Foo","methodName":"bar","lineNumber":42}]}"#;
    let error = single(IgelImiError::decode(500, text.as_bytes()));
    match &error {
        IgelImiError::InternalError {
            stack_trace: Some(trace),
            ..
        } => {
            assert!(trace.starts_with('['), "{trace}");
            assert!(trace.contains("com.igel.rm.Foo"), "{trace}");
            assert!(!trace.contains('\n'), "{trace}");
        }
        other => panic!("expected InternalError with a stack trace, got {other:?}"),
    }
    assert_eq!(error.to_string(), "ITG-FF001: Internal error");
}

#[test]
fn body_without_stack_trace_has_none() {
    let error = single(IgelImiError::decode(
        400,
        br#"{"message":"IDList is empty.","errorCode":"ITG-0A012"}"#,
    ));
    assert_eq!(
        error,
        IgelImiError::IdListEmpty {
            message: "IDList is empty.".to_owned(),
            stack_trace: None,
            status: 400,
        }
    );
}

#[test]
fn unknown_code_is_kept_with_the_response_kind() {
    let error = single(IgelImiError::decode(
        400,
        body("ITG-0A099", "Unsupported firmware update channel").as_bytes(),
    ));
    assert_eq!(
        error,
        IgelImiError::Unknown {
            code: Some("ITG-0A099".to_owned()),
            message: "Unsupported firmware update channel".to_owned(),
            status: 400,
        }
    );
    assert_eq!(error.kind(), Kind::BadRequest);
    assert_eq!(error.spec_code(), None);
    assert_eq!(
        error.to_string(),
        "ITG-0A099: Unsupported firmware update channel"
    );
}

#[test]
fn empty_401_without_a_session_is_unauthenticated() {
    let error = single(IgelImiError::decode(401, b""));
    assert_eq!(
        error,
        IgelImiError::Unknown {
            code: None,
            message: "Unauthorized".to_owned(),
            status: 401,
        }
    );
    assert_eq!(error.kind(), Kind::Unauthenticated);
}

#[test]
fn spring_boot_default_error_body_decodes_by_status() {
    let text = br#"{"timestamp":"2024-05-13T09:12:44.512+00:00","status":404,"error":"Not Found","message":"No message available","path":"/umsapi/v3/thinclients/abc"}"#;
    let error = single(IgelImiError::decode(404, text));
    assert_eq!(
        error,
        IgelImiError::Unknown {
            code: None,
            message: "No message available".to_owned(),
            status: 404,
        }
    );
    assert_eq!(error.kind(), Kind::NotFound);
}

#[test]
fn proxy_html_pages_decode_by_status() {
    let nginx = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    let response = IgelImiError::decode(502, nginx);
    assert!(response.is_retryable());
    let error = single(response);
    assert_eq!(
        error,
        IgelImiError::Unknown {
            code: None,
            message: "Bad Gateway".to_owned(),
            status: 502,
        }
    );
    let tomcat = b"<!doctype html><html lang=\"en\"><head><title>HTTP Status 503 \xE2\x80\x93 Service Unavailable</title></head><body><h1>HTTP Status 503 \xE2\x80\x93 Service Unavailable</h1></body></html>";
    let error = single(IgelImiError::decode(503, tomcat));
    assert_eq!(error.kind(), Kind::Unavailable);
    assert!(error.is_retryable());
    assert_eq!(error.message(), "Service Unavailable");
}

#[test]
fn code_table_lists_every_documented_code_without_a_status() {
    let mut expected: Vec<String> = Vec::new();
    expected.extend((1..=24).map(|n| format!("ITG-0A{n:03}")));
    expected.extend((1..=7).map(|n| format!("ITG-0B{n:03}")));
    expected.extend((1..=2).map(|n| format!("ITG-0C{n:03}")));
    expected.extend((1..=6).map(|n| format!("ITG-FF{n:03}")));
    assert_eq!(IgelImiCode::ALL.len(), 39);
    let actual: Vec<String> = IgelImiCode::ALL
        .iter()
        .map(|code| code.as_str().to_owned())
        .collect();
    assert_eq!(actual, expected);
    // IGEL publishes no status per code: none may be invented.
    for code in IgelImiCode::ALL {
        assert_eq!(code.status(), None, "{code:?}");
    }
}

#[test]
fn code_facts() {
    assert_eq!(IgelImiCode::MethodNotSupported.as_str(), "ITG-0A011");
    assert_eq!(
        IgelImiCode::MethodNotSupported.template(),
        Some("Request method {method} not supported.")
    );
    assert_eq!(IgelImiCode::ThinClientNotFound.kind(), Kind::Other);
    assert_eq!(
        IgelImiCode::ThinClientNotFound.description(),
        "No thin client exists with the given ID."
    );
    assert_eq!(IgelImiCode::CacheError.as_str(), "ITG-FF003");
    assert_eq!(IgelImiCode::CacheError.kind(), Kind::Internal);
    assert_eq!(IgelImiCode::ServerNotAvailable.as_str(), "ITG-FF004");
    assert_eq!(IgelImiCode::ServerNotAvailable.kind(), Kind::Unavailable);
    assert!(IgelImiCode::ServerNotAvailable.is_retryable());
    assert_eq!(
        IgelImiCode::InvalidObjectType.template(),
        Some("Invalid object type")
    );
    assert_eq!(IgelImiCode::AccessDenied.kind(), Kind::PermissionDenied);
    assert_eq!(IgelImiCode::NoUserInSession.kind(), Kind::Unauthenticated);
    assert_eq!(IgelImiCode::InvalidImiVersion.as_str(), "ITG-0C002");
}

#[test]
fn generic_callers_see_fields_and_description() {
    let error = single(IgelImiError::decode(
        404,
        body("ITG-0A002", "No target directory with ID 77 found.").as_bytes(),
    ));
    assert_eq!(ApiError::variant_name(&error), "TargetDirectoryNotFound");
    assert_eq!(
        ApiError::details(&error),
        vec![
            (
                "stack_trace",
                Some(
                    "[com.igel.rm.rest.RestExceptionHandler.handle(RestExceptionHandler.java:57)]"
                )
            ),
            ("id", Some("77")),
        ]
    );
    assert_eq!(
        ApiError::spec_description(&error),
        Some("No target directory exists with the given ID.")
    );
    assert!(ApiError::items(&error).is_empty());
}

#[test]
fn debug_shows_fields_then_template_parameters() {
    let error = single(IgelImiError::decode(
        404,
        br#"{"message": "Thin client with ID 42 not found.", "errorCode": "ITG-0A001", "stackTrace": "at x"}"#,
    ));
    assert_eq!(
        format!("{error:?}"),
        r#"ThinClientNotFound { message: "Thin client with ID 42 not found.", stack_trace: Some("at x"), id: Some("42"), status: 404 }"#
    );
}
