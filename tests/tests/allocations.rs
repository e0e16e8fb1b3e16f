//! Decoding allocates only what the result holds: the errors `Vec` and, per error, its owned
//! strings (message, extra fields, captured parameters). Counted with dhat's allocator.

use errspec_tests::{igel_imi::IgelImiError, itcare::ItcareError, netilion::NetilionError};
use errspec_tests::{itsm_ng::ItsmNgError, telecomx::TelecomXError};

mod s3 {
    errspec::errors_from_spec!("specs/s3.toml");
}

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

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
}
