//! The findings of reading and segmenting each version (numbering gaps, mixed scripts…),
//! reported among the divergences. A slip that both versions make in the same clauses (the
//! same numbers without their dot in both) is one fact: one report naming both lines.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

use crate::document::BilingualDocument;
use crate::finding::Finding;
use crate::kind::Kind;
use crate::language::Lang;

use super::builder::Builder;
use super::order::LinkOrder;

/// Every finding of `doc` as a divergence, placed at the first link of its clauses; findings
/// shared by both versions become one.
pub(super) fn findings(builder: &mut Builder<'_>, doc: &BilingualDocument, order: &LinkOrder) {
    let all: Vec<&Finding> = doc.all_findings().collect();
    // The Russian findings by slip (kind and links), in order, so that finding the twin of a
    // Kazakh finding is a look-up, not a scan of every finding: a file of many copies of one
    // document has thousands of findings.
    let mut russian: HashMap<SlipKey, VecDeque<usize>> = HashMap::new();
    for (index, finding) in all.iter().enumerate() {
        if finding.lang() == Some(Lang::Ru)
            && let Some(key) = slip_key(finding, order)
        {
            russian.entry(key).or_default().push_back(index);
        }
    }
    let mut merged: HashSet<usize> = HashSet::new();
    for (index, finding) in all.iter().enumerate() {
        if merged.contains(&index) {
            continue;
        }
        // The first Russian finding of the same slip not yet merged (twins are only ever
        // taken from the front, so the front is never merged).
        let twin = (finding.lang() == Some(Lang::Kk))
            .then(|| slip_key(finding, order))
            .flatten()
            .and_then(|key| russian.get_mut(&key)?.pop_front());
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

/// What makes two findings the same slip: the same kind, and clauses in the same links
/// (as many clauses on each side). None for a finding without clauses or with a clause
/// outside the alignment.
type SlipKey = (Kind, usize, BTreeSet<usize>);

/// The slip of `finding`, to pair a Kazakh finding with the Russian one of the same slip.
fn slip_key(finding: &Finding, order: &LinkOrder) -> Option<SlipKey> {
    if finding.clauses().is_empty() {
        return None;
    }
    let links = finding
        .clauses()
        .iter()
        .map(|&id| order.link_of(id))
        .collect::<Option<BTreeSet<usize>>>()?;
    Some((finding.kind(), finding.clauses().len(), links))
}
