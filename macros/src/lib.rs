//! The procedural macros behind `errspec::errors_from_spec!` and `#[errspec::spec]`. Use them
//! through the `errspec` crate: generated code reaches the runtime under whatever name the
//! caller depends on it (the function form's wrapper passes `$crate`; the attribute reads the
//! caller's manifest).
#![forbid(unsafe_code)]

use proc_macro::TokenStream;
use proc_macro_crate::{crate_name, FoundCrate};

/// Generates the error types of a vendor spec: `[krate] "path"`. See `errspec::errors_from_spec!`.
#[proc_macro]
pub fn errors_from_spec(input: TokenStream) -> TokenStream {
    errspec_codegen::errors_from_spec(input.into()).into()
}

/// Fills an empty enum with the errors of a vendor spec. See `errspec::spec`.
#[proc_macro_attribute]
pub fn spec(args: TokenStream, item: TokenStream) -> TokenStream {
    // errspec itself (its doc tests) and a manifest that cannot be read: the plain name.
    let runtime = match crate_name("errspec") {
        Ok(FoundCrate::Name(name)) => Some(name),
        Ok(FoundCrate::Itself) | Err(_) => None,
    };
    errspec_codegen::spec_attribute(runtime.as_deref(), args.into(), item.into()).into()
}
