//! What a page marks in the side-by-side view of a document: the rows each divergence
//! concerns (every row of a run of clauses, not only the first) and the words of a meaning
//! mismatch's evidence in the text of each clause.

use std::collections::HashMap;
use std::ops::Range;

use super::view::AlignedDocument;
use crate::{BilingualDocument, Clause, ClauseId, Cue, Divergence, Lang};

/// The marks of one document.
pub(crate) struct Marks {
    /// The rows (links) of each divergence, in order, without repeats.
    pub(crate) rows: Vec<Vec<usize>>,
    /// The divergences of each row, in the order of the document's divergences.
    pub(crate) of_row: Vec<Vec<usize>>,
    /// The byte ranges of evidence words in each clause's text, in order, not overlapping.
    pub(crate) cues: HashMap<ClauseId, Vec<Range<usize>>>,
}

impl Marks {
    /// The marks of `document`.
    pub(crate) fn new(document: &AlignedDocument<'_>) -> Marks {
        let mut row_of: HashMap<ClauseId, usize> = HashMap::new();
        for (row, link) in document.links.iter().enumerate() {
            for &id in link.kk().iter().chain(link.ru()) {
                row_of.insert(id, row);
            }
        }
        let rows: Vec<Vec<usize>> = document
            .divergences
            .iter()
            .map(|d| rows_of(document.doc, d, &row_of))
            .collect();
        let mut of_row = vec![Vec::new(); document.links.len()];
        for (index, rows) in rows.iter().enumerate() {
            for &row in rows {
                of_row[row].push(index);
            }
        }
        let mut cues: HashMap<ClauseId, Vec<Range<usize>>> = HashMap::new();
        for divergence in document.divergences {
            let Some(meaning) = divergence.meaning() else {
                continue;
            };
            for lang in Lang::ALL {
                let Some(clause) = divergence
                    .side(lang)
                    .first()
                    .and_then(|&id| document.doc.clause(id))
                else {
                    continue;
                };
                let ranges = cues.entry(clause.id()).or_default();
                for cue in meaning.cues().get(lang) {
                    if let Some(range) = locate(document.doc, clause, cue) {
                        ranges.push(range);
                    }
                }
            }
        }
        for ranges in cues.values_mut() {
            ranges.sort_by_key(|r| (r.start, r.end));
            ranges.dedup_by(|later, earlier| later.start < earlier.end);
        }
        Marks { rows, of_row, cues }
    }
}

/// The rows of a divergence: those of its clauses on both sides; for one that names lines
/// but no clause (a missing version, a numbering slip between clauses), the rows of the
/// clauses those lines are in.
fn rows_of(
    doc: &BilingualDocument,
    divergence: &Divergence,
    row_of: &HashMap<ClauseId, usize>,
) -> Vec<usize> {
    let mut rows: Vec<usize> = Lang::ALL
        .iter()
        .flat_map(|&lang| divergence.side(lang))
        .filter_map(|id| row_of.get(id).copied())
        .collect();
    if rows.is_empty() {
        for lang in Lang::ALL {
            let Some(version) = doc.version(lang) else {
                continue;
            };
            let clauses = version.clauses();
            for &line in divergence.lines().get(lang) {
                // The last clause that starts on or before the line holds it.
                let after = clauses.partition_point(|c| c.line() <= line);
                if let Some(clause) = after.checked_sub(1).map(|i| &clauses[i])
                    && line <= clause.end_line().max(clause.line())
                {
                    rows.extend(row_of.get(&clause.id()));
                }
            }
        }
    }
    rows.sort_unstable();
    rows.dedup();
    rows
}

/// Where a cue's words stand in the (normalized) text of its clause: the same occurrence of
/// the words as in the original text, or their first occurrence; `None` when the normalized
/// text does not hold them verbatim.
fn locate(doc: &BilingualDocument, clause: &Clause, cue: &Cue) -> Option<Range<usize>> {
    let words = cue.text();
    if words.is_empty() {
        return None;
    }
    let text = clause.text();
    let original = doc.original_text(clause);
    let nth = cue
        .span()
        .start()
        .checked_sub(clause.span().start())
        .filter(|_| cue.span() != clause.span())
        .and_then(|offset| original.get(..offset))
        .map_or(0, |before| before.matches(words).count());
    let mut found = text.match_indices(words).map(|(at, _)| at);
    let first = text.find(words)?;
    let at = found.nth(nth).unwrap_or(first);
    Some(at..at + words.len())
}
