//! HTTP statuses as specs and bodies name them: numbers, digit strings, reason phrases and
//! their upper snake case names (`NOT_FOUND`), from one table.

/// Every registered status with its reason phrase (RFC 9110 and the other IANA registrations
/// that servers send).
pub const STATUSES: &[(u16, &str)] = &[
    (100, "Continue"),
    (101, "Switching Protocols"),
    (102, "Processing"),
    (103, "Early Hints"),
    (200, "OK"),
    (201, "Created"),
    (202, "Accepted"),
    (203, "Non Authoritative Information"),
    (204, "No Content"),
    (205, "Reset Content"),
    (206, "Partial Content"),
    (207, "Multi-Status"),
    (208, "Already Reported"),
    (226, "IM Used"),
    (300, "Multiple Choices"),
    (301, "Moved Permanently"),
    (302, "Found"),
    (303, "See Other"),
    (304, "Not Modified"),
    (305, "Use Proxy"),
    (307, "Temporary Redirect"),
    (308, "Permanent Redirect"),
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (402, "Payment Required"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (406, "Not Acceptable"),
    (407, "Proxy Authentication Required"),
    (408, "Request Timeout"),
    (409, "Conflict"),
    (410, "Gone"),
    (411, "Length Required"),
    (412, "Precondition Failed"),
    (413, "Payload Too Large"),
    (414, "URI Too Long"),
    (415, "Unsupported Media Type"),
    (416, "Range Not Satisfiable"),
    (417, "Expectation Failed"),
    (418, "I'm a teapot"),
    (421, "Misdirected Request"),
    (422, "Unprocessable Entity"),
    (423, "Locked"),
    (424, "Failed Dependency"),
    (425, "Too Early"),
    (426, "Upgrade Required"),
    (428, "Precondition Required"),
    (429, "Too Many Requests"),
    (431, "Request Header Fields Too Large"),
    (451, "Unavailable For Legal Reasons"),
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
    (505, "HTTP Version Not Supported"),
    (506, "Variant Also Negotiates"),
    (507, "Insufficient Storage"),
    (508, "Loop Detected"),
    (510, "Not Extended"),
    (511, "Network Authentication Required"),
];

/// The reason phrase of a status (`Not Found` for 404), if it is a registered status.
#[must_use]
pub fn reason(status: u16) -> Option<&'static str> {
    STATUSES
        .binary_search_by_key(&status, |(code, _)| *code)
        .ok()
        .map(|index| STATUSES[index].1)
}

/// A reason phrase in upper snake case, as Spring and others write a status inside a body:
/// `Not Found` is `NOT_FOUND`, `I'm a teapot` is `IM_A_TEAPOT`.
fn upper_snake(reason: &str) -> impl Iterator<Item = char> + '_ {
    reason.chars().filter(|c| *c != '\'').map(|c| match c {
        ' ' | '-' => '_',
        other => other.to_ascii_uppercase(),
    })
}

/// The upper snake case name of a registered status (`NOT_FOUND` for 404).
#[must_use]
pub fn status_name(status: u16) -> Option<String> {
    reason(status).map(|reason| upper_snake(reason).collect())
}

/// The status whose reason phrase, in upper snake case, is `name` (`NOT_FOUND` is 404).
#[must_use]
pub fn status_from_name(name: &str) -> Option<u16> {
    STATUSES
        .iter()
        // Upper snake case drops only apostrophes (one at most, `I'm a teapot`): a phrase of
        // another length is no match, and most are passed over without being spelled out.
        .filter(|(_, reason)| matches!(reason.len().checked_sub(name.len()), Some(0 | 1)))
        .find(|(_, reason)| upper_snake(reason).eq(name.chars()))
        .map(|(status, _)| *status)
}

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

/// How a status inside an error is written (the spec's `status_format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusFormat {
    /// A JSON number: `404`.
    Number,
    /// A string of digits: `"404"`.
    Text,
    /// The reason phrase in upper snake case: `"NOT_FOUND"` (a number for a status that has
    /// no reason phrase).
    Name,
}

impl StatusFormat {
    /// Every format, in declaration order.
    pub const ALL: &'static [StatusFormat] =
        &[StatusFormat::Number, StatusFormat::Text, StatusFormat::Name];

    /// The name used in spec files: `number`, `string` or `name`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            StatusFormat::Number => "number",
            StatusFormat::Text => "string",
            StatusFormat::Name => "name",
        }
    }

    /// The format a spec name stands for, the inverse of [`StatusFormat::as_str`].
    #[must_use]
    pub fn from_name(name: &str) -> Option<StatusFormat> {
        StatusFormat::ALL
            .iter()
            .copied()
            .find(|format| format.as_str() == name)
    }

    /// The variant's name, as generated code spells it.
    #[must_use]
    pub const fn variant_name(self) -> &'static str {
        match self {
            StatusFormat::Number => "Number",
            StatusFormat::Text => "Text",
            StatusFormat::Name => "Name",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        reason, status_from_name, status_from_number, status_from_text, status_name, StatusFormat,
        STATUSES,
    };

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
            "NOT_FOUNDX",
            "NOT_FOUN",
        ] {
            assert_eq!(status_from_text(text), None, "{text}");
        }
    }

    #[test]
    fn names_and_reasons_round_trip() {
        assert!(STATUSES.windows(2).all(|pair| pair[0].0 < pair[1].0));
        for &(status, phrase) in STATUSES {
            assert_eq!(reason(status), Some(phrase));
            let name = status_name(status).unwrap();
            assert_eq!(status_from_name(&name), Some(status), "{phrase}");
        }
        assert_eq!(status_name(404).as_deref(), Some("NOT_FOUND"));
        assert_eq!(status_name(418).as_deref(), Some("IM_A_TEAPOT"));
        assert_eq!(reason(599), None);
    }

    #[test]
    fn status_format_names_round_trip() {
        for format in StatusFormat::ALL {
            assert_eq!(StatusFormat::from_name(format.as_str()), Some(*format));
        }
        assert_eq!(StatusFormat::from_name("Number"), None);
    }
}
