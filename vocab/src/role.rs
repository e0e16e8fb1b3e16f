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
    /// The extra field with this index.
    Field(usize),
    /// An array of batch item results.
    Items,
    /// The inner errors of a wrapper (an error whose code is the envelope's `multiple`).
    Inner,
}
