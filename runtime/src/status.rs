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

/// The status whose reason phrase, in upper snake case, is `name`.
#[must_use]
pub fn status_from_name(name: &str) -> Option<u16> {
    if name.is_empty() || name.len() > 40 {
        return None;
    }
    // Reason phrases mostly differ in their first letter: check that first.
    let first = *name.as_bytes().first()?;
    REGISTERED.iter().copied().find(|&status| {
        canonical_reason(status).is_some_and(|reason| {
            reason.as_bytes().first().map(u8::to_ascii_uppercase) == Some(first)
                && reason_matches_name(reason, name)
        })
    })
}

/// The statuses with a reason phrase (the IANA registry as the `http` crate knows it).
const REGISTERED: &[u16] = &[
    100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304,
    305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415,
    416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505,
    506, 507, 508, 510, 511,
];

/// Whether `name` is `reason` in upper snake case (`Not Found` is `NOT_FOUND`, `I'm a
/// teapot` is `IM_A_TEAPOT`).
fn reason_matches_name(reason: &str, name: &str) -> bool {
    let mut reason = reason.bytes().filter(|byte| *byte != b'\'');
    let mut name = name.bytes();
    loop {
        match (reason.next(), name.next()) {
            (None, None) => return true,
            (Some(expected), Some(found)) => {
                let expected = match expected {
                    b' ' | b'-' => b'_',
                    other => other.to_ascii_uppercase(),
                };
                if expected != found {
                    return false;
                }
            }
            _ => return false,
        }
    }
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
    fn the_registered_list_holds_every_status_with_a_reason() {
        let with_reason: Vec<u16> = (100..=599)
            .filter(|&status| super::canonical_reason(status).is_some())
            .collect();
        assert_eq!(with_reason, super::REGISTERED);
    }

    #[test]
    fn default_messages_name_the_status() {
        assert_eq!(default_message(503), "Service Unavailable");
        assert_eq!(default_message(599), "HTTP status 599");
    }
}
