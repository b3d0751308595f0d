//! Numbering mismatches: linked clauses numbered differently in the two versions.

use crate::clause::{Clause, ClauseId};
use crate::kind::Kind;

use super::builder::Builder;

/// Reports the first clauses of a link when they carry different numbers of the same style
/// (`3.1` and `3.2`; a `3)` against a `3.1` is a style difference the numbering checks see).
pub(super) fn numbering_mismatch(
    builder: &mut Builder<'_>,
    order: usize,
    ids: &[ClauseId],
    first_a: &Clause,
    first_b: &Clause,
) {
    if let (Some(na), Some(nb)) = (first_a.number(), first_b.number())
        && na.components() != nb.components()
        && na.style() == nb.style()
    {
        builder.push(
            order,
            Kind::NumberingMismatch,
            Kind::NumberingMismatch.severity(),
            ids.to_vec(),
            format!(
                "the same clause is numbered {} in Kazakh (line {}) and {} in Russian (line {}).",
                na.as_str(),
                first_a.line(),
                nb.as_str(),
                first_b.line()
            ),
        );
    }
}
