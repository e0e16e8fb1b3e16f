//! The commands that draft a spec: `import` (from an OpenAPI document) and `infer` (from
//! captured error responses), both writing it through `draft`, with a comment on every guess.

pub mod draft;
pub mod import;
pub mod infer;
pub mod literals;
