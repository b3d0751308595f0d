//! Alignment: pairing every Kazakh clause with its Russian counterpart, or with none.
//!
//! Each pair of clauses gets a score in [0, 1] from what a careful bilingual reader looks
//! at: the clause number and its place in the tree first; then what survives translation
//! (digits, dates, law numbers, e-mails, URLs, phones, Latin-script names); the glossary
//! terms of both languages; and the ratio of the two lengths, which for a faithful
//! translation stays close to the ratio measured on the corpus (in the manner of
//! Gale and Church, 1993). Dynamic programming then finds the best monotonic alignment with
//! 1–1, 1–0, 0–1, 1–2 and 2–1 links. For long documents it runs in a band around the
//! diagonal, so that time and memory grow linearly with the length.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::anchors;
use crate::clause::{ClauseId, ClauseKind, sibling_positions};
use crate::diverge::{self, Divergence};
use crate::document::{BilingualDocument, Version};
use crate::glossary;
use crate::language::{ByLang, Lang};
use crate::number::NumberStyle;

/// Expected length of a Russian clause per character of its Kazakh counterpart, and the
/// variance per character, measured on the 125 numbered clauses of the three bilingual
/// corpus documents that align with equal numbers (the test
/// `length_model_matches_the_corpus` measures them again). Two documents are close
/// translations (ratio 1.01 and 0.99, variance 1.4 and 2.0), one is condensed (1.29, 24):
/// the pooled figures keep the score tolerant of either.
pub(crate) const LENGTH_RATIO: f64 = 1.07;
pub(crate) const LENGTH_VARIANCE: f64 = 12.7;

/// A length model: expected ratio and variance per character.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct LengthModel {
    pub(crate) ratio: f64,
    pub(crate) variance: f64,
}

impl LengthModel {
    pub(crate) const CORPUS: LengthModel = LengthModel {
        ratio: LENGTH_RATIO,
        variance: LENGTH_VARIANCE,
    };

    /// The model for judging a document too short to measure its own: the corpus ratio with
    /// a variance between that of the close translations (1.4–2.0) and of the condensed one
    /// (24), so that a clause cut to a third still stands out.
    pub(crate) const FALLBACK: LengthModel = LengthModel {
        ratio: LENGTH_RATIO,
        variance: 4.0,
    };

    /// Estimates the model of one document from pairs `(kazakh chars, russian chars)` that are
    /// known to translate each other; the pairs furthest off are left out of the variance
    /// (a truncated clause must not hide itself by widening the model). Falls back to
    /// [`LengthModel::FALLBACK`] with fewer than eight pairs.
    pub(crate) fn estimate(pairs: &[(usize, usize)]) -> LengthModel {
        if pairs.len() < 8 {
            return LengthModel::FALLBACK;
        }
        let sum_kk: f64 = pairs.iter().map(|p| p.0 as f64).sum();
        let sum_ru: f64 = pairs.iter().map(|p| p.1 as f64).sum();
        if sum_kk == 0.0 {
            return LengthModel::FALLBACK;
        }
        let ratio = sum_ru / sum_kk;
        let mut residuals: Vec<(f64, f64)> = pairs
            .iter()
            .map(|&(k, r)| ((r as f64 - ratio * k as f64).powi(2), k as f64))
            .collect();
        residuals.sort_by(|a, b| (a.0 / a.1.max(1.0)).total_cmp(&(b.0 / b.1.max(1.0))));
        let kept = &residuals[..residuals.len() - residuals.len() / 10];
        let variance =
            kept.iter().map(|r| r.0).sum::<f64>() / kept.iter().map(|r| r.1).sum::<f64>().max(1.0);
        LengthModel {
            ratio,
            // Never stricter than a close translation of the corpus.
            variance: variance.max(1.5),
        }
    }

    /// The Gale–Church deviation: how many standard deviations `ru` is from the length this
    /// model predicts for `kk`.
    pub(crate) fn delta(self, kk: usize, ru: usize) -> f64 {
        let (l1, l2) = (kk as f64, ru as f64);
        let mean = (l1 + l2 / self.ratio) / 2.0;
        if mean == 0.0 {
            return 0.0;
        }
        (l2 - l1 * self.ratio) / (mean * self.variance).sqrt()
    }
}

/// How clauses were paired: one link per group of clauses that translate each other.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Link {
    #[cfg_attr(feature = "serde", serde(flatten))]
    clauses: ByLang<Vec<ClauseId>>,
    score: f32,
}

impl Link {
    /// The Kazakh clauses of the link (none when a Russian clause has no counterpart).
    pub fn kk(&self) -> &[ClauseId] {
        &self.clauses.kk
    }

    /// The Russian clauses of the link.
    pub fn ru(&self) -> &[ClauseId] {
        &self.clauses.ru
    }

    /// The clauses on the side of `lang`.
    pub fn side(&self, lang: Lang) -> &[ClauseId] {
        self.clauses.get(lang)
    }

    /// How sure the pairing is, from 0 to 1 (0 for a clause without counterpart).
    pub fn score(&self) -> f32 {
        self.score
    }

    /// Whether one side is empty.
    pub fn is_unmatched(&self) -> bool {
        self.clauses.kk.is_empty() || self.clauses.ru.is_empty()
    }
}

/// The alignment of a document's two versions and the divergences found between them.
#[derive(Debug)]
pub struct Alignment<'d> {
    doc: &'d BilingualDocument,
    links: Vec<Link>,
    divergences: Vec<Divergence>,
    cells: usize,
}

/// How two versions pair up, by clause index in each (see [`Aligner::align_versions`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Pairing {
    /// Indexes into the first version's clauses (none when the second's clause has no
    /// counterpart).
    pub a: Vec<usize>,
    /// Indexes into the second version's clauses.
    pub b: Vec<usize>,
    /// How sure the pairing is, from 0 to 1.
    pub score: f32,
}

impl<'d> Alignment<'d> {
    /// The document that was aligned.
    pub fn document(&self) -> &'d BilingualDocument {
        self.doc
    }

    /// The links in document order. Every clause of both versions is in exactly one.
    pub fn links(&self) -> &[Link] {
        &self.links
    }

    /// Every disagreement found, in the order of the Kazakh (else Russian) lines.
    pub fn divergences(&self) -> &[Divergence] {
        &self.divergences
    }

    /// The links and divergences, without the borrow of the document (to keep them beside
    /// the document they belong to).
    pub fn into_parts(self) -> (Vec<Link>, Vec<Divergence>) {
        (self.links, self.divergences)
    }

    /// Reassembles an alignment from [`Alignment::into_parts`] and its document.
    pub fn from_parts(
        doc: &'d BilingualDocument,
        links: Vec<Link>,
        divergences: Vec<Divergence>,
    ) -> Alignment<'d> {
        // The work done is not part of the parts.
        Alignment {
            doc,
            links,
            divergences,
            cells: 0,
        }
    }

    /// How many cells of the alignment matrix the dynamic programming visited: the work it
    /// did. It grows about linearly with the length of numbered documents.
    pub fn cells(&self) -> usize {
        self.cells
    }

    /// The link that holds `id`.
    pub fn link_of(&self, id: ClauseId) -> Option<&Link> {
        self.links.iter().find(|l| l.side(id.lang).contains(&id))
    }

    /// The clauses paired with `id` in the other language.
    pub fn counterparts(&self, id: ClauseId) -> &[ClauseId] {
        self.link_of(id).map_or(&[], |l| l.side(id.lang.other()))
    }
}

/// Aligns the versions of documents. Configure once, align many.
///
/// ```
/// use kzru_align::{Aligner, BilingualDocument, Lang};
/// let doc = BilingualDocument::from_path("corpus/kao-autocheck.txt")?;
/// let alignment = Aligner::new().align(&doc);
/// let kk = doc.version(Lang::Kk).unwrap().find("9.6").unwrap();
/// let ru = alignment.counterparts(kk.id());
/// assert_eq!(doc.clause(ru[0]).unwrap().number().unwrap().as_str(), "7.6.");
/// # Ok::<(), kzru_align::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Aligner {
    band: usize,
    link_threshold: f32,
    merge_penalty: f32,
    skip_penalty: f32,
}

impl Default for Aligner {
    fn default() -> Aligner {
        Aligner::new()
    }
}

/// Rows of scores computed at once (in parallel) before the dynamic programming uses them.
const ROW_BLOCK: usize = 512;

impl Aligner {
    /// The default aligner.
    pub const fn new() -> Aligner {
        Aligner {
            band: 48,
            link_threshold: 0.4,
            merge_penalty: 0.06,
            skip_penalty: 0.1,
        }
    }

    /// Half-width of the band around the diagonal for long documents, on top of the
    /// difference in clause counts (default 48).
    pub const fn band(mut self, band: usize) -> Aligner {
        self.band = band;
        self
    }

    /// Pairs scoring below this are left unmatched rather than linked (default 0.4).
    pub const fn link_threshold(mut self, threshold: f32) -> Aligner {
        self.link_threshold = threshold;
        self
    }

    /// Aligns the two versions of `doc` and finds their divergences. A document with one
    /// version gets one unmatched link per clause.
    pub fn align<'d>(&self, doc: &'d BilingualDocument) -> Alignment<'d> {
        // The anchors of every clause, extracted once for the alignment and kept for the
        // divergences.
        let mut anchors: Option<ByLang<Vec<Vec<anchors::Anchor>>>> = None;
        let mut cells = 0;
        let links = match (doc.version(Lang::Kk), doc.version(Lang::Ru)) {
            (Some(kk), Some(ru)) => {
                let (links, extracted, visited) = self.link(kk, ru);
                anchors = Some(extracted);
                cells = visited;
                links
            }
            (Some(only), None) | (None, Some(only)) => only
                .clauses()
                .iter()
                .map(|c| {
                    let mut clauses: ByLang<Vec<ClauseId>> = ByLang::default();
                    clauses.get_mut(only.lang()).push(c.id());
                    Link {
                        clauses,
                        score: 0.0,
                    }
                })
                .collect(),
            (None, None) => Vec::new(),
        };
        let divergences = diverge::find(doc, &links, anchors.as_ref());
        Alignment {
            doc,
            links,
            divergences,
            cells,
        }
    }

    /// Aligns any two versions, in the same language or not: two editions of one Russian
    /// policy, or a version with itself. No divergences are looked for.
    ///
    /// ```
    /// use kzru_align::{Aligner, BilingualDocument, Lang};
    /// let doc = BilingualDocument::from_path("corpus/idcollect.txt")?;
    /// let kk = doc.version(Lang::Kk).unwrap();
    /// let pairs = Aligner::new().align_versions(kk, kk);
    /// assert!(pairs.iter().all(|p| p.a.len() == 1 && p.a == p.b));
    /// # Ok::<(), kzru_align::Error>(())
    /// ```
    pub fn align_versions(&self, a: &Version, b: &Version) -> Vec<Pairing> {
        let ((fa, _), (fb, _)) =
            rayon::join(|| Features::of_version(a), || Features::of_version(b));
        let (steps, _) = self.dynamic_programming(&fa, &fb);
        steps
            .into_iter()
            .map(|step| Pairing {
                a: (step.i..step.i + step.di).collect(),
                b: (step.j..step.j + step.dj).collect(),
                score: (step.score * 1000.0).round() / 1000.0,
            })
            .collect()
    }

    fn link(
        &self,
        kk: &Version,
        ru: &Version,
    ) -> (Vec<Link>, ByLang<Vec<Vec<anchors::Anchor>>>, usize) {
        let ((a, anchors_kk), (b, anchors_ru)) =
            rayon::join(|| Features::of_version(kk), || Features::of_version(ru));
        let (steps, cells) = self.dynamic_programming(&a, &b);
        let links = steps
            .into_iter()
            .map(|step| Link {
                clauses: ByLang {
                    kk: (step.i..step.i + step.di)
                        .map(|i| kk.clauses()[i].id())
                        .collect(),
                    ru: (step.j..step.j + step.dj)
                        .map(|j| ru.clauses()[j].id())
                        .collect(),
                },
                // Three decimals: the score is evidence for a reader, not a measurement.
                score: (step.score * 1000.0).round() / 1000.0,
            })
            .collect();
        (
            links,
            ByLang {
                kk: anchors_kk,
                ru: anchors_ru,
            },
            cells,
        )
    }

    /// The best path and the number of cells visited.
    fn dynamic_programming(&self, a: &[Features], b: &[Features]) -> (Vec<Step>, usize) {
        let (n, m) = (a.len(), b.len());
        let band = Band::new(n, m, self.band, &anchors(a, b));
        let cells: usize = (0..=n).map(|i| band.width(i)).sum();
        // best[i] holds row i of the band: best total gain of aligning a[..i] with b[..j].
        let mut best: Vec<Vec<f32>> = Vec::with_capacity(n + 1);
        let mut moves: Vec<Vec<u8>> = Vec::with_capacity(n + 1);
        let tau = self.link_threshold;
        // Row 0: Russian clauses left unmatched before the first Kazakh one.
        let row0: Vec<f32> = (0..band.width(0))
            .map(|j| -self.skip_penalty * j as f32)
            .collect();
        let mut move0 = vec![MOVE_SKIP_RU; band.width(0)];
        if let Some(first) = move0.first_mut() {
            *first = MOVE_START;
        }
        best.push(row0);
        moves.push(move0);
        let mut block_start = 1;
        while block_start <= n {
            let block_end = (block_start + ROW_BLOCK).min(n + 1);
            // Scores of the cells of these rows, computed in parallel; the result does not
            // depend on the number of threads.
            let scores: Vec<Vec<[f32; 3]>> = (block_start..block_end)
                .into_par_iter()
                .map(|i| {
                    let (lo, hi) = band.range(i);
                    (lo..=hi)
                        .map(|j| {
                            let one = if j >= 1 {
                                score(&[&a[i - 1]], &[&b[j - 1]])
                            } else {
                                f32::NAN
                            };
                            let two_ru = if j >= 2 {
                                link_score(&[&a[i - 1]], &[&b[j - 2], &b[j - 1]])
                            } else {
                                f32::NAN
                            };
                            let two_kk = if j >= 1 && i >= 2 {
                                link_score(&[&a[i - 2], &a[i - 1]], &[&b[j - 1]])
                            } else {
                                f32::NAN
                            };
                            [one, two_ru, two_kk]
                        })
                        .collect()
                })
                .collect();
            for (offset, row_scores) in scores.into_iter().enumerate() {
                let i = block_start + offset;
                let (lo, hi) = band.range(i);
                let mut row = vec![f32::NEG_INFINITY; hi + 1 - lo];
                let mut row_moves = vec![0u8; hi + 1 - lo];
                for j in lo..=hi {
                    let cell = j - lo;
                    let [one, two_ru, two_kk] = row_scores[cell];
                    // Candidates in order of preference on a tie: leaving clauses unmatched
                    // comes first, so that of two identical list items the first is linked.
                    let mut candidates: [(f32, u8); 5] = [(f32::NEG_INFINITY, 0); 5];
                    // Leaving a clause unmatched costs a little: of two places a list item
                    // can go, a weak link beats two clauses without counterpart.
                    let skip = self.skip_penalty;
                    candidates[0] = (band.get(&best, i - 1, j) - skip, MOVE_SKIP_KK);
                    if j >= 1 {
                        candidates[1] = (row_get(&row, lo, j - 1) - skip, MOVE_SKIP_RU);
                        candidates[2] = (band.get(&best, i - 1, j - 1) + one - tau, MOVE_ONE);
                    }
                    // Two clauses where one sentence was broken in two merge at no cost.
                    let merge = |x: &Features, y: &Features| {
                        if continues(x, y) {
                            0.0
                        } else {
                            self.merge_penalty
                        }
                    };
                    if j >= 2 {
                        let cost = merge(&b[j - 2], &b[j - 1]);
                        candidates[3] = (
                            band.get(&best, i - 1, j - 2) + two_ru - tau - cost,
                            MOVE_TWO_RU,
                        );
                    }
                    if i >= 2 && j >= 1 {
                        let cost = merge(&a[i - 2], &a[i - 1]);
                        candidates[4] = (
                            band.get(&best, i - 2, j - 1) + two_kk - tau - cost,
                            MOVE_TWO_KK,
                        );
                    }
                    let (value, chosen) = candidates
                        .iter()
                        .copied()
                        .filter(|(v, _)| v.is_finite())
                        .fold((f32::NEG_INFINITY, MOVE_SKIP_KK), |acc, c| {
                            if c.0 > acc.0 + 1e-6 { c } else { acc }
                        });
                    row[cell] = value;
                    row_moves[cell] = chosen;
                }
                best.push(row);
                moves.push(row_moves);
                // Only the last two rows of gains are needed; keep memory linear.
                if i >= 3 {
                    best[i - 3] = Vec::new();
                }
            }
            block_start = block_end;
        }
        // Walk back from the end.
        let mut steps = Vec::new();
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let (lo, _) = band.range(i);
            let mv = if i == 0 {
                MOVE_SKIP_RU
            } else {
                moves[i][j - lo]
            };
            let (di, dj) = match mv {
                MOVE_SKIP_KK => (1, 0),
                MOVE_SKIP_RU => (0, 1),
                MOVE_ONE => (1, 1),
                MOVE_TWO_RU => (1, 2),
                MOVE_TWO_KK => (2, 1),
                _ => (usize::from(i > 0), usize::from(i == 0)),
            };
            let (si, sj) = (i - di, j - dj);
            let score = match (di, dj) {
                (0, _) | (_, 0) => 0.0,
                _ => {
                    let left: Vec<&Features> = a[si..i].iter().collect();
                    let right: Vec<&Features> = b[sj..j].iter().collect();
                    link_score(&left, &right)
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
        (steps, cells)
    }
}

const MOVE_START: u8 = 0;
const MOVE_SKIP_KK: u8 = 1;
const MOVE_SKIP_RU: u8 = 2;
const MOVE_ONE: u8 = 3;
const MOVE_TWO_RU: u8 = 4;
const MOVE_TWO_KK: u8 = 5;

struct Step {
    i: usize,
    j: usize,
    di: usize,
    dj: usize,
    score: f32,
}

fn row_get(row: &[f32], lo: usize, j: usize) -> f32 {
    if j < lo {
        f32::NEG_INFINITY
    } else {
        row.get(j - lo).copied().unwrap_or(f32::NEG_INFINITY)
    }
}

/// The cells of each row that the dynamic programming visits.
///
/// Clauses carrying the same number, used once in each version and scoring well together,
/// are anchors: the alignment passes through them. Between two anchors the search covers the
/// whole rectangle when it is small, and a band around its diagonal (as wide as the
/// difference of its sides, plus `band`) when it is large. A document without numbers is one
/// rectangle from start to end. Time and memory grow with the number of cells visited, about
/// linearly with the length for numbered documents.
struct Band {
    /// `(first, last)` column of each row, rows `0..=n`.
    rows: Vec<(usize, usize)>,
}

/// Rectangles between anchors up to this many cells are searched whole.
const SEGMENT_CELLS: usize = 1 << 16;
/// Columns added on each side of a row's range, so that an anchor slightly off its true
/// place does not wall the path in.
const SLACK: usize = 4;

impl Band {
    fn new(n: usize, m: usize, band: usize, anchors: &[(usize, usize)]) -> Band {
        let mut rows = vec![(usize::MAX, 0usize); n + 1];
        let mut points: Vec<(usize, usize)> = Vec::with_capacity(anchors.len() + 2);
        points.push((0, 0));
        // An anchor (i, j) pairs a[i] with b[j]: the path goes through cells (i, j) and
        // (i + 1, j + 1).
        points.extend(anchors.iter().flat_map(|&(i, j)| [(i, j), (i + 1, j + 1)]));
        points.push((n, m));
        for pair in points.windows(2) {
            let ((i0, j0), (i1, j1)) = (pair[0], pair[1]);
            let (rows_in, cols_in) = (i1 - i0, j1 - j0);
            let whole = (rows_in + 1).saturating_mul(cols_in + 1) <= SEGMENT_CELLS;
            let half = band + rows_in.abs_diff(cols_in) + cols_in / rows_in.max(1) + 1;
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

    fn range(&self, i: usize) -> (usize, usize) {
        self.rows[i]
    }

    fn width(&self, i: usize) -> usize {
        let (lo, hi) = self.range(i);
        hi + 1 - lo
    }

    fn get(&self, rows: &[Vec<f32>], i: usize, j: usize) -> f32 {
        let (lo, hi) = self.range(i);
        if j < lo || j > hi {
            return f32::NEG_INFINITY;
        }
        rows[i].get(j - lo).copied().unwrap_or(f32::NEG_INFINITY)
    }
}

/// Anchors of two versions: clauses with the same hierarchical number, used once in each
/// version, that score well together, kept in increasing order on both sides (the longest
/// such run).
fn anchors(a: &[Features], b: &[Features]) -> Vec<(usize, usize)> {
    fn unique(features: &[Features]) -> HashMap<&[u32], Option<usize>> {
        let mut seen: HashMap<&[u32], Option<usize>> = HashMap::new();
        for (i, f) in features.iter().enumerate() {
            if let Some((NumberStyle::Decimal | NumberStyle::Roman, n)) = &f.number {
                seen.entry(n.as_slice())
                    .and_modify(|e| *e = None)
                    .or_insert(Some(i));
            }
        }
        seen
    }
    let (in_a, in_b) = (unique(a), unique(b));
    let mut pairs: Vec<(usize, usize)> = in_a
        .iter()
        .filter_map(|(number, i)| Some(((*i)?, in_b.get(number).copied().flatten()?)))
        .filter(|&(i, j)| a[i].number.as_ref().map(|n| n.0) == b[j].number.as_ref().map(|n| n.0))
        .filter(|&(i, j)| score(&[&a[i]], &[&b[j]]) >= ANCHOR_SCORE)
        .collect();
    pairs.sort_unstable();
    longest_increasing_run(&pairs)
}

/// Of pairs sorted by their first element, the longest run whose second elements increase
/// too (patience sorting, O(n log n)): the pairs that keep their relative order on both sides.
/// Shared by the anchors here and by the policy diff's `moved` clauses.
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

/// Anchors must score at least this: equal numbers on clauses that say different things
/// (a renumbered version) are not anchors.
const ANCHOR_SCORE: f32 = 0.6;

/// What the score of a clause pair looks at, computed once per clause.
#[derive(Debug)]
pub(crate) struct Features {
    number: Option<(NumberStyle, Vec<u32>)>,
    /// Components of the nearest numbered section or clause above (its own for a numbered
    /// section or clause): where in the document the clause stands.
    context: Option<Vec<u32>>,
    /// 1-based position among the siblings of the same kind, from the start and from the end.
    position: usize,
    position_from_end: usize,
    kind: ClauseKind,
    chars: usize,
    /// Hashes of the anchors' kinds and keys, sorted, without repeats.
    anchors: Vec<u64>,
    terms: Vec<u16>,
    /// The cognate prefixes, packed into integers, sorted, without repeats.
    cognates: Vec<u64>,
    /// The text ends without closing punctuation (`…данные о людях,`).
    ends_open: bool,
    /// The text starts with a lower-case letter.
    starts_lower: bool,
}

/// Whether `second` continues `first`: one sentence broken in two (by a page break, or a
/// bullet typed in the middle of an item).
fn continues(first: &Features, second: &Features) -> bool {
    first.ends_open && second.starts_lower
}

/// Words sharing their first four letters are taken for cognates (Simard, Foster and
/// Isabelle 1992): Kazakh and Russian share many loanwords (`статистикалық`,
/// `статистических`; `сервис`; `маркетинг`).
const COGNATE_PREFIX: usize = 4;
/// Shorter words are mostly grammatical and collide by chance.
const COGNATE_MIN_LETTERS: usize = 5;

fn cognates(words: &[&str]) -> Vec<u64> {
    let mut out: Vec<u64> = words
        .iter()
        // Words of letters only (the word segmenter already left out punctuation).
        .filter(|w| {
            w.chars().count() >= COGNATE_MIN_LETTERS && !w.bytes().any(|b| b.is_ascii_digit())
        })
        .map(|w| {
            // Four letters of at most 16 bits each (Cyrillic and Latin are in the first
            // plane), packed into one integer. The words are lower case already.
            w.chars().take(COGNATE_PREFIX).fold(0u64, |packed, c| {
                (packed << 16) | u64::from(u32::from(c) & 0xFFFF)
            })
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn anchor_hashes(found: &[anchors::Anchor]) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let mut out: Vec<u64> = found
        .iter()
        .map(|a| {
            let mut hasher = std::hash::DefaultHasher::new();
            (a.kind, &a.key).hash(&mut hasher);
            hasher.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

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

/// `(shared, |A|, |B|)` for the unions A and B of one or two sorted sets each, without
/// allocating: the hot loop of the aligner runs this millions of times.
pub(crate) fn overlap<T: Ord + Copy>(a: [&[T]; 2], b: [&[T]; 2]) -> (usize, usize, usize) {
    let mut left = union2(a[0], a[1]).peekable();
    let mut right = union2(b[0], b[1]).peekable();
    let (mut shared, mut na, mut nb) = (0, 0, 0);
    loop {
        match (left.peek(), right.peek()) {
            (Some(p), Some(q)) => match p.cmp(q) {
                std::cmp::Ordering::Less => {
                    na += 1;
                    left.next();
                }
                std::cmp::Ordering::Greater => {
                    nb += 1;
                    right.next();
                }
                std::cmp::Ordering::Equal => {
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

/// One feature set of the one or two clauses on a side.
fn sets<'f, T>(side: &[&'f Features], pick: impl Fn(&'f Features) -> &'f [T]) -> [&'f [T]; 2] {
    [
        side.first().map_or(&[][..], |f| pick(f)),
        side.get(1).map_or(&[][..], |f| pick(f)),
    ]
}

fn dice(shared: usize, na: usize, nb: usize) -> f32 {
    if na + nb == 0 {
        0.0
    } else {
        2.0 * shared as f32 / (na + nb) as f32
    }
}

impl Features {
    /// The features of every clause of a version, in one pass over its tree, with the
    /// anchors of each clause.
    pub(crate) fn of_version(version: &Version) -> (Vec<Features>, Vec<Vec<anchors::Anchor>>) {
        let clauses = version.clauses();
        let positions = sibling_positions(clauses);
        // Context of each clause: its parent's number if the parent is a numbered section or
        // clause, else the parent's own context. Parents come before their children.
        let mut contexts: Vec<Option<Vec<u32>>> = Vec::with_capacity(clauses.len());
        for clause in clauses {
            let context = clause.parent().and_then(|p| {
                let parent = version.clause(p)?;
                match parent
                    .number()
                    .filter(|n| matches!(n.style(), NumberStyle::Decimal | NumberStyle::Roman))
                {
                    Some(n) => Some(n.components().to_vec()),
                    None => contexts.get(p.index).cloned().flatten(),
                }
            });
            contexts.push(context);
        }
        let extracted: Vec<Vec<anchors::Anchor>> =
            clauses.iter().map(|c| anchors::extract(c.text())).collect();
        let features = clauses
            .iter()
            .zip(contexts)
            .zip(positions)
            .zip(&extracted)
            .map(|(((clause, context), (position, count)), found)| {
                // Lower case and word boundaries once, for the glossary and the cognates.
                let lower = crate::normalize::fold_case(clause.text());
                let words: Vec<&str> =
                    unicode_segmentation::UnicodeSegmentation::unicode_words(lower.as_str())
                        .collect();
                Features {
                    number: clause
                        .number()
                        .map(|n| (n.style(), n.components().to_vec())),
                    context,
                    position,
                    position_from_end: count + 1 - position,
                    kind: clause.kind(),
                    chars: clause.text().chars().count(),
                    anchors: anchor_hashes(found),
                    terms: glossary::find_terms_in_words(&words, clause.lang()),
                    cognates: cognates(&words),
                    ends_open: clause
                        .text()
                        .ends_with(|c: char| c == ',' || c.is_alphanumeric()),
                    starts_lower: clause.text().starts_with(char::is_lowercase),
                }
            })
            .collect();
        (features, extracted)
    }
}

/// The score of a link. Where one side is a sentence broken in two, the link is at least as
/// good as linking its first part: the second part adds the same sentence, not a new one.
fn link_score(a: &[&Features], b: &[&Features]) -> f32 {
    let merged = score(a, b);
    match (a, b) {
        ([x, y], _) if continues(x, y) => merged.max(score(&a[..1], b)),
        (_, [x, y]) if continues(x, y) => merged.max(score(a, &b[..1])),
        _ => merged,
    }
}

/// The score of linking the Kazakh clauses `a` with the Russian clauses `b`, in [0, 1].
pub(crate) fn score(a: &[&Features], b: &[&Features]) -> f32 {
    let (Some(first_a), Some(first_b)) = (a.first(), b.first()) else {
        return 0.0;
    };
    let mut total = 0.0f32;
    let mut weight = 0.0f32;
    let mut add = |value: f32, w: f32| {
        total += value * w;
        weight += w;
    };
    match (&first_a.number, &first_b.number) {
        (Some((sa, na)), Some((sb, nb))) if sa == sb => {
            let value = if na == nb {
                1.0
            } else if na.len() == nb.len() && na.last() == nb.last() {
                // 9.6 and 7.6: the same place in a list, a slip in one prefix.
                0.55
            } else {
                0.0
            };
            add(value, 3.0);
        }
        (Some(_), Some(_)) => add(0.2, 1.5),
        (Some(_), None) | (None, Some(_)) => add(0.1, 1.5),
        (None, None) => {}
    }
    let context = match (&first_a.context, &first_b.context) {
        (Some(x), Some(y)) if x == y => 1.0,
        (None, None) => 0.6,
        _ => 0.0,
    };
    add(context, 1.5);
    add(
        if first_a.kind == first_b.kind {
            1.0
        } else {
            0.3
        },
        0.5,
    );
    if first_a.number.is_none() && first_b.number.is_none() && first_a.kind == first_b.kind {
        // Counted from either end: after an item inserted in one version, the items before it
        // agree from the start and those after it from the end.
        let offset = first_a.position.abs_diff(first_b.position).min(
            first_a
                .position_from_end
                .abs_diff(first_b.position_from_end),
        );
        let value = match offset {
            0 => 1.0,
            1 => 0.4,
            _ => 0.0,
        };
        add(value, 0.75);
    }
    // The sets of one or two clauses on each side.
    let (shared, na, nb) = overlap(sets(a, |f| &f.anchors), sets(b, |f| &f.anchors));
    if na + nb > 0 {
        let evidence = ((na + nb) as f32 / 4.0).min(1.0);
        add(dice(shared, na, nb), 2.5 * evidence);
    }
    let (shared, na, nb) = overlap(sets(a, |f| &f.terms), sets(b, |f| &f.terms));
    if na + nb > 0 {
        add(dice(shared, na, nb), 1.5);
    }
    let (shared, _, _) = overlap(sets(a, |f| &f.cognates), sets(b, |f| &f.cognates));
    if shared > 0 {
        // Evidence for a pair, never against it: most words of a translation are not
        // cognates, so two shared ones already count fully.
        add(1.0, 0.75 * shared.min(2) as f32);
    }
    let chars_a: usize = a.iter().map(|f| f.chars).sum();
    let chars_b: usize = b.iter().map(|f| f.chars).sum();
    add(length_probability(chars_a, chars_b) as f32, 1.5);
    if weight == 0.0 {
        0.0
    } else {
        (total / weight).clamp(0.0, 1.0)
    }
}

/// Gale–Church: how probable it is that a Kazakh text of `kk` characters translates to a
/// Russian one of `ru` characters (two-sided tail of the normal distribution).
pub(crate) fn length_probability(kk: usize, ru: usize) -> f64 {
    let delta = length_delta(kk, ru);
    2.0 * (1.0 - normal_cdf(delta.abs()))
}

pub(crate) fn length_delta(kk: usize, ru: usize) -> f64 {
    LengthModel::CORPUS.delta(kk, ru)
}

/// The standard normal distribution function (Abramowitz and Stegun 26.2.17, error < 7.5e-8).
fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.231_641_9 * x.abs());
    let poly = t
        * (0.319_381_530
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let tail = (-x * x / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt() * poly;
    if x >= 0.0 { 1.0 - tail } else { tail }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_cdf_matches_known_values() {
        for (x, p) in [
            (0.0, 0.5),
            (1.0, 0.841_344_7),
            (1.96, 0.975_002_1),
            (-1.0, 0.158_655_3),
        ] {
            assert!((normal_cdf(x) - p).abs() < 1e-6, "{x}");
        }
    }

    #[test]
    fn length_model_matches_the_corpus() {
        let mut pairs = Vec::new();
        for stem in ["mycar-myverify", "kao-autocheck", "aitu-sauda"] {
            let path = format!("{}/corpus/{stem}.txt", env!("CARGO_MANIFEST_DIR"));
            let doc = crate::BilingualDocument::from_path(path).unwrap();
            for link in Aligner::new().align(&doc).links() {
                if let ([a], [b]) = (link.kk(), link.ru()) {
                    let (a, b) = (doc.clause(*a).unwrap(), doc.clause(*b).unwrap());
                    if a.number().is_some()
                        && a.number().map(|n| n.components()) == b.number().map(|n| n.components())
                    {
                        pairs.push((
                            a.text().chars().count() as f64,
                            b.text().chars().count() as f64,
                        ));
                    }
                }
            }
        }
        assert_eq!(pairs.len(), 125);
        let ratio = pairs.iter().map(|p| p.1).sum::<f64>() / pairs.iter().map(|p| p.0).sum::<f64>();
        let variance = pairs
            .iter()
            .map(|p| (p.1 - ratio * p.0).powi(2))
            .sum::<f64>()
            / pairs.iter().map(|p| p.0).sum::<f64>();
        assert!(
            (ratio - LENGTH_RATIO).abs() < 0.01,
            "measured ratio {ratio:.3}"
        );
        assert!(
            (variance - LENGTH_VARIANCE).abs() < 0.5,
            "measured variance {variance:.2}"
        );
    }

    #[test]
    fn a_document_model_ignores_its_worst_outliers() {
        let mut pairs: Vec<(usize, usize)> = (1..=20).map(|i| (100 * i, 130 * i)).collect();
        pairs.push((1000, 100));
        let model = LengthModel::estimate(&pairs);
        assert!((model.ratio - 1.24).abs() < 0.05, "{model:?}");
        assert!(model.delta(1000, 100).abs() > 10.0);
        assert_eq!(LengthModel::estimate(&pairs[..3]), LengthModel::FALLBACK);
    }

    #[test]
    fn length_probability_prefers_the_expected_ratio() {
        assert!(length_probability(100, 107) > 0.9);
        assert!(length_probability(300, 100) < 0.01);
        assert!(length_probability(0, 0) > 0.99);
    }

    #[test]
    fn the_band_follows_the_anchors_and_covers_both_corners() {
        // 100,000 rows with an anchor every 10: narrow everywhere.
        let anchors: Vec<(usize, usize)> = (0..10_000).map(|k| (k * 10, k * 10)).collect();
        let band = Band::new(100_000, 100_000, 48, &anchors);
        assert_eq!(band.range(0).0, 0);
        assert_eq!(band.range(100_000).1, 100_000);
        let widest = (0..=100_000).map(|i| band.width(i)).max().unwrap();
        assert!(widest <= 2 * (10 + SLACK) + 2, "{widest}");
        // A shift of 300 between two anchors stays inside the searched rectangle.
        let band = Band::new(1000, 1300, 48, &[(100, 100), (700, 1000)]);
        assert!(band.range(400).0 <= 400 && band.range(400).1 >= 700);
        // No anchors and a long document: a band around the diagonal.
        let band = Band::new(10_000, 10_000, 48, &[]);
        assert!(band.width(5000) < 200);
    }
}
