//! ITSM-NG (seed 000 and vendor-notes.md): `["ERROR_CODE", "message"]` bodies, messages
//! translated into the user's language, batch results in element 1 (wrapped) or as the whole
//! body (the seed's bare array), and what proxies and debug mode put in front of the API.

use crate::common;

use common::single;
use errspec::{ApiError, BatchItem, BatchItems, Kind};
use errspec_tests::itsm_ng::{ItsmNgCode, ItsmNgError};

fn item<'a>(id: Option<&'a str>, ok: bool, message: &'a str) -> BatchItem<'a> {
    BatchItem { id, ok, message }
}

// The seed's own example, verbatim.
const SEED_SESSION_TOKEN_MISSING: &str = r#"[
  "ERROR_SESSION_TOKEN_MISSING",
  "parameter session_token is missing or empty; view documentation in your browser at http://your-domain/api/#ERROR_SESSION_TOKEN_MISSING"
]"#;

// The seed's ERROR_GLPI_PARTIAL_ADD example: the per-item results without the [CODE, ...]
// wrapper.
const SEED_PARTIAL_ADD_BARE: &str = r#"[
  {"id": 8, "message": ""},
  {"id": false, "message": "You don't have permission to perform this action."},
  {"id": 9, "message": ""}
]"#;

const PARTIAL_ADD_DESCRIPTION: &str =
    "Some items in batch creation failed; the response includes the success/failure status of each item.";

#[test]
fn seed_example_decodes_as_session_token_missing() {
    let response = ItsmNgError::decode(400, SEED_SESSION_TOKEN_MISSING.as_bytes());
    assert_eq!(response.status(), 400);
    let error = single(response);
    let message = "parameter session_token is missing or empty; view documentation in your browser at http://your-domain/api/#ERROR_SESSION_TOKEN_MISSING";
    assert_eq!(
        error,
        ItsmNgError::SessionTokenMissing {
            message: message.to_owned(),
            status: 400,
        }
    );
    assert_eq!(error.code(), Some("ERROR_SESSION_TOKEN_MISSING"));
    assert_eq!(error.message(), message);
    assert_eq!(error.kind(), Kind::BadRequest);
    assert!(!error.is_retryable());
    assert_eq!(error.documented_status(), Some(400));
    assert_eq!(error.status(), 400);
    assert_eq!(error.spec_code(), Some(ItsmNgCode::SessionTokenMissing));
    assert_eq!(error.variant_name(), "SessionTokenMissing");
    assert!(error.items().is_empty());
    assert_eq!(
        error.to_string(),
        format!("ERROR_SESSION_TOKEN_MISSING: {message}")
    );
}

#[test]
fn seed_bare_partial_add_array_decodes_by_status_207() {
    let response = ItsmNgError::decode(207, SEED_PARTIAL_ADD_BARE.as_bytes());
    let error = single(response);
    let description =
        "Some items of a batch write failed; the body held only the per-item results.";
    assert_eq!(
        error,
        ItsmNgError::PartialFailure {
            message: description.to_owned(),
            code: None,
            items: BatchItems::from_iter([
                item(Some("8"), true, ""),
                item(
                    None,
                    false,
                    "You don't have permission to perform this action."
                ),
                item(Some("9"), true, ""),
            ]),
            status: 207,
        }
    );
    // The bare body carries no code, so none is reported.
    assert_eq!(error.code(), None);
    assert_eq!(error.kind(), Kind::PartialFailure);
    assert!(!error.is_retryable());
    assert_eq!(error.documented_status(), Some(207));
    assert_eq!(error.items().iter().filter(|item| item.ok).count(), 2);
    assert_eq!(error.to_string(), description);
}

#[test]
fn wrapped_partial_add_207_carries_its_items() {
    let body = br#"["ERROR_GLPI_PARTIAL_ADD", [{"id": 8, "message": ""}, {"id": false, "message": "Vous n'avez pas les droits requis pour effectuer cette action."}]]"#;
    let error = single(ItsmNgError::decode(207, body));
    assert_eq!(
        error,
        ItsmNgError::GlpiPartialAdd {
            message: PARTIAL_ADD_DESCRIPTION.to_owned(),
            items: BatchItems::from_iter([
                item(Some("8"), true, ""),
                item(
                    None,
                    false,
                    "Vous n'avez pas les droits requis pour effectuer cette action."
                ),
            ]),
            status: 207,
        }
    );
    assert_eq!(error.kind(), Kind::PartialFailure);
    assert_eq!(error.items().get(0).unwrap().id, Some("8"));
    assert!(!error.items().get(1).unwrap().ok);
    // The trait gives generic callers the same items.
    assert_eq!(ApiError::items(&error).len(), 2);
}

#[test]
fn partial_update_items_are_keyed_by_id() {
    let body = br#"["ERROR_GLPI_PARTIAL_UPDATE", [{"12": true, "message": ""}, {"13": false, "message": "Item not found"}]]"#;
    let error = single(ItsmNgError::decode(207, body));
    assert_eq!(
        error,
        ItsmNgError::GlpiPartialUpdate {
            message: "Some items in batch update failed; the response includes the success/failure status of each item.".to_owned(),
            items: BatchItems::from_iter([
                item(Some("12"), true, ""),
                item(Some("13"), false, "Item not found"),
            ]),
            status: 207,
        }
    );
    assert_eq!(error.code(), Some("ERROR_GLPI_PARTIAL_UPDATE"));
    assert_eq!(error.kind(), Kind::PartialFailure);
    assert_eq!(error.documented_status(), Some(207));
}

#[test]
fn partial_delete_items_are_keyed_by_id() {
    let body = br#"["ERROR_GLPI_PARTIAL_DELETE",[{"71":true,"message":""},{"72":false,"message":"Element introuvable"},{"73":true,"message":""}]]"#;
    let error = single(ItsmNgError::decode(207, body));
    assert!(matches!(
        &error,
        ItsmNgError::GlpiPartialDelete { status: 207, .. }
    ));
    assert_eq!(
        error.items().iter().collect::<Vec<_>>(),
        [
            item(Some("71"), true, ""),
            item(Some("72"), false, "Element introuvable"),
            item(Some("73"), true, ""),
        ]
    );
    assert_eq!(error.spec_code(), Some(ItsmNgCode::GlpiPartialDelete));
    assert_eq!(error.kind(), Kind::PartialFailure);
}

#[test]
fn all_failed_add_is_a_400_with_items() {
    let body = br#"["ERROR_GLPI_ADD", [{"id": false, "message": "You don't have permission to perform this action."}, {"id": false, "message": "Field name is mandatory"}]]"#;
    let error = single(ItsmNgError::decode(400, body));
    assert_eq!(
        error,
        ItsmNgError::GlpiAdd {
            message: "Failed to create item.".to_owned(),
            items: BatchItems::from_iter([
                item(
                    None,
                    false,
                    "You don't have permission to perform this action."
                ),
                item(None, false, "Field name is mandatory"),
            ]),
            status: 400,
        }
    );
    assert_eq!(error.kind(), Kind::BadRequest);
    assert!(!error.is_retryable());
    assert!(error.items().iter().all(|item| !item.ok));
}

#[test]
fn all_failed_delete_is_a_400_with_items_keyed_by_id() {
    let body = br#"["ERROR_GLPI_DELETE", [{"71": false, "message": "Item not found"}]]"#;
    let error = single(ItsmNgError::decode(400, body));
    assert_eq!(
        error,
        ItsmNgError::GlpiDelete {
            message: "Failed to delete item.".to_owned(),
            items: BatchItems::from_iter([item(Some("71"), false, "Item not found")]),
            status: 400,
        }
    );
    assert_eq!(error.code(), Some("ERROR_GLPI_DELETE"));
}

#[test]
fn single_object_add_failure_is_a_400_with_a_string_message() {
    let body = br#"["ERROR_GLPI_ADD", "You don't have permission to perform this action."]"#;
    let error = single(ItsmNgError::decode(400, body));
    assert_eq!(
        error,
        ItsmNgError::GlpiAdd {
            message: "You don't have permission to perform this action.".to_owned(),
            items: BatchItems::new(),
            status: 400,
        }
    );
    assert!(error.items().is_empty());
    assert_eq!(
        error.to_string(),
        "ERROR_GLPI_ADD: You don't have permission to perform this action."
    );
}

#[test]
fn single_object_update_failure_is_a_400_with_a_string_message() {
    let body = br#"["ERROR_GLPI_UPDATE", "Item is locked"]"#;
    let error = single(ItsmNgError::decode(400, body));
    assert_eq!(
        error,
        ItsmNgError::GlpiUpdate {
            message: "Item is locked".to_owned(),
            items: BatchItems::new(),
            status: 400,
        }
    );
    assert_eq!(error.documented_status(), Some(400));
}

#[test]
fn french_message_with_documentation_suffix_keys_on_the_code() {
    let message = "le paramètre session_token est manquant ou vide; voir la documentation dans votre navigateur à https://itsm.example.fr/apirest.php/#ERROR_SESSION_TOKEN_MISSING";
    let body = format!(r#"["ERROR_SESSION_TOKEN_MISSING", "{message}"]"#);
    let error = single(ItsmNgError::decode(400, body.as_bytes()));
    assert_eq!(
        error,
        ItsmNgError::SessionTokenMissing {
            message: message.to_owned(),
            status: 400,
        }
    );
    assert_eq!(
        error.to_string(),
        format!("ERROR_SESSION_TOKEN_MISSING: {message}")
    );
}

#[test]
fn german_message_without_documentation_suffix_keys_on_the_code() {
    let body = r#"["ERROR_SESSION_TOKEN_INVALID", "session_token scheint ungültig zu sein"]"#;
    let error = single(ItsmNgError::decode(401, body.as_bytes()));
    assert_eq!(
        error,
        ItsmNgError::SessionTokenInvalid {
            message: "session_token scheint ungültig zu sein".to_owned(),
            status: 401,
        }
    );
    assert_eq!(error.kind(), Kind::Unauthenticated);
    assert_eq!(error.documented_status(), Some(401));
    assert!(!error.is_retryable());
}

#[test]
fn german_message_with_documentation_suffix_keys_on_the_code() {
    let message = "Sie haben keine Berechtigung, diese Aktion auszuführen.; Dokumentation im Browser ansehen unter https://itsm.example.de/apirest.php/#ERROR_RIGHT_MISSING";
    let body = format!(r#"["ERROR_RIGHT_MISSING", "{message}"]"#);
    let error = single(ItsmNgError::decode(403, body.as_bytes()));
    assert_eq!(
        error,
        ItsmNgError::RightMissing {
            message: message.to_owned(),
            status: 403,
        }
    );
    assert_eq!(error.kind(), Kind::PermissionDenied);
    assert_eq!(error.documented_status(), Some(403));
}

#[test]
fn portuguese_message_with_documentation_suffix_keys_on_the_code() {
    let message = "Item não encontrado; veja a documentação em seu navegador em http://servicedesk.example.com.br/apirest.php/#ERROR_ITEM_NOT_FOUND";
    let body = format!(r#"["ERROR_ITEM_NOT_FOUND", "{message}"]"#);
    let error = single(ItsmNgError::decode(404, body.as_bytes()));
    assert_eq!(
        error,
        ItsmNgError::ItemNotFound {
            message: message.to_owned(),
            status: 404,
        }
    );
    assert_eq!(error.kind(), Kind::NotFound);
    assert_eq!(error.code(), Some("ERROR_ITEM_NOT_FOUND"));
}

#[test]
fn portuguese_message_without_documentation_suffix_keys_on_the_code() {
    let body = r#"["ERROR_WRONG_APP_TOKEN_PARAMETER","o parâmetro app_token parece estar errado"]"#;
    let error = single(ItsmNgError::decode(400, body.as_bytes()));
    assert_eq!(
        error,
        ItsmNgError::WrongAppTokenParameter {
            message: "o parâmetro app_token parece estar errado".to_owned(),
            status: 400,
        }
    );
    assert_eq!(error.kind(), Kind::BadRequest);
}

#[test]
fn not_allowed_ip_keeps_the_caller_ip_in_the_message() {
    // The server sends this one without the documentation suffix.
    let message = "There isn't an active API client matching your IP address in the configuration (203.0.113.54)";
    let body = format!(r#"["ERROR_NOT_ALLOWED_IP", "{message}"]"#);
    let error = single(ItsmNgError::decode(400, body.as_bytes()));
    assert_eq!(
        error,
        ItsmNgError::NotAllowedIp {
            message: message.to_owned(),
            status: 400,
        }
    );
    assert!(error.message().contains("(203.0.113.54)"));
    assert_eq!(error.kind(), Kind::BadRequest);
    assert_eq!(error.documented_status(), Some(400));
    assert!(!error.is_retryable());
}

#[test]
fn generic_error_code_carries_free_text() {
    let error = single(ItsmNgError::decode(400, br#"["ERROR", "API disabled"]"#));
    assert_eq!(
        error,
        ItsmNgError::Generic {
            message: "API disabled".to_owned(),
            status: 400,
        }
    );
    assert_eq!(error.code(), Some("ERROR"));
    assert_eq!(error.spec_code(), Some(ItsmNgCode::Generic));
    assert_eq!(error.kind(), Kind::BadRequest);
    assert_eq!(error.to_string(), "ERROR: API disabled");

    let error = single(ItsmNgError::decode(
        400,
        br#"["ERROR","range must be in format : [integer]-[integer]; view documentation in your browser at http://itsm.example.com/apirest.php/#ERROR"]"#,
    ));
    assert!(matches!(
        &error,
        ItsmNgError::Generic { message, status: 400 }
            if message.starts_with("range must be in format")
    ));
}

#[test]
fn parent_itemtype_error_missing_from_the_page_is_documented() {
    let body = br#"["ERROR_ITEMTYPE_NOT_FOUND_NOR_COMMONDBTM", "parent itemtype not found or not an instance of CommonDBTM"]"#;
    let error = single(ItsmNgError::decode(400, body));
    assert_eq!(
        error,
        ItsmNgError::ItemtypeNotFoundNorCommondbtm {
            message: "parent itemtype not found or not an instance of CommonDBTM".to_owned(),
            status: 400,
        }
    );
    assert_eq!(error.documented_status(), Some(400));
    assert_eq!(
        error.code(),
        Some("ERROR_ITEMTYPE_NOT_FOUND_NOR_COMMONDBTM")
    );
}

#[test]
fn documented_statuses_give_the_kind() {
    let cases: [(u16, &[u8], ItsmNgCode, Kind); 5] = [
        (
            401,
            br#"["ERROR_GLPI_LOGIN_USER_TOKEN", "parameter user_token seems invalid"]"#,
            ItsmNgCode::GlpiLoginUserToken,
            Kind::Unauthenticated,
        ),
        (
            401,
            br#"["ERROR_GLPI_LOGIN", "Incorrect username or password"]"#,
            ItsmNgCode::GlpiLogin,
            Kind::Unauthenticated,
        ),
        (
            405,
            br#"["ERROR_METHOD_NOT_ALLOWED", "Method Not Allowed; view documentation in your browser at http://itsm.example.com/apirest.php/#ERROR_METHOD_NOT_ALLOWED"]"#,
            ItsmNgCode::MethodNotAllowed,
            Kind::MethodNotAllowed,
        ),
        (
            400,
            br#"["ERROR_RANGE_EXCEED_TOTAL", "Provided range exceed total count of data: 200"]"#,
            ItsmNgCode::RangeExceedTotal,
            Kind::BadRequest,
        ),
        (
            400,
            br#"["ERROR_JSON_PAYLOAD_INVALID", "JSON payload seems not valid"]"#,
            ItsmNgCode::JsonPayloadInvalid,
            Kind::BadRequest,
        ),
    ];
    for (status, body, code, kind) in cases {
        let error = single(ItsmNgError::decode(status, body));
        assert_eq!(error.spec_code(), Some(code), "{error:?}");
        assert_eq!(error.kind(), kind, "{error:?}");
        assert_eq!(error.documented_status(), Some(status), "{error:?}");
        assert!(!error.is_retryable(), "{error:?}");
    }
}

#[test]
fn sql_error_is_internal_and_not_retried() {
    let body = br#"["ERROR_SQL", "Unexpected SQL Error : 1054 Unknown column 'glpi_computers.foo' in 'where clause'"]"#;
    let response = ItsmNgError::decode(500, body);
    assert!(!response.is_retryable());
    let error = single(response);
    assert_eq!(
        error,
        ItsmNgError::Sql {
            message:
                "Unexpected SQL Error : 1054 Unknown column 'glpi_computers.foo' in 'where clause'"
                    .to_owned(),
            status: 500,
        }
    );
    assert_eq!(error.kind(), Kind::Internal);
    assert!(!error.is_retryable());
    assert_eq!(error.documented_status(), Some(500));
}

#[test]
fn not_deleted_has_no_documented_status_and_is_a_conflict_whatever_it_arrives_with() {
    let body = br#"["ERROR_NOT_DELETED", "You must mark the item for deletion before actually deleting it"]"#;
    let error = single(ItsmNgError::decode(401, body));
    assert_eq!(
        error,
        ItsmNgError::NotDeleted {
            message: "You must mark the item for deletion before actually deleting it".to_owned(),
            status: 401,
        }
    );
    assert_eq!(error.documented_status(), None);
    // Older servers sent it with 401, but no new login fixes an item that is not in the trash.
    assert_eq!(error.kind(), Kind::Conflict);
    let error = single(ItsmNgError::decode(400, body));
    assert_eq!(error.kind(), Kind::Conflict);
}

#[test]
fn unknown_code_is_kept_not_a_decode_failure() {
    let body = br#"["ERROR_PLUGIN_DISABLED", "Plugin fields is disabled"]"#;
    let error = single(ItsmNgError::decode(400, body));
    assert_eq!(
        error,
        ItsmNgError::Unknown {
            code: Some("ERROR_PLUGIN_DISABLED".to_owned()),
            message: "Plugin fields is disabled".to_owned(),
            status: 400,
        }
    );
    assert_eq!(error.spec_code(), None);
    assert_eq!(error.documented_status(), None);
    assert_eq!(error.variant_name(), "Unknown");
    assert_eq!(error.kind(), Kind::BadRequest);
    assert_eq!(
        error.to_string(),
        "ERROR_PLUGIN_DISABLED: Plugin fields is disabled"
    );
}

#[test]
fn empty_body_decodes_by_status() {
    let error = single(ItsmNgError::decode(401, b""));
    assert_eq!(
        error,
        ItsmNgError::Unknown {
            code: None,
            message: "Unauthorized".to_owned(),
            status: 401,
        }
    );
    assert_eq!(error.kind(), Kind::Unauthenticated);
    assert_eq!(error.code(), None);
    assert_eq!(error.to_string(), "Unauthorized");

    let error = single(ItsmNgError::decode(500, b"  \r\n"));
    assert_eq!(
        error,
        ItsmNgError::Unknown {
            code: None,
            message: "Internal Server Error".to_owned(),
            status: 500,
        }
    );
    assert!(!error.is_retryable());
}

#[test]
fn nginx_bad_gateway_page_is_retryable_unknown() {
    let body = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n";
    let response = ItsmNgError::decode(502, body);
    assert!(response.is_retryable());
    assert_eq!(response.kind(), Kind::Unavailable);
    let error = single(response);
    assert_eq!(
        error,
        ItsmNgError::Unknown {
            code: None,
            message: "Bad Gateway".to_owned(),
            status: 502,
        }
    );
    assert!(!error.to_string().contains("nginx"));
}

#[test]
fn raw_body_is_kept_only_when_no_error_was_read() {
    let html = b"<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>";
    let response = ItsmNgError::decode(503, html);
    assert_eq!(response.raw_body(), html);
    assert!(response.is_retryable());
    let response = ItsmNgError::decode(
        400,
        br#"["ERROR_BAD_ARRAY", "input parameter must be an array of objects"]"#,
    );
    assert!(response.raw_body().is_empty());
    assert!(matches!(
        response.first(),
        ItsmNgError::BadArray { status: 400, .. }
    ));
}

#[test]
fn all_failed_add_with_an_empty_item_list_uses_the_description() {
    let error = single(ItsmNgError::decode(400, br#"["ERROR_GLPI_ADD", []]"#));
    assert_eq!(
        error,
        ItsmNgError::GlpiAdd {
            message: "Failed to create item.".to_owned(),
            items: BatchItems::new(),
            status: 400,
        }
    );
}

#[test]
fn debug_mode_html_dump_decodes_by_status() {
    let body = b"<pre>array(2) {\n  [0]=>\n  string(20) \"ERROR_ITEM_NOT_FOUND\"\n  [1]=>\n  string(14) \"Item not found\"\n}\n</pre>";
    let error = single(ItsmNgError::decode(404, body));
    assert_eq!(
        error,
        ItsmNgError::Unknown {
            code: None,
            message: "Not Found".to_owned(),
            status: 404,
        }
    );
    assert_eq!(error.kind(), Kind::NotFound);
}

#[test]
fn byte_order_mark_does_not_hide_the_code() {
    let body =
        b"\xEF\xBB\xBF[\"ERROR_APP_TOKEN_PARAMETERS_MISSING\", \"missing parameter app_token\"]";
    let error = single(ItsmNgError::decode(400, body));
    assert_eq!(
        error,
        ItsmNgError::AppTokenParametersMissing {
            message: "missing parameter app_token".to_owned(),
            status: 400,
        }
    );
}

#[test]
fn code_table_lists_every_documented_code() {
    // 27 codes in the page's reference table, plus ERROR and
    // ERROR_ITEMTYPE_NOT_FOUND_NOR_COMMONDBTM from the vendor notes.
    let mut expected = vec![
        "ERROR",
        "ERROR_ITEMTYPE_NOT_FOUND_NOR_COMMONDBTM",
        "ERROR_ITEM_NOT_FOUND",
        "ERROR_BAD_ARRAY",
        "ERROR_METHOD_NOT_ALLOWED",
        "ERROR_RIGHT_MISSING",
        "ERROR_SESSION_TOKEN_INVALID",
        "ERROR_SESSION_TOKEN_MISSING",
        "ERROR_APP_TOKEN_PARAMETERS_MISSING",
        "ERROR_WRONG_APP_TOKEN_PARAMETER",
        "ERROR_NOT_ALLOWED_IP",
        "ERROR_LOGIN_PARAMETERS_MISSING",
        "ERROR_LOGIN_WITH_CREDENTIALS_DISABLED",
        "ERROR_GLPI_LOGIN_USER_TOKEN",
        "ERROR_GLPI_LOGIN",
        "ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM",
        "ERROR_RESOURCE_MISSING",
        "ERROR_SQL",
        "ERROR_RANGE_EXCEED_TOTAL",
        "ERROR_GLPI_ADD",
        "ERROR_GLPI_PARTIAL_ADD",
        "ERROR_GLPI_UPDATE",
        "ERROR_GLPI_PARTIAL_UPDATE",
        "ERROR_GLPI_DELETE",
        "ERROR_GLPI_PARTIAL_DELETE",
        "ERROR_NOT_DELETED",
        "ERROR_JSON_PAYLOAD_FORBIDDEN",
        "ERROR_JSON_PAYLOAD_INVALID",
        "ERROR_UPLOAD_FILE_TOO_BIG_POST_MAX_SIZE",
    ];
    // Plus the status-only entry for bare 207 bodies, which has no wire code.
    assert_eq!(ItsmNgCode::ALL.len(), 30);
    let mut actual: Vec<&str> = ItsmNgCode::ALL
        .iter()
        .filter(|code| **code != ItsmNgCode::PartialFailure)
        .map(|code| code.as_str())
        .collect();
    expected.sort_unstable();
    actual.sort_unstable();
    assert_eq!(actual, expected);
}

#[test]
fn code_facts() {
    assert_eq!(
        ItsmNgCode::SessionTokenInvalid.as_str(),
        "ERROR_SESSION_TOKEN_INVALID"
    );
    assert_eq!(ItsmNgCode::SessionTokenInvalid.status(), Some(401));
    assert_eq!(
        ItsmNgCode::SessionTokenInvalid.kind(),
        Kind::Unauthenticated
    );
    assert_eq!(
        ItsmNgCode::SessionTokenInvalid.description(),
        "Session token is invalid or expired."
    );
    assert_eq!(ItsmNgCode::RightMissing.status(), Some(403));
    assert_eq!(ItsmNgCode::NotAllowedIp.status(), Some(400));
    assert_eq!(ItsmNgCode::MethodNotAllowed.status(), Some(405));
    assert_eq!(ItsmNgCode::Sql.status(), Some(500));
    assert!(!ItsmNgCode::Sql.is_retryable());
    assert_eq!(ItsmNgCode::Generic.as_str(), "ERROR");
    assert_eq!(ItsmNgCode::Generic.status(), Some(400));
    assert_eq!(ItsmNgCode::GlpiPartialAdd.kind(), Kind::PartialFailure);
    assert_eq!(ItsmNgCode::GlpiPartialDelete.status(), Some(207));
    assert_eq!(ItsmNgCode::NotDeleted.status(), None);
    assert_eq!(ItsmNgCode::NotDeleted.kind(), Kind::Conflict);
    assert_eq!(ItsmNgCode::PartialFailure.as_str(), "PartialFailure");
    assert_eq!(ItsmNgCode::PartialFailure.status(), Some(207));
    assert!(!ItsmNgCode::GlpiLogin.is_retryable());
    assert_eq!(ItsmNgCode::ItemNotFound.to_string(), "ERROR_ITEM_NOT_FOUND");
    // Translated messages: no entry may carry a template.
    assert!(ItsmNgCode::ALL.iter().all(|code| code.template().is_none()));
}

#[test]
fn generic_callers_see_description_and_solution() {
    let error = single(ItsmNgError::decode(
        400,
        br#"["ERROR_LOGIN_PARAMETERS_MISSING", "parameter(s) login, password or user_token are missing"]"#,
    ));
    assert_eq!(
        ApiError::spec_description(&error),
        Some("Missing required login parameters.")
    );
    assert!(ApiError::spec_solution(&error).is_some_and(|text| text.contains("user_token")));
    let unknown = single(ItsmNgError::decode(418, b"<h1>short and stout</h1>"));
    assert_eq!(ApiError::spec_description(&unknown), None);
    assert_eq!(unknown.message(), "I'm a teapot");
}

#[test]
fn debug_shows_the_variant_as_derive_would() {
    let partial = ItsmNgError::decode(
        207,
        br#"["ERROR_GLPI_PARTIAL_UPDATE", [{"12": true, "message": ""}, {"13": false, "message": "Item not found"}]]"#,
    );
    assert_eq!(
        format!("{:?}", partial.first()),
        r#"GlpiPartialUpdate { message: "Some items in batch update failed; the response includes the success/failure status of each item.", items: [BatchItem { id: Some("12"), ok: true, message: "" }, BatchItem { id: Some("13"), ok: false, message: "Item not found" }], status: 207 }"#
    );
    // A status-only entry keeps the code it received.
    let bare = ItsmNgError::decode(207, br#"[{"id": 8, "message": ""}]"#);
    assert_eq!(
        format!("{:?}", bare.first()),
        r#"PartialFailure { message: "Some items of a batch write failed; the body held only the per-item results.", code: None, items: [BatchItem { id: Some("8"), ok: true, message: "" }], status: 207 }"#
    );
}
