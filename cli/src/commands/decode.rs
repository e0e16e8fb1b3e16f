//! `errspec decode`: a decoded response (by a vendor's generated types or by the interpreter
//! of a spec file), printed as text or as JSON.

use std::fmt::Write as _;
use std::io::{self, Read};
use std::time::{Duration, SystemTime};

use errspec::http::{HeaderMap, HeaderName, HeaderValue};
use errspec::{BatchItems, Recovery};
use errspec_codegen::Spec;
use errspec_vocab::BodyFormat;
use serde::Serialize;

use crate::decoded::{Decoded, DecodedError};
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

/// Why the response's errors were chosen by status rather than by a code the body carried,
/// in one line; `None` when every error was read and documented.
#[must_use]
pub fn fallback_reason(spec: &Spec, response: &Decoded, body: &[u8]) -> Option<String> {
    let status = response.status;
    if !response.raw_body.is_empty() || body.iter().all(u8::is_ascii_whitespace) {
        let why = if body.iter().all(u8::is_ascii_whitespace) {
            "the body is empty".to_owned()
        } else {
            match spec.envelope.format {
                BodyFormat::Json
                    if serde_json::from_slice::<serde::de::IgnoredAny>(body).is_err() =>
                {
                    format!("the body is not JSON (it starts with `{}`)", start_of(body))
                }
                BodyFormat::Xml if !body.trim_ascii_start().starts_with(b"<") => {
                    format!("the body is not XML (it starts with `{}`)", start_of(body))
                }
                _ => format!(
                    "the body holds no error where the spec's envelope looks ({})",
                    where_the_envelope_looks(spec)
                ),
            }
        };
        return Some(format!("by status {status}: {why}"));
    }
    let reasons: Vec<String> = response
        .errors
        .iter()
        .filter_map(|error| error_fallback(spec, error))
        .collect();
    match reasons.as_slice() {
        [] => None,
        [only] => Some(only.clone()),
        [first, ..] => Some(format!(
            "{first} (and {} more chosen by status)",
            reasons.len() - 1
        )),
    }
}

/// Why one error read from the body was chosen by status.
fn error_fallback(spec: &Spec, error: &DecodedError) -> Option<String> {
    let status = error.status;
    if error.variant == "Unknown" {
        return Some(match &error.code {
            Some(code) => format!(
                "by status {status}: the code `{}` is not documented",
                one_line(code)
            ),
            None => format!("by status {status}: the error carries no code"),
        });
    }
    let entry = spec
        .errors
        .iter()
        .find(|entry| entry.variant == error.variant)?;
    (entry.code.is_none() && entry.template.is_none())
        .then(|| format!("by status {status}: the error carries no code the spec documents"))
}

/// Where the envelope reads a code and a message, for the user to compare with the body.
fn where_the_envelope_looks(spec: &Spec) -> String {
    let envelope = &spec.envelope;
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
    fallback: Option<&str>,
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
    if let Some(fallback) = fallback {
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

fn error_block(lines: &mut Lines<'_>, error: &DecodedError) {
    let code = error.code.as_deref().map_or("none".into(), one_line);
    let painted = match &error.code {
        Some(_) => paint(style::CODE, &code),
        None => paint(style::DIM, &code),
    };
    lines.styled_line("code", &painted);
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
/// `ErrorResponse`, with the CLI's additions (`recovery` with its wait, `fallback`, and per
/// error `documented_status`, `description`, `solution`).
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
    errors: Vec<JsonError<'a>>,
}

/// One error of [`Json`].
#[derive(Serialize)]
struct JsonError<'a> {
    variant: &'a str,
    code: Option<&'a str>,
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
    pub fn new(response: &'a Decoded, fallback: Option<&'a str>, now: SystemTime) -> Self {
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
            fallback,
            errors: response
                .errors
                .iter()
                .map(|error| JsonError {
                    variant: &error.variant,
                    code: error.code.as_deref(),
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
