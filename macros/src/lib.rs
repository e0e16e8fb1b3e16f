//! The `errors_from_spec!` macro of errspec. Use it through the `errspec` crate.
#![forbid(unsafe_code)]

use proc_macro::TokenStream;

/// Generates the error types of a vendor spec. See the `errspec` crate.
#[proc_macro]
pub fn errors_from_spec(input: TokenStream) -> TokenStream {
    errspec_codegen::errors_from_spec(input.into()).into()
}
