//! Decoding allocates only what the result holds: the errors `Vec` and, per error, its owned
//! strings (message, extra fields, captured parameters). Counted with dhat's allocator.

use errspec_tests::{igel_imi::IgelImiError, itcare::ItcareError, netilion::NetilionError};
use errspec_tests::{itsm_ng::ItsmNgError, telecomx::TelecomXError};

mod s3 {
    errspec::errors_from_spec!("specs/s3.toml");
}

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

/// The most bytes `decode` holds on the heap at once, beyond what was held before.
fn peak_heap<T>(decode: impl FnOnce() -> T) -> (usize, T) {
    let before = dhat::HeapStats::get().curr_bytes;
    // dhat keeps the peak of the whole run: a decode lower than an earlier peak reads as 0,
    // never as less than it held (every case here holds more than the ones before it).
    let result = decode();
    let peak = dhat::HeapStats::get().max_bytes.saturating_sub(before);
    (peak, result)
}

/// The extra field `name` of `error`.
fn field<'e, E: errspec::ApiError>(error: &'e E, name: &str) -> Option<&'e str> {
    error
        .details()
        .into_iter()
        .find(|(field, _)| *field == name)
        .and_then(|(_, value)| value)
}

/// The bound on decoding's heap: twice the body, plus a small constant.
fn within_twice(peak: usize, body: &[u8], what: &str) {
    assert!(
        peak <= 2 * body.len() + (64 << 10),
        "{what}: peak heap {peak} bytes for a body of {}",
        body.len()
    );
}

/// How many allocations `decode` makes.
fn allocations<T>(decode: impl FnOnce() -> T) -> (u64, T) {
    let before = dhat::HeapStats::get().total_blocks;
    let result = decode();
    let after = dhat::HeapStats::get().total_blocks;
    (after - before, result)
}

// One test function: dhat counts for the whole process, so cases must not run in parallel.
#[test]
fn decoding_allocates_only_what_the_result_holds() {
    let _profiler = dhat::Profiler::builder().testing().build();

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
    let (peak, response) = peak_heap(|| s3::S3Error::decode(404, body.as_bytes()));
    assert!(matches!(response.first(), s3::S3Error::NoSuchKey { .. }));
    assert_eq!(response.first().message().len(), 8 << 20);
    assert!(
        peak <= (body.len() / 2) * 3 / 2 + (64 << 10),
        "XML peak heap {peak} bytes for a body of {}",
        body.len()
    );

    // Bodies built to make a decoder hold more than it keeps, each larger than the last, so that
    // each sets a new peak (dhat keeps one for the whole run). A field holding a large array or
    // object keeps its text, a copy of that part of the body, and builds no tree of it.
    let big = 24 << 20;
    let array = format!("[{}1]", "1,".repeat(big / 2));
    let body =
        format!(r#"{{"errors": [{{"type": "taken", "message": "m", "attribute": {array}}}]}}"#);
    let (peak, response) = peak_heap(|| NetilionError::decode(400, body.as_bytes()));
    assert_eq!(
        field(response.first(), "attribute").map(str::len),
        Some(array.len())
    );
    within_twice(peak, body.as_bytes(), "an array in a field");

    let object = format!(
        r#"{{{}"k": {{}}}}"#,
        r#""k": [{"a": 1}], "#.repeat(big / 14)
    );
    let body = format!(
        r#"{{"error": {{"code": "not_found", "message": "m", "check": {object}, "status": 404}}}}"#
    );
    let (peak, response) = peak_heap(|| TelecomXError::decode(404, body.as_bytes()));
    assert_eq!(field(response.first(), "check"), Some(object.as_str()));
    within_twice(peak, body.as_bytes(), "an object in a field");

    // Items that say nothing (`{}`) are not kept; those that say something are.
    let body = format!(
        r#"["ERROR_GLPI_PARTIAL_ADD", [{}{{"id": false, "message": "No permission."}}]]"#,
        "{}, ".repeat(big / 3)
    );
    let (peak, response) = peak_heap(|| ItsmNgError::decode(207, body.as_bytes()));
    assert_eq!(response.first().items().len(), 1);
    within_twice(peak, body.as_bytes(), "many empty batch items");

    // The inner errors of an error that is no `multiple` wrapper are never built, whether
    // they come before its code or after it.
    let inner = "{}, ".repeat(big / 4 + big / 16);
    for body in [
        format!(r#"{{"error": {{"inner": [{inner}{{}}], "code": "expired", "message": "m"}}}}"#),
        format!(r#"{{"error": {{"code": "expired", "message": "m", "inner": [{inner}{{}}]}}}}"#),
    ] {
        let (peak, response) = peak_heap(|| TelecomXError::decode(401, body.as_bytes()));
        assert!(matches!(response.first(), TelecomXError::Expired { .. }));
        assert_eq!(response.errors().len(), 1);
        within_twice(peak, body.as_bytes(), "many discarded inner errors");
    }
}
