//! Candidate matching: which clause of A is which clause of B, by content. Clauses are
//! compared by word stems and character bigrams; candidates come from an inverted index of
//! B's stems and are taken greedily, best first; the clauses left between matched
//! neighbours are paired from a lower similarity; and the longest run of matches that keeps
//! its order tells which matched clauses moved.

use std::collections::HashMap;

use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use crate::{Clause, Version};

/// Below this stem similarity two clauses are not compared character by character.
const STEM_FILTER: f32 = 0.2;
/// A stem in more than a quarter of B's clauses (and at least this many) is no evidence.
const COMMON_STEM_MIN: usize = 50;
/// Each clause of A is compared with at most this many clauses of B.
const CANDIDATES_PER_CLAUSE: usize = 200;
/// Inside a gap between matched neighbours, clauses match from this similarity…
const GAP_THRESHOLD: f32 = 0.25;
/// …and from this one when the gap holds a single clause on each side.
const SINGLE_GAP_THRESHOLD: f32 = 0.15;

/// A clause prepared for matching: its lower-case text and word stems.
pub(super) struct Unit<'a> {
    /// The clause.
    pub(super) clause: &'a Clause,
    /// Its word stems, hashed, sorted and without repeats.
    stems: Vec<u64>,
    /// Its text in lower case.
    pub(super) lower: String,
    /// The number of characters of `lower`.
    pub(super) chars: usize,
}

impl<'a> Unit<'a> {
    fn new(clause: &'a Clause) -> Unit<'a> {
        let lower = crate::normalize::fold_case(clause.text());
        Unit {
            clause,
            stems: stems(&lower),
            chars: lower.chars().count(),
            lower,
        }
    }
}

/// The clauses of a version that hold text, prepared for matching.
pub(super) fn units(version: &Version) -> Vec<Unit<'_>> {
    version
        .clauses()
        .iter()
        .filter(|c| !c.text().is_empty())
        .map(Unit::new)
        .collect()
}

/// Word stems (the first six letters, enough to join the inflected forms of Kazakh and
/// Russian words) hashed, sorted and without repeats.
fn stems(lower: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let mut out: Vec<u64> = lower
        .unicode_words()
        .map(|w| {
            let stem: String = w.chars().take(6).collect();
            let mut hasher = std::hash::DefaultHasher::new();
            stem.hash(&mut hasher);
            hasher.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Sørensen–Dice coefficient of two sorted stem sets.
fn dice(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (shared, na, nb) = crate::sets::overlap([a, &[]], [b, &[]]);
    2.0 * shared as f32 / (na + nb) as f32
}

/// Content similarity of two clauses: word stems and character bigrams.
fn similarity(x: &Unit<'_>, y: &Unit<'_>) -> f32 {
    0.6 * dice(&x.stems, &y.stems) + 0.4 * strsim::sorensen_dice(&x.lower, &y.lower) as f32
}

/// The matches between the clauses of A and of B, by index into each side's units.
pub(super) struct Matches {
    /// For each clause of A, its partner in B and their similarity.
    pub(super) a: Vec<Option<(usize, f32)>>,
    /// For each clause of B, its partner in A.
    pub(super) b: Vec<Option<usize>>,
}

/// Matches the clauses of A and B: candidates from `threshold` on, best first, then the
/// gaps between matched neighbours.
pub(super) fn match_clauses(ua: &[Unit<'_>], ub: &[Unit<'_>], threshold: f32) -> Matches {
    let mut matches = Matches {
        a: vec![None; ua.len()],
        b: vec![None; ub.len()],
    };
    assign_best_first(candidates(ua, ub, threshold), &mut matches);
    fill_gaps(ua, ub, &mut matches);
    matches
}

/// The pairs `(similarity, clause of A, clause of B)` similar from `threshold` on.
///
/// Candidates come through an inverted index of B's stems, not all pairs: a stem shared by
/// most clauses (a grammatical word) is no evidence and is passed over, and each clause of A
/// keeps the clauses of B it shares the most stems with. Work grows with the clauses, not
/// with their product.
fn candidates(ua: &[Unit<'_>], ub: &[Unit<'_>], threshold: f32) -> Vec<(f32, usize, usize)> {
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, y) in ub.iter().enumerate() {
        for &stem in &y.stems {
            postings.entry(stem).or_default().push(j);
        }
    }
    let common = (ub.len() / 4).max(COMMON_STEM_MIN);
    let (units_b, postings) = (ub, &postings);
    ua.par_iter()
        .enumerate()
        .flat_map_iter(|(i, x)| {
            let mut shared: HashMap<usize, usize> = HashMap::new();
            for stem in &x.stems {
                if let Some(list) = postings.get(stem).filter(|l| l.len() <= common) {
                    for &j in list {
                        *shared.entry(j).or_default() += 1;
                    }
                }
            }
            let mut best: Vec<(usize, usize)> = shared.into_iter().map(|(j, n)| (n, j)).collect();
            best.sort_unstable_by(|p, q| q.cmp(p));
            best.truncate(CANDIDATES_PER_CLAUSE);
            best.into_iter().filter_map(move |(_, j)| {
                let y = &units_b[j];
                if dice(&x.stems, &y.stems) < STEM_FILTER {
                    return None;
                }
                let similarity = similarity(x, y);
                (similarity >= threshold).then_some((similarity, i, j))
            })
        })
        .collect()
}

/// Matches the pairs `(similarity, clause of A, clause of B)` best first, each clause at most
/// once. Ties go by position, so that the result does not depend on the order of the pairs.
fn assign_best_first(mut pairs: Vec<(f32, usize, usize)>, matches: &mut Matches) {
    pairs.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
    for (similarity, i, j) in pairs {
        if matches.a[i].is_none() && matches.b[j].is_none() {
            matches.a[i] = Some((j, similarity));
            matches.b[j] = Some(i);
        }
    }
}

/// Pairs the clauses left between two matched neighbours: in a gap bounded by matches on
/// both sides, an unmatched clause of A and one of B are most likely counterparts, so
/// they match from a lower similarity (a rewritten retention clause that keeps only its
/// opening words, say).
fn fill_gaps(ua: &[Unit<'_>], ub: &[Unit<'_>], matches: &mut Matches) {
    let mut i = 0;
    while i < ua.len() {
        if matches.a[i].is_some() {
            i += 1;
            continue;
        }
        let start = i;
        while i < ua.len() && matches.a[i].is_none() {
            i += 1;
        }
        // B's gap lies between the partners of the matches around A's gap.
        let low = start
            .checked_sub(1)
            .and_then(|p| matches.a[p])
            .map_or(0, |(j, _)| j + 1);
        let high = matches
            .a
            .get(i)
            .copied()
            .flatten()
            .map_or(ub.len(), |(j, _)| j);
        if low >= high {
            continue;
        }
        let open_b: Vec<usize> = (low..high).filter(|&b| matches.b[b].is_none()).collect();
        // One clause on each side of a gap with matches before and after it: the gap
        // itself says they correspond.
        let bounded = start > 0 && i < ua.len();
        let single = i - start == 1 && open_b.len() == 1;
        let threshold = if bounded && single {
            SINGLE_GAP_THRESHOLD
        } else {
            GAP_THRESHOLD
        };
        let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
        for (a, unit) in ua.iter().enumerate().take(i).skip(start) {
            for &b in &open_b {
                let similarity = similarity(unit, &ub[b]);
                if similarity >= threshold {
                    pairs.push((similarity, a, b));
                }
            }
        }
        assign_best_first(pairs, matches);
    }
}

/// Which matched clauses keep their relative order: the longest increasing subsequence of
/// B positions taken in A order (patience sorting, O(n log n)).
pub(super) fn longest_increasing(match_a: &[Option<(usize, f32)>]) -> Vec<bool> {
    let items: Vec<(usize, usize)> = match_a
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.map(|(j, _)| (i, j)))
        .collect();
    // Unmatched clauses are never "moved".
    let mut keep: Vec<bool> = match_a.iter().map(Option::is_none).collect();
    for (i, _) in crate::sets::longest_increasing_run(&items) {
        keep[i] = true;
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_keeps_the_order_of_most() {
        let m = [
            Some((0, 1.0)),
            Some((3, 1.0)),
            Some((1, 1.0)),
            Some((2, 1.0)),
            None,
        ];
        assert_eq!(longest_increasing(&m), [true, false, true, true, true]);
    }
}
