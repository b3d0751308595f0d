//! Pairing the language runs of an input into documents: `kk, ru, kk, ru` is two bilingual
//! documents, each a run and the run after it.

use super::blocks::Block;
use super::runs::Run;
use crate::language::Lang;
use crate::language_block::LanguageBlock;
use crate::load::Source;
use crate::span::Span;

/// The smaller version of a paired document weighs at least this share of the larger: a
/// translation is about as long as its original.
const MIN_PAIR_SHARE: f32 = 0.25;

/// A language version's place in its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct VersionRange {
    pub(crate) lang: Lang,
    pub(crate) span: Span,
}

/// The span of each run: from its first block (the first run from the start of the body) to
/// the start of the next run (the last to the end of the body), so that no text is lost.
fn run_spans(source: &Source, blocks: &[Block], runs: &[Run]) -> Vec<Span> {
    let body = source.body();
    let starts: Vec<usize> = runs
        .iter()
        .enumerate()
        .map(|(i, run)| {
            if i == 0 {
                body.start()
            } else {
                blocks
                    .get(run.blocks.start)
                    .map_or(body.end(), |b| b.span.start())
            }
        })
        .collect();
    (0..runs.len())
        .map(|i| Span::new(starts[i], starts.get(i + 1).copied().unwrap_or(body.end())))
        .collect()
}

/// The runs as [`LanguageBlock`]s, with the lines of their first and last text.
pub(crate) fn language_blocks(
    source: &Source,
    blocks: &[Block],
    runs: &[Run],
) -> Vec<LanguageBlock> {
    run_spans(source, blocks, runs)
        .into_iter()
        .zip(runs)
        .map(|(span, run)| block_at(source, run.lang, span))
        .collect()
}

/// The text of `span` in `source` as a [`LanguageBlock`] of `lang`, with the lines of its
/// first and last text (blank lines around it are not the block's).
pub(crate) fn block_at(source: &Source, lang: Lang, span: Span) -> LanguageBlock {
    let text = source.slice(span);
    let first = span.start() + (text.len() - text.trim_start().len());
    let last = span.start() + text.trim_end().len();
    let line = source.line_of(first.min(span.end()));
    let end_line = source.line_of(last.saturating_sub(1).max(first).min(span.end()));
    LanguageBlock::new(lang, span, line, end_line)
}

/// The documents of an input with three runs or more: each run with the next, in order.
/// `Err` with the reason when the runs cannot be paired so: an odd number (a block without
/// its counterpart), or a pair whose versions are too unequal to be one text's.
pub(crate) fn pair_runs(
    source: &Source,
    blocks: &[Block],
    runs: &[Run],
) -> Result<Vec<Vec<VersionRange>>, String> {
    if runs.len() % 2 == 1 {
        return Err(format!(
            "{} language blocks alternate, an odd number, so one has no counterpart",
            runs.len()
        ));
    }
    let named = language_blocks(source, blocks, runs);
    let mut documents = Vec::with_capacity(runs.len() / 2);
    for (pair, named) in runs.chunks(2).zip(named.chunks(2)) {
        let (smaller, larger) = (pair[0].own.min(pair[1].own), pair[0].own.max(pair[1].own));
        if smaller < MIN_PAIR_SHARE * larger {
            return Err(format!(
                "the blocks {} and {} are too unequal in length to be two versions of one text",
                named[0], named[1]
            ));
        }
        documents.push(
            named
                .iter()
                .map(|block| VersionRange {
                    lang: block.lang(),
                    span: block.span(),
                })
                .collect(),
        );
    }
    Ok(documents)
}
