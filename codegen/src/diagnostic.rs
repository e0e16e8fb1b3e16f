//! Spec errors with their position, rendered the way rustc renders its own.

use core::fmt;
use core::ops::Range;

/// One mistake in a spec, at a byte range of the spec's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Byte range of the offending text in the spec.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// What to write instead, if there is a clear answer.
    pub help: Option<String>,
    /// Another place that matters, such as where a duplicate was first defined.
    pub note: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at `span`.
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            span,
            message: message.into(),
            help: None,
            note: None,
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

    /// This diagnostic rendered against the spec text it points into.
    #[must_use]
    pub fn render<'a>(&'a self, file: &'a str, source: &'a str) -> Rendered<'a> {
        Rendered {
            diagnostic: self,
            file,
            source,
        }
    }
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

/// Where in `source` the line containing `offset` starts and ends.
fn line_bounds(source: &str, offset: usize) -> Range<usize> {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let start = source[..offset]
        .rfind('\n')
        .map_or(0, |newline| newline + 1);
    let end = source[offset..]
        .find('\n')
        .map_or(source.len(), |newline| offset + newline);
    start..end
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

/// The longest line quoted under a diagnostic, in characters.
const MAX_QUOTED_CHARS: usize = 160;

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Rendered {
            diagnostic,
            file,
            source,
        } = self;
        let (line, column) = line_col(source, diagnostic.span.start);
        let bounds = line_bounds(source, diagnostic.span.start);
        let text = source[bounds.clone()].trim_end_matches('\r');
        let gutter = " ".repeat(line.to_string().len());
        writeln!(f, "{}", diagnostic.message)?;
        writeln!(f, "{gutter}--> {file}:{line}:{column}")?;
        writeln!(f, "{gutter} |")?;
        let span_end = diagnostic
            .span
            .end
            .min(bounds.end)
            .max(diagnostic.span.start);
        let underlined = source
            .get(diagnostic.span.start.min(bounds.end)..span_end)
            .map_or(0, |text| text.chars().count())
            .max(1);
        // A long line is quoted from a little before the span, so the caret stays under it.
        let at = column - 1;
        let skipped = if at + underlined.min(MAX_QUOTED_CHARS / 2) <= MAX_QUOTED_CHARS {
            0
        } else {
            at - MAX_QUOTED_CHARS / 4
        };
        let elided = if skipped > 0 { "..." } else { "" };
        let quoted: String = text
            .chars()
            .skip(skipped)
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(MAX_QUOTED_CHARS)
            .collect();
        writeln!(f, "{line} | {elided}{quoted}")?;
        let indent = elided.len() + at - skipped;
        let carets = underlined.min(MAX_QUOTED_CHARS - (at - skipped)).max(1);
        write!(f, "{gutter} | {}{}", " ".repeat(indent), "^".repeat(carets))?;
        if let Some(note) = &diagnostic.note {
            write!(f, "\n{gutter} = note: {note}")?;
        }
        if let Some(help) = &diagnostic.help {
            write!(f, "\n{gutter} = help: {help}")?;
        }
        Ok(())
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
        assert!(quoted.chars().count() <= 160 + 10, "{rendered}");
    }

    #[test]
    fn renders_file_line_column_the_quoted_line_and_a_caret() {
        let source = "[api]\nnmae = \"Acme\"\n";
        let diagnostic =
            Diagnostic::new(6..10, "unknown key `nmae` in [api]").help("did you mean `name`?");
        assert_eq!(
            diagnostic.render("specs/acme.toml", source).to_string(),
            "unknown key `nmae` in [api]\n --> specs/acme.toml:2:1\n  |\n2 | nmae = \"Acme\"\n  | ^^^^\n  = help: did you mean `name`?"
        );
    }
}
