//! Hostile input against the shapes of the widened format (selectors, XML, marks, nested
//! groups, code headers): bodies built to make a part go unread or read twice, each with the
//! typed error a user relies on. Specs in `tests/specs/hostile/`.

mod selectors {
    mod spec {
        errspec::errors_from_spec!("specs/hostile/selectors.toml");
    }
    use spec::SelectedError;

    const ERROR_INFO: &str = "type.googleapis.com/google.rpc.ErrorInfo";
    const QUOTA_FAILURE: &str = "type.googleapis.com/google.rpc.QuotaFailure";

    fn only(status: u16, body: &str) -> SelectedError {
        let mut errors = SelectedError::decode(status, body.as_bytes()).into_errors();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        errors.remove(0)
    }

    #[test]
    fn an_alternative_that_differs_only_by_the_selected_value_is_read() {
        let body = format!(
            r#"{{"error": {{"code": 429, "message": "Quota exceeded.", "status": "INTERNAL", "details": [{{"@type": "{QUOTA_FAILURE}", "reason": "QUOTA_EXCEEDED"}}]}}}}"#
        );
        let error = only(429, &body);
        assert!(
            matches!(error, SelectedError::QuotaExceeded { .. }),
            "{error:?}"
        );
        assert_eq!(error.code(), Some("QUOTA_EXCEEDED"));
    }

    #[test]
    fn the_first_alternative_wins_wherever_its_element_sits() {
        for body in [
            format!(
                r#"{{"error": {{"message": "m", "status": "INTERNAL", "details": [{{"@type": "{QUOTA_FAILURE}", "reason": "QUOTA_EXCEEDED"}}, {{"reason": "SERVICE_DISABLED", "@type": "{ERROR_INFO}"}}]}}}}"#
            ),
            format!(
                r#"{{"error": {{"message": "m", "status": "INTERNAL", "details": [{{"@type": "{ERROR_INFO}", "reason": "SERVICE_DISABLED"}}, {{"reason": "QUOTA_EXCEEDED", "@type": "{QUOTA_FAILURE}"}}]}}}}"#
            ),
        ] {
            let error = only(403, &body);
            assert!(
                matches!(error, SelectedError::ServiceDisabled { .. }),
                "{error:?}"
            );
        }
    }

    #[test]
    fn a_value_of_the_wrong_element_never_counts() {
        // The reason sits in an element of neither type: the canonical status decides.
        let body = r#"{"error": {"message": "m", "status": "INTERNAL", "details": [{"@type": "type.googleapis.com/google.rpc.Help", "reason": "QUOTA_EXCEEDED"}]}}"#;
        assert!(matches!(only(500, body), SelectedError::Internal { .. }));
    }

    #[test]
    fn the_member_a_selector_compares_is_read_as_a_field_too() {
        let body = format!(
            r#"{{"error": {{"message": "m", "status": "INTERNAL", "details": [{{"@type": "{QUOTA_FAILURE}", "reason": "QUOTA_EXCEEDED"}}, {{"domain": "googleapis.com", "@type": "{ERROR_INFO}", "reason": "SERVICE_DISABLED"}}]}}}}"#
        );
        match only(403, &body) {
            SelectedError::ServiceDisabled {
                detail_type,
                domain,
                ..
            } => {
                assert_eq!(detail_type.as_deref(), Some(ERROR_INFO));
                assert_eq!(domain.as_deref(), Some("googleapis.com"));
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}

mod headers {
    use std::time::Duration;

    use errspec::http::header::RETRY_AFTER;
    use errspec::http::{HeaderMap, HeaderValue};
    use errspec::RetryAfter;

    mod spec {
        errspec::errors_from_spec!("specs/hostile/header-code.toml");
    }
    use spec::HeaderCodedError;

    const BODY: &[u8] = br#"{"errors": [{"code": "Throttled", "message": "Slow down."}]}"#;

    fn with_header(name: &'static str, value: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(name, HeaderValue::from_static(value));
        headers
    }

    fn sent_back(response: &errspec::ErrorResponse<HeaderCodedError>) -> HeaderMap {
        let (parts, body) = response.to_http().into_parts();
        let again = HeaderCodedError::decode_parts(parts.status, &parts.headers, &body);
        assert_eq!(
            &again, response,
            "to_http then decode gives the response back"
        );
        parts.headers
    }

    #[test]
    fn header_values_past_ascii_are_read_as_utf8_else_latin1() {
        let body = br#"{"errors": [{"message": "Slow down."}]}"#;
        for (code, id) in [
            (&b"Throttl\xc3\xa9"[..], &b"req-\xc3\xa9"[..]),
            (b"Throttl\xe9", b"req-\xe9"),
        ] {
            let mut headers = HeaderMap::new();
            headers.insert("x-error-code", HeaderValue::from_bytes(code).unwrap());
            headers.insert("x-request-id", HeaderValue::from_bytes(id).unwrap());
            let response = HeaderCodedError::decode_parts(429, &headers, body);
            assert_eq!(response.first().code(), Some("Throttlé"));
            assert_eq!(response.request_id(), Some("req-é"));
        }
    }

    #[test]
    fn a_wait_in_milliseconds_comes_back_exactly() {
        let response =
            HeaderCodedError::decode_parts(429, &with_header("retry-after-ms", "1500"), BODY);
        let wait = Some(RetryAfter::Delay(Duration::from_millis(1500)));
        assert_eq!(response.retry_after_header(), wait);
        let headers = sent_back(&response);
        assert_eq!(headers["retry-after-ms"], "1500");
        // `Retry-After: 2` would be read first and say 2 s.
        assert_eq!(headers.get(RETRY_AFTER), None);
    }

    #[test]
    fn a_whole_second_wait_is_also_sent_as_retry_after() {
        let response =
            HeaderCodedError::decode_parts(429, &with_header("retry-after-ms", "2000"), BODY);
        let headers = sent_back(&response);
        assert_eq!(headers["retry-after-ms"], "2000");
        assert_eq!(headers[RETRY_AFTER], "2");
    }

    #[test]
    fn a_wait_no_header_says_is_sent_rounded_up() {
        // Set by hand: 3.5 s, which the kept reset header (1.5 s) does not say.
        let response =
            HeaderCodedError::decode_parts(429, &with_header("retry-after-ms", "1500"), BODY)
                .with_retry_after(RetryAfter::Delay(Duration::from_millis(3500)));
        let (parts, _) = response.to_http().into_parts();
        assert_eq!(parts.headers[RETRY_AFTER], "4");
        let alone = HeaderCodedError::decode(429, BODY)
            .with_retry_after(RetryAfter::Delay(Duration::from_millis(1500)));
        let (parts, _) = alone.to_http().into_parts();
        assert_eq!(parts.headers[RETRY_AFTER], "2");
    }
}

mod nested_groups {
    use errspec_tests::jira::JiraError;

    use crate::shapes::KubernetesError;

    /// Each error's field and message.
    fn by_field(errors: &[JiraError]) -> Vec<(Option<&str>, &str)> {
        errors
            .iter()
            .map(|error| {
                let field = error
                    .details()
                    .into_iter()
                    .find(|(name, _)| *name == "field")
                    .and_then(|(_, value)| value);
                (field, error.message())
            })
            .collect()
    }

    #[test]
    fn the_last_of_duplicate_keys_is_the_error() {
        let body = br#"{"errorMessages": [], "errors": {"summary": "You must specify a summary of the issue.", "priority": "Priority name 'Urgent' is not valid.", "summary": "Summary must be less than 255 characters."}}"#;
        let response = JiraError::decode(400, body);
        assert_eq!(
            by_field(response.errors()),
            [
                (Some("priority"), "Priority name 'Urgent' is not valid."),
                (Some("summary"), "Summary must be less than 255 characters."),
            ]
        );
    }

    #[test]
    fn many_keys_each_repeated_cost_one_pass() {
        // 40,000 keys, then each again in the same order: dropping an earlier one at a time
        // would move every error after it.
        let count = 40_000;
        let members = |text: &str| {
            (0..count)
                .map(|key| format!(r#""f{key}": "{text} {key}""#))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let body = format!(
            r#"{{"errors": {{{}, {}}}}}"#,
            members("first"),
            members("second")
        );
        let response = JiraError::decode(400, body.as_bytes());
        let errors = by_field(response.errors());
        assert_eq!(errors.len(), count);
        assert_eq!(errors[0], (Some("f0"), "second 0"));
        assert_eq!(errors[count - 1], (Some("f39999"), "second 39999"));
        assert!(errors
            .iter()
            .all(|(_, message)| message.starts_with("second")));
    }

    #[test]
    fn nested_errors_that_read_nothing_yield_one_between_them() {
        let cause = r#"{"reason": "FieldValueRequired", "message": "Required value", "field": "spec.containers[0].image"}"#;
        let body = format!(
            r#"{{"kind": "Status", "status": "Failure", "message": "Deployment.apps \"web\" is invalid", "reason": "Invalid", "code": 422, "details": {{"causes": [{{}}, 0, {cause}, {}{{}}]}}}}"#,
            "{}, ".repeat(100_000)
        );
        let response = KubernetesError::decode(422, body.as_bytes());
        let names: Vec<_> = response
            .errors()
            .iter()
            .map(KubernetesError::variant_name)
            .collect();
        assert_eq!(names, ["Invalid", "Cause", "FieldValueRequired"]);
        // Alone, one that reads nothing is still an error.
        let alone =
            br#"{"kind": "Status", "reason": "Invalid", "code": 422, "details": {"causes": [{}]}}"#;
        let names: Vec<_> = KubernetesError::decode(422, alone)
            .errors()
            .iter()
            .map(KubernetesError::variant_name)
            .collect();
        assert_eq!(names, ["Invalid", "Cause"]);
    }
}

mod xml {
    use crate::xml::s3::S3Error;

    mod spec {
        errspec::errors_from_spec!("specs/hostile/xml-root.toml");
    }
    use spec::XmlRootError;

    const DOCUMENT: &str = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<Error><Code>NoSuchKey</Code><Message>La clé n'existe pas.</Message><Detail><Reason>expired</Reason></Detail></Error>";

    fn no_such_key(response: &errspec::ErrorResponse<XmlRootError>) -> (&str, Option<&str>) {
        match response.errors() {
            [XmlRootError::NoSuchKey {
                message, reason, ..
            }] => (message, reason.as_deref()),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn the_root_element_is_the_error_whatever_its_name() {
        let response = XmlRootError::decode(404, DOCUMENT.as_bytes());
        assert_eq!(
            no_such_key(&response),
            ("La clé n'existe pas.", Some("expired"))
        );
        let fault = "<soap:Fault><Code>NoSuchKey</Code><Message>m</Message></soap:Fault>";
        assert_eq!(
            no_such_key(&XmlRootError::decode(404, fault.as_bytes())),
            ("m", None)
        );
    }

    #[test]
    fn to_body_writes_one_root_element_that_decodes_back() {
        let response = XmlRootError::decode(404, DOCUMENT.as_bytes());
        let body = response.first().to_body();
        let text = std::str::from_utf8(&body).unwrap();
        assert_eq!(
            text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>La clé n&apos;existe pas.</Message><Detail><Reason>expired</Reason></Detail></Error>"
        );
        assert_eq!(XmlRootError::decode(404, &body), response);
    }

    #[test]
    fn utf16_documents_are_read_with_or_without_a_byte_order_mark() {
        let units: Vec<u16> = DOCUMENT.encode_utf16().collect();
        let little: Vec<u8> = units.iter().flat_map(|unit| unit.to_le_bytes()).collect();
        let big: Vec<u8> = units.iter().flat_map(|unit| unit.to_be_bytes()).collect();
        for body in [
            [&[0xFF, 0xFE][..], &little].concat(),
            [&[0xFE, 0xFF][..], &big].concat(),
            little,
            big,
        ] {
            let response = XmlRootError::decode(404, &body);
            assert_eq!(
                no_such_key(&response),
                ("La clé n'existe pas.", Some("expired"))
            );
        }
        // A lone surrogate and an odd last byte are read as U+FFFD.
        let mut broken: Vec<u8> = "<Error><Code>NoSuchKey</Code><Message>a"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        broken.extend_from_slice(&0xD800u16.to_le_bytes());
        broken.extend(
            "b</Message></Error>"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        assert_eq!(
            no_such_key(&XmlRootError::decode(404, &broken)).0,
            "a\u{FFFD}b"
        );
    }

    #[test]
    fn a_run_of_invalid_bytes_is_one_replacement_character() {
        let body =
            b"<Error><Code>NoSuchKey</Code><Message>bad \xFF\xFE\xC3 bytes</Message></Error>";
        assert_eq!(
            no_such_key(&XmlRootError::decode(404, body)).0,
            "bad \u{FFFD} bytes"
        );
    }

    #[test]
    fn an_unrelated_child_at_any_depth_loses_no_error() {
        let deep = format!(
            "<Junk>{}x{}</Junk>",
            "<a>".repeat(5_000),
            "</a>".repeat(5_000)
        );
        let body = format!(
            "<DeleteResult><Error><Key>a.txt</Key>{deep}<Code>AccessDenied</Code><Message>Access Denied</Message></Error><Error><Key>b.txt</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>"
        );
        let response = S3Error::decode(200, body.as_bytes());
        let keys: Vec<_> = response
            .errors()
            .iter()
            .map(|error| match error {
                S3Error::AccessDenied { key, .. } => key.as_deref(),
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert_eq!(keys, [Some("a.txt"), Some("b.txt")]);
        assert_eq!(response.first().message(), "Access Denied");
    }
}

mod repair {
    use errspec_tests::netilion::NetilionError;

    #[test]
    fn a_run_of_unreadable_characters_is_one_replacement_character() {
        let body = b"{\"errors\": [{\"type\": \"taken\", \"message\": \"bad \x01\x02\t\xFF\xFE\\ud800 end\", \"attribute\": \"serial_number\"}]}";
        let response = NetilionError::decode(400, body);
        assert_eq!(response.first().code(), Some("taken"));
        assert_eq!(response.first().message(), "bad \u{FFFD} end");
    }
}
