//! Message templates: how a template's literal pieces are normalized, and how a message is
//! matched against them.
//!
//! A template is split into its literal pieces (`n` parameters between `n + 1` pieces), which
//! [`normalize_pieces`] trims, strips of a final `.`, `!` or `?` and of quotes next to a
//! parameter.
//! Matching normalizes the message the same way ([`normalize_message`]), then finds each piece
//! left to right. It never backtracks, so it is linear in the length of the message.

/// The most parameters one template may have where a spec is interpreted (`errspec decode
/// --spec`): generated code sizes its buffers to the spec itself.
pub const MAX_PARAMS: usize = 32;

/// Quote pairs stripped from a whole message and from a captured parameter value; their
/// characters are optional next to a parameter.
pub const QUOTE_PAIRS: &[(char, char)] = &[
    ('\'', '\''),
    ('"', '"'),
    ('`', '`'),
    ('\u{2018}', '\u{2019}'),
    ('\u{201c}', '\u{201d}'),
];

/// What may end a sentence: servers add or drop one where the documentation has none or
/// another, so one of them at the end of a message or a template is ignored.
pub const FINAL_STOPS: &[char] = &['.', '!', '?'];

/// The message the way templates are written: trimmed, unquoted, without a final `.`, `!`
/// or `?`.
#[must_use]
#[inline]
pub fn normalize_message(message: &str) -> &str {
    let trimmed = message.trim();
    let unquoted = strip_quote_pair(trimmed).trim();
    without_final_stop(unquoted)
}

/// `text` without one final [`FINAL_STOPS`] character and the space before it.
#[inline]
fn without_final_stop(text: &str) -> &str {
    // The stops are ASCII: one byte, never inside a longer character.
    match text.as_bytes().last() {
        Some(b'.' | b'!' | b'?') => text[..text.len() - 1].trim_end(),
        _ => text,
    }
}

#[inline]
fn strip_quote_pair(text: &str) -> &str {
    let mut chars = text.chars();
    let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
        return text;
    };
    if QUOTE_PAIRS.contains(&(first, last)) {
        &text[first.len_utf8()..text.len() - last.len_utf8()]
    } else {
        text
    }
}

/// Fills `values` with the parameter values of `message` when it matches the template whose
/// literal pieces are `pieces` (one more than `values`), and says whether it matched.
/// Values borrow from the message; `values` is left unspecified when it did not match.
pub fn capture<'m>(pieces: &[&str], message: &'m str, values: &mut [&'m str]) -> bool {
    capture_normalized(pieces, normalize_message(message), values)
}

/// [`capture`] for a message [`normalize_message`] already normalized: a message tried
/// against many templates is normalized once.
pub fn capture_normalized<'m>(pieces: &[&str], message: &'m str, values: &mut [&'m str]) -> bool {
    if pieces.len() != values.len() + 1 {
        return false;
    }
    if values.is_empty() {
        return message == pieces[0];
    }
    let mut empty = false;
    let found = capture_spans_dyn(pieces, message, |index, (start, end)| {
        let value = strip_quote_pair(message[start..end].trim());
        // A parameter holds at least one character besides its quotes.
        empty |= value.is_empty();
        values[index] = value;
    });
    found.is_some() && !empty
}

/// Whether `message` matches the template whose literal pieces are `pieces`.
#[must_use]
pub fn matches_template(pieces: &[&str], message: &str) -> bool {
    let message = normalize_message(message);
    match pieces {
        [] => false,
        [only] => message == *only,
        _ => capture_spans_dyn(pieces, message, |_, _| ()).is_some(),
    }
}

/// Finds every parameter's byte span, calling `found(index, span)` for each; `None` when the
/// message does not match. `pieces` holds at least two pieces.
fn capture_spans_dyn(
    pieces: &[&str],
    message: &str,
    mut found: impl FnMut(usize, (usize, usize)),
) -> Option<()> {
    let (first, rest) = pieces.split_first()?;
    let mut position = first.len();
    if !first.is_empty() && !message.starts_with(first) {
        return None;
    }
    let last_index = rest.len() - 1;
    for (index, literal) in rest.iter().enumerate() {
        // A parameter captures at least one character.
        let earliest_end = position + message[position..].chars().next()?.len_utf8();
        let end = if index == last_index {
            let end = message.len().checked_sub(literal.len())?;
            if end < earliest_end || (!literal.is_empty() && !message.ends_with(literal)) {
                return None;
            }
            end
        } else {
            earliest_end + message[earliest_end..].find(literal)?
        };
        found(index, (position, end));
        position = end + literal.len();
    }
    Some(())
}

/// Normalizes a template's literal pieces the way [`normalize_message`] normalizes messages:
/// trims the ends, drops quotes around the whole text and a final `.`, `!` or `?`, and drops quotes
/// next to parameters, which the matcher strips from captured values.
pub fn normalize_pieces(pieces: &mut [String]) {
    let count = pieces.len();
    if let Some(first) = pieces.first_mut() {
        *first = first.trim_start().to_owned();
    }
    if let Some(last) = pieces.last_mut() {
        *last = without_final_stop(last.trim_end()).to_owned();
    }
    if count == 1 {
        let whole = strip_quote_pair(&pieces[0]);
        if whole.len() != pieces[0].len() {
            pieces[0] = without_final_stop(whole.trim()).to_owned();
        }
        return;
    }
    let is_quote = |c: char| {
        QUOTE_PAIRS
            .iter()
            .any(|&(open, close)| c == open || c == close)
    };
    for (index, piece) in pieces.iter_mut().enumerate() {
        let mut text = piece.as_str();
        if index > 0 {
            text = text.strip_prefix(is_quote).unwrap_or(text);
        }
        if index + 1 < count {
            text = text.strip_suffix(is_quote).unwrap_or(text);
        }
        *piece = text.to_owned();
    }
}

#[cfg(test)]
mod tests {
    use super::{capture, matches_template, normalize_pieces};

    /// The parameter values `capture` finds for a template of `N` parameters, owned.
    fn match_template<const N: usize>(pieces: &[&str], message: &str) -> Option<[String; N]> {
        let mut values = [""; N];
        capture(pieces, message, &mut values).then(|| values.map(str::to_owned))
    }

    #[test]
    fn capture_borrows_values_from_the_message() {
        let mut values = [""; 1];
        assert!(capture(
            &["Thin client with ID ", " not found"],
            "Thin client with ID '42' not found.",
            &mut values
        ));
        assert_eq!(values, ["42"]);
        assert!(!capture(
            &["Thin client with ID ", " not found"],
            "Thin client with ID '' not found.",
            &mut values
        ));
        assert!(capture(&["Please login"], " Please login. ", &mut []));
        assert!(!capture(&["a ", " b"], "a x b", &mut []));
    }

    #[test]
    fn pieces_lose_what_messages_lose() {
        let mut pieces = vec!["Request method '".to_owned(), "' not supported.".to_owned()];
        normalize_pieces(&mut pieces);
        assert_eq!(pieces, ["Request method ", " not supported"]);
        let mut whole = vec!["\"Invalid request body.\"".to_owned()];
        normalize_pieces(&mut whole);
        assert_eq!(whole, ["Invalid request body"]);
        let mut exclaimed = vec!["Slow down, ".to_owned(), "!".to_owned()];
        normalize_pieces(&mut exclaimed);
        assert_eq!(exclaimed, ["Slow down, ", ""]);
    }

    #[test]
    fn a_final_stop_is_ignored_on_either_side_whichever_it_is() {
        let mut pieces = vec![
            "Are you sure you want to delete ".to_owned(),
            "?".to_owned(),
        ];
        normalize_pieces(&mut pieces);
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        for message in [
            "Are you sure you want to delete report-7?",
            "Are you sure you want to delete report-7",
            "Are you sure you want to delete report-7.",
            "Are you sure you want to delete report-7!",
        ] {
            assert_eq!(
                match_template::<1>(&pieces, message),
                Some(["report-7".to_owned()]),
                "{message}"
            );
        }
        assert!(matches_template(
            &["Rate limit exceeded"],
            "Rate limit exceeded!"
        ));
        assert!(matches_template(
            &["Rate limit exceeded"],
            "Rate limit exceeded ?"
        ));
        // One stop only: the rest of the text is the message's.
        assert!(!matches_template(
            &["Rate limit exceeded"],
            "Rate limit exceeded!!"
        ));
    }

    #[test]
    fn captures_a_parameter_and_tolerates_a_missing_period() {
        let pieces = ["Thin client with ID ", " not found"];
        assert_eq!(
            match_template::<1>(&pieces, "Thin client with ID 42 not found."),
            Some(["42".to_owned()])
        );
        assert_eq!(
            match_template::<1>(&pieces, "Thin client with ID 42 not found"),
            Some(["42".to_owned()])
        );
    }

    #[test]
    fn strips_quotes_around_a_captured_value() {
        let pieces = ["Request method ", " not supported"];
        assert_eq!(
            match_template::<1>(&pieces, "Request method 'GET' not supported"),
            Some(["GET".to_owned()])
        );
        assert_eq!(
            match_template::<1>(&pieces, "Request method \"PATCH\" not supported."),
            Some(["PATCH".to_owned()])
        );
    }

    #[test]
    fn rejects_other_messages_and_empty_parameters() {
        let pieces = ["Thin client with ID ", " not found"];
        assert_eq!(
            match_template::<1>(&pieces, "Thin client with ID  not found"),
            None
        );
        assert_eq!(
            match_template::<1>(&pieces, "Firmware with ID 3 not found"),
            None
        );
        assert_eq!(match_template::<1>(&pieces, ""), None);
        assert_eq!(match_template::<1>(&pieces, "Thin client with ID "), None);
        assert_eq!(
            match_template::<1>(&pieces, "Thin client with ID '' not found"),
            None
        );
    }

    #[test]
    fn several_parameters_are_found_left_to_right() {
        let pieces = ["", " The statement was aborted because of key ", ""];
        assert_eq!(
            match_template::<2>(
                &pieces,
                "Error 23505: The statement was aborted because of key (mac)=(00AB)"
            ),
            Some(["Error 23505:".to_owned(), "(mac)=(00AB)".to_owned()])
        );
    }

    #[test]
    fn a_template_without_parameters_matches_its_text_only() {
        assert!(matches_template(&["Please login"], "Please login"));
        assert!(matches_template(&["Please login"], " Please login. "));
        assert!(!matches_template(&["Please login"], "Please login again"));
        assert_eq!(
            match_template::<0>(&["Undecipherable"], "Undecipherable"),
            Some([])
        );
    }

    #[test]
    fn a_wrong_piece_count_never_matches() {
        assert_eq!(match_template::<2>(&["a ", " b"], "a x b"), None);
    }

    #[test]
    fn adversarial_messages_finish_quickly() {
        let pieces = ["a", "b", "c", "d"];
        let message = "a".repeat(200_000);
        assert_eq!(match_template::<3>(&pieces, &message), None);
    }
}
