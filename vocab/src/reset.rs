//! How a rate-limit header other than `Retry-After` says when to retry.

/// How a header a spec names under `[envelope.headers.retry_after]` is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResetFormat {
    /// Seconds to wait (`RateLimit-Reset: 30`, IETF draft `RateLimit` fields).
    Seconds,
    /// Milliseconds to wait (`retry-after-ms: 1500`), a decimal fraction allowed.
    Milliseconds,
    /// The Unix time, in seconds, when the limit resets (GitHub's `x-ratelimit-reset`).
    EpochSeconds,
    /// A duration with units to wait (OpenAI's `x-ratelimit-reset-requests: 6m0s`, `120ms`).
    Duration,
}

impl ResetFormat {
    /// Every format, in declaration order.
    pub const ALL: &'static [ResetFormat] = &[
        ResetFormat::Seconds,
        ResetFormat::Milliseconds,
        ResetFormat::EpochSeconds,
        ResetFormat::Duration,
    ];

    /// The name used in spec files.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ResetFormat::Seconds => "seconds",
            ResetFormat::Milliseconds => "milliseconds",
            ResetFormat::EpochSeconds => "epoch_seconds",
            ResetFormat::Duration => "duration",
        }
    }

    /// The variant's name, as Rust code spells it.
    #[must_use]
    pub const fn rust_name(self) -> &'static str {
        match self {
            ResetFormat::Seconds => "Seconds",
            ResetFormat::Milliseconds => "Milliseconds",
            ResetFormat::EpochSeconds => "EpochSeconds",
            ResetFormat::Duration => "Duration",
        }
    }

    /// The format a spec file names.
    #[must_use]
    pub fn from_name(name: &str) -> Option<ResetFormat> {
        ResetFormat::ALL
            .iter()
            .copied()
            .find(|format| format.as_str() == name)
    }
}
