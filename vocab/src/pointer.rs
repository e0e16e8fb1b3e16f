//! JSON pointers (RFC 6901), as specs write locations in a body, with one addition: a token
//! `[key=value]` stands for the element of an array that is an object whose member `key` is
//! `value` (Google's `/details/[@type=type.googleapis.com/google.rpc.ErrorInfo]/reason`).

/// The reference tokens of a JSON pointer, unescaped: `"/a~1b/0"` is `["a/b", "0"]`, `""` (the
/// whole body) is none. A token that starts with `[` runs to the next `]` followed by `/` or
/// the end, so that a selector's value may hold `/`. The pointer is one the spec checker
/// accepted: empty or starting with `/`.
#[must_use]
pub fn pointer_tokens(pointer: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut rest = match pointer.strip_prefix('/') {
        Some(rest) => rest,
        None => return tokens,
    };
    loop {
        let end = if rest.starts_with('[') {
            selector_end(rest)
        } else {
            rest.find('/')
        };
        let (token, after) = match end {
            Some(end) => (&rest[..end], Some(&rest[end + 1..])),
            None => (rest, None),
        };
        tokens.push(token.replace("~1", "/").replace("~0", "~"));
        match after {
            Some(after) => rest = after,
            None => return tokens,
        }
    }
}

/// Where the `/` after a selector token starting `text` is: after its first `]` that is
/// followed by `/` (or the end: `None`).
fn selector_end(text: &str) -> Option<usize> {
    text.match_indices("]/").next().map(|(at, _)| at + 1)
}

/// The member and value a selector token names (`[@type=...ErrorInfo]`), `None` for any
/// other token.
#[must_use]
pub fn selector(token: &str) -> Option<(&str, &str)> {
    token
        .strip_prefix('[')?
        .strip_suffix(']')?
        .split_once('=')
        .filter(|(key, _)| !key.is_empty())
}

/// The array index a token names (`"0"`, `"12"`; never `"00"`, `"-1"` or one past `usize`),
/// `None` for any other token.
#[must_use]
pub fn array_index(token: &str) -> Option<usize> {
    let bytes = token.as_bytes();
    if bytes.is_empty() || (bytes.len() > 1 && bytes[0] == b'0') {
        return None;
    }
    let mut value: usize = 0;
    for &byte in bytes {
        if !byte.is_ascii_digit() {
            return None;
        }
        value = value
            .checked_mul(10)?
            .checked_add(usize::from(byte - b'0'))?;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::{array_index, pointer_tokens, selector};

    #[test]
    fn an_index_is_digits_without_a_leading_zero() {
        assert_eq!(array_index("0"), Some(0));
        assert_eq!(array_index("12"), Some(12));
        for token in ["", "00", "01", "-1", "+1", "1a", "99999999999999999999999"] {
            assert_eq!(array_index(token), None, "{token:?}");
        }
    }

    #[test]
    fn tokens_are_unescaped() {
        assert_eq!(pointer_tokens(""), Vec::<String>::new());
        assert_eq!(pointer_tokens("/error/code"), ["error", "code"]);
        assert_eq!(pointer_tokens("/a~1b/~01"), ["a/b", "~1"]);
        assert_eq!(pointer_tokens("/"), [""]);
    }

    #[test]
    fn a_selector_is_one_token_whatever_its_value_holds() {
        assert_eq!(
            pointer_tokens("/details/[@type=type.googleapis.com/google.rpc.ErrorInfo]/reason"),
            [
                "details",
                "[@type=type.googleapis.com/google.rpc.ErrorInfo]",
                "reason"
            ]
        );
        assert_eq!(pointer_tokens("/[kind=a/b]"), ["[kind=a/b]"]);
        assert_eq!(
            selector("[@type=type.googleapis.com/google.rpc.ErrorInfo]"),
            Some(("@type", "type.googleapis.com/google.rpc.ErrorInfo"))
        );
        assert_eq!(selector("[a=]"), Some(("a", "")));
        for token in ["[=x]", "[ax]", "a=b", "[a=b", ""] {
            assert_eq!(selector(token), None, "{token}");
        }
    }
}
