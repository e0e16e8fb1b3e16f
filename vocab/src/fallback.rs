//! The keys of a spec's `[fallback]` tables: an HTTP status (`404`), a status class (`4xx`)
//! or `default`, and the order in which they are tried for a status.

use core::fmt;

/// What a fallback key covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FallbackKey {
    /// One HTTP status, 100..=599.
    Status(u16),
    /// Every status of a class: `4` for `4xx`, 1..=5.
    Class(u16),
    /// Any status.
    Default,
}

impl FallbackKey {
    /// The key as a spec writes it: three digits (`404`), a digit and `xx` in either case
    /// (`4xx`, `4XX`, as OpenAPI writes classes), or `default`. Nothing else: not `+503`, not
    /// `0404`, not ` 404`, so a key means exactly what it says.
    #[must_use]
    pub fn parse(text: &str) -> Option<FallbackKey> {
        if text == "default" {
            return Some(FallbackKey::Default);
        }
        match text.as_bytes() {
            [class @ b'1'..=b'5', x, y]
                if x.eq_ignore_ascii_case(&b'x') && y.eq_ignore_ascii_case(&b'x') =>
            {
                Some(FallbackKey::Class(u16::from(class - b'0')))
            }
            [a @ b'1'..=b'5', b @ b'0'..=b'9', c @ b'0'..=b'9'] => Some(FallbackKey::Status(
                u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0'),
            )),
            _ => None,
        }
    }

    /// The key in a table of generated code: the status, the class digit, or 0.
    #[must_use]
    pub const fn to_u16(self) -> u16 {
        match self {
            FallbackKey::Status(status) => status,
            FallbackKey::Class(class) => class,
            FallbackKey::Default => 0,
        }
    }

    /// The keys tried for `status`, most precise first: the status, its class, `default`.
    #[must_use]
    pub const fn order(status: u16) -> [FallbackKey; 3] {
        [
            FallbackKey::Status(status),
            FallbackKey::Class(status / 100),
            FallbackKey::Default,
        ]
    }
}

impl fmt::Display for FallbackKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FallbackKey::Status(status) => write!(f, "{status}"),
            FallbackKey::Class(class) => write!(f, "{class}xx"),
            FallbackKey::Default => f.write_str("default"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FallbackKey;

    #[test]
    fn keys_are_statuses_classes_or_default_and_nothing_else() {
        assert_eq!(FallbackKey::parse("404"), Some(FallbackKey::Status(404)));
        assert_eq!(FallbackKey::parse("4xx"), Some(FallbackKey::Class(4)));
        assert_eq!(FallbackKey::parse("5XX"), Some(FallbackKey::Class(5)));
        assert_eq!(FallbackKey::parse("default"), Some(FallbackKey::Default));
        for bad in [
            "+503", "0404", " 404", "404 ", "600", "099", "6xx", "4x", "Default", "", "4xxx",
        ] {
            assert_eq!(FallbackKey::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_status_tries_itself_then_its_class_then_default() {
        let order = FallbackKey::order(429).map(FallbackKey::to_u16);
        assert_eq!(order, [429, 4, 0]);
        let shown: Vec<String> = FallbackKey::order(503)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(shown, ["503", "5xx", "default"]);
    }
}
