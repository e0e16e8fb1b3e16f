//! Turning values into plain text that keeps its line: escapes, truncation, plurals.

/// The longest value printed in full, in characters.
pub const MAX_VALUE_CHARS: usize = 200;

/// `value` on one line: line breaks, tabs and other control characters escaped (a stack
/// trace stays one line, a terminal escape sequence stays inert), and cut after
/// [`MAX_VALUE_CHARS`] characters with a note of the full length.
pub fn one_line(value: &str) -> String {
    let mut line = String::with_capacity(value.len().min(MAX_VALUE_CHARS * 2));
    let mut total = 0;
    for c in value.chars() {
        total += 1;
        if total > MAX_VALUE_CHARS {
            continue;
        }
        match c {
            '\n' => line.push_str("\\n"),
            '\r' => line.push_str("\\r"),
            '\t' => line.push_str("\\t"),
            c if c.is_control() => line.push_str(&c.escape_unicode().to_string()),
            c => line.push(c),
        }
    }
    if total > MAX_VALUE_CHARS {
        line.push_str("... (truncated, ");
        line.push_str(&total.to_string());
        line.push_str(" characters in all)");
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
    use super::{count, one_line, MAX_VALUE_CHARS};

    #[test]
    fn line_breaks_and_control_characters_are_escaped() {
        assert_eq!(
            one_line("at a\n\tat b\r\n\u{1b}[31m"),
            "at a\\n\\tat b\\r\\n\\u{1b}[31m"
        );
    }

    #[test]
    fn long_values_are_cut_with_their_full_length() {
        let long = "é".repeat(MAX_VALUE_CHARS + 50);
        let line = one_line(&long);
        assert!(line.starts_with(&"é".repeat(MAX_VALUE_CHARS)));
        assert!(line.ends_with("... (truncated, 250 characters in all)"));
        assert_eq!(one_line(&long[..MAX_VALUE_CHARS * 2]), "é".repeat(200));
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(count(1, "error", "errors"), "1 error");
        assert_eq!(count(0, "error", "errors"), "0 errors");
    }
}
