//! The findings of reading and segmenting each version (numbering gaps, mixed scripts…),
//! reported among the divergences. A slip that both versions make in the same clauses (the
//! same numbers without their dot in both) is one fact: one report naming both lines.

use std::collections::BTreeSet;

use crate::document::BilingualDocument;
use crate::finding::Finding;
use crate::language::Lang;

use super::builder::Builder;
use super::order::LinkOrder;

/// Every finding of `doc` as a divergence, placed at the first link of its clauses; findings
/// shared by both versions become one.
pub(super) fn findings(builder: &mut Builder<'_>, doc: &BilingualDocument, order: &LinkOrder) {
    let all: Vec<&Finding> = doc.all_findings().collect();
    let mut merged: BTreeSet<usize> = BTreeSet::new();
    for (index, finding) in all.iter().enumerate() {
        if merged.contains(&index) {
            continue;
        }
        let twin = (finding.lang() == Some(Lang::Kk))
            .then(|| {
                all.iter()
                    .enumerate()
                    .find(|(other, candidate)| {
                        !merged.contains(other) && same_slip(finding, candidate, order)
                    })
                    .map(|(other, _)| other)
            })
            .flatten();
        let mut ids = finding.clauses().to_vec();
        let mut message = finding.message().to_owned();
        if let Some(twin) = twin {
            merged.insert(twin);
            ids.extend_from_slice(all[twin].clauses());
            message = format!("in both versions: {message}");
        }
        let divergence = builder.push(
            order.of(&ids),
            finding.kind(),
            finding.severity(),
            ids,
            message,
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

/// Whether the Russian finding `other` reports the slip of the Kazakh finding `kk` in the
/// same clauses: the same kind, and each clause of one linked to a clause of the other.
fn same_slip(kk: &Finding, other: &Finding, order: &LinkOrder) -> bool {
    let links = |finding: &Finding| -> Option<BTreeSet<usize>> {
        finding
            .clauses()
            .iter()
            .map(|&id| order.link_of(id))
            .collect()
    };
    other.lang() == Some(Lang::Ru)
        && other.kind() == kk.kind()
        && !kk.clauses().is_empty()
        && kk.clauses().len() == other.clauses().len()
        && links(kk).is_some_and(|mine| Some(mine) == links(other))
}
