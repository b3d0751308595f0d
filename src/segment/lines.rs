//! The line loop: reads a version line by line and finds where its clauses start.
//!
//! Each line goes through the same steps: read its head ([`read_line_head`]), accept the
//! number at its start or not ([`line_number`]), classify the line ([`classify`]: a clause
//! start, or a continuation of the clause above), and look inside it for the numbers expected
//! next ([`Scanner::scan_inside`]). What a line ended with is carried to the next one in
//! [`Previous`].

use super::line_head::{LineHead, is_table_row, read_line_head, skip};
use super::scanner::{Scanner, accept_line_number};
use super::sentence::{ends_sentence, starts_lower, starts_upper};
use super::start::{Start, StartKind};
use crate::language::is_alphabetic;
use crate::normalize::is_collapsible_space as is_space;
use crate::number::{ClauseNumber, NumberSlip};
use crate::span::{Span, lines_in};

/// A previous line at most this long ends a sentence even without punctuation: it is a
/// heading or a list item. Lines broken mid-sentence by PDF extraction are full lines.
const SHORT_LINE: usize = 60;

/// What the lines before the current one tell about it.
#[derive(Clone, Copy)]
struct Previous {
    /// The version separates its paragraphs by line breaks alone (see `crate::layout`).
    lines_are_paragraphs: bool,
    /// A blank line separates it from the last line of text.
    blank: bool,
    /// The last line ended a sentence, or was short enough to be a heading or a list item.
    terminal: bool,
    /// The last line ended with punctuation that ends a sentence.
    terminal_strict: bool,
    /// The last line ended with a colon: it introduces what follows.
    colon: bool,
}

impl Previous {
    /// Before the first line: as after a finished sentence.
    const START: Previous = Previous {
        lines_are_paragraphs: false,
        blank: false,
        terminal: true,
        terminal_strict: true,
        colon: false,
    };

    /// After the line of text `line`.
    fn after(self, line: &str) -> Previous {
        let last = line
            .trim_end_matches(|c: char| is_space(c) || c == '*')
            .chars()
            .next_back();
        let terminal_strict = last.is_some_and(ends_sentence);
        Previous {
            lines_are_paragraphs: self.lines_are_paragraphs,
            blank: false,
            // At most SHORT_LINE characters: the one after them is looked for, not counted to.
            terminal: terminal_strict || line.trim().chars().nth(SHORT_LINE).is_none(),
            terminal_strict,
            colon: last == Some(':'),
        }
    }
}

/// The clause starts in the part `range` of `text`, in text order.
pub(super) fn find_starts(text: &str, range: Span) -> Vec<Start> {
    let mut scanner = Scanner::new(text);
    let mut previous = Previous {
        lines_are_paragraphs: crate::layout::lines_are_paragraphs(text, range),
        ..Previous::START
    };
    for (line_start, line_end) in lines_in(text, range.range()) {
        let line = &text[line_start..line_end];
        if line.chars().all(is_space) {
            previous.blank = true;
            continue;
        }
        let head = read_line_head(text, line_start, line_end);
        let mut scan_from = head.content;
        if let Some(start) = start_of_line(&scanner, text, line_start, line_end, &head, previous) {
            scan_from = start.body;
            scanner.push(start);
        }
        if scanner.is_structured() {
            scanner.scan_inside(scan_from, line_end, head.indent);
        }
        previous = previous.after(line);
    }
    scanner.into_starts()
}

/// The clause that the line `text[line_start..line_end]` starts, if it starts one.
fn start_of_line(
    scanner: &Scanner,
    text: &str,
    line_start: usize,
    line_end: usize,
    head: &LineHead,
    previous: Previous,
) -> Option<Start> {
    let marker = head.marker.map(|m| text[m].to_owned());
    let (number, slip) = line_number(scanner, text, line_end, head, previous).unzip();
    let line = &text[line_start..line_end];
    let body_text = &text[head.body..line_end];
    let kind = classify(
        scanner,
        line,
        body_text,
        number.as_ref(),
        marker.as_deref(),
        previous,
    )?;
    let body = match kind {
        StartKind::Numbered | StartKind::Bullet => head.body,
        StartKind::Block | StartKind::Paragraph | StartKind::TableRow => {
            skip(text, head.content, line_end, |c| is_space(c) || c == '#')
        }
    };
    Some(Start {
        offset: head.content,
        body,
        kind,
        number,
        marker,
        heading_level: head.heading_level,
        indent: head.indent,
        slip: slip.flatten(),
        part: 0,
    })
}

/// The number at the line start, if it begins a clause, with the slip read past in writing
/// it. Beyond the number as read, three readings depend on the numbers around it: a number
/// written twice without a space (`6.3.6.3.` where `6.3.` comes next), a section number
/// without its dot (`3 Тараптардың` where section 3 comes next), and a list restarted under
/// the clause that introduces it (`1.`, `2.` after `3.2. Орындаушы міндетті:`).
fn line_number(
    scanner: &Scanner,
    text: &str,
    line_end: usize,
    head: &LineHead,
    previous: Previous,
) -> Option<(ClauseNumber, Option<NumberSlip>)> {
    let (read, end) = head.number.as_ref()?;
    let rest = &text[*end..line_end];
    let mut number = read.clone();
    let mut slip = head.slip;
    if let Some(half) = number.halved()
        && !scanner.is_expected(&number)
        && scanner.is_expected(&half)
    {
        number = half;
        slip = Some(NumberSlip::Doubled);
    }
    let expected = scanner.is_expected(&number);
    if head.bare {
        // The dot is missing; the trailing-dot check reports it beside the dotted ones.
        let heading = starts_upper(rest.trim_start_matches(is_space));
        return (expected && heading).then_some((number, slip));
    }
    if let Some(item) = number.as_dotted_item()
        && scanner.in_numbered_text()
    {
        let opens = item.last() == 1 && previous.colon;
        let continues = scanner.is_expected(&item);
        // The next section beats the next item when the line reads as a heading.
        let section = expected && reads_as_heading(rest);
        if (opens || continues) && !section && accept_line_number(&item, rest, true, true) {
            return Some((item, slip));
        }
    }
    // A broken line may end without punctuation before the next item; the number expected
    // next starts a clause all the same.
    let context = previous.terminal || expected;
    accept_line_number(&number, rest, context, expected).then_some((number, slip))
}

/// Whether the text after a number reads as a heading: short and not ending like a sentence
/// or a list item, or written in capitals.
pub(super) fn reads_as_heading(rest: &str) -> bool {
    let rest = rest.trim();
    let mut letters = rest.chars().filter(|&c| is_alphabetic(c)).peekable();
    let capitals = letters.peek().is_some() && letters.all(char::is_uppercase);
    let unfinished = rest.chars().next_back().is_some_and(|c| !ends_sentence(c));
    capitals || (unfinished && rest.chars().nth(SHORT_LINE).is_none())
}

/// What kind of clause the line starts, or `None` when it continues the clause above.
/// `body_text` is the line after its markers and number.
fn classify(
    scanner: &Scanner,
    line: &str,
    body_text: &str,
    number: Option<&ClauseNumber>,
    marker: Option<&str>,
    previous: Previous,
) -> Option<StartKind> {
    if number.is_some() {
        Some(StartKind::Numbered)
    } else if marker.is_some() {
        Some(StartKind::Bullet)
    } else if is_table_row(line) {
        Some(StartKind::TableRow)
    } else if !previous.blank && scanner.last().is_some() && !starts_own_line(body_text, previous) {
        // A line broken off the one above: running text of the same clause.
        None
    } else if !scanner.is_structured() {
        Some(StartKind::Block)
    } else if !previous.blank {
        // No blank line, but the line above was finished: a paragraph of its own.
        Some(StartKind::Paragraph)
    } else {
        starts_paragraph(scanner, body_text, previous).then_some(StartKind::Paragraph)
    }
}

/// Whether a line that follows another without a blank line is a unit of its own rather than
/// the rest of a broken sentence. In a version that separates its paragraphs by line breaks
/// alone, it is unless it runs on in lower case; in one with blank lines between paragraphs,
/// a line break alone never starts a paragraph (a PDF's extracted lines break anywhere).
fn starts_own_line(body_text: &str, previous: Previous) -> bool {
    previous.lines_are_paragraphs && !starts_lower(body_text)
}

/// Whether unnumbered text after a blank line starts a new paragraph: only after a finished
/// list (its last item ended a sentence) and when it begins like a sentence. Otherwise it
/// continues the clause above.
fn starts_paragraph(scanner: &Scanner, body_text: &str, previous: Previous) -> bool {
    let after_list = scanner.last().is_some_and(Start::is_list_item);
    after_list && previous.terminal_strict && starts_upper(body_text)
}
