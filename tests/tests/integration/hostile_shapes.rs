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

mod reset_headers {
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
