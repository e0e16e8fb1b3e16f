//! The error cases of the Smithy protocol tests (smithy-lang/smithy, the `@httpResponseTests`
//! of error shapes in `smithy-aws-protocol-tests/model/*` and
//! `smithy-protocol-tests/model/rpcv2Cbor`), one test per case id, each decoded by the spec of
//! its protocol in `tests/specs/aws/` and checked for its variant and every member. restJson1's
//! are in `aws_json`.

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
