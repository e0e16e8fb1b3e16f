//! The error cases of the Smithy protocol tests (smithy-lang/smithy, the `@httpResponseTests`
//! of error shapes in `smithy-aws-protocol-tests/model/*` and
//! `smithy-protocol-tests/model/rpcv2Cbor`), each decoded by the spec of its protocol in
//! `tests/specs/aws/` and checked for its variant and every member: one test per case id, or
//! per group of cases that differ only by where the code is sent (the `FooError` cases, each
//! id in its assertion's message). restJson1's are in `aws_json`.
//!
//! A query-compatible service's `x-amzn-query-error: Customized;Sender` is cut into two
//! fields, the awsQuery code and fault: `code()` stays the code that chose the variant
//! (`CustomCodeError`), the awsQuery code is exposed apart.

use base64::Engine as _;
use errspec::http::{HeaderMap, HeaderName, HeaderValue};

/// The headers of a case.
fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
    pairs
        .iter()
        .map(|(name, value)| {
            (
                HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_str(value).unwrap(),
            )
        })
        .collect()
}

/// A case's body, given in base64.
fn base64(body: &str) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(body)
        .unwrap()
}

mod rpc_v2_cbor {
    errspec::errors_from_spec!("specs/aws/rpc-v2-cbor.toml");
}

use rpc_v2_cbor::RpcV2CborError;

/// The headers every RPC v2 CBOR response carries.
const CBOR_HEADERS: &[(&str, &str)] = &[
    ("smithy-protocol", "rpc-v2-cbor"),
    ("Content-Type", "application/cbor"),
];

/// The error an RPC v2 CBOR case decodes to, and the response it is in.
fn rpc_v2_cbor(
    status: u16,
    body: &str,
) -> (RpcV2CborError, errspec::ErrorResponse<RpcV2CborError>) {
    let response = RpcV2CborError::decode_parts(status, &headers(CBOR_HEADERS), &base64(body));
    assert_eq!(response.errors().len(), 1, "{response:?}");
    (response.first().clone(), response)
}

#[test]
fn rpc_v2_cbor_invalid_greeting_error() {
    // {_ "__type": "smithy.protocoltests.rpcv2Cbor#InvalidGreeting", "Message": "Hi"}
    let (error, response) = rpc_v2_cbor(
        400,
        "v2ZfX3R5cGV4LnNtaXRoeS5wcm90b2NvbHRlc3RzLnJwY3YyQ2JvciNJbnZhbGlkR3JlZXRpbmdnTWVzc2FnZWJIaf8=",
    );
    match &error {
        RpcV2CborError::InvalidGreeting {
            message,
            top_level,
            nested,
            nested_foo,
            ..
        } => {
            assert_eq!(message, "Hi");
            assert_eq!((top_level, nested, nested_foo), (&None, &None, &None));
        }
        other => panic!("RpcV2CborInvalidGreetingError: {other:?}"),
    }
    assert_eq!(error.code(), Some("InvalidGreeting"));
    // What a server of the protocol sends back decodes to the same response.
    let (parts, body) = response.to_http().into_parts();
    assert_eq!(parts.headers["content-type"], "application/cbor");
    assert_eq!(
        RpcV2CborError::decode_parts(parts.status.as_u16(), &parts.headers, &body),
        response
    );
}

#[test]
fn rpc_v2_cbor_complex_error() {
    // {_ "__type": "smithy.protocoltests.rpcv2Cbor#ComplexError", "TopLevel": "Top level",
    //    "Nested": {_ "Foo": "bar"}}
    let (error, _) = rpc_v2_cbor(
        400,
        "v2ZfX3R5cGV4K3NtaXRoeS5wcm90b2NvbHRlc3RzLnJwY3YyQ2JvciNDb21wbGV4RXJyb3JoVG9wTGV2ZWxpVG9wIGxldmVsZk5lc3RlZL9jRm9vY2Jhcv//",
    );
    match &error {
        RpcV2CborError::ComplexError {
            top_level,
            nested,
            nested_foo,
            ..
        } => {
            assert_eq!(top_level.as_deref(), Some("Top level"));
            // The structure kept whole as its JSON form, and its member read out of it.
            assert_eq!(nested.as_deref(), Some(r#"{"Foo":"bar"}"#));
            assert_eq!(nested_foo.as_deref(), Some("bar"));
        }
        other => panic!("RpcV2CborComplexError: {other:?}"),
    }
}

#[test]
fn rpc_v2_cbor_empty_complex_error() {
    // {_ "__type": "smithy.protocoltests.rpcv2Cbor#ComplexError"}
    let (error, _) = rpc_v2_cbor(
        400,
        "v2ZfX3R5cGV4K3NtaXRoeS5wcm90b2NvbHRlc3RzLnJwY3YyQ2JvciNDb21wbGV4RXJyb3L/",
    );
    match error {
        RpcV2CborError::ComplexError {
            top_level,
            nested,
            nested_foo,
            ..
        } => assert_eq!((top_level, nested, nested_foo), (None, None, None)),
        other => panic!("RpcV2CborEmptyComplexError: {other:?}"),
    }
}

#[test]
fn rpc_v2_cbor_bodies_of_another_type_are_passed_over() {
    // A JSON body sent with a JSON Content-Type is no CBOR shape's: the status decides.
    let response = RpcV2CborError::decode_parts(
        400,
        &headers(&[("Content-Type", "application/json")]),
        br#"{"__type": "InvalidGreeting"}"#,
    );
    assert_eq!(response.first().code(), None, "{response:?}");
}

#[test]
fn rpc_v2_cbor_values_the_one_pass_cannot_keep_are_read_in_the_json_form() {
    // {"__type": "x#ComplexError", "TopLevel": 1.5 (a half float), 1: h'00ff',
    //  "Message": (_ "a", "b")}
    let mut body = vec![0xa4, 0x66];
    body.extend_from_slice(b"__type");
    body.push(0x6e);
    body.extend_from_slice(b"x#ComplexError");
    body.push(0x68);
    body.extend_from_slice(b"TopLevel");
    body.extend_from_slice(&[0xf9, 0x3e, 0x00, 0x01, 0x42, 0x00, 0xff, 0x67]);
    body.extend_from_slice(b"Message");
    body.extend_from_slice(&[0x7f, 0x61, b'a', 0x61, b'b', 0xff]);
    match RpcV2CborError::decode(400, &body).first() {
        RpcV2CborError::ComplexError {
            message, top_level, ..
        } => {
            assert_eq!(message, "ab");
            assert_eq!(top_level.as_deref(), Some("1.5"));
        }
        other => panic!("unexpected {other:?}"),
    }
    // {"__type": "InvalidGreeting", "Message": "bad \xff" (not UTF-8), "TopLevel": 2^64}
    let mut body = vec![0xa3, 0x66];
    body.extend_from_slice(b"__type");
    body.push(0x6f);
    body.extend_from_slice(b"InvalidGreeting");
    body.push(0x67);
    body.extend_from_slice(b"Message");
    body.extend_from_slice(&[0x65, b'b', b'a', b'd', b' ', 0xff, 0x68]);
    body.extend_from_slice(b"TopLevel");
    body.extend_from_slice(&[0xc2, 0x49, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    match RpcV2CborError::decode(400, &body).first() {
        RpcV2CborError::InvalidGreeting {
            message, top_level, ..
        } => {
            assert_eq!(message, "bad \u{fffd}");
            assert_eq!(top_level.as_deref(), Some("18446744073709551616"));
        }
        other => panic!("unexpected {other:?}"),
    }
    // An error map cut short is no error, as a JSON object cut short is none: the status
    // decides.
    let whole = base64(
        "v2ZfX3R5cGV4K3NtaXRoeS5wcm90b2NvbHRlc3RzLnJwY3YyQ2JvciNDb21wbGV4RXJyb3JoVG9wTGV2ZWxpVG9wIGxldmVsZk5lc3RlZL9jRm9vY2Jhcv//",
    );
    let cut = &whole[..whole.len() - 6];
    let response = RpcV2CborError::decode(400, cut);
    assert_eq!(response.errors().len(), 1);
    assert_eq!(response.first().code(), None, "{response:?}");
}

mod rest_xml {
    errspec::errors_from_spec!("specs/aws/rest-xml.toml");
}

mod query {
    errspec::errors_from_spec!("specs/aws/query.toml");
}

mod ec2 {
    errspec::errors_from_spec!("specs/aws/ec2.toml");
}

use ec2::AwsEc2Error;
use query::AwsQueryError;
use rest_xml::AwsRestXmlError;

/// A body as a Smithy text block gives it: each line without the block's indentation, and a
/// final newline.
fn text_block(lines: &[&str]) -> Vec<u8> {
    let mut body = lines.join("\n");
    body.push('\n');
    body.into_bytes()
}

#[test]
fn invalid_greeting_error() {
    // restXml
    let body = text_block(&[
        "<ErrorResponse>",
        "   <Error>",
        "      <Type>Sender</Type>",
        "      <Code>InvalidGreeting</Code>",
        "      <Message>Hi</Message>",
        "      <AnotherSetting>setting</AnotherSetting>",
        "   </Error>",
        "   <RequestId>foo-id</RequestId>",
        "</ErrorResponse>",
    ]);
    let response =
        AwsRestXmlError::decode_parts(400, &headers(&[("Content-Type", "application/xml")]), &body);
    match response.first() {
        AwsRestXmlError::InvalidGreeting {
            message,
            fault,
            top_level,
            nested_foo,
            header,
            ..
        } => {
            assert_eq!(message, "Hi");
            assert_eq!(fault.as_deref(), Some("Sender"));
            assert_eq!((top_level, nested_foo, header), (&None, &None, &None));
        }
        other => panic!("InvalidGreetingError: {other:?}"),
    }
    assert_eq!(response.request_id(), Some("foo-id"));
    // What a server sends back (`to_http`) holds the request id where the body holds it.
    let (parts, written) = response.to_http().into_parts();
    assert!(
        String::from_utf8_lossy(&written).contains("<RequestId>foo-id</RequestId>"),
        "{}",
        String::from_utf8_lossy(&written)
    );
    assert_eq!(parts.headers["x-amz-request-id"], "foo-id");
    let mut without_header = parts.headers.clone();
    without_header.remove("x-amz-request-id");
    assert_eq!(
        AwsRestXmlError::decode_parts(parts.status.as_u16(), &without_header, &written)
            .request_id(),
        Some("foo-id")
    );
}

#[test]
fn complex_error() {
    // restXml, a member in a header.
    let body = text_block(&[
        "<ErrorResponse>",
        "   <Error>",
        "      <Type>Sender</Type>",
        "      <Code>ComplexError</Code>",
        "      <Message>Hi</Message>",
        "      <TopLevel>Top level</TopLevel>",
        "      <Nested>",
        "          <Foo>bar</Foo>",
        "      </Nested>",
        "   </Error>",
        "   <RequestId>foo-id</RequestId>",
        "</ErrorResponse>",
    ]);
    let response = AwsRestXmlError::decode_parts(
        403,
        &headers(&[("Content-Type", "application/xml"), ("X-Header", "Header")]),
        &body,
    );
    match response.first() {
        AwsRestXmlError::ComplexError {
            header,
            top_level,
            nested_foo,
            fault,
            ..
        } => {
            assert_eq!(header.as_deref(), Some("Header"));
            assert_eq!(top_level.as_deref(), Some("Top level"));
            assert_eq!(nested_foo.as_deref(), Some("bar"));
            assert_eq!(fault.as_deref(), Some("Sender"));
        }
        other => panic!("ComplexError: {other:?}"),
    }
    assert_eq!(response.request_id(), Some("foo-id"));
}

#[test]
fn s3_operation_no_error_wrapping_response() {
    // restXml with `noErrorWrapping`: the second shape.
    let body = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n\t<Type>Sender</Type>\n\t<Code>NoSuchBucket</Code>\n</Error>";
    let response =
        AwsRestXmlError::decode_parts(400, &headers(&[("Content-Type", "application/xml")]), body);
    match response.first() {
        AwsRestXmlError::NoSuchBucket { fault, .. } => {
            assert_eq!(fault.as_deref(), Some("Sender"));
        }
        other => panic!("S3OperationNoErrorWrappingResponse: {other:?}"),
    }
    assert_eq!(response.request_id(), None);
    // S3's own errors carry their request id inside.
    let body = b"<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>";
    assert_eq!(
        AwsRestXmlError::decode(404, body).request_id(),
        Some("4442587FB7D0A2F9")
    );
}

/// The headers of the awsQuery cases.
const QUERY_HEADERS: &[(&str, &str)] = &[("Content-Type", "text/xml")];

#[test]
fn query_invalid_greeting_error() {
    let body = text_block(&[
        "<ErrorResponse>",
        "   <Error>",
        "      <Type>Sender</Type>",
        "      <Code>InvalidGreeting</Code>",
        "      <Message>Hi</Message>",
        "   </Error>",
        "   <RequestId>foo-id</RequestId>",
        "</ErrorResponse>",
    ]);
    let response = AwsQueryError::decode_parts(400, &headers(QUERY_HEADERS), &body);
    let error = response.first();
    match error {
        AwsQueryError::InvalidGreeting { message, fault, .. } => {
            assert_eq!(message, "Hi");
            // vendorParams: { code: "InvalidGreeting", type: "Sender" }
            assert_eq!(fault.as_deref(), Some("Sender"));
        }
        other => panic!("QueryInvalidGreetingError: {other:?}"),
    }
    assert_eq!(error.code(), Some("InvalidGreeting"));
    assert_eq!(response.request_id(), Some("foo-id"));
    // Sent back with the request id in its place, without a header.
    let (parts, written) = response.to_http().into_parts();
    assert_eq!(
        AwsQueryError::decode_parts(parts.status.as_u16(), &parts.headers, &written),
        response
    );
}

#[test]
fn query_complex_error() {
    let body = text_block(&[
        "<ErrorResponse>",
        "   <Error>",
        "      <Type>Sender</Type>",
        "      <Code>ComplexError</Code>",
        "      <TopLevel>Top level</TopLevel>",
        "      <Nested>",
        "          <Foo>bar</Foo>",
        "      </Nested>",
        "   </Error>",
        "   <RequestId>foo-id</RequestId>",
        "</ErrorResponse>",
    ]);
    let response = AwsQueryError::decode_parts(400, &headers(QUERY_HEADERS), &body);
    match response.first() {
        AwsQueryError::ComplexError {
            top_level,
            nested_foo,
            fault,
            ..
        } => {
            assert_eq!(top_level.as_deref(), Some("Top level"));
            assert_eq!(nested_foo.as_deref(), Some("bar"));
            assert_eq!(fault.as_deref(), Some("Sender"));
        }
        other => panic!("QueryComplexError: {other:?}"),
    }
    assert_eq!(response.request_id(), Some("foo-id"));
}

#[test]
fn query_customized_error() {
    let body = text_block(&[
        "<ErrorResponse>",
        "   <Error>",
        "      <Type>Sender</Type>",
        "      <Code>Customized</Code>",
        "      <Message>Hi</Message>",
        "   </Error>",
        "   <RequestId>foo-id</RequestId>",
        "</ErrorResponse>",
    ]);
    let response = AwsQueryError::decode_parts(402, &headers(QUERY_HEADERS), &body);
    let error = response.first();
    match error {
        AwsQueryError::CustomCodeError {
            message,
            fault,
            status,
            ..
        } => {
            assert_eq!(message, "Hi");
            assert_eq!(fault.as_deref(), Some("Sender"));
            assert_eq!(*status, 402);
        }
        other => panic!("QueryCustomizedError: {other:?}"),
    }
    // vendorParams: { code: "Customized", type: "Sender" }
    assert_eq!(error.code(), Some("Customized"));
    assert_eq!(response.request_id(), Some("foo-id"));
}

/// The headers of the ec2Query cases.
const EC2_HEADERS: &[(&str, &str)] = &[("Content-Type", "text/xml;charset=UTF-8")];

#[test]
fn ec2_invalid_greeting_error() {
    let body = text_block(&[
        "<Response>",
        "    <Errors>",
        "        <Error>",
        "            <Code>InvalidGreeting</Code>",
        "            <Message>Hi</Message>",
        "        </Error>",
        "    </Errors>",
        "    <RequestID>foo-id</RequestID>",
        "</Response>",
    ]);
    let response = AwsEc2Error::decode_parts(400, &headers(EC2_HEADERS), &body);
    let error = response.first();
    match error {
        AwsEc2Error::InvalidGreeting { message, .. } => assert_eq!(message, "Hi"),
        other => panic!("Ec2InvalidGreetingError: {other:?}"),
    }
    // vendorParams: { code: "InvalidGreeting" }
    assert_eq!(error.code(), Some("InvalidGreeting"));
    assert_eq!(response.request_id(), Some("foo-id"));
    let (parts, written) = response.to_http().into_parts();
    assert_eq!(
        AwsEc2Error::decode_parts(parts.status.as_u16(), &parts.headers, &written),
        response
    );
}

#[test]
fn ec2_complex_error() {
    let body = text_block(&[
        "<Response>",
        "    <Errors>",
        "        <Error>",
        "            <Code>ComplexError</Code>",
        "            <Message>Hi</Message>",
        "            <TopLevel>Top level</TopLevel>",
        "            <Nested>",
        "                <Foo>bar</Foo>",
        "            </Nested>",
        "        </Error>",
        "    </Errors>",
        "    <RequestID>foo-id</RequestID>",
        "</Response>",
    ]);
    let response = AwsEc2Error::decode_parts(400, &headers(EC2_HEADERS), &body);
    match response.first() {
        AwsEc2Error::ComplexError {
            top_level,
            nested_foo,
            ..
        } => {
            assert_eq!(top_level.as_deref(), Some("Top level"));
            assert_eq!(nested_foo.as_deref(), Some("bar"));
        }
        other => panic!("Ec2ComplexError: {other:?}"),
    }
    assert_eq!(response.request_id(), Some("foo-id"));
}

mod json {
    errspec::errors_from_spec!("specs/aws/json.toml");
}

use json::AwsJsonError;

/// The error `status`, `headers` and `body` decode to.
fn aws_json(status: u16, case_headers: &[(&str, &str)], body: &str) -> AwsJsonError {
    let response = AwsJsonError::decode_parts(status, &headers(case_headers), body.as_bytes());
    assert_eq!(response.errors().len(), 1, "{response:?}");
    response.first().clone()
}

/// The member cases of one protocol: `InvalidGreeting`, `ComplexError` and the empty
/// `ComplexError`, each with every member checked.
fn aws_json_member_cases(content_type: &'static str, ids: [&str; 3], types: [&str; 2]) {
    let headers = [("Content-Type", content_type)];
    let body = format!(r#"{{"__type": "{}", "Message": "Hi"}}"#, types[0]);
    match aws_json(400, &headers, &body) {
        AwsJsonError::InvalidGreeting {
            message,
            top_level,
            nested_foo,
            ..
        } => {
            assert_eq!(message, "Hi", "{}", ids[0]);
            assert_eq!((top_level, nested_foo), (None, None), "{}", ids[0]);
        }
        other => panic!("{}: {other:?}", ids[0]),
    }
    let body = format!(
        r#"{{"__type": "{}", "TopLevel": "Top level", "Nested": {{"Foo": "bar"}}}}"#,
        types[1]
    );
    match aws_json(400, &headers, &body) {
        AwsJsonError::ComplexError {
            top_level,
            nested_foo,
            ..
        } => {
            assert_eq!(top_level.as_deref(), Some("Top level"), "{}", ids[1]);
            assert_eq!(nested_foo.as_deref(), Some("bar"), "{}", ids[1]);
        }
        other => panic!("{}: {other:?}", ids[1]),
    }
    let body = format!(r#"{{"__type": "{}"}}"#, types[1]);
    match aws_json(400, &headers, &body) {
        AwsJsonError::ComplexError {
            top_level,
            nested_foo,
            ..
        } => assert_eq!((top_level, nested_foo), (None, None), "{}", ids[2]),
        other => panic!("{}: {other:?}", ids[2]),
    }
}

/// A `FooError` case: its id (without the protocol's prefix), its headers and its body.
type FooCase = (String, Vec<(&'static str, String)>, String);

/// The `FooError` cases of one protocol, whose namespace is `namespace`: the code in a header,
/// in `code`, in `__type`, with and without a namespace and a URI.
fn aws_json_foo_error_cases(protocol: &str, content_type: &'static str, namespace: &str) {
    let uri = ":http://internal.amazon.com/coral/com.amazon.coral.validate/";
    let json = [("Content-Type", content_type)];
    let cases: Vec<FooCase> = vec![
        (
            "FooErrorUsingXAmznErrorType".into(),
            vec![("X-Amzn-Errortype", "FooError".into())],
            String::new(),
        ),
        (
            "FooErrorUsingXAmznErrorTypeWithUri".into(),
            vec![("X-Amzn-Errortype", format!("FooError{uri}"))],
            String::new(),
        ),
        (
            "FooErrorUsingXAmznErrorTypeWithUriAndNamespace".into(),
            vec![("X-Amzn-Errortype", format!("{namespace}#FooError{uri}"))],
            String::new(),
        ),
        (
            "FooErrorUsingCode".into(),
            vec![],
            r#"{"code": "FooError"}"#.into(),
        ),
        (
            "FooErrorUsingCodeAndNamespace".into(),
            vec![],
            format!(r#"{{"code": "{namespace}#FooError"}}"#),
        ),
        (
            "FooErrorUsingCodeUriAndNamespace".into(),
            vec![],
            format!(r#"{{"code": "{namespace}#FooError{uri}"}}"#),
        ),
        (
            "FooErrorWithDunderType".into(),
            vec![],
            r#"{"__type": "FooError"}"#.into(),
        ),
        (
            "FooErrorWithDunderTypeAndNamespace".into(),
            vec![],
            format!(r#"{{"__type": "{namespace}#FooError"}}"#),
        ),
        (
            "FooErrorWithDunderTypeAndDifferentNamespace".into(),
            vec![],
            r#"{"__type": "aws.different.namespace#FooError"}"#.into(),
        ),
        (
            "FooErrorWithDunderTypeUriAndNamespace".into(),
            vec![],
            format!(r#"{{"__type": "{namespace}#FooError{uri}"}}"#),
        ),
        // A `__type` nested in the error's members is not the error's.
        (
            "FooErrorWithNestedTypeProperty".into(),
            vec![],
            format!(
                r#"{{"__type": "{namespace}#FooError", "ErrorDetails": [{{"__type": "com.amazon.internal#ErrorDetails", "reason": "Some reason"}}]}}"#
            ),
        ),
    ];
    for (id, case_headers, body) in &cases {
        let mut all: Vec<(&str, &str)> = case_headers
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        // The body's cases are sent with the protocol's Content-Type.
        if !body.is_empty() {
            all.extend(json);
        }
        let error = aws_json(500, &all, body);
        assert!(
            matches!(error, AwsJsonError::FooError { .. }),
            "{protocol}{id}: {error:?}"
        );
        assert_eq!(error.code(), Some("FooError"), "{protocol}{id}");
    }
}

#[test]
fn aws_json10_invalid_greeting_complex_and_empty_complex_errors() {
    aws_json_member_cases(
        "application/x-amz-json-1.0",
        [
            "AwsJson10InvalidGreetingError",
            "AwsJson10ComplexError",
            "AwsJson10EmptyComplexError",
        ],
        [
            "aws.protocoltests.json10#InvalidGreeting",
            "aws.protocoltests.json10#ComplexError",
        ],
    );
}

#[test]
fn aws_json10_foo_error_cases() {
    aws_json_foo_error_cases(
        "AwsJson10",
        "application/x-amz-json-1.0",
        "aws.protocoltests.json10",
    );
}

#[test]
fn aws_json11_invalid_greeting_complex_and_empty_complex_errors() {
    aws_json_member_cases(
        "application/x-amz-json-1.1",
        [
            "AwsJson11InvalidGreetingError",
            "AwsJson11ComplexError",
            "AwsJson11EmptyComplexError",
        ],
        ["InvalidGreeting", "ComplexError"],
    );
}

#[test]
fn aws_json11_foo_error_cases() {
    aws_json_foo_error_cases(
        "AwsJson11",
        "application/x-amz-json-1.1",
        "aws.protocoltests.json",
    );
}

#[test]
fn query_compatible_aws_json10_no_custom_code_error() {
    let error = aws_json(
        400,
        &[("Content-Type", "application/x-amz-json-1.0")],
        r#"{"__type": "aws.protocoltests.json10#NoCustomCodeError", "message": "Hi"}"#,
    );
    match &error {
        AwsJsonError::NoCustomCodeError { message, .. } => assert_eq!(message, "Hi"),
        other => panic!("QueryCompatibleAwsJson10NoCustomCodeError: {other:?}"),
    }
    assert_eq!(error.code(), Some("NoCustomCodeError"));
}

#[test]
fn query_compatible_aws_json10_custom_code_error() {
    let error = aws_json(
        400,
        &[
            ("Content-Type", "application/x-amz-json-1.0"),
            ("x-amzn-query-error", "Customized;Sender"),
        ],
        r#"{"__type": "aws.protocoltests.json10#CustomCodeError", "message": "Hi"}"#,
    );
    match &error {
        AwsJsonError::CustomCodeError {
            message,
            query_code,
            query_fault,
            ..
        } => {
            assert_eq!(message, "Hi");
            // vendorParams: { code: "Customized", type: "Sender" }.
            assert_eq!(query_code.as_deref(), Some("Customized"));
            assert_eq!(query_fault.as_deref(), Some("Sender"));
        }
        other => panic!("QueryCompatibleAwsJson10CustomCodeError: {other:?}"),
    }
    assert_eq!(error.code(), Some("CustomCodeError"));
    // `to_http` sends the header back as received; what it sends decodes to the same.
    let response = AwsJsonError::decode_parts(
        400,
        &headers(&[("x-amzn-query-error", "Customized;Sender")]),
        br#"{"__type": "aws.protocoltests.json10#CustomCodeError", "message": "Hi"}"#,
    );
    let (parts, body) = response.to_http().into_parts();
    assert_eq!(parts.headers["x-amzn-query-error"], "Customized;Sender");
    assert_eq!(
        AwsJsonError::decode_parts(parts.status, &parts.headers, &body),
        response
    );
    // A header without the separator is the code whole, and the fault whole too: each cut
    // reads as the code's `code_before` and `code_after` do.
    let bare = aws_json(
        400,
        &[("x-amzn-query-error", " Customized ")],
        r#"{"__type": "CustomCodeError"}"#,
    );
    assert!(
        matches!(
            &bare,
            AwsJsonError::CustomCodeError { query_code, query_fault, .. }
                if query_code.as_deref() == Some("Customized") && query_fault.as_deref() == Some("Customized")
        ),
        "{bare:?}"
    );
}

#[test]
fn query_compatible_rpc_v2_cbor_no_custom_code_error() {
    let (error, _) = rpc_v2_cbor(
        400,
        "uQACZl9fdHlwZXgtYXdzLnByb3RvY29sdGVzdHMucnBjdjJjYm9yI05vQ3VzdG9tQ29kZUVycm9yZ21lc3NhZ2ViSGk=",
    );
    match &error {
        RpcV2CborError::NoCustomCodeError {
            message,
            query_code,
            query_fault,
            ..
        } => {
            assert_eq!(message, "Hi");
            assert_eq!((query_code, query_fault), (&None, &None));
        }
        other => panic!("QueryCompatibleRpcV2CborNoCustomCodeError: {other:?}"),
    }
    assert_eq!(error.code(), Some("NoCustomCodeError"));
}

#[test]
fn query_compatible_rpc_v2_cbor_custom_code_error() {
    let mut case_headers = CBOR_HEADERS.to_vec();
    case_headers.push(("x-amzn-query-error", "Customized;Sender"));
    let response = RpcV2CborError::decode_parts(
        400,
        &headers(&case_headers),
        &base64("uQACZl9fdHlwZXgrYXdzLnByb3RvY29sdGVzdHMucnBjdjJjYm9yI0N1c3RvbUNvZGVFcnJvcmdtZXNzYWdlYkhp"),
    );
    match response.first() {
        RpcV2CborError::CustomCodeError {
            message,
            query_code,
            query_fault,
            ..
        } => {
            assert_eq!(message, "Hi");
            assert_eq!(query_code.as_deref(), Some("Customized"));
            assert_eq!(query_fault.as_deref(), Some("Sender"));
        }
        other => panic!("QueryCompatibleRpcV2CborCustomCodeError: {other:?}"),
    }
    assert_eq!(response.first().code(), Some("CustomCodeError"));
}

mod promise {
    use errspec_tests::harness::Kept;
    use errspec_tests::rpc_v2_cbor::RpcV2CborError;
    use proptest::prelude::*;

    /// CBOR items and pieces of them: heads of every major type, definite and indefinite,
    /// breaks, tags, floats, and the keys the spec reads.
    fn cbor_ish() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop::sample::select(vec![
            &[0xa1][..],
            &[0xa2],
            &[0xbf],
            &[0x81],
            &[0x82],
            &[0x9f],
            &[0xff],
            &[0x00],
            &[0x17],
            &[0x18, 0xff],
            &[0x20],
            &[0x3b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
            &[0x42, 0x00, 0xff],
            &[0x5f, 0x41, 0x00, 0xff],
            &[0x61, b'x'],
            &[0x62, 0xc3, 0x28],
            &[0x7f, 0x61, b'a', 0xff],
            &[0x7b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
            &[0xc0],
            &[0xc2, 0x41, 0x01],
            &[
                0xc3, 0x51, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            ],
            &[0xd9, 0xd9, 0xf7],
            &[0xf4],
            &[0xf6],
            &[0xf7],
            &[0xf0],
            &[0xf9, 0x7e, 0x00],
            &[0xfb, 0x3f, 0xf1, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a],
            &[0x66, b'_', b'_', b't', b'y', b'p', b'e'],
            &[0x67, b'M', b'e', b's', b's', b'a', b'g', b'e'],
            &[0x68, b'T', b'o', b'p', b'L', b'e', b'v', b'e', b'l'],
            &[0x66, b'N', b'e', b's', b't', b'e', b'd'],
            &[0x63, b'F', b'o', b'o'],
            &[
                0x6f, b'I', b'n', b'v', b'a', b'l', b'i', b'd', b'G', b'r', b'e', b'e', b't', b'i',
                b'n', b'g',
            ],
        ]);
        prop::collection::vec(piece, 0..48).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn every_cbor_like_body_keeps_the_promise(status in 0u16..1000, body in cbor_ish()) {
            let _ = Kept::new(status, &body, &RpcV2CborError::decode(status, &body));
        }
    }
}
