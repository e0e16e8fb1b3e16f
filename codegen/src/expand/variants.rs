//! The functions between the typed surface and the runtime: `build`, the variant of an entry
//! index from the parts the decoder read, `view`, what a variant holds, for the runtime's
//! accessors, and `index`, a code's entry. One arm per entry in each of the first two (in
//! chunks of [`CHUNK`] entries for a large spec); every rule stays in the runtime. They are
//! free functions in the helpers' scope: the user's own methods on their enum cannot clash.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::{ident, Names};
use crate::model::{ErrorEntry, Spec};

/// A local or parameter of a generated function, `__`-prefixed: beside the user's enum (the
/// attribute form) the user's scope is the helpers' too, and a `const status` or a unit struct
/// `code` there would turn a binding of that name into a pattern that matches it (hygiene does
/// not help: `Span::mixed_site` still resolves constants at the call site).
fn local(name: &str) -> Ident {
    format_ident!("__{name}")
}

/// The locals every generated function binds.
struct Locals {
    entry: Ident,
    parts: Ident,
    error: Ident,
    code: Ident,
    message: Ident,
    status: Ident,
    items: Ident,
    fields: Ident,
    params: Ident,
    received: Ident,
}

impl Locals {
    fn new() -> Self {
        Locals {
            entry: local("entry"),
            parts: local("parts"),
            error: local("error"),
            code: local("code"),
            message: local("message"),
            status: local("status"),
            items: local("items"),
            fields: local("fields"),
            params: local("params"),
            received: local("received_code"),
        }
    }
}

pub(super) fn variants(spec: &Spec, names: &Names) -> TokenStream {
    let build = build(spec, names);
    let view = view(spec, names);
    let code = names.code;
    let variants: Vec<_> = spec
        .errors
        .iter()
        .map(|entry| ident(&entry.variant))
        .collect();
    let Locals { code: local, .. } = Locals::new();
    // A spec whose every entry was left out (after mistakes) has an empty code enum.
    let index = if spec.errors.is_empty() {
        quote! { match #local {} }
    } else {
        quote! { #local as usize }
    };
    quote! {
        #build

        #view

        impl #code {
            /// Every documented error, in spec order.
            pub const ALL: &'static [#code] = &[#(#code::#variants),*];
        }

        /// The entry of `code` in the spec's table.
        const fn index(#local: #code) -> usize {
            #index
        }
    }
}

/// The locals of the extra fields and of the template parameters.
fn locals(prefix: &str, count: usize) -> Vec<Ident> {
    (0..count)
        .map(|index| local(&format!("{prefix}{index}")))
        .collect()
}

/// `build`, the variant of an entry index: one function for a spec of up to [`CHUNK`] entries,
/// else a dispatch on the index range to one function per chunk, as `view`.
fn build(spec: &Spec, names: &Names) -> TokenStream {
    let fields = Literal::usize_unsuffixed(names.fields);
    let params = Literal::usize_unsuffixed(names.params);
    let error = names.error;
    let Locals {
        entry,
        parts,
        code,
        message,
        status,
        ..
    } = &Locals::new();
    let signature = |name: &Ident| {
        quote! { fn #name(#entry: Option<usize>, #parts: __rt::Parts<#fields, #params>) -> #error }
    };
    let entries: Vec<(usize, &ErrorEntry)> = spec.errors.iter().enumerate().collect();
    let build = format_ident!("build");
    if entries.len() <= CHUNK {
        let signature = signature(&build);
        let body = build_body(spec, names, &entries);
        return quote! {
            /// The variant of entry `entry` (`None`: `Unknown`) holding `parts`.
            #signature { #body }
        };
    }
    let chunks: Vec<&[(usize, &ErrorEntry)]> = entries.chunks(CHUNK).collect();
    let dispatch = chunks.iter().enumerate().map(|(number, chunk)| {
        let first = Literal::usize_unsuffixed(chunk[0].0);
        let last = Literal::usize_unsuffixed(chunk[chunk.len() - 1].0);
        let function = format_ident!("build_{number}");
        quote! { Some(#first..=#last) => #function(#entry, #parts), }
    });
    let dispatcher = signature(&build);
    let functions = chunks.iter().enumerate().map(|(number, chunk)| {
        let signature = signature(&format_ident!("build_{number}"));
        let body = build_body(spec, names, chunk);
        quote! {
            /// `build` of the entries of one chunk.
            #signature { #body }
        }
    });
    quote! {
        /// The variant of entry `entry` (`None`: `Unknown`) holding `parts`.
        #dispatcher {
            match #entry {
                #(#dispatch)*
                _ => {
                    let __rt::Parts { code: #code, message: #message, status: #status, .. } = #parts;
                    #error::Unknown { code: #code, message: #message, status: #status }
                }
            }
        }

        #(#functions)*
    }
}

/// The body of a `build` over `entries` (with their indexes in the spec); any other index is
/// `Unknown`.
fn build_body(spec: &Spec, names: &Names, entries: &[(usize, &ErrorEntry)]) -> TokenStream {
    let field_locals = locals("f", names.fields);
    let param_locals = locals("p", names.params);
    // Only the locals some entry here uses are bound: the others would be unused.
    let used_params = entries
        .iter()
        .map(|(_, entry)| entry.params().len())
        .max()
        .unwrap_or(0);
    let bind = |locals: &[Ident], used: usize| {
        let bound = locals.iter().enumerate().map(|(index, local)| {
            if index < used {
                quote!(#local)
            } else {
                quote!(_)
            }
        });
        quote! { [#(#bound),*] }
    };
    let fields = bind(
        &field_locals,
        if entries.is_empty() { 0 } else { names.fields },
    );
    let params = bind(&param_locals, used_params);
    let Locals {
        entry,
        parts,
        code,
        message,
        status,
        items,
        ..
    } = &Locals::new();
    let bound_items = if entries.iter().any(|(_, entry)| entry.batch) {
        quote!(#items)
    } else {
        quote!(_)
    };
    let error = names.error;
    let arms = entries.iter().map(|(index, entry)| {
        let variant = ident(&entry.variant);
        let code = spec.keeps_code(*index).then(|| quote!(code: #code,));
        let index = Literal::usize_unsuffixed(*index);
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
        let items = entry.batch.then(|| quote!(items: #items,));
        quote! {
            Some(#index) => #error::#variant { message: #message, #code #(#fields)* #(#params)* #items status: #status },
        }
    });
    quote! {
        let __rt::Parts { code: #code, message: #message, status: #status, fields: #fields, params: #params, items: #bound_items, .. } = #parts;
        match #entry {
            #(#arms)*
            _ => #error::Unknown { code: #code, message: #message, status: #status },
        }
    }
}

/// How many variants one `build` or `view` function matches. Past it, each dispatches to one
/// function per chunk of this many: the type and borrow checkers' cost for one function grows
/// faster than its arms (one `view` of 20,000 variants took 10 GB to check), a chunk's stays
/// small.
pub(super) const CHUNK: usize = 256;

/// `view`, what a variant holds for the runtime's accessors: one function for a spec of up to
/// [`CHUNK`] entries, else a dispatch on the variant (patterns without bindings) to one
/// function per chunk.
fn view(spec: &Spec, names: &Names) -> TokenStream {
    let fields = Literal::usize_unsuffixed(names.fields);
    let params = Literal::usize_unsuffixed(names.params);
    let error = names.error;
    let locals = Locals::new();
    let Locals {
        error: value,
        code,
        message,
        status,
        ..
    } = &locals;
    let signature =
        |name: &Ident| quote! { fn #name(#value: &#error) -> __rt::View<'_, #fields, #params> };
    let entries: Vec<(usize, &ErrorEntry)> = spec.errors.iter().enumerate().collect();
    let view = format_ident!("view");
    if entries.len() <= CHUNK {
        let signature = signature(&view);
        let body = view_body(spec, names, &entries, true);
        return quote! {
            /// What the variant holds, for the runtime's accessors.
            #signature { #body }
        };
    }
    let chunks: Vec<&[(usize, &ErrorEntry)]> = entries.chunks(CHUNK).collect();
    let dispatch = chunks.iter().enumerate().map(|(number, chunk)| {
        let variants = chunk.iter().map(|(_, entry)| ident(&entry.variant));
        let function = format_ident!("view_{number}");
        quote! { #(#error::#variants { .. })|* => #function(#value), }
    });
    let unknown = unknown_view(names, &locals);
    let dispatcher = signature(&view);
    let functions = chunks.iter().enumerate().map(|(number, chunk)| {
        let signature = signature(&format_ident!("view_{number}"));
        let body = view_body(spec, names, chunk, false);
        quote! {
            /// `view` of the variants of one chunk of entries.
            #signature { #body }
        }
    });
    quote! {
        /// What the variant holds, for the runtime's accessors.
        #dispatcher {
            match #value {
                #(#dispatch)*
                #error::Unknown { code: #code, message: #message, status: #status } => #unknown,
            }
        }

        #(#functions)*
    }
}

fn nones(count: usize) -> Vec<TokenStream> {
    (0..count).map(|_| quote!(__rt::NONE)).collect()
}

/// The view of `Unknown`, whose `code`, `message` and `status` are bound.
fn unknown_view(names: &Names, locals: &Locals) -> TokenStream {
    let no_fields = nones(names.fields);
    let no_params = nones(names.params);
    let Locals {
        code,
        message,
        status,
        ..
    } = locals;
    quote! {
        __rt::View::new(None, #code.as_deref(), #message, *#status, [#(#no_fields),*], [#(#no_params),*])
    }
}

/// The body of a `view` over `entries` (with their indexes in the spec): one match for the
/// entry and the parts every variant has, one for the code kept by the entries that keep it
/// (`Spec::keeps_code`), one for batch items. With `unknown`, it covers `Unknown` too and so every
/// variant; without, it is only ever called for its own entries.
fn view_body(
    spec: &Spec,
    names: &Names,
    entries: &[(usize, &ErrorEntry)],
    unknown: bool,
) -> TokenStream {
    let Locals {
        entry: index_local,
        error: value,
        code,
        message,
        status,
        items,
        fields,
        params,
        received,
        ..
    } = &Locals::new();
    let field_names: Vec<Ident> = spec
        .envelope
        .fields
        .iter()
        .map(|field| ident(&field.name))
        .collect();
    let field_locals = locals("f", names.fields);
    let param_locals = locals("p", names.params);
    let error = names.error;
    let parts = entries.iter().map(|(index, entry)| {
        let variant = ident(&entry.variant);
        let rest = (spec.keeps_code(*index) || entry.batch).then(|| quote!(..));
        let index = Literal::usize_unsuffixed(*index);
        let param_names: Vec<Ident> = entry.params().iter().map(|param| ident(param)).collect();
        let param_locals = &param_locals[..param_names.len()];
        let padding = nones(names.params - param_names.len());
        quote! {
            #error::#variant { message: #message, status: #status, #(#field_names: #field_locals,)* #(#param_names: #param_locals,)* #rest } => {
                (Some(#index), #message, #status, [#(#field_locals),*], [#(#param_locals,)* #(#padding),*])
            }
        }
    });
    let other_parts = if unknown {
        let no_fields = nones(names.fields);
        let no_params = nones(names.params);
        quote! {
            #error::Unknown { message: #message, status: #status, .. } => {
                (None, #message, #status, [#(#no_fields),*], [#(#no_params),*])
            }
        }
    } else {
        // The dispatch of `view` calls this function for its own entries only.
        quote! { _ => __rt::unreachable!("a variant of another chunk") }
    };
    let mut keeping: Vec<TokenStream> = entries
        .iter()
        .filter(|(index, _)| spec.keeps_code(*index))
        .map(|(_, entry)| {
            let variant = ident(&entry.variant);
            quote!(#error::#variant { code: #code, .. })
        })
        .collect();
    if unknown {
        keeping.push(quote!(#error::Unknown { code: #code, .. }));
    }
    // `_` would be unreachable when every variant keeps the code it received.
    let others = (!unknown || entries.iter().any(|(index, _)| !spec.keeps_code(*index)))
        .then(|| quote!(_ => None,));
    let received_code = if keeping.is_empty() {
        quote!(None)
    } else {
        quote! {
            match #value {
                #(#keeping)|* => #code.as_deref(),
                #others
            }
        }
    };
    let with_items: Vec<Ident> = entries
        .iter()
        .filter(|(_, entry)| entry.batch)
        .map(|(_, entry)| ident(&entry.variant))
        .collect();
    let items_of = if with_items.is_empty() {
        quote!(&__rt::NO_ITEMS)
    } else {
        quote! {
            match #value {
                #(#error::#with_items { items: #items, .. })|* => #items,
                _ => &__rt::NO_ITEMS,
            }
        }
    };
    quote! {
        let (#index_local, #message, #status, #fields, #params) = match #value {
            #(#parts)*
            #other_parts
        };
        let #received = #received_code;
        __rt::View::new(#index_local, #received, #message, *#status, #fields, #params).with_items(#items_of)
    }
}
