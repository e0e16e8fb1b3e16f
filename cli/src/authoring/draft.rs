//! A spec being written by `errspec import` or `errspec infer`: what they found, with a
//! comment on every guess, written out as a TOML spec that `errspec check` accepts.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// A spec to write.
#[derive(Debug, Default)]
pub struct Draft {
    /// `[api] name`.
    pub name: String,
    /// `[api] title`.
    pub title: Option<String>,
    /// Comments written at the top: where the spec came from and what was guessed.
    pub notes: Vec<String>,
    /// `[envelope]`, the first shape.
    pub envelope: Envelope,
    /// The shapes after the first: with any, every shape is written as `[[envelope]]`.
    pub other_shapes: Vec<Envelope>,
    /// `[envelope.headers] request_id`: the header of the request id.
    pub request_id_header: Option<String>,
    /// `[[error]]`, in order.
    pub errors: Vec<Error>,
    /// `[fallback.missing]`: status to variant, for bodies without a readable code.
    pub fallback_missing: Vec<(u16, String)>,
    /// `[fallback]`: key (a status, `4xx`, `default`) to variant, for bodies without a
    /// readable or documented code.
    pub fallback: Vec<(String, String)>,
}

/// Where an error sits, as pointers, each with why it was chosen.
#[derive(Debug, Default)]
pub struct Envelope {
    /// `error` (one object) or `errors` (an array of them), and its pointer.
    pub at: Option<(At, String)>,
    /// The code's pointers, the most specific first.
    pub code: Vec<String>,
    /// The message's pointers, tried in order.
    pub message: Vec<String>,
    /// The status inside the error, and whether it is written as a string.
    pub status: Option<(String, bool)>,
    /// Where the body holds the request id, from its root.
    pub request_id: Option<String>,
    /// `[envelope.fields]`: name and pointer.
    pub fields: Vec<(String, String)>,
    /// `[[envelope.inner]]`.
    pub inner: Vec<Inner>,
    /// Comments for the envelope: why each pointer.
    pub notes: Vec<String>,
}

/// One `[[envelope.inner]]`: errors nested in each error.
#[derive(Debug, Default)]
pub struct Inner {
    /// Where they sit, relative to the error.
    pub at: String,
    /// Their code's pointers.
    pub code: Vec<String>,
    /// Their message's pointers.
    pub message: Vec<String>,
    /// Their fields: name and pointer.
    pub fields: Vec<(String, String)>,
    /// Comments: why.
    pub notes: Vec<String>,
}

/// Where the errors of a body sit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum At {
    /// One error object.
    Error,
    /// An array of error objects.
    Errors,
}

/// One `[[error]]`.
#[derive(Debug, Default, Clone)]
pub struct Error {
    /// The wire code; `None` for an entry chosen by status.
    pub code: Option<String>,
    /// The variant name.
    pub variant: String,
    /// The documented status.
    pub status: Option<u16>,
    /// The message template.
    pub message: Option<String>,
    /// What it means.
    pub description: Option<String>,
    /// Comments: what was seen or guessed.
    pub notes: Vec<String>,
}

/// The names given so far (variants, or one template's parameters), and after each name the
/// next number to try, so that the n-th `EError` of codes without letters is found in one step
/// rather than n.
#[derive(Debug, Default)]
pub struct Names {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl FromIterator<String> for Names {
    fn from_iter<I: IntoIterator<Item = String>>(names: I) -> Self {
        Names {
            taken: names.into_iter().collect(),
            next: HashMap::new(),
        }
    }
}

impl Names {
    /// Whether `name` is given.
    #[must_use]
    pub fn contains(&self, name: &str) -> bool {
        self.taken.contains(name)
    }

    /// `name` where it is new, else `name` followed by the first number from 2 that makes it
    /// new; taken from now on.
    pub fn unique(&mut self, name: String) -> String {
        if self.taken.insert(name.clone()) {
            return name;
        }
        // Names are never given back, so the numbers below `next` stay taken.
        let next = self.next.entry(name.clone()).or_insert(2);
        loop {
            let numbered = format!("{name}{next}");
            *next += 1;
            if self.taken.insert(numbered.clone()) {
                return numbered;
            }
        }
    }
}

/// A variant name for `text` (a wire code, a status reason): `UpperCamelCase`, starting with a
/// letter, not yet in `taken` (a number is added when it is).
pub fn variant_name(text: &str, taken: &mut Names) -> String {
    let mut name = text.to_upper_camel_case();
    name.retain(|c| c.is_ascii_alphanumeric());
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name.insert(0, 'E');
    }
    if name == "E" || errspec_codegen::check_type_name(&name).is_err() {
        name.push_str("Error");
    }
    taken.unique(name)
}

/// The variant of a status-only entry for `status`: its reason phrase (`NotFound`).
pub fn status_variant(status: u16, taken: &mut Names) -> String {
    let reason = errspec::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .map_or_else(|| format!("Status {status}"), str::to_owned);
    variant_name(&reason, taken)
}

/// The pointer of the member `key`: `/` and `~` escaped.
#[must_use]
pub fn key_pointer(key: &str) -> String {
    format!("/{}", key.replace('~', "~0").replace('/', "~1"))
}

/// A field name for a key of the body: snake case, made a usable Rust name where it is not
/// (`code` is the variant's own, so a field of that key is `code_value`).
#[must_use]
pub fn field_name(key: &str) -> String {
    let mut name: String = key
        .to_snake_case()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "field_");
    }
    if errspec_codegen::check_field_name(&name).is_err()
        || errspec_codegen::model::RESERVED_FIELDS.contains(&name.as_str())
    {
        name.push_str("_value");
    }
    name
}

/// Whether `text` reads as a code rather than a sentence or an id: a word of letters, digits,
/// `_`, `.` or `-` with a letter in it, not a UUID.
#[must_use]
pub fn looks_like_code(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_alphabetic())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
        && !(text.len() == 36 && text.matches('-').count() == 4)
}

/// Words a template parameter is not named after.
const SMALL_WORDS: &[&str] = &[
    "of", "the", "a", "an", "to", "for", "in", "on", "at", "by", "with", "is", "was", "from",
    "and", "or",
];

/// A template parameter's name for a value that follows `before` (the message's words before
/// it): the last word that is not a small one (`ID 42` gives `id`), made a field name, not one
/// of `taken`.
pub fn parameter_name(before: &[&str], taken: &mut Names) -> String {
    let word = before
        .iter()
        .rev()
        .find(|word| !SMALL_WORDS.contains(&word.to_ascii_lowercase().as_str()))
        .map(|word| {
            word.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|word| word.starts_with(|c: char| c.is_ascii_alphabetic()))
        .unwrap_or_else(|| "value".to_owned());
    let name = field_name(&word);
    taken.unique(name)
}

/// A template for one example message: the words that hold an id or a number (a digit among at
/// least four characters: `c2ada9df5af8`, `'cus_NffrFeUfNV2Hib'`, `128000`) become parameters,
/// the quotes and punctuation around them literal, so that the entry matches the same error
/// about another resource.
#[must_use]
pub fn message_template(message: &str) -> String {
    let words: Vec<&str> = message.split(' ').collect();
    let mut taken = Names::default();
    let mut out = Vec::with_capacity(words.len());
    for (position, word) in words.iter().enumerate() {
        let start = word
            .find(|c: char| c.is_alphanumeric() || c == '_')
            .unwrap_or(word.len());
        let end = word
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric() || *c == '_')
            .map_or(start, |(index, c)| index + c.len_utf8())
            .max(start);
        let core = &word[start..end];
        if core.chars().count() >= 4 && core.chars().any(|c| c.is_ascii_digit()) {
            let name = parameter_name(&words[..position], &mut taken);
            out.push(format!(
                "{}{{{name}}}{}",
                literal(&word[..start]),
                literal(&word[end..])
            ));
        } else {
            out.push(literal(word));
        }
    }
    out.join(" ")
}

/// The variant of an entry told apart by its message: named after its first words that are
/// not values.
pub fn message_variant(message: &str, taken: &mut Names) -> String {
    let words: Vec<&str> = message
        .split_whitespace()
        .filter(|word| !word.chars().any(|c| c.is_ascii_digit()))
        .take(6)
        .collect();
    variant_name(&words.join(" "), taken)
}

/// `template` with each parameter named in `fields` renamed (`_param` added, then a number
/// until it is new); `{{` and `}}` are literal braces.
fn renamed_parameters(template: &str, fields: &HashSet<String>) -> String {
    let mut names: HashSet<String> = HashSet::new();
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if let Some(literal) = after.strip_prefix('{') {
            out.push_str("{{");
            rest = literal;
            continue;
        }
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        let mut renamed = name.to_owned();
        if fields.contains(name) {
            renamed = format!("{name}_param");
            let mut next = 2;
            while fields.contains(&renamed) || names.contains(&renamed) {
                renamed = format!("{name}_param{next}");
                next += 1;
            }
        }
        names.insert(renamed.clone());
        out.push('{');
        out.push_str(&renamed);
        out.push('}');
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// `text` as a TOML basic string.
fn quote(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// Names in code spans, separated by commas: `` `a`, `b` ``.
pub fn backticked<T: std::fmt::Display>(names: impl IntoIterator<Item = T>) -> String {
    names
        .into_iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `text` as a template literal: braces doubled.
#[must_use]
pub fn literal(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// `key = "pointer"`, or a list of them, or nothing.
fn pointers(out: &mut String, key: &str, pointers: &[String]) {
    match pointers {
        [] => {}
        [only] => {
            let _ = writeln!(out, "{key} = {}", quote(only));
        }
        several => {
            let several: Vec<String> = several.iter().map(|pointer| quote(pointer)).collect();
            let _ = writeln!(out, "{key} = [{}]", several.join(", "));
        }
    }
}

fn fields(out: &mut String, table: &str, fields: &[(String, String)]) {
    if fields.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n[{table}]");
    for (name, pointer) in fields {
        let _ = writeln!(out, "{name} = {}", quote(pointer));
    }
}

impl Envelope {
    fn write(&self, out: &mut String) {
        comments(out, &self.notes);
        match &self.at {
            Some((At::Error, at)) if !at.is_empty() => {
                let _ = writeln!(out, "error = {}", quote(at));
            }
            Some((At::Errors, at)) => {
                let _ = writeln!(out, "errors = {}", quote(at));
            }
            _ => {}
        }
        pointers(out, "code", &self.code);
        pointers(out, "message", &self.message);
        if let Some((status, as_string)) = &self.status {
            let _ = writeln!(out, "status = {}", quote(status));
            if *as_string {
                out.push_str("status_format = \"string\"\n");
            }
        }
        if let Some(request_id) = &self.request_id {
            let _ = writeln!(out, "request_id = {}", quote(request_id));
        }
        fields(out, "envelope.fields", &self.fields);
        for inner in &self.inner {
            out.push('\n');
            comments(out, &inner.notes);
            out.push_str("[[envelope.inner]]\n");
            let _ = writeln!(out, "at = {}", quote(&inner.at));
            pointers(out, "code", &inner.code);
            pointers(out, "message", &inner.message);
            fields(out, "envelope.inner.fields", &inner.fields);
        }
    }
}

fn comments(out: &mut String, notes: &[String]) {
    for note in notes {
        for line in note.lines() {
            let _ = writeln!(out, "# {line}");
        }
    }
}

impl Draft {
    /// Renames each template parameter that has the name of a field every variant has (a
    /// shape's or a nested group's), which `check` refuses: `{id}` becomes `{id_param}`.
    pub fn rename_clashing_parameters(&mut self) {
        let fields: HashSet<String> = std::iter::once(&self.envelope)
            .chain(&self.other_shapes)
            .flat_map(|envelope| {
                envelope
                    .fields
                    .iter()
                    .chain(envelope.inner.iter().flat_map(|inner| &inner.fields))
            })
            .map(|(name, _)| name.clone())
            .collect();
        if fields.is_empty() {
            return;
        }
        for error in &mut self.errors {
            if let Some(template) = &mut error.message {
                *template = renamed_parameters(template, &fields);
            }
        }
    }

    /// The spec as TOML.
    #[must_use]
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        comments(&mut out, &self.notes);
        out.push_str("\n[api]\n");
        let _ = writeln!(out, "name = {}", quote(&self.name));
        if let Some(title) = &self.title {
            let _ = writeln!(out, "title = {}", quote(title));
        }
        let several = !self.other_shapes.is_empty();
        for (index, envelope) in std::iter::once(&self.envelope)
            .chain(&self.other_shapes)
            .enumerate()
        {
            out.push_str(if several {
                "\n[[envelope]]\n"
            } else {
                "\n[envelope]\n"
            });
            envelope.write(&mut out);
            if index == 0 {
                if let Some(request_id) = &self.request_id_header {
                    out.push_str("\n[envelope.headers]\n");
                    let _ = writeln!(out, "request_id = {}", quote(request_id));
                }
            }
        }
        for error in &self.errors {
            out.push('\n');
            comments(&mut out, &error.notes);
            out.push_str("[[error]]\n");
            if let Some(code) = &error.code {
                let _ = writeln!(out, "code = {}", quote(code));
            }
            let _ = writeln!(out, "variant = {}", quote(&error.variant));
            if let Some(status) = error.status {
                let _ = writeln!(out, "status = {status}");
            }
            if let Some(message) = &error.message {
                let _ = writeln!(out, "message = {}", quote(message));
            }
            if let Some(description) = &error.description {
                let _ = writeln!(out, "description = {}", quote(description));
            }
        }
        if !self.fallback.is_empty() {
            out.push_str("\n# Bodies without a readable or documented code.\n[fallback]\n");
            for (key, variant) in &self.fallback {
                let key = if key.parse::<u16>().is_ok() {
                    key.clone()
                } else {
                    quote(key)
                };
                let _ = writeln!(out, "{key} = {}", quote(variant));
            }
        }
        if !self.fallback_missing.is_empty() {
            out.push_str("\n# Bodies without a readable code (empty, an HTML page, JSON of another shape).\n");
            out.push_str("[fallback.missing]\n");
            for (status, variant) in &self.fallback_missing {
                let _ = writeln!(out, "{status} = {}", quote(variant));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::{
        literal, message_template, renamed_parameters, status_variant, variant_name, Names,
    };

    #[test]
    fn ids_in_an_example_message_are_parameters_and_fields_keep_their_names() {
        let template = message_template("Container c2ada9df5af8 is not running: see {docs}.");
        assert_eq!(
            template,
            "Container {container} is not running: see {{docs}}."
        );
        let fields: HashSet<String> = ["container".to_owned()].into();
        assert_eq!(
            renamed_parameters(&template, &fields),
            "Container {container_param} is not running: see {{docs}}."
        );
    }

    #[test]
    fn variant_names_are_identifiers_and_unique() {
        let mut taken = Names::default();
        assert_eq!(variant_name("ITG-0A001", &mut taken), "Itg0a001");
        assert_eq!(variant_name("not_found", &mut taken), "NotFound");
        assert_eq!(status_variant(404, &mut taken), "NotFound2");
        assert_eq!(variant_name("1001", &mut taken), "E1001");
        assert_eq!(variant_name("unknown", &mut taken), "UnknownError");
        assert_eq!(status_variant(599, &mut taken), "Status599");
    }

    #[test]
    fn template_literals_double_their_braces() {
        assert_eq!(literal("a {b} c"), "a {{b}} c");
    }
}
