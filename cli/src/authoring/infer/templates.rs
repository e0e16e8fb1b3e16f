//! Inferring a message template from a code's messages when they differ by a value at the
//! same words.

use std::collections::HashSet;

use crate::authoring::draft;

/// A template that every message of one code fits, when they differ by values at the same
/// words: `Thin client with ID 42 not found.` and `... ID 7 ...` give
/// `Thin client with ID {id} not found.`. `None` when they are all the same, or differ in
/// their number of words.
#[must_use]
pub fn template(messages: &[String]) -> Option<String> {
    let first = messages.first()?;
    if messages.iter().all(|message| message == first) {
        return None;
    }
    let split: Vec<Vec<&str>> = messages
        .iter()
        .map(|message| message.split(' ').collect())
        .collect();
    let words = split[0].len();
    if split.iter().any(|message| message.len() != words) {
        return None;
    }
    let mut names = HashSet::new();
    let mut out = Vec::with_capacity(words);
    for position in 0..words {
        let column: Vec<&str> = split.iter().map(|message| message[position]).collect();
        if column.iter().all(|word| *word == column[0]) {
            out.push(draft::literal(column[0]));
            continue;
        }
        // The value is what differs: the quotes and punctuation all share around it stay
        // literal (`'name'`, `42.`), never part of a value (`500` and `100` share no `00`).
        let prefix = punctuation_only(common_prefix(&column), false);
        let rests: Vec<&str> = column.iter().map(|word| &word[prefix.len()..]).collect();
        let suffix = punctuation_only(common_suffix(&rests), true);
        if column
            .iter()
            .any(|word| word.len() == prefix.len() + suffix.len())
        {
            return None;
        }
        // Named after the word before it, skipping small words: `ID 42` gives `id`.
        let before = split[0][..position]
            .iter()
            .rev()
            .find(|word| !SMALL_WORDS.contains(&word.to_ascii_lowercase().as_str()))
            .copied()
            .unwrap_or("");
        let mut name: String = before
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            name = "value".to_owned();
        }
        let mut unique = name.clone();
        let mut next = 2;
        while !names.insert(unique.clone()) {
            unique = format!("{name}{next}");
            next += 1;
        }
        out.push(format!(
            "{}{{{unique}}}{}",
            draft::literal(prefix),
            draft::literal(suffix)
        ));
    }
    Some(out.join(" "))
}

/// Words a parameter is not named after.
const SMALL_WORDS: &[&str] = &[
    "of", "the", "a", "an", "to", "for", "in", "on", "at", "by", "with", "is", "was", "from",
    "and", "or",
];

/// The part of `shared` (a common prefix, or a suffix when `at_end`) made of characters that
/// are neither letters nor digits, from the outside in.
fn punctuation_only(shared: &str, at_end: bool) -> &str {
    let is_value = |c: char| c.is_alphanumeric();
    if at_end {
        let start = shared
            .char_indices()
            .rev()
            .take_while(|(_, c)| !is_value(*c))
            .last()
            .map_or(shared.len(), |(index, _)| index);
        &shared[start..]
    } else {
        let end = shared
            .char_indices()
            .take_while(|(_, c)| !is_value(*c))
            .last()
            .map_or(0, |(index, c)| index + c.len_utf8());
        &shared[..end]
    }
}

fn common_prefix<'a>(words: &[&'a str]) -> &'a str {
    let first = words[0];
    let mut end = first.len();
    for word in &words[1..] {
        end = first
            .char_indices()
            .zip(word.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((index, c), _)| index + c.len_utf8())
            .min(end);
    }
    &first[..end]
}

fn common_suffix<'a>(words: &[&'a str]) -> &'a str {
    let first = words[0];
    let mut start = 0;
    for word in &words[1..] {
        let shared = first
            .chars()
            .rev()
            .zip(word.chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum::<usize>();
        start = start.max(first.len() - shared);
    }
    &first[start..]
}

#[cfg(test)]
mod tests {
    use super::template;

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| (*text).to_owned()).collect()
    }

    #[test]
    fn messages_that_differ_by_a_value_give_a_template() {
        assert_eq!(
            template(&strings(&[
                "Thin client with ID 42 not found.",
                "Thin client with ID 7 not found."
            ])),
            Some("Thin client with ID {id} not found.".to_owned())
        );
        assert_eq!(
            template(&strings(&[
                "Field 'name' is blank",
                "Field 'serial' is blank"
            ])),
            Some("Field '{field}' is blank".to_owned())
        );
        assert_eq!(
            template(&strings(&[
                "Quota of 500 used; 20 left",
                "Quota of 100 used; 3 left"
            ])),
            Some("Quota of {quota} used; {used} left".to_owned())
        );
    }

    #[test]
    fn same_or_differently_shaped_messages_give_none() {
        assert_eq!(template(&strings(&["Not found", "Not found"])), None);
        assert_eq!(template(&strings(&["Not found", "Really not found"])), None);
        assert_eq!(template(&strings(&["Only one"])), None);
    }
}
