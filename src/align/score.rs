//! Link scoring: how well one or two Kazakh clauses and one or two Russian clauses translate
//! each other, from their [`Features`], weighted by [`Weights`].

use super::features::{Features, Sets};
use crate::length::length_probability;
use crate::sets::overlap;

/// The weights of the evidence that scores a clause pair, in the order a careful bilingual
/// reader looks at it: the clause number and its place in the tree first; then what survives
/// translation (digits, dates, law numbers, e-mails, URLs, phones, Latin-script names); the
/// glossary terms of both languages; cognates; and the ratio of the two lengths.
///
/// The score of a pair is the weighted mean of the evidence that applies to it: each piece
/// adds `value × weight`, with a value from 0 (disagrees) to 1 (agrees). Fields named after
/// the evidence are its weight; fields ending in `_credit` are the value a partial agreement
/// gets. Set them through `Aligner::weights`:
///
/// ```
/// use kzru_align::{Aligner, Weights};
/// let mut weights = Weights::new();
/// // Trust the clause numbers less, for a document renumbered in one version.
/// weights.number = 1.0;
/// let aligner = Aligner::new().weights(weights);
/// # let _ = aligner;
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Weights {
    /// Weight of the clause numbers when both are in the same style (decimal, Roman, …).
    /// Equal numbers agree fully; default 3.0, the strongest single piece of evidence.
    pub number: f32,
    /// Value of two numbers of the same depth and last component but another prefix (`9.6`
    /// and `7.6`: the same place in a list, a slip in one prefix); default 0.55.
    pub number_slip_credit: f32,
    /// Value of two numbers of one list (same depth and prefix) that differ as much as their
    /// positions among their siblings and stand at the same place counted from the end: after
    /// a clause inserted in one version, `4.7` and `4.8` can be the same clause shifted by one;
    /// default 0.8, so that equal numbers still win unless the content says otherwise.
    pub number_shift_credit: f32,
    /// Weight of the clause numbers when they cannot be compared: different styles, or a
    /// number on one side only; default 1.5.
    pub number_mismatch: f32,
    /// Value of two numbers in different styles; default 0.2.
    pub number_other_style_credit: f32,
    /// Value of a number on one side only; default 0.1.
    pub number_one_side_credit: f32,
    /// Weight of the context, the number of the nearest numbered section or clause above;
    /// default 1.5.
    pub context: f32,
    /// Value of two clauses with no numbered section or clause above either; default 0.6.
    pub context_none_credit: f32,
    /// Weight of the kind of clause (section, clause, item, bullet, …); default 0.5.
    pub kind: f32,
    /// Value of two clauses of different kinds; default 0.3.
    pub kind_mismatch_credit: f32,
    /// Weight of the position among siblings, counted from either end, for two unnumbered
    /// clauses of the same kind; default 0.75.
    pub position: f32,
    /// Value of positions one apart; default 0.4 (further apart: 0).
    pub position_off_by_one_credit: f32,
    /// Weight of the shared anchors (what survives translation: digits, dates, e-mails, …),
    /// measured by the Dice coefficient; default 2.5.
    pub anchors: f32,
    /// How many anchors, on both sides together, give the anchors their full weight; fewer
    /// count in proportion, so that one shared date is weaker evidence than four; default 4.
    pub anchors_for_full_weight: f32,
    /// Weight of the shared glossary terms, measured by the Dice coefficient; default 1.5.
    pub terms: f32,
    /// Weight of each shared cognate (a word sharing its first four letters on both sides).
    /// Cognates are evidence for a pair, never against it: most words of a translation are
    /// not cognates. Default 0.75.
    pub cognate: f32,
    /// At most this many shared cognates count; default 2.
    pub cognates_counted: usize,
    /// Weight of the Gale–Church probability of the two lengths; default 1.5.
    pub length: f32,
}

impl Weights {
    /// The default weights, tuned on the corpus.
    pub const fn new() -> Weights {
        Weights {
            number: 3.0,
            number_slip_credit: 0.55,
            number_shift_credit: 0.8,
            number_mismatch: 1.5,
            number_other_style_credit: 0.2,
            number_one_side_credit: 0.1,
            context: 1.5,
            context_none_credit: 0.6,
            kind: 0.5,
            kind_mismatch_credit: 0.3,
            position: 0.75,
            position_off_by_one_credit: 0.4,
            anchors: 2.5,
            anchors_for_full_weight: 4.0,
            terms: 1.5,
            cognate: 0.75,
            cognates_counted: 2,
            length: 1.5,
        }
    }

    /// The score of a link. Where one side is a sentence broken in two, the link is at least
    /// as good as linking its first part: the second part adds the same sentence, not a new
    /// one.
    pub(super) fn link_score(&self, a: &[&Features], b: &[&Features]) -> f32 {
        let merged = self.score(a, b);
        match (a, b) {
            ([x, y], _) if x.continues_into(y) => merged.max(self.score(&a[..1], b)),
            (_, [x, y]) if x.continues_into(y) => merged.max(self.score(a, &b[..1])),
            _ => merged,
        }
    }

    /// The score of linking the Kazakh clauses `a` with the Russian clauses `b`, in [0, 1].
    pub(super) fn score(&self, a: &[&Features], b: &[&Features]) -> f32 {
        let (Some(first_a), Some(first_b)) = (a.first(), b.first()) else {
            return 0.0;
        };
        // Clauses of two different documents of a pack never translate each other.
        if a.iter().chain(b).any(|f| f.part != first_a.part) {
            return 0.0;
        }
        let mut mean = WeightedMean::default();
        self.add_numbering(&mut mean, first_a, first_b);
        // The sets of one or two clauses on each side.
        let (shared, na, nb) = overlap(sets(a, |s| &s.anchors), sets(b, |s| &s.anchors));
        if na + nb > 0 {
            let evidence = ((na + nb) as f32 / self.anchors_for_full_weight).min(1.0);
            mean.add(dice(shared, na, nb), self.anchors * evidence);
        }
        let (shared, na, nb) = overlap(sets(a, |s| &s.terms), sets(b, |s| &s.terms));
        if na + nb > 0 {
            mean.add(dice(shared, na, nb), self.terms);
        }
        let (shared, _, _) = overlap(sets(a, |s| &s.cognates), sets(b, |s| &s.cognates));
        if shared > 0 {
            mean.add(1.0, self.cognate * shared.min(self.cognates_counted) as f32);
        }
        let chars_a: usize = a.iter().map(|f| f.chars).sum();
        let chars_b: usize = b.iter().map(|f| f.chars).sum();
        mean.add(length_probability(chars_a, chars_b) as f32, self.length);
        mean.value()
    }

    /// The evidence of the first clause of each side's place in the document: its number, its
    /// context, its kind and its position among its siblings.
    fn add_numbering(&self, mean: &mut WeightedMean, first_a: &Features, first_b: &Features) {
        match (&first_a.number, &first_b.number) {
            (Some((sa, na)), Some((sb, nb))) if sa == sb => {
                let value = if na == nb {
                    1.0
                } else if na.len() == nb.len() && na.last() == nb.last() {
                    self.number_slip_credit
                } else if shifted(
                    na,
                    nb,
                    (first_a.position, first_a.position_from_end),
                    (first_b.position, first_b.position_from_end),
                ) {
                    self.number_shift_credit
                } else {
                    0.0
                };
                mean.add(value, self.number);
            }
            (Some(_), Some(_)) => mean.add(self.number_other_style_credit, self.number_mismatch),
            (Some(_), None) | (None, Some(_)) => {
                mean.add(self.number_one_side_credit, self.number_mismatch);
            }
            (None, None) => {}
        }
        let context = match (&first_a.context, &first_b.context) {
            (Some(x), Some(y)) if x == y => 1.0,
            (None, None) => self.context_none_credit,
            _ => 0.0,
        };
        mean.add(context, self.context);
        let kind = if first_a.kind == first_b.kind {
            1.0
        } else {
            self.kind_mismatch_credit
        };
        mean.add(kind, self.kind);
        if first_a.number.is_none() && first_b.number.is_none() && first_a.kind == first_b.kind {
            // Counted from either end: after an item inserted in one version, the items before
            // it agree from the start and those after it from the end.
            let offset = first_a.position.abs_diff(first_b.position).min(
                first_a
                    .position_from_end
                    .abs_diff(first_b.position_from_end),
            );
            let value = match offset {
                0 => 1.0,
                1 => self.position_off_by_one_credit,
                _ => 0.0,
            };
            mean.add(value, self.position);
        }
    }
}

impl Default for Weights {
    fn default() -> Weights {
        Weights::new()
    }
}

/// Whether `na` and `nb` number the same place of one list, shifted by a clause inserted or
/// deleted before it in one version: same depth and prefix, the same position among siblings
/// counted from the end, and numbers that differ by as much as the positions from the start.
/// Positions are `(from the start, from the end)`, 1-based.
fn shifted(na: &[u32], nb: &[u32], a: (usize, usize), b: (usize, usize)) -> bool {
    let (Some((&last_a, prefix_a)), Some((&last_b, prefix_b))) = (na.split_last(), nb.split_last())
    else {
        return false;
    };
    prefix_a == prefix_b
        && a.1 == b.1
        && i64::from(last_a) - i64::from(last_b) == a.0 as i64 - b.0 as i64
}

/// A running weighted mean of values in [0, 1].
#[derive(Default)]
struct WeightedMean {
    total: f32,
    weight: f32,
}

impl WeightedMean {
    fn add(&mut self, value: f32, weight: f32) {
        self.total += value * weight;
        self.weight += weight;
    }

    /// The mean, 0 when nothing was added.
    fn value(&self) -> f32 {
        if self.weight == 0.0 {
            0.0
        } else {
            (self.total / self.weight).clamp(0.0, 1.0)
        }
    }
}

/// One feature set of the one or two clauses on a side: for two clauses that follow each
/// other, their union computed before the search (see `Features::with_next`), so that the
/// overlap walks two plain slices.
fn sets<'f, T>(side: &[&'f Features], pick: impl Fn(&'f Sets) -> &'f [T]) -> [&'f [T]; 2] {
    if let [x, y] = side
        && y.index == x.index + 1
        && let Some(union) = x.with_next.as_deref()
    {
        return [pick(union), &[]];
    }
    [
        side.first().map_or(&[][..], |f| pick(&f.sets)),
        side.get(1).map_or(&[][..], |f| pick(&f.sets)),
    ]
}

/// The Dice coefficient of two sets from their overlap: 0 for two empty sets.
fn dice(shared: usize, na: usize, nb: usize) -> f32 {
    if na + nb == 0 {
        0.0
    } else {
        2.0 * shared as f32 / (na + nb) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::shifted;

    #[test]
    fn a_number_shifted_by_an_insertion_is_the_same_place_of_the_list() {
        // Kazakh 4.7 of 12 and Russian 4.8 of 13, after a clause inserted in Russian.
        assert!(shifted(&[4, 7], &[4, 8], (7, 6), (8, 6)));
        // The other way: a clause deleted from Russian.
        assert!(shifted(&[4, 8], &[4, 7], (8, 6), (7, 6)));
        // Not the same place counted from the end.
        assert!(!shifted(&[4, 7], &[4, 8], (7, 6), (8, 5)));
        // Numbers further apart than the positions: a different clause.
        assert!(!shifted(&[2], &[7], (2, 2), (2, 2)));
        // Another list, another depth.
        assert!(!shifted(&[4, 7], &[5, 8], (7, 6), (8, 6)));
        assert!(!shifted(&[4, 7], &[4, 7, 1], (7, 6), (8, 6)));
    }
}
