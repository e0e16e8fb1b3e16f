//! Decoding with a spec that was never compiled: the validated model the macro expands,
//! interpreted at run time. The body is read by the same one-pass reader the generated code
//! calls; the choice of variant, message, kind and retry advice follows the generated
//! `from_raw` in plain Rust over the model.

use std::borrow::Cow;
use std::collections::HashMap;
use std::time::Duration;

use errspec::__private::{
    match_template, message_or, read_errors, Batch, Envelope, Part, RawError, Role, MAX_PARTS,
};
use errspec::{Kind, Recovery, RAW_BODY_CAP};
use errspec_codegen::model::ErrorEntry;
use errspec_codegen::Spec;
use errspec_vocab::pointer::pointer_tokens;

use crate::decoded::{Decoded, DecodedError};

/// How many extra fields an interpreted spec may read: every part of an error fits.
const FIELDS: usize = MAX_PARTS;

/// The most parameters one template may have to be interpreted.
pub const MAX_PARAMS: usize = 32;

/// A validated spec, ready to decode responses.
#[derive(Debug, Clone)]
pub struct Interpreter {
    spec: Spec,
    /// Where the error (or the array of errors) sits, as unescaped pointer tokens.
    at: Vec<String>,
    /// What to read inside each error, in the order the generated code lists it.
    parts: Vec<(Vec<String>, Role)>,
    /// For each wire code, the indexes of its entries, in file order.
    groups: HashMap<String, Vec<usize>>,
}

impl Interpreter {
    /// An interpreter of `spec`, a spec without mistakes (`Checked::valid`).
    ///
    /// # Errors
    /// One line when the spec reads more parts per error than the body reader can hold, or has
    /// a template with more than [`MAX_PARAMS`] parameters.
    pub fn new(spec: Spec) -> Result<Self, String> {
        let envelope = &spec.envelope;
        let mut parts = vec![(pointer_tokens(&envelope.code), Role::Code)];
        if let Some(message) = &envelope.message {
            parts.push((pointer_tokens(message), Role::Message));
        }
        if let Some(status) = &envelope.status {
            parts.push((pointer_tokens(status), Role::Status));
        }
        for (index, field) in envelope.fields.iter().enumerate() {
            parts.push((pointer_tokens(&field.pointer), Role::Field(index)));
        }
        if let Some(batch) = &envelope.batch {
            parts.push((pointer_tokens(&batch.at), Role::Items));
        }
        if let Some(multiple) = &envelope.multiple {
            parts.push((pointer_tokens(&multiple.inner), Role::Inner));
        }
        if parts.len() > MAX_PARTS {
            return Err(format!(
                "the spec reads {} locations in each error ({} extra fields); errspec reads at most {MAX_PARTS}",
                parts.len(),
                envelope.fields.len()
            ));
        }
        if let Some(entry) = spec
            .errors
            .iter()
            .find(|entry| entry.params().len() > MAX_PARAMS)
        {
            return Err(format!(
                "the template of `{}` has {} parameters; the interpreter takes at most {MAX_PARAMS}",
                entry.variant,
                entry.params().len()
            ));
        }
        let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, entry) in spec.errors.iter().enumerate() {
            if let Some(code) = &entry.code {
                groups.entry(code.clone()).or_default().push(index);
            }
        }
        Ok(Interpreter {
            at: pointer_tokens(&envelope.at),
            parts,
            groups,
            spec,
        })
    }

    /// The spec being interpreted.
    #[must_use]
    pub fn spec(&self) -> &Spec {
        &self.spec
    }

    /// Decodes an error response, as the generated `decode` does. Never fails.
    #[must_use]
    pub fn decode(&self, status: u16, body: &[u8]) -> Decoded {
        let at: Vec<&str> = self.at.iter().map(String::as_str).collect();
        let paths: Vec<Vec<&str>> = self
            .parts
            .iter()
            .map(|(path, _)| path.iter().map(String::as_str).collect())
            .collect();
        let parts: Vec<Part<'_>> = paths
            .iter()
            .zip(&self.parts)
            .map(|(path, (_, role))| Part { path, role: *role })
            .collect();
        let envelope = &self.spec.envelope;
        let envelope = Envelope {
            at: &at,
            many: envelope.many,
            parts: &parts,
            multiple: envelope
                .multiple
                .as_ref()
                .map(|multiple| multiple.code.as_str()),
            batch: envelope.batch.as_ref().map(|batch| Batch {
                id: &batch.id,
                message: &batch.message,
                bare: batch.bare,
            }),
        };
        let errors = read_errors::<_, FIELDS>(&envelope, body, &mut |raw: RawError<'_, FIELDS>| {
            self.error(raw, status)
        });
        if errors.is_empty() {
            Decoded {
                status,
                errors: vec![self.error(RawError::empty(), status)],
                raw_body: body[..body.len().min(RAW_BODY_CAP)].to_vec(),
            }
        } else {
            Decoded {
                status,
                errors,
                raw_body: Vec::new(),
            }
        }
    }

    /// The generated `from_raw`: the entry for the raw error's code (by template within a
    /// shared code), else a fallback by status, else `Unknown`.
    fn error(&self, raw: RawError<'_, FIELDS>, response_status: u16) -> DecodedError {
        let status = raw.status.unwrap_or(response_status);
        let message = raw.message.as_deref();
        let chosen = match raw.code.as_deref() {
            Some(code) => match self.groups.get(code) {
                Some(group) => Some(self.choose_in_group(group, message)),
                None => self.by_status(&self.spec.fallback_unknown, status, message),
            },
            None => self.by_status(&self.spec.fallback_missing, status, message),
        };
        match chosen {
            Some((index, params)) => self.documented(&self.spec.errors[index], params, raw, status),
            None => self.unknown(raw, status),
        }
    }

    /// Within a shared code: the first entry whose template matches, else the entry without a
    /// template, else the first entry with its parameters unset.
    fn choose_in_group(&self, group: &[usize], message: Option<&str>) -> (usize, Params) {
        for &index in group {
            if let Some(params) = capture(&self.spec.errors[index], message) {
                return (index, Some(params));
            }
        }
        let catch_all = group
            .iter()
            .copied()
            .find(|&index| self.spec.errors[index].template.is_none())
            .unwrap_or(group[0]);
        (catch_all, None)
    }

    /// The fallback entry for `status`, with its parameters when its template matches.
    fn by_status(
        &self,
        fallbacks: &[(u16, usize)],
        status: u16,
        message: Option<&str>,
    ) -> Option<(usize, Params)> {
        let (_, index) = fallbacks.iter().find(|(fallback, _)| *fallback == status)?;
        Some((*index, capture(&self.spec.errors[*index], message)))
    }

    /// The `Unknown` error: an undocumented code, or no code and no fallback for the status.
    fn unknown(&self, raw: RawError<'_, FIELDS>, status: u16) -> DecodedError {
        let kind = Kind::from_status(status);
        let retryable = kind.is_retryable_by_default();
        DecodedError {
            variant: "Unknown".to_owned(),
            code: raw.code.map(Cow::into_owned),
            message: message_or(raw.message, "", status),
            status,
            documented_status: None,
            kind,
            retryable,
            recovery: Recovery::for_kind(kind, retryable),
            rate_limit_window: self.window(),
            details: Vec::new(),
            items: Vec::new(),
            description: None,
            solution: None,
        }
    }

    fn window(&self) -> Option<Duration> {
        self.spec.rate_limit_window.map(Duration::from_secs)
    }

    fn documented(
        &self,
        entry: &ErrorEntry,
        params: Params,
        raw: RawError<'_, FIELDS>,
        status: u16,
    ) -> DecodedError {
        let kind = fixed_kind(entry).unwrap_or_else(|| Kind::from_status(status));
        let fields = self.spec.envelope.fields.iter().zip(raw.fields);
        let details = fields
            .map(|(field, value)| (field.name.clone(), value))
            .chain(entry.params().iter().enumerate().map(|(index, name)| {
                let value = params.as_ref().map(|values| values[index].clone());
                (name.clone(), value)
            }))
            .collect();
        let retryable = entry
            .retryable
            .unwrap_or_else(|| kind.is_retryable_by_default());
        let recovery = match entry.recovery {
            Some(recovery) if !retryable => recovery,
            _ => Recovery::for_kind(kind, retryable),
        };
        DecodedError {
            variant: entry.variant.clone(),
            code: entry.code.clone().or_else(|| raw.code.map(Cow::into_owned)),
            message: message_or(
                raw.message,
                entry.description.as_deref().unwrap_or(""),
                status,
            ),
            status,
            documented_status: entry.status,
            kind,
            retryable,
            recovery,
            rate_limit_window: self.window(),
            details,
            items: if entry.batch { raw.items } else { Vec::new() },
            description: entry
                .description
                .clone()
                .filter(|description| !description.is_empty()),
            solution: entry.solution.clone(),
        }
    }
}

/// Captured template parameters, `None` when the message did not match.
type Params = Option<Vec<String>>;

/// The kind an entry has whatever status it arrives with, if the spec fixes one.
fn fixed_kind(entry: &ErrorEntry) -> Option<Kind> {
    match (entry.kind, entry.status) {
        (Some(kind), _) => Some(kind),
        (None, Some(status)) => Some(Kind::from_status(status)),
        (None, None) => None,
    }
}

/// The parameters of `entry`'s template captured from `message`; `None` without a template or
/// when it does not match.
fn capture(entry: &ErrorEntry, message: Option<&str>) -> Params {
    let template = entry.template.as_ref()?;
    let pieces: Vec<&str> = template.pieces.iter().map(String::as_str).collect();
    match_dyn(&pieces, message?)
}

/// [`match_template`] for a parameter count known at run time (at most [`MAX_PARAMS`]).
fn match_dyn(pieces: &[&str], message: &str) -> Option<Vec<String>> {
    macro_rules! by_count {
        ($($n:literal)*) => {
            match pieces.len().checked_sub(1)? {
                $($n => match_template::<$n>(pieces, message).map(Vec::from),)*
                _ => None,
            }
        };
    }
    by_count!(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32)
}

#[cfg(test)]
mod tests {
    use errspec::Kind;

    use super::{match_dyn, pointer_tokens, Interpreter, MAX_PARAMS};

    fn interpreter(source: &str) -> Interpreter {
        let checked = errspec_codegen::check_spec(source);
        assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
        Interpreter::new(checked.spec.unwrap()).unwrap()
    }

    const ACME: &str = r#"
[api]
name = "Acme"

[envelope]
error = "/err"
code = "/c~1d"
message = "/m"

[envelope.fields]
where_ = "/w~0x"

[[error]]
code = "gone"
message = "Item {id} of {kind_} is gone"

[[error]]
code = "gone"
variant = "GoneAgain"
description = "Gone, again."

[[error]]
variant = "Busy"
status = 503

[fallback.missing]
503 = "Busy"
"#;

    #[test]
    fn pointers_are_split_into_unescaped_tokens() {
        assert_eq!(pointer_tokens(""), Vec::<String>::new());
        assert_eq!(pointer_tokens("/a~1b/0/~0~1"), ["a/b", "0", "~/"]);
    }

    #[test]
    fn templates_of_any_parameter_count_capture() {
        assert_eq!(
            match_dyn(&["a ", " b ", ""], "a x b y."),
            Some(vec!["x".to_owned(), "y".to_owned()])
        );
        assert_eq!(match_dyn(&["exact"], "exact"), Some(Vec::new()));
        assert_eq!(match_dyn(&[], "anything"), None);
        let pieces: Vec<String> = (0..=MAX_PARAMS).map(|index| format!("<{index}>")).collect();
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let message = pieces.join("v");
        let captured = match_dyn(&pieces, &message).expect("matches");
        assert_eq!(captured, vec!["v".to_owned(); MAX_PARAMS]);
    }

    #[test]
    fn escaped_pointers_and_templates_choose_the_variant() {
        let acme = interpreter(ACME);
        let decoded = acme.decode(
            410,
            br#"{"err": {"c/d": "gone", "m": "Item 7 of 'box' is gone.", "w~x": 3}}"#,
        );
        let error = &decoded.errors[0];
        assert_eq!(error.variant, "Gone");
        assert_eq!(
            error.details,
            [
                ("where_".to_owned(), Some("3".to_owned())),
                ("id".to_owned(), Some("7".to_owned())),
                ("kind_".to_owned(), Some("box".to_owned())),
            ]
        );
        assert_eq!(error.kind, Kind::NotFound);
        let other = acme.decode(410, br#"{"err": {"c/d": "gone", "m": " "}}"#);
        assert_eq!(other.errors[0].variant, "GoneAgain");
        assert_eq!(other.errors[0].message, "Gone, again.");
        assert_eq!(other.errors[0].code.as_deref(), Some("gone"));
    }

    #[test]
    fn a_body_without_a_code_falls_back_by_status() {
        let acme = interpreter(ACME);
        let busy = acme.decode(503, b"<html>busy</html>");
        assert_eq!(busy.errors[0].variant, "Busy");
        assert!(busy.errors[0].retryable);
        assert_eq!(busy.raw_body, b"<html>busy</html>");
        let unknown = acme.decode(418, b"");
        assert_eq!(unknown.errors[0].variant, "Unknown");
        assert_eq!(unknown.errors[0].message, "I'm a teapot");
        assert_eq!(unknown.errors[0].kind, Kind::Other);
    }

    #[test]
    fn too_many_fields_is_an_error_not_a_silent_cut() {
        let fields: String = (0..70)
            .map(|index| format!("f{index} = \"/f{index}\"\n"))
            .collect();
        let source = format!(
            "[api]\nname = \"Wide\"\n[envelope]\ncode = \"/code\"\n[envelope.fields]\n{fields}[[error]]\ncode = \"x\"\n"
        );
        let checked = errspec_codegen::check_spec(&source);
        assert!(checked.diagnostics.is_empty());
        let problem = Interpreter::new(checked.spec.unwrap()).unwrap_err();
        assert!(problem.contains("71 locations"), "{problem}");
    }
}
