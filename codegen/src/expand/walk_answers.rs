//! The answers the body walk asks of the spec's envelope at each level, generated: which parts a
//! key leads to (one `match` on the level's keys, as a derived `Deserialize` compares a key
//! with its fields' names), which an array index leads to, which end at a depth, which continue
//! with a selector. The runtime's `KnownEnvelope` answers through these; the interpreter
//! computes the same answers from the parts (`errspec::__private::Envelope::parts_under` and
//! the others), and the differential test holds the two equal.
//!
//! Each answer is a mask of parts, bit `i` for part `i` of the envelope (`SPEC.envelope`).

use std::collections::BTreeMap;

use errspec_vocab::pointer::{array_index, selector};
use errspec_vocab::MAX_PARTS;
use proc_macro2::TokenStream;
use quote::quote;

use crate::runtime_tables::TablePart;

/// `parts_under`, `parts_under_index`, `PARTS_ENDING` and `PARTS_SELECTING` for `parts`.
pub(super) fn walk_answers(parts: &[TablePart]) -> TokenStream {
    let parts = &parts[..parts.len().min(MAX_PARTS)];
    let under = parts_under(parts);
    let under_index = parts_under_index(parts);
    let deepest = parts.iter().map(|part| part.path.len()).max().unwrap_or(0);
    let by_depth = |is: &dyn Fn(&TablePart, usize) -> bool| {
        let masks = (0..=deepest).map(|depth| mask_of(parts, |part| is(part, depth)));
        quote! { &[#(#masks),*] }
    };
    let ending = by_depth(&|part, depth| part.path.len() == depth);
    let selecting = by_depth(&|part, depth| {
        part.path
            .get(depth)
            .is_some_and(|token| selector(token).is_some())
    });
    quote! {
        #under
        #under_index
        const PARTS_ENDING: &[::core::primitive::u64] = #ending;
        const PARTS_SELECTING: &[::core::primitive::u64] = #selecting;
    }
}

/// The mask of the parts `is` accepts.
fn mask_of(parts: &[TablePart], is: impl Fn(&TablePart) -> bool) -> u64 {
    parts
        .iter()
        .enumerate()
        .filter(|(_, part)| is(part))
        .fold(0, |mask, (index, _)| mask | 1 << index)
}

/// A `match` on the depth, then on the key: the parts each key of each level leads to.
fn parts_under(parts: &[TablePart]) -> TokenStream {
    let mut levels: BTreeMap<usize, BTreeMap<&str, u64>> = BTreeMap::new();
    for (index, part) in parts.iter().enumerate() {
        for (depth, token) in part.path.iter().enumerate() {
            *levels.entry(depth).or_default().entry(token).or_default() |= 1 << index;
        }
    }
    let arms = levels.iter().map(|(depth, keys)| {
        let keys = keys.iter().map(|(key, mask)| quote! { #key => #mask, });
        quote! { #depth => match token { #(#keys)* _ => 0 }, }
    });
    let body = (!levels.is_empty()).then(|| {
        quote! {
            match depth {
                #(#arms)*
                _ => 0,
            }
        }
    });
    answering(
        quote!(parts_under),
        quote!(token),
        quote!(&::core::primitive::str),
        body,
    )
}

/// A `match` on the depth and the index: the parts each array index leads to.
fn parts_under_index(parts: &[TablePart]) -> TokenStream {
    let mut places: BTreeMap<(usize, usize), u64> = BTreeMap::new();
    for (index, part) in parts.iter().enumerate() {
        for (depth, token) in part.path.iter().enumerate() {
            if let Some(at) = array_index(token) {
                *places.entry((depth, at)).or_default() |= 1 << index;
            }
        }
    }
    let arms = places
        .iter()
        .map(|((depth, at), mask)| quote! { (#depth, #at) => #mask, });
    let body = (!places.is_empty()).then(|| {
        quote! {
            match (depth, index) {
                #(#arms)*
                _ => 0,
            }
        }
    });
    answering(
        quote!(parts_under_index),
        quote!(index),
        quote!(::core::primitive::usize),
        body,
    )
}

/// `fn name(depth, second: ty) -> u64` answering `body`, or 0 where no part has a token of
/// its kind: a `match` of `_` alone would be linted in the user's crate.
fn answering(
    name: TokenStream,
    second: TokenStream,
    ty: TokenStream,
    body: Option<TokenStream>,
) -> TokenStream {
    let (depth, second, body) = match body {
        Some(body) => (quote!(depth), second, body),
        None => (quote!(_), quote!(_), quote!(0)),
    };
    quote! {
        #[inline]
        fn #name(
            #depth: ::core::primitive::usize,
            #second: #ty,
        ) -> ::core::primitive::u64 {
            #body
        }
    }
}

#[cfg(test)]
mod tests {
    use errspec_vocab::Role;

    use super::{mask_of, walk_answers};
    use crate::runtime_tables::TablePart;

    fn part(path: &[&str]) -> TablePart {
        TablePart {
            path: path.iter().map(|token| (*token).to_owned()).collect(),
            role: Role::Message,
            rank: 0,
            group: 0,
        }
    }

    #[test]
    fn each_level_matches_its_keys_and_indices() {
        let parts = [
            part(&["error", "code"]),
            part(&["error", "message"]),
            part(&["0"]),
        ];
        let generated = walk_answers(&parts).to_string();
        assert!(generated.contains("\"error\" => 3u64"), "{generated}");
        assert!(generated.contains("\"code\" => 1u64"), "{generated}");
        assert!(
            generated.contains("(0usize , 0usize) => 4u64"),
            "{generated}"
        );
        assert!(
            generated.contains("= & [0u64 , 4u64 , 3u64]"),
            "{generated}"
        );
        assert_eq!(mask_of(&parts, |part| part.path.len() == 2), 3);
    }
}
