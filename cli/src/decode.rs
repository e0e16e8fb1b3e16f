//! `errspec decode`: a decoded response (by a vendor's generated types or by the interpreter
//! of a spec file), printed as text.

use std::fmt::Write as _;
use std::io::{self, Read};

use errspec::BatchItems;

use crate::decoded::{Decoded, DecodedError};
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

/// The decoded response as plain text: a summary, then one block per error.
#[must_use]
pub fn render(response: &Decoded) -> String {
    let mut out = String::new();
    let errors = &response.errors;
    line(
        &mut out,
        0,
        "response",
        &format!(
            "HTTP {}, {}",
            response.status,
            count(errors.len(), "error", "errors")
        ),
    );
    line(&mut out, 0, "kind", response.kind().as_str());
    line(&mut out, 0, "retryable", yes_no(response.is_retryable()));
    for (index, error) in errors.iter().enumerate() {
        out.push('\n');
        let _ = writeln!(
            out,
            "error {} of {}: {}",
            index + 1,
            errors.len(),
            error.variant
        );
        error_block(&mut out, error);
    }
    out
}

fn error_block(out: &mut String, error: &DecodedError) {
    line(
        out,
        2,
        "code",
        &error.code.as_deref().map_or("none".into(), one_line),
    );
    line(out, 2, "message", &one_line(&error.message));
    line(out, 2, "kind", error.kind.as_str());
    line(out, 2, "retryable", yes_no(error.retryable));
    line(out, 2, "recovery", error.recovery.as_str());
    line(out, 2, "status", &error.status.to_string());
    line(
        out,
        2,
        "documented status",
        &error
            .documented_status
            .map_or("none".into(), |status| status.to_string()),
    );
    if !error.details.is_empty() {
        let _ = writeln!(out, "  details");
        for (name, value) in &error.details {
            let _ = writeln!(
                out,
                "    {name} = {}",
                value.as_deref().map_or("(none)".into(), one_line)
            );
        }
    }
    if let Some(description) = &error.description {
        line(out, 2, "description", &one_line(description));
    }
    if let Some(solution) = &error.solution {
        line(out, 2, "solution", &one_line(solution));
    }
    items(out, &error.items);
}

fn items(out: &mut String, items: &BatchItems) {
    if items.is_empty() {
        return;
    }
    let ok = items.iter().filter(|item| item.ok).count();
    line(
        out,
        2,
        "items",
        &format!("{}: {ok} ok, {} failed", items.len(), items.len() - ok),
    );
    let number_width = items.len().to_string().len();
    for (index, item) in items.iter().enumerate() {
        let _ = write!(
            out,
            "    {:>number_width$}  {:<6}  id = {}",
            index + 1,
            if item.ok { "ok" } else { "failed" },
            item.id.map_or("(none)".into(), one_line)
        );
        if !item.message.is_empty() {
            let _ = write!(out, "  message = {}", one_line(item.message));
        }
        out.push('\n');
    }
}

/// `label` and `value` in aligned columns, `indent` spaces in.
fn line(out: &mut String, indent: usize, label: &str, value: &str) {
    let width = LABEL - indent;
    let _ = writeln!(out, "{:indent$}{label:<width$} {value}", "");
}
