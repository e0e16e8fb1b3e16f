//! Spec parsing, validation and code generation for errspec.
//!
//! The pipeline is `check` (TOML text to a validated [`Spec`], every mistake collected as a
//! [`Diagnostic`] with its position) then `expand` (a [`Spec`] to tokens). The proc-macro
//! crate calls [`errors_from_spec`]; the CLI calls [`check_spec`] and reads the model.
#![forbid(unsafe_code)]

pub mod bundled;
mod check;
pub mod diagnostic;
mod expand;
pub mod locate;
pub mod model;
pub mod runtime_tables;

use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::LitStr;

pub use check::{check_spec, Checked};
pub use diagnostic::Diagnostic;
pub use expand::expand;
pub use model::Spec;

/// The macro's input: `[krate] "path"` from the `errspec::errors_from_spec!` wrapper, which
/// passes `$crate` so that generated code reaches the runtime under any dependency name, or
/// the bare path when the proc macro is called directly.
struct MacroInput {
    krate: TokenStream,
    path: LitStr,
}

const USAGE: &str = "such as errors_from_spec!(\"acme.toml\")";

impl Parse for MacroInput {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let krate = if input.peek(syn::token::Bracket) {
            let krate;
            syn::bracketed!(krate in input);
            krate.parse()?
        } else {
            quote!(::errspec)
        };
        if input.is_empty() {
            return Err(syn::Error::new(
                Span::call_site(),
                format!("errors_from_spec! needs the spec's path, {USAGE}"),
            ));
        }
        let path: LitStr = match input.parse::<syn::Lit>() {
            Ok(syn::Lit::Str(path)) => path,
            Ok(other) => {
                return Err(syn::Error::new(
                    other.span(),
                    format!("the spec's path must be a string literal, {USAGE}"),
                ))
            }
            Err(_) => {
                let tokens: TokenStream = input.parse()?;
                return Err(syn::Error::new_spanned(
                    tokens,
                    format!("the spec's path must be a string literal, {USAGE}: the spec is read before constants and macros are expanded"),
                ));
            }
        };
        if !path.suffix().is_empty() {
            return Err(syn::Error::new(
                path.span(),
                format!(
                    "the spec's path must be a plain string literal, without the suffix `{}`",
                    path.suffix()
                ),
            ));
        }
        if input.peek(syn::Token![,]) {
            input.parse::<syn::Token![,]>()?;
        }
        if !input.is_empty() {
            let rest: TokenStream = input.parse()?;
            return Err(syn::Error::new_spanned(
                rest,
                "errors_from_spec! takes one argument, the spec's path; remove the extra arguments",
            ));
        }
        Ok(MacroInput { krate, path })
    }
}

/// The expansion of `errors_from_spec!(input)`. On a spec error: one `compile_error!` per
/// mistake, on the path literal, plus the types as far as the spec is valid.
#[must_use]
pub fn errors_from_spec(input: TokenStream) -> TokenStream {
    let input = match syn::parse2::<MacroInput>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let span = input.path.span();
    let source_dir = span
        .local_file()
        .and_then(|file| file.parent().map(Path::to_path_buf));
    expand_path(
        &input.path.value(),
        span,
        &input.krate,
        manifest_dir.as_deref(),
        source_dir.as_deref(),
    )
}

fn expand_path(
    requested: &str,
    span: Span,
    krate: &TokenStream,
    manifest_dir: Option<&Path>,
    source_dir: Option<&Path>,
) -> TokenStream {
    let file = match locate::find(requested, manifest_dir, source_dir) {
        Ok(file) => file,
        Err(message) => return syn::Error::new(span, message).to_compile_error(),
    };
    let checked = file.check();
    let errors = checked.diagnostics.iter().map(|diagnostic| {
        let rendered = diagnostic.render(&file.display, &file.source).to_string();
        syn::Error::new(span, rendered).to_compile_error()
    });
    let types = checked
        .spec
        .as_ref()
        .map(|spec| expand(spec, file.track.as_deref(), krate));
    quote! {
        #(#errors)*
        #types
    }
}
