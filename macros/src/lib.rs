//! The procedural macros behind `errspec::errors_from_spec!` and `#[errspec::spec]`. Use them
//! through the `errspec` crate: generated code reaches the runtime under whatever name the
//! caller depends on it (the function form's wrapper passes `$crate`; the attribute reads the
//! caller's manifest).
#![forbid(unsafe_code)]

use errspec_codegen::BodyFormat;
use proc_macro::TokenStream;
use proc_macro_crate::{crate_name, FoundCrate};

/// The body formats the runtime reads: JSON always, XML and CBOR with the features of the same
/// names, which the runtime's own `xml` and `cbor` turn on here.
const FORMATS: &[BodyFormat] = &[
    BodyFormat::Json,
    #[cfg(feature = "xml")]
    BodyFormat::Xml,
    #[cfg(feature = "cbor")]
    BodyFormat::Cbor,
];

/// Generates the error types of a vendor spec: `[krate] "path"`. See `errspec::errors_from_spec!`.
#[proc_macro]
pub fn errors_from_spec(input: TokenStream) -> TokenStream {
    errspec_codegen::errors_from_spec(input.into(), FORMATS).into()
}

/// Fills an empty enum with the errors of a vendor spec. See `errspec::spec`.
#[proc_macro_attribute]
pub fn spec(args: TokenStream, item: TokenStream) -> TokenStream {
    // errspec itself (its doc tests) and a manifest that cannot be read: the plain name.
    let runtime = match crate_name("errspec") {
        Ok(FoundCrate::Name(name)) => Some(name),
        Ok(FoundCrate::Itself) | Err(_) => None,
    };
    errspec_codegen::spec_attribute(runtime.as_deref(), FORMATS, args.into(), item.into()).into()
}
