//! JSON pointers (RFC 6901), as specs write locations in a body.

/// The reference tokens of a JSON pointer, unescaped: `"/a~1b/0"` is `["a/b", "0"]`, `""` (the
/// whole body) is none. The pointer is one the spec checker accepted: empty or starting with
/// `/`.
#[must_use]
pub fn pointer_tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|token| token.replace("~1", "/").replace("~0", "~"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::pointer_tokens;

    #[test]
    fn tokens_are_unescaped() {
        assert_eq!(pointer_tokens(""), Vec::<String>::new());
        assert_eq!(pointer_tokens("/error/code"), ["error", "code"]);
        assert_eq!(pointer_tokens("/a~1b/~01"), ["a/b", "~1"]);
        assert_eq!(pointer_tokens("/"), [""]);
    }
}
