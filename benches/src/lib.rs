//! What the benchmarks share: the bundled vendors' specs and realistic bodies, the
//! baselines people write by hand, and synthetic specs of growing size.
#![forbid(unsafe_code)]

pub mod baseline;
pub mod bodies;
pub mod report;

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

/// Synthetic specs with 5, 50, 500 and 5,000 codes (`scale_5::Scale5Error`, ...).
pub mod scale {
    include!(concat!(env!("OUT_DIR"), "/scale.rs"));
}

/// The text of the synthetic spec with `size` codes (5, 50, 500 or 5,000).
#[must_use]
pub fn scale_spec(size: usize) -> Option<&'static str> {
    match size {
        5 => Some(include_str!(concat!(env!("OUT_DIR"), "/scale-5.toml"))),
        50 => Some(include_str!(concat!(env!("OUT_DIR"), "/scale-50.toml"))),
        500 => Some(include_str!(concat!(env!("OUT_DIR"), "/scale-500.toml"))),
        5000 => Some(include_str!(concat!(env!("OUT_DIR"), "/scale-5000.toml"))),
        _ => None,
    }
}
