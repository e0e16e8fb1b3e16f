//! `errspec list` and `errspec explain`: a vendor's documented errors, read from its checked
//! spec, so every vendor goes through the same code.

use std::fmt::Write as _;

use errspec::{Kind, Recovery};
use errspec_codegen::model::ErrorEntry;
use errspec_codegen::Spec;
use errspec_vocab::FallbackKey;
use serde::Serialize;

use crate::interpret::fixed;
use crate::style::{self, paint};
use crate::target::Target;
use crate::text::{count, one_line, yes_no};

/// Shown where a spec leaves a value to the status the error arrives with.
const BY_STATUS: &str = "by status";

/// Every documented error of `target`, one row each under a header; the last column
/// (the description) wrapped to fit `columns` when given.
#[must_use]
pub fn list(target: &Target, columns: Option<usize>) -> String {
    let spec = &target.spec;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}): {} documented",
        paint(style::LABEL, spec.title.as_deref().unwrap_or(&spec.name)),
        target.file_name,
        count(spec.errors.len(), "error", "errors")
    );
    let rows: Vec<[String; 6]> = spec
        .errors
        .iter()
        .map(|entry| {
            [
                entry.code.as_deref().map_or("-".into(), one_line),
                entry.variant.clone(),
                entry.status.map_or("-".into(), |status| status.to_string()),
                fixed(entry).kind.map_or(BY_STATUS, Kind::as_str).to_owned(),
                fixed(entry).retryable.map_or(BY_STATUS, yes_no).to_owned(),
                entry.description.as_deref().map_or("-".into(), one_line),
            ]
        })
        .collect();
    let header = [
        "CODE",
        "VARIANT",
        "STATUS",
        "KIND",
        "RETRYABLE",
        "DESCRIPTION",
    ]
    .map(String::from);
    let mut widths = header.clone().map(|cell| style::width(&cell));
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(style::width(cell));
        }
    }
    let before_last: usize = widths[..widths.len() - 1]
        .iter()
        .map(|width| width + 2)
        .sum();
    match columns {
        // Too narrow for the table: one entry per block, its description under it.
        Some(columns) if before_last + 20 > columns => {
            for row in &rows {
                let head = format!(
                    "{}  {}  {}  {}  retryable: {}",
                    row[0], row[1], row[2], row[3], row[4]
                );
                for line in style::wrap(&head, Some(columns)) {
                    let _ = writeln!(out, "{line}");
                }
                for line in style::wrap(&row[5], Some(columns.saturating_sub(4))) {
                    let _ = writeln!(out, "    {line}");
                }
            }
            return out;
        }
        _ => {}
    }
    // The description wraps into what the other columns leave.
    let last_columns = columns.map(|columns| columns - before_last);
    for (index, row) in std::iter::once(&header).chain(&rows).enumerate() {
        let mut text = String::new();
        for (column, (cell, width)) in row.iter().zip(widths).take(row.len() - 1).enumerate() {
            let styled = match (index, column) {
                (0, _) => paint(style::LABEL, cell),
                (_, 0) if cell != "-" => paint(style::CODE, cell),
                (_, 1) => paint(style::VARIANT, cell),
                _ => cell.clone(),
            };
            let _ = write!(text, "{styled}{}  ", " ".repeat(width - style::width(cell)));
        }
        let description = style::wrap(&row[row.len() - 1], last_columns);
        let mut description = description.iter();
        let first = description.next().map_or("", String::as_str);
        let first = if index == 0 {
            paint(style::LABEL, first)
        } else {
            first.to_owned()
        };
        let _ = writeln!(out, "{}", format!("{text}{first}").trim_end());
        for more in description {
            let _ = writeln!(out, "{:before_last$}{more}", "");
        }
    }
    out
}

/// `errspec list --json`: the spec's name, title and file, and one object per documented
/// error; `kind` and `retryable` are null where the status the error arrives with decides.
#[derive(Serialize)]
pub struct ListJson<'a> {
    api: &'a str,
    title: Option<&'a str>,
    file: &'a str,
    errors: Vec<EntryJson<'a>>,
}

/// One documented error in JSON, as `list`, `explain` and `docs` write it.
#[derive(Serialize)]
pub struct EntryJson<'a> {
    code: Option<&'a str>,
    variant: &'a str,
    status: Option<u16>,
    kind: Option<Kind>,
    retryable: Option<bool>,
    recovery: Option<&'static str>,
    description: Option<&'a str>,
    template: Option<&'a str>,
    cause: Option<&'a str>,
    solution: Option<&'a str>,
    docs: Option<&'a str>,
    batch: bool,
}

impl<'a> EntryJson<'a> {
    /// The JSON of one entry.
    #[must_use]
    pub fn new(entry: &'a ErrorEntry) -> Self {
        let fixed = fixed(entry);
        EntryJson {
            code: entry.code.as_deref(),
            variant: &entry.variant,
            status: entry.status,
            kind: fixed.kind,
            retryable: fixed.retryable,
            recovery: fixed.recovery.map(Recovery::as_str),
            description: entry.description.as_deref(),
            template: entry
                .template
                .as_ref()
                .map(|template| template.text.as_str()),
            cause: entry.cause.as_deref(),
            solution: entry.solution.as_deref(),
            docs: entry.docs.as_deref(),
            batch: entry.batch,
        }
    }
}

impl EntryJson<'_> {
    /// `taken (Taken), 400, bad_request`: the entry on one line.
    #[must_use]
    pub fn summary(&self) -> String {
        format!(
            "{} ({}), {}, {}",
            self.code.map_or("-".into(), one_line),
            self.variant,
            self.status.map_or("-".into(), |status| status.to_string()),
            self.kind.map_or(BY_STATUS, Kind::as_str)
        )
    }
}

impl<'a> ListJson<'a> {
    /// The JSON of every entry of `target`.
    #[must_use]
    pub fn new(target: &'a Target) -> Self {
        ListJson {
            api: &target.spec.name,
            title: target.spec.title.as_deref(),
            file: &target.file_name,
            errors: target.spec.errors.iter().map(EntryJson::new).collect(),
        }
    }
}

/// The outcome of `errspec explain`.
pub enum Explained {
    /// The documentation of the matching entries.
    Found(String),
    /// No entry matches; a one-line message saying where to look.
    NotFound(String),
}

/// The entries of `target` whose wire code or variant is `wanted`: an exact code first, else
/// codes and variants equal to it but for case.
#[must_use]
pub fn matching<'a>(target: &'a Target, wanted: &str) -> Vec<&'a ErrorEntry> {
    let spec = &target.spec;
    let exact: Vec<&ErrorEntry> = spec
        .errors
        .iter()
        .filter(|entry| entry.code.as_deref() == Some(wanted))
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    spec.errors
        .iter()
        .filter(|entry| {
            entry.variant.eq_ignore_ascii_case(wanted)
                || entry
                    .code
                    .as_deref()
                    .is_some_and(|code| code.to_lowercase() == wanted.to_lowercase())
        })
        .collect()
}

/// The documentation of the entries of `target` whose wire code or variant is `wanted`
/// (case aside).
#[must_use]
pub fn explain(target: &Target, wanted: &str) -> Explained {
    let entries = matching(target, wanted);
    if entries.is_empty() {
        return Explained::NotFound(not_found(target, wanted));
    }
    let mut out = String::new();
    if entries.len() > 1 {
        let _ = writeln!(
            out,
            "{} entries share the code `{wanted}`: decoding takes the first whose template matches the message, else the one without a template.\n",
            entries.len()
        );
    }
    for (index, entry) in entries.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        entry_block(&mut out, &target.spec, entry);
    }
    Explained::Found(out)
}

fn entry_block(out: &mut String, spec: &Spec, entry: &ErrorEntry) {
    let text = |value: Option<&String>| value.map_or("-".into(), |value| one_line(value));
    let mut rows = vec![
        ("description", text(entry.description.as_ref())),
        ("code", text(entry.code.as_ref())),
        ("variant", entry.variant.clone()),
        (
            "status",
            entry.status.map_or("-".into(), |status| status.to_string()),
        ),
        ("kind", kind_text(entry)),
        (
            "retryable",
            fixed(entry).retryable.map_or(BY_STATUS, yes_no).into(),
        ),
        (
            "recovery",
            fixed(entry)
                .recovery
                .map_or(BY_STATUS, Recovery::as_str)
                .into(),
        ),
        (
            "template",
            text(entry.template.as_ref().map(|template| &template.text)),
        ),
        ("cause", text(entry.cause.as_ref())),
        ("solution", text(entry.solution.as_ref())),
        ("docs", text(entry.docs.as_ref())),
    ];
    let chosen = chosen_by(spec, entry);
    if !chosen.is_empty() {
        rows.push(("chosen for", chosen.join("; ")));
    }
    if entry.batch {
        rows.push(("batch", "carries per-item results".into()));
    }
    for (label, value) in rows {
        let value = if label == "variant" {
            paint(style::VARIANT, &value)
        } else {
            value
        };
        let _ = writeln!(
            out,
            "{}{} {value}",
            paint(style::LABEL, label),
            " ".repeat(12 - label.len())
        );
    }
}

fn kind_text(entry: &ErrorEntry) -> String {
    match (fixed(entry).kind, entry.kind, entry.status) {
        (Some(kind), None, Some(status)) => format!("{kind} (from status {status})"),
        (Some(kind), ..) => kind.to_string(),
        (None, ..) => format!("{BY_STATUS}: the kind of the status the error arrives with"),
    }
}

/// The fallbacks that choose `entry`, as text.
fn chosen_by(spec: &Spec, entry: &ErrorEntry) -> Vec<String> {
    let Some(index) = spec.errors.iter().position(|other| other == entry) else {
        return Vec::new();
    };
    let statuses = |fallbacks: &[(FallbackKey, usize)]| -> Vec<String> {
        fallbacks
            .iter()
            .filter(|(_, chosen)| *chosen == index)
            .map(|(key, _)| match key {
                FallbackKey::Default => "any other".to_owned(),
                key => key.to_string(),
            })
            .collect()
    };
    let mut chosen = Vec::new();
    let missing = statuses(&spec.fallback_missing);
    if !missing.is_empty() {
        chosen.push(format!(
            "status {} when the body has no readable code",
            missing.join(", ")
        ));
    }
    let unknown = statuses(&spec.fallback_unknown);
    if !unknown.is_empty() {
        chosen.push(format!(
            "status {} when the body's code is undocumented",
            unknown.join(", ")
        ));
    }
    chosen
}

/// No entry is `wanted`: the closest name of the same sort (a wire code for what looks like
/// one, a variant name for a `CamelCase` word), and where to see them all.
fn not_found(target: &Target, wanted: &str) -> String {
    let looks_like_variant = wanted.starts_with(|c: char| c.is_ascii_uppercase())
        && wanted.chars().all(char::is_alphanumeric)
        && wanted.chars().any(|c| c.is_ascii_lowercase());
    let names = target.spec.errors.iter().filter_map(|entry| {
        if looks_like_variant {
            Some(entry.variant.as_str())
        } else {
            entry.code.as_deref()
        }
    });
    let closest = names
        .map(|name| {
            let similarity = strsim::jaro_winkler(&wanted.to_lowercase(), &name.to_lowercase());
            (similarity, name)
        })
        .filter(|(similarity, _)| *similarity >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let hint = closest.map_or(String::new(), |(_, name)| {
        format!("did you mean `{name}`? ")
    });
    format!(
        "{} documents no code or variant `{}`; {hint}`errspec list {}` shows them all",
        target.label,
        one_line(wanted),
        target.label
    )
}
