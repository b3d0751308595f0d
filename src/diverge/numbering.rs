//! Numbering mismatches: linked clauses numbered differently in the two versions.
//!
//! A clause inserted in one version shifts every later number of its list, and a section
//! renumbered in one version changes the number of every clause under it: one fact, reported
//! once for the whole run of links with the same shift, not once per link.

use crate::clause::{Clause, ClauseId};
use crate::document::Version;
use crate::kind::Kind;
use crate::link::Link;
use crate::number::ClauseNumber;

use super::builder::Builder;
use super::wording::label;

/// One link whose first clauses carry different numbers of the same style.
struct Mismatch<'c> {
    /// The index of the link.
    order: usize,
    /// The clauses of the link, both languages.
    ids: Vec<ClauseId>,
    /// The first Kazakh and the first Russian clause.
    a: &'c Clause,
    b: &'c Clause,
    /// What joins it to a run: the components the numbers share before the first that
    /// differs, and the difference of each component from there on, without trailing zeros
    /// (`4.7`/`4.8` and `4.8.1`/`4.9.1` are both `([4], [1])`). None for numbers of different
    /// depths, which make a run of their own.
    shift: Option<(Vec<u32>, Vec<i64>)>,
}

/// Reports the links whose first clauses carry different numbers of the same style (`3.1`
/// and `3.2`; a `3)` against a `3.1` is a style difference the numbering checks see), one
/// report per run of consecutive numbered links with the same shift. Links without a number
/// on a side, and links without counterpart, neither extend nor end a run.
pub(super) fn numbering_mismatches<'c>(
    builder: &mut Builder<'_>,
    links: &[Link],
    kk: &'c Version,
    ru: &'c Version,
) {
    let mut run: Vec<Mismatch<'c>> = Vec::new();
    for (order, link) in links.iter().enumerate() {
        let (Some(a), Some(b)) = (first(kk, link.kk()), first(ru, link.ru())) else {
            continue;
        };
        let (Some(na), Some(nb)) = (a.number(), b.number()) else {
            continue;
        };
        if na.components() == nb.components() || na.style() != nb.style() {
            report(builder, links, &run);
            run.clear();
            continue;
        }
        let mismatch = Mismatch {
            order,
            ids: link.kk().iter().chain(link.ru()).copied().collect(),
            a,
            b,
            shift: shift(na, nb),
        };
        let joins = matches!(
            (run.last().and_then(|m| m.shift.as_ref()), &mismatch.shift),
            (Some(last), Some(this)) if last == this
        );
        if !joins {
            report(builder, links, &run);
            run.clear();
        }
        run.push(mismatch);
    }
    report(builder, links, &run);
}

/// The first clause of `ids` in `version`.
fn first<'c>(version: &'c Version, ids: &[ClauseId]) -> Option<&'c Clause> {
    ids.first().and_then(|&id| version.clause(id))
}

/// The shift from the Kazakh number `na` to the Russian `nb` (see [`Mismatch::shift`]).
fn shift(na: &ClauseNumber, nb: &ClauseNumber) -> Option<(Vec<u32>, Vec<i64>)> {
    let (ca, cb) = (na.components(), nb.components());
    if ca.len() != cb.len() {
        return None;
    }
    let common = ca.iter().zip(cb).take_while(|(x, y)| x == y).count();
    let mut difference: Vec<i64> = ca[common..]
        .iter()
        .zip(&cb[common..])
        .map(|(&x, &y)| i64::from(y) - i64::from(x))
        .collect();
    while difference.last() == Some(&0) {
        difference.pop();
    }
    Some((ca[..common].to_vec(), difference))
}

/// One divergence for a run of mismatches: the message names the first and the last number
/// of each side, and the divergence cites every clause of the run.
fn report(builder: &mut Builder<'_>, links: &[Link], run: &[Mismatch<'_>]) {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return;
    };
    let number = |c: &Clause| c.number().map_or("", ClauseNumber::as_str).to_owned();
    let message = if run.len() == 1 {
        format!(
            "the same clause is numbered {} in Kazakh (line {}) and {} in Russian (line {}).",
            number(first.a),
            first.a.line(),
            number(first.b),
            first.b.line()
        )
    } else {
        format!(
            "{} clauses numbered {}–{} in Kazakh (lines {}–{}) are numbered {}–{} in Russian \
             (lines {}–{}): {}.",
            run.len(),
            number(first.a),
            number(last.a),
            first.a.line(),
            last.a.line(),
            number(first.b),
            number(last.b),
            first.b.line(),
            last.b.line(),
            cause(builder, links, first)
        )
    };
    let ids: Vec<ClauseId> = run.iter().flat_map(|m| m.ids.iter().copied()).collect();
    builder.push(
        first.order,
        Kind::NumberingMismatch,
        Kind::NumberingMismatch.severity(),
        ids,
        message,
    );
}

/// Why the numbers of a run differ, as far as the alignment shows: one component shifted
/// after a clause without counterpart just before the run, one component shifted, or several
/// renumbered.
fn cause(builder: &Builder<'_>, links: &[Link], first: &Mismatch<'_>) -> String {
    let Some((_, difference)) = &first.shift else {
        return "the numbers differ".to_owned();
    };
    if difference.len() != 1 {
        return "the same clauses, renumbered".to_owned();
    }
    let by = difference.first().copied().unwrap_or(0);
    let amount = match by.unsigned_abs() {
        1 => "one".to_owned(),
        2 => "two".to_owned(),
        3 => "three".to_owned(),
        n => n.to_string(),
    };
    // The numbered clauses without counterpart just before the run, if nothing but clauses
    // without counterpart stand between them and the run.
    let before = links[..first.order]
        .iter()
        .rev()
        .take_while(|l| l.is_unmatched())
        .count();
    let alone: Vec<&Clause> = links[first.order - before..first.order]
        .iter()
        .flat_map(|l| l.kk().iter().chain(l.ru()))
        .filter_map(|&id| builder.doc().clause(id))
        .filter(|c| c.is_numbered())
        .collect();
    match (alone.first(), alone.last()) {
        (Some(one), Some(last)) if alone.len() == 1 || one.lang() != last.lang() => format!(
            "the numbers are shifted by {amount} after {} (line {}), which has no {} counterpart",
            label(one),
            one.line(),
            one.lang().other().name()
        ),
        (Some(one), Some(last)) => format!(
            "the numbers are shifted by {amount} after {}–{} (lines {}–{}), which have no {} \
             counterpart",
            label(one),
            last.number().map_or("", ClauseNumber::as_str),
            one.line(),
            last.line(),
            one.lang().other().name()
        ),
        _ => format!("the numbers are shifted by {amount}"),
    }
}

#[cfg(test)]
mod tests {
    use super::shift;
    use crate::number::ClauseNumber;

    fn number(s: &str) -> ClauseNumber {
        ClauseNumber::parse_prefix(s).unwrap().0
    }

    #[test]
    fn the_shift_is_what_a_run_shares() {
        let of = |a: &str, b: &str| shift(&number(a), &number(b));
        // A clause inserted before 4.7 in Russian: every later clause and its items.
        assert_eq!(of("4.7.", "4.8."), Some((vec![4], vec![1])));
        assert_eq!(of("4.12.", "4.13."), of("4.7.", "4.8."));
        assert_eq!(of("4.8.1.", "4.9.1."), of("4.7.", "4.8."));
        // The same shift in another section is another run.
        assert_ne!(of("5.7.", "5.8."), of("4.7.", "4.8."));
        // A section renumbered: its heading and its clauses.
        assert_eq!(of("7.", "9."), Some((vec![], vec![2])));
        assert_eq!(of("7.6.", "9.6."), of("7.", "9."));
        // Different depths make no run.
        assert_eq!(of("4.7.", "4.7.1."), None);
    }
}
