//! Each bundled vendor's realistic bodies with the decoders compared on them: errspec's and
//! the hand-written baselines (`derive`, `value`).

use crate::baseline::{derive, value, Hand};
use crate::bodies::{self, Sample};
use crate::vendors::{github, igel_imi, itcare, itsm_ng, jira, netilion, problem, telecomx};

/// One vendor's bodies and every decoder the benchmarks compare on them.
pub struct Vendor {
    /// The bundled spec's name.
    pub name: &'static str,
    /// Realistic bodies with their statuses.
    pub samples: &'static [Sample],
    /// errspec's generated decoder: the number of errors decoded.
    pub errspec: fn(u16, &[u8]) -> usize,
    /// `#[derive(Deserialize)]` and a `match` on the code.
    pub derive: fn(&[u8]) -> Vec<Hand>,
    /// `serde_json::Value` and the same `match`.
    pub value: fn(&[u8]) -> Vec<Hand>,
}

/// A decoder of a generated error type, counting the errors decoded.
macro_rules! errspec_decoder {
    ($error:ty) => {
        |status, body| <$error>::decode(status, body).errors().len()
    };
}

/// Every bundled vendor, in the order of `errspec_codegen::bundled::BUNDLED` (a test holds
/// them equal).
pub const VENDORS: &[Vendor] = &[
    Vendor {
        name: "itsm-ng",
        samples: bodies::ITSM_NG,
        errspec: errspec_decoder!(itsm_ng::ItsmNgError),
        derive: derive::itsm_ng,
        value: value::itsm_ng,
    },
    Vendor {
        name: "igel-imi",
        samples: bodies::IGEL_IMI,
        errspec: errspec_decoder!(igel_imi::IgelImiError),
        derive: derive::igel_imi,
        value: value::igel_imi,
    },
    Vendor {
        name: "itcare",
        samples: bodies::ITCARE,
        errspec: errspec_decoder!(itcare::ItcareError),
        derive: derive::itcare,
        value: value::itcare,
    },
    Vendor {
        name: "telecomx",
        samples: bodies::TELECOMX,
        errspec: errspec_decoder!(telecomx::TelecomXError),
        derive: derive::telecomx,
        value: value::telecomx,
    },
    Vendor {
        name: "netilion",
        samples: bodies::NETILION,
        errspec: errspec_decoder!(netilion::NetilionError),
        derive: derive::netilion,
        value: value::netilion,
    },
    Vendor {
        name: "github",
        samples: bodies::GITHUB,
        errspec: errspec_decoder!(github::GitHubError),
        derive: derive::github,
        value: value::github,
    },
    Vendor {
        name: "jira",
        samples: bodies::JIRA,
        errspec: errspec_decoder!(jira::JiraError),
        derive: derive::jira,
        value: value::jira,
    },
    Vendor {
        name: "problem",
        samples: bodies::PROBLEM,
        errspec: errspec_decoder!(problem::ProblemError),
        derive: derive::problem,
        value: value::problem,
    },
];

#[cfg(test)]
mod tests {
    use super::VENDORS;

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
        for vendor in VENDORS {
            assert!(!vendor.samples.is_empty(), "{}", vendor.name);
            for sample in vendor.samples {
                let errspec = (vendor.errspec)(sample.status, sample.body);
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
