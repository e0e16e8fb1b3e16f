//! `errspec diff`: what a vendor's API update changed in its errors: codes added, removed,
//! and changed in status, kind, retry advice, recovery or variant name.

use std::collections::hash_map::{Entry, HashMap};
use std::fmt::Write as _;

use errspec::{Kind, Recovery};
use errspec_codegen::model::ErrorEntry;
use errspec_codegen::Spec;
use serde::Serialize;

use crate::interpret::fixed;
use crate::style::{self, paint};
use crate::text::{one_line, yes_no};

use super::list::EntryJson;

/// The differences between two specs of one API.
#[derive(Serialize)]
pub struct Diff<'a> {
    /// Errors only the new spec documents.
    pub added: Vec<EntryJson<'a>>,
    /// Errors only the old spec documents.
    pub removed: Vec<EntryJson<'a>>,
    /// Errors both document, differently.
    pub changed: Vec<Changed>,
}

/// One error both specs document, with what changed.
#[derive(Serialize)]
pub struct Changed {
    /// Its wire code, `None` for an entry chosen by status or template.
    pub code: Option<String>,
    /// Its variant name in the new spec.
    pub variant: String,
    /// Each change, in a fixed order.
    pub changes: Vec<Change>,
}

/// One value that changed; values are written as `list` shows them.
#[derive(Serialize)]
pub struct Change {
    /// `status`, `kind`, `retryable`, `recovery` or `variant`.
    pub field: &'static str,
    /// Before.
    pub old: String,
    /// After.
    pub new: String,
}

/// How an entry is matched across the specs: its wire code, else its variant name.
fn key(entry: &ErrorEntry) -> (&str, bool) {
    match &entry.code {
        Some(code) => (code, true),
        None => (&entry.variant, false),
    }
}

/// The first entry of each key, in file order, and each key's entry: an API documents a code
/// once, even where a spec splits it by message template. The map makes matching an entry
/// across the specs one lookup, so a diff of two 60,000-code specs is linear.
fn firsts(spec: &Spec) -> (Vec<&ErrorEntry>, HashMap<(&str, bool), &ErrorEntry>) {
    let mut by_key = HashMap::with_capacity(spec.errors.len());
    let firsts = spec
        .errors
        .iter()
        .filter(|entry| match by_key.entry(key(entry)) {
            Entry::Occupied(_) => false,
            Entry::Vacant(vacant) => {
                vacant.insert(*entry);
                true
            }
        })
        .collect();
    (firsts, by_key)
}

/// What changed from `old` to `new`.
#[must_use]
pub fn diff<'a>(old: &'a Spec, new: &'a Spec) -> Diff<'a> {
    let (old_entries, old_by_key) = firsts(old);
    let (new_entries, new_by_key) = firsts(new);
    let added = new_entries
        .iter()
        .filter(|entry| !old_by_key.contains_key(&key(entry)))
        .map(|entry| EntryJson::new(entry))
        .collect();
    let removed = old_entries
        .iter()
        .filter(|entry| !new_by_key.contains_key(&key(entry)))
        .map(|entry| EntryJson::new(entry))
        .collect();
    let changed = new_entries
        .iter()
        .filter_map(|new_entry| {
            let old_entry = old_by_key.get(&key(new_entry))?;
            let changes = changes(old_entry, new_entry);
            (!changes.is_empty()).then(|| Changed {
                code: new_entry.code.clone(),
                variant: new_entry.variant.clone(),
                changes,
            })
        })
        .collect();
    Diff {
        added,
        removed,
        changed,
    }
}

/// The fields compared, in the order changes are listed.
const FIELDS: [&str; 5] = ["status", "kind", "retryable", "recovery", "variant"];

/// One field of an entry, as `list` shows it.
fn shown(field: &str, entry: &ErrorEntry) -> String {
    let fixed = fixed(entry);
    match field {
        "status" => entry.status.map_or("-".into(), |status| status.to_string()),
        "kind" => fixed.kind.map_or("by status", Kind::as_str).to_owned(),
        "retryable" => fixed.retryable.map_or("by status", yes_no).to_owned(),
        "recovery" => fixed
            .recovery
            .map_or("by status", Recovery::as_str)
            .to_owned(),
        _ => entry.variant.clone(),
    }
}

fn changes(old: &ErrorEntry, new: &ErrorEntry) -> Vec<Change> {
    FIELDS
        .iter()
        .filter_map(|field| {
            let (old, new) = (shown(field, old), shown(field, new));
            (old != new).then_some(Change { field, old, new })
        })
        .collect()
}

impl Diff<'_> {
    /// The differences as text: a summary line, then one line per error.
    #[must_use]
    pub fn text(&self, old_label: &str, new_label: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{old_label} -> {new_label}: {} added, {} removed, {} changed",
            self.added.len(),
            self.removed.len(),
            self.changed.len()
        );
        for (sign, style, entries) in [
            ("added  ", style::GOOD, &self.added),
            ("removed", style::WARN, &self.removed),
        ] {
            for entry in entries {
                let _ = writeln!(out, "{} {}", paint(style, sign), entry.summary());
            }
        }
        for changed in &self.changed {
            let what: Vec<String> = changed
                .changes
                .iter()
                .map(|change| format!("{} {} -> {}", change.field, change.old, change.new))
                .collect();
            let _ = writeln!(
                out,
                "{} {} ({}): {}",
                paint(style::CODE, "changed"),
                changed.code.as_deref().map_or("-".into(), one_line),
                changed.variant,
                what.join("; ")
            );
        }
        out
    }
}
