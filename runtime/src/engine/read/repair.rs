//! Reading what a server meant when a body's strings or numbers cannot be read as they are:
//! invalid UTF-8, lone surrogates, broken escapes, numbers past the range of `f64`.

/// `body` with what makes strings unreadable replaced by U+FFFD: invalid UTF-8, lone
/// surrogate escapes, `\u` escapes without four hex digits, and raw control characters. A
/// backslash before a character that is no escape stands for itself. A number too large for
/// `f64` (`1e400`), which serde_json refuses wherever it is read as a value, becomes a string
/// of the same text. `None` when there was nothing to repair.
pub(super) fn repair(body: &[u8]) -> Option<String> {
    const REPLACEMENT: &str = "\\ufffd";
    let text = String::from_utf8_lossy(body);
    let mut repaired = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if !in_string {
            if c == '-' || c.is_ascii_digit() {
                repair_number(c, &mut chars, &mut repaired);
                continue;
            }
            in_string = c == '"';
            repaired.push(c);
            continue;
        }
        match c {
            '"' => {
                in_string = false;
                repaired.push(c);
            }
            '\\' => match chars.peek().copied() {
                Some(escape @ ('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't')) => {
                    chars.next();
                    repaired.push('\\');
                    repaired.push(escape);
                }
                Some('u') => {
                    chars.next();
                    repair_unicode_escape(&mut chars, &mut repaired);
                }
                _ => repaired.push_str("\\\\"),
            },
            c if c < ' ' => repaired.push_str(REPLACEMENT),
            c => repaired.push(c),
        }
    }
    (repaired.as_bytes() != body).then_some(repaired)
}

/// Copies a number token whose first character `first` was just read, quoted when it is too
/// large for `f64`.
fn repair_number(
    first: char,
    chars: &mut core::iter::Peekable<std::str::Chars<'_>>,
    repaired: &mut String,
) {
    let start = repaired.len();
    repaired.push(first);
    while let Some(c) = chars.next_if(|c| matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E')) {
        repaired.push(c);
    }
    if repaired[start..]
        .parse::<f64>()
        .is_ok_and(|number| number.is_infinite())
    {
        repaired.insert(start, '"');
        repaired.push('"');
    }
}

/// Copies a `\u` escape whose `u` was just read, or U+FFFD where it is broken.
pub(super) fn repair_unicode_escape(
    chars: &mut core::iter::Peekable<std::str::Chars<'_>>,
    repaired: &mut String,
) {
    fn hex4(chars: &mut core::iter::Peekable<std::str::Chars<'_>>) -> Option<u32> {
        let mut lookahead = chars.clone();
        let mut value = 0;
        for _ in 0..4 {
            value = value * 16 + lookahead.next()?.to_digit(16)?;
        }
        *chars = lookahead;
        Some(value)
    }
    let Some(unit) = hex4(chars) else {
        repaired.push_str("\\ufffd");
        return;
    };
    match unit {
        0xD800..=0xDBFF => {
            let mut lookahead = chars.clone();
            let low = (lookahead.next() == Some('\\') && lookahead.next() == Some('u'))
                .then(|| hex4(&mut lookahead))
                .flatten()
                .filter(|low| (0xDC00..=0xDFFF).contains(low));
            match low {
                Some(low) => {
                    *chars = lookahead;
                    repaired.push_str(&format!("\\u{unit:04x}\\u{low:04x}"));
                }
                None => repaired.push_str("\\ufffd"),
            }
        }
        0xDC00..=0xDFFF => repaired.push_str("\\ufffd"),
        _ => repaired.push_str(&format!("\\u{unit:04x}")),
    }
}
