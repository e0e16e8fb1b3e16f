//! Each bundled vendor's realistic bodies with the decoders compared on them: errspec's and
//! the hand-written baselines (`derive`, `value`).

use crate::baseline::{derive, ignore, ignore_cbor, value, Hand};
use crate::bodies::{self, Sample};
use crate::shapes::{graph, rpc_v2_cbor};
use crate::vendors::{github, igel_imi, itcare, itsm_ng, jira, netilion, problem, telecomx};

/// One vendor's bodies and every decoder the benchmarks compare on them.
pub struct Vendor {
    /// The bundled spec's name.
    pub name: &'static str,
    /// Realistic bodies with their statuses.
    pub samples: &'static [Sample],
    /// errspec's generated decoder: the number of errors decoded.
    pub errspec: fn(u16, &[u8]) -> usize,
    /// The same, counting only the errors that came with a code (for the tests).
    pub coded: fn(u16, &[u8]) -> usize,
    /// `#[derive(Deserialize)]` and a `match` on the code.
    pub derive: fn(&[u8]) -> Vec<Hand>,
    /// `serde_json::Value` and the same `match`.
    pub value: fn(&[u8]) -> Vec<Hand>,
    /// The floor: the body read and thrown away.
    pub ignore: fn(&[u8]) -> bool,
}

/// A decoder of a generated error type, counting the errors decoded.
macro_rules! errspec_decoder {
    ($error:ty) => {
        |status, body| <$error>::decode(status, body).errors().len()
    };
}

/// A decoder of a generated error type, counting the errors that came with a code.
macro_rules! coded_decoder {
    ($error:ty) => {
        |status, body| {
            <$error>::decode(status, body)
                .errors()
                .iter()
                .filter(|error| error.code().is_some())
                .count()
        }
    };
}

/// Every bundled vendor, in the order of `errspec_codegen::bundled::BUNDLED` (a test holds
/// them equal).
pub const VENDORS: &[Vendor] = &[
    Vendor {
        name: "itsm-ng",
        samples: bodies::ITSM_NG,
        errspec: errspec_decoder!(itsm_ng::ItsmNgError),
        coded: coded_decoder!(itsm_ng::ItsmNgError),
        derive: derive::itsm_ng,
        value: value::itsm_ng,
        ignore,
    },
    Vendor {
        name: "igel-imi",
        samples: bodies::IGEL_IMI,
        errspec: errspec_decoder!(igel_imi::IgelImiError),
        coded: coded_decoder!(igel_imi::IgelImiError),
        derive: derive::igel_imi,
        value: value::igel_imi,
        ignore,
    },
    Vendor {
        name: "itcare",
        samples: bodies::ITCARE,
        errspec: errspec_decoder!(itcare::ItcareError),
        coded: coded_decoder!(itcare::ItcareError),
        derive: derive::itcare,
        value: value::itcare,
        ignore,
    },
    Vendor {
        name: "telecomx",
        samples: bodies::TELECOMX,
        errspec: errspec_decoder!(telecomx::TelecomXError),
        coded: coded_decoder!(telecomx::TelecomXError),
        derive: derive::telecomx,
        value: value::telecomx,
        ignore,
    },
    Vendor {
        name: "netilion",
        samples: bodies::NETILION,
        errspec: errspec_decoder!(netilion::NetilionError),
        coded: coded_decoder!(netilion::NetilionError),
        derive: derive::netilion,
        value: value::netilion,
        ignore,
    },
    Vendor {
        name: "github",
        samples: bodies::GITHUB,
        errspec: errspec_decoder!(github::GitHubError),
        coded: coded_decoder!(github::GitHubError),
        derive: derive::github,
        value: value::github,
        ignore,
    },
    Vendor {
        name: "jira",
        samples: bodies::JIRA,
        errspec: errspec_decoder!(jira::JiraError),
        coded: coded_decoder!(jira::JiraError),
        derive: derive::jira,
        value: value::jira,
        ignore,
    },
    Vendor {
        name: "problem",
        samples: bodies::PROBLEM,
        errspec: errspec_decoder!(problem::ProblemError),
        coded: coded_decoder!(problem::ProblemError),
        derive: derive::problem,
        value: value::problem,
        ignore,
    },
];

/// A spec of each shape no bundled vendor uses: several shapes, errors nested to any depth and
/// per-item results (Microsoft Graph), CBOR bodies (Smithy RPC v2 CBOR).
pub const SHAPES: &[Vendor] = &[
    Vendor {
        name: "graph",
        samples: bodies::GRAPH,
        errspec: errspec_decoder!(graph::GraphError),
        coded: coded_decoder!(graph::GraphError),
        derive: derive::graph,
        value: value::graph,
        ignore,
    },
    Vendor {
        name: "rpc-v2-cbor",
        samples: bodies::RPC_V2_CBOR,
        errspec: errspec_decoder!(rpc_v2_cbor::RpcV2CborError),
        coded: coded_decoder!(rpc_v2_cbor::RpcV2CborError),
        derive: derive::rpc_v2_cbor,
        value: value::rpc_v2_cbor,
        ignore: ignore_cbor,
    },
];

/// Every decoder benchmarked: the bundled vendors, then the shape specs.
pub fn all() -> impl Iterator<Item = &'static Vendor> {
    VENDORS.iter().chain(SHAPES)
}

#[cfg(test)]
mod tests {
    use super::{all, Hand, VENDORS};

    #[test]
    fn every_bundled_vendor_is_benchmarked_in_the_bundled_order() {
        let names: Vec<&str> = VENDORS.iter().map(|vendor| vendor.name).collect();
        let bundled: Vec<&str> = errspec_codegen::bundled::BUNDLED
            .iter()
            .map(|spec| spec.file_name.trim_end_matches(".toml"))
            .collect();
        assert_eq!(names, bundled);
    }

    #[test]
    fn the_baselines_decode_as_many_errors_as_errspec() {
        for vendor in all() {
            assert!(!vendor.samples.is_empty(), "{}", vendor.name);
            for sample in vendor.samples {
                let errspec = (vendor.errspec)(sample.status, sample.body);
                // Each error decoded by status alone would count too: the codes read must agree.
                let coded = (vendor.derive)(sample.body)
                    .iter()
                    .filter(|hand| !matches!(hand, Hand::Unknown { code: None, .. }))
                    .count();
                assert_eq!(
                    (vendor.coded)(sample.status, sample.body),
                    coded,
                    "{} {}: errors with a code",
                    vendor.name,
                    sample.name
                );
                assert_eq!(
                    (vendor.derive)(sample.body).len(),
                    errspec,
                    "{} {}",
                    vendor.name,
                    sample.name
                );
                assert_eq!(
                    (vendor.value)(sample.body).len(),
                    errspec,
                    "{} {}",
                    vendor.name,
                    sample.name
                );
            }
        }
    }
}
