//! Inferring a message template from a code's messages when they differ by a value at the
//! same words.

use crate::authoring::draft::{self, Names};

/// A template that every message of one code fits, when they differ by values: at the same
/// words (`Thin client with ID 42 not found.` and `... ID 7 ...` give
/// `Thin client with ID {id} not found.`), or by a run of words after a shared beginning
/// (`Model gpt-4 is not available` and `Model text davinci 3 is not available` give
/// `Model {model} is not available`). `None` when they are all the same, or share no word
/// with a letter.
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
    let out = if split.iter().all(|message| message.len() == words) {
        by_column(&split)?
    } else {
        by_run(&split)?
    };
    let literal_word = out
        .iter()
        .any(|word| !word.contains('{') && word.chars().any(char::is_alphabetic));
    literal_word.then(|| out.join(" "))
}

/// Messages of as many words: each column where they differ is a value.
fn by_column(split: &[Vec<&str>]) -> Option<Vec<String>> {
    let mut names = Names::default();
    let mut out = Vec::with_capacity(split[0].len());
    for position in 0..split[0].len() {
        let column: Vec<&str> = split.iter().map(|message| message[position]).collect();
        if column.iter().all(|word| *word == column[0]) {
            out.push(draft::literal(column[0]));
            continue;
        }
        out.push(value(&column, &split[0][..position], &mut names)?);
    }
    Some(out)
}

/// Messages of different lengths that begin alike: the words all begin and end with stay,
/// the run between them is one value.
fn by_run(split: &[Vec<&str>]) -> Option<Vec<String>> {
    let shortest = split.iter().map(Vec::len).min()?;
    let begin = (0..shortest)
        .take_while(|&index| {
            split
                .iter()
                .all(|message| message[index] == split[0][index])
        })
        .count();
    if begin == 0 {
        return None;
    }
    let end = (0..shortest - begin)
        .take_while(|&back| {
            split.iter().all(|message| {
                message[message.len() - 1 - back] == split[0][split[0].len() - 1 - back]
            })
        })
        .count();
    let runs: Vec<String> = split
        .iter()
        .map(|message| message[begin..message.len() - end].join(" "))
        .collect();
    let runs: Vec<&str> = runs.iter().map(String::as_str).collect();
    let mut out: Vec<String> = split[0][..begin]
        .iter()
        .map(|word| draft::literal(word))
        .collect();
    out.push(value(&runs, &split[0][..begin], &mut Names::default())?);
    out.extend(
        split[0][split[0].len() - end..]
            .iter()
            .map(|word| draft::literal(word)),
    );
    Some(out)
}

/// The parameter for the texts of one value, the quotes and punctuation all share around it
/// literal (`'name'`, `42.`), never part of a value (`500` and `100` share no `00`); `None`
/// when a text would be left empty.
fn value(texts: &[&str], before: &[&str], names: &mut Names) -> Option<String> {
    let prefix = punctuation_only(common_prefix(texts), false);
    let rests: Vec<&str> = texts.iter().map(|text| &text[prefix.len()..]).collect();
    let suffix = punctuation_only(common_suffix(&rests), true);
    if texts
        .iter()
        .any(|text| text.len() <= prefix.len() + suffix.len())
    {
        return None;
    }
    let name = draft::parameter_name(before, names);
    Some(format!(
        "{}{{{name}}}{}",
        draft::literal(prefix),
        draft::literal(suffix)
    ))
}

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
    fn values_of_several_words_give_one_parameter() {
        assert_eq!(
            template(&strings(&[
                "Model gpt-4 is not available.",
                "Model text davinci 3 is not available."
            ])),
            Some("Model {model} is not available.".to_owned())
        );
        assert_eq!(
            template(&strings(&["Unknown type: 'a'", "Unknown type: 'b c'"])),
            Some("Unknown type: '{type_value}'".to_owned())
        );
    }

    #[test]
    fn same_or_differently_shaped_messages_give_none() {
        assert_eq!(template(&strings(&["Not found", "Not found"])), None);
        assert_eq!(template(&strings(&["Not found", "Gone"])), None);
        assert_eq!(template(&strings(&["Not found", "Really not found"])), None);
        assert_eq!(template(&strings(&["Only one"])), None);
    }
}
