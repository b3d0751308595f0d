//! Small pieces of text that several report formats print the same way: a list of line
//! numbers and the text of one side of a link.

use crate::{BilingualDocument, Clause, ClauseId};

/// Lines as a reader wants them: `12, 14`, or `—` for none.
pub(crate) fn line_list(lines: &[usize]) -> String {
    if lines.is_empty() {
        "—".to_owned()
    } else {
        lines
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The texts of the clauses `ids`, joined by a space; empty clauses add nothing.
pub(crate) fn link_text(doc: &BilingualDocument, ids: &[ClauseId]) -> String {
    ids.iter()
        .filter_map(|&id| doc.clause(id))
        .map(Clause::text)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::line_list;

    #[test]
    fn line_list_joins_lines_or_shows_a_dash_for_none() {
        assert_eq!(line_list(&[]), "—");
        assert_eq!(line_list(&[12]), "12");
        assert_eq!(line_list(&[12, 14]), "12, 14");
    }
}
