//! Hostile input: whatever a server, a proxy or an attacker sends, `decode` returns at least
//! one error, never panics, never overflows the stack, keeps the vendor's code and message
//! whenever they were readable, and never shows a stack trace or the raw body in `Display`.
//!
//! Every case runs against all five bundled vendors. Nothing here measures time: a quadratic
//! or exponential decoder shows up as a test that never ends (the inputs are sized so), and
//! the numbers belong in a benchmark.
#![forbid(unsafe_code)]

use errspec::{Kind, RAW_BODY_CAP};
use errspec_tests::github::GitHubCode;
use errspec_tests::harness::{Vendor, STACK_TRACE, VENDORS};
use errspec_tests::igel_imi::{IgelImiCode, IgelImiError};
use errspec_tests::itcare::ItcareCode;
use errspec_tests::itsm_ng::ItsmNgCode;
use errspec_tests::jira::JiraCode;
use errspec_tests::netilion::NetilionCode;
use errspec_tests::problem::ProblemCode;
use errspec_tests::telecomx::TelecomXCode;
use serde_json::json;

// ---------------------------------------------------------------------------------------------
// Statuses, and what each vendor's bodies hold (the harness of `errspec_tests::harness` decodes
// and checks the promise)
// ---------------------------------------------------------------------------------------------

/// The statuses a response may carry, valid or not.
const STATUSES: &[u16] = &[
    0, 1, 99, 100, 101, 103, 199, 200, 201, 202, 204, 206, 207, 299, 300, 301, 302, 304, 399, 400,
    401, 402, 403, 404, 405, 408, 409, 410, 413, 415, 422, 429, 451, 499, 500, 501, 502, 503, 504,
    520, 599, 600, 601, 999, 1000, 4040, 32768, 65534, 65535,
];

/// A documented code that is not a `multiple` wrapper and the one variant it decodes to
/// whatever its message (no other entry shares the code), and that variant; `None` for Jira,
/// whose errors carry no code.
fn plain_code(vendor: Vendor) -> Option<(&'static str, &'static str)> {
    Some(match vendor {
        Vendor::ItsmNg => ("ERROR_ITEM_NOT_FOUND", "ItemNotFound"),
        Vendor::IgelImi => ("ITG-FF001", "InternalError"),
        Vendor::Itcare => ("INVALID_FIELD_VALUE", "InvalidFieldValue"),
        Vendor::TelecomX => ("not_found", "NotFound"),
        Vendor::Netilion => ("taken", "Taken"),
        Vendor::GitHub => ("invalid", "InvalidField"),
        Vendor::Problem => ("https://example.net/validation-error", "ValidationError"),
        Vendor::Jira => return None,
    })
}

/// Whether the vendor's top-level errors are told apart by their messages rather than by a
/// code: GitHub (whose codes are those of the errors nested in a validation failure) and Jira.
fn keyed_by_message(vendor: Vendor) -> bool {
    matches!(vendor, Vendor::GitHub | Vendor::Jira)
}

/// Real bodies, as the vendors' servers send them (seeds and vendor notes).
fn real_bodies(vendor: Vendor) -> Vec<(u16, String)> {
    let bodies: &[(u16, &str)] = match vendor {
        Vendor::ItsmNg => &[
            (400, r#"["ERROR", "API disabled"]"#),
            (
                400,
                r#"["ERROR_NOT_ALLOWED_IP", "There isn't an active API client matching your IP address in the configuration (10.0.0.7); view documentation in your browser at http://example.org/apirest.php/#ERROR_NOT_ALLOWED_IP"]"#,
            ),
            (
                207,
                r#"["ERROR_GLPI_PARTIAL_ADD", [{"id": 8, "message": ""}, {"id": false, "message": "You don't have permission to perform this action."}, {"id": 9, "message": ""}]]"#,
            ),
            (
                207,
                r#"["ERROR_GLPI_PARTIAL_UPDATE", [{"12": true, "message": ""}, {"13": false, "message": "Item not found"}]]"#,
            ),
            (
                207,
                r#"[{"id": 8, "message": ""}, {"id": false, "message": "No permission."}]"#,
            ),
        ],
        Vendor::IgelImi => &[
            (
                405,
                "{\n\"message\": \"Request method 'GET' not supported\",\n\"errorCode\": \"ITG-0A011\",\n\"stackTrace\": \"[org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1040)]\"\n}",
            ),
            (
                409,
                r#"{"message": "Error 23505: The statement was aborted because it would have caused a duplicate key value (mac)=(00AB)", "errorCode": "ITG-0A008", "stackTrace": "[]"}"#,
            ),
        ],
        Vendor::Itcare => &[(
            400,
            r#"{"status":"BAD_REQUEST","errorCode":"INVALID_FIELD_VALUE","errorDesc":"name","errorMessage":"Error on field 'name'"}"#,
        )],
        Vendor::TelecomX => &[
            (
                401,
                r#"{"error": {"code": "invalid_token", "status": 401, "message": "IP address not authenticated"}}"#,
            ),
            (
                404,
                r#"{"error": {"code": "mvnoAccount", "status": 404, "message": "MVNO account not found", "path": "mvnoAccount"}}"#,
            ),
            (
                422,
                r#"{"error": {"code": "multiple", "status": 422, "message": "Multiple errors", "inner": [{"message": "User not found", "code": "userId", "status": 404, "path": "userId"}, {"message": "Invalid street", "code": "address.street", "status": 422, "check": "required"}]}}"#,
            ),
        ],
        Vendor::Netilion => &[
            (
                400,
                r#"{"errors": [{"type": "taken", "message": "has already been taken", "attribute": "serial_number"}, {"type": "blank", "message": "can't be blank", "attribute": "name"}]}"#,
            ),
            (
                429,
                r#"{"errors": [{"type": "too_many_requests", "message": "Too many requests"}]}"#,
            ),
        ],
        Vendor::GitHub => &[
            (
                404,
                r#"{"message":"Not Found","documentation_url":"https://docs.github.com/rest/repos/repos#get-a-repository","status":"404"}"#,
            ),
            (
                401,
                r#"{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}"#,
            ),
        ],
        Vendor::Jira => &[
            (
                404,
                r#"{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}"#,
            ),
            (
                400,
                r#"{"errorMessages":[],"errors":{"summary":"You must specify a summary of the issue."}}"#,
            ),
        ],
        Vendor::Problem => &[
            (
                403,
                r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#,
            ),
            (
                404,
                r#"{"type":"about:blank","title":"Not Found","status":404}"#,
            ),
        ],
    };
    bodies
        .iter()
        .map(|(status, body)| (*status, (*body).to_owned()))
        .collect()
}

/// Decodes `body` with every vendor and status in [`STATUSES`] and checks that it holds no
/// readable error: each decodes by status and keeps the start of the body.
fn assert_by_status_everywhere(body: &[u8]) {
    for vendor in VENDORS {
        for &status in STATUSES {
            assert_by_status(vendor, status, body);
        }
    }
}

fn assert_by_status(vendor: Vendor, status: u16, body: &[u8]) {
    let decoded = vendor.decode(status, body);
    let error = decoded.single();
    let (variant, code) = vendor.by_status(status);
    let context = format!("{vendor:?} {status} {:?}", preview(body));
    assert_eq!(error.variant, variant, "{context}");
    assert_eq!(error.code, code, "{context}");
    assert_eq!(error.status, status, "{context}");
    assert_eq!(
        decoded.raw_body,
        body[..body.len().min(RAW_BODY_CAP)],
        "{context}"
    );
}

fn preview(body: &[u8]) -> String {
    String::from_utf8_lossy(&body[..body.len().min(80)]).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Bodies that hold no error
// ---------------------------------------------------------------------------------------------

#[test]
fn empty_and_whitespace_bodies_decode_by_status() {
    for body in [
        "",
        " ",
        "\n",
        "\r\n",
        " \t\r\n \t",
        "\u{FEFF}",
        "\u{FEFF}  \n",
    ] {
        assert_by_status_everywhere(body.as_bytes());
    }
}

#[test]
fn json_that_is_not_an_error_decodes_by_status() {
    for body in [
        "null",
        "false",
        "true",
        "0",
        "-1",
        "3.25",
        "1e308",
        "404",
        r#""a bare string""#,
        r#""Internal Server Error""#,
        "[]",
        "{}",
        "[[]]",
        "[null]",
        "[null, null]",
        r#"{"": ""}"#,
        r#"{"error": null}"#,
        r#"{"error": "oops"}"#,
        r#"{"error": []}"#,
        r#"{"errors": null}"#,
        r#"{"errors": "oops"}"#,
        r#"{"errors": []}"#,
        SCALARS_AND_EMPTIES,
        r#"{"errorCode": null}"#,
        r#"{"type": "taken"}"#,
        r#"{"code": "not_found"}"#,
        r#"{"data": {"id": 1}}"#,
    ] {
        for vendor in VENDORS {
            if reads_errors_from(vendor, body) {
                continue;
            }
            for &status in STATUSES {
                assert_by_status(vendor, status, body.as_bytes());
            }
        }
    }
    // Where a spec reads such a body, it reads what the body holds: GitHub, Jira and problem
    // details read nested errors from `errors`, scalars as their messages (GitHub sends plain
    // strings there), and a problem's code is its `type`.
    for vendor in [Vendor::GitHub, Vendor::Jira, Vendor::Problem] {
        let decoded = vendor.decode(400, SCALARS_AND_EMPTIES.as_bytes());
        let messages: Vec<&str> = decoded
            .errors
            .iter()
            .map(|error| error.message.as_str())
            .collect();
        assert_eq!(messages[..3], ["1", "a", "true"], "{vendor:?}");
        assert!(
            decoded.errors.iter().all(|error| error.code.is_none()),
            "{vendor:?}"
        );
    }
    let decoded = Vendor::Problem.decode(400, br#"{"type": "taken"}"#);
    assert_eq!(decoded.single().code.as_deref(), Some("taken"));
    assert_eq!(decoded.single().variant, "BadRequest");
}

/// An `errors` array of scalars, `null` and empty values: nothing for most specs, nested errors
/// for the specs that read `errors` (see [`reads_errors_from`]).
const SCALARS_AND_EMPTIES: &str = r#"{"errors": [1, "a", null, true, [], {}]}"#;

/// Whether `vendor`'s spec reads an error from `body`, one of the bodies that hold none for the
/// others (see `json_that_is_not_an_error_decodes_by_status`).
fn reads_errors_from(vendor: Vendor, body: &str) -> bool {
    match vendor {
        Vendor::GitHub | Vendor::Jira => body == SCALARS_AND_EMPTIES,
        Vendor::Problem => body == SCALARS_AND_EMPTIES || body == r#"{"type": "taken"}"#,
        _ => false,
    }
}

const NGINX_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n";

/// A Cloudflare-style error page: a long document with inline CSS and scripts, larger than
/// the raw body cap.
fn cloudflare_page(status: u16) -> String {
    let mut page = format!(
        "<!DOCTYPE html>\n<!--[if lt IE 7]> <html class=\"no-js ie6 oldie\" lang=\"en-US\"> <![endif]-->\n<head>\n<title>api.example.com | {status}: Bad gateway</title>\n<meta charset=\"UTF-8\" />\n<style>"
    );
    for rule in 0..120 {
        page.push_str(&format!(
            ".cf-rule-{rule} {{ margin: 0 auto; content: \"{{\\\"errors\\\": []}}\"; }}\n"
        ));
    }
    page.push_str("</style>\n<script>window._cf_chl_opt={cvId: '3', cType: 'non-interactive'};</script>\n</head>\n<body><div id=\"cf-error-details\"><h1>Bad gateway</h1><span>Error code 502</span><p>Ray ID: 8a1b2c3d4e5f6a7b &bull; 2026-11-22 12:00:00 UTC</p></div></body></html>\n");
    assert!(page.len() > RAW_BODY_CAP);
    page
}

#[test]
fn html_error_pages_and_plain_text_decode_by_status_and_keep_the_start_of_the_body() {
    let cloudflare = cloudflare_page(502);
    let bodies = [
        NGINX_502,
        &cloudflare,
        "<html><body>502 Bad Gateway</body></html>",
        "<pre>Array\n(\n    [0] => ERROR_SQL\n)\n</pre>",
        "upstream connect error or disconnect/reset before headers. reset reason: connection failure",
        "Service Unavailable: the server is temporarily unable to service your request",
        "ERROR_SQL: Unexpected SQL Error",
        "errorCode=ITG-0A001&message=oops",
        "<?xml version=\"1.0\"?><error><code>not_found</code></error>",
    ];
    for body in bodies {
        assert_by_status_everywhere(body.as_bytes());
    }
    for vendor in VENDORS {
        let decoded = vendor.decode(502, cloudflare.as_bytes());
        assert_eq!(decoded.raw_body.len(), RAW_BODY_CAP);
        assert!(!decoded.shown.contains("<html"), "{}", decoded.shown);
        assert!(!decoded.shown.contains("DOCTYPE"), "{}", decoded.shown);
    }
}

// ---------------------------------------------------------------------------------------------
// Real bodies, cut short or wrapped
// ---------------------------------------------------------------------------------------------

#[test]
fn real_bodies_decode_to_their_codes() {
    for vendor in VENDORS {
        for (status, body) in real_bodies(vendor) {
            let decoded = vendor.decode(status, body.as_bytes());
            assert!(decoded.raw_body.is_empty(), "{vendor:?} {body}");
            // Each error is documented: by its code, or (where errors are told apart by their
            // messages) by a template rather than by the status alone.
            let (by_status, _) = vendor.by_status(status);
            let documented = |error: &errspec_tests::harness::KeptError| {
                if keyed_by_message(vendor) {
                    error.variant != by_status
                } else {
                    error.code.is_some()
                }
            };
            assert!(
                decoded.errors.iter().all(documented) || decoded.errors[0].items > 0,
                "{vendor:?} {body}: {decoded:#?}"
            );
        }
    }
}

#[test]
fn real_bodies_truncated_at_every_byte_never_break_decoding() {
    for vendor in VENDORS {
        for (status, body) in real_bodies(vendor) {
            for end in 0..=body.len() {
                vendor.decode(status, &body.as_bytes()[..end]);
            }
            // Cut at the start instead: a proxy that lost the head of the body.
            for start in 0..=body.len() {
                vendor.decode(status, &body.as_bytes()[start..]);
            }
        }
    }
}

#[test]
fn a_byte_order_mark_and_surrounding_whitespace_change_nothing() {
    for vendor in VENDORS {
        for (status, body) in real_bodies(vendor) {
            let plain = vendor.decode(status, body.as_bytes());
            for wrapped in [
                format!("\u{FEFF}{body}"),
                format!("\u{FEFF}\n  {body}\r\n\t"),
                format!("  {body}  "),
            ] {
                assert_eq!(
                    vendor.decode(status, wrapped.as_bytes()).errors,
                    plain.errors,
                    "{vendor:?} {wrapped:?}"
                );
            }
            // A BOM after the body is trailing garbage: what came before may be kept.
            let trailing = format!("{body}\u{FEFF}");
            let decoded = vendor.decode(status, trailing.as_bytes());
            if decoded.errors != plain.errors {
                assert_by_status(vendor, status, trailing.as_bytes());
            }
            // Two BOMs, or a UTF-16 one, make the body unreadable: by status.
            assert_by_status(vendor, status, format!("\u{FEFF}\u{FEFF}{body}").as_bytes());
            let mut utf16 = vec![0xFF, 0xFE];
            utf16.extend(body.encode_utf16().flat_map(u16::to_le_bytes));
            assert_by_status(vendor, status, &utf16);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Strings: bad bytes, bad escapes, lone surrogates
// ---------------------------------------------------------------------------------------------

#[test]
fn invalid_utf8_inside_strings_keeps_the_code_and_the_rest_of_the_message() {
    let bad_bytes: [&[u8]; 6] = [
        b"\xFF",
        b"\xC3",             // a two-byte sequence cut short
        b"\xE2\x82",         // a three-byte sequence cut short
        b"\xC0\xAF",         // an overlong '/'
        b"\xED\xA0\x80",     // a surrogate encoded as UTF-8 (Java's modified UTF-8)
        b"\xF4\x90\x80\x80", // beyond U+10FFFF
    ];
    for vendor in VENDORS {
        let Some((code, variant)) = plain_code(vendor) else {
            continue;
        };
        let template = vendor.body(code, "bad MARK byte");
        let at = template
            .windows(4)
            .position(|window| window == b"MARK")
            .unwrap();
        for bad in bad_bytes {
            let mut body = template[..at].to_vec();
            body.extend_from_slice(bad);
            body.extend_from_slice(&template[at + 4..]);
            let decoded = vendor.decode(422, &body);
            let error = decoded.single();
            assert_eq!(error.code.as_deref(), Some(code), "{vendor:?} {bad:?}");
            assert_eq!(error.variant, variant, "{vendor:?} {bad:?}");
            assert!(
                error.message.starts_with("bad ") && error.message.ends_with(" byte"),
                "{vendor:?} {bad:?}: {:?}",
                error.message
            );
            assert!(error.message.contains('\u{FFFD}'), "{:?}", error.message);
        }
    }
}

#[test]
fn lone_surrogates_in_a_message_keep_the_code() {
    // RFC 8259 8.2: such strings are grammatical JSON; Java servers emit them when they cut a
    // message in the middle of a surrogate pair. The code beside them is perfectly readable.
    for vendor in VENDORS {
        let Some((code, variant)) = plain_code(vendor) else {
            continue;
        };
        for message in [
            r#""bad \ud800 char""#,
            r#""bad \udc00 char""#,
            r#""bad \ud800\u0041 char""#,
            r#""bad \udbff\ud800 char""#,
            r#""bad \uDFFF char""#,
        ] {
            let body = vendor.raw(&json!(code).to_string(), message, None);
            let decoded = vendor.decode(422, &body);
            let error = decoded.single();
            assert_eq!(error.code.as_deref(), Some(code), "{vendor:?} {message}");
            assert_eq!(error.variant, variant, "{vendor:?} {message}");
            assert!(
                error.message.starts_with("bad ") && error.message.ends_with(" char"),
                "{vendor:?} {message}: {:?}",
                error.message
            );
        }
    }
}

#[test]
fn invalid_escapes_and_control_characters_never_break_decoding() {
    for vendor in VENDORS {
        let Some((code, _)) = plain_code(vendor) else {
            continue;
        };
        for message in [
            r#""bad \q escape""#,
            r#""bad \u12 escape""#,
            r#""bad \uZZZZ escape""#,
            r#""bad \x41 escape""#,
            r#""trailing backslash \""#,
            "\"raw \u{0} nul\"",
            "\"raw \n newline\"",
            "\"raw \t tab\"",
            r#""bad \"#,
            r#""\u"#,
        ] {
            let body = vendor.raw(&json!(code).to_string(), message, None);
            let decoded = vendor.decode(400, &body);
            // Invalid JSON: the code may be kept or the body read as holding nothing.
            let error = &decoded.errors[0];
            if error.code.as_deref() != Some(code) {
                assert_by_status(vendor, 400, &body);
            }
        }
        // Escaped control characters and a NUL are valid JSON: kept as they are.
        let body = vendor.raw(
            &json!(code).to_string(),
            r#""nul \u0000 bell \u0007""#,
            None,
        );
        let decoded = vendor.decode(400, &body);
        assert_eq!(decoded.single().message, "nul \u{0} bell \u{7}");
    }
}

#[test]
fn escaped_text_is_unescaped() {
    for vendor in VENDORS {
        let Some((code, _)) = plain_code(vendor) else {
            continue;
        };
        let message = r#""quote \" slash \/ backslash \\ e\u0301 \ud83d\ude00 \u00e9""#;
        let body = vendor.raw(&json!(code).to_string(), message, None);
        let decoded = vendor.decode(400, &body);
        assert_eq!(
            decoded.single().message,
            "quote \" slash / backslash \\ e\u{301} \u{1F600} \u{e9}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Keys and types the envelope does not expect
// ---------------------------------------------------------------------------------------------

#[test]
fn duplicate_keys_the_last_wins_as_in_serde_json() {
    let cases: [(Vendor, &str, &str); 4] = [
        (
            Vendor::IgelImi,
            r#"{"errorCode": "ITG-FF001", "message": "first", "errorCode": "ITG-0A001", "message": "second"}"#,
            "ITG-0A001",
        ),
        (
            Vendor::Itcare,
            r#"{"errorCode": "INVALID_FIELD_VALUE", "errorMessage": "first", "errorCode": "OTHER", "errorMessage": "second"}"#,
            "OTHER",
        ),
        (
            Vendor::TelecomX,
            r#"{"error": {"code": "not_found", "message": "first", "code": "bad_request", "message": "second"}}"#,
            "bad_request",
        ),
        (
            Vendor::Netilion,
            r#"{"errors": [{"type": "taken", "message": "first", "type": "blank", "message": "second"}]}"#,
            "blank",
        ),
    ];
    for (vendor, body, code) in cases {
        let decoded = vendor.decode(400, body.as_bytes());
        let error = decoded.single();
        assert_eq!(error.message, "second", "{vendor:?}: {error:?}");
        assert_eq!(error.code.as_deref(), Some(code), "{vendor:?}: {error:?}");
    }
    // A null sent last takes the value back: no code, the error decodes by status.
    let decoded = Vendor::Netilion.decode(
        404,
        br#"{"errors": [{"type": "taken", "message": "m", "type": null}]}"#,
    );
    assert_eq!(decoded.single().code, None);
    assert_eq!(decoded.single().message, "m");
    let decoded = Vendor::IgelImi.decode(
        500,
        br#"{"errorCode": "ITG-FF001", "message": "m", "stackTrace": "at x", "stackTrace": null}"#,
    );
    assert_eq!(decoded.detail("stack_trace"), None);
    assert_eq!(decoded.single().code.as_deref(), Some("ITG-FF001"));

    // A duplicated envelope key: the last one's errors, never both.
    let decoded = Vendor::Netilion.decode(
        400,
        br#"{"errors": [{"type": "taken", "message": "a"}], "errors": [{"type": "blank", "message": "b"}]}"#,
    );
    let codes: Vec<_> = decoded
        .errors
        .iter()
        .map(|error| error.code.as_deref().unwrap())
        .collect();
    assert_eq!(codes, ["blank"]);
    // An envelope of one error yields one error, whatever the repetitions of its key.
    for repeated in [2, 3, 50] {
        let errors = (0..repeated)
            .map(|n| format!(r#""error": {{"code": "not_found", "message": "m{n}"}}"#))
            .collect::<Vec<_>>()
            .join(", ");
        let decoded = Vendor::TelecomX.decode(404, format!("{{{errors}}}").as_bytes());
        assert_eq!(decoded.single().message, format!("m{}", repeated - 1));
    }
    // The wrapper's inner errors twice: the last list.
    let decoded = Vendor::TelecomX.decode(
        422,
        br#"{"error": {"code": "multiple", "message": "w", "inner": [{"code": "not_found", "message": "a"}], "inner": [{"code": "expired", "message": "b"}, {"code": "expired", "message": "c"}]}, "error": {"code": "multiple", "message": "w", "inner": [{"code": "not_found", "message": "d"}, {"code": "expired", "message": "e"}]}}"#,
    );
    let messages: Vec<_> = decoded
        .errors
        .iter()
        .map(|error| error.message.as_str())
        .collect();
    assert_eq!(messages, ["d", "e"]);
}

#[test]
fn a_numeric_code_is_kept_as_its_decimal_text() {
    for vendor in VENDORS.into_iter().filter(|vendor| vendor.reads_codes()) {
        for code in [
            "404",
            "0",
            "-7",
            "18446744073709551615",
            // As sent: past 64 bits, past the range of f64, with a fraction or an exponent.
            "12345678901234567890123",
            "1e309",
            "-1E400",
            "1.0",
            "0.10",
        ] {
            let body = vendor.raw(code, r#""the message""#, None);
            let decoded = vendor.decode(418, &body);
            let error = decoded.single();
            assert_eq!(error.code.as_deref(), Some(code), "{vendor:?} {code}");
            assert_eq!(error.message, "the message", "{vendor:?} {code}");
        }
    }
}

#[test]
fn numbers_anywhere_never_lose_an_error() {
    // Where no part reads them, past the range of f64 too: skipped, the error read.
    for number in [
        "1e400",
        "-1e400",
        "123456789012345678901234567890",
        "1.0e-400",
    ] {
        for vendor in VENDORS {
            let Some((code, variant)) = plain_code(vendor) else {
                continue;
            };
            let body = String::from_utf8(vendor.body(code, "the message")).unwrap();
            // An unknown key before the error's own; after the positions an array reads.
            let body = match body.strip_suffix(']') {
                Some(positional) if body.starts_with('[') => format!("{positional}, {number}]"),
                _ => body.replacen('{', &format!(r#"{{"unknown": {number}, "#), 1),
            };
            let decoded = vendor.decode(400, body.as_bytes());
            assert_eq!(decoded.single().variant, variant, "{vendor:?} {body}");
        }
        // In fields, kept as sent.
        let igel =
            format!(r#"{{"errorCode": "ITG-FF001", "message": "m", "stackTrace": {number}}}"#);
        let decoded = Vendor::IgelImi.decode(500, igel.as_bytes());
        assert_eq!(decoded.single().variant, "InternalError");
        assert_eq!(decoded.detail("stack_trace"), Some(number));
        let telecomx = format!(
            r#"{{"error": {{"code": "not_found", "message": "m", "check": [{number}, {{"n": {number}}}], "status": {number}}}}}"#
        );
        let decoded = Vendor::TelecomX.decode(404, telecomx.as_bytes());
        assert_eq!(decoded.single().variant, "NotFound");
        assert_eq!(
            decoded.detail("check"),
            Some(format!(r#"[{number}, {{"n": {number}}}]"#).as_str())
        );
        // Inside inner errors read after their wrapper's code: every one kept, as sent.
        let telecomx = format!(
            r#"{{"error": {{"inner": [{{"code": "not_found", "message": "a"}}, {{"code": {number}, "message": "b"}}, {{"code": "expired", "message": "c"}}], "code": "multiple", "message": "w"}}}}"#
        );
        let decoded = Vendor::TelecomX.decode(422, telecomx.as_bytes());
        let codes: Vec<_> = decoded
            .errors
            .iter()
            .map(|error| error.code.as_deref())
            .collect();
        assert_eq!(codes, [Some("not_found"), Some(number), Some("expired")]);
        // Where an error should be, among errors: the others are all read.
        let netilion = format!(
            r#"{{"errors": [{{"type": "taken", "message": "a"}}, {number}, {{"type": "blank", "message": "b"}}]}}"#
        );
        let decoded = Vendor::Netilion.decode(400, netilion.as_bytes());
        let codes: Vec<_> = decoded
            .errors
            .iter()
            .map(|error| error.code.as_deref())
            .collect();
        assert_eq!(codes, [Some("taken"), Some("blank")], "{number}");
    }
}

#[test]
fn a_code_of_another_type_is_no_code_and_the_message_is_kept() {
    for vendor in VENDORS {
        for code in [
            "null",
            "true",
            "false",
            "{}",
            r#"{"code": "taken"}"#,
            "[]",
            r#"["taken"]"#,
        ] {
            for status in [400, 401, 404, 415, 429, 503, 599] {
                let body = vendor.raw(code, r#""the message""#, None);
                let decoded = vendor.decode(status, &body);
                let error = decoded.single();
                let (variant, wire) = vendor.by_status(status);
                assert_eq!(error.variant, variant, "{vendor:?} {status} {code}");
                assert_eq!(error.code, wire, "{vendor:?} {status} {code}");
                assert_eq!(error.message, "the message", "{vendor:?} {status} {code}");
                assert_eq!(error.status, status);
            }
        }
    }
}

#[test]
fn a_message_of_another_type_keeps_the_code() {
    for vendor in VENDORS {
        let Some((code, variant)) = plain_code(vendor) else {
            continue;
        };
        for (message, kept) in [
            ("null", None),
            ("{}", None),
            (r#"{"text": "nested"}"#, None),
            ("[]", None),
            (r#"["a", "b"]"#, None),
            ("42", Some("42")),
            ("true", Some("true")),
        ] {
            let body = vendor.raw(&json!(code).to_string(), message, None);
            let decoded = vendor.decode(400, &body);
            let error = decoded.single();
            assert_eq!(error.code.as_deref(), Some(code), "{vendor:?} {message}");
            assert_eq!(error.variant, variant, "{vendor:?} {message}");
            if let Some(kept) = kept {
                assert_eq!(error.message, kept, "{vendor:?} {message}");
            }
        }
    }
}

#[test]
fn a_status_inside_the_error_is_read_when_it_is_one_and_ignored_otherwise() {
    for vendor in [Vendor::Itcare, Vendor::TelecomX] {
        for (inner, read) in [
            ("404", Some(404)),
            (r#""404""#, Some(404)),
            (r#"" 404 ""#, Some(404)),
            (r#""NOT_FOUND""#, Some(404)),
            ("600", None),
            ("99", None),
            ("0", None),
            ("-404", None),
            ("404.5", None),
            ("1e3", None),
            ("65939", None), // 404 + 65536: must not wrap around
            ("18446744073709551616", None),
            (r#""404 Not Found""#, None),
            (r#""not_found""#, None),
            (r#""""#, None),
            (
                r#""AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA""#,
                None,
            ),
            ("null", None),
            ("true", None),
            ("[404]", None),
            (r#"{"code": 404}"#, None),
        ] {
            let body = vendor.raw(r#""someUndocumentedPath""#, r#""the message""#, Some(inner));
            let decoded = vendor.decode(409, &body);
            let error = decoded.single();
            let status = read.unwrap_or(409);
            assert_eq!(error.status, status, "{vendor:?} {inner}");
            // An undocumented code goes to `[fallback.unknown]`, keyed by the error's status
            // (vendor notes: the status decides what a property-path code means).
            let variant = match (vendor, status) {
                (Vendor::Itcare, 404) => "NotFound",
                (Vendor::Itcare, _) => "Conflict",
                (_, 404) => "PropertyNotFound",
                _ => "PropertyConflict",
            };
            assert_eq!(error.variant, variant, "{vendor:?} {inner}");
            assert_eq!(error.code.as_deref(), Some("someUndocumentedPath"));
            assert_eq!(error.message, "the message");
            assert_eq!(decoded.status, 409);
        }
    }
}

#[test]
fn extra_fields_of_any_type_are_kept_as_text() {
    for (value, text) in [
        (r#""a""#, Some("a")),
        ("5", Some("5")),
        ("true", Some("true")),
        ("null", None),
        // Objects and arrays as the JSON text the server sent.
        (r#"{"a": [1, 2.50]}"#, Some(r#"{"a": [1, 2.50]}"#)),
        ("[]", Some("[]")),
    ] {
        let igel =
            format!(r#"{{"errorCode": "ITG-FF001", "message": "m", "stackTrace": {value}}}"#);
        assert_eq!(
            Vendor::IgelImi
                .decode(500, igel.as_bytes())
                .detail("stack_trace"),
            text
        );
        let netilion =
            format!(r#"{{"errors": [{{"type": "taken", "message": "m", "attribute": {value}}}]}}"#);
        assert_eq!(
            Vendor::Netilion
                .decode(400, netilion.as_bytes())
                .detail("attribute"),
            text
        );
        let telecomx = format!(
            r#"{{"error": {{"code": "not_found", "message": "m", "path": {value}, "check": {value}}}}}"#
        );
        let decoded = Vendor::TelecomX.decode(404, telecomx.as_bytes());
        assert_eq!(decoded.detail("path"), text);
        assert_eq!(decoded.detail("check"), text);
        let itcare = format!(
            r#"{{"errorCode": "INVALID_FIELD_VALUE", "errorMessage": "m", "errorDesc": {value}}}"#
        );
        assert_eq!(
            Vendor::Itcare
                .decode(400, itcare.as_bytes())
                .detail("error_desc"),
            text
        );
    }
}

#[test]
fn odd_shapes_of_each_envelope_never_break_decoding() {
    let cases: &[(Vendor, &str)] = &[
        (Vendor::ItsmNg, r#"["ERROR"]"#),
        (Vendor::ItsmNg, r#"["ERROR", "a", "b", "c"]"#),
        (Vendor::ItsmNg, r#"[null, "only a message"]"#),
        (
            Vendor::ItsmNg,
            r#"["ERROR_GLPI_ADD", [1, "x", null, [], {}]]"#,
        ),
        (
            Vendor::ItsmNg,
            r#"["ERROR_GLPI_ADD", [{}, {"id": {}}, {"message": 5}, {"id": null}]]"#,
        ),
        (Vendor::ItsmNg, r#"[{"id": 8}, 5]"#),
        (Vendor::ItsmNg, r#"{"0": "ERROR", "1": "as an object"}"#),
        (Vendor::IgelImi, r#"[{"errorCode": "ITG-FF001"}]"#),
        (Vendor::Itcare, r#"{"status": "BAD_REQUEST"}"#),
        (Vendor::TelecomX, r#"{"error": {"code": "multiple"}}"#),
        (
            Vendor::TelecomX,
            r#"{"error": {"code": "multiple", "inner": "no"}}"#,
        ),
        (
            Vendor::TelecomX,
            r#"{"error": {"code": "multiple", "inner": []}}"#,
        ),
        (
            Vendor::TelecomX,
            r#"{"error": {"code": "multiple", "inner": [1, null, "x", []]}}"#,
        ),
        (
            Vendor::TelecomX,
            r#"{"error": {"code": "multiple", "inner": [{"code": "multiple", "inner": [{"code": "multiple"}]}]}}"#,
        ),
        (Vendor::TelecomX, r#"{"error": {"status": 404}}"#),
        (
            Vendor::Netilion,
            r#"{"errors": {"type": "taken", "message": "one object"}}"#,
        ),
        (
            Vendor::Netilion,
            r#"{"errors": [{"type": "taken"}, {"message": "no type"}, {}, {"type": null}]}"#,
        ),
    ];
    for (vendor, body) in cases {
        for &status in STATUSES {
            vendor.decode(status, body.as_bytes());
        }
    }
    // Wrappers nested deeper than followed: still one or more errors, never a panic.
    let mut nested = String::from(r#"{"code": "userId", "message": "innermost"}"#);
    for _ in 0..100 {
        nested = format!(
            r#"{{"code": "multiple", "message": "wrapper", "inner": [{nested}, {nested}]}}"#
        )
        .chars()
        .take(1 << 16)
        .collect();
    }
    Vendor::TelecomX.decode(422, format!(r#"{{"error": {nested}}}"#).as_bytes());
}

#[test]
fn a_chain_of_multiple_wrappers_deeper_than_followed_still_decodes() {
    let mut body = String::new();
    let depth = 100;
    for _ in 0..depth {
        body.push_str(r#"{"code": "multiple", "message": "w", "inner": ["#);
    }
    body.push_str(r#"{"code": "userId", "message": "leaf", "status": 404}"#);
    for _ in 0..depth {
        body.push_str("]}");
    }
    let decoded = Vendor::TelecomX.decode(422, format!(r#"{{"error": {body}}}"#).as_bytes());
    assert!(!decoded.errors.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Messages and codes the decoder must keep whole
// ---------------------------------------------------------------------------------------------

#[test]
fn an_empty_or_blank_message_is_replaced_so_message_is_never_empty() {
    for vendor in VENDORS {
        let Some((code, variant)) = plain_code(vendor) else {
            continue;
        };
        for message in ["", " ", " \t\r\n "] {
            let decoded = vendor.decode(400, &vendor.body(code, message));
            let error = decoded.single();
            assert_eq!(error.code.as_deref(), Some(code));
            assert_eq!(error.variant, variant);
            assert!(!error.message.trim().is_empty(), "{vendor:?}: {error:?}");
            // Undocumented code; no code at all.
            for other in [
                vendor.body("SOMETHING_NEW", message),
                vendor.raw("null", &json!(message).to_string(), None),
            ] {
                let decoded = vendor.decode(400, &other);
                assert!(
                    !decoded.single().message.trim().is_empty(),
                    "{vendor:?}: {decoded:?}"
                );
            }
        }
    }
}

/// Inputs the fuzz targets (`fuzz/`) found, as they were written: the first two bytes are
/// the status, big endian, the rest is the body.
const FUZZ_FOUND: &[(Vendor, &[u8])] = &[
    // Plain text that is what `Display` shows for the status anyway: decoded by status (the
    // check that `Display` never shows the body applies to bodies that are read).
    (Vendor::ItsmNg, b"\x01\x90HTTP 400: Bad Request"),
    // An error without a code whose message is empty: `Unknown` with an empty message.
    (
        Vendor::IgelImi,
        b"\x01\x99{\"message\": \"\", \"stackTrace\": \"\"}",
    ),
    // Raw control characters inside the code (replaced), then an empty message.
    (
        Vendor::ItsmNg,
        b"\x01\xf4[\"ER\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12\x12ROR_\x13QL\", \"\"]",
    ),
    // A `multiple` wrapper with an empty message, followed by garbage: the wrapper is kept.
    (
        Vendor::TelecomX,
        b"\x01\xa6{\"error\": {\"code\": \"multiple\", \"status\": 422, \"message\": \"\"}ultiple\"rrors\", \"inner\": [{\"messagh\": \"User not fo\xa2\xa2\xa2\xa2\xa2\xa2und\", \"code\": \"userId\", \"statu\x00\x00\x00\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0a[\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0a\x0ad\", \"code\": \"userId\", \"status\": 808, \"path\": \"userId\"},mvnoA, \"check\": \"rered\"}]}}",
    ),
];

#[test]
fn inputs_found_by_fuzzing_keep_the_promise() {
    for (vendor, input) in FUZZ_FOUND {
        let status = u16::from_be_bytes([input[0], input[1]]);
        let body = &input[2..];
        // The promise (a non-empty message among it) is checked for every vendor.
        for other in VENDORS {
            other.decode(status, body);
        }
        vendor.decode(status, body);
    }
}

#[test]
fn very_long_codes_and_messages_are_kept_whole_and_shown_whole() {
    let long_message = "A message a server may send; ".repeat(40_000);
    let long_code = "E".repeat(1 << 20);
    for vendor in VENDORS {
        let Some((code, variant)) = plain_code(vendor) else {
            continue;
        };
        let decoded = vendor.decode(400, &vendor.body(code, &long_message));
        let error = decoded.single();
        assert_eq!(error.variant, variant);
        assert_eq!(error.message, long_message);
        assert_eq!(error.shown, format!("{code}: {long_message}"));

        let decoded = vendor.decode(400, &vendor.body(&long_code, "short"));
        let error = decoded.single();
        assert_eq!(error.code.as_deref(), Some(long_code.as_str()));
        assert_eq!(error.shown.len(), long_code.len() + ": short".len());
    }
}

// ---------------------------------------------------------------------------------------------
// Big bodies: many errors, 50 MB, 1,000,000 levels deep
// ---------------------------------------------------------------------------------------------

#[test]
fn a_hundred_thousand_errors_are_all_kept_in_order() {
    const COUNT: usize = 100_000;
    let mut body = String::from(r#"{"errors": ["#);
    for index in 0..COUNT {
        if index > 0 {
            body.push(',');
        }
        let code = if index % 2 == 0 { "taken" } else { "blank" };
        body.push_str(&format!(
            r#"{{"type": "{code}", "message": "m{index}", "attribute": "a{index}"}}"#
        ));
    }
    body.push_str("]}");
    let decoded = Vendor::Netilion.decode(400, body.as_bytes());
    assert_eq!(decoded.errors.len(), COUNT);
    assert_eq!(decoded.errors[0].code.as_deref(), Some("taken"));
    assert_eq!(decoded.errors[COUNT - 1].code.as_deref(), Some("blank"));
    assert_eq!(decoded.errors[COUNT - 1].message, format!("m{}", COUNT - 1));

    let mut inner = String::new();
    for index in 0..COUNT {
        if index > 0 {
            inner.push(',');
        }
        inner.push_str(&format!(
            r#"{{"code": "field{index}", "status": 404, "message": "m{index}"}}"#
        ));
    }
    let body = format!(r#"{{"error": {{"code": "multiple", "status": 422, "inner": [{inner}]}}}}"#);
    let decoded = Vendor::TelecomX.decode(422, body.as_bytes());
    assert_eq!(decoded.errors.len(), COUNT);
    assert_eq!(
        decoded.errors[COUNT - 1].code.as_deref(),
        Some("field99999")
    );
    assert_eq!(decoded.errors[COUNT - 1].variant, "PropertyNotFound");

    let mut items = String::new();
    for index in 0..COUNT {
        if index > 0 {
            items.push(',');
        }
        items.push_str(&format!(
            r#"{{"id": {}, "message": "m"}}"#,
            if index % 3 == 0 {
                "false".to_owned()
            } else {
                index.to_string()
            }
        ));
    }
    let body = format!(r#"["ERROR_GLPI_PARTIAL_ADD", [{items}]]"#);
    let decoded = Vendor::ItsmNg.decode(207, body.as_bytes());
    assert_eq!(decoded.single().items, COUNT);
    let decoded = Vendor::ItsmNg.decode(207, format!("[{items}]").as_bytes());
    assert_eq!(decoded.single().items, COUNT);

    // The same arrays read by every other vendor: never a panic.
    for vendor in VENDORS {
        vendor.decode(400, format!("[{items}]").as_bytes());
    }
}

const FIFTY_MB: usize = 50 << 20;

#[test]
fn fifty_megabyte_bodies_decode() {
    // A message of 50 MB in each vendor's envelope: kept whole.
    // (Quoted by hand: serde_json's escaping of 50 MB takes seconds in a debug build.)
    let filler = format!("\"{}\"", "x".repeat(FIFTY_MB));
    for vendor in VENDORS {
        let Some((code, _)) = plain_code(vendor) else {
            continue;
        };
        let body = vendor.raw(&json!(code).to_string(), &filler, None);
        assert!(body.len() > FIFTY_MB);
        let decoded = vendor.decode(400, &body);
        let error = decoded.single();
        assert_eq!(error.code.as_deref(), Some(code));
        assert_eq!(error.message.len(), FIFTY_MB);
        assert!(decoded.raw_body.is_empty());
    }
    drop(filler);

    // 50 MB that is not an error: HTML, whitespace, invalid UTF-8, an ignored key, an array
    // of objects. Built one at a time to keep the test's own memory down, each read by one
    // vendor (they share the reader) so that the debug build stays quick.
    for (kind, vendor) in VENDORS.into_iter().enumerate() {
        let body = not_an_error(kind);
        assert!(body.len() >= FIFTY_MB);
        let decoded = vendor.decode(502, &body);
        let error = decoded.single();
        assert_eq!(error.code, None, "{vendor:?} {}", preview(&body));
        assert_eq!(error.status, 502);
        assert!(decoded.raw_body.len() <= RAW_BODY_CAP);
    }
}

/// Fifty megabytes that hold no error, of the shape `kind` picks.
fn not_an_error(kind: usize) -> Vec<u8> {
    let mut body = Vec::with_capacity(FIFTY_MB + 64);
    match kind {
        0 => {
            body.extend_from_slice(b"<html><body><pre>");
            while body.len() < FIFTY_MB {
                body.extend_from_slice(b"502 Bad Gateway 502 Bad Gateway 502 Bad Gateway\n");
            }
            body.extend_from_slice(b"</pre></body></html>");
        }
        1 => body.resize(FIFTY_MB, b' '),
        2 => body.resize(FIFTY_MB, 0xFF),
        3 => {
            body.extend_from_slice(br#"{"padding": ""#);
            body.resize(FIFTY_MB, b'p');
            body.extend_from_slice(br#""}"#);
        }
        _ => {
            body.push(b'[');
            while body.len() < FIFTY_MB {
                body.extend_from_slice(
                    br#"{"note": "an item of a long list, not an error at all"},"#,
                );
            }
            body.extend_from_slice(b"{}]");
        }
    }
    body
}

const DEEP: usize = 1_000_000;

#[test]
fn a_million_levels_of_nesting_do_not_overflow_the_stack() {
    let arrays_open = "[".repeat(DEEP);
    let arrays_closed = format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP));
    let objects_closed = format!("{}1{}", r#"{"a":"#.repeat(DEEP), "}".repeat(DEEP));
    let objects_open = r#"{"error":"#.repeat(DEEP);
    let mixed = r#"[{"errors":[{"inner":"#.repeat(DEEP / 4);
    let bodies = [
        arrays_open.clone(),
        arrays_closed.clone(),
        objects_closed.clone(),
        objects_open,
        mixed,
    ];
    // Each body read by one vendor (they share the reader), the first by all.
    for (index, body) in bodies.iter().enumerate() {
        let readers = if index == 0 {
            &VENDORS[..]
        } else {
            &VENDORS[index..=index]
        };
        for vendor in readers {
            let decoded = vendor.decode(500, body.as_bytes());
            assert_eq!(
                decoded.single().code,
                None,
                "{vendor:?} {}",
                preview(body.as_bytes())
            );
        }
    }
    // The same depth where each envelope looks: beside a code, inside a message, as the
    // error list, inside a `multiple` wrapper, as the batch items.
    let nested_in: [(Vendor, String); 7] = [
        (
            Vendor::IgelImi,
            format!(
                r#"{{"errorCode": "ITG-FF001", "message": "m", "stackTrace": {arrays_closed}}}"#
            ),
        ),
        (
            Vendor::IgelImi,
            format!(r#"{{"errorCode": "ITG-FF001", "message": {objects_closed}}}"#),
        ),
        (
            Vendor::Netilion,
            format!(r#"{{"errors": {arrays_closed}}}"#),
        ),
        (
            Vendor::Netilion,
            format!(
                r#"{{"errors": [{{"type": "taken", "message": "m", "attribute": {arrays_open}"#
            ),
        ),
        (
            Vendor::TelecomX,
            format!(r#"{{"error": {{"code": "multiple", "inner": {arrays_closed}}}}}"#),
        ),
        (
            Vendor::TelecomX,
            format!(
                r#"{{"error": {}"#,
                r#"{"code": "multiple", "inner": ["#.repeat(DEEP / 4)
            ),
        ),
        (
            Vendor::ItsmNg,
            format!(r#"["ERROR_GLPI_ADD", {arrays_closed}]"#),
        ),
    ];
    for (vendor, body) in &nested_in {
        vendor.decode(422, body.as_bytes());
    }
}

// ---------------------------------------------------------------------------------------------
// Statuses
// ---------------------------------------------------------------------------------------------

#[test]
fn any_status_with_a_readable_body_keeps_the_code_and_arrives_with_that_status() {
    for vendor in VENDORS {
        let Some((code, variant)) = plain_code(vendor) else {
            continue;
        };
        let body = vendor.body(code, "the message");
        for &status in STATUSES {
            let decoded = vendor.decode(status, &body);
            let error = decoded.single();
            assert_eq!(error.variant, variant, "{vendor:?} {status}");
            assert_eq!(error.code.as_deref(), Some(code));
            assert_eq!(error.message, "the message");
            assert_eq!(error.status, status, "{vendor:?} {status}");
        }
        for status in 0..=u16::MAX {
            vendor.decode(status, b"");
        }
    }
}

#[test]
fn every_status_of_a_body_without_a_code_gets_a_reason_or_a_description() {
    for vendor in VENDORS {
        for status in [0, 1, 99, 600, 999, 65535] {
            let decoded = vendor.decode(status, b"");
            let error = decoded.single();
            // Jira's and the problem details' specs name an entry for any other status
            // (`[fallback] default`): its description stands in for the reason.
            let (variant, message) = match vendor {
                Vendor::Jira => (
                    "Other",
                    "An error of a status no other entry covers.".into(),
                ),
                Vendor::Problem => (
                    "Problem",
                    "A problem of a status no other entry covers.".into(),
                ),
                _ => ("Unknown", format!("HTTP status {status}")),
            };
            assert_eq!(error.variant, variant, "{vendor:?} {status}");
            assert_eq!(error.message, message, "{vendor:?} {status}");
            assert_eq!(error.kind, Kind::Other, "{vendor:?} {status}");
        }
        let decoded = vendor.decode(503, b"");
        assert!(!decoded.single().message.is_empty());
    }
}

#[test]
fn fallbacks_follow_the_specs() {
    // What the specs and vendor notes say of bodies without a code.
    for status in [401, 403, 404, 409, 422, 500, 503] {
        let decoded = Vendor::Itcare.decode(status, b"");
        let error = decoded.single();
        assert_ne!(
            error.variant, "Unknown",
            "ITCare documents an empty {status}"
        );
        assert_eq!((error.code.as_deref(), error.status), (None, status));
        assert_eq!(error.kind, Kind::from_status(status));
    }
    for status in [400, 401, 403, 404, 409, 422, 500] {
        let decoded = Vendor::TelecomX.decode(status, b"");
        assert_ne!(decoded.single().variant, "Unknown", "Telecom X {status}");
    }
    let throttled = Vendor::Netilion.decode(429, b"");
    assert_eq!(throttled.single().kind, Kind::RateLimited);
    let batch = Vendor::ItsmNg.decode(207, br#"[{"id": 8, "message": ""}]"#);
    assert_eq!(batch.single().kind, Kind::PartialFailure);
    assert_eq!(batch.single().items, 1);
    for vendor in VENDORS {
        for status in [0, 200, 302, 502, 599, 600, 65535] {
            let (variant, code) = vendor.by_status(status);
            // GitHub, Jira and problem details name an entry for every 5xx (`"5xx"`), Jira and
            // problem details one for any other status (`default`).
            let expected = match (vendor, status) {
                (Vendor::GitHub | Vendor::Jira | Vendor::Problem, 500..=599) => "ServerError",
                (Vendor::Jira, _) => "Other",
                (Vendor::Problem, _) => "Problem",
                _ => "Unknown",
            };
            assert_eq!((variant, code), (expected, None), "{vendor:?} {status}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Templates: adversarial messages against every template
// ---------------------------------------------------------------------------------------------

/// An entry's wire code, or `None` for an entry told apart by its message alone.
type WireCode = Option<&'static str>;

/// Every templated entry of every vendor, with its wire code, variant and template text.
fn templates() -> Vec<(Vendor, WireCode, &'static str, &'static str)> {
    let mut all = Vec::new();
    macro_rules! collect {
        ($vendor:expr, $code:ty) => {
            for code in <$code>::ALL {
                if let Some(template) = code.template() {
                    // `as_str` is the wire code, or the variant's name for an entry without one.
                    let wire = <$code>::from_wire(code.as_str()).map(|_| code.as_str());
                    all.push(($vendor, wire, code.name(), template));
                }
            }
        };
    }
    collect!(Vendor::ItsmNg, ItsmNgCode);
    collect!(Vendor::IgelImi, IgelImiCode);
    collect!(Vendor::Itcare, ItcareCode);
    collect!(Vendor::TelecomX, TelecomXCode);
    collect!(Vendor::Netilion, NetilionCode);
    collect!(Vendor::GitHub, GitHubCode);
    collect!(Vendor::Jira, JiraCode);
    collect!(Vendor::Problem, ProblemCode);
    all
}

/// A body of `vendor` holding one error with `message` and, when it has one, `code`.
fn templated_body(vendor: Vendor, code: WireCode, message: &str) -> Vec<u8> {
    match code {
        Some(code) => vendor.body(code, message),
        None => vendor.message_body(message),
    }
}

/// A template's literal pieces and parameter names (`{{` and `}}` are literal braces).
fn split_template(template: &str) -> (Vec<String>, Vec<String>) {
    let mut pieces = vec![String::new()];
    let mut params = Vec::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                pieces.last_mut().unwrap().push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                pieces.last_mut().unwrap().push('}');
            }
            '{' => {
                params.push(chars.by_ref().take_while(|c| *c != '}').collect());
                pieces.push(String::new());
            }
            other => pieces.last_mut().unwrap().push(other),
        }
    }
    (pieces, params)
}

#[test]
fn every_template_matches_its_own_text() {
    let templates = templates();
    assert!(templates.len() >= 40, "{}", templates.len());
    for (vendor, code, variant, template) in templates {
        let (pieces, params) = split_template(template);
        let mut message = pieces[0].clone();
        for (index, piece) in pieces[1..].iter().enumerate() {
            message.push_str(&format!("P{index}"));
            message.push_str(piece);
        }
        let decoded = vendor.decode(400, &templated_body(vendor, code, &message));
        assert_eq!(decoded.single().variant, variant, "{vendor:?} {template}");
        for (index, param) in params.iter().enumerate() {
            assert_eq!(
                decoded.detail(param),
                Some(format!("P{index}").as_str()),
                "{vendor:?} {template}"
            );
        }
    }
}

#[test]
fn adversarial_messages_against_every_template_finish() {
    // Sized so that a quadratic matcher would run for minutes: ~100,000 characters each.
    const SIZE: usize = 100_000;
    let repeat = |text: &str| text.repeat(SIZE / text.len().max(1) + 1);
    for (vendor, code, _, template) in templates() {
        let (pieces, _) = split_template(template);
        let first = &pieces[0];
        let last = pieces.last().unwrap();
        let mut messages = vec![
            "a".repeat(SIZE),
            " ".repeat(SIZE),
            ".".repeat(SIZE),
            "'".repeat(SIZE),
            "\u{2018}".repeat(SIZE / 3),
            repeat(template),
            repeat(first),
            format!("{first}{}", repeat(first)),
            format!("{}{last}", repeat(last)),
            format!("{first}{}", repeat(&pieces[1..].concat())),
            format!("{first}{}{last}", repeat(&pieces.concat())),
            format!("{first}{}{last}", repeat("'")),
            format!("'{first}{}{last}'", repeat("\"")),
        ];
        // Near misses: every piece but the last, over and over, each nearly complete.
        for piece in &pieces {
            let mut near = piece.clone();
            near.pop();
            if !near.is_empty() {
                messages.push(format!("{first}x{}", repeat(&near)));
                messages.push(format!("{}x{last}", repeat(&near)));
            }
        }
        // (An empty or blank message is another test's business: it is replaced.)
        for message in messages.iter().filter(|message| !message.trim().is_empty()) {
            let decoded = vendor.decode(400, &templated_body(vendor, code, message));
            let error = decoded.single();
            assert_eq!(error.code.as_deref(), code, "{vendor:?} {template}");
            assert_eq!(&error.message, message);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Display
// ---------------------------------------------------------------------------------------------

#[test]
fn display_never_shows_the_stack_trace() {
    let mut codes: Vec<&str> = IgelImiCode::ALL.iter().map(|code| code.as_str()).collect();
    codes.extend(["ITG-99999", ""]);
    for code in codes {
        for message in ["Thin client with ID 42 not found.", "", "m"] {
            let body = format!(
                r#"{{"message": {}, "errorCode": {}, "stackTrace": {}}}"#,
                json!(message),
                json!(code),
                json!(STACK_TRACE)
            );
            for status in [200, 400, 401, 404, 500, 503] {
                let response = IgelImiError::decode(status, body.as_bytes());
                assert!(!response.to_string().contains("PLANTED-TRACE"), "{code}");
                for error in &response {
                    assert!(!error.to_string().contains("PLANTED-TRACE"), "{code}");
                    // Kept for callers who ask (`Unknown` has no extra fields).
                    if error.spec_code().is_some() {
                        assert!(error
                            .details()
                            .contains(&("stack_trace", Some(STACK_TRACE))));
                    }
                }
            }
        }
    }
    // Without an error code the stack trace is still not shown.
    let body = format!(r#"{{"stackTrace": {}}}"#, json!(STACK_TRACE));
    let response = IgelImiError::decode(500, body.as_bytes());
    assert!(!response.to_string().contains("PLANTED-TRACE"));
}

#[test]
fn display_never_shows_the_raw_body_which_is_capped() {
    assert_eq!(RAW_BODY_CAP, 4096, "the documented cap");
    for size in [
        0,
        1,
        RAW_BODY_CAP - 1,
        RAW_BODY_CAP,
        RAW_BODY_CAP + 1,
        3 * RAW_BODY_CAP,
    ] {
        let mut body = b"<html>".to_vec();
        body.resize(size.max(6), b'z');
        body.truncate(size);
        for vendor in VENDORS {
            let decoded = vendor.decode(502, &body);
            assert_eq!(decoded.raw_body, body[..size.min(RAW_BODY_CAP)]);
            assert!(!decoded.shown.contains("zzz"), "{}", decoded.shown);
            assert!(!decoded.errors[0].shown.contains("<html"));
        }
    }
    // A body that held a readable error keeps no raw body: the errors hold what it said.
    for vendor in VENDORS {
        for (status, body) in real_bodies(vendor) {
            assert!(vendor.decode(status, body.as_bytes()).raw_body.is_empty());
        }
    }
}

#[test]
fn display_of_a_response_names_the_status_and_counts_the_other_errors() {
    let decoded = Vendor::Netilion.decode(
        400,
        br#"{"errors": [{"type": "taken", "message": "a"}, {"type": "blank", "message": "b"}, {"type": "x", "message": "c"}]}"#,
    );
    assert_eq!(decoded.shown, "HTTP 400: taken: a (and 2 more errors)");
    let decoded = Vendor::IgelImi.decode(65535, NGINX_502.as_bytes());
    assert_eq!(decoded.shown, "HTTP 65535: HTTP status 65535");
}
