//! Language runs: the blocks of an input grouped into maximal stretches of one language.
//!
//! A file with one document has one run (one version) or two (Kazakh then Russian, or the
//! reverse); copies of one document, all Kazakh copies and then all Russian ones, are still
//! two runs. More runs mean the languages alternate: `kk, ru, kk, ru` is two bilingual
//! documents one after the other.
//!
//! The runs are the labelling of the blocks that leaves the least weight in the wrong
//! language, each change of language costing [`SWITCH_COST`]; then any run too small beside
//! its neighbours to be a version of its own (a Russian paragraph quoted in a Kazakh text) is
//! merged into them.

use std::ops::Range;

use super::blocks::Block;
use crate::language::Lang;

/// What one change of language costs, in weight left on the wrong side: about a short
/// sentence, so that a lone misjudged line does not open a run.
const SWITCH_COST: f32 = 40.0;

/// How much more than the least weight on the wrong side a run's start may leave there to
/// stand at a visible start (see [`visible_start`]): about one short paragraph.
const START_TOLERANCE: f32 = SWITCH_COST;

/// A run smaller than this share of its smaller neighbour is not a version of its own, nor is
/// an end run smaller than this share of its one neighbour: the two versions of one text have
/// comparable sizes.
const MIN_SHARE: f32 = 0.25;

/// A run needs at least this weight (one short sentence) to be a version.
const MIN_RUN_WEIGHT: f32 = 15.0;

/// A stretch of blocks in one language.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Run {
    pub(crate) lang: Lang,
    /// The blocks it holds.
    pub(crate) blocks: Range<usize>,
    /// The weight of its blocks in its own language.
    pub(crate) own: f32,
}

/// The language runs of `blocks`, in order; adjacent runs differ in language.
pub(crate) fn language_runs(blocks: &[Block]) -> Vec<Run> {
    let labels = cheapest_labels(blocks);
    let mut runs: Vec<Run> = Vec::new();
    for (b, (&lang, block)) in labels.iter().zip(blocks).enumerate() {
        match runs.last_mut() {
            Some(run) if run.lang == lang => {
                run.blocks.end = b + 1;
                run.own += block.weight_in(lang);
            }
            _ => runs.push(Run {
                lang,
                blocks: b..b + 1,
                own: block.weight_in(lang),
            }),
        }
    }
    absorb_small_runs(&mut runs, blocks);
    for i in 1..runs.len() {
        let start = visible_start(blocks, &runs[i - 1], &runs[i]);
        runs[i - 1].blocks.end = start;
        runs[i].blocks.start = start;
    }
    runs
}

/// The language of each block in the labelling with the least weight on the wrong side plus
/// [`SWITCH_COST`] per change (a two-state Viterbi path).
fn cheapest_labels(blocks: &[Block]) -> Vec<Lang> {
    if blocks.is_empty() {
        return Vec::new();
    }
    // cost[l]: the cheapest labelling so far that ends in language `Lang::ALL[l]`;
    // from[b][l]: the language of block b - 1 on that labelling.
    let mut cost = [0.0f32; 2];
    let mut from: Vec<[usize; 2]> = Vec::with_capacity(blocks.len());
    for (b, block) in blocks.iter().enumerate() {
        let mut next = [0.0f32; 2];
        let mut back = [0usize; 2];
        for (l, lang) in Lang::ALL.into_iter().enumerate() {
            let wrong = block.weight_in(lang.other());
            let (stay, switch) = (cost[l], cost[1 - l] + SWITCH_COST);
            // Staying wins ties: a block without weight joins the run before it.
            let (best, prev) = if b == 0 || stay <= switch {
                (stay, l)
            } else {
                (switch, 1 - l)
            };
            next[l] = best + wrong;
            back[l] = prev;
        }
        cost = next;
        from.push(back);
    }
    let mut l = usize::from(cost[1] < cost[0]);
    let mut labels = vec![Lang::Kk; blocks.len()];
    for b in (0..blocks.len()).rev() {
        labels[b] = Lang::ALL[l];
        l = from[b][l];
    }
    labels
}

/// Merges, weakest first, every run too small beside its neighbours to be a version.
fn absorb_small_runs(runs: &mut Vec<Run>, blocks: &[Block]) {
    while runs.len() > 1 {
        let share = |i: usize| {
            let neighbours = [i.checked_sub(1), Some(i + 1).filter(|&n| n < runs.len())];
            let reference = neighbours
                .into_iter()
                .flatten()
                .map(|n| runs[n].own)
                .fold(f32::INFINITY, f32::min);
            if runs[i].own < MIN_RUN_WEIGHT {
                0.0
            } else {
                runs[i].own / reference.max(f32::MIN_POSITIVE)
            }
        };
        let Some((weakest, share)) = (0..runs.len())
            .map(|i| (i, share(i)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
        else {
            return;
        };
        if share >= MIN_SHARE {
            return;
        }
        let removed = runs.remove(weakest);
        // The neighbours, now side by side, are in one language: one run.
        let (into, blocks_range) = if weakest == 0 {
            (0, removed.blocks.start..runs[0].blocks.end)
        } else if weakest == runs.len() {
            (
                weakest - 1,
                runs[weakest - 1].blocks.start..removed.blocks.end,
            )
        } else {
            let next = runs.remove(weakest);
            (weakest - 1, runs[weakest - 1].blocks.start..next.blocks.end)
        };
        let lang = runs[into].lang;
        runs[into].own = blocks[blocks_range.clone()]
            .iter()
            .map(|b| b.weight_in(lang))
            .sum();
        runs[into].blocks = blocks_range;
    }
}

/// Where the second of two runs starts. Among the places that leave nearly the least weight
/// on the wrong side (within [`START_TOLERANCE`]), the one that shows a
/// start best: a title-like block after a blank line (in a file whose lines are its
/// paragraphs, the break between two documents), else a title-like block, else the cheapest.
/// The signature block of a Russian version that names a company in Kazakh letters thus stays
/// with its version when the next document's title follows a blank line.
fn visible_start(blocks: &[Block], first: &Run, second: &Run) -> usize {
    let cost = |b: &Block, lang: Lang| b.weight_in(lang);
    let range = first.blocks.start..second.blocks.end;
    // Cost of starting the second run at `p`: its language before, the first's after.
    let mut wrong_before = 0.0f32;
    let mut wrong_after: f32 = blocks[range.clone()]
        .iter()
        .map(|b| cost(b, first.lang))
        .sum();
    let mut candidates = Vec::with_capacity(range.len());
    for p in range.clone() {
        if p > range.start {
            candidates.push((p, wrong_before + wrong_after));
        }
        wrong_before += cost(&blocks[p], second.lang);
        wrong_after -= cost(&blocks[p], first.lang);
    }
    let least = candidates.iter().map(|c| c.1).fold(f32::INFINITY, f32::min);
    candidates
        .into_iter()
        .filter(|&(_, c)| c <= least + START_TOLERANCE)
        .min_by(|a, b| {
            let key = |&(p, c): &(usize, f32)| {
                let block = &blocks[p];
                (
                    !(block.looks_like_start && block.after_blank),
                    !block.looks_like_start,
                    c,
                )
            };
            key(a)
                .partial_cmp(&key(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map_or(second.blocks.start, |(p, _)| p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::ByLang;
    use crate::span::Span;

    /// Blocks of the given Kazakh and Russian weights, the first of each run a title.
    fn blocks(weights: &[(f32, f32)]) -> Vec<Block> {
        weights
            .iter()
            .enumerate()
            .map(|(i, &(kk, ru))| Block {
                span: Span::new(i * 10, i * 10 + 9),
                weight: ByLang { kk, ru },
                looks_like_start: false,
                undecided: kk + ru == 0.0,
                after_blank: true,
            })
            .collect()
    }

    fn shape(runs: &[Run]) -> Vec<(Lang, Range<usize>)> {
        runs.iter().map(|r| (r.lang, r.blocks.clone())).collect()
    }

    #[test]
    fn alternating_languages_give_one_run_each() {
        let b = blocks(&[
            (300.0, 0.0),
            (300.0, 0.0),
            (0.0, 300.0),
            (0.0, 300.0),
            (300.0, 0.0),
            (0.0, 300.0),
        ]);
        let runs = language_runs(&b);
        assert_eq!(
            shape(&runs),
            [
                (Lang::Kk, 0..2),
                (Lang::Ru, 2..4),
                (Lang::Kk, 4..5),
                (Lang::Ru, 5..6)
            ]
        );
        assert_eq!(runs[0].own, 600.0);
    }

    #[test]
    fn a_lone_light_block_or_a_short_quotation_opens_no_run() {
        // 30 is cheaper left on the wrong side than two changes of language.
        let lone = blocks(&[
            (300.0, 0.0),
            (0.0, 30.0),
            (300.0, 0.0),
            (0.0, 300.0),
            (0.0, 300.0),
        ]);
        assert_eq!(
            shape(&language_runs(&lone)),
            [(Lang::Kk, 0..3), (Lang::Ru, 3..5)]
        );
        // A quoted paragraph of 100 is a run for the labelling, but too small beside the
        // Kazakh text around it (less than a quarter) to be a version: merged back.
        let quote = blocks(&[
            (400.0, 0.0),
            (400.0, 0.0),
            (0.0, 100.0),
            (400.0, 0.0),
            (400.0, 0.0),
            (0.0, 400.0),
            (0.0, 400.0),
            (0.0, 400.0),
            (0.0, 400.0),
        ]);
        assert_eq!(
            shape(&language_runs(&quote)),
            [(Lang::Kk, 0..5), (Lang::Ru, 5..9)]
        );
    }

    #[test]
    fn a_run_starts_at_the_title_among_the_blocks_without_weight() {
        let mut b = blocks(&[
            (300.0, 0.0),
            (0.0, 0.0),
            (0.0, 0.0),
            (0.0, 300.0),
            (300.0, 0.0),
        ]);
        // The labelling alone would start the Russian run at its first Russian block.
        b[2].looks_like_start = true;
        let runs = language_runs(&b);
        assert_eq!(runs[1].blocks, 2..4);
        assert_eq!(runs[0].blocks, 0..2);
    }

    #[test]
    fn a_kazakh_name_in_a_russian_signature_block_stays_with_its_version() {
        // Russian text, then its signature block: a line naming a company in Kazakh letters
        // and lines without letters; after a blank line, the next document's Kazakh title.
        let mut b = blocks(&[
            (0.0, 300.0),
            (0.0, 300.0),
            (0.0, 300.0),
            (0.0, 300.0),
            (42.0, 0.0),
            (0.0, 8.0),
            (0.0, 0.0),
            (0.0, 0.0),
            (56.0, 0.0),
            (300.0, 0.0),
            (300.0, 0.0),
            (300.0, 0.0),
            (0.0, 300.0),
        ]);
        for block in &mut b {
            block.after_blank = false;
        }
        b[4].looks_like_start = true;
        b[8].looks_like_start = true;
        b[8].after_blank = true;
        let runs = language_runs(&b);
        assert_eq!(runs[1].blocks.start, 8, "{runs:?}");
        // Without the blank line, the cheapest title-like place wins: the name's line.
        b[8].after_blank = false;
        assert_eq!(language_runs(&b)[1].blocks.start, 4);
    }
}
