//! Building clauses from their starts: every clause owns the text from its start to the start
//! of the next one, its trailing white space left out, and its text is normalized.

use super::start::{Start, StartKind};
use crate::clause::{Clause, ClauseId, ClauseKind};
use crate::language::Lang;
use crate::load::Source;
use crate::normalize::{ScriptRepair, normalize_at};
use crate::number::{ClauseNumber, NumberStyle};
use crate::span::Span;

/// The end of `text[start..end]` without its trailing white space.
fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

/// The clause kind that a start gives before the whole version is seen (titles, headings
/// and sections are told apart later).
fn kind_of(start: &Start) -> ClauseKind {
    match start.kind {
        StartKind::Block => ClauseKind::Preamble,
        StartKind::Numbered => match start.number.as_ref().map(ClauseNumber::style) {
            Some(NumberStyle::Parenthesized | NumberStyle::Letter | NumberStyle::DottedItem) => {
                ClauseKind::Item
            }
            _ => ClauseKind::Clause,
        },
        StartKind::Bullet => ClauseKind::Bullet,
        StartKind::TableRow => ClauseKind::TableRow,
        StartKind::Paragraph => ClauseKind::Paragraph,
    }
}

/// The clauses of the version of `source` in `range` that begin at `starts`, without parents
/// yet, and the mixed-script words repaired in their text.
pub(super) fn build(
    source: &Source,
    source_index: usize,
    lang: Lang,
    range: Span,
    starts: &[Start],
) -> (Vec<Clause>, Vec<ScriptRepair>) {
    let text = source.text();
    let mut repairs = Vec::new();
    let mut clauses: Vec<Clause> = Vec::with_capacity(starts.len());
    for (index, start) in starts.iter().enumerate() {
        let next = starts.get(index + 1).map_or(range.end(), |n| n.offset);
        let end = trim_end(text, start.offset, next);
        let body = start.body.min(end);
        let normalized = normalize_at(&text[body..end], body);
        repairs.extend_from_slice(normalized.repairs());
        clauses.push(Clause {
            id: ClauseId { lang, index },
            kind: kind_of(start),
            number: start.number.clone(),
            marker: start.marker.clone(),
            parent: None,
            children: Vec::new(),
            depth: 0,
            source: source_index,
            span: Span::new(start.offset, end),
            line: source.line_of(start.offset),
            end_line: source.line_of(end.saturating_sub(1).max(start.offset)),
            heading: None,
            text: normalized.text().to_owned(),
            heading_level: start.heading_level,
            slip: start.slip,
            part: start.part,
        });
    }
    (clauses, repairs)
}
