//! Reading one line: what it begins with (indentation, Markdown heading level, bullet glyphs,
//! a number, the start of its text) and whether it is a row of a table.
//!
//! Nothing here decides whether a clause starts: the head only says what is there.

use crate::normalize::is_collapsible_space as is_space;
use crate::number::ClauseNumber;
use crate::span::Span;

/// Glyphs that mark bullet items when followed by white space.
const BULLETS: &[char] = &[
    '-', '•', '✓', '✔', '*', '–', '—', '·', '▪', '●', '○', '◦', '■', '□', '➢', '►', '‣', '⁃',
    '\u{f0b7}',
];

/// What a line begins with. Offsets are into the whole text.
pub(super) struct LineHead {
    /// The indentation, a tab counting as four spaces.
    pub(super) indent: usize,
    /// The first visible character.
    pub(super) content: usize,
    /// The Markdown heading level (`###` is 3), 0 when none.
    pub(super) heading_level: u8,
    /// The bullet glyphs, several when nested on one line (`- ✓`).
    pub(super) marker: Option<Span>,
    /// The number after the markers, with the offset where it ends.
    pub(super) number: Option<(ClauseNumber, usize)>,
    /// Where the text begins, after markers, number, bold marks and spaces.
    pub(super) body: usize,
}

/// The offset of the first character from `at` on (before `end`) that `pred` rejects.
pub(super) fn skip(text: &str, mut at: usize, end: usize, pred: impl Fn(char) -> bool) -> usize {
    while let Some(c) = text[at..end].chars().next() {
        if !pred(c) {
            break;
        }
        at += c.len_utf8();
    }
    at
}

/// The offset after a Markdown bold mark `**` at `at`, or `at` when there is none.
fn skip_bold(text: &str, at: usize, end: usize) -> usize {
    if text[at..end].starts_with("**") {
        at + 2
    } else {
        at
    }
}

/// Reads the head of the line `text[start..end]`.
pub(super) fn read_line_head(text: &str, start: usize, end: usize) -> LineHead {
    let mut indent = 0;
    let mut at = start;
    for c in text[start..end].chars() {
        if c == '\t' {
            indent += 4;
        } else if is_space(c) {
            indent += 1;
        } else {
            break;
        }
        at += c.len_utf8();
    }
    // The clause starts at the first visible character, so that an invisible one (a
    // zero-width space left by PDF extraction) still belongs to it; numbers are read after it.
    let content = skip(text, start, at, char::is_whitespace);
    let mut heading_level = 0;
    let hashes = text[at..end].bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && text[at + hashes..end].starts_with([' ', '\t']) {
        heading_level = hashes as u8;
        at = skip(text, at + hashes, end, is_space);
    }
    at = skip_bold(text, at, end);
    let mut marker: Option<Span> = None;
    while let Some(c) = text[at..end].chars().next() {
        let after = at + c.len_utf8();
        let followed_by_space = text[after..end].chars().next().is_some_and(is_space);
        if !BULLETS.contains(&c) || !followed_by_space {
            break;
        }
        marker = Some(Span::new(marker.map_or(at, |m| m.start()), after));
        at = skip_bold(text, skip(text, after, end, is_space), end);
    }
    let mut number = None;
    if let Some((n, len)) = ClauseNumber::parse_prefix(&text[at..end]) {
        number = Some((n, at + len));
        at = skip_bold(text, at + len, end);
    }
    let body = skip(text, at, end, |c| is_space(c) || c == '*');
    LineHead {
        indent,
        content,
        heading_level,
        marker,
        number,
        body,
    }
}

/// Whether a line is a row of a tab-separated table: text on both sides of a tab.
pub(super) fn is_table_row(line: &str) -> bool {
    let content = line.trim_start_matches(is_space);
    match content.split_once('\t') {
        Some((first, rest)) => !first.trim().is_empty() && !rest.trim().is_empty(),
        None => false,
    }
}
