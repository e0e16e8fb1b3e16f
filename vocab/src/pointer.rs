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

#[cfg(test)]
mod tests {
    use super::{pointer_tokens, selector};

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
