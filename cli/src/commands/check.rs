//! `errspec check`: specs read and validated exactly as the macro reads and validates them,
//! with the same diagnostics, as text or JSON.

use errspec_codegen::diagnostic::line_col;
use errspec_codegen::Diagnostic;
use serde::Serialize;

use crate::target::{self, LoadError};
use crate::text::count;

/// The outcome of checking one spec.
#[derive(Debug, Serialize)]
pub struct Checked {
    /// The spec as the user named it.
    pub file: String,
    /// Whether it has no mistake.
    pub ok: bool,
    /// How many errors it documents, when it has no mistake.
    pub errors: Option<usize>,
    /// Why it cannot be read at all.
    pub problem: Option<String>,
    /// Every mistake, positioned.
    pub diagnostics: Vec<Mistake>,
    /// The mistakes rendered as the macro renders them (not in JSON).
    #[serde(skip)]
    pub rendered: Vec<String>,
}

/// One mistake in JSON: `line` and `column` are 1-based, the column in characters.
#[derive(Debug, Serialize)]
pub struct Mistake {
    /// What is wrong.
    pub message: String,
    /// Where it starts.
    pub line: usize,
    /// Where it starts on its line.
    pub column: usize,
    /// What to write instead, when there is a clear answer.
    pub help: Option<String>,
    /// Something more to know.
    pub note: Option<String>,
    /// What the text at `line` and `column` is, when the mistake says.
    pub here: Option<String>,
    /// Other places that matter (where a duplicate was first defined), each positioned.
    pub labels: Vec<Label>,
}

/// Another place a mistake points at.
#[derive(Debug, Serialize)]
pub struct Label {
    /// What is there.
    pub label: String,
    /// Where it starts.
    pub line: usize,
    /// Where it starts on its line.
    pub column: usize,
}

/// Checks one spec: a bundled vendor's name or a file's path.
#[must_use]
pub fn check(argument: &str) -> Checked {
    match target::load(argument) {
        Ok(target) => Checked {
            file: argument.to_owned(),
            ok: true,
            errors: Some(target.spec.errors.len()),
            problem: None,
            diagnostics: Vec::new(),
            rendered: Vec::new(),
        },
        Err(LoadError::Unknown(problem) | LoadError::Unreadable(problem)) => Checked {
            file: argument.to_owned(),
            ok: false,
            errors: None,
            problem: Some(problem),
            diagnostics: Vec::new(),
            rendered: Vec::new(),
        },
        Err(LoadError::Mistakes {
            display,
            source,
            diagnostics,
        }) => Checked::mistakes(argument, &display, &source, &diagnostics),
    }
}

impl Checked {
    /// The outcome for a spec with mistakes: each positioned and rendered against `source`,
    /// shown as `display`.
    #[must_use]
    pub fn mistakes(file: &str, display: &str, source: &str, diagnostics: &[Diagnostic]) -> Self {
        Checked {
            file: file.to_owned(),
            ok: false,
            errors: None,
            problem: None,
            rendered: rendered(display, source, diagnostics),
            diagnostics: diagnostics
                .iter()
                .map(|diagnostic| {
                    let (line, column) = line_col(source, diagnostic.span.start);
                    Mistake {
                        message: diagnostic.message.clone(),
                        line,
                        column,
                        help: diagnostic.help.clone(),
                        note: diagnostic.note.clone(),
                        here: diagnostic.here.clone(),
                        labels: diagnostic
                            .labels
                            .iter()
                            .map(|(span, label)| {
                                let (line, column) = line_col(source, span.start);
                                Label {
                                    label: label.clone(),
                                    line,
                                    column,
                                }
                            })
                            .collect(),
                    }
                })
                .collect(),
        }
    }
}

/// Each diagnostic rendered against its spec as rustc renders its own, `error: ` first, in
/// colour (printed through anstream, which drops it where colour is off).
fn rendered(display: &str, source: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|diagnostic| diagnostic.report(display, source, true))
        .collect()
}

impl Checked {
    /// The text `errspec check` prints: an `ok:` line for stdout, or for stderr an `error:`
    /// block per mistake (with the colours of rustc) and a `failed:` line.
    #[must_use]
    pub fn text(&self) -> (String, String) {
        if let Some(documented) = self.errors {
            return (
                format!(
                    "ok: {}: {} documented\n",
                    self.file,
                    count(documented, "error", "errors")
                ),
                String::new(),
            );
        }
        if let Some(problem) = &self.problem {
            return (String::new(), format!("error: {problem}\n"));
        }
        let mut err = String::new();
        for rendered in &self.rendered {
            err.push_str(rendered);
            err.push_str("\n\n");
        }
        err.push_str(&format!(
            "failed: {}: {}\n",
            self.file,
            count(self.rendered.len(), "mistake", "mistakes")
        ));
        (String::new(), err)
    }
}
