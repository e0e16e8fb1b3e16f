//! The decode engine, written once for every spec: generated code and the `errspec` command's
//! interpreter hand it a spec's tables ([`spec`]) and get typed errors back.
//!
//! A body goes through [`decode`]: [`read`] walks it once (one file per wire format) for the
//! parts the [`envelope`] names, [`headers`] adds what the response's headers say, [`select`]
//! chooses each error's entry (codes through [`lookup`], templates, fallbacks by status),
//! [`resolve`] says what the entry means (kind, retry advice, recovery), and generated code
//! builds the variant. [`encode`] is the way back: errors written in the vendor's wire format.

pub(crate) mod decode;
pub(crate) mod default_message;
pub(crate) mod delay;
pub(crate) mod encode;
pub(crate) mod envelope;
pub(crate) mod headers;
pub(crate) mod lookup;
pub(crate) mod read;
pub(crate) mod resolve;
pub(crate) mod select;
pub(crate) mod spec;
