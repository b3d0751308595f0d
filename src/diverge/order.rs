//! Where a divergence goes in the report: at the first link of the alignment it concerns.

use std::collections::HashMap;

use crate::clause::ClauseId;
use crate::link::Link;

/// The index of the link that holds each clause, to order divergences along the alignment.
pub(super) struct LinkOrder {
    link_index: HashMap<ClauseId, usize>,
}

impl LinkOrder {
    /// The link index of every clause of `links`.
    pub(super) fn new(links: &[Link]) -> Self {
        let mut link_index: HashMap<ClauseId, usize> = HashMap::new();
        for (index, link) in links.iter().enumerate() {
            for &id in link.kk().iter().chain(link.ru()) {
                link_index.insert(id, index);
            }
        }
        LinkOrder { link_index }
    }

    /// The link holding `id`, if any.
    pub(super) fn link_of(&self, id: ClauseId) -> Option<usize> {
        self.link_index.get(&id).copied()
    }

    /// The first link holding one of `ids`; 0 when none does (findings about the whole
    /// document, or clauses outside the alignment).
    pub(super) fn of(&self, ids: &[ClauseId]) -> usize {
        ids.iter()
            .filter_map(|id| self.link_index.get(id))
            .min()
            .copied()
            .unwrap_or(0)
    }
}
