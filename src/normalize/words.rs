//! White space and words: the text cut into runs of white space, words and single
//! characters; white space collapsed to single spaces, words composed to NFC and, when typed
//! in two scripts, repaired.

use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

use super::offsets::{Builder, OffsetMap, map_through};
use super::repair::{Repaired, ScriptRepair, repair_word};
use crate::Span;
use crate::language::is_cyrillic;

/// White space, and the invisible characters that PDF extraction leaves between words.
pub(crate) fn is_collapsible_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        )
}

/// Collapses white space, composes to NFC and repairs mixed-script words, mapping every
/// piece of output back to `input` (whose own maps to the source are `input_maps`).
pub(super) fn clean_words(
    input: &str,
    input_maps: &[OffsetMap],
    out: &mut Builder,
) -> Vec<ScriptRepair> {
    let to_source = |at: usize| map_through(input_maps, at);
    let mut repairs = Vec::new();
    let mut pending_space = false;
    for token in (Tokens { text: input, at: 0 }) {
        if token.space {
            pending_space = true;
            continue;
        }
        let (at, text) = (token.at, &input[token.at..token.end]);
        if pending_space && !out.text.is_empty() {
            out.replace(" ", at);
        }
        pending_space = false;
        if token.may_mix
            && let Some(Repaired {
                word: repaired,
                direction,
                substitutions,
            }) = repair_word(text)
        {
            let start = to_source(at);
            // A mixed-script word holds at least two letters, so it has a last char.
            let (last_at, last) = text.char_indices().next_back().unwrap_or((0, ' '));
            let end = to_source(at + last_at) + last.len_utf8();
            repairs.push(ScriptRepair {
                span: Span::new(start, end),
                word: text.to_owned(),
                repaired: repaired.clone(),
                direction,
                substitutions,
            });
            let repaired_nfc: String = repaired.nfc().collect();
            out.replace(&repaired_nfc, at);
        } else if !token.may_compose
            || is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
        {
            out.copy(text, at);
        } else {
            let composed: String = text.nfc().collect();
            if composed == text {
                out.copy(text, at);
            } else {
                out.replace(&composed, at);
            }
        }
    }
    repairs
}

/// A piece of text for [`clean_words`]: a run of white space, a word (letters, digits and
/// combining marks) or a single other character.
struct Token {
    at: usize,
    end: usize,
    space: bool,
    /// Letters of more than one script, or letters outside ASCII and Cyrillic: worth a
    /// mixed-script check.
    may_mix: bool,
    /// Characters NFC might change (anything outside ASCII and precomposed Cyrillic).
    may_compose: bool,
}

/// Splits a text into [`Token`]s. Words are runs of letters, which is all the script repair
/// needs; ASCII and Cyrillic, the bulk of the text, are classified by range, and only other
/// characters reach the Unicode tables (full word segmentation made normalization the
/// slowest step of reading a document).
struct Tokens<'t> {
    text: &'t str,
    at: usize,
}

/// A character that belongs to a word: a letter, a digit, a combining mark, or a soft hyphen
/// or zero-width joiner inside one.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || is_cyrillic(c)
        || (!c.is_ascii()
            && (c.is_alphanumeric()
                || unicode_normalization::char::is_combining_mark(c)
                || matches!(c, '\u{ad}' | '\u{200d}')))
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let rest = &self.text[self.at..];
        let first = rest.chars().next()?;
        let start = self.at;
        let mut end = start + first.len_utf8();
        let mut token = Token {
            at: start,
            end,
            space: false,
            may_mix: false,
            may_compose: !first.is_ascii() && !is_cyrillic(first),
        };
        // ASCII letters and digits and Cyrillic, most first characters, are no space: told by
        // a range check before the white-space table.
        if !(first.is_ascii_alphanumeric() || is_cyrillic(first)) && is_collapsible_space(first) {
            token.space = true;
            for c in rest[first.len_utf8()..].chars() {
                // A letter or digit, what mostly follows a space, ends the run at once.
                if c.is_ascii_alphanumeric() || is_cyrillic(c) || !is_collapsible_space(c) {
                    break;
                }
                end += c.len_utf8();
            }
        } else if is_word_char(first) {
            let (mut latin, mut cyrillic, mut other) = (false, false, false);
            let bytes = rest.as_bytes();
            let mut len = 0;
            while let Some(&b) = bytes.get(len) {
                // ASCII letters and digits, and the Cyrillic block U+0400–U+04FF (two bytes
                // led by D0–D3), the bulk of a word, are told by their first byte.
                if b.is_ascii_alphanumeric() {
                    latin |= b.is_ascii_alphabetic();
                    len += 1;
                    continue;
                }
                if matches!(b, 0xD0..=0xD3) {
                    cyrillic = true;
                    len += 2;
                    continue;
                }
                let mut chars = rest[len..].chars();
                let Some(c) = chars.next() else {
                    break;
                };
                if is_cyrillic(c) {
                    cyrillic = true;
                } else {
                    // A dot or apostrophe between two letters stays inside the word, as in
                    // Unicode word boundaries: «Т.А.Ә.» is one word, its Latin «Ə» repaired in
                    // context.
                    let joins = matches!(c, '.' | '\'' | '’')
                        && len > 0
                        && chars.next().is_some_and(is_word_char);
                    if !is_word_char(c) && !joins {
                        break;
                    }
                    other |= !c.is_ascii();
                }
                len += c.len_utf8();
            }
            end = start + len;
            token.may_mix = (latin && cyrillic) || other;
            // Precomposed Cyrillic is NFC already; a combining mark is "other" above.
            token.may_compose = other;
        }
        token.end = end;
        self.at = end;
        Some(token)
    }
}
