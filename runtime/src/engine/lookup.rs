//! Constant-time lookup of a wire code, through a perfect hash table computed when the
//! spec is expanded: the cost is the same for a spec of 5 codes and one of 5,000.

use errspec_vocab::code_hash;

/// A wire code table built by the code generator (or by the interpreter, at run time).
#[derive(Debug, Clone, Copy)]
pub struct CodeTable<'a> {
    /// The seed the generator found.
    pub key: u64,
    /// The generator's displacements.
    pub disps: &'a [(u32, u32)],
    /// Every distinct wire code with its index, in hash order.
    pub codes: &'a [(&'a str, u16)],
}

impl CodeTable<'_> {
    /// The index of `code`, if it is in the table.
    #[must_use]
    pub fn index(&self, code: &str) -> Option<u16> {
        if self.codes.is_empty() || self.disps.is_empty() {
            return None;
        }
        let hashes = code_hash::hash(code.as_bytes(), self.key);
        let slot = code_hash::slot(hashes, self.disps, self.codes.len());
        let (wire, index) = self.codes.get(slot)?;
        (*wire == code).then_some(*index)
    }
}
