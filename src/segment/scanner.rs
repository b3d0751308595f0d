//! Which numbers start a clause: a number at a line start ([`accept_line_number`]) and a
//! number inside a line ([`Scanner::scan_inside`]), which must be the number expected next.
//!
//! The [`Scanner`] collects the clause starts of a version and remembers the last decimal
//! number and the last enumeration item, so that it knows which number comes next.

use super::line_head::skip;
use super::sentence::starts_upper;
use super::start::{Start, StartKind};
use crate::language::is_alphabetic;
use crate::normalize::is_collapsible_space as is_space;
use crate::number::{ClauseNumber, NumberStyle, successors};

/// Whether a number read at a line start begins a clause, given the text after it, whether
/// the previous line ended a sentence and whether the number is the one expected next.
pub(super) fn accept_line_number(
    number: &ClauseNumber,
    after: &str,
    prev_terminal: bool,
    expected: bool,
) -> bool {
    let spaced = after.is_empty() || after.starts_with(is_space);
    let rest = after.trim_start_matches(|c: char| is_space(c) || c == '*');
    let Some(next) = rest.chars().next() else {
        // A number alone on its line, its heading on the next one.
        return number.has_trailing_dot() || number.style() != NumberStyle::Decimal;
    };
    if next.is_ascii_digit() {
        // `9.5. 2tick.kz жүйесінде`: a clause whose text starts with a digit, when the number
        // is the one expected or the digit starts a word (not `1. 5 жыл` broken off a line).
        let word_with_letters = rest
            .split(is_space)
            .next()
            .is_some_and(|word| word.chars().any(is_alphabetic));
        return spaced
            && number.has_trailing_dot()
            && prev_terminal
            && (expected || word_with_letters);
    }
    if matches!(
        next,
        '%' | '‰' | '/' | '-' | '–' | '—' | ',' | '=' | '+' | '×' | ':' | ';'
    ) {
        return false;
    }
    let upper = starts_upper(rest);
    if !spaced {
        // `1.Терминдер`: a dotted or bracketed number directly before a capital; the number
        // expected next glued to any word (`5.2.своевременно`).
        let glued_expected = expected && number.has_trailing_dot() && is_alphabetic(next);
        return glued_expected
            || (upper
                && (number.has_trailing_dot() || number.style() == NumberStyle::Parenthesized));
    }
    if number.style() == NumberStyle::Roman {
        return upper;
    }
    upper || prev_terminal
}

/// The clause starts of one version found so far, and what they tell about the next number.
pub(super) struct Scanner<'a> {
    /// The whole text of the source.
    text: &'a str,
    /// The clause starts, in text order.
    starts: Vec<Start>,
    /// The last decimal number seen, for recognising the next one inside a line.
    current_decimal: Option<Vec<u32>>,
    /// The style and value of the last enumeration item seen.
    current_list: Option<(NumberStyle, u32)>,
    /// Whether a numbered clause, bullet or table row was seen (the preamble is over).
    structured: bool,
}

impl<'a> Scanner<'a> {
    /// A scanner over `text` that has seen nothing yet.
    pub(super) fn new(text: &'a str) -> Self {
        Scanner {
            text,
            starts: Vec::new(),
            current_decimal: None,
            current_list: None,
            structured: false,
        }
    }

    /// The last clause start found, if any.
    pub(super) fn last(&self) -> Option<&Start> {
        self.starts.last()
    }

    /// Whether a numbered clause, bullet or table row was seen: the preamble is over.
    pub(super) fn is_structured(&self) -> bool {
        self.structured
    }

    /// The clause starts found, in text order.
    pub(super) fn into_starts(self) -> Vec<Start> {
        self.starts
    }

    /// Whether a decimal number has been seen: the text is inside numbered clauses, where a
    /// list may restart at `1.` under the clause that introduces it.
    pub(super) fn in_numbered_text(&self) -> bool {
        self.current_decimal.is_some()
    }

    /// Whether `number` is the one expected next: the next item of the current list, or a
    /// successor of the current decimal number.
    pub(super) fn is_expected(&self, number: &ClauseNumber) -> bool {
        match number.style() {
            NumberStyle::Decimal => self
                .current_decimal
                .as_deref()
                .is_some_and(|cur| successors(cur).any(|s| s == number.components())),
            NumberStyle::Roman => false,
            style => self
                .current_list
                .is_some_and(|(s, last)| s == style && number.last() == last + 1),
        }
    }

    /// Records a clause start and what its number tells about the next one.
    pub(super) fn push(&mut self, start: Start) {
        if let Some(number) = &start.number {
            match number.style() {
                NumberStyle::Decimal => {
                    self.current_decimal = Some(number.components().to_vec());
                    self.current_list = None;
                }
                NumberStyle::Roman => {
                    self.current_decimal = None;
                    self.current_list = None;
                }
                style => self.current_list = Some((style, number.last())),
            }
        } else if start.kind != StartKind::Block {
            self.current_list = None;
        }
        if start.kind != StartKind::Block {
            self.structured = true;
        }
        self.starts.push(start);
    }

    /// Finds clause starts inside `text[from..end]`: numbers that follow the end of a
    /// sentence or list item and are the ones expected next.
    pub(super) fn scan_inside(&mut self, from: usize, end: usize, indent: usize) {
        let text = self.text;
        let mut at = from;
        while at < end {
            // A digit is one ASCII byte: looked for among the bytes, without decoding.
            let Some(rel) = text.as_bytes()[at..end].iter().position(u8::is_ascii_digit) else {
                break;
            };
            let pos = at + rel;
            at = pos + 1;
            let before = &text[from..pos];
            let trimmed = before.trim_end_matches(is_space);
            if trimmed.len() == before.len() {
                continue; // no space before the digit: part of a word or a number
            }
            let Some(separator) = trimmed.chars().next_back() else {
                continue;
            };
            let Some((number, len)) = ClauseNumber::parse_prefix(&text[pos..end]) else {
                continue;
            };
            let after = &text[pos + len..end];
            if !after.starts_with(is_space) {
                continue;
            }
            let rest = after.trim_start_matches(is_space);
            if self.accept_inside(&number, separator, rest) {
                let body = skip(text, pos + len, end, is_space);
                self.push(Start {
                    offset: pos,
                    body,
                    kind: StartKind::Numbered,
                    number: Some(number),
                    marker: None,
                    heading_level: 0,
                    indent,
                    slip: None,
                    part: 0,
                });
                at = body;
            }
        }
    }

    /// Whether a number inside a line begins a clause, given the last visible character
    /// before it (`separator`) and the text after it and its spaces (`rest`).
    fn accept_inside(&self, number: &ClauseNumber, separator: char, rest: &str) -> bool {
        match number.style() {
            NumberStyle::Parenthesized | NumberStyle::Letter => {
                let expected = match (separator, self.current_list) {
                    (':', _) => Some(1),
                    (';', Some((style, last))) if style == number.style() => Some(last + 1),
                    _ => None,
                };
                expected == Some(number.last()) && rest.chars().next().is_some_and(is_alphabetic)
            }
            NumberStyle::Decimal => {
                matches!(separator, '.' | '!' | '?' | ';')
                    && starts_upper(rest)
                    && self.is_expected(number)
            }
            _ => false,
        }
    }
}
