//! The built-in vendors: the bundled specs, compiled (`errspec::vendors`), one table line each.

use errspec::http::{HeaderMap, StatusCode};
use errspec::vendors::{github, igel_imi, itcare, itsm_ng, jira, netilion, problem, telecomx};
use errspec_codegen::bundled::{bundled, BundledSpec};
use errspec_codegen::Spec;

use crate::decoded::Decoded;

/// A vendor the CLI knows: a bundled spec and its compiled decoder.
#[derive(Debug)]
pub struct Vendor {
    /// The bundled spec's file stem (`itcare`).
    pub name: &'static str,
    /// Decodes a response (status, headers, body) with the vendor's generated types.
    pub decode: fn(u16, &HeaderMap, &[u8]) -> Decoded,
}

/// A [`Vendor`] whose errors are the generated type `$error`.
macro_rules! vendor {
    ($name:literal, $error:ty) => {
        Vendor {
            name: $name,
            decode: |status, headers, body| {
                Decoded::from_response(&match StatusCode::from_u16(status) {
                    Ok(code) => <$error>::decode_parts(code, headers, body),
                    // Not an HTTP status (outside 100..=999): the body alone.
                    Err(_) => <$error>::decode(status, body),
                })
            },
        }
    };
}

/// Every built-in vendor, in the order of the bundled specs.
pub const VENDORS: &[Vendor] = &[
    vendor!("itsm-ng", itsm_ng::ItsmNgError),
    vendor!("igel-imi", igel_imi::IgelImiError),
    vendor!("itcare", itcare::ItcareError),
    vendor!("telecomx", telecomx::TelecomXError),
    vendor!("netilion", netilion::NetilionError),
    vendor!("github", github::GitHubError),
    vendor!("jira", jira::JiraError),
    vendor!("problem", problem::ProblemError),
];

impl Vendor {
    /// The bundled spec of this vendor, checked.
    ///
    /// # Errors
    /// One line when the bundled spec is missing or has mistakes (a broken build of errspec).
    pub fn spec(&self) -> Result<(&'static BundledSpec, Spec), String> {
        let file = bundled(self.name)
            .ok_or_else(|| format!("no spec is bundled for vendor `{}`", self.name))?;
        let checked = errspec_codegen::check_spec(file.source);
        match checked.spec {
            Some(spec) if checked.diagnostics.is_empty() => Ok((file, spec)),
            _ => Err(format!(
                "the bundled spec {} has mistakes; run `errspec check` on it",
                file.file_name
            )),
        }
    }
}

/// The names of the built-in vendors, comma-separated.
pub fn names() -> String {
    let names: Vec<&str> = VENDORS.iter().map(|vendor| vendor.name).collect();
    names.join(", ")
}

/// The vendor named `name` (`itcare` or `itcare.toml`).
#[must_use]
pub fn find(name: &str) -> Option<&'static Vendor> {
    VENDORS
        .iter()
        .find(|vendor| vendor.name == name || format!("{}.toml", vendor.name) == name)
}

#[cfg(test)]
mod tests {
    use errspec_codegen::bundled::BUNDLED;

    use super::VENDORS;

    #[test]
    fn every_bundled_spec_is_a_vendor_and_checks_clean() {
        assert_eq!(VENDORS.len(), BUNDLED.len());
        for (vendor, file) in VENDORS.iter().zip(BUNDLED) {
            assert_eq!(Some(vendor.name), file.file_name.strip_suffix(".toml"));
            let (_, spec) = vendor.spec().unwrap();
            assert!(!spec.errors.is_empty());
        }
    }
}
