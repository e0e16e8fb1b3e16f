//! Typed access to a parsed TOML table that reports, rather than stops at, every wrong key
//! and every wrong type.

use core::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diagnostic::Diagnostic;

/// A string value with the byte range of its TOML literal.
#[derive(Debug, Clone)]
pub struct Text {
    pub value: String,
    pub span: Range<usize>,
}

impl Text {
    /// The source range of the bytes `range` of the value: exact when the literal decodes to
    /// the value, else the whole literal.
    pub fn source_range(&self, source: &str, range: Range<usize>) -> Range<usize> {
        let positions = source
            .get(self.span.clone())
            .and_then(|raw| value_positions(raw, self.span.start, &self.value));
        match positions {
            Some(positions) => {
                let start = positions.get(range.start).copied();
                let end = positions.get(range.end).copied();
                match (start, end) {
                    (Some(start), Some(end)) if start <= end => start..end,
                    _ => self.span.clone(),
                }
            }
            None => self.span.clone(),
        }
    }
}

/// Where each byte of `value` sits in `raw`, the TOML string literal it was read from, which
/// starts at `start`: one offset per byte of `value` and one for its end. `None` when `raw`
/// does not decode to `value`.
pub fn value_positions(raw: &str, start: usize, value: &str) -> Option<Vec<usize>> {
    let (delimiter, escapes) = if raw.starts_with("\"\"\"") {
        ("\"\"\"", true)
    } else if raw.starts_with("'''") {
        ("'''", false)
    } else if raw.starts_with('"') {
        ("\"", true)
    } else if raw.starts_with('\'') {
        ("'", false)
    } else {
        return None;
    };
    let content = raw.strip_prefix(delimiter)?.strip_suffix(delimiter)?;
    let mut at = start + delimiter.len();
    let mut content = content;
    if delimiter.len() == 3 {
        for newline in ["\r\n", "\n"] {
            if let Some(rest) = content.strip_prefix(newline) {
                content = rest;
                at += newline.len();
                break;
            }
        }
    }
    let mut decoded = String::with_capacity(value.len());
    let mut positions = Vec::with_capacity(value.len() + 1);
    let mut chars = content.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let here = at + index;
        let produced = if escapes && c == '\\' {
            let (_, escape) = chars.next()?;
            match escape {
                'b' => '\u{8}',
                't' => '\t',
                'n' => '\n',
                'f' => '\u{c}',
                'r' => '\r',
                'e' => '\u{1b}',
                '"' => '"',
                '\\' => '\\',
                'x' | 'u' | 'U' => {
                    let digits = match escape {
                        'x' => 2,
                        'u' => 4,
                        _ => 8,
                    };
                    let mut code = 0u32;
                    for _ in 0..digits {
                        let (_, digit) = chars.next()?;
                        code = code.checked_mul(16)? + digit.to_digit(16)?;
                    }
                    char::from_u32(code)?
                }
                ' ' | '\t' | '\r' | '\n' if delimiter.len() == 3 => {
                    // A line-ending backslash: drops the whitespace and newlines that follow.
                    while chars.next_if(|&(_, next)| next.is_whitespace()).is_some() {}
                    continue;
                }
                _ => return None,
            }
        } else {
            c
        };
        for _ in 0..produced.len_utf8() {
            positions.push(here);
        }
        decoded.push(produced);
    }
    positions.push(at + content.len());
    (decoded == value).then_some(positions)
}

/// Collects diagnostics while values are read.
#[derive(Debug)]
pub struct Reader<'s> {
    /// The spec's text, to quote values in help texts.
    pub source: &'s str,
    pub diagnostics: Vec<Diagnostic>,
}

/// The value of `key` in `table`, with the span of the key.
pub fn entry<'t, 'i>(
    table: &'t DeTable<'i>,
    key: &str,
) -> Option<(&'t Spanned<DeValue<'i>>, Range<usize>)> {
    // A lookup in the table's map, not a scan: a table of 100,000 keys is read in linear time.
    table
        .get_key_value(key)
        .map(|(name, value)| (value, name.span()))
}

fn article_type(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// The allowed key most like `name`, if one is close.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| {
            let similarity = strsim::jaro_winkler(name, candidate)
                .max(strsim::normalized_damerau_levenshtein(name, candidate));
            (similarity, candidate)
        })
        .filter(|(similarity, _)| *similarity >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// The expected type of a value, for [`Reader`]'s type checks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expected {
    String,
    StringOrStrings,
    Boolean,
    Integer,
    Table,
}

impl<'s> Reader<'s> {
    pub fn new(source: &'s str) -> Self {
        Reader {
            source,
            diagnostics: Vec::new(),
        }
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Reports every key of `table` not in `allowed`: with the closest allowed key, else the
    /// other tables (`elsewhere`: a table's name and keys) where the key belongs.
    pub fn allow_keys(
        &mut self,
        table: &DeTable<'_>,
        allowed: &[&str],
        context: &str,
        elsewhere: &[(&str, &[&str])],
    ) {
        for (key, _) in table {
            let name = key.get_ref().as_ref();
            if allowed.contains(&name) {
                continue;
            }
            let diagnostic =
                Diagnostic::new(key.span(), format!("unknown key `{name}` in {context}"));
            let homes: Vec<&str> = elsewhere
                .iter()
                .filter(|(_, keys)| keys.contains(&name))
                .map(|(home, _)| *home)
                .collect();
            let help = if let Some(candidate) = closest(name, allowed.iter().copied()) {
                format!("did you mean `{candidate}`?")
            } else if !homes.is_empty() {
                format!(
                    "`{name}` belongs in {}: is a table header missing above it?",
                    homes.join(" or ")
                )
            } else {
                format!(
                    "the keys of {context} are: {}",
                    allowed
                        .iter()
                        .map(|key| format!("`{key}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            self.push(diagnostic.help(help));
        }
    }

    fn wrong_type(&mut self, key: &str, expected: Expected, value: &Spanned<DeValue<'_>>) {
        let wanted = match expected {
            Expected::String => "a string",
            Expected::StringOrStrings => "a string or an array of strings",
            Expected::Boolean => "a boolean (`true` or `false`)",
            Expected::Integer => "an integer",
            Expected::Table => "a table",
        };
        let raw = self
            .source
            .get(value.span())
            .filter(|raw| raw.len() <= 60 && !raw.contains('\n'));
        let help = match (expected, value.get_ref(), raw) {
            (
                Expected::String,
                DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_) | DeValue::Datetime(_),
                Some(raw),
            ) => Some(format!("quote it: `{key} = \"{raw}\"`")),
            (Expected::Integer, DeValue::String(text), _) if text.trim().parse::<i64>().is_ok() => {
                Some(format!("write the number without quotes: `{key} = {}`", text.trim()))
            }
            (Expected::Boolean, DeValue::String(text), _)
                if matches!(text.as_ref(), "true" | "false") =>
            {
                Some(format!("write the boolean without quotes: `{key} = {text}`"))
            }
            (Expected::Table, _, _) => Some(format!(
                "`{key}` holds keys: write them below a table header, or as an inline table `{key} = {{ ... }}`"
            )),
            _ => None,
        };
        let mut diagnostic = Diagnostic::new(
            value.span(),
            format!(
                "`{key}` must be {wanted}, found {}",
                article_type(value.get_ref())
            ),
        );
        if let Some(help) = help {
            diagnostic = diagnostic.help(help);
        }
        self.push(diagnostic);
    }

    /// A string, or an array of strings (alternatives, in order): each with its span. `None`
    /// when the key is absent or a value has the wrong type (reported).
    pub fn strings(&mut self, table: &DeTable<'_>, key: &str) -> Option<Vec<Text>> {
        let (value, _) = entry(table, key)?;
        let text = |value: &Spanned<DeValue<'_>>| match value.get_ref() {
            DeValue::String(text) => Some(Text {
                value: text.to_string(),
                span: value.span(),
            }),
            _ => None,
        };
        match value.get_ref() {
            DeValue::String(_) => Some(vec![text(value)?]),
            DeValue::Array(items) => {
                let mut texts = Vec::with_capacity(items.len());
                for item in items {
                    match text(item) {
                        Some(text) => texts.push(text),
                        None => {
                            self.wrong_type(key, Expected::StringOrStrings, item);
                            return None;
                        }
                    }
                }
                Some(texts)
            }
            _ => {
                self.wrong_type(key, Expected::StringOrStrings, value);
                None
            }
        }
    }

    pub fn string(&mut self, table: &DeTable<'_>, key: &str) -> Option<Text> {
        let (value, _) = entry(table, key)?;
        match value.get_ref() {
            DeValue::String(text) => Some(Text {
                value: text.to_string(),
                span: value.span(),
            }),
            _ => {
                self.wrong_type(key, Expected::String, value);
                None
            }
        }
    }

    pub fn boolean(&mut self, table: &DeTable<'_>, key: &str) -> Option<bool> {
        let (value, _) = entry(table, key)?;
        match value.get_ref() {
            DeValue::Boolean(flag) => Some(*flag),
            _ => {
                self.wrong_type(key, Expected::Boolean, value);
                None
            }
        }
    }

    /// An integer with the span of its literal.
    pub fn integer(&mut self, table: &DeTable<'_>, key: &str) -> Option<(i128, Range<usize>)> {
        let (value, _) = entry(table, key)?;
        match value.get_ref() {
            DeValue::Integer(integer) => {
                let digits = integer.as_str().replace('_', "");
                let parsed = i128::from_str_radix(&digits, integer.radix()).ok();
                if parsed.is_none() {
                    self.push(Diagnostic::new(
                        value.span(),
                        format!("`{key}` is out of range"),
                    ));
                }
                parsed.map(|number| (number, value.span()))
            }
            _ => {
                self.wrong_type(key, Expected::Integer, value);
                None
            }
        }
    }

    pub fn table<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &str,
    ) -> Option<(&'t DeTable<'i>, Range<usize>)> {
        let (value, key_span) = entry(table, key)?;
        match value.get_ref() {
            DeValue::Table(inner) => Some((inner, key_span)),
            _ => {
                self.wrong_type(key, Expected::Table, value);
                None
            }
        }
    }

    /// An array of tables (`[[key]]`), each with its span.
    pub fn tables<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &str,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let Some((value, _)) = entry(table, key) else {
            return Vec::new();
        };
        let not_tables = |value: &Spanned<DeValue<'_>>| {
            Diagnostic::new(
                value.span(),
                format!(
                    "`{key}` must be an array of tables (`[[{key}]]`), found {}",
                    article_type(value.get_ref())
                ),
            )
            .help(format!(
                "write a `[[{key}]]` header (two brackets) above each entry's keys"
            ))
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.push(not_tables(value));
            return Vec::new();
        };
        let mut tables = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::Table(inner) => tables.push((inner, item.span())),
                _ => self.push(not_tables(item)),
            }
        }
        tables
    }
}

#[cfg(test)]
mod tests {
    use super::{closest, value_positions};

    #[test]
    fn maps_value_bytes_to_their_place_in_the_literal() {
        let positions = value_positions(r#""a\"{b}""#, 10, "a\"{b}").unwrap();
        assert_eq!(positions, vec![11, 12, 14, 15, 16, 17]);
        let positions = value_positions("'{x}'", 0, "{x}").unwrap();
        assert_eq!(positions, vec![1, 2, 3, 4]);
        let positions = value_positions("\"\"\"\n{x}\"\"\"", 0, "{x}").unwrap();
        assert_eq!(positions, vec![4, 5, 6, 7]);
        assert_eq!(value_positions(r#""\u00e9""#, 0, "é"), Some(vec![1, 1, 7]));
        assert!(value_positions(r#""a""#, 0, "b").is_none());
        assert!(value_positions(r#""\q""#, 0, "q").is_none());
    }

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["code", "message", "status"];
        assert_eq!(closest("mesage", keys), Some("message"));
        assert_eq!(closest("stauts", keys), Some("status"));
        assert_eq!(closest("zzz", keys), None);
    }
}
