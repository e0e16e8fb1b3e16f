//! Property tests of the decoding promise on every bundled vendor: for any status and any
//! bytes, `decode` returns at least one error with a message, keeps a capped raw body, never
//! shows a stack trace or the raw body in `Display`, and keeps the code and message of a body
//! that holds them. Case counts are modest so the suite stays quick in a debug build; the
//! `fuzz/` targets run the same checks for as long as one likes.
#![forbid(unsafe_code)]

use errspec::RAW_BODY_CAP;
use errspec_tests::harness::{Vendor, STACK_TRACE, VENDORS};
use proptest::prelude::*;

/// Real bodies of every vendor (seeds and vendor notes), to mutate.
const REAL_BODIES: &[(Vendor, u16, &str)] = &[
    (Vendor::ItsmNg, 400, r#"["ERROR", "API disabled"]"#),
    (
        Vendor::ItsmNg,
        207,
        r#"["ERROR_GLPI_PARTIAL_ADD", [{"id": 8, "message": ""}, {"id": false, "message": "You don't have permission to perform this action."}]]"#,
    ),
    (
        Vendor::ItsmNg,
        207,
        r#"["ERROR_GLPI_PARTIAL_UPDATE", [{"12": true, "message": ""}, {"13": false, "message": "Item not found"}]]"#,
    ),
    (
        Vendor::ItsmNg,
        207,
        r#"[{"id": 8, "message": ""}, {"id": false, "message": "No permission."}]"#,
    ),
    (
        Vendor::IgelImi,
        405,
        r#"{"message": "Request method 'GET' not supported", "errorCode": "ITG-0A011", "stackTrace": "java.lang.NullPointerException: PLANTED-TRACE\n\tat com.igel.rm.Foo.bar(Foo.java:1)"}"#,
    ),
    (
        Vendor::IgelImi,
        409,
        r#"{"message": "Error 23505: The statement was aborted because it would have caused a duplicate key value (mac)=(00AB)", "errorCode": "ITG-0A008", "stackTrace": "[]"}"#,
    ),
    (
        Vendor::Itcare,
        400,
        r#"{"status":"BAD_REQUEST","errorCode":"INVALID_FIELD_VALUE","errorDesc":"name","errorMessage":"Error on field 'name'"}"#,
    ),
    (
        Vendor::TelecomX,
        401,
        r#"{"error": {"code": "invalid_token", "status": 401, "message": "IP address not authenticated"}}"#,
    ),
    (
        Vendor::TelecomX,
        422,
        r#"{"error": {"code": "multiple", "status": 422, "message": "Multiple errors", "inner": [{"message": "User not found", "code": "userId", "status": 404, "path": "userId"}, {"message": "Invalid street", "code": "address.street", "status": "UNPROCESSABLE_ENTITY", "check": "required"}]}}"#,
    ),
    (
        Vendor::Netilion,
        400,
        r#"{"errors": [{"type": "taken", "message": "has already been taken", "attribute": "serial_number"}, {"type": "blank", "message": "can't be blank", "attribute": "name"}]}"#,
    ),
];

fn vendor() -> impl Strategy<Value = Vendor> {
    prop::sample::select(&VENDORS[..])
}

/// Statuses, weighted towards the interesting ones.
fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        3 => any::<u16>(),
        2 => 0u16..1000,
        2 => prop::sample::select(vec![0, 100, 200, 207, 301, 400, 401, 403, 404, 409, 415, 422, 429, 500, 502, 503, 599, 600, 65535]),
    ]
}

/// Text that looks like JSON often enough to reach deep into the decoder.
fn json_ish() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "\\",
        "\\u",
        "\\ud800",
        "\\u00e9",
        "null",
        "true",
        "false",
        "0",
        "-1",
        "1e400",
        "404",
        " ",
        "\n",
        "\"errors\"",
        "\"error\"",
        "\"type\"",
        "\"code\"",
        "\"message\"",
        "\"status\"",
        "\"inner\"",
        "\"errorCode\"",
        "\"errorMessage\"",
        "\"stackTrace\"",
        "\"id\"",
        "\"multiple\"",
        "\"BAD_REQUEST\"",
        "\"ERROR\"",
        "\"ERROR_GLPI_ADD\"",
        "\"ITG-0A001\"",
        "\"taken\"",
        "\u{FEFF}",
        "é",
        "\u{0}",
    ]);
    prop::collection::vec(token, 0..64).prop_map(|tokens| tokens.concat())
}

/// A code: documented (not a wrapper) or anything not blank (a blank code is no code) but
/// `multiple`.
fn code(vendor: Vendor) -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vendor.codes()).prop_map(str::to_owned),
        "[A-Za-z0-9_.-]{1,40}",
        any::<String>(),
    ]
    .prop_filter("a code", |code| {
        !code.trim().is_empty() && code != "multiple"
    })
}

/// A message: anything but empty (an empty one is `hostile.rs`'s business).
fn message() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{1,80}",
        any::<String>(),
        prop::sample::select(vec![" ", ".", "'", "\"", " . ", "''", "\u{2018}x\u{2019}"])
            .prop_map(str::to_owned),
    ]
    // A blank message is replaced by the entry's description (another test's business).
    .prop_filter("a message", |message| !message.trim().is_empty())
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Set(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 1..8),
        prop::sample::select(vec![
            &b"\""[..],
            b"\\",
            b"{",
            b"[",
            b"]}",
            b",",
            b"\\ud800",
            b"\xFF",
            b"\xEF\xBB\xBF",
            b"null",
            b"\"multiple\"",
        ])
        .prop_map(<[u8]>::to_vec),
    ];
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(at, bits)| Mutation::Flip(at, bits)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Set(at, byte)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), bytes).prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        (any::<usize>(), 1..16usize).prop_map(|(at, len)| Mutation::Remove(at, len)),
        (any::<usize>(), 1..64usize).prop_map(|(at, len)| Mutation::Duplicate(at, len)),
    ]
}

fn mutate(body: &mut Vec<u8>, mutation: &Mutation) {
    let at = |at: usize, len: usize| if len == 0 { 0 } else { at % (len + 1) };
    match mutation {
        Mutation::Flip(index, bits) if !body.is_empty() => {
            let index = index % body.len();
            body[index] ^= bits;
        }
        Mutation::Set(index, byte) if !body.is_empty() => {
            let index = index % body.len();
            body[index] = *byte;
        }
        Mutation::Truncate(end) => body.truncate(at(*end, body.len())),
        Mutation::Insert(index, bytes) => {
            let index = at(*index, body.len());
            body.splice(index..index, bytes.iter().copied());
        }
        Mutation::Remove(index, len) => {
            let start = at(*index, body.len());
            let end = (start + len).min(body.len());
            body.drain(start..end);
        }
        Mutation::Duplicate(index, len) => {
            let start = at(*index, body.len());
            let end = (start + len).min(body.len());
            let copy = body[start..end].to_vec();
            body.splice(end..end, copy);
        }
        Mutation::Flip(..) | Mutation::Set(..) => {}
    }
}

/// A message built from a template's literal text and awkward fragments.
fn template_message(template: &'static str) -> impl Strategy<Value = String> {
    let mut fragments: Vec<String> = template
        .split(['{', '}'])
        .filter(|piece| !piece.is_empty())
        .map(str::to_owned)
        .collect();
    fragments.extend(
        [
            " ",
            ".",
            "'",
            "\"",
            "`",
            "\u{2018}",
            "\u{2019}",
            "é",
            "\u{1F600}",
            "x",
            "42",
        ]
        .map(str::to_owned),
    );
    prop::collection::vec(prop::sample::select(fragments), 1..24)
        .prop_map(|parts| parts.concat())
        .prop_filter("a message that is not blank", |message| {
            !message.trim().is_empty()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_status_and_any_bytes_keep_the_promise(
        status in status(),
        body in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        for vendor in VENDORS {
            let _ = vendor.decode(status, &body);
        }
    }

    #[test]
    fn any_status_and_json_like_text_keep_the_promise(status in status(), body in json_ish()) {
        for vendor in VENDORS {
            let _ = vendor.decode(status, body.as_bytes());
        }
    }

    #[test]
    fn mutated_real_bodies_keep_the_promise(
        index in 0..REAL_BODIES.len(),
        mutations in prop::collection::vec(mutation(), 1..6),
        status in status(),
    ) {
        let (owner, _, body) = REAL_BODIES[index];
        let mut body = body.as_bytes().to_vec();
        for mutation in &mutations {
            mutate(&mut body, mutation);
        }
        let _ = owner.decode(status, &body);
        for vendor in VENDORS {
            let _ = vendor.decode(status, &body);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn a_planted_code_and_message_are_kept(
        (vendor, code, message) in vendor().prop_flat_map(|vendor| (Just(vendor), code(vendor), message())),
        status in status(),
    ) {
        let decoded = vendor.decode(status, &vendor.body(&code, &message));
        prop_assert_eq!(decoded.errors.len(), 1);
        let error = decoded.single();
        // Jira's errors carry no code: the message alone is kept.
        prop_assert_eq!(error.code.as_deref(), vendor.reads_codes().then_some(code.as_str()));
        prop_assert_eq!(&error.message, &message);
        prop_assert!(decoded.raw_body.is_empty());
        if vendor == Vendor::IgelImi && error.variant != "Unknown" {
            // Kept for callers who ask, never shown.
            prop_assert_eq!(decoded.detail("stack_trace"), Some(STACK_TRACE));
        }
        // The bodies carry no status inside the error: each has the response's.
        prop_assert_eq!(error.status, status);
    }

    #[test]
    fn bodies_that_are_not_json_decode_by_status(
        vendor in vendor(),
        status in status(),
        start in prop::sample::select(vec!["<", "<html>", "<!DOCTYPE html>", "Bad Gateway", "X", "ERROR_SQL", "\u{FEFF}<", "\u{1}"]),
        rest in prop_oneof![any::<String>(), json_ish(), "[ -~]{0,5000}"],
    ) {
        let body = format!("{start}{rest}");
        let decoded = vendor.decode(status, body.as_bytes());
        let (variant, code) = vendor.by_status(status);
        prop_assert_eq!(decoded.errors.len(), 1);
        let error = decoded.single();
        prop_assert_eq!(error.variant, variant);
        prop_assert_eq!(&error.code, &code);
        prop_assert_eq!(error.status, status);
        prop_assert_eq!(&decoded.raw_body[..], &body.as_bytes()[..body.len().min(RAW_BODY_CAP)]);
    }

    #[test]
    fn messages_made_of_template_pieces_are_kept(
        (vendor, code, message) in prop::sample::select(vec![Vendor::IgelImi, Vendor::Itcare, Vendor::TelecomX])
            .prop_flat_map(|vendor| (Just(vendor), prop::sample::select(vendor.templates())))
            .prop_flat_map(|(vendor, (code, template))| (Just(vendor), Just(code), template_message(template))),
        status in status(),
    ) {
        let decoded = vendor.decode(status, &vendor.body(code, &message));
        prop_assert_eq!(decoded.errors.len(), 1);
        prop_assert_eq!(decoded.single().code.as_deref(), Some(code));
        prop_assert_eq!(&decoded.single().message, &message);
    }
}
