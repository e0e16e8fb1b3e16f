//! The spec as the runtime's tables hold it, computed once from the model: the code macro
//! turns it into `&'static` tokens (`expand`), the `errspec` command's interpreter into
//! tables built at run time. Neither adds a rule of its own.

use errspec_vocab::pointer::pointer_tokens;
use errspec_vocab::{FallbackKey, Role};

use crate::model::{Envelope, Spec};

/// A spec's tables.
#[derive(Debug, Clone)]
pub struct Tables {
    /// For each entry, in file order, the next entry that shares its wire code.
    pub next: Vec<Option<u16>>,
    /// The perfect hash table of the distinct wire codes, each to its first entry.
    pub codes: CodeTable,
    /// For a body without a readable code: fallback key to entry.
    pub missing: Vec<(FallbackKey, u16)>,
    /// For an undocumented code: fallback key to entry.
    pub unknown: Vec<(FallbackKey, u16)>,
    /// The entries without a code but with a template, in file order.
    pub by_message: Vec<u16>,
    /// Where the error (or the array of errors) sits, as pointer tokens.
    pub at: Vec<String>,
    /// What to read inside each error and inside the errors nested in it.
    pub parts: Vec<TablePart>,
}

/// One location to read, as `errspec::__private::Part` holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TablePart {
    /// The pointer's tokens, relative to the error.
    pub path: Vec<String>,
    /// What it holds.
    pub role: Role,
    /// Its rank among the alternatives of its role.
    pub rank: u8,
    /// 0 for the error itself, `n` for the errors of the `n`th `[[envelope.inner]]`.
    pub group: u8,
}

/// A perfect hash table of wire codes, as `errspec::__private::CodeTable` holds it.
#[derive(Debug, Clone)]
pub struct CodeTable {
    /// The hash key.
    pub key: u64,
    /// The displacements.
    pub disps: Vec<(u32, u32)>,
    /// Each code with its first entry, in hash order.
    pub slots: Vec<(String, u16)>,
}

/// An entry index as the tables hold it. The checker keeps specs within `u16` indexes.
fn index_u16(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

impl Tables {
    /// The tables of `spec`.
    #[must_use]
    pub fn new(spec: &Spec) -> Self {
        let groups = spec.code_groups();
        let mut next = vec![None; spec.errors.len()];
        for (_, members) in &groups {
            for pair in members.windows(2) {
                next[pair[0]] = Some(index_u16(pair[1]));
            }
        }
        let by_status = |fallbacks: &[(FallbackKey, usize)]| {
            fallbacks
                .iter()
                .map(|(key, index)| (*key, index_u16(*index)))
                .collect()
        };
        Tables {
            next,
            codes: code_table(&groups),
            missing: by_status(&spec.fallback_missing),
            unknown: by_status(&spec.fallback_unknown),
            by_message: spec
                .errors
                .iter()
                .enumerate()
                .filter(|(_, entry)| entry.code.is_none() && entry.template.is_some())
                .map(|(index, _)| index_u16(index))
                .collect(),
            at: pointer_tokens(&spec.envelope.at),
            parts: parts(&spec.envelope),
        }
    }
}

fn code_table(groups: &[(&str, Vec<usize>)]) -> CodeTable {
    if groups.is_empty() {
        return CodeTable {
            key: 0,
            disps: Vec::new(),
            slots: Vec::new(),
        };
    }
    let codes: Vec<&str> = groups.iter().map(|(code, _)| *code).collect();
    let state = phf_generator::generate_hash(&codes);
    CodeTable {
        key: state.key,
        disps: state.disps,
        slots: state
            .map
            .iter()
            .map(|&group| (groups[group].0.to_owned(), index_u16(groups[group].1[0])))
            .collect(),
    }
}

/// The locations the reader visits in each error, in the envelope's order, with their rank
/// among their role's alternatives, then those of each group of nested errors.
pub(crate) fn parts(envelope: &Envelope) -> Vec<TablePart> {
    let mut parts = Vec::new();
    let mut push = |pointers: &[String], role: Role, group: u8| {
        for (rank, pointer) in pointers.iter().enumerate() {
            // The checker allows at most 255 alternatives.
            let rank = u8::try_from(rank).unwrap_or(u8::MAX - 1);
            parts.push(TablePart {
                path: pointer_tokens(pointer),
                role,
                rank,
                group,
            });
        }
    };
    let one = std::slice::from_ref;
    if let Some(code) = &envelope.code {
        push(code, Role::Code, 0);
    }
    if let Some(message) = &envelope.message {
        push(message, Role::Message, 0);
    }
    if let Some(status) = &envelope.status {
        push(status, Role::Status, 0);
    }
    for (index, field) in envelope.fields.iter().enumerate() {
        push(&field.pointers, Role::Field(index), 0);
    }
    if let Some(batch) = &envelope.batch {
        push(one(&batch.at), Role::Items, 0);
    }
    if let Some(multiple) = &envelope.multiple {
        push(one(&multiple.inner), Role::Inner, 0);
    }
    for (index, inner) in envelope.inner.iter().enumerate() {
        // The checker allows fewer groups than parts, so fewer than 255.
        let group = u8::try_from(index + 1).unwrap_or(u8::MAX);
        push(one(&inner.at), Role::Nested(group), 0);
        if let Some(code) = &inner.code {
            push(code, Role::Code, group);
        }
        if let Some(message) = &inner.message {
            push(message, Role::Message, group);
        }
        if let Some(status) = &inner.status {
            push(status, Role::Status, group);
        }
        for (field, pointers) in &inner.fields {
            push(pointers, Role::Field(*field), group);
        }
        if let Some(key) = inner.key {
            push(&[String::new()], Role::Key(key), group);
        }
    }
    parts
}
