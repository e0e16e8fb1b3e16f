//! The spec as the runtime's tables hold it, computed once from the model: the code macro
//! turns it into `&'static` tokens (`expand`), the `errspec` command's interpreter into
//! tables built at run time. Neither adds a rule of its own.

use errspec_vocab::pointer::pointer_tokens;
use errspec_vocab::{FallbackKey, Role};

use crate::model::Spec;

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
    /// What to read inside each error: pointer tokens, what they hold, and their rank among
    /// the alternatives of their role.
    pub parts: Vec<(Vec<String>, Role, u8)>,
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
            parts: parts(spec),
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
/// among their role's alternatives.
fn parts(spec: &Spec) -> Vec<(Vec<String>, Role, u8)> {
    let envelope = &spec.envelope;
    let mut parts = Vec::new();
    let mut push = |pointers: &[String], role: Role| {
        for (rank, pointer) in pointers.iter().enumerate() {
            // The checker allows at most 255 alternatives.
            let rank = u8::try_from(rank).unwrap_or(u8::MAX - 1);
            parts.push((pointer_tokens(pointer), role, rank));
        }
    };
    if let Some(code) = &envelope.code {
        push(code, Role::Code);
    }
    if let Some(message) = &envelope.message {
        push(message, Role::Message);
    }
    if let Some(status) = &envelope.status {
        push(status, Role::Status);
    }
    for (index, field) in envelope.fields.iter().enumerate() {
        push(&field.pointers, Role::Field(index));
    }
    if let Some(batch) = &envelope.batch {
        push(std::slice::from_ref(&batch.at), Role::Items);
    }
    if let Some(multiple) = &envelope.multiple {
        push(std::slice::from_ref(&multiple.inner), Role::Inner);
    }
    parts
}
