//! Documents in one version: a pack (an offer, then terms of use, then a privacy policy, …)
//! holds several documents one after another, each with its own title and its numbering
//! starting again from 1.
//!
//! A document starts where the top-level numbering restarts at `1.` (or `I.`, or `1.1` in a
//! document numbered from its clauses) after it has gone further (past `1.`, or below it to
//! `1.1`), and the restart reads as the start of a document:
//! - a title-like block stands before it (short lines, no closing punctuation, starting with
//!   a capital), in capitals, or with the restarted `1.` reading as a heading or holding a
//!   `1.1`; the title and what stands between it and the restart become the new document's
//!   title and preamble;
//! - or, without a title, the restarted `1.` holds a `1.1` and the numbering before it went on
//!   to `2.` at least: the numbering of a whole document, not a list, nor a text pasted twice.
//!
//! A list restarted at `1.` under a clause that introduces it is read as its items before
//! this pass (`NumberStyle::DottedItem`), and a list of plain items (`1. Оказать услуги;`)
//! restarted without a title has no `1.1`: neither starts a document.

use super::line_head::{read_line_head, skip};
use super::lines::reads_as_heading;
use super::sentence::{ends_sentence, starts_lower, starts_upper};
use super::start::{Start, StartKind};
use crate::language::is_alphabetic;
use crate::normalize::is_collapsible_space as is_space;
use crate::number::{ClauseNumber, NumberStyle};
use crate::span::Span;

/// Blocks before a restart searched for its title: the title and at most two preamble blocks.
const TITLE_BLOCKS: usize = 3;
/// Lines before a restart searched for its title.
const TITLE_LINES: usize = 12;
/// A title line is at most this long.
const TITLE_LINE_CHARS: usize = 100;
/// A title is at most this many lines.
const TITLE_MAX_LINES: usize = 3;

/// Finds the documents of the version in `range` and numbers the `starts` by document,
/// inserting a block start at each later document's title and preamble where the line loop
/// had left them in the clause before.
pub(super) fn mark_parts(text: &str, range: Span, starts: &mut Vec<Start>) {
    let Some(top) = top_level(starts) else {
        return;
    };
    let lines_are_paragraphs = crate::layout::lines_are_paragraphs(text, range);
    // The part each start opens, and the block starts to insert before the restart at index i.
    let mut boundaries: Vec<(usize, Vec<usize>)> = Vec::new();
    // How far the numbering of the current document went past its first number: below it
    // (`1.1` after `1.`), and on the top level (`2.` after `1.`).
    let (mut went_below, mut went_on) = (false, false);
    for i in 0..starts.len() {
        let Some(number) = starts[i].number.as_ref().filter(|n| n.is_hierarchical()) else {
            continue;
        };
        let Some(value) = top_value(&starts[i], top) else {
            went_below = true;
            continue;
        };
        let restarts = value == 1 && (went_below || went_on) && is_first(number);
        if restarts
            && let Some(blocks) =
                document_start(text, range, starts, i, lines_are_paragraphs, went_on)
        {
            boundaries.push((i, blocks));
            (went_below, went_on) = (false, false);
        } else {
            went_on |= value > 1;
        }
    }
    if boundaries.is_empty() {
        return;
    }
    let mut out: Vec<Start> = Vec::with_capacity(starts.len() + boundaries.len() * 2);
    let mut boundaries = boundaries.into_iter().peekable();
    let mut part = 0;
    for (i, mut start) in std::mem::take(starts).into_iter().enumerate() {
        if let Some((_, blocks)) = boundaries.next_if(|(at, _)| *at == i) {
            part += 1;
            let first_block = blocks.first().copied().unwrap_or(start.offset);
            // Starts already in the title and preamble (paragraphs of a text with one
            // paragraph per line) become its blocks; the others are inserted.
            while out.last().is_some_and(|s| s.offset >= first_block) {
                out.pop();
            }
            for offset in blocks {
                out.push(block_start(text, offset, part));
            }
        }
        start.part = part;
        out.push(start);
    }
    *starts = out;
}

/// The top level of the version's numbering: Roman sections when there are any, else the
/// shortest decimal numbers.
fn top_level(starts: &[Start]) -> Option<TopLevel> {
    let numbers = starts
        .iter()
        .filter(|s| s.kind == StartKind::Numbered)
        .filter_map(|s| s.number.as_ref());
    let mut decimal: Option<usize> = None;
    for n in numbers {
        match n.style() {
            NumberStyle::Roman => return Some(TopLevel::Roman),
            NumberStyle::Decimal => {
                decimal = Some(decimal.map_or(n.level(), |d| d.min(n.level())));
            }
            _ => {}
        }
    }
    decimal.map(TopLevel::Decimal)
}

/// Which numbers are at the top of a version's numbering.
#[derive(Clone, Copy)]
enum TopLevel {
    /// Roman sections.
    Roman,
    /// Decimal numbers of this many components.
    Decimal(usize),
}

/// The value of a top-level number at `start` (its first component), if it has one.
fn top_value(start: &Start, top: TopLevel) -> Option<u32> {
    let number = start.number.as_ref()?;
    match (top, number.style()) {
        (TopLevel::Roman, NumberStyle::Roman) => Some(number.last()),
        (TopLevel::Decimal(level), NumberStyle::Decimal) if number.level() == level => {
            number.components().first().copied()
        }
        _ => None,
    }
}

/// Whether `number` is the first of a numbering: every component 1.
fn is_first(number: &ClauseNumber) -> bool {
    number.components().iter().all(|&c| c == 1)
}

/// Whether the restart at `starts[i]` starts a document, and if so the offsets of the blocks
/// of its title and preamble (empty when it has none). Without a title, the numbering before
/// must have gone on at the top level (`went_on`): a text pasted twice (`1.`, `1.1`, `1.`,
/// `1.1`) is one document with its numbers used twice.
fn document_start(
    text: &str,
    range: Span,
    starts: &[Start],
    i: usize,
    lines_are_paragraphs: bool,
    went_on: bool,
) -> Option<Vec<usize>> {
    let restart = &starts[i];
    let holds_clauses = holds_clauses(starts, i);
    let Some((title, blocks)) = title_before(text, range, starts, i, lines_are_paragraphs) else {
        return (holds_clauses && went_on).then(Vec::new);
    };
    let line_end = text[restart.body..range.end()]
        .find(['\n', '\r'])
        .map_or(range.end(), |e| restart.body + e);
    let heading = reads_as_heading(&text[restart.body..line_end]);
    (title.capitals || heading || holds_clauses).then_some(blocks)
}

/// Whether the restarted number at `starts[i]` holds numbered clauses of its own (`1.1`
/// under `1.`): the next numbered start extends it.
fn holds_clauses(starts: &[Start], i: usize) -> bool {
    let Some(parent) = starts[i].number.as_ref() else {
        return false;
    };
    starts[i + 1..]
        .iter()
        .find_map(|s| s.number.as_ref())
        .is_some_and(|n: &ClauseNumber| {
            n.style() == parent.style()
                && n.components().len() > parent.components().len()
                && n.components().starts_with(parent.components())
        })
}

/// A title found before a restart.
struct Title {
    /// Its letters are all capitals.
    capitals: bool,
}

/// One block of text before a restart: its lines, nearest last.
struct Block {
    /// Where its first line's text starts.
    offset: usize,
    /// Its lines, `(start, end)`, in text order.
    lines: Vec<(usize, usize)>,
    /// A blank line or a paragraph break separates it from the text above.
    bounded: bool,
    /// A blank line stands right after it.
    blank_after: bool,
}

/// The title before the restart at `starts[i]` and the offsets of the blocks from the title
/// to the restart, if a title-like block stands among the last few blocks before it.
fn title_before(
    text: &str,
    range: Span,
    starts: &[Start],
    i: usize,
    lines_are_paragraphs: bool,
) -> Option<(Title, Vec<usize>)> {
    let restart = starts[i].offset;
    let line_start = text[..restart].rfind(['\n', '\r']).map_or(0, |p| p + 1);
    if !text[line_start.max(range.start())..restart]
        .chars()
        .all(|c| is_space(c) || matches!(c, '#' | '*'))
    {
        return None;
    }
    // The text before the restart that may hold its title: back to the line of the last
    // start that is not a paragraph (a numbered clause, a bullet, a table row, a block).
    let floor = starts[..i]
        .iter()
        .rev()
        .find(|s| s.kind != StartKind::Paragraph)
        .map_or(range.start(), |s| s.offset);
    let blocks = blocks_before(
        text,
        floor.max(range.start()),
        line_start,
        lines_are_paragraphs,
    );
    let candidates: Vec<(usize, bool)> = blocks
        .iter()
        .enumerate()
        .rev()
        .take(TITLE_BLOCKS)
        .filter(|(_, b)| b.bounded)
        .filter_map(|(k, b)| title_like(text, b).map(|caps| (k, caps)))
        .collect();
    // The nearest block in capitals, else the nearest title-like block.
    let (mut first, capitals) = candidates
        .iter()
        .copied()
        .find(|&(_, caps)| caps)
        .or_else(|| candidates.first().copied())?;
    // A title in capitals broken over lines with no blank line between: `ДОГОВОР` /
    // `ПУБЛИЧНОЙ ОФЕРТЫ`.
    while capitals
        && first > 0
        && blocks[first - 1].bounded
        && !blocks[first - 1].blank_after
        && title_like(text, &blocks[first - 1]) == Some(true)
    {
        first -= 1;
    }
    let offsets = blocks[first..].iter().map(|b| b.offset).collect();
    Some((Title { capitals }, offsets))
}

/// The blocks of `text[floor..end]` that begin after the line of `floor`, in text order: in
/// a text with one paragraph per line every line that does not run on in lower case, else
/// every run of lines between blank lines.
fn blocks_before(text: &str, floor: usize, end: usize, lines_are_paragraphs: bool) -> Vec<Block> {
    let mut lines: Vec<(usize, usize)> = crate::span::lines_in(text, floor..end).collect();
    // The line of the start at `floor` belongs to that start.
    if !lines.is_empty() {
        lines.remove(0);
    }
    let first_kept = lines.len().saturating_sub(TITLE_LINES);
    let mut blocks: Vec<Block> = Vec::new();
    let mut blank = false;
    for (k, &(s, e)) in lines.iter().enumerate() {
        let line = &text[s..e];
        if line.chars().all(is_space) {
            blank = true;
            if let Some(b) = blocks.last_mut() {
                b.blank_after = true;
            }
            continue;
        }
        let new_block = blank || (lines_are_paragraphs && !starts_lower(line));
        match blocks.last_mut() {
            Some(b) if !new_block => b.lines.push((s, e)),
            _ => blocks.push(Block {
                offset: read_line_head(text, s, e).content,
                lines: vec![(s, e)],
                // The first block is bounded only when a break separates it from the line
                // of the start above, and when it is not cut by the line limit.
                bounded: (!blocks.is_empty() || new_block) && k >= first_kept,
                blank_after: false,
            }),
        }
        blank = false;
    }
    blocks
}

/// Whether a block reads as a title (short lines, no closing punctuation, starting with a
/// capital), and if so whether its letters are all capitals.
fn title_like(text: &str, block: &Block) -> Option<bool> {
    if block.lines.len() > TITLE_MAX_LINES {
        return None;
    }
    let mut letters = 0;
    let mut capitals = true;
    for &(s, e) in &block.lines {
        let line = text[s..e].trim_matches(|c: char| is_space(c) || matches!(c, '*' | '#'));
        if line.chars().nth(TITLE_LINE_CHARS).is_some() {
            return None;
        }
        for c in line.chars().filter(|&c| is_alphabetic(c)) {
            letters += 1;
            capitals &= c.is_uppercase();
        }
    }
    let (s, _) = block.lines[0];
    let (_, e) = block.lines[block.lines.len() - 1];
    let all = text[s..e].trim_matches(|c: char| is_space(c) || matches!(c, '*' | '#'));
    let ends_open = !all.ends_with(|c: char| ends_sentence(c) || c == ',');
    (letters >= 3 && ends_open && starts_upper(all)).then_some(capitals && letters >= 4)
}

/// A block start at `offset`, the first character of a line, in document `part`.
fn block_start(text: &str, offset: usize, part: usize) -> Start {
    let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |p| p + 1);
    let line_end = text[offset..]
        .find(['\n', '\r'])
        .map_or(text.len(), |e| offset + e);
    let head = read_line_head(text, line_start, line_end);
    Start {
        offset,
        body: skip(text, offset, line_end, |c| is_space(c) || c == '#'),
        kind: StartKind::Block,
        number: None,
        marker: None,
        heading_level: head.heading_level,
        indent: head.indent,
        slip: None,
        part,
    }
}

#[cfg(test)]
mod tests {
    use crate::clause::{Clause, ClauseKind};
    use crate::language::Lang;
    use crate::load::Source;

    fn clauses(text: &str) -> Vec<Clause> {
        let source = Source::from_text("t.txt", text).unwrap();
        super::super::segment(&source, 0, Lang::Ru, source.body()).clauses
    }

    /// `(part, kind, number or text)` of every clause.
    fn outline(text: &str) -> Vec<(usize, String)> {
        clauses(text)
            .iter()
            .map(|c| {
                let label = match (c.kind(), c.number()) {
                    (_, Some(n)) => n.to_string(),
                    (ClauseKind::Title, None) => format!("title {}", c.text()),
                    (kind, None) => kind.to_string(),
                };
                (c.part(), label)
            })
            .collect()
    }

    const OFFER: &str = "ПУБЛИЧНАЯ ОФЕРТА\n\n1. Общие положения\n\n1.1. Исполнитель оказывает услуги.\n\n\
        2. Оплата\n\n2.1. Заказчик платит.\n\n";
    const POLICY: &str = "ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ\n\n1. Термины\n\n1.1. Сайт – сайт.\n\n\
        2. Цели\n\n2.1. Данные нужны для услуг.\n\n";

    #[test]
    fn a_title_and_a_numbering_restarted_at_one_start_a_document() {
        let text =
            format!("{OFFER}{POLICY}Правила возврата\n\n1. Возврат\n\n1.1. Деньги возвращаются.\n");
        let parts: Vec<(usize, String)> = outline(&text);
        let labels: Vec<&str> = parts.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(
            labels,
            [
                "title ПУБЛИЧНАЯ ОФЕРТА",
                "1.",
                "1.1.",
                "2.",
                "2.1.",
                "title ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ",
                "1.",
                "1.1.",
                "2.",
                "2.1.",
                "title Правила возврата",
                "1.",
                "1.1."
            ]
        );
        let part_of: Vec<usize> = parts.iter().map(|(p, _)| *p).collect();
        assert_eq!(part_of, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2]);
        // The title is no longer the text of the clause before it.
        assert_eq!(clauses(&text)[4].text(), "Заказчик платит.");
    }

    #[test]
    fn without_blank_lines_the_title_lines_are_the_documents_title() {
        let text = "ДОГОВОР\nПУБЛИЧНОЙ ОФЕРТЫ\n1. Общие положения\n1.1. Исполнитель оказывает услуги.\n\
            2. Оплата\n2.1. Заказчик платит.\nДОГОВОР\nОБ ОКАЗАНИИ УСЛУГ\nг. Алматы\n\
            ТОО «Альфа» заключает договор.\n1. Предмет\n1.1. Исполнитель обязуется.\n";
        let cs = clauses(text);
        let second = cs.iter().position(|c| c.part() == 1).unwrap();
        assert_eq!(cs[second].text(), "ДОГОВОР");
        assert_eq!(cs[second].kind(), ClauseKind::Title);
        assert_eq!(cs[second - 1].text(), "Заказчик платит.");
        assert!(cs[second..].iter().all(|c| c.part() == 1));
        assert!(
            cs[second..]
                .iter()
                .all(|c| c.parent().is_none() || c.number().is_some())
        );
    }

    #[test]
    fn a_restart_without_title_starts_a_document_only_when_it_holds_clauses() {
        let text = "1. Общие\n\n1.1. Текст.\n\n2. Оплата\n\n2.1. Текст.\n\n\
            1. Термины\n\n1.1. Сайт – сайт.\n";
        let parts: Vec<usize> = clauses(text).iter().map(Clause::part).collect();
        assert_eq!(parts, [0, 0, 0, 0, 1, 1]);
        // A text pasted twice, which never went past section 1: its numbers used twice.
        let text = "1. Общие\n\n1.1. Текст.\n\n1. Общие\n\n1.1. Текст.\n";
        assert!(clauses(text).iter().all(|c| c.part() == 0));
        // Items restarted under a clause without a colon: a list, not a document.
        let text = "1. Общие\n\n1.1. Текст.\n\n2. Обязанности\n\n2.1. Исполнитель обязан\n\n\
            1. оказать услуги;\n\n2. сообщать о рисках.\n\n3. Иное\n";
        assert!(clauses(text).iter().all(|c| c.part() == 0));
    }

    #[test]
    fn one_document_is_one_part() {
        // A list restarted under a clause that introduces it.
        let text = "1. Общие\n\n1.1. Текст.\n\n2. Обязанности\n\n2.1. Исполнитель обязан:\n\n\
            1. Оказать услуги;\n\n2. Сообщать о рисках.\n\n3. Иное\n";
        assert!(clauses(text).iter().all(|c| c.part() == 0));
        // Numbering from 1 after a title and a preamble.
        let text = "ПОЛИТИКА\n\nВводная часть\n\nНастоящая Политика объясняет.\n\n1. Термины\n\n\
            1.1. Сайт.\n\n2. Цели\n";
        assert!(clauses(text).iter().all(|c| c.part() == 0));
        // A title-like line before a restarted list of plain items is a lead-in, not a title.
        let text = "1. Общие\n\n1.1. Текст.\n\n2. Обязанности\n\n2.1. Текст.\n\n\
            Исполнитель обязан\n\n1. оказать услуги;\n\n2. сообщать о рисках.\n";
        assert!(clauses(text).iter().all(|c| c.part() == 0));
    }

    #[test]
    fn roman_sections_restart_at_one() {
        let text =
            "I. Общие\n\nТекст.\n\nII. Оплата\n\nТекст.\n\nПОЛИТИКА\n\nI. Термины\n\nТекст.\n";
        let parts: Vec<usize> = clauses(text).iter().map(Clause::part).collect();
        assert_eq!(parts, [0, 0, 1, 1]);
    }
}
