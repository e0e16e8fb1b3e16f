//! `errspec list` and `errspec explain`: a vendor's documented errors, read from its checked
//! spec, so every vendor goes through the same code.

use std::fmt::Write as _;

use errspec::{Kind, Recovery};
use errspec_codegen::model::ErrorEntry;
use errspec_codegen::Spec;
use errspec_vocab::FallbackKey;

use crate::interpret::fixed;
use crate::text::{count, one_line, yes_no};
use crate::vendors::Vendor;

/// Shown where a spec leaves a value to the status the error arrives with.
const BY_STATUS: &str = "by status";

/// Every documented error of `vendor`, one line each, under a header.
///
/// # Errors
/// One line when the vendor's bundled spec cannot be read.
pub fn list(vendor: &Vendor) -> Result<String, String> {
    let (file, spec) = vendor.spec()?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}): {} documented",
        spec.title.as_deref().unwrap_or(&spec.name),
        file.file_name,
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
    let mut widths = header.clone().map(|cell| cell.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let mut text = String::new();
        for (cell, width) in row.iter().zip(widths).take(row.len() - 1) {
            let _ = write!(text, "{cell:<width$}  ");
        }
        text.push_str(&row[row.len() - 1]);
        let _ = writeln!(out, "{}", text.trim_end());
    }
    Ok(out)
}

/// The outcome of `errspec explain`.
pub enum Explained {
    /// The documentation of the matching entries.
    Found(String),
    /// No entry matches; a one-line message saying where to look.
    NotFound(String),
}

/// The documentation of the entries of `vendor` whose wire code or variant is `wanted`.
///
/// # Errors
/// One line when the vendor's bundled spec cannot be read.
pub fn explain(vendor: &Vendor, wanted: &str) -> Result<Explained, String> {
    let (_, spec) = vendor.spec()?;
    let by_code: Vec<&ErrorEntry> = spec.entries_with_code(wanted).collect();
    let entries = if by_code.is_empty() {
        spec.errors
            .iter()
            .filter(|entry| entry.variant == wanted)
            .collect()
    } else {
        by_code
    };
    if entries.is_empty() {
        return Ok(Explained::NotFound(not_found(vendor, &spec, wanted)));
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
        entry_block(&mut out, &spec, entry);
    }
    Ok(Explained::Found(out))
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
        let _ = writeln!(out, "{label:<12} {value}");
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

fn not_found(vendor: &Vendor, spec: &Spec, wanted: &str) -> String {
    let names = spec.errors.iter().flat_map(|entry| {
        entry
            .code
            .as_deref()
            .into_iter()
            .chain([entry.variant.as_str()])
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
        vendor.name,
        one_line(wanted),
        vendor.name
    )
}
