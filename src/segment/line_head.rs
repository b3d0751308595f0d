//! Reading one line: what it begins with (indentation, Markdown heading level, bullet glyphs,
//! a number, the start of its text) and whether it is a row of a table.
//!
//! Nothing here decides whether a clause starts: the head only says what is there.

use crate::normalize::is_collapsible_space as is_space;
use crate::number::{ClauseNumber, NumberSlip};
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
    /// The number was written without its dot (`3 Тараптардың`): a clause number only
    /// where the next section is expected.
    pub(super) bare: bool,
    /// A slip in how the number is written, already read past (`4.1. 4.1.`, `7.4..`).
    pub(super) slip: Option<NumberSlip>,
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
    let mut bare = false;
    let mut slip = None;
    if let Some((n, len)) = ClauseNumber::parse_prefix(&text[at..end]) {
        at += len;
        (at, slip) = read_past_slips(text, at, end, &n);
        number = Some((n, at));
        at = skip_bold(text, at, end);
    } else if marker.is_none()
        && let Some((n, len)) = ClauseNumber::parse_bare_section(&text[at..end])
    {
        number = Some((n, at + len));
        bare = true;
        at += len;
    }
    let body = skip(text, at, end, |c| is_space(c) || c == '*');
    LineHead {
        indent,
        content,
        heading_level,
        marker,
        number,
        bare,
        slip,
        body,
    }
}

/// Reads past what repeats the number `n` that ends at `at`: more dots (`7.4..`) or the
/// same number again after spaces (`4.1. 4.1.`, `2. 2. ОБЩИЕ`). Returns where the number
/// really ends and the slip read past.
fn read_past_slips(
    text: &str,
    at: usize,
    end: usize,
    n: &ClauseNumber,
) -> (usize, Option<NumberSlip>) {
    if n.has_trailing_dot() && text[at..end].starts_with('.') {
        let dots = text[at..end].bytes().take_while(|&b| b == b'.').count();
        return (at + dots, Some(NumberSlip::ExtraDots));
    }
    let after_spaces = skip(text, at, end, is_space);
    if after_spaces > at
        && let Some((again, len)) = ClauseNumber::parse_prefix(&text[after_spaces..end])
        && again.components() == n.components()
        && again.style() == n.style()
    {
        return (after_spaces + len, Some(NumberSlip::Doubled));
    }
    (at, None)
}

/// Whether a line is a row of a tab-separated table: text on both sides of a tab.
pub(super) fn is_table_row(line: &str) -> bool {
    let content = line.trim_start_matches(is_space);
    match content.split_once('\t') {
        Some((first, rest)) => !first.trim().is_empty() && !rest.trim().is_empty(),
        None => false,
    }
}
