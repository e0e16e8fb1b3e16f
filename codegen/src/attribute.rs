//! The attribute form's input: `#[errspec::spec("acme.toml", code = "AcmeCode")]` on an
//! empty enum. Every misuse is one error on the tokens at fault, all of them collected; the
//! declaration is kept as far as it is known, so that the user's other code sees the types.

use proc_macro2::{Span, TokenStream};
use quote::format_ident;
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, LitStr};

use crate::expand::{Declaration, Form};

const USAGE: &str = "such as #[errspec::spec(\"acme.toml\")]";

/// The attribute's arguments: the spec's path, then `code = "Name"` and `crate = "path"` in
/// any order.
pub(crate) struct Arguments {
    /// The spec file, as written.
    pub path: LitStr,
    /// The code enum's name, when the user chose it.
    pub code: Option<syn::Ident>,
    /// The runtime crate's path, when the user gave it.
    pub krate: Option<syn::Path>,
    /// What is wrong with the arguments after the path, which are then left out.
    pub misuse: Errors,
}

impl Parse for Arguments {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(syn::Error::new(
                Span::call_site(),
                format!("#[errspec::spec] needs the spec's path, {USAGE}"),
            ));
        }
        let path = crate::spec_path(input, USAGE)?;
        let mut arguments = Arguments {
            path,
            code: None,
            krate: None,
            misuse: Errors(None),
        };
        while !input.is_empty() {
            input.parse::<syn::Token![,]>()?;
            if input.is_empty() {
                break;
            }
            if let Err(error) = arguments.named(input) {
                arguments.misuse.push(error);
                // On to the next argument.
                while !input.is_empty() && !input.peek(syn::Token![,]) {
                    input.parse::<proc_macro2::TokenTree>()?;
                }
            }
        }
        Ok(arguments)
    }
}

impl Arguments {
    /// One `name = "value"` argument.
    fn named(&mut self, input: ParseStream) -> syn::Result<()> {
        let name: syn::Ident = input.call(syn::ext::IdentExt::parse_any)?;
        input.parse::<syn::Token![=]>()?;
        let value: LitStr = input.parse().map_err(|error| {
            syn::Error::new(
                error.span(),
                format!("`{name}` takes a string literal, such as {name} = \"...\""),
            )
        })?;
        let repeated = || syn::Error::new(name.span(), format!("`{name}` is given twice"));
        match name.to_string().as_str() {
            "code" => {
                if self.code.is_some() {
                    return Err(repeated());
                }
                let ident = value.parse::<syn::Ident>().map_err(|_| {
                    syn::Error::new(
                        value.span(),
                        format!(
                            "`code` names the code enum, a Rust identifier such as code = \"AcmeCode\", not `{}`",
                            value.value()
                        ),
                    )
                })?;
                self.code = Some(syn::Ident::new(&ident.to_string(), value.span()));
            }
            "crate" => {
                if self.krate.is_some() {
                    return Err(repeated());
                }
                let path = value.parse::<syn::Path>().map_err(|_| {
                    syn::Error::new(
                        value.span(),
                        "`crate` is the path errspec is reached by, such as crate = \"::errspec\"",
                    )
                })?;
                self.krate = Some(path);
            }
            _ => {
                return Err(syn::Error::new(
                    name.span(),
                    format!("unknown argument `{name}`: #[errspec::spec] takes the spec's path, then `code = \"Name\"` (the code enum's name) or `crate = \"path\"` (errspec's path)"),
                ))
            }
        }
        Ok(())
    }
}

/// The declaration the user's item makes, and what is wrong with the item. `None` when the
/// item is not a type at all.
pub(crate) fn declaration(
    arguments: &Arguments,
    item: TokenStream,
) -> Result<(Declaration, Option<syn::Error>), syn::Error> {
    let item: DeriveInput = syn::parse2(item).map_err(|error| {
        syn::Error::new(
            error.span(),
            "#[errspec::spec] goes on an empty enum, such as `pub enum AcmeError {}`",
        )
    })?;
    let mut errors = Errors(arguments.misuse.0.clone());
    check_is_enum(&item, &mut errors);
    check_no_generics(&item, &mut errors);
    check_empty_body(&item, &mut errors);
    let mut code = arguments
        .code
        .clone()
        .unwrap_or_else(|| default_code_name(&item.ident));
    check_names(&item.ident, &code, arguments.code.is_some(), &mut errors);
    // After a mistake in the code enum's name, one that compiles: the user sees only that.
    if code == item.ident || RESERVED.contains(&code.to_string().as_str()) {
        code = format_ident!("{}Code", item.ident, span = code.span());
    }
    let declaration = Declaration {
        error: item.ident,
        code,
        vis: item.vis,
        attrs: item.attrs,
        form: Form::Attribute,
    };
    Ok((declaration, errors.0))
}

/// Errors collected, each with its own position.
pub(crate) struct Errors(pub Option<syn::Error>);

impl Errors {
    fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(first) => first.combine(error),
            None => self.0 = Some(error),
        }
    }
}

/// The variants come from the spec, which declares an enum.
fn check_is_enum(item: &DeriveInput, errors: &mut Errors) {
    let keyword = match &item.data {
        Data::Enum(_) => return,
        Data::Struct(data) => data.struct_token.span(),
        Data::Union(data) => data.union_token.span(),
    };
    errors.push(syn::Error::new(
        keyword,
        format!(
            "#[errspec::spec] goes on an empty enum, not a {}: write `enum {} {{}}`",
            if matches!(item.data, Data::Struct(_)) {
                "struct"
            } else {
                "union"
            },
            item.ident
        ),
    ));
}

/// Every variant holds strings the decoder owns: there is nothing for a parameter to be.
fn check_no_generics(item: &DeriveInput, errors: &mut Errors) {
    let generics = &item.generics;
    if generics.params.is_empty() && generics.where_clause.is_none() {
        return;
    }
    let span = if generics.params.is_empty() {
        generics.where_clause.span()
    } else {
        generics.span()
    };
    errors.push(syn::Error::new(
        span,
        "the enum takes no generic parameters or where clause: its variants come from the spec",
    ));
}

/// The spec is the one list of variants: one written here would be a second.
fn check_empty_body(item: &DeriveInput, errors: &mut Errors) {
    let Data::Enum(data) = &item.data else {
        return;
    };
    if let Some(first) = data.variants.first() {
        errors.push(syn::Error::new(
            first.span(),
            format!(
                "the enum's body must be empty: its variants come from the spec (remove the {} written here)",
                if data.variants.len() == 1 { "variant".to_owned() } else { format!("{} variants", data.variants.len()) }
            ),
        ));
    }
}

/// Two types of one name do not compile, and generated code imports names into its own scope
/// ([`RESERVED`]) where an enum of one of those names would be shadowed.
fn check_names(error: &syn::Ident, code: &syn::Ident, code_given: bool, errors: &mut Errors) {
    if error == code {
        let span = if code_given {
            code.span()
        } else {
            error.span()
        };
        errors.push(syn::Error::new(
            span,
            format!("the code enum cannot be named `{code}` like the error enum: give it another name with code = \"...\""),
        ));
    }
    for name in [error, code] {
        if RESERVED.contains(&name.to_string().as_str()) {
            errors.push(syn::Error::new(
                name.span(),
                format!("`{name}` is a name generated code uses (a type of Rust's prelude, a primitive or a helper of its own): choose another name"),
            ));
        }
    }
}

/// The names generated code imports into its scope beside the user's enum, where an enum of one
/// of those names would be shadowed: the types and traits of Rust's 2021 prelude, the
/// primitives, and the helpers' own items.
pub(crate) const RESERVED: &[&str] = &[
    // The prelude's types, traits and variants.
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "ToOwned",
    "ToString",
    "Clone",
    "Copy",
    "Default",
    "Drop",
    "Eq",
    "PartialEq",
    "Ord",
    "PartialOrd",
    "Iterator",
    "IntoIterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "Extend",
    "FromIterator",
    "From",
    "Into",
    "TryFrom",
    "TryInto",
    "AsRef",
    "AsMut",
    "Fn",
    "FnMut",
    "FnOnce",
    "AsyncFn",
    "AsyncFnMut",
    "AsyncFnOnce",
    "Send",
    "Sync",
    "Sized",
    "Unpin",
    // The primitives.
    "bool",
    "char",
    "str",
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "f32",
    "f64",
    // The helpers' items.
    "KnownEnvelope",
    "SPEC",
    "ENTRIES",
    "__rt",
];

/// The code enum named after the error enum: `GitHubError` gives `GitHubCode`, `GitHub` gives
/// `GitHubCode`, as the function form names its pair.
fn default_code_name(error: &syn::Ident) -> syn::Ident {
    let name = error.to_string();
    let stem = name
        .strip_suffix("Error")
        .filter(|stem| !stem.is_empty())
        .unwrap_or(&name);
    format_ident!("{stem}Code", span = error.span())
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn arguments(tokens: TokenStream) -> syn::Result<Arguments> {
        syn::parse2(tokens)
    }

    #[test]
    fn the_code_enum_is_named_after_the_error_enum() {
        let name = |text: &str| default_code_name(&format_ident!("{text}")).to_string();
        assert_eq!(name("GitHubError"), "GitHubCode");
        assert_eq!(name("GitHub"), "GitHubCode");
        assert_eq!(name("Error"), "ErrorCode");
        assert_eq!(name("GitHubErrors"), "GitHubErrorsCode");
    }

    #[test]
    fn arguments_are_the_path_then_code_and_crate_in_any_order() {
        let parsed = arguments(quote!("github.toml", crate = "::es", code = "Codes")).unwrap();
        assert_eq!(parsed.path.value(), "github.toml");
        assert_eq!(parsed.code.unwrap().to_string(), "Codes");
        let krate = parsed.krate.unwrap();
        assert_eq!(quote!(#krate).to_string(), ":: es");
        assert!(arguments(quote!("github.toml",)).is_ok());
    }

    #[test]
    fn a_bad_argument_says_what_the_attribute_takes() {
        let message = |tokens| {
            let parsed = arguments(tokens).unwrap();
            assert_eq!(parsed.path.value(), "a.toml");
            parsed.misuse.0.unwrap().to_string()
        };
        assert!(arguments(quote!())
            .err()
            .unwrap()
            .to_string()
            .contains("needs the spec's path"));
        assert!(message(quote!("a.toml", code = "not an ident")).contains("a Rust identifier"));
        assert!(message(quote!("a.toml", code = Codes)).contains("takes a string literal"));
        assert!(message(quote!("a.toml", codes = "X")).starts_with("unknown argument `codes`"));
        assert!(message(quote!("a.toml", code = "A", code = "B")).contains("given twice"));
        // The arguments after a bad one are still read.
        let parsed = arguments(quote!("a.toml", codes = "X" "Y", code = "Codes")).unwrap();
        assert_eq!(parsed.code.unwrap().to_string(), "Codes");
    }

    #[test]
    fn every_misuse_of_the_item_is_reported_at_once() {
        let args = arguments(quote!("a.toml")).unwrap();
        let (declaration, errors) = declaration(
            &args,
            quote!(
                pub(crate) enum Option<T> {
                    A(T),
                }
            ),
        )
        .unwrap();
        assert_eq!(declaration.error.to_string(), "Option");
        assert_eq!(declaration.code.to_string(), "OptionCode");
        let messages: Vec<String> = errors.unwrap().into_iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].starts_with("the enum takes no generic"));
        assert!(messages[1].starts_with("the enum's body must be empty"));
        assert!(messages[2].starts_with("`Option` is a name generated code uses"));
    }

    #[test]
    fn a_struct_is_refused_but_keeps_its_name() {
        let args = arguments(quote!("a.toml", code = "AcmeError")).unwrap();
        let (declaration, errors) = declaration(
            &args,
            quote!(
                struct AcmeError;
            ),
        )
        .unwrap();
        assert_eq!(declaration.error.to_string(), "AcmeError");
        let messages: Vec<String> = errors.unwrap().into_iter().map(|e| e.to_string()).collect();
        assert!(messages[0].contains("not a struct"), "{messages:?}");
        assert!(messages[1].contains("like the error enum"), "{messages:?}");
        assert!(declaration_of(quote!(
            fn f() {}
        ))
        .is_err());
    }

    fn declaration_of(item: TokenStream) -> syn::Result<(Declaration, Option<syn::Error>)> {
        declaration(&arguments(quote!("a.toml")).unwrap(), item)
    }
}
