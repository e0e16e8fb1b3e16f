//! errspec with the crates around it, one file per cargo feature: [`http`] (always on: the
//! `http` crate's requests and responses), `reqwest` (and `reqwest-012`), `reqwest_middleware`,
//! `tower`, `axum`, `serde` and `tracing` (an empty `record` without the feature).

#[cfg(any(feature = "tower", feature = "reqwest-middleware"))]
#[macro_use]
mod plain_impls;

#[cfg(feature = "axum")]
mod axum;
mod http;
#[cfg(any(feature = "reqwest", feature = "reqwest-012"))]
pub(crate) mod reqwest;
#[cfg(feature = "reqwest-middleware")]
pub(crate) mod reqwest_middleware;
#[cfg(feature = "serde")]
pub(crate) mod serde;
#[cfg(feature = "tower")]
pub(crate) mod tower;
pub(crate) mod tracing;
