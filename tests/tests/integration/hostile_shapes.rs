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
