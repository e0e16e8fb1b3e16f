//! How the CLI looks on a terminal: colours (through anstream, which drops them when the output
//! is not a terminal, when `NO_COLOR` is set, and keeps them with `CLICOLOR_FORCE`), and text
//! measured by display width and wrapped to the terminal's.

use anstyle::{AnsiColor, Effects, Style};
use unicode_width::UnicodeWidthStr;

/// Labels and headers.
pub const LABEL: Style = Style::new().effects(Effects::BOLD);
/// A variant name: what the response decoded to.
pub const VARIANT: Style = AnsiColor::Cyan.on_default().effects(Effects::BOLD);
/// A wire code.
pub const CODE: Style = AnsiColor::Yellow.on_default();
/// What fell back, failed or went wrong.
pub const WARN: Style = AnsiColor::Red.on_default();
/// What worked.
pub const GOOD: Style = AnsiColor::Green.on_default();
/// Quiet text: placeholders, notes.
pub const DIM: Style = Style::new().effects(Effects::DIMMED);

/// `text` in `style`; anstream removes the escapes where colour is off.
#[must_use]
pub fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// The width of `text` on a terminal, in columns (wide characters count two).
#[must_use]
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` padded with spaces to `columns` display columns.
#[must_use]
pub fn pad(text: &str, columns: usize) -> String {
    let mut padded = text.to_owned();
    padded.extend(std::iter::repeat_n(
        ' ',
        columns.saturating_sub(width(text)),
    ));
    padded
}

/// The width to wrap text at: `COLUMNS` when set to a number, else the width of the terminal
/// standard output is; `None` (no wrapping) when it is not a terminal.
#[must_use]
pub fn terminal_width() -> Option<usize> {
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.trim().parse::<usize>().ok())
        .filter(|columns| *columns > 0)
    {
        return Some(columns);
    }
    terminal_size::terminal_size().map(|(terminal_size::Width(columns), _)| usize::from(columns))
}

/// `text` in lines of at most `columns` display columns (words longer than that are split),
/// or one line when `columns` is `None`.
#[must_use]
pub fn wrap(text: &str, columns: Option<usize>) -> Vec<String> {
    match columns {
        Some(columns) => textwrap::wrap(text, columns.max(10))
            .into_iter()
            .map(std::borrow::Cow::into_owned)
            .collect(),
        None => vec![text.to_owned()],
    }
}

#[cfg(test)]
mod tests {
    use super::{pad, width, wrap};

    #[test]
    fn widths_count_columns_not_bytes_or_characters() {
        assert_eq!(width("Gerät"), 5);
        assert_eq!(width("設備"), 4);
        assert_eq!(pad("設備", 6), "設備  ");
    }

    #[test]
    fn text_wraps_at_the_width_by_display_columns() {
        let lines = wrap(
            "Thin client with ID 42 not found on the server 設備設備設備",
            Some(16),
        );
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|line| width(line) <= 16), "{lines:?}");
        assert_eq!(wrap("one line", None), ["one line"]);
    }
}
