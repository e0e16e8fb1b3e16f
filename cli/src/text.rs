//! Turning values into plain text that keeps its line: escapes, plurals.

/// `value` on one line: line breaks, tabs and other control characters escaped (a stack
/// trace stays one line, a terminal escape sequence stays inert). Nothing is cut: the
/// terminal's width wraps it.
pub fn one_line(value: &str) -> String {
    let mut line = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\n' => line.push_str("\\n"),
            '\r' => line.push_str("\\r"),
            '\t' => line.push_str("\\t"),
            c if c.is_control() => line.push_str(&c.escape_unicode().to_string()),
            c => line.push(c),
        }
    }
    line
}

/// `yes` or `no`.
pub fn yes_no(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

/// `1 error`, `2 errors`.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("{n} {singular}")
    } else {
        format!("{n} {plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::{count, one_line};

    #[test]
    fn line_breaks_and_control_characters_are_escaped() {
        assert_eq!(
            one_line("at a\n\tat b\r\n\u{1b}[31m"),
            "at a\\n\\tat b\\r\\n\\u{1b}[31m"
        );
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(count(1, "error", "errors"), "1 error");
        assert_eq!(count(0, "error", "errors"), "0 errors");
    }
}
