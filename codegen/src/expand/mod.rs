//! Tokens for a validated spec, in a module of the spec's own whose public items are
//! re-exported: the typed surface (`types`, its rustdoc from `docs`), the spec's tables as
//! `&'static` data (`statics`), and the two functions between them (`variants`: a variant from
//! an entry index and the parts read, and back). Every method and rule is the runtime's (`errspec::__private::error_impls!`).

pub(crate) mod docs;
mod statics;
mod types;
mod variants;

use std::path::Path;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::model::Spec;

/// The generated code for `spec`.
///
/// `krate` is the path of the runtime crate as the caller names it (`$crate` through the
/// `errspec::errors_from_spec!` wrapper, so a renamed dependency works); `track` is the spec
/// file to rebuild on when it changes.
///
/// The module keeps the caller's scope out of generated code (their traits, a type named
/// `u16`, `#![no_implicit_prelude]`), and the same spec expanded twice in one module is one
/// error, on the module's name, instead of one per generated item.
#[must_use]
pub fn expand(spec: &Spec, track: Option<&Path>, krate: &TokenStream) -> TokenStream {
    let names = Names::new(spec);
    let types = types::types(spec, &names);
    let tables = statics::tables(spec);
    let variants = variants::variants(spec, &names);
    let Names { error, code, .. } = &names;
    let fields = proc_macro2::Literal::usize_unsuffixed(names.fields);
    let params = proc_macro2::Literal::usize_unsuffixed(names.params);
    let rebuild = track.map(|path| {
        let path = path.display().to_string();
        quote! { const _: &[u8] = ::core::include_bytes!(#path); }
    });
    // The spec's name as written: names that differ only in case are different types.
    let module = format_ident!("__errspec_spec_{}", spec.name);
    quote! {
        #[doc(hidden)]
        #[allow(non_snake_case)]
        mod #module {
            use #krate as __errspec;
            use self::__errspec::__private as __rt;
            use self::__errspec::__private::prelude::*;

            #rebuild
            #types
            #tables
            #variants
            __rt::error_impls!(#error, #code, #fields, #params);
        }
        #[allow(unused_imports)]
        pub use #module::*;
    }
}

/// Names of the generated types, and the sizes of the parts a variant is built from.
struct Names {
    error: Ident,
    code: Ident,
    /// The number of extra fields.
    fields: usize,
    /// The most parameters of one template.
    params: usize,
}

impl Names {
    fn new(spec: &Spec) -> Self {
        Names {
            error: format_ident!("{}Error", spec.name),
            code: format_ident!("{}Code", spec.name),
            fields: spec.envelope.fields.len(),
            params: spec
                .errors
                .iter()
                .map(|entry| entry.params().len())
                .max()
                .unwrap_or(0),
        }
    }
}

fn ident(name: &str) -> Ident {
    format_ident!("{}", name)
}

/// `None` or `Some(value)` as tokens.
fn option<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(value) => quote! { Some(#value) },
        None => quote! { None },
    }
}
