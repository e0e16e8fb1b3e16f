//! `errspec docs`: a Markdown reference of a spec: a table of every documented error, the
//! fallbacks by status, and a section per error with its template, cause, solution and link.

use std::fmt::Write as _;

use errspec_codegen::model::ErrorEntry;
use errspec_codegen::Spec;
use errspec_vocab::FallbackKey;

use crate::interpret::fixed;
use crate::text::{count, yes_no};

use super::BY_STATUS;

/// The Markdown reference of `spec`, read from the file named `file_name`.
#[must_use]
pub fn markdown(spec: &Spec, file_name: &str) -> String {
    let mut out = String::new();
    let title = spec.title.as_deref().unwrap_or(&spec.name);
    let _ = writeln!(out, "# {}\n", text(title));
    let _ = writeln!(
        out,
        "{} documented in {}. `errors_from_spec!` generates `{name}Error` (one variant per error, plus `Unknown`) and `{name}Code`.",
        count(spec.errors.len(), "error", "errors"),
        code(file_name),
        name = spec.name,
    );
    if let Some(docs) = &spec.docs {
        let _ = writeln!(out, "\nVendor documentation: {}", link(docs));
    }
    if let Some(seconds) = spec.rate_limit_window {
        let _ = writeln!(
            out,
            "\nRate limits reset every {}: a rate-limited response without `Retry-After` may be retried when the next window starts.",
            count(usize::try_from(seconds).unwrap_or(usize::MAX), "second", "seconds")
        );
    }
    error_table(&mut out, spec);
    fallback_table(&mut out, spec);
    out.push_str("\n## Every error\n");
    for entry in &spec.errors {
        entry_section(&mut out, spec, entry);
    }
    out
}

fn error_table(out: &mut String, spec: &Spec) {
    out.push_str("\n## Error table\n\n");
    out.push_str("| Code | Variant | Status | Kind | Retryable | Description |\n");
    out.push_str("|---|---|---|---|---|---|\n");
    for entry in &spec.errors {
        let cells = [
            entry.code.as_deref().map_or("-".into(), cell_code),
            format!(
                "[{}](#{})",
                cell_code(&entry.variant),
                entry.variant.to_lowercase()
            ),
            entry.status.map_or("-".into(), |status| status.to_string()),
            fixed(entry)
                .kind
                .map_or(BY_STATUS.into(), |kind| cell_code(kind.as_str())),
            fixed(entry).retryable.map_or(BY_STATUS, yes_no).into(),
            entry.description.as_deref().map_or("-".into(), cell),
        ];
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

fn fallback_table(out: &mut String, spec: &Spec) {
    // Statuses, then classes, then `default`: the order in which they are tried.
    let mut statuses: Vec<FallbackKey> = spec
        .fallback_missing
        .iter()
        .chain(&spec.fallback_unknown)
        .map(|(key, _)| *key)
        .collect();
    if statuses.is_empty() {
        return;
    }
    statuses.sort_unstable();
    statuses.dedup();
    out.push_str("\n## Chosen by status\n\n");
    let by_message = if spec
        .errors
        .iter()
        .any(|entry| entry.code.is_none() && entry.template.is_some())
    {
        "by its message when an entry without a code has a template that matches it (in file order), else "
    } else {
        ""
    };
    let _ = write!(out, "When a body holds no readable code, or a code the spec does not document, the error is chosen {by_message}by its HTTP status (the one inside the error when the body has one, else the response's). A status the table does not name (nor its class, nor `default`) decodes as `Unknown`.\n\n");
    out.push_str("| Status | No readable code | Undocumented code |\n");
    out.push_str("|---|---|---|\n");
    let variant = |fallbacks: &[(FallbackKey, usize)], key: FallbackKey| {
        fallbacks
            .iter()
            .find(|(fallback, _)| *fallback == key)
            .map_or("`Unknown`".into(), |(_, index)| {
                let variant = &spec.errors[*index].variant;
                format!("[{}](#{})", cell_code(variant), variant.to_lowercase())
            })
    };
    for status in statuses {
        let shown = match status {
            FallbackKey::Default => "any other".to_owned(),
            key => key.to_string(),
        };
        let _ = writeln!(
            out,
            "| {shown} | {} | {} |",
            variant(&spec.fallback_missing, status),
            variant(&spec.fallback_unknown, status)
        );
    }
}

fn entry_section(out: &mut String, spec: &Spec, entry: &ErrorEntry) {
    let _ = writeln!(out, "\n### {}\n", code(&entry.variant));
    if let Some(description) = &entry.description {
        let _ = writeln!(out, "{}\n", text(description));
    }
    let code_line = entry.code.as_deref().map_or_else(
        || "none: chosen by status (see the table above)".to_owned(),
        code,
    );
    let _ = writeln!(out, "- Code: {code_line}");
    let status = entry.status.map_or_else(
        || "not documented: the kind follows the status the error arrives with".to_owned(),
        |status| status.to_string(),
    );
    let _ = writeln!(out, "- HTTP status: {status}");
    let kind = match (fixed(entry).kind, &entry.kind) {
        (Some(kind), Some(_)) => code(kind.as_str()),
        (Some(kind), None) => format!("{} (from the status)", code(kind.as_str())),
        (None, _) => BY_STATUS.into(),
    };
    let _ = writeln!(out, "- Kind: {kind}");
    let retryable = fixed(entry).retryable.map_or(BY_STATUS, yes_no);
    let _ = writeln!(out, "- Retryable: {retryable}");
    let recovery = fixed(entry)
        .recovery
        .map_or(BY_STATUS.into(), |recovery| code(recovery.as_str()));
    let _ = writeln!(out, "- Recovery: {recovery}");
    if let Some(template) = &entry.template {
        let _ = writeln!(out, "- Message template: {}", code(&template.text));
        if !template.params.is_empty() {
            let params: Vec<String> = template.params.iter().map(|param| code(param)).collect();
            let _ = writeln!(out, "- Captured parameters: {}", params.join(", "));
        }
    }
    if entry.batch {
        let _ = writeln!(out, "- Carries per-item results of a batch write");
    }
    if entry.empty_body {
        let _ = writeln!(out, "- Sent with an empty body");
    }
    let shared = entry
        .code
        .as_deref()
        .map_or(0, |wire| spec.entries_with_code(wire).count());
    if shared > 1 {
        let _ = writeln!(
            out,
            "- Shares its code with {}: the first whose template matches the message is chosen, else the one without a template",
            count(shared - 1, "other entry", "other entries")
        );
    }
    for (label, value) in [("Cause", &entry.cause), ("Solution", &entry.solution)] {
        if let Some(value) = value {
            let _ = writeln!(out, "\n**{label}:** {}", text(value));
        }
    }
    if let Some(docs) = &entry.docs {
        let _ = writeln!(out, "\nDocumentation: {}", link(docs));
    }
}

/// Vendor text as Markdown that shows it literally: markup characters escaped, line breaks
/// kept as spaces so that a value never ends a paragraph or a table row.
fn text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\r' | '\n' | '\t' => escaped.push(' '),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// `value` as an inline code span (on one line, fenced by enough backticks).
fn code(value: &str) -> String {
    let value: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let longest_run = value.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let pad = if value.starts_with('`') || value.ends_with('`') || value.starts_with(' ') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{value}{pad}{fence}")
}

/// Text for a table cell: `|` cannot end the cell.
fn cell(value: &str) -> String {
    text(value)
}

/// A code span for a table cell: inside a table, a `|` must be escaped even in code.
fn cell_code(value: &str) -> String {
    code(value).replace('|', "\\|")
}

/// A link to `url`, or the URL as text when it cannot be an autolink.
fn link(url: &str) -> String {
    if url
        .chars()
        .any(|c| c.is_whitespace() || c == '<' || c == '>')
    {
        text(url)
    } else {
        format!("<{url}>")
    }
}

#[cfg(test)]
mod tests {
    use super::{cell, cell_code, code, markdown};

    #[test]
    fn cells_escape_pipes_and_markup() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(cell("<b>_x_</b>"), "\\<b\\>\\_x\\_\\</b\\>");
        assert_eq!(cell_code("a|b"), "`a\\|b`");
    }

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code("plain"), "`plain`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x`"), "`` `x` ``");
    }

    #[test]
    fn a_hostile_spec_cannot_break_the_table() {
        let source = r#"
[api]
name = "Acme"
title = "Acme | <script>"

[envelope]
code = "/code"

[[error]]
code = "a|b"
variant = "Pipe"
description = "first | second\nthird"
message = "Value {v} | `{w}`"
"#;
        let checked = errspec_codegen::check_spec(source);
        let spec = checked.valid().expect("valid spec");
        let out = markdown(spec, "acme.toml");
        assert!(out.starts_with("# Acme \\| \\<script\\>\n"), "{out}");
        let row = out
            .lines()
            .find(|line| line.starts_with("| `a"))
            .expect("a row");
        assert_eq!(
            row,
            "| `a\\|b` | [`Pipe`](#pipe) | - | by status | by status | first \\| second third |"
        );
        assert!(
            out.contains("- Message template: `` Value {v} | `{w}` ``"),
            "{out}"
        );
    }
}
