//! The vendors whose specs ship with errspec, expanded once (feature `vendors`): for
//! programs that decode those APIs and need no spec of their own.

/// ITSM-NG REST API (`apirest.php`, a GLPI fork): `ItsmNgError`, `ItsmNgCode`.
pub mod itsm_ng {
    crate::errors_from_spec!("itsm-ng.toml");
}

/// IGEL Management Interface (IMI) REST API: `IgelImiError`, `IgelImiCode`.
pub mod igel_imi {
    crate::errors_from_spec!("igel-imi.toml");
}

/// cegedim.cloud `ITCare` API: `ItcareError`, `ItcareCode`.
pub mod itcare {
    crate::errors_from_spec!("itcare.toml");
}

/// Telecom X API: `TelecomXError`, `TelecomXCode`.
pub mod telecomx {
    crate::errors_from_spec!("telecomx.toml");
}

/// Endress+Hauser Netilion API: `NetilionError`, `NetilionCode`.
pub mod netilion {
    crate::errors_from_spec!("netilion.toml");
}

/// GitHub REST API: `GitHubError`, `GitHubCode`.
pub mod github {
    crate::errors_from_spec!("github.toml");
}

/// Jira Cloud platform REST API: `JiraError`, `JiraCode`.
pub mod jira {
    crate::errors_from_spec!("jira.toml");
}

/// Any API that sends RFC 9457 problem details: `ProblemError`, `ProblemCode`.
pub mod problem {
    crate::errors_from_spec!("problem.toml");
}
