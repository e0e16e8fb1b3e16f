//! From spec text to a validated [`Spec`], every mistake collected before any is reported:
//! `syntax` positions TOML's own errors, `sections` checks each table of the file and lowers
//! it to the model (one `check_*` function per rule), `cross` applies the rules that span
//! entries (unique variants, shared codes, fallbacks). Their helpers: `reader` (typed reads of
//! TOML values with positions), `names` (identifiers), `template` (message templates).

mod cross;
pub(crate) mod names;
pub(crate) mod reader;
mod sections;
mod syntax;
pub(crate) mod template;

use core::ops::Range;

use errspec_vocab::{BodyFormat, StatusFormat};
use toml::de::DeTable;

use crate::check::reader::Reader;
use crate::diagnostic::Diagnostic;
use crate::model::{Envelope, ErrorEntry, Headers, Spec};
use syntax::syntax_diagnostic;

const TOP_KEYS: &[&str] = &["api", "envelope", "error", "fallback", "kinds"];
const API_KEYS: &[&str] = &["name", "title", "docs", "strip_prefix", "rate_limit_window"];
const ENVELOPE_KEYS: &[&str] = &[
    "format",
    "error",
    "errors",
    "code",
    "code_before",
    "code_after",
    "message",
    "status",
    "status_format",
    "retry_after",
    "request_id",
    "fields",
    "multiple",
    "batch",
    "inner",
    "error_if",
    "headers",
    "content_type",
    "results",
    "index",
];
/// How many shapes a spec may list: each may cost a walk of the body.
const MAX_SHAPES: usize = 16;
const HEADERS_KEYS: &[&str] = &[
    "code",
    "code_first",
    "request_id",
    "should_retry",
    "retry_after",
    "fields",
];
const HEADER_FIELD_KEYS: &[&str] = &["header", "before", "after"];
const ERROR_IF_KEYS: &[&str] = &["at", "is"];
const INNER_KEYS: &[&str] = &[
    "at",
    "code",
    "message",
    "status",
    "fields",
    "key",
    "index",
    "no_error",
    "replaces",
    "recursive",
    "fallback",
];
const MULTIPLE_KEYS: &[&str] = &["code", "inner"];
const BATCH_KEYS: &[&str] = &["at", "id", "message", "bare"];
const ERROR_KEYS: &[&str] = &[
    "code",
    "variant",
    "status",
    "kind",
    "retryable",
    "message",
    "description",
    "cause",
    "solution",
    "docs",
    "batch",
    "recovery",
    "body",
    "when",
];
const FALLBACK_KEYS: &[&str] = &["missing", "unknown"];

/// The tables a misplaced key may belong in, for help texts.
const HOMES: &[(&str, &[&str])] = &[
    ("`[api]`", API_KEYS),
    ("`[envelope]`", ENVELOPE_KEYS),
    ("an `[[error]]` table", ERROR_KEYS),
    ("`[fallback]`", FALLBACK_KEYS),
];

/// The most diagnostics reported for one spec; the rest are counted in a last one. A file
/// that is not a spec at all (binary data) would otherwise yield one per byte.
pub const MAX_DIAGNOSTICS: usize = 100;

/// The outcome of checking a spec: the model when it could be built (possibly partial: entries
/// with mistakes are left out so that the generated skeleton stays valid Rust) and every
/// mistake found.
#[derive(Debug)]
pub struct Checked {
    /// The spec as far as it is valid; `None` when not even its name could be read. With
    /// diagnostics, it is a skeleton: enough to generate types that compile, not a spec to
    /// decode with.
    pub spec: Option<Spec>,
    /// Every mistake, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// The spec when it has no mistake at all.
    #[must_use]
    pub fn valid(&self) -> Option<&Spec> {
        self.spec.as_ref().filter(|_| self.diagnostics.is_empty())
    }
}

/// Parses and checks a spec's text. Never panics, whatever the text.
#[must_use]
pub fn check_spec(source: &str) -> Checked {
    check_with(source, Vec::new(), BodyFormat::ALL)
}

/// [`check_spec`], with `found` (mistakes found before parsing) among the diagnostics.
/// Only bodies in `formats` can be read: a spec in another is a mistake.
pub(crate) fn check_with(source: &str, found: Vec<Diagnostic>, formats: &[BodyFormat]) -> Checked {
    let (root, syntax_errors) = DeTable::parse_recoverable(source);
    let mut checker = Checker {
        reader: Reader::new(source),
        source,
        formats,
    };
    // After a syntax error the parser guesses what was meant: the skeleton is built from its
    // guess, but only the syntax errors are reported, since the rules would report guesses.
    let spec = checker.check_root(root.get_ref());
    let mut diagnostics = found;
    if syntax_errors.is_empty() {
        diagnostics.append(&mut checker.reader.diagnostics);
    } else {
        diagnostics.extend(
            syntax_errors
                .iter()
                .map(|error| syntax_diagnostic(error, root.get_ref(), source)),
        );
    }
    diagnostics.sort_by_key(|diagnostic| diagnostic.span.start);
    if diagnostics.len() > MAX_DIAGNOSTICS {
        let more = diagnostics.len() - MAX_DIAGNOSTICS;
        let next = diagnostics[MAX_DIAGNOSTICS].span.clone();
        diagnostics.truncate(MAX_DIAGNOSTICS);
        diagnostics.push(
            Diagnostic::new(
                next,
                format!("{more} more errors in this spec are not shown"),
            )
            .help("fix the errors above first; is this file a spec?"),
        );
    }
    Checked { spec, diagnostics }
}
struct Checker<'s> {
    reader: Reader<'s>,
    source: &'s str,
    /// The body formats the runtime reads: a spec in another is refused.
    formats: &'s [BodyFormat],
}

/// An entry before the cross-entry rules, with the spans they report at.
struct Draft {
    entry: ErrorEntry,
    span: Range<usize>,
    code_span: Option<Range<usize>>,
    /// The `variant` value, or the `code` value the name is derived from.
    variant_span: Range<usize>,
    derived: bool,
    template_span: Option<Range<usize>>,
    /// Whether the entry has a template with a mistake (left out of the skeleton).
    template_failed: bool,
    /// Whether the entry's `when` has a mistake (the key or value left out).
    when_failed: bool,
    /// The `body = "empty"` value, for the rule that `[fallback.missing]` chooses the entry.
    empty_body_span: Option<Range<usize>>,
}

/// What `[api]` says.
#[derive(Default)]
struct Api {
    name: Option<String>,
    title: Option<String>,
    docs: Option<String>,
    strip_prefix: Option<String>,
    rate_limit_window: Option<u64>,
}

impl Checker<'_> {
    fn check_root(&mut self, root: &DeTable<'_>) -> Option<Spec> {
        // An empty spec (or one of comments only) is one mistake, not one per missing table.
        if root.is_empty() {
            self.reader.push(
                Diagnostic::new(0..0, "the spec is empty")
                    .help("a spec needs `[api]` with `name = \"Acme\"`, `[envelope]` with `code = \"/code\"`, and an `[[error]]` table per documented error"),
            );
            return None;
        }
        self.allow_keys(root, TOP_KEYS, "the spec");
        let api = self.check_api(root);
        let shapes = self.check_envelopes(root);
        let envelope = shapes.first().map(|(envelope, _)| envelope);
        let drafts = self.check_errors(root, api.strip_prefix.as_deref(), envelope);
        let drafts = self.check_unique_variants(drafts);
        let drafts = self.check_entry_count(drafts);
        self.check_codes_are_read(&shapes, &drafts);
        self.check_codes_survive_the_cut(&shapes, &drafts);
        self.check_shared_codes(&drafts);
        self.check_message_only_templates(&drafts);
        let empty_bodies: Vec<(usize, Range<usize>)> = drafts
            .iter()
            .enumerate()
            .filter_map(|(index, draft)| Some((index, draft.empty_body_span.clone()?)))
            .collect();
        let mut errors: Vec<ErrorEntry> = drafts.into_iter().map(|draft| draft.entry).collect();
        let kinds = self.check_kinds(root, &mut errors);
        let mut shapes = shapes.into_iter().map(|(envelope, table)| {
            let envelope = self.check_multiple_code(envelope, table, &errors);
            self.check_inner_fallbacks(envelope, table, &errors)
        });
        let envelope = shapes.next();
        let other_shapes: Vec<Envelope> = shapes.collect();
        let (fallback_missing, fallback_unknown) = self.check_fallbacks(root, &errors);
        self.check_empty_bodies(&empty_bodies, &errors, &fallback_missing);
        Some(Spec {
            name: api.name?,
            title: api.title,
            docs: api.docs,
            rate_limit_window: api.rate_limit_window,
            // Without an envelope, the skeleton still needs one; it decodes nothing.
            envelope: envelope.unwrap_or_else(|| Envelope {
                format: BodyFormat::Json,
                at: String::new(),
                many: false,
                code: None,
                code_before: None,
                code_after: None,
                message: None,
                status: None,
                status_format: StatusFormat::Number,
                retry_after: None,
                fields: Vec::new(),
                inner: Vec::new(),
                multiple: None,
                batch: None,
                error_if: None,
                headers: Headers::default(),
                content_types: Vec::new(),
                request_id: None,
                results: false,
                index: None,
            }),
            other_shapes,
            errors,
            fallback_missing,
            fallback_unknown,
            kinds,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::check_spec;
    use crate::bundled::BUNDLED;
    use errspec_vocab::FallbackKey;

    fn messages(source: &str) -> Vec<String> {
        check_spec(source)
            .diagnostics
            .iter()
            .map(|diagnostic| diagnostic.render("acme.toml", source).to_string())
            .collect()
    }

    const HEAD: &str =
        "[api]\nname = \"Acme\"\n\n[envelope]\ncode = \"/code\"\nmessage = \"/message\"\n";

    #[test]
    fn every_shape_declares_every_field_at_one_index() {
        let source = "[api]\nname = \"Acme\"\n\n[[envelope]]\nformat = \"xml\"\nerror = \"/R/E\"\ncode = \"/Code\"\ncontent_type = \"Text/XML\"\n\n[envelope.fields]\nmore_info = \"/MoreInfo\"\n\n[[envelope]]\ncode = \"/code\"\n\n[envelope.fields]\ndetail = \"/detail\"\nmore_info = \"/more_info\"\n\n[[envelope.inner]]\nat = \"/errors\"\ncode = \"/code\"\n\n[envelope.inner.fields]\ndetail = \"/detail\"\n\n[[error]]\ncode = \"a\"\n";
        let spec = check_spec(source).spec.expect("valid");
        assert_eq!(spec.other_shapes.len(), 1);
        let names = |shape: &crate::model::Envelope| -> Vec<(String, Vec<String>)> {
            shape
                .fields
                .iter()
                .map(|field| (field.name.clone(), field.pointers.clone()))
                .collect()
        };
        let owned = |pairs: &[(&str, &[&str])]| -> Vec<(String, Vec<String>)> {
            pairs
                .iter()
                .map(|(name, pointers)| {
                    (
                        (*name).to_owned(),
                        pointers.iter().map(|p| (*p).to_owned()).collect(),
                    )
                })
                .collect()
        };
        assert_eq!(
            names(&spec.envelope),
            owned(&[("more_info", &["/MoreInfo"]), ("detail", &[])])
        );
        assert_eq!(
            names(&spec.other_shapes[0]),
            owned(&[("more_info", &["/more_info"]), ("detail", &["/detail"])])
        );
        // The nested group's field is the spec's `detail`, at its index in every shape.
        assert_eq!(spec.other_shapes[0].inner[0].fields[0].0, 1);
        assert_eq!(spec.envelope.content_types, ["text/xml"]);
    }

    #[test]
    fn shapes_are_one_table_or_a_bounded_array_of_them() {
        let empty = "envelope = []\n\n[api]\nname = \"Acme\"\n\n[[error]]\ncode = \"a\"\n";
        let rendered = messages(empty);
        assert!(
            rendered
                .iter()
                .any(|m| m.contains("`envelope` holds no shape")),
            "{rendered:?}"
        );
        let mut many = String::from("[api]\nname = \"Acme\"\n");
        for _ in 0..17 {
            many.push_str("\n[[envelope]]\ncode = \"/code\"\n");
        }
        many.push_str("\n[[error]]\ncode = \"a\"\n");
        let rendered = messages(&many);
        assert_eq!(rendered.len(), 1, "{rendered:?}");
        assert!(
            rendered[0].contains("the spec has 17 shapes, more than the 16 errspec tries"),
            "{}",
            rendered[0]
        );
        let wrong = "envelope = \"/code\"\n\n[api]\nname = \"Acme\"\n\n[[error]]\ncode = \"a\"\n";
        assert!(!messages(wrong).is_empty());
    }

    #[test]
    fn a_request_id_in_the_body_is_a_plain_pointer() {
        let source = "[api]\nname = \"Acme\"\n\n[envelope]\ncode = \"/code\"\nrequest_id = [\"/meta/id\", \"/details/[@type=Req]/id\"]\n\n[[error]]\ncode = \"a\"\n";
        let rendered = messages(source).join("\n");
        assert!(
            rendered.contains("the `request_id` pointer `/details/[@type=Req]/id` has a selector"),
            "{rendered}"
        );
        assert!(rendered.contains("acme.toml:6:14"), "{rendered}");
        let plain = source.replace(", \"/details/[@type=Req]/id\"", "");
        let checked = check_spec(&plain);
        let spec = checked.valid().expect("a valid spec");
        assert_eq!(
            spec.envelope.request_id.as_deref(),
            Some(&["/meta/id".to_owned()][..])
        );
    }

    #[test]
    fn the_bundled_specs_have_no_mistakes() {
        for spec in BUNDLED {
            let checked = check_spec(spec.source);
            assert_eq!(
                messages(spec.source),
                Vec::<String>::new(),
                "{}",
                spec.file_name
            );
            assert!(checked.valid().is_some());
        }
    }

    #[test]
    fn a_mistaken_entry_keeps_its_variant_in_the_skeleton() {
        let source = format!(
            "{HEAD}\n[[error]]\ncode = \"a\"\nmessage = \"{{x\"\n\n[[error]]\ncode = \"b\"\nstatus = 9\nkind = \"nope\"\n"
        );
        let checked = check_spec(&source);
        assert_eq!(checked.diagnostics.len(), 3);
        assert!(checked.valid().is_none());
        let spec = checked.spec.unwrap();
        let variants: Vec<&str> = spec
            .errors
            .iter()
            .map(|entry| entry.variant.as_str())
            .collect();
        assert_eq!(variants, ["A", "B"]);
    }

    #[test]
    fn a_skeleton_survives_a_missing_envelope_and_a_syntax_error() {
        let checked = check_spec("[api]\nname = \"Acme\"\n\n[[error]]\ncode = \"a\"\n");
        assert_eq!(checked.diagnostics.len(), 1);
        assert_eq!(checked.spec.unwrap().errors.len(), 1);
        let source = format!("{HEAD}\n[[error]]\ncode = \"a\"\nstatus = 4 04\n");
        let checked = check_spec(&source);
        assert!(checked.diagnostics[0]
            .message
            .starts_with("TOML syntax error"));
        assert_eq!(checked.spec.unwrap().name, "Acme");
    }

    #[test]
    fn duplicates_name_both_places() {
        let source = format!("{HEAD}\n[[error]]\ncode = \"a\"\ncode = \"b\"\n");
        let rendered = messages(&source).join("\n");
        assert!(
            rendered.contains(" 9 | code = \"a\"\n   | ---- `code` is first defined here"),
            "{rendered}"
        );
        let source = format!("{HEAD}\n[api]\n");
        let rendered = messages(&source).join("\n");
        assert!(
            rendered.contains("1 | [api]\n  | ----- `api` is first defined here"),
            "{rendered}"
        );
        // `4xx` and `4XX` are one class.
        let source = format!(
            "{HEAD}\n[[error]]\ncode = \"a\"\n\n[fallback.missing]\n\"4xx\" = \"A\"\n\"4XX\" = \"A\"\n"
        );
        let rendered = messages(&source).join("\n");
        assert!(
            rendered.contains("`4xx` is in [fallback.missing] twice"),
            "{rendered}"
        );
        assert!(
            rendered.contains("12 | \"4xx\" = \"A\"\n   | ----- first defined here"),
            "{rendered}"
        );
    }

    #[test]
    fn without_a_code_pointer_entries_are_told_apart_by_their_messages() {
        let head = "[api]\nname = \"Acme\"\n\n[envelope]\nmessage = \"/message\"\n";
        let valid = format!(
            "{head}\n[[error]]\nvariant = \"Missing\"\nmessage = \"No {{thing}} found\"\n\n[[error]]\nvariant = \"Denied\"\nmessage = \"Access denied\"\n"
        );
        let spec = check_spec(&valid).spec.expect("valid");
        assert_eq!(spec.envelope.code, None);
        // A code would never be read.
        let coded = format!("{valid}\n[[error]]\ncode = \"x\"\n\n[[error]]\ncode = \"y\"\n");
        let rendered = messages(&coded).join("\n");
        assert!(
            rendered.contains("this code is never read: `[envelope]` has no `code` pointer"),
            "{rendered}"
        );
        assert!(rendered.contains("acme.toml:16:8"), "{rendered}");
        assert!(
            rendered.contains("1 more entries have a code"),
            "{rendered}"
        );
        // The same literal text twice, and anything after a lone parameter, is never chosen.
        let same = format!(
            "{valid}\n[[error]]\nvariant = \"Again\"\nmessage = \"No {{other}} found\"\n\n[[error]]\nvariant = \"Any\"\nmessage = \"{{text}}\"\n\n[[error]]\nvariant = \"Late\"\nmessage = \"Late\"\n"
        );
        let rendered = messages(&same);
        assert_eq!(rendered.len(), 2, "{rendered:?}");
        assert!(
            rendered[0].contains("`Again` is never chosen by its message: the earlier template of `Missing` (also without a code) matches the same messages"),
            "{rendered:?}"
        );
        assert!(
            rendered[0].contains(" 9 | message = \"No {thing} found\"\n   |           ------------------ that template"),
            "{rendered:?}"
        );
        assert!(
            rendered[1].contains("`Late` is never chosen by its message: the earlier template of `Any` (also without a code) is a lone parameter"),
            "{rendered:?}"
        );
    }

    #[test]
    fn a_part_may_sit_at_one_of_several_pointers_each_listed_once() {
        let source = HEAD.replace("code = \"/code\"", "code = [\"/code\", \"/type\"]");
        let source = format!("{source}\n[[error]]\ncode = \"a\"\n");
        let spec = check_spec(&source).spec.expect("valid");
        assert_eq!(
            spec.envelope.code,
            Some(vec!["/code".to_owned(), "/type".to_owned()])
        );
        for (list, expected) in [
            ("[]", "the `code` pointer lists no pointer"),
            (
                "[\"/code\", \"/code\"]",
                "the `code` pointer lists `/code` twice",
            ),
            (
                "[\"/code\", 5]",
                "`code` must be a string or an array of strings, found an integer",
            ),
            (
                "[\"/code\", \"type\"]",
                "the `code` pointer `type` is not a JSON pointer",
            ),
        ] {
            let bad = source.replace("[\"/code\", \"/type\"]", list);
            let rendered = messages(&bad).join("\n");
            assert!(rendered.contains(expected), "{list}: {rendered}");
        }
    }

    #[test]
    fn code_delimiters_are_kept_and_cannot_be_empty() {
        let source = HEAD.replace(
            "code = \"/code\"\n",
            "code = \"/__type\"\ncode_before = \":\"\ncode_after = \"#\"\n",
        ) + "\n[[error]]\ncode = \"a\"\n";
        let spec = check_spec(&source).spec.expect("valid");
        assert_eq!(
            (
                spec.envelope.code_before.as_deref(),
                spec.envelope.code_after.as_deref()
            ),
            (Some(":"), Some("#"))
        );
        let empty = source.replace("code_after = \"#\"", "code_after = \"\"");
        let rendered = messages(&empty).join("\n");
        assert!(rendered.contains("`code_after` is empty"), "{rendered}");
        assert!(rendered.contains("acme.toml:7:14"), "{rendered}");
    }

    #[test]
    fn a_documented_code_holding_a_delimiter_is_refused() {
        let source = HEAD.replace(
            "code = \"/code\"\n",
            "code = \"/__type\"\ncode_before = \":\"\ncode_after = \"#\"\n",
        ) + "\n[[error]]\ncode = \"aws.protocoltests#ComplexError\"\n\n[[error]]\ncode = \"Throttling:Sender\"\n\n[[error]]\ncode = \"ComplexError\"\n";
        let rendered = messages(&source).join("\n");
        assert!(
            rendered.contains(
                "code `aws.protocoltests#ComplexError` holds the delimiter `#`, so it is never matched"
            ),
            "{rendered}"
        );
        assert!(
            rendered.contains("code `Throttling:Sender` holds the delimiter `:`"),
            "{rendered}"
        );
        assert!(!rendered.contains("code `ComplexError`"), "{rendered}");
    }

    #[test]
    fn fallback_keys_are_statuses_classes_or_default_shared_by_both_cases() {
        let source = format!(
            "{HEAD}\n[[error]]\ncode = \"a\"\n\n[[error]]\nvariant = \"Gone\"\nstatus = 410\n\n[[error]]\nvariant = \"Server\"\n\n[fallback]\n410 = \"Gone\"\n\"5xx\" = \"Server\"\ndefault = \"A\"\n\n[fallback.unknown]\n410 = \"A\"\n"
        );
        let spec = check_spec(&source).spec.expect("valid");
        let names = |fallbacks: &crate::model::Fallbacks| -> Vec<String> {
            fallbacks
                .iter()
                .map(|(key, index)| format!("{key}={}", spec.errors[*index].variant))
                .collect()
        };
        assert_eq!(
            names(&spec.fallback_missing),
            ["410=Gone", "5xx=Server", "default=A"]
        );
        // The case's own key wins over the same key shared.
        assert_eq!(
            names(&spec.fallback_unknown),
            ["410=A", "5xx=Server", "default=A"]
        );
        // A shared status and a class of the case's own both stay: the runtime tries a
        // status's keys from the most specific, so the shared 410 beats the case's 4xx.
        let classed = source.replace(
            "[fallback.unknown]\n",
            "[fallback.unknown]\n\"4xx\" = \"A\"\n",
        );
        let classed = check_spec(&classed).spec.expect("valid");
        let keys: Vec<String> = classed
            .fallback_unknown
            .iter()
            .map(|(key, _)| key.to_string())
            .collect();
        assert_eq!(keys, ["4xx", "410", "5xx", "default"]);
        assert_eq!(
            FallbackKey::order(410).map(|key| key.to_string()),
            ["410", "4xx", "default"]
        );
        for key in ["\"+503\"", "\"0404\"", "\"6xx\"", "\" 404\"", "Default"] {
            let source = format!("{HEAD}\n[[error]]\ncode = \"a\"\n\n[fallback]\n{key} = \"A\"\n");
            let rendered = messages(&source);
            assert_eq!(rendered.len(), 1, "{key}: {rendered:?}");
            let rendered = &rendered[0];
            assert!(
                rendered.contains(
                    "is not an HTTP status (100..=599), a status class (`4xx`) or `default`"
                ),
                "{rendered}"
            );
            assert!(rendered.contains("acme.toml:12:1"), "{rendered}");
        }
    }

    #[test]
    fn a_misplaced_key_names_its_table() {
        let source = "[api]\nname = \"Acme\"\ncode = \"/code\"\n";
        let rendered = messages(source).join("\n");
        assert!(
            rendered.contains("`code` belongs in `[envelope]` or an `[[error]]` table"),
            "{rendered}"
        );
    }

    #[test]
    fn a_lone_parameter_template_shadows_the_entries_after_it() {
        let source = format!(
            "{HEAD}\n[[error]]\ncode = \"a\"\nmessage = \"{{text}}\"\n\n[[error]]\ncode = \"a\"\nvariant = \"A2\"\nmessage = \"Other {{x}}\"\n"
        );
        let rendered = messages(&source).join("\n");
        assert!(rendered.contains("`A2` is never chosen"), "{rendered}");
    }

    #[test]
    fn a_template_shadowed_by_an_earlier_one_of_its_code_is_an_error() {
        let source = format!(
            "{HEAD}\n[[error]]\ncode = \"a\"\nmessage = \"Item {{id}} not found\"\n\n[[error]]\ncode = \"a\"\nvariant = \"A2\"\nmessage = \"Item {{id}} in {{place}} not found\"\n\n[[error]]\ncode = \"a\"\nvariant = \"A3\"\nmessage = \"Item 42 not found\"\n"
        );
        let rendered = messages(&source);
        assert_eq!(rendered.len(), 2, "{rendered:#?}");
        assert!(rendered[0].contains("`A2` is never chosen: every message its template matches, the earlier template of `A` (also code `a`) matches first"), "{rendered:#?}");
        assert!(
            rendered[1].contains("`A3` is never chosen"),
            "{rendered:#?}"
        );
        // The more specific template first: both are chosen.
        let source = format!(
            "{HEAD}\n[[error]]\ncode = \"a\"\nvariant = \"A2\"\nmessage = \"Item {{id}} in {{place}} not found\"\n\n[[error]]\ncode = \"a\"\nmessage = \"Item {{id}} not found\"\n"
        );
        assert_eq!(messages(&source), Vec::<String>::new());
    }

    #[test]
    fn more_entries_than_the_tables_index_is_an_error_at_the_first_past_them() {
        let entries: String = (0..=super::cross::MAX_ENTRIES)
            .map(|n| format!("[[error]]\ncode = \"c{n}\"\n"))
            .collect();
        let source = format!("{HEAD}\n{entries}");
        let checked = check_spec(&source);
        let rendered: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|diagnostic| diagnostic.render("acme.toml", &source).to_string())
            .collect();
        assert_eq!(rendered.len(), 1, "{rendered:#?}");
        let first_past = 8 + 2 * super::cross::MAX_ENTRIES;
        assert!(
            rendered[0]
                .contains("the spec documents 65536 errors, more than the 65535 a spec may hold"),
            "{rendered:#?}"
        );
        assert!(
            rendered[0].contains(&format!("--> acme.toml:{first_past}:1")),
            "{rendered:#?}"
        );
        assert_eq!(
            checked.spec.map(|spec| spec.errors.len()),
            Some(super::cross::MAX_ENTRIES)
        );
    }

    #[test]
    fn a_key_nested_deeper_than_the_parser_follows_is_reported_where_it_is() {
        let key = "x.".repeat(10_000);
        let source = format!("{HEAD}\n[[error]]\ncode = \"a\"\n{key}y = 1\n");
        let rendered = messages(&source);
        assert_eq!(rendered.len(), 1, "{rendered:#?}");
        assert!(
            rendered[0].starts_with("TOML syntax error: recursion limit\n  --> acme.toml:10:1\n"),
            "{}",
            &rendered[0][..200]
        );
        let header = format!("{HEAD}\n[[error]]\ncode = \"a\"\n\n  [{key}y]\n");
        let rendered = messages(&header);
        assert!(
            rendered[0].contains("--> acme.toml:11:4"),
            "{}",
            &rendered[0][..200]
        );
    }

    #[test]
    fn template_mistakes_point_into_escaped_literals() {
        let source =
            format!("{HEAD}\n[[error]]\ncode = \"a\"\nmessage = \"say \\\"{{Bad Name}}\\\"\"\n");
        let rendered = messages(&source).join("\n");
        assert!(rendered.contains("--> acme.toml:10:18"), "{rendered}");
        assert!(rendered.contains("^^^^^^^^^^"), "{rendered}");
    }

    #[test]
    fn recovery_window_status_format_and_body_are_checked() {
        let source = "[api]\nname = \"Acme\"\nrate_limit_window = \"minutes\"\n\n[envelope]\ncode = \"/code\"\nstatus_format = \"NAME\"\n\n[[error]]\ncode = \"a\"\nrecovery = \"FixRequest\"\n\n[[error]]\ncode = \"b\"\nrecovery = \"retyr\"\n\n[[error]]\ncode = \"c\"\nrecovery = \"nap\"\n";
        let rendered = messages(source);
        assert_eq!(rendered.len(), 5, "{rendered:#?}");
        let expect = [
            (
                "unknown rate-limit window `minutes`",
                "acme.toml:3:21",
                "did you mean `minute`?",
            ),
            (
                "unknown status format `NAME`",
                "acme.toml:7:17",
                "did you mean `name`?",
            ),
            (
                "unknown recovery `FixRequest`",
                "acme.toml:11:12",
                "did you mean `fix_request`?",
            ),
            (
                "unknown recovery `retyr`",
                "acme.toml:15:12",
                "did you mean `retry`?",
            ),
            (
                "unknown recovery `nap`",
                "acme.toml:19:12",
                "`recovery` is one of: `retry`, `reauthenticate`, `fix_request`, `give_up`",
            ),
        ];
        for (diagnostic, (message, at, help)) in rendered.iter().zip(expect) {
            assert!(diagnostic.contains(message), "{diagnostic}");
            assert!(diagnostic.contains(at), "{diagnostic}");
            assert!(diagnostic.contains(help), "{diagnostic}");
        }
        // `status_format` needs the `status` pointer it describes.
        let source = format!("{HEAD}status_format = \"name\"\n\n[[error]]\ncode = \"a\"\n");
        let rendered = messages(&source);
        assert_eq!(rendered.len(), 1, "{rendered:#?}");
        assert!(
            rendered[0].contains("`status_format` without a `status` pointer"),
            "{}",
            rendered[0]
        );
    }

    #[test]
    fn recovery_decides_retryable_and_must_agree_with_it() {
        let source = format!(
            "{HEAD}\n[[error]]\ncode = \"a\"\nstatus = 500\nrecovery = \"retry\"\n\n[[error]]\ncode = \"b\"\nstatus = 503\nrecovery = \"give_up\"\n\n[[error]]\ncode = \"c\"\nretryable = true\nrecovery = \"reauthenticate\"\n"
        );
        let checked = check_spec(&source);
        let retryable: Vec<Option<bool>> = checked
            .spec
            .as_ref()
            .unwrap()
            .errors
            .iter()
            .map(|entry| entry.retryable)
            .collect();
        assert_eq!(retryable, [Some(true), Some(false), Some(true)]);
        let rendered = messages(&source);
        assert_eq!(rendered.len(), 1, "{rendered:#?}");
        assert!(
            rendered[0].contains("`recovery = \"reauthenticate\"` contradicts `retryable = true`"),
            "{}",
            rendered[0]
        );
        assert!(
            rendered[0]
                .contains("20 | retryable = true\n   |             ---- `retryable` is set here"),
            "{}",
            rendered[0]
        );
    }

    #[test]
    fn an_empty_body_is_for_status_only_entries_that_fallback_missing_chooses() {
        let source = format!(
            "{HEAD}\n[[error]]\ncode = \"a\"\nbody = \"empty\"\n\n[[error]]\nvariant = \"Gone\"\nstatus = 410\nbody = \"empty\"\n\n[[error]]\nvariant = \"Busy\"\nstatus = 503\nbody = \"empty\"\n\n[[error]]\nvariant = \"Odd\"\nbody = \"none\"\n\n[fallback.missing]\n503 = \"Busy\"\n"
        );
        let rendered = messages(&source);
        assert_eq!(rendered.len(), 3, "{rendered:#?}");
        assert!(
            rendered[0].contains("an entry with a `code` cannot be sent with an empty body"),
            "{}",
            rendered[0]
        );
        assert!(
            rendered[1].contains(
                "`Gone` is sent with an empty body, but `[fallback.missing]` does not choose it"
            ),
            "{}",
            rendered[1]
        );
        assert!(
            rendered[1].contains("add `410 = \"Gone\"` to `[fallback.missing]`"),
            "{}",
            rendered[1]
        );
        assert!(
            rendered[2].contains("unknown body `none`"),
            "{}",
            rendered[2]
        );
        let spec = check_spec(&source).spec.unwrap();
        let empty: Vec<&str> = spec
            .errors
            .iter()
            .filter(|entry| entry.empty_body)
            .map(|entry| entry.variant.as_str())
            .collect();
        assert_eq!(empty, ["Gone", "Busy"]);
    }

    #[test]
    fn too_many_mistakes_are_counted_not_listed() {
        let source = "x = 1\n".repeat(150);
        let checked = check_spec(&source);
        assert_eq!(checked.diagnostics.len(), super::MAX_DIAGNOSTICS + 1);
        let last = checked.diagnostics.last().unwrap();
        assert!(
            last.message.starts_with("49 more errors"),
            "{}",
            last.message
        );
    }
}
