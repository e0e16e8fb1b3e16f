/// The outcome of one item of a batch write, as the server reported it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BatchItem {
    /// The item's id: the id created on success, or the id addressed by an update or delete.
    /// `None` when the server gave none (a failed create reports `false`).
    pub id: Option<String>,
    /// Whether the item succeeded.
    pub ok: bool,
    /// The server's message for this item, empty when it gave none.
    pub message: String,
}
