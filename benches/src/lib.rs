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

/// Test specs of the shapes no bundled vendor uses, as errspec expands them: Microsoft Graph
/// (two shapes, errors nested to any depth, per-item results) and Smithy RPC v2 CBOR, through
/// the links in `benches/specs/` to `tests/specs/`.
pub mod shapes {
    /// Microsoft Graph (`tests/specs/graph.toml`).
    pub mod graph {
        errspec::errors_from_spec!("specs/graph.toml");
    }
    /// Smithy RPC v2 CBOR (`tests/specs/aws/rpc-v2-cbor.toml`).
    pub mod rpc_v2_cbor {
        errspec::errors_from_spec!("specs/rpc-v2-cbor.toml");
    }
}

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
