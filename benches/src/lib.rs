//! What the benchmarks share: the bundled vendors' specs and realistic bodies, the
//! baselines people write by hand, and synthetic specs of growing size.
#![forbid(unsafe_code)]

pub mod baseline;
pub mod bodies;
pub mod report;
pub mod scale_spec;

/// The bundled vendors, expanded.
pub mod vendors {
    /// ITSM-NG.
    pub mod itsm_ng {
        errspec::errors_from_spec!("itsm-ng.toml");
    }
    /// IGEL IMI.
    pub mod igel_imi {
        errspec::errors_from_spec!("igel-imi.toml");
    }
    /// cegedim.cloud `ITCare`.
    pub mod itcare {
        errspec::errors_from_spec!("itcare.toml");
    }
    /// Telecom X.
    pub mod telecomx {
        errspec::errors_from_spec!("telecomx.toml");
    }
    /// Netilion.
    pub mod netilion {
        errspec::errors_from_spec!("netilion.toml");
    }
}

/// Synthetic specs with 5, 50, 500 and 5,000 codes (`scale_5::Scale5Error`, ...), with the
/// `scale` feature.
#[cfg(feature = "scale")]
pub mod scale {
    include!(concat!(env!("OUT_DIR"), "/scale.rs"));
}
