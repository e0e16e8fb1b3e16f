//! Per-item results of a batch write.

use core::fmt;

/// The outcome of one item of a batch write, as the server reported it: a view into the
/// [`BatchItems`] that hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BatchItem<'a> {
    /// The item's id: the id created on success, or the id addressed by an update or delete.
    /// `None` when the server gave none (a failed create reports `false`).
    pub id: Option<&'a str>,
    /// Whether the item succeeded.
    pub ok: bool,
    /// The server's message for this item, empty when it gave none.
    pub message: &'a str,
}

/// The per-item results of a batch write, in the order the server sent them.
///
/// The items are packed in one buffer (per item a flag byte, then its id and its message,
/// each after its length), so that however many items a body holds, they never take more
/// memory than the body's text of them. Iterate them (`for item in &items`), or [`get`] one.
///
/// [`get`]: BatchItems::get
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct BatchItems {
    packed: Vec<u8>,
    len: usize,
}

/// Flag bits of an item's first byte.
const OK: u8 = 1;
const HAS_ID: u8 = 2;

impl BatchItems {
    /// No items.
    #[must_use]
    pub const fn new() -> Self {
        BatchItems {
            packed: Vec::new(),
            len: 0,
        }
    }

    /// How many items there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds an item after the others.
    pub fn push(&mut self, item: BatchItem<'_>) {
        let flags = if item.ok { OK } else { 0 } | if item.id.is_some() { HAS_ID } else { 0 };
        self.packed.push(flags);
        for text in [item.id.unwrap_or_default(), item.message] {
            write_length(&mut self.packed, text.len());
            self.packed.extend_from_slice(text.as_bytes());
        }
        self.len += 1;
    }

    /// The items, in order.
    #[must_use]
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            rest: &self.packed,
            left: self.len,
        }
    }

    /// Item `index`, if there are that many.
    #[must_use]
    pub fn get(&self, index: usize) -> Option<BatchItem<'_>> {
        self.iter().nth(index)
    }

    /// Gives back the room the buffer grew beyond what the items take.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.packed.shrink_to_fit();
    }
}

/// No items, for the errors without any.
#[doc(hidden)]
pub static NO_ITEMS: BatchItems = BatchItems::new();

impl fmt::Debug for BatchItems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &'a BatchItems {
    type Item = BatchItem<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<'a> Extend<BatchItem<'a>> for BatchItems {
    fn extend<T: IntoIterator<Item = BatchItem<'a>>>(&mut self, items: T) {
        for item in items {
            self.push(item);
        }
    }
}

impl<'a> FromIterator<BatchItem<'a>> for BatchItems {
    fn from_iter<T: IntoIterator<Item = BatchItem<'a>>>(items: T) -> Self {
        let mut all = BatchItems::new();
        all.extend(items);
        all
    }
}

/// The items of a [`BatchItems`], in order.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    rest: &'a [u8],
    left: usize,
}

impl<'a> Iter<'a> {
    /// The next text: its length, then its bytes (written from a `&str` by `push`).
    fn text(&mut self) -> Option<&'a str> {
        let length = read_length(&mut self.rest)?;
        let (text, rest) = self.rest.split_at_checked(length)?;
        self.rest = rest;
        core::str::from_utf8(text).ok()
    }
}

impl<'a> Iterator for Iter<'a> {
    type Item = BatchItem<'a>;

    fn next(&mut self) -> Option<BatchItem<'a>> {
        let (&flags, rest) = self.rest.split_first()?;
        self.rest = rest;
        let id = self.text()?;
        let message = self.text()?;
        self.left = self.left.saturating_sub(1);
        Some(BatchItem {
            id: (flags & HAS_ID != 0).then_some(id),
            ok: flags & OK != 0,
            message,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Iter<'_> {}

/// Writes `length` in seven-bit groups, lowest first, the high bit set on all but the last.
fn write_length(packed: &mut Vec<u8>, mut length: usize) {
    while length >= 0x80 {
        packed.push((length & 0x7F) as u8 | 0x80);
        length >>= 7;
    }
    packed.push(length as u8);
}

/// Reads a length [`write_length`] wrote.
fn read_length(rest: &mut &[u8]) -> Option<usize> {
    let mut length = 0usize;
    for shift in (0..usize::BITS).step_by(7) {
        let (&byte, tail) = rest.split_first()?;
        *rest = tail;
        length |= usize::from(byte & 0x7F).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some(length);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{BatchItem, BatchItems};

    #[test]
    fn items_come_back_as_pushed_in_order() {
        let long = "m".repeat(300);
        let pushed = [
            BatchItem {
                id: Some("12"),
                ok: true,
                message: "",
            },
            BatchItem {
                id: None,
                ok: false,
                message: &long,
            },
            BatchItem {
                id: Some(""),
                ok: false,
                message: "é",
            },
        ];
        let items: BatchItems = pushed.iter().copied().collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items.iter().collect::<Vec<_>>(), pushed);
        assert_eq!(items.iter().len(), 3);
        assert_eq!(items.get(1), Some(pushed[1]));
        assert_eq!(items.get(3), None);
        assert_eq!(
            format!("{:?}", BatchItems::new()),
            "[]",
            "no items debug as an empty list"
        );
    }

    #[test]
    fn an_item_takes_a_flag_byte_and_its_texts_with_their_lengths() {
        let mut items = BatchItems::new();
        items.push(BatchItem {
            id: Some("42"),
            ok: true,
            message: "",
        });
        assert_eq!(items.packed, [1 | 2, 2, b'4', b'2', 0]);
    }
}
