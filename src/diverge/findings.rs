//! The findings of reading and segmenting each version (numbering gaps, mixed scripts…),
//! reported among the divergences.

use crate::document::BilingualDocument;

use super::builder::Builder;
use super::order::LinkOrder;

/// Every finding of `doc` as a divergence, placed at the first link of its clauses.
pub(super) fn findings(builder: &mut Builder<'_>, doc: &BilingualDocument, order: &LinkOrder) {
    for finding in doc.all_findings() {
        let ids = finding.clauses().to_vec();
        let divergence = builder.push(
            order.of(&ids),
            finding.kind(),
            finding.severity(),
            ids,
            finding.message().to_owned(),
        );
        // A finding about a line that holds no clause (a stray heading, a broken table) still
        // points the reader to that line.
        if let (Some(line), true) = (finding.line(), finding.clauses().is_empty())
            && let Some(lang) = finding.lang()
        {
            divergence.add_line(lang, line);
        }
    }
}
