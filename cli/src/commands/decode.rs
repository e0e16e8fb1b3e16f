//! `errspec decode`: a decoded response (by a vendor's generated types or by the interpreter
//! of a spec file), printed as text or as JSON.

use std::fmt::Write as _;
use std::io::{self, Read};
use std::time::{Duration, SystemTime};

use errspec::__private::Chosen;
use errspec::http::{HeaderMap, HeaderName, HeaderValue};
use errspec::{BatchItems, Recovery};
use errspec_codegen::model::Envelope;
use errspec_codegen::Spec;
use errspec_vocab::BodyFormat;
use serde::Serialize;

use crate::commands::explain::when_text;
use crate::decoded::{Decoded, DecodedError};
use crate::interpret::Why;
use crate::style::{self, paint};
use crate::text::{count, one_line, yes_no};

/// The width of the label column.
const LABEL: usize = 20;

/// The body to decode: the argument's bytes, or standard input for `-` or no argument.
///
/// # Errors
/// One line when standard input cannot be read.
pub fn body(argument: Option<&std::ffi::OsStr>) -> Result<Vec<u8>, String> {
    match argument {
        Some(body) if body != "-" => Ok(body.as_encoded_bytes().to_vec()),
        _ => {
            let mut body = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut body)
                .map_err(|error| format!("cannot read the body from standard input: {error}"))?;
            Ok(body)
        }
    }
}

/// The headers of `-H 'Name: value'` arguments, in order (a name given twice keeps both).
///
/// # Errors
/// One line for an argument that is not `Name: value` with a valid name and value.
pub fn headers(arguments: &[String]) -> Result<HeaderMap, String> {
    let mut headers = HeaderMap::new();
    for argument in arguments {
        let (name, value) = argument
            .split_once(':')
            .ok_or_else(|| format!("header `{argument}` is not `Name: value`"))?;
        let name = HeaderName::from_bytes(name.trim().as_bytes())
            .map_err(|_| format!("header `{argument}` has no valid name before its `:`"))?;
        let value = HeaderValue::from_str(value.trim())
            .map_err(|_| format!("header `{argument}` has a value that cannot be sent"))?;
        headers.append(name, value);
    }
    Ok(headers)
}

/// Why the response's errors are the ones shown: the lines `decode` adds to its summary
/// (`fell back`, `code from`) and to each error (`chosen by`), from the runtime's account of
/// its choices ([`crate::target::Target::choices`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reasons {
    /// Why errors were chosen by status rather than by a documented code, in one line.
    pub fallback: Option<String>,
    /// The header some errors' code came from, their body holding none, in one line.
    pub code_header: Option<String>,
    /// The rule that chose each error, in the response's order.
    pub chosen: Vec<Chosen>,
    /// Whether the response is a success, which `decode_if_error` answers with `None`: a
    /// 2xx whose body carries no error mark and no failed item.
    pub success: bool,
}

/// The reasons for `response`, decoded from `body`, as `why` accounts for its errors.
#[must_use]
pub fn reasons(spec: &Spec, response: &Decoded, why: Why, body: &[u8]) -> Reasons {
    // Nothing was read from the body: why, for the lines that say where the error came from.
    let unread = (!response.raw_body.is_empty() || body.iter().all(u8::is_ascii_whitespace))
        .then(|| why_unread(spec, body));
    let by_status: Vec<String> = response
        .errors
        .iter()
        .zip(&why.chosen)
        .filter_map(|(error, chosen)| {
            let status = error.status;
            let why = match (chosen, &unread) {
                (Chosen::MissingCode, Some(unread)) => unread.clone(),
                (Chosen::MissingCode, None) => "the error carries no code".to_owned(),
                (Chosen::UnknownCode, _) => {
                    let code = error.code.as_deref().unwrap_or_default();
                    let keyed: Vec<String> = spec
                        .entries_with_code(code)
                        .filter(|entry| !entry.when.is_empty())
                        .map(|entry| when_text(spec, entry))
                        .collect();
                    if keyed.is_empty() {
                        format!("the code `{}` is not documented", one_line(code))
                    } else {
                        format!(
                            "the code `{}` is documented only when {}",
                            one_line(code),
                            keyed.join(", or when ")
                        )
                    }
                }
                (Chosen::Code | Chosen::Message, _) => return None,
            };
            Some(format!("by status {status}: {why}"))
        })
        .collect();
    let fallback = match by_status.as_slice() {
        [] => None,
        [only] => Some(only.clone()),
        [first, ..] => Some(format!(
            "{first} (and {} more chosen by status)",
            by_status.len() - 1
        )),
    };
    let code_header = why.code_header.map(|header| match &unread {
        Some(unread) => format!("header `{header}` ({unread})"),
        None if spec.envelope.headers.code_first => {
            format!("header `{header}` (the spec reads it before the body's)")
        }
        None => format!("header `{header}` (the body's errors carry none)"),
    });
    Reasons {
        fallback,
        code_header,
        chosen: why.chosen,
        success: false,
    }
}

/// Why a body yielded no error: empty, not of the spec's formats, or of another shape.
fn why_unread(spec: &Spec, body: &[u8]) -> String {
    if body.iter().all(u8::is_ascii_whitespace) {
        return "the body is empty".to_owned();
    }
    let shapes = || core::iter::once(&spec.envelope).chain(&spec.other_shapes);
    let is_json = || serde_json::from_slice::<serde::de::IgnoredAny>(body).is_ok();
    let is_xml = || body.trim_ascii_start().starts_with(b"<");
    // An array, a map or a tag: what a CBOR error body starts with.
    let is_cbor = || matches!(body.first(), Some(0x80..=0xdb));
    let readable = shapes().any(|shape| match shape.format {
        BodyFormat::Json => is_json(),
        BodyFormat::Xml => is_xml(),
        BodyFormat::Cbor => is_cbor(),
    });
    if !readable {
        let mut formats: Vec<&str> = Vec::new();
        for shape in shapes() {
            let name = match shape.format {
                BodyFormat::Json => "JSON",
                BodyFormat::Xml => "XML",
                BodyFormat::Cbor => "CBOR",
            };
            if !formats.contains(&name) {
                formats.push(name);
            }
        }
        let formats = match formats.as_slice() {
            [one] => format!("not {one}"),
            [one, two] => format!("neither {one} nor {two}"),
            [rest @ .., last] => format!("none of {} and {last}", rest.join(", ")),
            [] => "unreadable".to_owned(),
        };
        return format!(
            "the body is {formats} (it starts with `{}`)",
            start_of(body)
        );
    }
    let places: Vec<String> = shapes().map(where_the_envelope_looks).collect();
    if places.len() == 1 {
        format!(
            "the body holds no error where the spec's envelope looks ({})",
            places[0]
        )
    } else {
        format!(
            "the body holds no error where any of the spec's shapes looks ({})",
            places.join("; ")
        )
    }
}

/// How the rule that chose an error reads in `decode`'s output.
fn chosen_text(chosen: Chosen) -> &'static str {
    match chosen {
        Chosen::Code => "its code",
        Chosen::Message => "its message",
        Chosen::MissingCode => "status (no code)",
        Chosen::UnknownCode => "status (undocumented code)",
    }
}

/// The rule's name in `decode --json`.
fn chosen_name(chosen: Chosen) -> &'static str {
    match chosen {
        Chosen::Code => "code",
        Chosen::Message => "message",
        Chosen::MissingCode => "status_without_code",
        Chosen::UnknownCode => "status_for_unknown_code",
    }
}

/// Where a shape reads a code and a message, for the user to compare with the body.
fn where_the_envelope_looks(envelope: &Envelope) -> String {
    let mut places = Vec::new();
    if let Some(code) = envelope.code.as_ref().and_then(|pointers| pointers.first()) {
        places.push(format!("code at `{}{code}`", envelope.at));
    }
    if let Some(message) = envelope
        .message
        .as_ref()
        .and_then(|pointers| pointers.first())
    {
        places.push(format!("message at `{}{message}`", envelope.at));
    }
    if places.is_empty() {
        places.push(format!("errors at `{}`", envelope.at));
    }
    places.join(", ")
}

/// The first characters of a body, on one line.
fn start_of(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let start: String = text.trim_start().chars().take(20).collect();
    one_line(&start)
}

/// The decoded response as text: a summary (with the wait, the request id and why it fell
/// back), then one block per error; long values wrapped at `columns`.
#[must_use]
pub fn render(
    response: &Decoded,
    reasons: &Reasons,
    now: SystemTime,
    columns: Option<usize>,
) -> String {
    let mut out = String::new();
    let errors = &response.errors;
    let mut summary = Lines {
        out: &mut out,
        indent: 0,
        columns,
    };
    summary.line(
        "response",
        &format!(
            "HTTP {}, {}",
            response.status,
            count(errors.len(), "error", "errors")
        ),
    );
    if reasons.success {
        summary.styled_line(
            "success",
            &paint(
                style::WARN,
                "no error mark nor failed item in the body: `decode_if_error` gives `None`; as an error:",
            ),
        );
    }
    summary.line("kind", response.kind().as_str());
    summary.line("retryable", yes_no(response.is_retryable()));
    summary.line("recovery", &recovery_text(response.recovery_at(now)));
    if let Some(retry_after) = response.retry_after {
        summary.line("retry-after", &retry_after.to_string());
    }
    if let Some(id) = &response.request_id {
        summary.line("request id", &one_line(id));
    }
    for (name, value) in &response.headers {
        summary.line(
            name.as_str(),
            &one_line(&String::from_utf8_lossy(value.as_bytes())),
        );
    }
    if let Some(header) = &reasons.code_header {
        summary.line("code from", header);
    }
    if let Some(fallback) = &reasons.fallback {
        summary.styled_line("fell back", &paint(style::WARN, fallback));
    }
    for (index, error) in errors.iter().enumerate() {
        out.push('\n');
        let _ = writeln!(
            out,
            "{} {}",
            paint(
                style::LABEL,
                &format!("error {} of {}:", index + 1, errors.len())
            ),
            paint(style::VARIANT, &error.variant)
        );
        error_block(
            &mut Lines {
                out: &mut out,
                indent: 2,
                columns,
            },
            error,
            reasons.chosen.get(index).copied(),
        );
    }
    out
}

/// `retry after 18s`, `retry (after a backoff of your own)`, `fix_request`.
fn recovery_text(recovery: Recovery) -> String {
    match recovery {
        Recovery::Retry { after: Some(after) } => format!("retry after {}", seconds(after)),
        Recovery::Retry { after: None } => "retry (after a backoff of your own)".to_owned(),
        other => other.as_str().to_owned(),
    }
}

/// A duration in seconds, with the milliseconds when it has any.
fn seconds(duration: Duration) -> String {
    if duration.subsec_millis() == 0 {
        format!("{}s", duration.as_secs())
    } else {
        format!("{:.3}s", duration.as_secs_f64())
    }
}

fn error_block(lines: &mut Lines<'_>, error: &DecodedError, chosen: Option<Chosen>) {
    let code = error.code.as_deref().map_or("none".into(), one_line);
    let painted = match &error.code {
        Some(_) => paint(style::CODE, &code),
        None => paint(style::DIM, &code),
    };
    lines.styled_line("code", &painted);
    if let Some(chosen) = chosen {
        lines.line("chosen by", chosen_text(chosen));
    }
    lines.line("message", &one_line(&error.message));
    lines.line("kind", error.kind.as_str());
    lines.line("retryable", yes_no(error.retryable));
    lines.line("recovery", error.recovery.as_str());
    lines.line("status", &error.status.to_string());
    lines.line(
        "documented status",
        &error
            .documented_status
            .map_or("none".into(), |status| status.to_string()),
    );
    if !error.details.is_empty() {
        let _ = writeln!(lines.out, "  {}", paint(style::LABEL, "details"));
        for (name, value) in &error.details {
            let value = value.as_deref().map_or("(none)".into(), one_line);
            let lead = format!("    {name} = ");
            let columns = lines
                .columns
                .map(|columns| columns.saturating_sub(style::width(&lead)).max(20));
            let wrapped = style::wrap(&value, columns);
            let _ = writeln!(
                lines.out,
                "{lead}{}",
                wrapped.first().map_or("", String::as_str)
            );
            for more in wrapped.iter().skip(1) {
                let _ = writeln!(
                    lines.out,
                    "{:width$}{more}",
                    "",
                    width = style::width(&lead)
                );
            }
        }
    }
    if let Some(description) = &error.description {
        lines.line("description", &one_line(description));
    }
    if let Some(solution) = &error.solution {
        lines.line("solution", &one_line(solution));
    }
    items(lines, &error.items);
}

fn items(lines: &mut Lines<'_>, items: &BatchItems) {
    if items.is_empty() {
        return;
    }
    let ok = items.iter().filter(|item| item.ok).count();
    lines.line(
        "items",
        &format!("{}: {ok} ok, {} failed", items.len(), items.len() - ok),
    );
    let number_width = items.len().to_string().len();
    for (index, item) in items.iter().enumerate() {
        let state = if item.ok {
            paint(style::GOOD, "ok    ")
        } else {
            paint(style::WARN, "failed")
        };
        let _ = write!(
            lines.out,
            "    {:>number_width$}  {state}  id = {}",
            index + 1,
            item.id.map_or("(none)".into(), one_line)
        );
        if !item.message.is_empty() {
            let _ = write!(lines.out, "  message = {}", one_line(item.message));
        }
        lines.out.push('\n');
    }
}

/// Labelled lines in aligned columns, values wrapped under themselves.
struct Lines<'a> {
    out: &'a mut String,
    indent: usize,
    columns: Option<usize>,
}

impl Lines<'_> {
    fn line(&mut self, label: &str, value: &str) {
        let columns = self.value_columns();
        let wrapped = style::wrap(value, columns);
        let mut wrapped = wrapped.iter();
        let first = wrapped.next().map_or("", String::as_str);
        self.styled_line(label, first);
        for more in wrapped {
            let _ = writeln!(self.out, "{:width$}{more}", "", width = LABEL + 1);
        }
    }

    /// A line whose value is already styled.
    fn styled_line(&mut self, label: &str, styled: &str) {
        let width = LABEL - self.indent;
        let _ = writeln!(
            self.out,
            "{:indent$}{}{} {styled}",
            "",
            paint(style::LABEL, label),
            " ".repeat(width.saturating_sub(style::width(label))),
            indent = self.indent
        );
    }

    /// The columns left for a value after the label column.
    fn value_columns(&self) -> Option<usize> {
        self.columns
            .map(|columns| columns.saturating_sub(LABEL + 1).max(20))
    }
}

/// `errspec decode --json`: the response as the `serde` feature of errspec writes an
/// `ErrorResponse`, with the CLI's additions (`recovery` with its wait, `fallback`,
/// `code_header`, and per error `chosen_by`, `documented_status`, `description`, `solution`).
#[derive(Serialize)]
pub struct Json<'a> {
    status: u16,
    kind: errspec::Kind,
    retryable: bool,
    recovery: Recovery,
    request_id: Option<&'a str>,
    retry_after: Option<errspec::RetryAfter>,
    headers: std::collections::BTreeMap<&'a str, String>,
    fallback: Option<&'a str>,
    code_header: Option<&'a str>,
    /// Whether `decode_if_error` takes the response for a success (`None`).
    success: bool,
    errors: Vec<JsonError<'a>>,
}

/// One error of [`Json`].
#[derive(Serialize)]
struct JsonError<'a> {
    variant: &'a str,
    code: Option<&'a str>,
    chosen_by: Option<&'static str>,
    message: &'a str,
    status: u16,
    documented_status: Option<u16>,
    kind: errspec::Kind,
    retryable: bool,
    recovery: Recovery,
    details: Details<'a>,
    #[serde(skip_serializing_if = "BatchItems::is_empty")]
    items: &'a BatchItems,
    description: Option<&'a str>,
    solution: Option<&'a str>,
}

impl<'a> Json<'a> {
    /// The JSON of `response`, advice taken at `now`.
    #[must_use]
    pub fn new(response: &'a Decoded, reasons: &'a Reasons, now: SystemTime) -> Self {
        Json {
            status: response.status,
            kind: response.kind(),
            retryable: response.is_retryable(),
            recovery: response.recovery_at(now),
            request_id: response.request_id.as_deref(),
            retry_after: response.retry_after,
            headers: response
                .headers
                .iter()
                .map(|(name, value)| {
                    (
                        name.as_str(),
                        String::from_utf8_lossy(value.as_bytes()).into_owned(),
                    )
                })
                .collect(),
            fallback: reasons.fallback.as_deref(),
            code_header: reasons.code_header.as_deref(),
            success: reasons.success,
            errors: response
                .errors
                .iter()
                .enumerate()
                .map(|(index, error)| JsonError {
                    variant: &error.variant,
                    code: error.code.as_deref(),
                    chosen_by: reasons.chosen.get(index).copied().map(chosen_name),
                    message: &error.message,
                    status: error.status,
                    documented_status: error.documented_status,
                    kind: error.kind,
                    retryable: error.retryable,
                    recovery: error.recovery,
                    details: Details(&error.details),
                    items: &error.items,
                    description: error.description.as_deref(),
                    solution: error.solution.as_deref(),
                })
                .collect(),
        }
    }
}

/// Details as a JSON object, in spec order.
struct Details<'a>(&'a [(String, Option<String>)]);

impl Serialize for Details<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(name, value)| (name, value)))
    }
}
