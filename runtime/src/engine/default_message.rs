//! The messages that stand in for what a body did not say.

use std::borrow::Cow;

/// The reason phrase of a status (`Not Found` for 404), if it is a registered status.
#[must_use]
pub fn canonical_reason(status: u16) -> Option<&'static str> {
    errspec_vocab::status::reason(status)
}

/// Whether `text` is empty or only whitespace: text that starts with a letter, a digit or a
/// sign is told apart by its first byte, without a walk over its characters.
#[must_use]
#[inline]
pub(crate) fn is_blank(text: &str) -> bool {
    match text.as_bytes().first() {
        None => true,
        Some(byte) if byte.is_ascii_graphic() => false,
        Some(_) => text.trim().is_empty(),
    }
}

/// The message as received, else (when it is missing or blank) `description`, else the
/// status's reason phrase: a message is never empty.
#[must_use]
#[inline]
pub fn message_or(message: Option<Cow<'_, str>>, description: &str, status: u16) -> String {
    match message.filter(|message| !is_blank(message)) {
        Some(message) => message.into_owned(),
        None if !is_blank(description) => description.to_owned(),
        None => default_message(status),
    }
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
    use super::{default_message, is_blank};

    #[test]
    fn blank_is_empty_or_only_whitespace() {
        for blank in ["", " ", "\t\n", "\u{a0}\u{2003}"] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for text in ["a", " a", "\u{a0}x", "-", "\u{e9}"] {
            assert!(!is_blank(text), "{text:?}");
        }
    }

    #[test]
    fn default_messages_name_the_status() {
        assert_eq!(default_message(503), "Service Unavailable");
        assert_eq!(default_message(599), "HTTP status 599");
    }
}
