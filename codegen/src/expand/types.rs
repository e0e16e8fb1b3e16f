//! The typed surface: the error enum, one variant per entry plus `Unknown`, and the code enum,
//! its fieldless mirror, each variant documented from the spec.

use proc_macro2::TokenStream;
use quote::quote;

use super::{ident, Names};
use crate::expand::docs::{entry_doc, error_enum_doc};
use crate::model::Spec;

pub(super) fn types(spec: &Spec, names: &Names) -> TokenStream {
    let error_enum = error_enum(spec, names);
    let code_enum = code_enum(spec, names);
    quote! { #error_enum #code_enum }
}

fn error_enum(spec: &Spec, names: &Names) -> TokenStream {
    let doc = error_enum_doc(spec);
    let error = &names.error;
    let variants = spec.errors.iter().map(|entry| {
        let doc = entry_doc(entry);
        let variant = ident(&entry.variant);
        let code = entry.code.is_none().then(|| {
            quote! {
                #[doc = "The code the body carried, if any: this entry is chosen by status."]
                code: Option<String>,
            }
        });
        let fields = spec.envelope.fields.iter().map(|field| {
            let name = ident(&field.name);
            let at = field.pointers.iter().map(|pointer| format!("`{pointer}`")).collect::<Vec<_>>().join(" or ");
            let doc = format!("The error's `{}` (at {at}), if present.", field.name);
            quote! { #[doc = #doc] #name: Option<String>, }
        });
        let params = entry.params().iter().map(|param| {
            let name = ident(param);
            let doc = format!("`{{{param}}}` from the message, `None` when the message did not match the template.");
            quote! { #[doc = #doc] #name: Option<String>, }
        });
        let items = entry.batch.then(|| {
            quote! {
                #[doc = "Per-item results of a batch write, empty when the body held none."]
                items: __errspec::BatchItems,
            }
        });
        quote! {
            #[doc = #doc]
            #variant {
                #[doc = "The vendor's message, or the description when the body carried none."]
                message: String,
                #code
                #(#fields)*
                #(#params)*
                #items
                #[doc = "The HTTP status the error arrived with: its own when the body carries one, else the response's."]
                status: u16,
            },
        }
    });
    quote! {
        #[doc = #doc]
        #[non_exhaustive]
        pub enum #error {
            #(#variants)*
            /// An error the spec does not document, or a body that could not be read.
            Unknown {
                /// The code the body carried, if any.
                code: Option<String>,
                /// The vendor's message, or the status's reason phrase when the body carried none.
                message: String,
                /// The HTTP status the error arrived with.
                status: u16,
            },
        }
    }
}

fn code_enum(spec: &Spec, names: &Names) -> TokenStream {
    let error = &names.error;
    let code = &names.code;
    let doc = format!(
        "The documented errors of the `{}` spec, without their data: one per variant of [`{error}`] but `Unknown`.",
        spec.name
    );
    let variants: Vec<_> = spec
        .errors
        .iter()
        .map(|entry| ident(&entry.variant))
        .collect();
    let docs = spec.errors.iter().map(|entry| {
        let title = entry.description.as_deref().unwrap_or(&entry.variant);
        let title = crate::expand::docs::escape_markdown(title);
        format!("{title} ([`{error}::{}`])", entry.variant)
    });
    // A spec whose every entry was left out (after mistakes) has an empty code enum.
    let index = if spec.errors.is_empty() {
        quote! { match self {} }
    } else {
        quote! { self as usize }
    };
    quote! {
        #[doc = #doc]
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #code {
            #(#[doc = #docs] #variants,)*
        }

        impl #code {
            /// Every documented error, in spec order.
            pub const ALL: &'static [#code] = &[#(#code::#variants),*];

            /// The entry's index in the spec's table.
            const fn index(self) -> usize {
                #index
            }
        }
    }
}
