//! `errspec list`: a vendor's documented errors, read from its checked spec, so every vendor
//! goes through the same code; and the JSON of one documented error, shared by `list`,
//! `explain`, `docs` and `diff`.

use std::fmt::Write as _;

use errspec::{Kind, Recovery};
use errspec_codegen::model::ErrorEntry;
use serde::Serialize;

use crate::interpret::fixed;
use crate::style::{self, paint};
use crate::target::Target;
use crate::text::{count, one_line, yes_no};

use super::BY_STATUS;

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
