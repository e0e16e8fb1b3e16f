//! HTTP statuses as they appear inside error bodies, and the messages that stand in for
//! what a body did not say.

use std::borrow::Cow;

/// A status written as a JSON number; only 100..=599 are statuses.
#[must_use]
pub fn status_from_number(number: u64) -> Option<u16> {
    u16::try_from(number)
        .ok()
        .filter(|status| (100..=599).contains(status))
}

/// A status written as a string: digits (`"404"`) or a status name in upper snake case
/// (`"BAD_REQUEST"`). Only 100..=599 are statuses.
#[must_use]
pub fn status_from_text(text: &str) -> Option<u16> {
    let text = text.trim();
    match text.parse::<u64>() {
        Ok(number) => status_from_number(number),
        Err(_) => status_from_name(text),
    }
}

/// The status whose reason phrase, in upper snake case, is `name` (`NOT_FOUND` is 404):
/// how Spring and others write a status inside a body.
#[must_use]
pub fn status_from_name(name: &str) -> Option<u16> {
    Some(match name {
        "CONTINUE" => 100,
        "SWITCHING_PROTOCOLS" => 101,
        "PROCESSING" => 102,
        "EARLY_HINTS" => 103,
        "OK" => 200,
        "CREATED" => 201,
        "ACCEPTED" => 202,
        "NON_AUTHORITATIVE_INFORMATION" => 203,
        "NO_CONTENT" => 204,
        "RESET_CONTENT" => 205,
        "PARTIAL_CONTENT" => 206,
        "MULTI_STATUS" => 207,
        "ALREADY_REPORTED" => 208,
        "IM_USED" => 226,
        "MULTIPLE_CHOICES" => 300,
        "MOVED_PERMANENTLY" => 301,
        "FOUND" => 302,
        "SEE_OTHER" => 303,
        "NOT_MODIFIED" => 304,
        "USE_PROXY" => 305,
        "TEMPORARY_REDIRECT" => 307,
        "PERMANENT_REDIRECT" => 308,
        "BAD_REQUEST" => 400,
        "UNAUTHORIZED" => 401,
        "PAYMENT_REQUIRED" => 402,
        "FORBIDDEN" => 403,
        "NOT_FOUND" => 404,
        "METHOD_NOT_ALLOWED" => 405,
        "NOT_ACCEPTABLE" => 406,
        "PROXY_AUTHENTICATION_REQUIRED" => 407,
        "REQUEST_TIMEOUT" => 408,
        "CONFLICT" => 409,
        "GONE" => 410,
        "LENGTH_REQUIRED" => 411,
        "PRECONDITION_FAILED" => 412,
        "PAYLOAD_TOO_LARGE" => 413,
        "URI_TOO_LONG" => 414,
        "UNSUPPORTED_MEDIA_TYPE" => 415,
        "RANGE_NOT_SATISFIABLE" => 416,
        "EXPECTATION_FAILED" => 417,
        "IM_A_TEAPOT" => 418,
        "MISDIRECTED_REQUEST" => 421,
        "UNPROCESSABLE_ENTITY" => 422,
        "LOCKED" => 423,
        "FAILED_DEPENDENCY" => 424,
        "TOO_EARLY" => 425,
        "UPGRADE_REQUIRED" => 426,
        "PRECONDITION_REQUIRED" => 428,
        "TOO_MANY_REQUESTS" => 429,
        "REQUEST_HEADER_FIELDS_TOO_LARGE" => 431,
        "UNAVAILABLE_FOR_LEGAL_REASONS" => 451,
        "INTERNAL_SERVER_ERROR" => 500,
        "NOT_IMPLEMENTED" => 501,
        "BAD_GATEWAY" => 502,
        "SERVICE_UNAVAILABLE" => 503,
        "GATEWAY_TIMEOUT" => 504,
        "HTTP_VERSION_NOT_SUPPORTED" => 505,
        "VARIANT_ALSO_NEGOTIATES" => 506,
        "INSUFFICIENT_STORAGE" => 507,
        "LOOP_DETECTED" => 508,
        "NOT_EXTENDED" => 510,
        "NETWORK_AUTHENTICATION_REQUIRED" => 511,
        _ => return None,
    })
}

/// The reason phrase of a status (`Not Found` for 404), if it is a registered status.
#[must_use]
pub fn canonical_reason(status: u16) -> Option<&'static str> {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|code| code.canonical_reason())
}

/// The message as received, else (when it is missing or blank) `description`, else the
/// status's reason phrase: a message is never empty.
#[must_use]
pub fn message_or(message: Option<Cow<'_, str>>, description: &str, status: u16) -> String {
    match message.filter(|message| !message.trim().is_empty()) {
        Some(message) => message.into_owned(),
        None if !description.trim().is_empty() => description.to_owned(),
        None => default_message(status),
    }
}

/// The message as received, else (when it is missing or blank) the status's reason phrase.
#[must_use]
pub fn message_or_reason(message: Option<Cow<'_, str>>, status: u16) -> String {
    message_or(message, "", status)
}

/// A message for an error whose body said nothing: the status's reason phrase.
#[must_use]
pub fn default_message(status: u16) -> String {
    match canonical_reason(status) {
        Some(reason) => reason.to_owned(),
        None => format!("HTTP status {status}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{default_message, status_from_number, status_from_text};

    #[test]
    fn reads_numbers_numeric_strings_and_names() {
        assert_eq!(status_from_number(404), Some(404));
        assert_eq!(status_from_text("422"), Some(422));
        assert_eq!(status_from_text("BAD_REQUEST"), Some(400));
        assert_eq!(status_from_text("UNPROCESSABLE_ENTITY"), Some(422));
        assert_eq!(status_from_text("SERVICE_UNAVAILABLE"), Some(503));
        assert_eq!(status_from_text("IM_A_TEAPOT"), Some(418));
        assert_eq!(status_from_text("NON_AUTHORITATIVE_INFORMATION"), Some(203));
    }

    #[test]
    fn rejects_what_is_not_a_status() {
        for number in [0, 99, 600, 65_536, u64::MAX] {
            assert_eq!(status_from_number(number), None, "{number}");
        }
        for text in [
            "",
            "nope",
            "-1",
            "4.5",
            "99999999999999999999999",
            "Bad Request",
        ] {
            assert_eq!(status_from_text(text), None, "{text}");
        }
    }

    #[test]
    fn every_reason_phrase_in_upper_snake_case_names_its_status() {
        for status in 100..=599 {
            let Some(reason) = super::canonical_reason(status) else {
                continue;
            };
            let name: String = reason
                .chars()
                .filter(|c| *c != '\'')
                .map(|c| match c {
                    ' ' | '-' => '_',
                    other => other.to_ascii_uppercase(),
                })
                .collect();
            assert_eq!(super::status_from_name(&name), Some(status), "{reason}");
        }
    }

    #[test]
    fn default_messages_name_the_status() {
        assert_eq!(default_message(503), "Service Unavailable");
        assert_eq!(default_message(599), "HTTP status 599");
    }
}
