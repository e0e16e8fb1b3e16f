//! errspec's integration tests, one module per topic in one test binary (a binary per topic
//! would link every dependency once more). The allocation counts run apart, in
//! `tests/allocations.rs`: they need a global allocator of their own.

mod common;

/// The backon example of `examples/`, run against the mock server.
#[path = "../../examples/backon_retry.rs"]
#[allow(dead_code)]
mod backon_retry;

/// The mock server of `examples/`, which the HTTP client tests point at (the backon example
/// holds it).
use backon_retry::mock_server;

// Vendors: each bundled spec on the bodies its vendor documents, and the one list of them.
mod bundled;
mod github;
mod igel_imi;
mod itcare;
mod itsm_ng;
mod jira;
mod netilion;
mod problem;
mod telecomx;

// Envelope styles: specs of `tests/specs/` and the cookbook's recipes.
mod alternatives;
mod aws_json;
mod cookbook;
mod errors_with_200;
mod google_aip193;
mod message_only;
mod nested_groups;
mod results;
mod shapes;
mod smithy;
mod xml;

// The entry points, and decoding over HTTP and the integrations, against servers on 127.0.0.1.
mod axum;
mod backon;
mod entry_points;
mod http;
mod reqwest;
mod reqwest_middleware;
mod serde;
mod stack;
mod tower;
mod tracing;

// Hostile input and round trips.
mod hostile;
mod hostile_props;
mod hostile_shapes;
mod roundtrip;
