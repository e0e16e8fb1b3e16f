//! `errspec explain`: one documented error of a spec, found by its wire code or variant name
//! (case aside), with everything the spec says about it and the fallbacks that choose it.

use std::fmt::Write as _;

use errspec::Recovery;
use errspec_codegen::model::ErrorEntry;
use errspec_codegen::Spec;
use errspec_vocab::FallbackKey;

use crate::interpret::fixed;
use crate::style::{self, paint};
use crate::target::Target;
use crate::text::{one_line, yes_no};

use super::BY_STATUS;

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
            "{} entries share the code `{wanted}`: decoding takes, among those whose `when` the error's fields hold and then those without one, the first whose template matches the message, else the one without a template.\n",
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
    if !entry.when.is_empty() {
        rows.insert(3, ("when", when_text(spec, entry)));
    }
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

/// The field values `when` keys the entry's code by (`domain = youtube.quota`).
pub(crate) fn when_text(spec: &Spec, entry: &ErrorEntry) -> String {
    let keyed: Vec<String> = entry
        .when
        .iter()
        .filter_map(|(field, value)| {
            let name = &spec.envelope.fields.get(*field)?.name;
            Some(format!("{name} = {}", one_line(value)))
        })
        .collect();
    keyed.join(", ")
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
