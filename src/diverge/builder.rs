//! Collecting divergences: each with the place in the alignment that orders it in the report.

use crate::clause::{Clause, ClauseId};
use crate::document::BilingualDocument;
use crate::kind::{Kind, Severity};
use crate::language::{ByLang, Lang};

use super::divergence::{Divergence, Lines};

/// The divergences found so far, each with its order (the index of the first link it
/// concerns). Parallel checks fill builders of their own and join them with
/// [`Builder::extend`]; [`Builder::finish`] sorts, so the result does not depend on threads.
pub(super) struct Builder<'d> {
    doc: &'d BilingualDocument,
    out: Vec<(usize, Divergence)>,
}

impl<'d> Builder<'d> {
    /// An empty builder for the divergences of `doc`.
    pub(super) fn new(doc: &'d BilingualDocument) -> Self {
        Builder {
            doc,
            out: Vec::new(),
        }
    }

    /// The document whose divergences are collected.
    pub(super) fn doc(&self) -> &'d BilingualDocument {
        self.doc
    }

    /// Records a divergence over the clauses `ids` (either language, any order, repeats
    /// allowed); its lines are those of the clauses. Returns it for findings to add lines to.
    pub(super) fn push(
        &mut self,
        order: usize,
        kind: Kind,
        severity: Severity,
        mut ids: Vec<ClauseId>,
        message: String,
    ) -> &mut Divergence {
        ids.sort();
        ids.dedup();
        let (kk, ru): (Vec<ClauseId>, Vec<ClauseId>) =
            ids.into_iter().partition(|id| id.lang == Lang::Kk);
        let line_of = |id: &ClauseId| self.doc.clause(*id).map(Clause::line);
        let lines = Lines {
            kk: kk.iter().filter_map(line_of).collect(),
            ru: ru.iter().filter_map(line_of).collect(),
        };
        let divergence = Divergence::new(kind, severity, ByLang { kk, ru }, lines, message);
        self.out.push((order, divergence));
        let last = self.out.len() - 1;
        &mut self.out[last].1
    }

    /// Appends what another builder (a parallel task's) collected, in its order.
    pub(super) fn extend(&mut self, other: Builder<'_>) {
        self.out.extend(other.out);
    }

    /// The divergences sorted by (order, kind); a stable sort, so divergences of the same
    /// order and kind stay in the order the checks found them.
    pub(super) fn finish(self) -> Vec<Divergence> {
        let mut out = self.out;
        out.sort_by_key(|(order, d)| (*order, d.kind()));
        out.into_iter().map(|(_, d)| d).collect()
    }
}
