//! The search for the best alignment: dynamic programming over [`Move`]s, in a [`Band`] of
//! cells around the pins.
//!
//! Pins (`pins.rs`) are clauses carrying the same number in both versions: the alignment
//! passes through them, so the search only needs the cells between two pins.

use rayon::prelude::*;

use super::features::Features;
use super::pins::{SEGMENT_CELLS, pins};
use super::score::Weights;

/// One step of an alignment path: how many clauses of each side one link takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Move {
    /// 1–0: a Kazakh clause without counterpart.
    KkAlone,
    /// 0–1: a Russian clause without counterpart.
    RuAlone,
    /// 1–1: one clause translates one.
    OneToOne,
    /// 1–2: one Kazakh clause translated by two Russian ones.
    OneToTwo,
    /// 2–1: two Kazakh clauses translated by one Russian one.
    TwoToOne,
}

impl Move {
    /// How many Kazakh and Russian clauses the move takes.
    const fn lengths(self) -> (usize, usize) {
        match self {
            Move::KkAlone => (1, 0),
            Move::RuAlone => (0, 1),
            Move::OneToOne => (1, 1),
            Move::OneToTwo => (1, 2),
            Move::TwoToOne => (2, 1),
        }
    }
}

/// One link of the best path: clauses `i..i + di` of the first side with `j..j + dj` of the
/// second, and the score of linking them (0 when a side is empty).
pub(super) struct Step {
    /// First clause of the first side.
    pub(super) i: usize,
    /// First clause of the second side.
    pub(super) j: usize,
    /// Number of clauses of the first side.
    pub(super) di: usize,
    /// Number of clauses of the second side.
    pub(super) dj: usize,
    /// The link score, in [0, 1].
    pub(super) score: f32,
}

/// The settings of one search, taken from the `Aligner`.
pub(super) struct Search {
    /// Half-width of the band around the diagonal between two distant pins.
    pub(super) band: usize,
    /// A link gains its score minus this: pairs scoring less are left unmatched.
    pub(super) link_threshold: f32,
    /// Cost of a 1–2 or 2–1 link, unless one sentence was broken in two.
    pub(super) merge_penalty: f32,
    /// Cost of leaving a clause without counterpart.
    pub(super) skip_penalty: f32,
    /// The weights of the link score.
    pub(super) weights: Weights,
}

/// Rows of scores computed at once (in parallel) before the dynamic programming uses them.
const ROW_BLOCK: usize = 512;

/// The scores of the links that end in one cell: 1–1, 1–2 and 2–1 (NaN where the cell is too
/// close to the border for the link).
type CellScores = [f32; 3];

impl Search {
    /// The best path and the number of cells visited.
    pub(super) fn best_path(&self, a: &[Features], b: &[Features]) -> (Vec<Step>, usize) {
        let (n, m) = (a.len(), b.len());
        let band = Band::new(n, m, self.band, &pins(&self.weights, a, b));
        let cells: usize = (0..=n).map(|i| band.width(i)).sum();
        // best[i] holds row i of the band: best total gain of aligning a[..i] with b[..j].
        let mut best: Vec<Vec<f32>> = Vec::with_capacity(n + 1);
        let mut moves: Vec<Vec<Move>> = Vec::with_capacity(n + 1);
        // Row 0: Russian clauses left unmatched before the first Kazakh one. (The move of
        // cell (0, 0) is never read: the walk back stops there.)
        let row0: Vec<f32> = (0..band.width(0))
            .map(|j| -self.skip_penalty * j as f32)
            .collect();
        best.push(row0);
        moves.push(vec![Move::RuAlone; band.width(0)]);
        let mut block_start = 1;
        while block_start <= n {
            let block_end = (block_start + ROW_BLOCK).min(n + 1);
            let scores = self.block_scores(&band, a, b, block_start, block_end);
            for (offset, row_scores) in scores.into_iter().enumerate() {
                let i = block_start + offset;
                let (row, row_moves) = self.fill_row(&band, &best, a, b, i, &row_scores);
                best.push(row);
                moves.push(row_moves);
                // Only the last two rows of gains are needed; keep memory linear.
                if i >= 3 {
                    best[i - 3] = Vec::new();
                }
            }
            block_start = block_end;
        }
        (self.walk_back(&band, &moves, a, b), cells)
    }

    /// The link scores of the cells of rows `start..end`, computed in parallel; the result
    /// does not depend on the number of threads.
    fn block_scores(
        &self,
        band: &Band,
        a: &[Features],
        b: &[Features],
        start: usize,
        end: usize,
    ) -> Vec<Vec<CellScores>> {
        let weights = &self.weights;
        (start..end)
            .into_par_iter()
            .map(|i| {
                let (lo, hi) = band.range(i);
                (lo..=hi)
                    .map(|j| {
                        let one = if j >= 1 {
                            weights.score(&[&a[i - 1]], &[&b[j - 1]])
                        } else {
                            f32::NAN
                        };
                        let two_ru = if j >= 2 {
                            weights.link_score(&[&a[i - 1]], &[&b[j - 2], &b[j - 1]])
                        } else {
                            f32::NAN
                        };
                        let two_kk = if j >= 1 && i >= 2 {
                            weights.link_score(&[&a[i - 2], &a[i - 1]], &[&b[j - 1]])
                        } else {
                            f32::NAN
                        };
                        [one, two_ru, two_kk]
                    })
                    .collect()
            })
            .collect()
    }

    /// Row `i` of the gains and of the best moves, from the rows above it and the scores of
    /// its cells.
    fn fill_row(
        &self,
        band: &Band,
        best: &[Vec<f32>],
        a: &[Features],
        b: &[Features],
        i: usize,
        row_scores: &[CellScores],
    ) -> (Vec<f32>, Vec<Move>) {
        let tau = self.link_threshold;
        // Leaving a clause unmatched costs a little: of two places a list item can go, a weak
        // link beats two clauses without counterpart.
        let skip = self.skip_penalty;
        let (lo, hi) = band.range(i);
        let mut row = vec![f32::NEG_INFINITY; hi + 1 - lo];
        let mut row_moves = vec![Move::KkAlone; hi + 1 - lo];
        for j in lo..=hi {
            let cell = j - lo;
            let [one, two_ru, two_kk] = row_scores[cell];
            // Candidates in order of preference on a tie: leaving clauses unmatched comes
            // first, so that of two identical list items the first is linked.
            let mut candidates = [(f32::NEG_INFINITY, Move::KkAlone); 5];
            candidates[0] = (band.get(best, i - 1, j) - skip, Move::KkAlone);
            if j >= 1 {
                candidates[1] = (row_get(&row, lo, j - 1) - skip, Move::RuAlone);
                candidates[2] = (band.get(best, i - 1, j - 1) + one - tau, Move::OneToOne);
            }
            if j >= 2 {
                let cost = self.merge_cost(&b[j - 2], &b[j - 1]);
                candidates[3] = (
                    band.get(best, i - 1, j - 2) + two_ru - tau - cost,
                    Move::OneToTwo,
                );
            }
            if i >= 2 && j >= 1 {
                let cost = self.merge_cost(&a[i - 2], &a[i - 1]);
                candidates[4] = (
                    band.get(best, i - 2, j - 1) + two_kk - tau - cost,
                    Move::TwoToOne,
                );
            }
            let (value, chosen) = candidates
                .iter()
                .copied()
                .filter(|(v, _)| v.is_finite())
                .fold((f32::NEG_INFINITY, Move::KkAlone), |acc, c| {
                    if c.0 > acc.0 + 1e-6 { c } else { acc }
                });
            row[cell] = value;
            row_moves[cell] = chosen;
        }
        (row, row_moves)
    }

    /// The cost of linking `first` and `second` together with one clause of the other side:
    /// none where one sentence was broken in two. A clause with a section or clause number of
    /// its own (`3.3.` after `3.2.`) is rarely folded into its neighbour by a translation:
    /// merging it costs as much as leaving it alone besides, so it merges only on clearly
    /// better evidence.
    fn merge_cost(&self, first: &Features, second: &Features) -> f32 {
        if first.continues_into(second) {
            0.0
        } else if second
            .number
            .as_ref()
            .is_some_and(|(style, _)| style.is_hierarchical())
        {
            self.merge_penalty + self.skip_penalty
        } else {
            self.merge_penalty
        }
    }

    /// The best path, read back from the best moves of the last cell, with the score of each
    /// link.
    fn walk_back(
        &self,
        band: &Band,
        moves: &[Vec<Move>],
        a: &[Features],
        b: &[Features],
    ) -> Vec<Step> {
        let mut steps = Vec::new();
        let (mut i, mut j) = (a.len(), b.len());
        while i > 0 || j > 0 {
            let (lo, _) = band.range(i);
            let step = if i == 0 {
                Move::RuAlone
            } else {
                moves[i][j - lo]
            };
            let (di, dj) = step.lengths();
            let (si, sj) = (i - di, j - dj);
            let score = match (di, dj) {
                (0, _) | (_, 0) => 0.0,
                _ => {
                    let left: Vec<&Features> = a[si..i].iter().collect();
                    let right: Vec<&Features> = b[sj..j].iter().collect();
                    self.weights.link_score(&left, &right)
                }
            };
            steps.push(Step {
                i: si,
                j: sj,
                di,
                dj,
                score,
            });
            i = si;
            j = sj;
        }
        steps.reverse();
        steps
    }
}

/// The gain of cell `j` of a row that starts at column `lo` (minus infinity outside it).
fn row_get(row: &[f32], lo: usize, j: usize) -> f32 {
    if j < lo {
        f32::NEG_INFINITY
    } else {
        row.get(j - lo).copied().unwrap_or(f32::NEG_INFINITY)
    }
}

/// The cells of each row that the dynamic programming visits.
///
/// The alignment passes through the pins. Between two pins the search covers the whole
/// rectangle when it is small, and a band around its diagonal (as wide as the difference of
/// its sides up to [`DRIFT_CAP`], plus `band`) when it is large. A document without numbers is one rectangle from
/// start to end. Time and memory grow with the number of cells visited, about linearly with
/// the length for numbered documents.
struct Band {
    /// `(first, last)` column of each row, rows `0..=n`.
    rows: Vec<(usize, usize)>,
}

/// What the difference of a large rectangle's sides may add to the half-width of its band:
/// the bound that keeps a long stretch without pins linear. A row of a large rectangle spans
/// at most `2 · (band + DRIFT_CAP + slope + 1 + SLACK) + 1` cells, where `slope` is its
/// columns over its rows (the path must cross them); with the default band of 48, about 620
/// cells. The path may then stray at most `band + DRIFT_CAP` clauses from the rectangle's
/// diagonal: a block of more than 256 clauses inserted in one version, far from any pin,
/// aligns less well, but no input costs more than O(n · band).
const DRIFT_CAP: usize = 256;
/// Columns added on each side of a row's range, so that a pin slightly off its true place
/// does not wall the path in.
const SLACK: usize = 4;

impl Band {
    /// The band of an `n × m` search through `pins`, `band` wide around the diagonal between
    /// two distant pins.
    fn new(n: usize, m: usize, band: usize, pins: &[(usize, usize)]) -> Band {
        let mut rows = vec![(usize::MAX, 0usize); n + 1];
        let mut points: Vec<(usize, usize)> = Vec::with_capacity(pins.len() + 2);
        points.push((0, 0));
        // A pin (i, j) pairs a[i] with b[j]: the path goes through cells (i, j) and
        // (i + 1, j + 1).
        points.extend(pins.iter().flat_map(|&(i, j)| [(i, j), (i + 1, j + 1)]));
        points.push((n, m));
        for pair in points.windows(2) {
            let ((i0, j0), (i1, j1)) = (pair[0], pair[1]);
            let (rows_in, cols_in) = (i1 - i0, j1 - j0);
            let whole = (rows_in + 1).saturating_mul(cols_in + 1) <= SEGMENT_CELLS;
            let half =
                band + rows_in.abs_diff(cols_in).min(DRIFT_CAP) + cols_in / rows_in.max(1) + 1;
            for (i, row) in rows.iter_mut().enumerate().take(i1 + 1).skip(i0) {
                let (lo, hi) = if whole || rows_in == 0 {
                    (j0, j1)
                } else {
                    let center =
                        j0 + ((i - i0) as u128 * cols_in as u128 / rows_in as u128) as usize;
                    (center.saturating_sub(half).max(j0), (center + half).min(j1))
                };
                row.0 = row.0.min(lo.saturating_sub(SLACK));
                row.1 = row.1.max((hi + SLACK).min(m));
            }
        }
        rows[0].0 = 0;
        rows[n].1 = m;
        Band { rows }
    }

    /// The first and last column visited in row `i`.
    fn range(&self, i: usize) -> (usize, usize) {
        self.rows[i]
    }

    /// How many cells of row `i` are visited.
    fn width(&self, i: usize) -> usize {
        let (lo, hi) = self.range(i);
        hi + 1 - lo
    }

    /// The gain of cell `(i, j)` in `rows` (minus infinity outside the band).
    fn get(&self, rows: &[Vec<f32>], i: usize, j: usize) -> f32 {
        let (lo, hi) = self.range(i);
        if j < lo || j > hi {
            return f32::NEG_INFINITY;
        }
        rows[i].get(j - lo).copied().unwrap_or(f32::NEG_INFINITY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_follows_the_pins_and_covers_both_corners() {
        // 100,000 rows with a pin every 10: narrow everywhere.
        let pins: Vec<(usize, usize)> = (0..10_000).map(|k| (k * 10, k * 10)).collect();
        let band = Band::new(100_000, 100_000, 48, &pins);
        assert_eq!(band.range(0).0, 0);
        assert_eq!(band.range(100_000).1, 100_000);
        let widest = (0..=100_000).map(|i| band.width(i)).max().unwrap();
        assert!(widest <= 2 * (10 + SLACK) + 2, "{widest}");
        // A shift of 300 between two pins stays inside the searched rectangle.
        let band = Band::new(1000, 1300, 48, &[(100, 100), (700, 1000)]);
        assert!(band.range(400).0 <= 400 && band.range(400).1 >= 700);
        // No pins and a long document: a band around the diagonal.
        let band = Band::new(10_000, 10_000, 48, &[]);
        assert!(band.width(5000) < 200);
        // No pins and sides of very different lengths: the difference widens the band up to
        // DRIFT_CAP only, so the work stays O(n · band).
        let band = Band::new(100_000, 90_000, 48, &[]);
        let widest = (0..=100_000).map(|i| band.width(i)).max().unwrap();
        assert!(
            widest <= 2 * (48 + DRIFT_CAP + 1 + 1 + SLACK) + 1,
            "{widest}"
        );
    }

    #[test]
    fn each_move_takes_the_clauses_its_name_says() {
        assert_eq!(Move::KkAlone.lengths(), (1, 0));
        assert_eq!(Move::RuAlone.lengths(), (0, 1));
        assert_eq!(Move::OneToOne.lengths(), (1, 1));
        assert_eq!(Move::OneToTwo.lengths(), (1, 2));
        assert_eq!(Move::TwoToOne.lengths(), (2, 1));
    }

    #[test]
    fn merging_a_numbered_clause_costs_a_skip_besides_the_merge() {
        let doc = crate::document::BilingualDocument::from_text(
            "ru.txt",
            "3.2. Администрация обрабатывает:\n\n- данные пользователей,\n\n\
             - которые они передают.\n\n3.3. Пользователь дает согласие.\n",
        )
        .unwrap();
        let version = &doc.versions()[0];
        let (features, _) = Features::of_version(version);
        let search = Search {
            band: 48,
            link_threshold: 0.2,
            merge_penalty: 0.06,
            skip_penalty: 0.1,
            weights: Weights::new(),
        };
        // A bullet costs the merge penalty; a sentence broken in two merges for free; a
        // clause with its own number costs the merge and a skip.
        let numbers: Vec<Option<&str>> = version
            .clauses()
            .iter()
            .map(|c| c.number().map(|n| n.as_str()))
            .collect();
        assert_eq!(numbers, [Some("3.2."), None, None, Some("3.3.")]);
        assert_eq!(search.merge_cost(&features[0], &features[1]), 0.06);
        assert_eq!(search.merge_cost(&features[1], &features[2]), 0.0);
        assert_eq!(search.merge_cost(&features[2], &features[3]), 0.16);
    }
}
