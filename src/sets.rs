//! Sorted sets and sequences: the overlap of sorted sets without allocating, and the longest
//! run of pairs that keeps its order on both sides.
//!
//! Generic helpers with no knowledge of clauses, shared by the aligner, the policy diff and
//! the corpus similarity.

use std::cmp::Ordering;

/// Merges up to two sorted slices without repeats, lazily.
fn union2<'s, T: Ord + Copy>(x: &'s [T], y: &'s [T]) -> impl Iterator<Item = T> + 's {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || match (x.get(i), y.get(j)) {
        (Some(&p), Some(&q)) => {
            if p <= q {
                i += 1;
            }
            if q <= p {
                j += 1;
            }
            Some(p.min(q))
        }
        (Some(&p), None) => {
            i += 1;
            Some(p)
        }
        (None, Some(&q)) => {
            j += 1;
            Some(q)
        }
        (None, None) => None,
    })
}

/// The union of two sorted sets, sorted, without repeats.
pub(crate) fn union<T: Ord + Copy>(x: &[T], y: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(x.len() + y.len());
    out.extend(union2(x, y));
    out
}

/// `(shared, |A|, |B|)` for the unions A and B of one or two sorted sets each, without
/// allocating: the hot loop of the aligner runs this millions of times. Marked for inlining
/// so that whether the scorer gets it inlined does not hang on how the crate happens to be
/// cut into codegen units (a change elsewhere flipped it, at a quarter of a million
/// instructions a document).
#[inline]
pub(crate) fn overlap<T: Ord + Copy>(a: [&[T]; 2], b: [&[T]; 2]) -> (usize, usize, usize) {
    if a[1].is_empty() && b[1].is_empty() {
        return overlap_of_slices(a[0], b[0]);
    }
    overlap_of_unions(a, b)
}

/// [`overlap`] through the lazy unions: any two sets on each side.
fn overlap_of_unions<T: Ord + Copy>(a: [&[T]; 2], b: [&[T]; 2]) -> (usize, usize, usize) {
    let mut left = union2(a[0], a[1]).peekable();
    let mut right = union2(b[0], b[1]).peekable();
    let (mut shared, mut na, mut nb) = (0, 0, 0);
    loop {
        match (left.peek(), right.peek()) {
            (Some(p), Some(q)) => match p.cmp(q) {
                Ordering::Less => {
                    na += 1;
                    left.next();
                }
                Ordering::Greater => {
                    nb += 1;
                    right.next();
                }
                Ordering::Equal => {
                    shared += 1;
                    na += 1;
                    nb += 1;
                    left.next();
                    right.next();
                }
            },
            (Some(_), None) => {
                na += 1;
                left.next();
            }
            (None, Some(_)) => {
                nb += 1;
                right.next();
            }
            (None, None) => return (shared, na, nb),
        }
    }
}

/// [`overlap`] of one sorted slice on each side, the common case (a pair of single clauses):
/// the same walk with plain indices, each step advancing by comparisons rather than a
/// three-way branch (the branch was mispredicted about every other step: the two sides
/// interleave at random).
fn overlap_of_slices<T: Ord + Copy>(x: &[T], y: &[T]) -> (usize, usize, usize) {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        let (p, q) = (x[i], y[j]);
        shared += usize::from(p == q);
        i += usize::from(p <= q);
        j += usize::from(q <= p);
    }
    (shared, x.len(), y.len())
}

/// Of pairs sorted by their first element, the longest run whose second elements increase
/// too (patience sorting, O(n log n)): the pairs that keep their relative order on both sides.
/// Shared by the aligner's pins and by the policy diff's `moved` clauses.
pub(crate) fn longest_increasing_run(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let length = tails.partition_point(|&t| pairs[t].1 < j);
        previous[k] = length.checked_sub(1).map(|l| tails[l]);
        if length == tails.len() {
            tails.push(k);
        } else {
            tails[length] = k;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut cursor = tails.last().copied();
    while let Some(k) = cursor {
        chain.push(pairs[k]);
        cursor = previous[k];
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_counts_the_unions_without_repeats() {
        // A = {1, 2, 3, 5}, B = {2, 5, 8}: the 2 shared by both sets of A counts once.
        assert_eq!(overlap([&[1, 2, 5], &[2, 3]], [&[2, 8], &[5]]), (2, 4, 3));
        assert_eq!(overlap::<u8>([&[], &[]], [&[], &[]]), (0, 0, 0));
    }

    #[test]
    fn the_walk_over_two_slices_agrees_with_the_unions() {
        let sets: [&[u32]; 6] = [&[], &[1], &[1, 2, 3], &[2, 4, 6, 8], &[3, 4, 5], &[0, 9]];
        for x in sets {
            for y in sets {
                assert_eq!(
                    overlap_of_slices(x, y),
                    overlap_of_unions([x, &[]], [y, &[]]),
                    "{x:?} {y:?}"
                );
            }
        }
        assert_eq!(overlap([&[1u32, 2, 3], &[]], [&[2, 3, 4], &[]]), (2, 3, 3));
    }

    #[test]
    fn the_unions_agree_with_sets_built_whole() {
        use std::collections::BTreeSet;
        let sets: [&[u32]; 6] = [&[], &[1], &[1, 2, 3], &[2, 4, 6, 8], &[3, 4, 5], &[0, 9]];
        let mut quadruples = Vec::new();
        for x in sets {
            for y in sets {
                for z in sets {
                    for w in sets {
                        quadruples.push((x, y, z, w));
                    }
                }
            }
        }
        for (x, y, z, w) in quadruples {
            let a: BTreeSet<u32> = x.iter().chain(y).copied().collect();
            let b: BTreeSet<u32> = z.iter().chain(w).copied().collect();
            let expected = (a.intersection(&b).count(), a.len(), b.len());
            assert_eq!(
                overlap_of_unions([x, y], [z, w]),
                expected,
                "{x:?} {y:?} {z:?} {w:?}"
            );
        }
    }

    #[test]
    fn the_longest_run_keeps_the_order_on_both_sides() {
        let pairs = [(0, 0), (1, 5), (2, 1), (3, 2), (4, 6), (5, 3)];
        assert_eq!(
            longest_increasing_run(&pairs),
            vec![(0, 0), (2, 1), (3, 2), (5, 3)]
        );
        assert!(longest_increasing_run(&[]).is_empty());
    }
}
