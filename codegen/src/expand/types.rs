//! The typed surface: the error enum, one variant per entry plus `Unknown`, and the code enum,
//! its fieldless mirror, each variant documented from the spec. They stand where the caller
//! declares them, so every path in them is absolute, through the runtime.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{ident, Form, Names};
use crate::expand::docs::{entry_doc, error_enum_doc};
use crate::model::Spec;

pub(super) fn types(spec: &Spec, names: &Names, krate: &TokenStream) -> TokenStream {
    let error_enum = error_enum(spec, names, krate);
    let code_enum = code_enum(spec, names, krate);
    quote! { #error_enum #code_enum }
}

/// The attributes of the error enum: the user's (with the spec's rustdoc where they wrote
/// none), or for the function form the spec's rustdoc and `#[non_exhaustive]`.
fn error_attrs(spec: &Spec, names: &Names) -> TokenStream {
    let declaration = names.declaration;
    let attrs = &declaration.attrs;
    let doc = (declaration.attrs_named("doc").next().is_none())
        .then(|| error_enum_doc(spec, &names.error.to_string()));
    let doc = doc.map(|doc| quote! { #[doc = #doc] });
    match declaration.form {
        Form::Function => quote! { #doc #[non_exhaustive] },
        Form::Attribute => quote! { #doc #(#attrs)* },
    }
}

/// Whether the code enum is `#[non_exhaustive]`: always for the function form, like the error
/// enum for the attribute form.
fn code_non_exhaustive(names: &Names) -> bool {
    let declaration = names.declaration;
    declaration.form == Form::Function || declaration.attrs_named("non_exhaustive").next().is_some()
}

/// `String`, `Option<String>` and `u16` as the fields name them: short inside the function
/// form's module, which imports them; through the runtime beside the user's enum, whose scope
/// may hold other types of those names.
fn type_paths(names: &Names, krate: &TokenStream) -> (TokenStream, TokenStream, TokenStream) {
    match names.declaration.form {
        Form::Function => (quote!(String), quote!(Option<String>), quote!(u16)),
        Form::Attribute => (
            quote!(#krate::__private::prelude::String),
            quote!(#krate::__private::prelude::Option<#krate::__private::prelude::String>),
            quote!(#krate::__private::primitive::u16),
        ),
    }
}

fn error_enum(spec: &Spec, names: &Names, krate: &TokenStream) -> TokenStream {
    let attrs = error_attrs(spec, names);
    let vis = &names.declaration.vis;
    let error = &names.error;
    let (string, optional, u16) = type_paths(names, krate);
    // What every variant repeats is built once and cloned: escaping and parsing a literal, or
    // checking an identifier, per variant is most of the cost of a large spec's expansion.
    let message_doc =
        Literal::string("The vendor's message, or the description when the body carried none.");
    let status_doc = Literal::string("The HTTP status the error arrived with: its own when the body carries one, else the response's.");
    let code_by_status = Literal::string(
        "The code the error arrived with, if any: this entry is chosen by message or status.",
    );
    let code_by_code = Literal::string("The code the error arrived with: this entry's, or `None` or an undocumented code when the status chose it.");
    let items_doc =
        Literal::string("Per-item results of a batch write, empty when the body held none.");
    let fields: Vec<TokenStream> = spec
        .envelope
        .fields
        .iter()
        .zip(field_docs(spec))
        .map(|(field, doc)| {
            let name = ident(&field.name);
            quote! { #[doc = #doc] #name: #optional, }
        })
        .collect();
    let message = quote! { #[doc = #message_doc] message: #string, };
    let status = quote! { #[doc = #status_doc] status: #u16, };
    let items = quote! { #[doc = #items_doc] items: #krate::BatchItems, };
    let variants = spec.errors.iter().enumerate().map(|(index, entry)| {
        let doc = entry_doc(entry, &spec.envelope.fields);
        let variant = ident(&entry.variant);
        let code = spec.keeps_code(index).then(|| {
            let doc = if entry.code.is_none() {
                &code_by_status
            } else {
                &code_by_code
            };
            quote! {
                #[doc = #doc]
                code: #optional,
            }
        });
        let params = entry.params().iter().map(|param| {
            let name = ident(param);
            let doc = format!("`{{{param}}}` from the message, `None` when the message did not match the template.");
            quote! { #[doc = #doc] #name: #optional, }
        });
        let items = entry.batch.then_some(&items);
        quote! {
            #[doc = #doc]
            #variant {
                #message
                #code
                #(#fields)*
                #(#params)*
                #items
                #status
            },
        }
    });
    quote! {
        #attrs
        #vis enum #error {
            #(#variants)*
            /// An error the spec does not document, or a body that could not be read.
            Unknown {
                /// The code the error arrived with, if any.
                code: #optional,
                /// The vendor's message, or the status's reason phrase when the body carried none.
                message: #string,
                /// The HTTP status the error arrived with.
                status: #u16,
            },
        }
    }
}

fn code_enum(spec: &Spec, names: &Names, krate: &TokenStream) -> TokenStream {
    let error = &names.error;
    let code = &names.code;
    let vis = &names.declaration.vis;
    let cfgs = names.declaration.attrs_named("cfg");
    let non_exhaustive = code_non_exhaustive(names).then(|| quote!(#[non_exhaustive]));
    let doc = format!(
        "The documented errors of the `{}` spec, without their data: one per variant of [`{error}`] but `Unknown`.",
        spec.name
    );
    let variants: Vec<_> = spec
        .errors
        .iter()
        .map(|entry| ident(&entry.variant))
        .collect();
    // What the entry documents is said once, on the error's variant.
    let docs = spec
        .errors
        .iter()
        .map(|entry| format!("The code of [`{error}::{}`].", entry.variant));
    let derives = match names.declaration.form {
        Form::Function => quote!(Clone, Copy, PartialEq, Eq, __rt::Hash),
        Form::Attribute => {
            let prelude = quote!(#krate::__private::prelude);
            quote!(#prelude::Clone, #prelude::Copy, #prelude::PartialEq, #prelude::Eq, #krate::__private::Hash)
        }
    };
    quote! {
        #[doc = #doc]
        #[derive(#derives)]
        #non_exhaustive
        #(#cfgs)*
        #vis enum #code {
            #(#[doc = #docs] #variants,)*
        }
    }
}

/// Each field's doc, once for all variants: where it is read (its pointers in every shape,
/// and the header the first shape fills it from; nothing for a field only nested errors read).
/// One pass over the shapes and the header fields, so a spec of 100,000 header fields expands
/// in linear time.
fn field_docs(spec: &Spec) -> Vec<String> {
    let count = spec.envelope.fields.len();
    let mut places: Vec<Vec<String>> = vec![Vec::new(); count];
    for shape in core::iter::once(&spec.envelope).chain(&spec.other_shapes) {
        for (index, field) in shape.fields.iter().enumerate().take(count) {
            for pointer in &field.pointers {
                let place = format!("`{pointer}`");
                if !places[index].contains(&place) {
                    places[index].push(place);
                }
            }
        }
    }
    for field in &spec.envelope.headers.fields {
        let cut = match (&field.before, &field.after) {
            (Some(before), Some(after)) => format!(", between `{after}` and `{before}`"),
            (Some(before), None) => format!(", before `{before}`"),
            (None, Some(after)) => format!(", after `{after}`"),
            (None, None) => String::new(),
        };
        if let Some(places) = places.get_mut(field.field) {
            places.push(format!("header `{}`{cut}", field.header));
        }
    }
    spec.envelope
        .fields
        .iter()
        .zip(places)
        .map(|(field, places)| match places.join(" or ") {
            places if places.is_empty() => format!("The error's `{}`, if present.", field.name),
            places => format!("The error's `{}` (at {places}), if present.", field.name),
        })
        .collect()
}
