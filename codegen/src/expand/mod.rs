//! Tokens for a validated spec: the typed surface (`types`, its rustdoc from `docs`) as the
//! caller declares it ([`Declaration`]), the spec's tables as `&'static` data (`statics`), and
//! the functions between them (`variants`: a variant from an entry index and the parts read,
//! and back). Every method and rule is the runtime's (`errspec::__private::error_impls!`).

pub(crate) mod docs;
mod statics;
mod types;
mod variants;
mod walk_answers;

use std::path::Path;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::model::Spec;

/// The generated types as their caller declares them.
pub struct Declaration {
    /// The error enum's name.
    pub error: Ident,
    /// The code enum's name.
    pub code: Ident,
    /// Both enums' visibility.
    pub vis: syn::Visibility,
    /// The error enum's attributes as the user wrote them (doc comments, derives, `cfg`s):
    /// none for `errors_from_spec!`.
    pub attrs: Vec<syn::Attribute>,
    /// Which macro declares them.
    pub form: Form,
}

/// The two macros that expand a spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `errors_from_spec!("acme.toml")`: the spec names the types (`AcmeError`, `AcmeCode`),
    /// public, in a module of their own whose items are re-exported, so that the same spec
    /// expanded twice in one module is one error on the module's name.
    Function,
    /// `#[errspec::spec("acme.toml")] enum MyError {}`: the user's enum, where the user
    /// declares it, with the code enum beside it; the rest in an anonymous `const`.
    Attribute,
}

impl Declaration {
    /// The declaration `errors_from_spec!` makes for `spec`: `{name}Error` and `{name}Code`,
    /// public, documented from the spec.
    #[must_use]
    pub fn of_spec(spec: &Spec) -> Self {
        Declaration {
            error: format_ident!("{}Error", spec.name),
            code: format_ident!("{}Code", spec.name),
            vis: syn::parse_quote!(pub),
            attrs: Vec::new(),
            form: Form::Function,
        }
    }

    /// The attributes of `name` among the user's, such as `cfg`.
    fn attrs_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a syn::Attribute> {
        self.attrs
            .iter()
            .filter(move |attr| attr.path().is_ident(name))
    }

    /// Whether the user's attributes derive the trait `name` (by its last path segment, as
    /// in `#[derive(serde::Serialize)]`): errspec then leaves its own impl out.
    fn derives(&self, name: &str) -> bool {
        self.attrs_named("derive").any(|attr| {
            attr.parse_args_with(
                syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
            )
            .is_ok_and(|paths| {
                paths
                    .iter()
                    .any(|path| path.segments.last().is_some_and(|last| last.ident == name))
            })
        })
    }
}

/// The generated code for `spec`, declared by `errors_from_spec!` ([`Declaration::of_spec`]).
///
/// `krate` is the path of the runtime crate as the caller names it (`$crate` through the
/// `errspec::errors_from_spec!` wrapper, so a renamed dependency works); `track` is the spec
/// file to rebuild on when it changes.
#[must_use]
pub fn expand(spec: &Spec, track: Option<&Path>, krate: &TokenStream) -> TokenStream {
    expand_declared(spec, &Declaration::of_spec(spec), track, krate)
}

/// The generated code for `spec`, its types declared by `declaration`.
///
/// The helpers (tables, `build`, `view`, the runtime's impls) sit in a scope of their own, a
/// module for the function form, an anonymous `const` beside the user's enum for the
/// attribute form (which works in a function body too); they name everything through
/// `krate` and explicit imports, so the caller's scope (their traits, a type named `u16`,
/// `#![no_implicit_prelude]`) cannot change what they mean.
#[must_use]
pub fn expand_declared(
    spec: &Spec,
    declaration: &Declaration,
    track: Option<&Path>,
    krate: &TokenStream,
) -> TokenStream {
    let names = Names::new(spec, declaration);
    let types = types::types(spec, &names, krate);
    let helpers = helpers(spec, &names, track, krate);
    match declaration.form {
        Form::Function => {
            let module = format_ident!("__errspec_{}", names.error);
            quote! {
                #[doc(hidden)]
                #[allow(non_snake_case)]
                mod #module {
                    #types
                    #helpers
                }
                #[allow(unused_imports)]
                pub use #module::*;
            }
        }
        Form::Attribute => {
            let cfgs = declaration.attrs_named("cfg");
            quote! {
                #types
                #(#cfgs)*
                const _: () = {
                    #helpers
                };
            }
        }
    }
}

/// What generated code adds besides the types, in a scope of their own.
fn helpers(spec: &Spec, names: &Names, track: Option<&Path>, krate: &TokenStream) -> TokenStream {
    let tables = statics::tables(spec);
    let variants = variants::variants(spec, names);
    let Names { error, code, .. } = names;
    let fields = proc_macro2::Literal::usize_unsuffixed(names.fields);
    let params = proc_macro2::Literal::usize_unsuffixed(names.params);
    let rebuild = track.map(|path| {
        let path = path.display().to_string();
        quote! { const _: &[u8] = __rt::include_bytes!(#path); }
    });
    let declaration = names.declaration;
    let traits = ["Clone", "PartialEq", "Debug"]
        .into_iter()
        .filter(|name| !declaration.derives(name))
        .map(|name| {
            let name = format_ident!("{name}");
            quote! { __rt::error_trait!(#name for #error); }
        });
    let serialize =
        (!declaration.derives("Serialize")).then(|| quote! { __rt::serialize!(error #error); });
    quote! {
        use #krate::__private as __rt;
        #[allow(unused_imports)]
        use #krate::__private::{prelude::*, primitive::*};

        #rebuild
        #tables
        #variants
        __rt::error_impls!(#error, #code, #fields, #params);
        #(#traits)*
        #serialize
        __rt::serialize!(code #code);
    }
}

/// Names of the generated types, and the sizes of the parts a variant is built from.
struct Names<'d> {
    error: &'d Ident,
    code: &'d Ident,
    declaration: &'d Declaration,
    /// The number of extra fields.
    fields: usize,
    /// The most parameters of one template.
    params: usize,
}

impl<'d> Names<'d> {
    fn new(spec: &Spec, declaration: &'d Declaration) -> Self {
        Names {
            error: &declaration.error,
            code: &declaration.code,
            declaration,
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
