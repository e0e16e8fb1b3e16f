//! The recipes of the spec cookbook (`specs/README.md`): each spec is a file of
//! `tests/specs/cookbook/` that the README shows verbatim, compiled here, and each response
//! the README shows decodes to what the README says.

use errspec::http::{HeaderMap, StatusCode};

const README: &str = include_str!("../../../specs/README.md");

macro_rules! recipes {
    ($($module:ident => $file:literal,)*) => {
        $(
            mod $module {
                errspec::errors_from_spec!($file);
            }
        )*

        /// Each recipe's file name and text.
        const SPECS: &[(&str, &str)] = &[
            $(($file, include_str!(concat!("../../", $file))),)*
        ];
    };
}

recipes! {
    positional => "specs/cookbook/positional.toml",
    nested => "specs/cookbook/nested.toml",
    array => "specs/cookbook/array.toml",
    wrapper => "specs/cookbook/wrapper.toml",
    message_keyed => "specs/cookbook/message-keyed.toml",
    field_map => "specs/cookbook/field-map.toml",
    header => "specs/cookbook/header.toml",
    header_fields => "specs/cookbook/header-fields.toml",
    code_in_text => "specs/cookbook/code-in-text.toml",
    xml => "specs/cookbook/xml.toml",
    cbor => "specs/cookbook/cbor.toml",
    ok_false => "specs/cookbook/ok-false.toml",
    shapes => "specs/cookbook/shapes.toml",
    nested_selection => "specs/cookbook/nested-selection.toml",
    most_specific => "specs/cookbook/most-specific.toml",
    delay_in_body => "specs/cookbook/delay-in-body.toml",
    two_values => "specs/cookbook/two-values.toml",
    results => "specs/cookbook/results.toml",
}

/// The body of a response the README shows after its status line, verbatim.
fn shown(status: u16, body: &str) -> &str {
    assert!(
        README.contains(&format!("HTTP {status}\n{body}\n")),
        "the README shows no response `HTTP {status}` with body {body}"
    );
    body
}

#[test]
fn the_readme_shows_every_recipe_verbatim() {
    assert_eq!(SPECS.len(), 18);
    for (file, text) in SPECS {
        assert!(
            README.contains(&format!("```toml\n{text}```")),
            "{file} is not in the README as it is"
        );
    }
}

#[test]
fn positional_array() {
    let body = shown(404, r#"["ERROR_ITEM_NOT_FOUND", "Item 42 not found"]"#);
    match positional::PositionalError::decode(404, body.as_bytes()).first() {
        positional::PositionalError::ItemNotFound { id, .. } => {
            assert_eq!(id.as_deref(), Some("42"))
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn nested_object() {
    let body = shown(
        400,
        r#"{"error": {"code": "invalid_token", "message": "Token expired", "status": 401}}"#,
    );
    let response = nested::NestedError::decode(400, body.as_bytes());
    assert!(matches!(
        response.first(),
        nested::NestedError::InvalidToken { status: 401, .. }
    ));
}

#[test]
fn array_of_errors() {
    let body = shown(
        422,
        r#"{"errors": [{"type": "taken", "message": "has already been taken", "attribute": "name"}, {"type": "blank", "message": "can't be blank", "attribute": "title"}]}"#,
    );
    let errors = array::ListedError::decode(422, body.as_bytes()).into_errors();
    let found: Vec<_> = errors
        .iter()
        .map(|error| match error {
            array::ListedError::Taken { attribute, .. } => ("Taken", attribute.clone()),
            array::ListedError::Blank { attribute, .. } => ("Blank", attribute.clone()),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        found,
        [
            ("Taken", Some("name".to_owned())),
            ("Blank", Some("title".to_owned()))
        ]
    );
}

#[test]
fn wrapper_with_inner_errors() {
    let body = shown(
        422,
        r#"{"message": "Validation Failed", "errors": [{"resource": "Issue", "field": "title", "code": "missing_field"}]}"#,
    );
    let errors = wrapper::WrapperError::decode(422, body.as_bytes()).into_errors();
    assert!(matches!(
        errors[0],
        wrapper::WrapperError::ValidationFailed { .. }
    ));
    match &errors[1] {
        wrapper::WrapperError::MissingField { field, .. } => {
            assert_eq!(field.as_deref(), Some("title"))
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(errors.len(), 2);
}

#[test]
fn message_keyed() {
    let body = shown(
        400,
        r#"{"error": {"message": "Invalid table incidentx", "detail": null}, "status": "failure"}"#,
    );
    match message_keyed::MessageKeyedError::decode(400, body.as_bytes()).first() {
        message_keyed::MessageKeyedError::InvalidTable { table, .. } => {
            assert_eq!(table.as_deref(), Some("incidentx"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn field_map() {
    let body = shown(
        400,
        r#"{"errorMessages": [], "errors": {"summary": "You must specify a summary of the issue."}}"#,
    );
    match field_map::FieldMapError::decode(400, body.as_bytes()).first() {
        field_map::FieldMapError::SummaryRequired { field, .. } => {
            assert_eq!(field.as_deref(), Some("summary"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn code_in_a_header() {
    let body = r#"{"message": "Function not found: arn:aws:lambda:us-east-1:123456789012:function:my-function"}"#;
    let code = "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.lambda/";
    let id = "4KBNVRGD25RG4KEFIVEYVI1VJ3VV4KQNSO5AEMVJF66Q9ASUAAJG";
    assert!(README.contains(&format!(
        "HTTP 404\nX-Amzn-ErrorType: {code}\nX-Amzn-RequestId: {id}\n\n{body}\n"
    )));
    let mut headers = HeaderMap::new();
    headers.insert("x-amzn-errortype", code.parse().unwrap());
    headers.insert("x-amzn-requestid", id.parse().unwrap());
    let response =
        header::HeaderError::decode_parts(StatusCode::NOT_FOUND, &headers, body.as_bytes());
    assert!(matches!(
        response.first(),
        header::HeaderError::ResourceNotFoundException { .. }
    ));
    assert_eq!(response.request_id(), Some(id));
}

#[test]
fn fields_in_headers() {
    use header_fields::HeaderFieldsError;
    let body = r#"{"__type": "com.amazonaws.sqs#QueueDoesNotExist", "message": "The specified queue does not exist."}"#;
    let query_error = "AWS.SimpleQueueService.NonExistentQueue;Sender";
    assert!(README.contains(&format!(
        "HTTP 400\nx-amzn-query-error: {query_error}\nContent-Type: application/x-amz-json-1.0\n\n{body}\n"
    )));
    let mut headers = HeaderMap::new();
    headers.insert("x-amzn-query-error", query_error.parse().unwrap());
    headers.insert(
        "content-type",
        "application/x-amz-json-1.0".parse().unwrap(),
    );
    let response =
        HeaderFieldsError::decode_parts(StatusCode::BAD_REQUEST, &headers, body.as_bytes());
    match response.first() {
        error @ HeaderFieldsError::QueueDoesNotExist {
            query_code,
            query_fault,
            ..
        } => {
            assert_eq!(
                query_code.as_deref(),
                Some("AWS.SimpleQueueService.NonExistentQueue")
            );
            assert_eq!(query_fault.as_deref(), Some("Sender"));
            assert_eq!(errspec::ApiError::code(error), Some("QueueDoesNotExist"));
        }
        other => panic!("unexpected {other:?}"),
    }
    let (parts, sent) = response.to_http().into_parts();
    assert_eq!(parts.headers["x-amzn-query-error"], query_error);
    assert_eq!(parts.headers["content-type"], "application/x-amz-json-1.0");
    assert_eq!(
        HeaderFieldsError::decode_parts(parts.status, &parts.headers, &sent),
        response
    );
}

#[test]
fn code_inside_a_text() {
    let body = shown(
        400,
        r#"{"__type": "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", "message": "Requested resource not found"}"#,
    );
    assert!(matches!(
        code_in_text::CodeInTextError::decode(400, body.as_bytes()).first(),
        code_in_text::CodeInTextError::ResourceNotFoundException { .. }
    ));
}

#[test]
fn xml_bodies() {
    let body = shown(
        404,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>a.txt</Key></Error>",
    );
    match xml::XmlError::decode(404, body.as_bytes()).first() {
        xml::XmlError::NoSuchKey { key, .. } => assert_eq!(key.as_deref(), Some("a.txt")),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn cbor_bodies() {
    let shown = shown(
        429,
        "a3 66 5f 5f 74 79 70 65 78 1e 73 6d 69 74 68 79 2e 65 78 61 6d 70 6c 65 23 54 68 72 6f 74 74 6c 69 6e 67 45 72 72 6f 72 67 6d 65 73 73 61 67 65 69 53 6c 6f 77 20 64 6f 77 6e 71 72 65 74 72 79 41 66 74 65 72 53 65 63 6f 6e 64 73 02",
    );
    let body: Vec<u8> = shown
        .split(' ')
        .map(|byte| u8::from_str_radix(byte, 16).unwrap())
        .collect();
    let response = cbor::CborError::decode(429, &body);
    match response.first() {
        cbor::CborError::ThrottlingError { message, .. } => assert_eq!(message, "Slow down"),
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(
        response.retry_after(),
        Some(std::time::Duration::from_secs(2))
    );
    // What a server sends (`to_http`: the body in CBOR) decodes to the same response.
    let (parts, written) = response.to_http().into_parts();
    assert_eq!(parts.headers["content-type"], "application/cbor");
    assert_eq!(written[0], 0xa2, "a map of the code and the message");
    assert_eq!(
        cbor::CborError::decode_parts(parts.status.as_u16(), &parts.headers, &written),
        response
    );
}

#[test]
fn errors_sent_with_200() {
    let body = shown(200, r#"{"ok": false, "error": "channel_not_found"}"#);
    let response = ok_false::OkFalseError::decode_if_error(200, body.as_bytes()).expect("an error");
    assert!(matches!(
        response.first(),
        ok_false::OkFalseError::ChannelNotFound { .. }
    ));
    assert!(ok_false::OkFalseError::decode_if_error(200, br#"{"ok": true}"#).is_none());
}

#[test]
fn several_shapes() {
    use shapes::ShapesError;
    let json = shown(
        404,
        r#"{"code": 20404, "message": "The requested resource /2010-04-01/Accounts/AC1/Calls/CA2.json was not found", "status": 404}"#,
    );
    let xml = "<TwilioResponse><RestException><Code>20404</Code><Message>The requested resource /2010-04-01/Accounts/AC1/Calls/CA2 was not found</Message><Status>404</Status></RestException></TwilioResponse>";
    for body in [json, xml] {
        let response = ShapesError::decode(404, body.as_bytes());
        match response.first() {
            ShapesError::NotFound { message, .. } => {
                assert!(
                    message.starts_with("The requested resource /2010-04-01/"),
                    "{message}"
                );
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    // A `Content-Type` passes the other shape over: JSON said to be XML is not read.
    let mut headers = HeaderMap::new();
    headers.insert("content-type", "text/xml; charset=utf-8".parse().unwrap());
    let mislabelled = ShapesError::decode_parts(StatusCode::NOT_FOUND, &headers, json.as_bytes());
    assert!(
        matches!(mislabelled.first(), ShapesError::Unknown { code: None, .. }),
        "{mislabelled:?}"
    );
    headers.insert("content-type", "application/json".parse().unwrap());
    let labelled = ShapesError::decode_parts(StatusCode::NOT_FOUND, &headers, json.as_bytes());
    assert!(matches!(labelled.first(), ShapesError::NotFound { .. }));
}

#[test]
fn the_most_specific_code() {
    use most_specific::MostSpecificError;
    let body = shown(
        402,
        r#"{"error": {"type": "card_error", "code": "card_declined", "decline_code": "lost_card", "message": "Your card was declined."}}"#,
    );
    match MostSpecificError::decode(402, body.as_bytes()).first() {
        MostSpecificError::CardDeclined { decline_code, .. } => {
            assert_eq!(decline_code.as_deref(), Some("lost_card"));
        }
        other => panic!("unexpected {other:?}"),
    }
    let documented = body.replace("lost_card", "insufficient_funds");
    assert!(matches!(
        MostSpecificError::decode(402, documented.as_bytes()).first(),
        MostSpecificError::InsufficientFunds { .. }
    ));
    let by_type = r#"{"error": {"type": "card_error", "code": "card_velocity_exceeded"}}"#;
    assert!(matches!(
        MostSpecificError::decode(402, by_type.as_bytes()).first(),
        MostSpecificError::CardError { .. }
    ));
}

#[test]
fn nested_errors_with_a_selection_of_their_own() {
    use nested_selection::NestedSelectionError;
    let body = shown(
        400,
        r#"{"__type": "TransactionCanceledException", "Message": "Transaction cancelled [None, ConditionalCheckFailed, ItemNotFound]", "CancellationReasons": [{"Code": "None"}, {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed", "Item": {"id": {"S": "42"}}}, {"Code": "ItemNotFound"}]}"#,
    );
    let errors = NestedSelectionError::decode(400, body.as_bytes()).into_errors();
    match errors.as_slice() {
        [NestedSelectionError::TransactionCanceledException { .. }, NestedSelectionError::ConditionalCheckFailed {
            item_index: checked,
            item,
            ..
        }, NestedSelectionError::OtherReason {
            item_index: other, ..
        }] => {
            assert_eq!(checked.as_deref(), Some("1"));
            assert_eq!(item.as_deref(), Some(r#"{"id": {"S": "42"}}"#));
            assert_eq!(other.as_deref(), Some("2"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(errors[2].code(), Some("ItemNotFound"));
}

#[test]
fn a_delay_in_the_body() {
    use delay_in_body::DelayInBodyError;
    let body = shown(
        429,
        r#"{"error": {"code": 429, "message": "Quota exceeded.", "status": "RESOURCE_EXHAUSTED", "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "30s"}]}}"#,
    );
    let response = DelayInBodyError::decode(429, body.as_bytes());
    assert!(matches!(
        response.first(),
        DelayInBodyError::ResourceExhausted { .. }
    ));
    assert_eq!(
        response.retry_after(),
        Some(std::time::Duration::from_secs(30))
    );
}

#[test]
fn a_code_keyed_by_two_values() {
    use two_values::TwoValuesError;
    let body = shown(
        403,
        r#"{"error": {"code": 403, "message": "Permission 'aiplatform.endpoints.predict' denied on resource '//aiplatform.googleapis.com/projects/p/locations/us-central1/endpoints/1'.", "status": "PERMISSION_DENIED", "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "IAM_PERMISSION_DENIED", "domain": "aiplatform.googleapis.com", "metadata": {"permission": "aiplatform.endpoints.predict"}}]}}"#,
    );
    let decode = |body: &str| TwoValuesError::decode(403, body.as_bytes()).into_errors();
    match &decode(body)[..] {
        [TwoValuesError::VertexPermissionDenied { domain, .. }] => {
            assert_eq!(domain.as_deref(), Some("aiplatform.googleapis.com"));
        }
        other => panic!("unexpected {other:?}"),
    }
    let storage = body.replace("\"domain\": \"aiplatform.", "\"domain\": \"storage.");
    assert!(matches!(
        &decode(&storage)[..],
        [TwoValuesError::IamPermissionDenied { .. }]
    ));
    // A code whose only entry names another domain is undocumented for this error.
    let disabled = r#"{"error": {"code": 403, "status": "PERMISSION_DENIED", "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "SERVICE_DISABLED", "domain": "firebase.example.com"}]}}"#;
    let errors = decode(disabled);
    match &errors[..] {
        [error @ TwoValuesError::PermissionDenied { code, .. }] => {
            assert_eq!(code.as_deref(), Some("SERVICE_DISABLED"));
            assert_eq!(error.code(), Some("SERVICE_DISABLED"));
        }
        other => panic!("unexpected {other:?}"),
    }
    let in_its_domain = disabled.replace("firebase.example.com", "googleapis.com");
    assert!(matches!(
        &decode(&in_its_domain)[..],
        [TwoValuesError::ServiceDisabled { .. }]
    ));
}

#[test]
fn errors_in_the_items_of_a_success() {
    use results::ResultsError;
    let body = shown(
        200,
        r#"{"responses": [{"id": "a", "status": 201, "body": {"id": "a", "displayName": "Plan"}}, {"id": "b", "status": 404, "body": {"error": {"code": "itemNotFound", "message": "The resource 'b' does not exist."}}}, {"id": "c", "status": 204}]}"#,
    );
    let response = ResultsError::decode_if_error(200, body.as_bytes()).expect("a failed item");
    assert_eq!(response.status(), StatusCode::OK);
    match response.errors() {
        [error @ ResultsError::ItemNotFound { id, position, .. }] => {
            assert_eq!((id.as_deref(), position.as_deref()), (Some("b"), Some("1")));
            assert_eq!(error.status(), StatusCode::NOT_FOUND);
            assert_eq!(error.message(), "The resource 'b' does not exist.");
        }
        other => panic!("unexpected {other:?}"),
    }
    // Written back, the failed item keeps its place after a success.
    let written = errspec::ApiError::encode_errors(200, response.errors());
    assert_eq!(
        String::from_utf8_lossy(&written),
        r#"{"responses":[{},{"body":{"error":{"code":"itemNotFound","message":"The resource 'b' does not exist."}},"status":404,"id":"b"}]}"#
    );
    assert_eq!(
        ResultsError::decode(200, &written).errors(),
        response.errors()
    );
    // Nothing failed: no error.
    let successes = r#"{"responses": [{"id": "a", "status": 201}, {"id": "c", "status": 204}]}"#;
    assert!(ResultsError::decode_if_error(200, successes.as_bytes()).is_none());
}
