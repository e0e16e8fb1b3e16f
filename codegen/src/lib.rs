//! Spec parsing, validation and code generation for errspec.
//!
//! The pipeline is `check` (TOML text to a validated [`Spec`], every mistake collected as a
//! [`Diagnostic`] with its position) then `expand` (a [`Spec`] to tokens, the types declared
//! as the caller asks: a [`Declaration`]). The proc-macro crate calls [`errors_from_spec`] and
//! [`spec_attribute`]; the CLI calls [`check_spec`] and reads the model.
#![forbid(unsafe_code)]

mod attribute;
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

pub use errspec_vocab::BodyFormat;

pub use check::names::{check_field_name, check_type_name};
pub use check::{check_spec, Checked};
pub use diagnostic::Diagnostic;
pub use expand::{expand, expand_declared, Declaration, Form};
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
        let path = spec_path(input, USAGE)?;
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

/// The spec's path, a plain string literal: both macros' first argument.
fn spec_path(input: ParseStream, usage: &str) -> syn::Result<LitStr> {
    let path: LitStr = match input.parse::<syn::Lit>() {
        Ok(syn::Lit::Str(path)) => path,
        Ok(other) => {
            return Err(syn::Error::new(
                other.span(),
                format!("the spec's path must be a string literal, {usage}"),
            ))
        }
        Err(_) => {
            let tokens: TokenStream = input.parse()?;
            return Err(syn::Error::new_spanned(
                tokens,
                format!("the spec's path must be a string literal, {usage}: the spec is read before constants and macros are expanded"),
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
    Ok(path)
}

/// The expansion of `errors_from_spec!(input)` for a runtime that reads bodies in `formats`.
/// On a spec error: one `compile_error!` per mistake, on the path literal, plus the types as
/// far as the spec is valid.
#[must_use]
pub fn errors_from_spec(input: TokenStream, formats: &[BodyFormat]) -> TokenStream {
    let input = match syn::parse2::<MacroInput>(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    expand_file(&input.path, &input.krate, formats, Declaration::of_spec)
        .unwrap_or_else(|errors| errors)
}

/// The expansion of `#[errspec::spec(args)] item`: the user's enum filled with the spec's
/// variants, the code enum beside it. `runtime` is the name the calling crate depends on
/// errspec by (`None`: `errspec`), unless the arguments say `crate = "..."`; the runtime reads
/// bodies in `formats`.
///
/// Every misuse of the attribute or the item is a positioned error; the types are still
/// generated as far as the user's declaration and the spec are known, so that the user's
/// other code reports nothing but those errors.
#[must_use]
pub fn spec_attribute(
    runtime: Option<&str>,
    formats: &[BodyFormat],
    args: TokenStream,
    item: TokenStream,
) -> TokenStream {
    let arguments = match syn::parse2::<attribute::Arguments>(args) {
        Ok(arguments) => arguments,
        Err(error) => {
            let error = error.to_compile_error();
            return quote! { #error #item };
        }
    };
    let (declaration, misuse) = match attribute::declaration(&arguments, item.clone()) {
        Ok(declared) => declared,
        Err(error) => {
            let error = error.to_compile_error();
            return quote! { #error #item };
        }
    };
    let krate = match (&arguments.krate, runtime) {
        (Some(path), _) => quote!(#path),
        (None, Some(name)) => {
            let name = syn::Ident::new(name, Span::call_site());
            quote!(::#name)
        }
        (None, None) => quote!(::errspec),
    };
    // An enum that generated code would not see under its own name: the error alone.
    if attribute::RESERVED.contains(&declaration.error.to_string().as_str()) {
        let misuse = misuse.map(|error| error.to_compile_error());
        return quote! { #misuse #item };
    }
    let misuse = misuse.map(|error| error.to_compile_error());
    // The user's item as written when the spec cannot be read at all: its name stays defined.
    let types = expand_file(&arguments.path, &krate, formats, |_| declaration)
        .unwrap_or_else(|errors| quote! { #errors #item });
    quote! {
        #misuse
        #types
    }
}

/// The types of the spec at `path` (its span carries the errors), as `declare` declares them,
/// with one `compile_error!` per mistake; `Err` with the errors alone when the spec cannot be
/// read or holds nothing to expand. A spec in a body format outside `formats` is a mistake.
fn expand_file(
    path: &LitStr,
    krate: &TokenStream,
    formats: &[BodyFormat],
    declare: impl FnOnce(&Spec) -> Declaration,
) -> Result<TokenStream, TokenStream> {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let span = path.span();
    let source_dir = span
        .local_file()
        .and_then(|file| file.parent().map(Path::to_path_buf));
    let file = match locate::find(
        &path.value(),
        manifest_dir.as_deref(),
        source_dir.as_deref(),
    ) {
        Ok(file) => file,
        Err(message) => return Err(syn::Error::new(span, message).to_compile_error()),
    };
    let checked = file.check_read_in(formats);
    let errors = checked.diagnostics.iter().map(|diagnostic| {
        let rendered = diagnostic.render(&file.display, &file.source).to_string();
        syn::Error::new(span, rendered).to_compile_error()
    });
    let errors = quote! { #(#errors)* };
    match &checked.spec {
        Some(spec) => {
            let types = expand_declared(spec, &declare(spec), file.track.as_deref(), krate);
            Ok(quote! { #errors #types })
        }
        None => Err(errors),
    }
}
