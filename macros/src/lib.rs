//! The procedural macro behind `errspec::errors_from_spec!`. Use it through the `errspec`
//! crate, whose wrapper passes the crate's path in: generated code reaches the runtime under
//! whatever name the caller depends on it.
#![forbid(unsafe_code)]

use proc_macro::TokenStream;

/// Generates the error types of a vendor spec: `[krate] "path"`. See `errspec::errors_from_spec!`.
#[proc_macro]
pub fn errors_from_spec(input: TokenStream) -> TokenStream {
    errspec_codegen::errors_from_spec(input.into()).into()
}
