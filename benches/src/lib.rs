//! What the benchmarks share: the bundled vendors' specs and realistic bodies, the
//! baselines people write by hand, and synthetic specs of growing size.
#![forbid(unsafe_code)]

pub mod baseline;
pub mod bodies;
pub mod decoders;
pub mod report;
pub mod scale_spec;

/// The bundled vendors, as errspec expands them.
pub use errspec::vendors;

/// Synthetic specs with 5, 50, 500 and 5,000 codes (`scale_5::Scale5Error`, ...), with the
/// `scale` feature.
#[cfg(feature = "scale")]
pub mod scale {
    include!(concat!(env!("OUT_DIR"), "/scale.rs"));
}

/// The `match` on each synthetic spec's codes a person writes by hand (`scale_5000(code)`), to
/// set the code table's lookup against, with the `scale` feature.
#[cfg(feature = "scale")]
pub mod scale_matches {
    include!(concat!(env!("OUT_DIR"), "/scale_matches.rs"));
}
