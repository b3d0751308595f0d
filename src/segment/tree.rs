//! The tree of clauses: which clause each one belongs to. Hierarchical numbers nest by their
//! level (`2.1` under `2.`), list items by indentation and marker, and a paragraph after a
//! list belongs to the numbered clause above the list.

use super::start::{Start, StartKind};
use crate::clause::{Clause, ClauseKind};
use crate::number::{ClauseNumber, NumberStyle};

/// What tells the items of one list from those of another: the marker, or the style of the
/// number (`1)` or `a)`), or a tab for table rows.
fn list_signature(clause: &Clause) -> String {
    match (&clause.number, clause.kind) {
        (Some(n), _) => match n.style() {
            NumberStyle::Letter => "a)".to_owned(),
            NumberStyle::DottedItem => "1.".to_owned(),
            _ => "1)".to_owned(),
        },
        (None, ClauseKind::TableRow) => "\t".to_owned(),
        (None, _) => clause.marker.clone().unwrap_or_default(),
    }
}

/// Sets the parent, children and depth of every clause; `starts` are the clauses' starts.
pub(super) fn assign_parents(clauses: &mut [Clause], starts: &[Start]) {
    let mut numbered: Vec<(usize, usize)> = Vec::new();
    // Open list items: (clause index, indentation, marker signature).
    let mut lists: Vec<(usize, usize, String)> = Vec::new();
    let mut container: Option<usize> = None;
    for i in 0..clauses.len() {
        let hierarchical = clauses[i]
            .number
            .as_ref()
            .filter(|n| n.is_hierarchical())
            .map(ClauseNumber::level);
        let parent = match (starts[i].kind, hierarchical) {
            (StartKind::Block, _) => {
                lists.clear();
                numbered.clear();
                container = None;
                None
            }
            (StartKind::Numbered, Some(level)) => {
                while numbered.last().is_some_and(|&(_, l)| l >= level) {
                    numbered.pop();
                }
                let parent = numbered.last().map(|&(p, _)| p);
                numbered.push((i, level));
                lists.clear();
                container = Some(i);
                parent
            }
            (StartKind::Paragraph, _) => {
                lists.clear();
                let parent = numbered.last().map(|&(p, _)| p);
                container = if clauses[i].text.ends_with(':') {
                    Some(i)
                } else {
                    parent
                };
                parent
            }
            _ => {
                let indent = starts[i].indent;
                let signature = list_signature(&clauses[i]);
                while lists.last().is_some_and(|&(_, ind, _)| ind > indent) {
                    lists.pop();
                }
                let same_level = lists
                    .iter()
                    .rposition(|(_, ind, _)| *ind != indent)
                    .map_or(0, |p| p + 1);
                if let Some(pos) = lists[same_level..]
                    .iter()
                    .rposition(|(_, _, sig)| *sig == signature)
                {
                    // A sibling of an item further up the same level: close what opened since.
                    lists.truncate(same_level + pos);
                } else if let Some(&(top, ind, _)) = lists.last()
                    && ind == indent
                    && !clauses[top].text.ends_with(':')
                {
                    // A different marker that does not open a sub-list: a sibling written
                    // differently (reported as a numbering-style finding).
                    lists.pop();
                }
                let parent = lists.last().map(|&(p, _, _)| p).or(container);
                lists.push((i, indent, signature));
                parent
            }
        };
        clauses[i].parent = parent.map(|p| clauses[p].id);
    }
    for i in 0..clauses.len() {
        if let Some(parent) = clauses[i].parent {
            let id = clauses[i].id;
            clauses[i].depth = clauses[parent.index].depth + 1;
            clauses[parent.index].children.push(id);
        }
    }
}
