//! TOML syntax errors, positioned where the mistake is (a duplicate key or table: at its second
//! definition, with the first named).

use core::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::diagnostic::Diagnostic;

pub(super) fn syntax_diagnostic(
    error: &toml::de::Error,
    root: &DeTable<'_>,
    source: &str,
) -> Diagnostic {
    let message = error.message().trim();
    let span = error
        .span()
        .or_else(|| {
            (message == "recursion limit")
                .then(|| deep_key(source))
                .flatten()
        })
        .unwrap_or(0..0);
    let key = source.get(span.clone()).unwrap_or_default();
    let message = if message == "duplicate key" && !key.is_empty() && !key.contains('\n') {
        format!("duplicate key `{key}`")
    } else {
        message.to_owned()
    };
    let mut diagnostic = Diagnostic::new(span.clone(), format!("TOML syntax error: {message}"));
    if message.starts_with("duplicate key") {
        let first = earlier_key(root, key, span.start, source, 0)
            .or_else(|| earlier_header(source, span.start));
        if let Some(first) = first {
            // A table's span runs to its last key: label its header line alone.
            let line_end = source[first.clone()]
                .find('\n')
                .map_or(first.end, |newline| first.start + newline);
            diagnostic = diagnostic
                .label(
                    first.start..line_end,
                    format!("`{key}` is first defined here"),
                )
                .here("defined again here");
        }
        diagnostic = diagnostic.help("a key may appear once per table: remove or rename one");
    } else if message.contains("string values must be quoted") {
        diagnostic = diagnostic
            .help("quote text (`code = \"E001\"`); numbers and `true`/`false` stand alone");
    }
    diagnostic
}

/// The first key of more dotted parts than the TOML parser follows (80), which it reports
/// without a position: a `[header]`'s or a `key = value` line's.
fn deep_key(source: &str) -> Option<Range<usize>> {
    const PARSER_LIMIT: usize = 80;
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        let text = line.trim();
        let key = match text.strip_prefix('[') {
            Some(header) => header.trim_start_matches('[').split(']').next(),
            None => text.split('=').next(),
        }
        .unwrap_or_default();
        if key.matches('.').count() + 1 >= PARSER_LIMIT {
            let start = line_start + indent + text.find(key.trim_start()).unwrap_or(0);
            return Some(start..start + key.trim().len());
        }
        line_start += line.len();
    }
    None
}

/// For a duplicate `[table]` header at `at`, the same header written earlier.
pub(super) fn earlier_header(source: &str, at: usize) -> Option<Range<usize>> {
    let line = source
        .get(..at)?
        .rfind('\n')
        .map_or(0, |newline| newline + 1);
    let end = source
        .get(line..)?
        .find('\n')
        .map_or(source.len(), |newline| line + newline);
    let header = source.get(line..end)?.trim();
    if !header.starts_with('[') {
        return None;
    }
    let mut offset = 0;
    for text in source.get(..line)?.split_inclusive('\n') {
        if text.trim() == header {
            return Some(offset..offset + text.len());
        }
        offset += text.len();
    }
    None
}

/// The last key written exactly as `key` and defined before `before`, at any depth.
pub(super) fn earlier_key(
    table: &DeTable<'_>,
    key: &str,
    before: usize,
    source: &str,
    depth: usize,
) -> Option<Range<usize>> {
    if depth > 32 {
        return None;
    }
    let mut found: Option<Range<usize>> = None;
    let mut consider = |candidate: Option<Range<usize>>| {
        if let Some(candidate) = candidate {
            let later = match &found {
                Some(best) => candidate.start > best.start,
                None => true,
            };
            if later {
                found = Some(candidate);
            }
        }
    };
    for (name, value) in table {
        let span = name.span();
        let same = source.get(span.clone()) == Some(key) || name.get_ref().as_ref() == key;
        if span.start < before && same {
            consider(Some(span));
        }
        match value.get_ref() {
            DeValue::Table(inner) => consider(earlier_key(inner, key, before, source, depth + 1)),
            DeValue::Array(items) => {
                for item in items {
                    if let DeValue::Table(inner) = item.get_ref() {
                        consider(earlier_key(inner, key, before, source, depth + 1));
                    }
                }
            }
            _ => {}
        }
    }
    found
}
