//! Message templates: `Thin client with ID {id} not found.` split into literal pieces and
//! parameter names, normalized the way `errspec`'s matcher normalizes messages.

use core::ops::Range;

use errspec_vocab::template::{normalize_pieces, QUOTE_PAIRS};
use heck::ToSnakeCase;

use crate::check::names::check_field_name;
use crate::model::Template;

/// Whether `c` is a quote that may surround a parameter, optional when matching.
fn is_quote(c: char) -> bool {
    QUOTE_PAIRS
        .iter()
        .any(|&(open, close)| c == open || c == close)
}

/// A template mistake, at a byte offset of the template text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Byte offset in the template where the mistake starts.
    pub offset: usize,
    /// Byte offset in the template where it ends.
    pub end: usize,
    /// What is wrong.
    pub message: String,
    /// What to write instead.
    pub help: Option<String>,
}

/// The parameters a template names, read leniently from a template with a mistake: each
/// `{name}` that is a valid field name, once, in order.
#[must_use]
pub fn declared_params(text: &str) -> Vec<String> {
    let mut params: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let unescaped = text.replace("{{", "").replace("}}", "");
    // One pass over the text, however many braces a broken template holds.
    let mut rest = unescaped.as_str();
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find(['}', '{']) else {
            break;
        };
        let name = &rest[..close];
        if rest[close..].starts_with('}') && check_field_name(name).is_ok() && seen.insert(name) {
            params.push(name.to_owned());
        }
        rest = &rest[close..];
    }
    params
}

/// Splits `text` into pieces and parameters.
///
/// # Errors
/// An unclosed or unmatched brace, a parameter that is not a field name, a parameter used
/// twice, or two parameters with nothing between them.
pub fn parse_template(text: &str) -> Result<Template, TemplateError> {
    let mut pieces = vec![String::new()];
    let mut params: Vec<String> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|&(_, next)| next == '{') => {
                chars.next();
                push_literal(&mut pieces, '{');
            }
            '}' if chars.peek().is_some_and(|&(_, next)| next == '}') => {
                chars.next();
                push_literal(&mut pieces, '}');
            }
            '{' => {
                let Some(close) = text[offset..].find('}') else {
                    return Err(TemplateError {
                        offset,
                        end: offset + 1,
                        message: "unclosed `{` in message template".into(),
                        help: Some(
                            "close the parameter with `}`, or write `{{` for a literal brace"
                                .into(),
                        ),
                    });
                };
                let name = &text[offset + 1..offset + close];
                check_param(offset..offset + close + 1, name, &pieces, &params)?;
                params.push(name.to_owned());
                pieces.push(String::new());
                while chars.peek().is_some_and(|&(at, _)| at <= offset + close) {
                    chars.next();
                }
            }
            '}' => {
                return Err(TemplateError {
                    offset,
                    end: offset + 1,
                    message: "unmatched `}` in message template".into(),
                    help: Some("write `}}` for a literal brace".into()),
                });
            }
            other => push_literal(&mut pieces, other),
        }
    }
    normalize_pieces(&mut pieces);
    Ok(Template {
        text: text.to_owned(),
        pieces,
        params,
    })
}

fn push_literal(pieces: &mut [String], c: char) {
    if let Some(last) = pieces.last_mut() {
        last.push(c);
    }
}

fn check_param(
    at: Range<usize>,
    name: &str,
    pieces: &[String],
    params: &[String],
) -> Result<(), TemplateError> {
    let error = |message: String, help: String| TemplateError {
        offset: at.start,
        end: at.end,
        message,
        help: Some(help),
    };
    if let Err(problem) = check_field_name(name) {
        let snake = name.to_snake_case();
        let help = if snake != name && check_field_name(&snake).is_ok() {
            format!("did you mean `{{{snake}}}`? Parameters are Rust field names in snake_case; write `{{{{` and `}}}}` for literal braces")
        } else {
            "name parameters in snake_case, like `{id}` or `{thin_client_id}`; write `{{` and `}}` for literal braces".into()
        };
        return Err(error(
            format!("template parameter `{{{name}}}` {problem}"),
            help,
        ));
    }
    if params.iter().any(|existing| existing == name) {
        return Err(error(
            format!("template parameter `{{{name}}}` is used twice"),
            "give each parameter its own name".into(),
        ));
    }
    let follows_parameter = !params.is_empty()
        && pieces
            .last()
            .is_some_and(|piece| piece.trim_matches(is_quote).trim().is_empty());
    if follows_parameter {
        let previous = params.last().map_or("", String::as_str);
        return Err(error(
            format!(
                "template parameters `{{{previous}}}` and `{{{name}}}` have no text between them, so a message cannot be split between them"
            ),
            "merge them into one parameter".into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{declared_params, parse_template};

    #[test]
    fn a_broken_template_declares_each_name_once_in_order() {
        assert_eq!(
            declared_params("Client {id} in {{literal}} {Bad Name} {id}{folder"),
            ["id"]
        );
        assert_eq!(declared_params("{a}{b}{a} {c"), ["a", "b"]);
        // Hundreds of thousands of parameters: read in one pass.
        let many: String = (0..300_000).map(|n| format!("{{p{n}}}")).collect();
        assert_eq!(declared_params(&many).len(), 300_000);
    }

    fn pieces(text: &str) -> (Vec<String>, Vec<String>) {
        let template = parse_template(text).unwrap();
        (template.pieces, template.params)
    }

    #[test]
    fn splits_at_parameters_and_drops_the_final_period() {
        assert_eq!(
            pieces("Thin client with ID {id} not found."),
            (
                vec!["Thin client with ID ".into(), " not found".into()],
                vec!["id".into()]
            )
        );
    }

    #[test]
    fn quotes_next_to_a_parameter_become_optional() {
        assert_eq!(
            pieces("Request method '{method}' not supported."),
            (
                vec!["Request method ".into(), " not supported".into()],
                vec!["method".into()]
            )
        );
    }

    #[test]
    fn doubled_braces_are_literal() {
        assert_eq!(pieces("a {{b}} c"), (vec!["a {b} c".into()], vec![]));
    }

    #[test]
    fn a_quoted_whole_message_is_unquoted() {
        assert_eq!(
            pieces("\"Invalid request body.\""),
            (vec!["Invalid request body".into()], vec![])
        );
    }

    #[test]
    fn mistakes_point_at_their_offset() {
        let error = parse_template("ID {id not found").unwrap_err();
        assert_eq!(
            (error.offset, error.message.as_str()),
            (3, "unclosed `{` in message template")
        );
        let error = parse_template("ID {1d}").unwrap_err();
        assert_eq!((error.offset, error.end), (3, 7));
        assert!(
            error.message.starts_with("template parameter `{1d}`"),
            "{}",
            error.message
        );
        let error = parse_template("{a} '{b}'").unwrap_err();
        assert!(
            error.message.contains("no text between them"),
            "{}",
            error.message
        );
        let error = parse_template("ID {Client Id}").unwrap_err();
        assert!(
            error
                .help
                .as_deref()
                .unwrap()
                .starts_with("did you mean `{client_id}`?"),
            "{:?}",
            error.help
        );
        assert!(parse_template("{a} {a}")
            .unwrap_err()
            .message
            .contains("used twice"));
        assert!(parse_template("a } b")
            .unwrap_err()
            .message
            .contains("unmatched `}`"));
    }
}
