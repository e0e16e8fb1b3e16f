//! Constant-time lookup of a wire code, through a perfect hash table computed when the
//! spec is expanded (`errspec_vocab::code_hash`): the cost is the same for a spec of 50 codes
//! and one of 5,000. A table of a few codes is searched in order, which is quicker still.

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
    /// Up to how many codes a table is searched in order rather than hashed.
    const SCANNED: usize = 8;

    /// The index of `code`, if it is in the table.
    #[must_use]
    pub fn index(&self, code: &str) -> Option<u16> {
        if self.codes.len() <= Self::SCANNED {
            // A few codes are compared quicker than one is hashed (22 instructions a lookup
            // in a `match` of 5 codes, against about 90 for the hash; benches/README.md).
            return self
                .codes
                .iter()
                .find(|(wire, _)| *wire == code)
                .map(|(_, index)| *index);
        }
        if self.disps.is_empty() {
            return None;
        }
        let hashes = code_hash::hash(code.as_bytes(), self.key);
        let slot = code_hash::slot(hashes, self.disps, self.codes.len());
        let (wire, index) = self.codes.get(slot)?;
        (*wire == code).then_some(*index)
    }
}

#[cfg(test)]
mod tests {
    use super::CodeTable;
    use errspec_vocab::code_hash;

    /// Every code is found, and no other, whether the table is scanned or hashed.
    #[test]
    fn finds_every_code_scanned_or_hashed() {
        for count in [1, 3, CodeTable::SCANNED, CodeTable::SCANNED + 1, 50] {
            let codes: Vec<String> = (0..count).map(|n| format!("CODE_{n}")).collect();
            let bytes: Vec<&[u8]> = codes.iter().map(|code| code.as_bytes()).collect();
            let built = code_hash::build(&bytes);
            let slots: Vec<(&str, u16)> = built
                .order
                .iter()
                .map(|&index| (codes[index].as_str(), u16::try_from(index).unwrap()))
                .collect();
            let table = CodeTable {
                key: built.seed,
                disps: &built.displacements,
                codes: &slots,
            };
            for (index, code) in codes.iter().enumerate() {
                assert_eq!(
                    table.index(code),
                    u16::try_from(index).ok(),
                    "{count}: {code}"
                );
            }
            assert_eq!(table.index("CODE_"), None);
            assert_eq!(table.index(""), None);
        }
    }
}
