//! Sentence cues: whether text begins like a sentence and which characters end one. The rules
//! that tell a clause number from a number in running text, and headings from text, ask these.

use crate::normalize::is_collapsible_space as is_space;

/// Whether `s` begins like a sentence: its first visible character, after bold and italic
/// marks, is a capital letter or an opening quote or bracket.
pub(super) fn starts_upper(s: &str) -> bool {
    s.chars()
        .find(|c| !matches!(c, '*' | '_') && !is_space(*c))
        .is_some_and(|c| c.is_uppercase() || matches!(c, '«' | '"' | '“' | '„' | '\'' | '(' | '['))
}

/// Whether `c` ends a sentence or a list item.
pub(super) fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | ';' | ':' | '!' | '?' | '…')
}

/// Whether `s` begins with a lower-case letter (after emphasis marks): the rest of a sentence
/// broken over lines.
pub(super) fn starts_lower(s: &str) -> bool {
    s.chars()
        .find(|c| !matches!(c, '*' | '_') && !is_space(*c))
        .is_some_and(char::is_lowercase)
}
