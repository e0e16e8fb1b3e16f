//! The perfect hash of a spec's wire codes: the code generator (and the interpreter) builds the
//! table once per spec, the runtime looks codes up in it. Both sides take the hash from here,
//! so a table cannot be read with another hash than the one that built it.
//!
//! The layout is hash-and-displace (CHD, as the `phf` crates build it): each code falls in a
//! bucket, and each bucket has a pair of displacements that sends all its codes to free slots.
//! The hash itself is a multiply-and-fold over 8-byte words, a few instructions for the short
//! codes vendors send, where SipHash-1-3 takes about a hundred; a table is built from a seed
//! that gives no two codes the same slot, so the weaker mixing costs nothing in correctness
//! (the code found in the slot is still compared with the one looked up).

/// The odd constants the hash multiplies by (the fractional parts of the golden ratio and of
/// pi, as 64-bit integers).
const WORD: u64 = 0x9E37_79B9_7F4A_7C15;
const FINAL: u64 = 0x243F_6A88_85A3_08D3;

/// How many codes a bucket holds on average: fewer means more displacements to store, more
/// means a longer search for each bucket's pair.
const CODES_PER_BUCKET: usize = 5;

/// The low and high halves of the 128-bit product of `a` and `b`, folded into one.
#[inline(always)]
fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    // Truncation intended: the two halves of the product.
    #[allow(clippy::cast_possible_truncation)]
    let (low, high) = (product as u64, (product >> 64) as u64);
    low ^ high
}

/// The three values a code's place in a table is computed from: its bucket, and the two
/// factors its bucket's displacements combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hashes {
    /// Chooses the bucket.
    pub bucket: u32,
    /// Multiplied by the bucket's first displacement.
    pub f1: u32,
    /// Added to it.
    pub f2: u32,
}

/// The hashes of `code` under `seed`. Every byte is read, each word once (the last word of
/// a code longer than 8 bytes overlaps the one before it, and a short code is read as two
/// overlapping halves), with no copy of the code's bytes.
#[must_use]
#[inline]
pub fn hash(code: &[u8], seed: u64) -> Hashes {
    let length = u64::try_from(code.len()).unwrap_or(u64::MAX);
    let mut state = seed ^ length.wrapping_mul(WORD);
    let mut rest = code;
    while let Some((word, after)) = rest.split_first_chunk::<8>() {
        state = fold(state ^ u64::from_le_bytes(*word), WORD);
        rest = after;
    }
    if !rest.is_empty() {
        let last = if let Some((_, word)) = code.split_last_chunk::<8>() {
            u64::from_le_bytes(*word)
        } else if let (Some((head, _)), Some((_, tail))) =
            (code.split_first_chunk::<4>(), code.split_last_chunk::<4>())
        {
            u64::from(u32::from_le_bytes(*head)) << 32 | u64::from(u32::from_le_bytes(*tail))
        } else {
            // One to three bytes: the first, the middle and the last cover them all.
            u64::from(code[0]) << 16
                | u64::from(code[code.len() / 2]) << 8
                | u64::from(code[code.len() - 1])
        };
        state = fold(state ^ last, WORD);
    }
    let first = fold(state, FINAL);
    let second = fold(first ^ seed, WORD);
    // Truncation intended: each value is 32 bits of the mixed state.
    #[allow(clippy::cast_possible_truncation)]
    Hashes {
        bucket: (first >> 32) as u32,
        f1: first as u32,
        f2: second as u32,
    }
}

/// The slot of a code of `hashes` in a table of `slots` slots with `displacements` (one pair
/// per bucket; neither empty).
#[must_use]
#[inline]
pub fn slot(hashes: Hashes, displacements: &[(u32, u32)], slots: usize) -> usize {
    let bucket = hashes.bucket as usize % displacements.len();
    place(hashes.f1, hashes.f2, displacements[bucket], slots)
}

/// Where a code of factors `f1` and `f2` lands with its bucket's displacements.
#[inline(always)]
fn place(f1: u32, f2: u32, (d1, d2): (u32, u32), slots: usize) -> usize {
    d2.wrapping_add(f1.wrapping_mul(d1)).wrapping_add(f2) as usize % slots
}

/// A built table: its seed, each bucket's displacements, and which code sits in each slot
/// (the codes' indices in the list it was built from).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The seed of [`hash`].
    pub seed: u64,
    /// Each bucket's displacements.
    pub displacements: Vec<(u32, u32)>,
    /// The index of the code in each slot.
    pub order: Vec<usize>,
}

/// A table of `codes` (distinct): the first seed of a fixed sequence for which every bucket
/// finds displacements, so that the same codes always give the same table.
///
/// # Panics
///
/// Never for distinct codes: a seed under which two codes share all their hashes is passed
/// over, and each bucket is tried with every pair of displacements below the table's size.
#[must_use]
pub fn build(codes: &[&[u8]]) -> Table {
    let mut seeds = Seeds(0x853C_49E6_748F_EA9B);
    loop {
        let seed = seeds.next();
        if let Some(table) = try_seed(codes, seed) {
            return table;
        }
    }
}

/// A splitmix64 sequence: the seeds tried in turn.
struct Seeds(u64);

impl Seeds {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(WORD);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The table of `codes` under `seed`, if every bucket finds displacements.
fn try_seed(codes: &[&[u8]], seed: u64) -> Option<Table> {
    if codes.is_empty() {
        return Some(Table {
            seed,
            displacements: Vec::new(),
            order: Vec::new(),
        });
    }
    let slots = codes.len();
    let buckets_len = slots.div_ceil(CODES_PER_BUCKET);
    let hashes: Vec<Hashes> = codes.iter().map(|code| hash(code, seed)).collect();
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); buckets_len];
    for (index, hashes) in hashes.iter().enumerate() {
        buckets[hashes.bucket as usize % buckets_len].push(index);
    }
    // The fullest buckets first, while most slots are free.
    let mut by_size: Vec<usize> = (0..buckets_len).collect();
    by_size.sort_by_key(|&bucket| std::cmp::Reverse(buckets[bucket].len()));

    let mut displacements = vec![(0, 0); buckets_len];
    let mut order: Vec<Option<usize>> = vec![None; slots];
    // The slots a trial took, marked with the trial's number, so that no trial clears them.
    let mut taken_in = vec![0u64; slots];
    let mut trial = 0u64;
    let mut places = Vec::new();
    let size = u32::try_from(slots).ok()?;
    let mut factors = Vec::new();
    for &bucket in &by_size {
        let members = &buckets[bucket];
        if members.is_empty() {
            continue;
        }
        factors.clear();
        factors.extend(
            members
                .iter()
                .map(|&member| (hashes[member].f1, hashes[member].f2)),
        );
        let mut found = None;
        'pairs: for d1 in 0..size {
            for d2 in 0..size {
                trial += 1;
                places.clear();
                for &(f1, f2) in &factors {
                    let at = place(f1, f2, (d1, d2), slots);
                    if order[at].is_some() || taken_in[at] == trial {
                        break;
                    }
                    taken_in[at] = trial;
                    places.push(at);
                }
                if places.len() == factors.len() {
                    found = Some((d1, d2));
                    break 'pairs;
                }
            }
        }
        displacements[bucket] = found?;
        for (&member, &place) in members.iter().zip(&places) {
            order[place] = Some(member);
        }
    }
    Some(Table {
        seed,
        displacements,
        order: order.into_iter().collect::<Option<Vec<_>>>()?,
    })
}

#[cfg(test)]
mod tests {
    use super::{build, hash, slot};

    fn codes(count: usize) -> Vec<String> {
        (0..count).map(|n| format!("ERROR_CODE_{n}")).collect()
    }

    /// Every code of a table is found in its own slot, at every size a spec has.
    #[test]
    fn every_code_lands_in_its_own_slot() {
        for count in [1, 2, 5, 50, 500, 5_000, 20_000] {
            let owned = codes(count);
            let codes: Vec<&[u8]> = owned.iter().map(|code| code.as_bytes()).collect();
            let table = build(&codes);
            assert_eq!(table.order.len(), count);
            for (index, code) in codes.iter().enumerate() {
                let place = slot(hash(code, table.seed), &table.displacements, count);
                assert_eq!(
                    table.order[place], index,
                    "{count} codes: {:?}",
                    owned[index]
                );
            }
        }
    }

    /// The same codes give the same table, so an expansion is reproducible.
    #[test]
    fn the_same_codes_give_the_same_table() {
        let owned = codes(300);
        let codes: Vec<&[u8]> = owned.iter().map(|code| code.as_bytes()).collect();
        assert_eq!(build(&codes), build(&codes));
    }

    /// Codes that differ only past their first word, or only in length (a trailing NUL),
    /// hash apart.
    #[test]
    fn codes_differing_late_or_in_length_hash_apart() {
        let seed = 7;
        assert_ne!(hash(b"ABCDEFGH_1", seed), hash(b"ABCDEFGH_2", seed));
        assert_ne!(hash(b"A", seed), hash(b"A\0", seed));
        assert_ne!(hash(b"", seed), hash(b"\0", seed));
        for (one, other) in [
            ("ab", "ba"),
            ("abc", "acb"),
            ("abcde", "abdce"),
            ("abcdefghi", "abcdefgih"),
        ] {
            assert_ne!(hash(one.as_bytes(), seed), hash(other.as_bytes(), seed));
        }
    }
}
