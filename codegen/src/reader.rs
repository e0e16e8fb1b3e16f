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

/// Collects diagnostics while values are read.
#[derive(Debug, Default)]
pub struct Reader {
    pub diagnostics: Vec<Diagnostic>,
}

/// The value of `key` in `table`, with the span of the key.
pub fn entry<'t, 'i>(
    table: &'t DeTable<'i>,
    key: &str,
) -> Option<(&'t Spanned<DeValue<'i>>, Range<usize>)> {
    table
        .iter()
        .find(|(name, _)| name.get_ref().as_ref() == key)
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

impl Reader {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Reports every key of `table` not in `allowed`, suggesting the closest allowed key.
    pub fn allow_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], context: &str) {
        for (key, _) in table {
            let name = key.get_ref().as_ref();
            if allowed.contains(&name) {
                continue;
            }
            let mut diagnostic =
                Diagnostic::new(key.span(), format!("unknown key `{name}` in {context}"));
            let closest = allowed
                .iter()
                .map(|candidate| (strsim::jaro_winkler(name, candidate), *candidate))
                .filter(|(similarity, _)| *similarity >= 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            diagnostic = match closest {
                Some((_, candidate)) => diagnostic.help(format!("did you mean `{candidate}`?")),
                None => diagnostic.help(format!(
                    "the keys of {context} are: {}",
                    allowed
                        .iter()
                        .map(|key| format!("`{key}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            };
            self.push(diagnostic);
        }
    }

    fn wrong_type(&mut self, key: &str, expected: &str, value: &Spanned<DeValue<'_>>) {
        self.push(Diagnostic::new(
            value.span(),
            format!(
                "`{key}` must be {expected}, found {}",
                article_type(value.get_ref())
            ),
        ));
    }

    pub fn string(&mut self, table: &DeTable<'_>, key: &str) -> Option<Text> {
        let (value, _) = entry(table, key)?;
        match value.get_ref() {
            DeValue::String(text) => Some(Text {
                value: text.to_string(),
                span: value.span(),
            }),
            _ => {
                self.wrong_type(key, "a string", value);
                None
            }
        }
    }

    pub fn boolean(&mut self, table: &DeTable<'_>, key: &str) -> Option<bool> {
        let (value, _) = entry(table, key)?;
        match value.get_ref() {
            DeValue::Boolean(flag) => Some(*flag),
            _ => {
                self.wrong_type(key, "a boolean (`true` or `false`)", value);
                None
            }
        }
    }

    /// An integer with the span of its literal.
    pub fn integer(&mut self, table: &DeTable<'_>, key: &str) -> Option<(i128, Range<usize>)> {
        let (value, _) = entry(table, key)?;
        match value.get_ref() {
            DeValue::Integer(integer) => {
                let parsed = i128::from_str_radix(integer.as_str(), integer.radix()).ok();
                if parsed.is_none() {
                    self.push(Diagnostic::new(
                        value.span(),
                        format!("`{key}` is out of range"),
                    ));
                }
                parsed.map(|number| (number, value.span()))
            }
            _ => {
                self.wrong_type(key, "an integer", value);
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
                self.wrong_type(key, "a table", value);
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
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, &format!("an array of tables (`[[{key}]]`)"), value);
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(inner) => Some((inner, item.span())),
                _ => {
                    self.wrong_type(key, "an array of tables", item);
                    None
                }
            })
            .collect()
    }
}
