//! Item-count mismatches: linked clauses whose lists have different numbers of items.

use crate::clause::{Clause, ClauseId, ClauseKind};
use crate::document::Version;
use crate::kind::Kind;
use crate::link::Link;
use crate::number::ClauseNumber;

use super::builder::Builder;
use super::wording::label;

/// List items below a clause, not counting those of numbered sub-clauses nor the items
/// that only introduce a sub-list (`• Пайдаланушы ұсынатын деректер:`), so that one version
/// nesting its list by indentation and the other writing it flat count the same.
fn list_items(clause: &Clause, version: &Version) -> usize {
    // An explicit stack rather than recursion: a list nested ten thousand levels deep must
    // not overflow the stack of a worker thread.
    let mut count = 0;
    let mut stack: Vec<ClauseId> = clause.children().to_vec();
    while let Some(id) = stack.pop() {
        let Some(child) = version.clause(id) else {
            continue;
        };
        if child.number().is_some_and(ClauseNumber::is_hierarchical) {
            continue;
        }
        let is_item = matches!(child.kind(), ClauseKind::Item | ClauseKind::Bullet);
        let has_items = child
            .children()
            .iter()
            .filter_map(|&c| version.clause(c))
            .any(|c| {
                matches!(c.kind(), ClauseKind::Item | ClauseKind::Bullet)
                    && !c.number().is_some_and(ClauseNumber::is_hierarchical)
            });
        let introduces = has_items && child.text().ends_with(':');
        count += usize::from(is_item && !introduces);
        stack.extend_from_slice(child.children());
    }
    count
}

/// Whether `ancestor` is above `clause` in `version`'s tree.
fn is_ancestor(ancestor: &Clause, clause: &Clause, version: &Version) -> bool {
    let mut cursor = clause.parent();
    while let Some(id) = cursor {
        if id == ancestor.id() {
            return true;
        }
        cursor = version.clause(id).and_then(Clause::parent);
    }
    false
}

/// Lists of different length in linked clauses. A difference deep in a list also shows in
/// every clause above it; it is reported once, where it is.
pub(super) fn item_counts(builder: &mut Builder<'_>, links: &[Link], kk: &Version, ru: &Version) {
    let mut found: Vec<(usize, &Clause, &Clause, usize, usize)> = Vec::new();
    for (order, link) in links.iter().enumerate() {
        let ([a], [b]) = (link.kk(), link.ru()) else {
            continue;
        };
        let (Some(a), Some(b)) = (kk.clause(*a), ru.clause(*b)) else {
            continue;
        };
        let (na, nb) = (list_items(a, kk), list_items(b, ru));
        // A list missing on one side altogether is a missing counterpart, reported as such.
        if na != nb && na > 0 && nb > 0 {
            found.push((order, a, b, na, nb));
        }
    }
    for &(order, a, b, na, nb) in &found {
        let deeper = found.iter().any(|&(_, x, y, nx, ny)| {
            (x.id() != a.id() || y.id() != b.id())
                && nx.abs_diff(ny) == na.abs_diff(nb)
                && is_ancestor(a, x, kk)
                && is_ancestor(b, y, ru)
        });
        if !deeper {
            builder.push(
                order,
                Kind::ItemCountMismatch,
                Kind::ItemCountMismatch.severity(),
                vec![a.id(), b.id()],
                format!("{} lists {na} items, {} lists {nb}.", label(a), label(b)),
            );
        }
    }
}
