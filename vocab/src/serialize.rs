//! `Serialize` for the words structured logs carry (feature `serde`): a kind as its spec name,
//! a recovery as its spec name with the wait.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::{Kind, Recovery};

/// `"not_found"`: the name spec files use ([`Kind::as_str`]).
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// `{"action": "retry", "after_ms": 30000}` (`after_ms` null when the wait is not known),
/// `{"action": "fix_request"}`: the action is the name spec files use
/// ([`Recovery::as_str`]), the wait in whole milliseconds, rounded up.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Recovery {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let after = match self {
            Recovery::Retry { after } => Some(after.map(|after| {
                let millis = after.as_millis() + u128::from(after.subsec_nanos() % 1_000_000 > 0);
                u64::try_from(millis).unwrap_or(u64::MAX)
            })),
            _ => None,
        };
        let mut recovery =
            serializer.serialize_struct("Recovery", 1 + usize::from(after.is_some()))?;
        recovery.serialize_field("action", self.as_str())?;
        if let Some(after_ms) = after {
            recovery.serialize_field("after_ms", &after_ms)?;
        }
        recovery.end()
    }
}
