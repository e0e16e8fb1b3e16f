//! AWS JSON 1.0, as Amazon DynamoDB sends it (`tests/specs/aws-dynamodb.toml`): the code is cut
//! out of `__type`, `<namespace>#<Code>` or `<Code>:<url>`, and the text as sent stays readable
//! through a field at the same pointer.

use errspec::Kind;

use errspec_tests::dynamodb::DynamoDbError;

#[test]
fn the_code_is_the_part_of_the_type_after_its_namespace() {
    // The example response of "Error handling with DynamoDB".
    let body = br#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
"message":"Requested resource not found: Table: tablename not found"}"#;
    let response = DynamoDbError::decode(400, body);
    let error = response.first();
    match error {
        DynamoDbError::ResourceNotFoundException {
            table, type_name, ..
        } => {
            assert_eq!(table.as_deref(), Some("tablename"));
            assert_eq!(
                type_name.as_deref(),
                Some("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException")
            );
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(error.code(), Some("ResourceNotFoundException"));
    assert_eq!(error.kind(), Kind::NotFound);
    assert_eq!(
        error.to_string(),
        "ResourceNotFoundException: Requested resource not found: Table: tablename not found"
    );
}

#[test]
fn a_trailing_url_and_an_escaped_type_are_cut_the_same_way() {
    let body = br#"{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException:http://internal.amazon.com/coral/com.amazon.coral.validate/","message":"The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API."}"#;
    let error = DynamoDbError::decode(400, body).into_errors().remove(0);
    assert!(matches!(
        error,
        DynamoDbError::ProvisionedThroughputExceededException { .. }
    ));
    assert!(error.is_retryable());
    assert_eq!(error.kind(), Kind::RateLimited);

    // An escape makes the reader own the text; the cut is the same.
    let escaped = br#"{"__type":"com.amazon.coral.validate#Validation\u0045xception","message":"1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null"}"#;
    let error = DynamoDbError::decode(400, escaped).into_errors().remove(0);
    match &error {
        DynamoDbError::ValidationException { type_name, .. } => assert_eq!(
            type_name.as_deref(),
            Some("com.amazon.coral.validate#ValidationException")
        ),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn an_undocumented_type_keeps_its_code_and_nothing_is_left_is_no_code() {
    let body = br#"{"__type":"com.amazonaws.dynamodb.v20120810#TransactionInProgressException","message":"The transaction with the given request token is already in progress."}"#;
    let error = DynamoDbError::decode(400, body).into_errors().remove(0);
    match &error {
        DynamoDbError::Unknown { code, status, .. } => {
            assert_eq!(code.as_deref(), Some("TransactionInProgressException"));
            assert_eq!(*status, 400);
        }
        other => panic!("unexpected {other:?}"),
    }
    // A namespace with nothing after it holds no code.
    let bare = br#"{"__type":"com.amazonaws.dynamodb.v20120810#","message":"Odd."}"#;
    let error = DynamoDbError::decode(400, bare).into_errors().remove(0);
    assert_eq!((error.variant_name(), error.code()), ("Unknown", None));
}

#[test]
fn what_a_mock_server_sends_decodes_to_the_same_error() {
    let body = br#"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}"#;
    let error = DynamoDbError::decode(400, body).into_errors().remove(0);
    let sent = error.to_body();
    assert_eq!(
        String::from_utf8_lossy(&sent),
        r#"{"__type":"ConditionalCheckFailedException","message":"The conditional request failed"}"#
    );
    let again = DynamoDbError::decode(400, &sent).into_errors().remove(0);
    assert_eq!(again.spec_code(), error.spec_code());
    assert_eq!(again.message(), error.message());
}

#[test]
fn a_code_sent_only_in_a_header_is_read_and_the_request_id_kept() {
    let mut headers = errspec::http::HeaderMap::new();
    headers.insert(
        "x-amzn-ErrorType",
        "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.dynamodb.v20120810/"
            .parse()
            .expect("a header value"),
    );
    headers.insert(
        "x-amzn-RequestId",
        "4KBNVRGD25RG4KEFIVEYVI1VJ3VV4KQNSO5AEMVJF66Q9ASUAAJG"
            .parse()
            .expect("a header value"),
    );
    // No body at all, as for a HEAD request, and a body without `__type`.
    for body in [&b""[..], br#"{"message": "Requested resource not found"}"#] {
        let response =
            DynamoDbError::decode_parts(errspec::http::StatusCode::BAD_REQUEST, &headers, body);
        assert_eq!(
            response.first().code(),
            Some("ResourceNotFoundException"),
            "{:?}",
            response.first()
        );
        assert_eq!(response.first().kind(), Kind::NotFound);
        assert_eq!(
            response.request_id(),
            Some("4KBNVRGD25RG4KEFIVEYVI1VJ3VV4KQNSO5AEMVJF66Q9ASUAAJG")
        );
    }
    // The body's code wins over the header's.
    let body = br#"{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}"#;
    let response =
        DynamoDbError::decode_parts(errspec::http::StatusCode::BAD_REQUEST, &headers, body);
    assert!(matches!(
        response.first(),
        DynamoDbError::ThrottlingException { .. }
    ));
    // Without headers, nothing but the body counts.
    let response = DynamoDbError::decode(400, b"");
    assert_eq!(response.request_id(), None);
    assert!(matches!(response.first(), DynamoDbError::Unknown { .. }));
    // to_http sends the request id back in the spec's header.
    let response =
        DynamoDbError::decode_parts(errspec::http::StatusCode::BAD_REQUEST, &headers, body);
    let http = response.to_http();
    assert_eq!(
        http.headers()["x-amzn-RequestId"],
        "4KBNVRGD25RG4KEFIVEYVI1VJ3VV4KQNSO5AEMVJF66Q9ASUAAJG"
    );
    let again = DynamoDbError::decode_http(&http);
    assert_eq!(again.request_id(), response.request_id());
    assert!(matches!(
        again.first(),
        DynamoDbError::ThrottlingException { .. }
    ));
}

/// restJson1 (`tests/specs/aws/rest-json.toml`): the `X-Amzn-Errortype` header comes first.
mod rest_json {
    errspec::errors_from_spec!("specs/aws/rest-json.toml");
}

/// The error restJson1 decodes from `headers` and `body` (an error status, 500).
fn rest_json(headers: &[(&'static str, &'static str)], body: &str) -> rest_json::AwsRestJsonError {
    let mut map = errspec::http::HeaderMap::new();
    for (name, value) in headers {
        map.insert(*name, errspec::http::HeaderValue::from_static(value));
    }
    rest_json::AwsRestJsonError::decode_parts(500, &map, body.as_bytes())
        .into_errors()
        .remove(0)
}

#[test]
fn rest_json_reads_the_smithy_foo_error_cases() {
    use rest_json::AwsRestJsonError::FooError;
    // The Smithy case ids of restJson1's `FooError` (errors.smithy), each header or body.
    /// A Smithy case: its id, the headers and the body.
    type Case = (
        &'static str,
        &'static [(&'static str, &'static str)],
        &'static str,
    );
    let cases: [Case; 9] = [
        ("RestJsonFooErrorUsingXAmznErrorType", &[("X-Amzn-Errortype", "FooError")], ""),
        (
            "RestJsonFooErrorUsingXAmznErrorTypeWithUri",
            &[("X-Amzn-Errortype", "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/")],
            "",
        ),
        (
            "RestJsonFooErrorUsingXAmznErrorTypeWithUriAndNamespace",
            &[("X-Amzn-Errortype", "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/")],
            "",
        ),
        ("RestJsonFooErrorUsingCode", &[], r#"{"code": "FooError"}"#),
        (
            "RestJsonFooErrorUsingCodeAndNamespace",
            &[],
            r#"{"code": "aws.protocoltests.restjson#FooError"}"#,
        ),
        (
            "RestJsonFooErrorUsingCodeUriAndNamespace",
            &[],
            r#"{"code": "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"}"#,
        ),
        ("RestJsonFooErrorWithDunderType", &[], r#"{"__type": "FooError"}"#),
        (
            "RestJsonFooErrorWithDunderTypeAndNamespace",
            &[],
            r#"{"__type": "aws.protocoltests.restjson#FooError"}"#,
        ),
        (
            "RestJsonFooErrorWithDunderTypeUriAndNamespace",
            &[],
            r#"{"__type": "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"}"#,
        ),
    ];
    for (id, headers, body) in cases {
        let error = rest_json(headers, body);
        assert!(matches!(error, FooError { .. }), "{id}: {error:?}");
        assert_eq!(error.code(), Some("FooError"), "{id}");
    }
}

#[test]
fn rest_json_takes_the_header_code_over_the_body_s() {
    let error = rest_json(
        &[("X-Amzn-Errortype", "FooError")],
        r#"{"__type": "aws.protocoltests.restjson#InvalidGreeting", "message": "Hi"}"#,
    );
    assert!(
        matches!(&error, rest_json::AwsRestJsonError::FooError { message, .. } if message == "Hi"),
        "{error:?}"
    );
    // Without the header, the body's.
    let error = rest_json(
        &[],
        r#"{"__type": "aws.protocoltests.restjson#InvalidGreeting", "message": "Hi"}"#,
    );
    assert!(
        matches!(error, rest_json::AwsRestJsonError::InvalidGreeting { .. }),
        "{error:?}"
    );
    // A blank header is none.
    let error = rest_json(&[("X-Amzn-Errortype", " ")], r#"{"code": "ComplexError"}"#);
    assert!(
        matches!(error, rest_json::AwsRestJsonError::ComplexError { .. }),
        "{error:?}"
    );
}

#[test]
fn rest_json_reads_a_member_bound_to_a_header() {
    // RestJsonComplexErrorWithNoMessage and RestJsonEmptyComplexErrorWithNoMessage.
    let headers = [("X-Amzn-Errortype", "ComplexError"), ("X-Header", "Header")];
    match rest_json(
        &headers,
        r#"{"TopLevel": "Top level", "Nested": {"Fooooo": "bar"}}"#,
    ) {
        rest_json::AwsRestJsonError::ComplexError {
            header,
            top_level,
            nested,
            ..
        } => {
            assert_eq!(header.as_deref(), Some("Header"));
            assert_eq!(top_level.as_deref(), Some("Top level"));
            assert_eq!(nested.as_deref(), Some(r#"{"Fooooo": "bar"}"#));
        }
        other => panic!("RestJsonComplexErrorWithNoMessage: {other:?}"),
    }
    match rest_json(&headers, "{}") {
        rest_json::AwsRestJsonError::ComplexError {
            header,
            top_level,
            nested,
            ..
        } => {
            assert_eq!(header.as_deref(), Some("Header"));
            assert_eq!((top_level, nested), (None, None));
        }
        other => panic!("RestJsonEmptyComplexErrorWithNoMessage: {other:?}"),
    }
    // `to_http` sends the header back; decoding what it sends gives the response back.
    let mut map = errspec::http::HeaderMap::new();
    for (name, value) in headers {
        map.insert(name, errspec::http::HeaderValue::from_static(value));
    }
    let response =
        rest_json::AwsRestJsonError::decode_parts(403, &map, br#"{"TopLevel": "Top level"}"#);
    let (parts, body) = response.to_http().into_parts();
    assert_eq!(parts.headers["x-header"], "Header");
    assert_eq!(
        rest_json::AwsRestJsonError::decode_parts(parts.status, &parts.headers, &body),
        response
    );
    // Without headers (`decode`), the field is none.
    let plain = rest_json::AwsRestJsonError::decode(403, br#"{"code": "ComplexError"}"#);
    assert!(matches!(
        plain.first(),
        rest_json::AwsRestJsonError::ComplexError { header: None, .. }
    ));
}
