//! The two functions between the typed surface and the runtime: `build`, the variant of an
//! entry index from the parts the decoder read, and `view`, what a variant holds, for the
//! runtime's accessors. One arm per entry in each; every rule stays in the runtime.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::{ident, Names};
use crate::model::Spec;

pub(super) fn variants(spec: &Spec, names: &Names) -> TokenStream {
    let build = build(spec, names);
    let view = view(spec, names);
    let error = &names.error;
    let fields = Literal::usize_unsuffixed(names.fields);
    let params = Literal::usize_unsuffixed(names.params);
    quote! {
        impl #error {
            /// The variant of entry `entry` (`None`: `Unknown`) holding `parts`.
            fn build(entry: Option<usize>, parts: __rt::Parts<#fields, #params>) -> Self {
                #build
            }

            /// What the variant holds, for the runtime's accessors.
            fn view(&self) -> __rt::View<'_, #fields, #params> {
                #view
            }
        }
    }
}

/// The locals of the extra fields and of the template parameters.
fn locals(prefix: &str, count: usize) -> Vec<Ident> {
    (0..count)
        .map(|index| format_ident!("{prefix}{index}"))
        .collect()
}

fn build(spec: &Spec, names: &Names) -> TokenStream {
    let field_locals = locals("f", names.fields);
    let param_locals = locals("p", names.params);
    let documented = !spec.errors.is_empty();
    let bind = |locals: &[Ident]| {
        let bound = locals.iter().map(|local| {
            if documented {
                quote!(#local)
            } else {
                quote!(_)
            }
        });
        quote! { [#(#bound),*] }
    };
    let fields = bind(&field_locals);
    let params = bind(&param_locals);
    let items = if spec.has_batch() {
        quote!(items)
    } else {
        quote!(_)
    };
    let arms = spec.errors.iter().enumerate().map(|(index, entry)| {
        let variant = ident(&entry.variant);
        let index = Literal::usize_unsuffixed(index);
        let code = entry.code.is_none().then(|| quote!(code,));
        let fields = spec
            .envelope
            .fields
            .iter()
            .zip(&field_locals)
            .map(|(field, local)| {
                let name = ident(&field.name);
                quote!(#name: #local,)
            });
        let params = entry
            .params()
            .iter()
            .zip(&param_locals)
            .map(|(param, local)| {
                let name = ident(param);
                quote!(#name: #local,)
            });
        let items = entry.batch.then(|| quote!(items,));
        quote! {
            Some(#index) => Self::#variant { message, #code #(#fields)* #(#params)* #items status },
        }
    });
    quote! {
        let __rt::Parts { code, message, status, fields: #fields, params: #params, items: #items } = parts;
        match entry {
            #(#arms)*
            _ => Self::Unknown { code, message, status },
        }
    }
}

/// `view` as three matches whose arms fit on a line: the entry, the parts every variant has,
/// and the code kept by entries without one of their own.
fn view(spec: &Spec, names: &Names) -> TokenStream {
    let nones = |count: usize| (0..count).map(|_| quote!(__rt::NONE)).collect::<Vec<_>>();
    let entries = spec.errors.iter().enumerate().map(|(index, entry)| {
        let variant = ident(&entry.variant);
        let index = Literal::usize_unsuffixed(index);
        quote! { Self::#variant { .. } => Some(#index), }
    });
    let fields: Vec<Ident> = spec
        .envelope
        .fields
        .iter()
        .map(|field| ident(&field.name))
        .collect();
    let parts = spec.errors.iter().map(|entry| {
        let variant = ident(&entry.variant);
        let params: Vec<Ident> = entry.params().iter().map(|param| ident(param)).collect();
        let padding = nones(names.params - params.len());
        let rest = (entry.code.is_none() || entry.batch).then(|| quote!(..));
        quote! {
            Self::#variant { message, status, #(#fields,)* #(#params,)* #rest } => {
                (message, status, [#(#fields),*], [#(#params,)* #(#padding),*])
            }
        }
    });
    let no_fields = nones(names.fields);
    let no_params = nones(names.params);
    let coded_elsewhere = spec
        .errors
        .iter()
        .filter(|entry| entry.code.is_none())
        .map(|entry| ident(&entry.variant));
    // `_` would be unreachable when every entry keeps the code it received.
    let coded = spec
        .errors
        .iter()
        .any(|entry| entry.code.is_some())
        .then(|| quote!(_ => None,));
    let with_items = spec
        .errors
        .iter()
        .filter(|entry| entry.batch)
        .map(|entry| ident(&entry.variant))
        .collect::<Vec<_>>();
    let items = if with_items.is_empty() {
        quote!(&[])
    } else {
        quote! {
            match self {
                #(Self::#with_items { items, .. })|* => items,
                _ => &[],
            }
        }
    };
    quote! {
        let entry = match self {
            #(#entries)*
            Self::Unknown { .. } => None,
        };
        let (message, status, fields, params) = match self {
            #(#parts)*
            Self::Unknown { message, status, .. } => {
                (message, status, [#(#no_fields),*], [#(#no_params),*])
            }
        };
        let received_code = match self {
            #(Self::#coded_elsewhere { code, .. })|* | Self::Unknown { code, .. } => code.as_deref(),
            #coded
        };
        __rt::View::new(entry, received_code, message, *status, fields, params).with_items(#items)
    }
}
