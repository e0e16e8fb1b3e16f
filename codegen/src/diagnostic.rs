//! Spec errors with their position, rendered by annotate-snippets, the renderer rustc and
//! cargo use: the message, `--> file:line:col`, the quoted lines with the mistake underlined
//! and other places that matter labelled, then notes and help.

use core::fmt;
use core::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// One mistake in a spec, at a byte range of the spec's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Byte range of the offending text in the spec.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// What to write instead, if there is a clear answer.
    pub help: Option<String>,
    /// Something more to know, said in words.
    pub note: Option<String>,
    /// What the underlined text is, when it helps to say (`defined again here`).
    pub here: Option<String>,
    /// Other places that matter, each with what it is (where a duplicate was first defined).
    pub labels: Vec<(Range<usize>, String)>,
}

impl Diagnostic {
    /// A diagnostic at `span`.
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            span,
            message: message.into(),
            help: None,
            note: None,
            here: None,
            labels: Vec::new(),
        }
    }

    /// Adds what to write instead.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a note.
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// Labels the underlined text itself: `defined again here`.
    #[must_use]
    pub fn here(mut self, text: impl Into<String>) -> Self {
        self.here = Some(text.into());
        self
    }

    /// Labels another place of the spec: `first defined here`.
    #[must_use]
    pub fn label(mut self, span: Range<usize>, text: impl Into<String>) -> Self {
        self.labels.push((span, text.into()));
        self
    }

    /// This diagnostic rendered against the spec text it points into, as the macro reports
    /// it: plain text, starting with the message (the compiler adds `error: `).
    #[must_use]
    pub fn render<'a>(&'a self, file: &'a str, source: &'a str) -> Rendered<'a> {
        Rendered {
            diagnostic: self,
            file,
            source,
        }
    }

    /// This diagnostic as a command line tool reports it: `error: ` and the rest, with the
    /// ANSI colours of rustc when `styled` (strip them where colour is off).
    #[must_use]
    pub fn report(&self, file: &str, source: &str, styled: bool) -> String {
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&self.group(Level::ERROR, file, source))
    }

    /// The report: title, the snippet with the primary span and the labels, note, help.
    fn group<'a>(&'a self, level: Level<'a>, file: &'a str, source: &'a str) -> [Group<'a>; 1] {
        let mut primary = AnnotationKind::Primary.span(within(source, &self.span));
        if let Some(here) = &self.here {
            primary = primary.label(here.as_str());
        }
        let mut snippet = Snippet::source(source).path(file).annotation(primary);
        for (span, text) in &self.labels {
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(within(source, span))
                    .label(text.as_str()),
            );
        }
        let mut group = level.primary_title(self.message.as_str()).element(snippet);
        if let Some(note) = &self.note {
            group = group.element(Level::NOTE.message(note.as_str()));
        }
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        [group]
    }
}

/// `span` made safe to quote from `source`: inside it, at character boundaries.
fn within(source: &str, span: &Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(source, span.start.min(source.len()));
    let end = floor_char_boundary(source, span.end.min(source.len())).max(start);
    start..end
}

/// 1-based line and column (in characters) of a byte offset.
#[must_use]
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn floor_char_boundary(source: &str, mut offset: usize) -> usize {
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A diagnostic with its file and source, ready to print.
pub struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    file: &'a str,
    source: &'a str,
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Rendered {
            diagnostic,
            file,
            source,
        } = self;
        let report = diagnostic.group(Level::ERROR.no_name(), file, source);
        f.write_str(&Renderer::plain().render(&report))
    }
}

#[cfg(test)]
mod tests {
    use super::{line_col, Diagnostic};

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let source = "a = 1\nnäme = \"x\"\n";
        assert_eq!(line_col(source, 0), (1, 1));
        assert_eq!(line_col(source, 6), (2, 1));
        assert_eq!(line_col(source, source.find('=').unwrap()), (1, 3));
        let after_umlaut = source.find(" = \"x").unwrap();
        assert_eq!(line_col(source, after_umlaut), (2, 5));
    }

    #[test]
    fn a_long_line_is_quoted_around_the_span_with_the_caret_under_it() {
        let source = format!("recovery = {{ x = \"{}\", y = 1 }}\n", "d".repeat(400));
        let start = source.find("y = 1").unwrap();
        let rendered = Diagnostic::new(start..start + 5, "unknown key `y`")
            .render("a.toml", &source)
            .to_string();
        assert!(
            rendered.contains(&format!("--> a.toml:1:{}", start + 1)),
            "{rendered}"
        );
        let lines: Vec<&str> = rendered.lines().collect();
        let quoted = lines[3];
        let carets = lines[4];
        let column = carets.find('^').unwrap();
        assert_eq!(&quoted[column..column + 5], "y = 1", "{rendered}");
        assert_eq!(carets[column..].trim_end(), "^^^^^", "{rendered}");
        assert!(quoted.starts_with("1 | ..."), "{rendered}");
        assert!(quoted.chars().count() <= 160, "{rendered}");
    }

    #[test]
    fn renders_file_line_column_the_quoted_line_and_a_caret() {
        let source = "[api]\nnmae = \"Acme\"\n";
        let diagnostic =
            Diagnostic::new(6..10, "unknown key `nmae` in [api]").help("did you mean `name`?");
        assert_eq!(
            diagnostic.render("specs/acme.toml", source).to_string(),
            "unknown key `nmae` in [api]\n --> specs/acme.toml:2:1\n  |\n2 | nmae = \"Acme\"\n  | ^^^^\n  |\n  = help: did you mean `name`?"
        );
        assert!(diagnostic
            .report("specs/acme.toml", source, false)
            .starts_with("error: unknown key `nmae` in [api]\n"));
        let styled = diagnostic.report("specs/acme.toml", source, true);
        assert!(styled.contains("\u{1b}["), "{styled}");
    }

    #[test]
    fn another_place_is_labelled_in_its_own_line() {
        let source = "[[error]]\nvariant = \"A\"\n\n[[error]]\nvariant = \"A\"\n";
        let first = source.find("\"A\"").unwrap();
        let second = source.rfind("\"A\"").unwrap();
        let rendered = Diagnostic::new(second..second + 3, "variant `A` is defined twice")
            .label(first..first + 3, "first defined here")
            .here("defined again here")
            .render("acme.toml", source)
            .to_string();
        assert_eq!(
            rendered,
            "variant `A` is defined twice\n --> acme.toml:5:11\n  |\n2 | variant = \"A\"\n  |           --- first defined here\n...\n5 | variant = \"A\"\n  |           ^^^ defined again here"
        );
    }

    #[test]
    fn spans_past_the_end_or_inside_a_character_are_quoted_safely() {
        let source = "name = \"Gerät\"";
        // The last is reversed, as a span computed from a bad offset might be.
        for (start, end) in [(3, 400), (11, 12), (400, 500), (12, 11)] {
            let span = start..end;
            let rendered = Diagnostic::new(span.clone(), "x")
                .render("a.toml", source)
                .to_string();
            assert!(rendered.contains("--> a.toml:1:"), "{span:?}: {rendered}");
        }
    }
}
