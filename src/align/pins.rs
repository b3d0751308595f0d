//! Pins: clauses carrying the same number in both versions, through which the alignment
//! passes, so that the search only needs the cells between two pins. (They are not the
//! anchors of `src/anchors.rs`, what survives translation inside a clause.)
//!
//! The pins must stay linear in the length whatever the input, including a file of hundreds
//! of copies of one document whose numbers all recur: a number pins only where it is unique,
//! in the whole version or, inside a long stretch left without pins, in a window of it.

use std::collections::HashMap;
use std::ops::Range;

use super::features::Features;
use super::score::Weights;
use crate::sets::longest_increasing_run;

/// Rectangles between pins up to this many cells are searched whole; larger ones are
/// searched in a band (see `dp::Band`), and first pinned in windows.
pub(super) const SEGMENT_CELLS: usize = 1 << 16;

/// Pins must score at least this: equal numbers on clauses that say different things (a
/// renumbered version) are not pins.
const PIN_SCORE: f32 = 0.6;

/// Rows of one window of a long stretch without pins: a number used once in the window on
/// both sides pins there. Shorter than a typical document, so that the numbers of a document
/// repeated over and over are unique in it.
const WINDOW: usize = 64;

/// The numbering key of a clause: its document of a pack and its hierarchical number.
type Key<'f> = (Option<usize>, &'f [u32]);

/// The pins of two versions, in increasing order on both sides.
///
/// First, clauses with the same hierarchical number in the same document of a pack, that
/// score well together, kept in increasing order on both sides (the longest such run). A
/// number used once in each version pins its two clauses; a number used as many times in
/// each (copies of one document that the pack detection did not split) pairs its k-th use in
/// one version with its k-th use in the other. A number used more often on one side pins
/// nothing there.
///
/// Then every stretch between two pins too large to be searched whole is cut into windows of
/// [`WINDOW`] rows along its diagonal, each facing the columns in proportion; a number unique
/// in a window on both sides pins there. The work is linear: one score per candidate pin, at
/// most one candidate per row.
pub(super) fn pins(weights: &Weights, a: &[Features], b: &[Features]) -> Vec<(usize, usize)> {
    let coarse = by_number(weights, a, b);
    let mut all = Vec::with_capacity(coarse.len());
    let mut from = (0, 0);
    for &(i, j) in coarse.iter().chain([&(a.len(), b.len())]) {
        let (rows, cols) = (i - from.0, j - from.1);
        if (rows + 1).saturating_mul(cols + 1) > SEGMENT_CELLS {
            all.extend(in_windows(weights, a, b, from.0..i, from.1..j));
        }
        if i < a.len() {
            all.push((i, j));
        }
        from = (i + 1, j + 1);
    }
    all
}

/// Pins of the whole versions: numbers used as many times on both sides, k-th use with k-th.
fn by_number(weights: &Weights, a: &[Features], b: &[Features]) -> Vec<(usize, usize)> {
    let (in_a, in_b) = (uses(a, 0..a.len()), uses(b, 0..b.len()));
    let mut pairs: Vec<(usize, usize)> = in_a
        .iter()
        .filter_map(|(number, is)| Some((is, in_b.get(number)?)))
        .filter(|(is, js)| is.len() == js.len())
        .flat_map(|(is, js)| is.iter().copied().zip(js.iter().copied()))
        .filter(|&(i, j)| good_pin(weights, a, b, i, j))
        .collect();
    pairs.sort_unstable();
    longest_increasing_run(&pairs)
}

/// Pins of the stretch `rows × cols`, from the numbers unique in a window on both sides.
fn in_windows(
    weights: &Weights,
    a: &[Features],
    b: &[Features],
    rows: Range<usize>,
    cols: Range<usize>,
) -> Vec<(usize, usize)> {
    let (height, width) = (rows.len(), cols.len());
    let column = |i: usize| {
        cols.start + ((i - rows.start) as u128 * width as u128 / height.max(1) as u128) as usize
    };
    let mut pairs = Vec::new();
    let mut start = rows.start;
    while start < rows.end {
        let end = (start + WINDOW).min(rows.end);
        let (in_a, in_b) = (uses(a, start..end), uses(b, column(start)..column(end)));
        pairs.extend(
            in_a.iter()
                .filter_map(|(number, is)| Some((is, in_b.get(number)?)))
                .filter(|(is, js)| is.len() == 1 && js.len() == 1)
                .map(|(is, js)| (is[0], js[0]))
                .filter(|&(i, j)| good_pin(weights, a, b, i, j)),
        );
        start = end;
    }
    pairs.sort_unstable();
    longest_increasing_run(&pairs)
}

/// Where each numbering key is used among `features[range]`, in order.
fn uses(features: &[Features], range: Range<usize>) -> HashMap<Key<'_>, Vec<usize>> {
    let mut seen: HashMap<Key<'_>, Vec<usize>> = HashMap::new();
    for i in range {
        let f = &features[i];
        if let Some((style, n)) = &f.number
            && style.is_hierarchical()
        {
            seen.entry((f.part, n.as_slice())).or_default().push(i);
        }
    }
    seen
}

/// How far, in clauses, a pin's rivals in the same list are looked for.
const PIN_RIVALS: usize = 16;

/// Whether `a[i]` and `b[j]`, of the same number, may pin: the same style of number, a good
/// score together, and no clause of the same list nearby that either pairs better with (see
/// [`rivalled`]). At most `4 · PIN_RIVALS + 1` scores per candidate: still linear.
fn good_pin(weights: &Weights, a: &[Features], b: &[Features], i: usize, j: usize) -> bool {
    if a[i].number.as_ref().map(|n| n.0) != b[j].number.as_ref().map(|n| n.0) {
        return false;
    }
    let own = weights.score(&[&a[i]], &[&b[j]]);
    own >= PIN_SCORE && !rivalled(weights, a, b, (i, j), own)
}

/// Whether a clause of the same list near `b[j]` pairs better with `a[i]`, or one near `a[i]`
/// with `b[j]`, than they pair together (`own`). After a clause inserted in one version,
/// equal numbers are the wrong pairs, and a pin there would wall the search in: the content
/// of the shifted neighbour says so. Dropping a pin only widens the search.
fn rivalled(
    weights: &Weights,
    a: &[Features],
    b: &[Features],
    (i, j): (usize, usize),
    own: f32,
) -> bool {
    fn same_list(x: &Features, y: &Features) -> bool {
        match (&x.number, &y.number) {
            (Some((sx, nx)), Some((sy, ny))) => {
                sx == sy
                    && nx.len() == ny.len()
                    && nx.split_last().map(|p| p.1) == ny.split_last().map(|p| p.1)
            }
            _ => false,
        }
    }
    let near = |k: usize, len: usize| k.saturating_sub(PIN_RIVALS)..(k + PIN_RIVALS + 1).min(len);
    near(j, b.len())
        .filter(|&k| k != j && same_list(&b[k], &b[j]))
        .any(|k| weights.score(&[&a[i]], &[&b[k]]) > own)
        || near(i, a.len())
            .filter(|&k| k != i && same_list(&a[k], &a[i]))
            .any(|k| weights.score(&[&a[k]], &[&b[j]]) > own)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BilingualDocument;
    use crate::load::Source;

    /// The features of a Kazakh and a Russian text.
    fn features(kk: &str, ru: &str) -> [Vec<Features>; 2] {
        let doc = BilingualDocument::from_pair(
            Source::from_text("kk.txt", kk).unwrap(),
            Source::from_text("ru.txt", ru).unwrap(),
        )
        .unwrap();
        let [(a, _), (b, _)] = Features::of_versions(
            doc.version(crate::Lang::Kk).unwrap(),
            doc.version(crate::Lang::Ru).unwrap(),
        );
        [a, b]
    }

    const KK: &str = "1.1. Компания деректерді 30 күн сақтайды.\n\n\
        1.2. Шағымдар support@a.kz мекенжайына 2024 жылдан бастап жіберіледі.\n\n";
    const RU: &str = "1.1. Компания хранит данные 30 дней.\n\n\
        1.2. Жалобы направляются на support@a.kz с 2024 года.\n\n";

    #[test]
    fn a_number_used_as_often_on_both_sides_pins_each_use_in_turn() {
        let [a, b] = features(&KK.repeat(3), &RU.repeat(3));
        assert_eq!(a.len(), 6);
        let pinned = pins(&Weights::new(), &a, &b);
        assert_eq!(pinned, (0..6).map(|i| (i, i)).collect::<Vec<_>>());
        // One use more on one side: the whole-version pass pins nothing, and the stretch is
        // small enough to be searched whole.
        let [a, b] = features(&KK.repeat(3), &RU.repeat(2));
        assert!(pins(&Weights::new(), &a, &b).is_empty());
    }

    #[test]
    fn a_long_stretch_without_unique_numbers_is_pinned_in_windows() {
        // A document of 80 numbered clauses, 30 copies against 29: no number is used as often
        // on both sides, but each is unique in a window of 64 rows, so the stretch is pinned.
        let copy = |clause: &str| -> String {
            (1..=80)
                .map(|k| format!("1.{k}. {clause} {k}.\n\n"))
                .collect()
        };
        let (kk, ru) = (copy("Деректер сақталады"), copy("Данные хранятся"));
        let [a, b] = features(&kk.repeat(30), &ru.repeat(29));
        assert_eq!(a.len(), 2400);
        let pinned = pins(&Weights::new(), &a, &b);
        assert!(pinned.len() > 1500, "{} pins", pinned.len());
        assert!(
            pinned
                .windows(2)
                .all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1)
        );
        // A document shorter than a window, repeated: nothing is unique anywhere, no pins
        // (the band alone bounds the work then).
        let [a, b] = features(&KK.repeat(300), &RU.repeat(299));
        assert!(pins(&Weights::new(), &a, &b).is_empty());
    }
}
