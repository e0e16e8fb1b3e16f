//! Rules for the Rust names a spec chooses or derives.

use heck::ToUpperCamelCase;

/// Words that cannot name a Rust item or field (strict and reserved keywords).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Whether `name` is a Rust keyword.
#[must_use]
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// Why `name` cannot be a variant or type-prefix name, if it cannot.
///
/// # Errors
/// The reason, phrased to follow the name in a sentence.
pub fn check_type_name(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    match chars.next() {
        None => return Err("is empty".into()),
        Some(first) if !first.is_ascii_uppercase() => {
            return Err("must start with an ASCII capital letter".into())
        }
        Some(_) => {}
    }
    if !chars.all(|c| c.is_ascii_alphanumeric()) {
        return Err("may only hold ASCII letters and digits (UpperCamelCase)".into());
    }
    if is_keyword(name) {
        return Err("is a Rust keyword".into());
    }
    if name == "Unknown" {
        return Err("is taken by the variant for undocumented codes".into());
    }
    Ok(())
}

/// The items generated on a code type beside its variants, whose names a variant may not take.
pub const GENERATED_ITEMS: &[&str] = &["ALL"];

/// Why `name` cannot name a variant, if it cannot: [`check_type_name`]'s reasons, and the
/// names of the items generated beside the variants (`AcmeCode::ALL`).
///
/// # Errors
/// The reason, phrased to follow the name in a sentence.
pub fn check_variant_name(name: &str) -> Result<(), String> {
    check_type_name(name)?;
    if GENERATED_ITEMS.contains(&name) {
        return Err(format!(
            "is taken by the generated `{name}` constant of the code type"
        ));
    }
    Ok(())
}

/// Why `name` cannot be a field or parameter name, if it cannot.
///
/// # Errors
/// The reason, phrased to follow the name in a sentence.
pub fn check_field_name(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    match chars.next() {
        None => return Err("is empty".into()),
        Some(first) if !(first.is_ascii_lowercase() || first == '_') => {
            return Err("is not a Rust identifier in snake_case".into())
        }
        Some(_) => {}
    }
    if !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        return Err("is not a Rust identifier in snake_case".into());
    }
    if name == "_" || name.starts_with("__") {
        return Err("is not a usable field name".into());
    }
    if is_keyword(name) {
        return Err("is a Rust keyword".into());
    }
    Ok(())
}

/// The variant name derived from a wire code: the code without `strip_prefix`, in
/// UpperCamelCase. Characters that cannot appear in an identifier separate words.
#[must_use]
pub fn derive_variant(code: &str, strip_prefix: Option<&str>) -> String {
    let code = strip_prefix
        .and_then(|prefix| code.strip_prefix(prefix))
        .unwrap_or(code);
    let words: String = code
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    words.to_upper_camel_case()
}

#[cfg(test)]
mod tests {
    use super::{check_field_name, check_type_name, check_variant_name, derive_variant};

    #[test]
    fn derives_variant_names_from_codes() {
        assert_eq!(
            derive_variant("ERROR_SESSION_TOKEN_INVALID", Some("ERROR_")),
            "SessionTokenInvalid"
        );
        assert_eq!(derive_variant("too_many_requests", None), "TooManyRequests");
        assert_eq!(
            derive_variant("INVALID_FIELD_VALUE", None),
            "InvalidFieldValue"
        );
        assert_eq!(
            derive_variant("economic.agreementGrantToken", None),
            "EconomicAgreementGrantToken"
        );
        assert_eq!(derive_variant("ERROR_", Some("ERROR_")), "");
    }

    #[test]
    fn rejects_names_rust_cannot_use() {
        assert!(check_type_name("Taken").is_ok());
        assert!(check_type_name("taken").is_err());
        assert!(check_type_name("Self").is_err());
        assert!(check_type_name("Unknown").is_err());
        assert!(check_type_name("ALL").is_ok());
        assert!(check_variant_name("ALL").is_err());
        assert!(check_variant_name("All").is_ok());
        assert!(check_type_name("Not-Found").is_err());
        assert!(check_field_name("stack_trace").is_ok());
        assert!(check_field_name("type").is_err());
        assert!(check_field_name("Id").is_err());
        assert!(check_field_name("1d").is_err());
    }
}
