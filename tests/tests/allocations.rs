//! Decoding allocates only what the result holds: the errors `Vec` and, per error, its owned
//! strings (message, extra fields, captured parameters). Counted with dhat's allocator.
//!
//! And decoding's peak heap stays within twice the body, whatever the body: each hostile
//! body is decoded in a process of its own (this test binary, run again for one case), since
//! dhat keeps one peak per process.

use std::process::Command;

use errspec_tests::rpc_v2_cbor::RpcV2CborError;
use errspec_tests::{dynamodb::DynamoDbError, graph::GraphError};
use errspec_tests::{igel_imi::IgelImiError, itcare::ItcareError, netilion::NetilionError};
use errspec_tests::{itsm_ng::ItsmNgError, telecomx::TelecomXError, twilio::TwilioError};

mod s3 {
    errspec::errors_from_spec!("specs/s3.toml");
}

mod kubernetes {
    errspec::errors_from_spec!("specs/kubernetes.toml");
}

mod header_coded {
    errspec::errors_from_spec!("specs/hostile/header-code.toml");
}

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

/// The variable that names the one peak case a child process runs.
const PEAK_CASE: &str = "ERRSPEC_PEAK_CASE";

/// The bodies whose decoding must stay within twice their size: each built to make a
/// decoder hold more than it keeps.
const PEAK_CASES: &[&str] = &[
    "array in a field",
    "object in a field",
    "empty batch items",
    "batch items with ids",
    "batch items keyed by id",
    "inner errors before a plain code",
    "inner errors after a plain code",
    "nested errors that say none",
    "a nested chain deeper than its limit",
    "successful items",
    "a code header for every error",
    "a field header for every error",
    "nested errors that read nothing",
    "nested values that read nothing",
    "inner errors of a wrapper that read nothing",
    "raw control characters in a message",
    "invalid UTF-8 in a message",
    "invalid UTF-8 in an XML message",
];

/// The extra field `name` of `error`.
fn field<'e, E: errspec::ApiError>(error: &'e E, name: &str) -> Option<&'e str> {
    error
        .details()
        .into_iter()
        .find(|(field, _)| *field == name)
        .and_then(|(_, value)| value)
}

/// Decodes a body and checks what it held.
type Decodes = Box<dyn Fn(&[u8])>;

/// Decodes the body of peak case `case` and checks that the heap held at most twice the body
/// (plus a small constant) beyond the body itself. Runs alone in its process: the body is
/// built before dhat starts counting.
fn peak_case(case: &str) {
    let big = 24 << 20;
    let item_bodies = |item: &str| {
        let count = big / (item.len() + 2);
        (
            format!(
                r#"["ERROR_GLPI_PARTIAL_ADD", [{}]]"#,
                vec![item; count].join(", ")
            ),
            count,
        )
    };
    let inner = "{}, ".repeat(big / 4);
    let (body, check): (Vec<u8>, Decodes) = match case {
        // A field holding a large array or object keeps its text, a copy of that part of the
        // body, and builds no tree of it.
        "array in a field" => {
            let array = format!("[{}1]", "1,".repeat(big / 2));
            let length = array.len();
            let body = format!(
                r#"{{"errors": [{{"type": "taken", "message": "m", "attribute": {array}}}]}}"#
            );
            (
                body.into(),
                Box::new(move |body| {
                    let response = NetilionError::decode(400, body);
                    assert_eq!(
                        field(response.first(), "attribute").map(str::len),
                        Some(length)
                    );
                }),
            )
        }
        "object in a field" => {
            let object = format!(
                r#"{{{}"k": {{}}}}"#,
                r#""k": [{"a": 1}], "#.repeat(big / 14)
            );
            let length = object.len();
            let body = format!(
                r#"{{"error": {{"code": "not_found", "message": "m", "check": {object}, "status": 404}}}}"#
            );
            (
                body.into(),
                Box::new(move |body| {
                    let response = TelecomXError::decode(404, body);
                    assert_eq!(field(response.first(), "check").map(str::len), Some(length));
                }),
            )
        }
        // Items that say nothing (`{}`) are not kept; those that say something are packed.
        "empty batch items" => {
            let body = format!(
                r#"["ERROR_GLPI_PARTIAL_ADD", [{}{{"id": false, "message": "No permission."}}]]"#,
                "{}, ".repeat(big / 4)
            );
            (
                body.into(),
                Box::new(|body| {
                    assert_eq!(ItsmNgError::decode(207, body).first().items().len(), 1);
                }),
            )
        }
        "batch items with ids" | "batch items keyed by id" => {
            let item = if case == "batch items with ids" {
                r#"{"id": 123456, "message": ""}"#
            } else {
                r#"{"12": true, "message": "x"}"#
            };
            let (body, count) = item_bodies(item);
            (
                body.into(),
                Box::new(move |body| {
                    assert_eq!(ItsmNgError::decode(207, body).first().items().len(), count);
                }),
            )
        }
        // The inner errors of an error that is no `multiple` wrapper are never built, whether
        // they come before its code or after it.
        "inner errors before a plain code" | "inner errors after a plain code" => {
            let body = if case == "inner errors before a plain code" {
                format!(
                    r#"{{"error": {{"inner": [{inner}{{}}], "code": "expired", "message": "m"}}}}"#
                )
            } else {
                format!(
                    r#"{{"error": {{"code": "expired", "message": "m", "inner": [{inner}{{}}]}}}}"#
                )
            };
            (
                body.into(),
                Box::new(|body| {
                    let response = TelecomXError::decode(401, body);
                    assert!(matches!(response.first(), TelecomXError::Expired { .. }));
                    assert_eq!(response.errors().len(), 1);
                }),
            )
        }
        // An element whose code says there is no error is dropped as it ends: none is kept.
        "nested errors that say none" => {
            let body = format!(
                r#"{{"__type": "TransactionCanceledException", "Message": "m", "CancellationReasons": [{}{{"Code": "ConditionalCheckFailed"}}]}}"#,
                r#"{"Code": "None"}, "#.repeat(big / 18)
            );
            (
                body.into(),
                Box::new(|body| {
                    let response = DynamoDbError::decode(400, body);
                    assert_eq!(response.errors().len(), 2);
                }),
            )
        }
        // A recursive group stops at its nesting limit and skips the rest.
        "a nested chain deeper than its limit" => {
            let link = r#"{"code": "invalidPath", "innerError": "#;
            let depth = big / link.len();
            let body = format!(
                r#"{{"error": {{"code": "invalidRequest", "innerError": {}{{}}{}}}}}"#,
                link.repeat(depth),
                "}".repeat(depth)
            );
            (
                body.into(),
                Box::new(|body| {
                    let response = GraphError::decode(400, body);
                    assert_eq!(response.first().variant_name(), "InvalidRequest");
                    assert!(response.errors().len() <= 33);
                }),
            )
        }
        // The successes among per-item results are dropped as they end: none is kept, and
        // telling the response an error walks the body without building anything.
        "successful items" => {
            let success =
                r#"{"id": "1", "status": 200, "body": {"id": "1", "displayName": "x"}}, "#;
            let body = format!(
                r#"{{"responses": [{}{{"id": "2", "status": 404, "body": {{"error": {{"code": "itemNotFound", "message": "m"}}}}}}]}}"#,
                success.repeat(big / success.len())
            );
            (
                body.into(),
                Box::new(|body| {
                    assert!(<GraphError as errspec::ApiError>::is_error(200, body));
                    let response = GraphError::decode(200, body);
                    assert_eq!(response.errors().len(), 1);
                }),
            )
        }
        // A code or a field sent in a header is the response's: the errors of a body that
        // holds no code of its own copy it no further than the body's own size (`Unknown`
        // keeps the code as received, `Throttled` the field).
        "a code header for every error" | "a field header for every error" => {
            let error = r#"{"message": "Rate exceeded.", "trace": "at com.example.RateLimiter.check(RateLimiter.java:88) at com.example.Api.handle(Api.java:120)"}, "#;
            let count = (256 << 10) / error.len();
            let body = format!(
                r#"{{"errors": [{}{{"message": "m"}}]}}"#,
                error.repeat(count)
            );
            let long = "Undocumented".repeat(64 << 10 >> 4);
            let mut headers = errspec::http::HeaderMap::new();
            let (code, fault) = if case == "a code header for every error" {
                (long.clone(), "x;Sender".to_owned())
            } else {
                ("Throttled".to_owned(), format!("x;{long}"))
            };
            headers.insert("x-error-code", code.parse().expect("a header value"));
            headers.insert("x-query-error", fault.parse().expect("a header value"));
            (
                body.into(),
                Box::new(move |body| {
                    let response =
                        header_coded::HeaderCodedError::decode_parts(400, &headers, body);
                    assert_eq!(response.errors().len(), count + 1);
                    let long_kept = |error: &header_coded::HeaderCodedError| {
                        error.code().map(str::len) == Some(long.len())
                            || field(error, "query_fault").map(str::len) == Some(long.len())
                    };
                    assert!(long_kept(response.first()));
                    let kept = response.errors().iter().filter(|e| long_kept(e)).count();
                    assert!(kept < count, "{kept} of {count} errors kept a copy");
                }),
            )
        }
        // Nested errors in which nothing was read say nothing apart: the first stands for
        // the others of its location, whether they are `{}`, `0` or a wrapper's inner `{}`.
        "nested errors that read nothing" | "nested values that read nothing" => {
            // A quarter of the size of `0`s: each is read as a number, which takes longer.
            let (element, size) = if case == "nested errors that read nothing" {
                ("{}, ", big)
            } else {
                ("0, ", big / 4)
            };
            let body = format!(
                r#"{{"kind": "Status", "reason": "Invalid", "message": "m", "code": 422, "details": {{"causes": [{}{{"reason": "FieldValueRequired", "message": "Required value"}}]}}}}"#,
                element.repeat(size / element.len())
            );
            (
                body.into(),
                Box::new(|body| {
                    let response = kubernetes::KubernetesError::decode(422, body);
                    let names: Vec<_> = response
                        .errors()
                        .iter()
                        .map(kubernetes::KubernetesError::variant_name)
                        .collect();
                    assert_eq!(names, ["Invalid", "Cause", "FieldValueRequired"]);
                }),
            )
        }
        "inner errors of a wrapper that read nothing" => {
            let body = format!(
                r#"{{"error": {{"code": "multiple", "message": "m", "inner": [{inner}{{"code": "expired", "message": "m"}}]}}}}"#
            );
            (
                body.into(),
                Box::new(|body| {
                    let response = TelecomXError::decode(422, body);
                    assert_eq!(response.errors().len(), 2);
                    assert!(matches!(
                        response.errors()[1],
                        TelecomXError::Expired { .. }
                    ));
                }),
            )
        }
        // A body repaired before it is read: a run of what cannot be read is one U+FFFD,
        // and the body is not copied whole first.
        "raw control characters in a message" | "invalid UTF-8 in a message" => {
            let bad: &[u8] = if case == "raw control characters in a message" {
                b"\x01\x1f\t\n"
            } else {
                b"\xff\xfe\xc3"
            };
            let body = [
                &br#"{"errors": [{"type": "taken", "message": "bad "#[..],
                &bad.repeat(big / bad.len()),
                br#" end", "attribute": "serial_number"}]}"#,
            ]
            .concat();
            (
                body,
                Box::new(|body| {
                    let response = NetilionError::decode(400, body);
                    assert_eq!(response.first().message(), "bad \u{FFFD} end");
                    assert_eq!(field(response.first(), "attribute"), Some("serial_number"));
                }),
            )
        }
        "invalid UTF-8 in an XML message" => {
            let body = [
                &b"<Error><Code>NoSuchKey</Code><Message>bad "[..],
                &b"\xff\xfe\xc3".repeat(big / 3),
                b" end</Message></Error>",
            ]
            .concat();
            (
                body,
                Box::new(|body| {
                    let response = s3::S3Error::decode(404, body);
                    assert!(matches!(response.first(), s3::S3Error::NoSuchKey { .. }));
                    assert_eq!(response.first().message(), "bad \u{FFFD} end");
                }),
            )
        }
        _ => panic!("no peak case {case}"),
    };
    drop(inner);
    let _profiler = dhat::Profiler::builder().testing().build();
    check(&body);
    let peak = dhat::HeapStats::get().max_bytes;
    assert!(
        peak <= 2 * body.len() + (64 << 10),
        "{case}: peak heap {peak} bytes for a body of {}",
        body.len()
    );
}

/// How many allocations `decode` makes, and what it made. dhat counts the allocations of every
/// thread, and the test harness's own thread may allocate while a case runs (it files away the
/// test it has just started), which only ever adds: the least count of a few runs is the case's.
fn allocations<T>(decode: impl Fn() -> T) -> (u64, T) {
    let mut least = u64::MAX;
    let mut result = None;
    for _ in 0..5 {
        let before = dhat::HeapStats::get().total_blocks;
        let made = decode();
        let after = dhat::HeapStats::get().total_blocks;
        least = least.min(after - before);
        // Dropped outside the counted span, as before.
        result = Some(made);
    }
    (least, result.unwrap_or_else(|| unreachable!("five runs")))
}

// One test function: dhat counts for the whole process, so cases must not run in parallel.
#[test]
fn decoding_allocates_only_what_the_result_holds() {
    if let Ok(case) = std::env::var(PEAK_CASE) {
        return peak_case(&case);
    }
    let profiler = dhat::Profiler::builder().testing().build();

    // Vec + message + stack_trace + id.
    let body = br#"{"message": "Thin client with ID 42 not found.", "errorCode": "ITG-0A001", "stackTrace": "at com.igel.Service"}"#;
    let (count, response) = allocations(|| IgelImiError::decode(404, body));
    assert!(matches!(
        response.first(),
        IgelImiError::ThinClientNotFound {
            id: Some(_),
            stack_trace: Some(_),
            ..
        }
    ));
    assert_eq!(count, 4, "IGEL known code with a captured parameter");

    // Vec + message: the code is matched in place, never copied.
    let body = br#"["ERROR_SESSION_TOKEN_INVALID", "session_token seems invalid"]"#;
    let (count, response) = allocations(|| ItsmNgError::decode(401, body));
    assert!(matches!(
        response.first(),
        ItsmNgError::SessionTokenInvalid { .. }
    ));
    assert_eq!(count, 2, "ITSM-NG known code");

    // Vec + message + error_desc + field parameter; the in-body status name costs nothing.
    let body = br#"{"status":"BAD_REQUEST","errorCode":"INVALID_FIELD_VALUE","errorDesc":"name","errorMessage":"Error on field 'name'"}"#;
    let (count, response) = allocations(|| ItcareError::decode(400, body));
    assert!(matches!(
        response.first(),
        ItcareError::InvalidFieldValue { .. }
    ));
    assert_eq!(count, 4, "ITCare known code");

    // Vec + message; the in-body numeric status is not turned into text.
    let body = br#"{"error": {"message": "Session has expired, please login", "code": "expired", "status": 401}}"#;
    let (count, response) = allocations(|| TelecomXError::decode(401, body));
    assert!(matches!(response.first(), TelecomXError::Expired { .. }));
    assert_eq!(count, 2, "Telecom X known code");

    // Vec (room for four errors from the first push) + two messages + two attributes.
    let body = br#"{"errors":[{"type":"blank","message":"can't be blank","attribute":"name"},{"type":"taken","message":"has already been taken","attribute":"serial"}]}"#;
    let (count, response) = allocations(|| NetilionError::decode(400, body));
    assert_eq!(response.errors().len(), 2);
    assert_eq!(count, 5, "Netilion two known codes");

    // A spec of two shapes: the XML shape passes a JSON body over without allocating; then
    // Vec + message + more_info + number + the numeric code's text, as for a spec of the JSON
    // shape alone.
    let body = br#"{"code": 21211, "message": "The 'To' number +1555012 is not a valid phone number.", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}"#;
    let (count, response) = allocations(|| TwilioError::decode(400, body));
    assert!(matches!(
        response.first(),
        TwilioError::InvalidToNumber {
            number: Some(_),
            more_info: Some(_),
            ..
        }
    ));
    assert_eq!(count, 5, "Twilio JSON, the second shape");

    // A CBOR body, read in one pass: Vec + message, the code matched where it lies in the body.
    // {_ "__type": "smithy.protocoltests.rpcv2Cbor#InvalidGreeting", "Message": "Hi"}
    let mut body = vec![0xbf, 0x66];
    body.extend_from_slice(
        b"__type\x78\x2esmithy.protocoltests.rpcv2Cbor#InvalidGreeting\x67MessagebHi\xff",
    );
    let (count, response) = allocations(|| RpcV2CborError::decode(400, &body));
    assert!(matches!(
        response.first(),
        RpcV2CborError::InvalidGreeting { .. }
    ));
    assert_eq!(response.first().message(), "Hi");
    assert_eq!(count, 2, "Smithy RPC v2 CBOR");

    // Nested errors of their own selection: Vec (room for four) + message + type_name for the
    // cancellation; message + item_index's text for the reason that is an error; the reasons
    // that say `None` cost nothing.
    let body = br#"{"__type": "com.amazonaws.dynamodb.v20120810#TransactionCanceledException", "Message": "Transaction cancelled [None, ConditionalCheckFailed, None]", "CancellationReasons": [{"Code": "None"}, {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed"}, {"Code": "None"}]}"#;
    let (count, response) = allocations(|| DynamoDbError::decode(400, body));
    assert_eq!(response.errors().len(), 2);
    assert!(matches!(
        &response.errors()[1],
        DynamoDbError::ConditionalCheckFailed {
            item_index: Some(_),
            ..
        }
    ));
    assert_eq!(count, 5, "DynamoDB cancellation reasons");

    // Per-item results: Vec + message + item_id for the failed request, the id of each
    // success copied as it is read and given back as the item ends (2), and serde_json's
    // stack for skipping `responses` in the first shape, which finds no `error` (1). Telling
    // the response an error builds nothing.
    let body = br#"{"responses": [{"id": "1", "status": 200, "body": {"value": []}}, {"id": "2", "status": 404, "body": {"error": {"code": "itemNotFound", "message": "Item not found"}}}, {"id": "3", "status": 204, "body": null}]}"#;
    let (count, is_error) = allocations(|| <GraphError as errspec::ApiError>::is_error(200, body));
    assert!(is_error);
    assert_eq!(count, 0, "Graph $batch, is_error");
    let (count, response) = allocations(|| GraphError::decode(200, body));
    assert!(matches!(
        response.errors(),
        [GraphError::ItemNotFound {
            item_id: Some(_),
            ..
        }]
    ));
    assert_eq!(count, 6, "Graph $batch");

    // The empty-body path: the errors Vec and the message of the variant chosen by status.
    let (count, response) = allocations(|| ItcareError::decode(503, b""));
    assert!(matches!(
        response.first(),
        ItcareError::ServiceUnavailable { code: None, .. }
    ));
    assert_eq!(count, 2, "ITCare empty body");
    let (count, response) = allocations(|| IgelImiError::decode(401, b""));
    assert!(matches!(
        response.first(),
        IgelImiError::Unknown { code: None, .. }
    ));
    assert_eq!(count, 2, "IGEL empty body");

    // An XML body: streamed, only the text of the parts kept. The peak stays within the body's
    // size once more (the message as read) plus a small constant, whatever the message's size.
    let body = {
        let message = "x".repeat(8 << 20);
        format!("<Error><Code>NoSuchKey</Code><Message>  {message}  </Message><Other>{message}</Other></Error>")
    };
    let before = dhat::HeapStats::get().curr_bytes;
    let response = s3::S3Error::decode(404, body.as_bytes());
    let peak = dhat::HeapStats::get().max_bytes - before;
    assert!(matches!(response.first(), s3::S3Error::NoSuchKey { .. }));
    assert_eq!(response.first().message().len(), 8 << 20);
    assert!(
        peak <= (body.len() / 2) * 3 / 2 + (64 << 10),
        "XML peak heap {peak} bytes for a body of {}",
        body.len()
    );

    // A CBOR body: read in one pass, only the text of the parts kept, as for XML.
    let body = {
        let message = "x".repeat(8 << 20);
        let text = |text: &str, out: &mut Vec<u8>| {
            out.push(0x7a);
            out.extend_from_slice(&u32::try_from(text.len()).unwrap().to_be_bytes());
            out.extend_from_slice(text.as_bytes());
        };
        let mut body = vec![0xa3];
        text("__type", &mut body);
        text("InvalidGreeting", &mut body);
        text("Message", &mut body);
        text(&message, &mut body);
        text("Other", &mut body);
        text(&message, &mut body);
        body
    };
    let before = dhat::HeapStats::get().curr_bytes;
    let response = RpcV2CborError::decode(400, &body);
    let peak = dhat::HeapStats::get().max_bytes - before;
    assert_eq!(response.first().message().len(), 8 << 20);
    assert!(
        peak <= (body.len() / 2) * 3 / 2 + (64 << 10),
        "CBOR peak heap {peak} bytes for a body of {}",
        body.len()
    );

    drop(profiler);

    // Each peak case in a process of its own.
    for case in PEAK_CASES {
        let child = Command::new(std::env::current_exe().expect("the test binary"))
            .args(["decoding_allocates_only_what_the_result_holds", "--exact"])
            .env(PEAK_CASE, case)
            .output()
            .expect("the test binary runs");
        assert!(
            child.status.success(),
            "{case}:\n{}",
            String::from_utf8_lossy(&child.stdout)
        );
    }
}
