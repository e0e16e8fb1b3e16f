//! Reading what a server meant when a body's strings or numbers cannot be read as they are:
//! invalid UTF-8, lone surrogates, broken escapes, numbers past the range of `f64`.

use std::fmt::Write as _;

/// `body` with what makes strings unreadable replaced by U+FFFD: invalid UTF-8, lone
/// surrogate escapes, `\u` escapes without four hex digits, and raw control characters; a run
/// of them one U+FFFD (what the server meant is lost either way, and a run of a million bad
/// bytes then costs three bytes, not three million). A backslash before a character that is
/// no escape stands for itself. A number too large for `f64` (`1e400`), which serde_json
/// refuses wherever it is read as a value, becomes a string of the same text. `None` when
/// there was nothing to repair.
pub(super) fn repair(body: &[u8]) -> Option<String> {
    let mut repaired = Repaired {
        text: String::with_capacity(body.len()),
        replaced_to: None,
    };
    let mut in_string = false;
    // Invalid UTF-8 is met chunk by chunk, without a lossy copy of the whole body first.
    for chunk in body.utf8_chunks() {
        let mut chars = chunk.valid().chars().peekable();
        while let Some(c) = chars.next() {
            if !in_string {
                if c == '-' || c.is_ascii_digit() {
                    repair_number(c, &mut chars, &mut repaired.text);
                    continue;
                }
                in_string = c == '"';
                repaired.text.push(c);
                continue;
            }
            match c {
                '"' => {
                    in_string = false;
                    repaired.text.push(c);
                }
                '\\' => match chars.peek().copied() {
                    Some(escape @ ('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't')) => {
                        chars.next();
                        repaired.text.push('\\');
                        repaired.text.push(escape);
                    }
                    Some('u') => {
                        chars.next();
                        repair_unicode_escape(&mut chars, &mut repaired);
                    }
                    _ => repaired.text.push_str("\\\\"),
                },
                c if c < ' ' => repaired.replace(),
                c => repaired.text.push(c),
            }
        }
        if !chunk.invalid().is_empty() {
            repaired.replace();
        }
    }
    (repaired.text.as_bytes() != body).then_some(repaired.text)
}

/// The repaired text, and where the last U+FFFD written ends: one right after it is not
/// written again.
struct Repaired {
    text: String,
    replaced_to: Option<usize>,
}

impl Repaired {
    /// Writes U+FFFD for what cannot be read, unless one was just written. Written as itself:
    /// three bytes, where its escape takes six.
    fn replace(&mut self) {
        if self.replaced_to != Some(self.text.len()) {
            self.text.push('\u{FFFD}');
            self.replaced_to = Some(self.text.len());
        }
    }
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
fn repair_unicode_escape(
    chars: &mut core::iter::Peekable<std::str::Chars<'_>>,
    repaired: &mut Repaired,
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
        repaired.replace();
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
                    let _ = write!(repaired.text, "\\u{unit:04x}\\u{low:04x}");
                }
                None => repaired.replace(),
            }
        }
        0xDC00..=0xDFFF => repaired.replace(),
        _ => {
            let _ = write!(repaired.text, "\\u{unit:04x}");
        }
    }
}
