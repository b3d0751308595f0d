//! Kinds that depend on the text and on the whole version: the title and headings among the
//! blocks before the first numbered clause, and the sections among the numbered clauses, with
//! their headings.

use super::sentence::ends_sentence;
use crate::clause::{Clause, ClauseKind};
use crate::normalize::is_collapsible_space as is_space;
use crate::number::{ClauseNumber, NumberSlip, NumberStyle};

/// Titles, headings and sections: kinds that depend on the text and on the whole version.
pub(super) fn assign_kinds(clauses: &mut [Clause], text: &str) {
    // The first block of each document of a pack is its title.
    let mut titled: Option<usize> = None;
    for clause in clauses
        .iter_mut()
        .filter(|c| c.kind == ClauseKind::Preamble)
    {
        let first_block = titled != Some(clause.part);
        titled = Some(clause.part);
        let chars = clause.text.chars().count();
        if first_block && chars <= 200 {
            clause.kind = ClauseKind::Title;
        } else if chars <= 80
            && !clause.text.ends_with(ends_sentence)
            && !clause.text.ends_with(',')
        {
            clause.kind = ClauseKind::Heading;
        }
    }
    let top_level = clauses
        .iter()
        .filter_map(|c| c.number.as_ref())
        .filter(|n| n.is_hierarchical())
        .map(ClauseNumber::level)
        .min();
    for i in 0..clauses.len() {
        let Some(number) = clauses[i].number.clone() else {
            continue;
        };
        let is_section = match number.style() {
            NumberStyle::Roman => true,
            NumberStyle::Decimal if Some(number.level()) == top_level => {
                let heading = first_line(text, &clauses[i]);
                clauses[i].heading_level > 0
                    || clauses[i]
                        .children
                        .iter()
                        .any(|c| clauses[c.index].number.is_some())
                    || (heading.chars().count() <= 120 && !heading.ends_with([',', ';', ':']))
            }
            _ => false,
        };
        if is_section {
            clauses[i].kind = ClauseKind::Section;
            clauses[i].heading = Some(section_heading(text, &clauses[i]));
        }
    }
}

/// The first line of a clause's own text, after its number (and after the number again,
/// when it is written twice).
fn first_line<'t>(text: &'t str, clause: &Clause) -> &'t str {
    let own = &text[clause.span];
    let line = own.split(['\n', '\r']).next().unwrap_or("");
    let mut number_end = 0;
    if let Some(n) = &clause.number {
        let repeats = if clause.slip == Some(NumberSlip::Doubled) {
            2
        } else {
            1
        };
        for _ in 0..repeats {
            if let Some(at) = line[number_end..].find(n.as_str()) {
                number_end += at + n.as_str().len();
            }
        }
    }
    // Extra dots after the number (`7.4..`) are part of the slip, not of the heading.
    line[number_end..]
        .trim_start_matches('.')
        .trim_matches(|c: char| is_space(c) || c == '*' || c == '#')
}

/// A section heading, with its second line when the heading was broken over two lines: a
/// short block without closing punctuation right after the first line.
fn section_heading(text: &str, clause: &Clause) -> String {
    let first = first_line(text, clause);
    let mut heading = crate::normalize::normalize(first).text().to_owned();
    let own = &text[clause.span];
    let mut blocks = own
        .split(['\n', '\r'])
        .map(str::trim)
        .skip(1)
        .filter(|l| !l.chars().all(is_space));
    if let Some(second) = blocks.next()
        && second.chars().count() <= 80
        && !second.ends_with(|c: char| ends_sentence(c) || c == ',')
        && !first.ends_with([',', ';', ':'])
        && blocks.next().is_none()
    {
        heading.push(' ');
        heading.push_str(crate::normalize::normalize(second).text());
    }
    heading
}
