//! The bundled vendor specs expanded under the strictest lints a user may set: generated code
//! must compile without a warning under `#![deny(warnings)]` and `clippy::pedantic`.
#![deny(warnings, missing_docs, clippy::pedantic)]

pub mod harness;

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

// The README's Rust examples run as doctests of this crate, so they cannot go stale. Only
// rustdoc reads the file: the README is outside this crate's package.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
#[allow(clippy::doc_markdown)]
mod readme {}

/// GitHub REST API.
pub mod github {
    errspec::errors_from_spec!("github.toml");
}

/// Jira Cloud.
pub mod jira {
    errspec::errors_from_spec!("jira.toml");
}

/// RFC 9457 problem details.
pub mod problem {
    errspec::errors_from_spec!("problem.toml");
}

/// Twilio: errors in two shapes, XML and JSON (`specs/twilio.toml`), for the fuzz target and
/// the allocation counts of a spec of several shapes.
pub mod twilio {
    errspec::errors_from_spec!("specs/twilio.toml");
}

/// Smithy RPC v2 CBOR: CBOR bodies (`specs/aws/rpc-v2-cbor.toml`), for the fuzz target and
/// the peak heap of a CBOR body.
pub mod rpc_v2_cbor {
    errspec::errors_from_spec!("specs/aws/rpc-v2-cbor.toml");
}

/// Amazon `DynamoDB` (`specs/aws-dynamodb.toml`): AWS JSON 1.0, and cancellation reasons, a
/// group of nested errors with a code that means no error and each error's position; for the
/// fuzz target and the allocation counts of nested groups.
pub mod dynamodb {
    errspec::errors_from_spec!("specs/aws-dynamodb.toml");
}

/// Microsoft Graph (`specs/graph.toml`): a recursive group of nested errors (`innerError`),
/// for the fuzz target and the peak heap of a deep chain.
pub mod graph {
    errspec::errors_from_spec!("specs/graph.toml");
}
