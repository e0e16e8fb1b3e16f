//! What each location an envelope names holds.

/// What a part of an error, at a location the spec's envelope names, holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The wire code.
    Code,
    /// The message.
    Message,
    /// An HTTP status inside the error.
    Status,
    /// How long to wait before retrying, inside the error: seconds (`30`, `2.5`) or a
    /// duration with units (protobuf's `"30s"`).
    RetryAfter,
    /// The extra field with this index.
    Field(usize),
    /// An array of batch item results.
    Items,
    /// The inner errors of a wrapper (an error whose code is the envelope's `multiple`).
    Inner,
    /// The errors of nested group `n` (1 for the first `[[envelope.inner]]`): an array of
    /// them, an object mapping a key to each, or a single one, each read with the group's parts.
    Nested(u8),
    /// The key of a nested error sent as a member of an object (Jira's field name), kept as
    /// the extra field with this index.
    Key(usize),
    /// The position of a nested error in its group's array (0 for the first, DynamoDB's
    /// `CancellationReasons` answering the request's items in order), kept as the extra field
    /// with this index.
    Index(usize),
}

impl Role {
    /// Whether the role's value is a scalar read at its location (a code, a message, a status,
    /// a field), rather than a container of items or errors, or a key.
    #[must_use]
    pub const fn holds_scalar(self) -> bool {
        matches!(
            self,
            Role::Code | Role::Message | Role::Status | Role::RetryAfter | Role::Field(_)
        )
    }
}

/// How many parts (locations read in each error, with their alternatives, and in its nested
/// errors) an envelope may have: the reader tracks them in one `u64` bit set. The checker
/// refuses a spec past it, so that no declared part goes unread.
pub const MAX_PARTS: usize = 64;
