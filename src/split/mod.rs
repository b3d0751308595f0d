//! Finding the language versions of an input: one file may hold the Kazakh and the Russian
//! version one after the other (in either order), or only one of them; or several bilingual
//! documents one after another (`kk, ru, kk, ru`), a pack.

mod blocks;
mod pairing;
mod runs;

use crate::error::{Error, Result};
use crate::language::{ByLang, Lang};
use crate::language_block::LanguageBlock;
use crate::load::Source;
use crate::span::Span;
use blocks::{Block, blocks, settle};
pub(crate) use pairing::{VersionRange, block_at};
use pairing::{language_blocks, pair_runs};
use runs::language_runs;

/// A second version needs at least this much weight: one short sentence. The real guard
/// against taking a quoted paragraph for a version is the relative size test below.
const MIN_VERSION_WEIGHT: f32 = 15.0;

/// How many blocks on each side of the boundary the decided blocks point to go to the
/// detector when the letters do not decide them. Elsewhere a short block's language cannot
/// move the boundary, and the detector was half the time of reading a document.
const DETECTOR_WINDOW: usize = 8;

/// When the language blocks of an input cannot be paired into documents, it is still read as
/// one document of two versions if that leaves no more than this share of the smaller
/// version's weight in the wrong language (a long quotation); otherwise it is refused.
const MAX_WRONG_SHARE_OF_ONE_DOCUMENT: f32 = 0.15;

/// What an input holds.
#[derive(Debug)]
pub(crate) enum Layout {
    /// One document: one language version, or two.
    Document(Vec<VersionRange>),
    /// Several documents one after another, each with its two versions, and the language
    /// blocks they were found in.
    Pack {
        documents: Vec<Vec<VersionRange>>,
        blocks: Vec<LanguageBlock>,
    },
}

/// The blocks of an input and their total Kazakh and Russian weights; an error when the
/// input has no text in either language.
fn weighed_blocks(source: &Source) -> Result<(Vec<Block>, ByLang<f32>)> {
    let mut blocks = blocks(source);
    if blocks
        .iter()
        .all(|b| b.undecided || b.weight.kk + b.weight.ru == 0.0)
    {
        // Nothing decided by letters: the detector must see everything.
        let all = 0..blocks.len();
        settle(source, &mut blocks, all);
    } else if let Some(boundary) = best_boundary(&blocks) {
        settle(source, &mut blocks, window(boundary));
    }
    let total = ByLang {
        kk: blocks.iter().map(|b| b.weight.kk).sum(),
        ru: blocks.iter().map(|b| b.weight.ru).sum(),
    };
    if total.kk + total.ru == 0.0 {
        return Err(Error::NoKazakhOrRussian {
            file: source.name().to_owned(),
        });
    }
    Ok((blocks, total))
}

/// The blocks around `boundary` the detector is asked about.
fn window(boundary: usize) -> std::ops::Range<usize> {
    boundary.saturating_sub(DETECTOR_WINDOW)..boundary + DETECTOR_WINDOW
}
/// The language with the larger total weight; Kazakh on a tie.
fn majority(total: &ByLang<f32>) -> Lang {
    if total.kk >= total.ru {
        Lang::Kk
    } else {
        Lang::Ru
    }
}

/// The boundary between a first version and a second in the other language that leaves the
/// least weight on the wrong side: `(cost, first language, index of the second's first
/// block)`.
fn choose_boundary(blocks: &[Block]) -> Option<(f32, Lang, usize)> {
    if blocks.len() < 2 {
        return None;
    }
    // The best boundary between a first version in `first` and a second in the other
    // language: the one that leaves the least weight on the wrong side.
    let mut best: Option<(f32, Lang, usize)> = None;
    let mut candidates = Vec::new();
    for first in Lang::ALL {
        let second = first.other();
        let mut wrong_before = 0.0f32;
        let mut wrong_after: f32 = blocks.iter().map(|b| b.weight.get(first)).sum();
        for (b, block) in blocks.iter().enumerate() {
            if b > 0 {
                candidates.push((wrong_before + wrong_after, first, b));
                if best.is_none_or(|(cost, _, _)| wrong_before + wrong_after < cost) {
                    best = Some((wrong_before + wrong_after, first, b));
                }
            }
            wrong_before += block.weight.get(second);
            wrong_after -= block.weight.get(first);
        }
    }
    let (best_cost, first, _) = best?;
    // Among boundaries nearly as good, prefer one where the second version visibly starts
    // (a title or a first section), so that a short block the detector got wrong at the
    // end of the first version does not pull the boundary.
    let tolerance = 40.0;
    let boundary = candidates
        .iter()
        .filter(|&&(cost, lang, _)| lang == first && cost <= best_cost + tolerance)
        .min_by(|a, b| {
            let key = |c: &(f32, Lang, usize)| (!blocks[c.2].looks_like_start, c.0);
            key(a)
                .partial_cmp(&key(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map_or(0, |c| c.2);
    Some((best_cost, first, boundary))
}

/// The index of the block where the second version would start.
fn best_boundary(blocks: &[Block]) -> Option<usize> {
    choose_boundary(blocks).map(|(_, _, boundary)| boundary)
}

/// The best split of an input into two versions: `(versions, weight on the wrong side,
/// weight of the smaller version)`, or one version when the input holds one language.
fn two_versions(
    source: &Source,
    blocks: &[Block],
    total: &ByLang<f32>,
) -> (Vec<VersionRange>, f32, f32) {
    let body = source.body();
    let majority = majority(total);
    let single = vec![VersionRange {
        lang: majority,
        span: body,
    }];
    let wrong_in_single = *total.get(majority.other());
    if blocks.len() < 2 {
        return (single, wrong_in_single, 0.0);
    }
    let Some((best_cost, first, boundary)) = choose_boundary(blocks) else {
        return (single, wrong_in_single, 0.0);
    };
    let own_first: f32 = blocks[..boundary].iter().map(|b| b.weight.get(first)).sum();
    let own_second: f32 = blocks[boundary..]
        .iter()
        .map(|b| b.weight.get(first.other()))
        .sum();
    let smaller = own_first.min(own_second);
    // Two versions of one text have comparable lengths; a Russian paragraph quoted at the
    // end of a Kazakh document is not a second version.
    let two_versions = smaller >= MIN_VERSION_WEIGHT
        && smaller >= 0.25 * own_first.max(own_second)
        && best_cost < 0.5 * smaller;
    if !two_versions {
        return (single, wrong_in_single, 0.0);
    }
    let at = blocks[boundary].span.start();
    let versions = vec![
        VersionRange {
            lang: first,
            span: Span::new(body.start(), at),
        },
        VersionRange {
            lang: first.other(),
            span: Span::new(at, body.end()),
        },
    ];
    (versions, best_cost, smaller)
}

/// Finds what one input holds: one document (one or two language versions), or several
/// bilingual documents one after another. A file whose languages alternate in blocks that
/// cannot be paired into documents is an [`Error::Unsplittable`].
pub(crate) fn split_input(source: &Source) -> Result<Layout> {
    let (blocks, total) = weighed_blocks(source)?;
    let one_document = || Layout::Document(two_versions(source, &blocks, &total).0);
    let runs = language_runs(&blocks);
    if runs.len() < 3 {
        return Ok(one_document());
    }
    // The languages alternate: settle the short blocks around every change of language, as
    // around the one boundary of a single document, and look again.
    let mut settled = blocks.clone();
    for run in runs.iter().skip(1) {
        settle(source, &mut settled, window(run.blocks.start));
    }
    let runs = language_runs(&settled);
    if runs.len() < 3 {
        return Ok(one_document());
    }
    match pair_runs(source, &settled, &runs) {
        Ok(documents) => Ok(Layout::Pack {
            documents,
            blocks: language_blocks(source, &settled, &runs),
        }),
        Err(reason) => {
            let (versions, wrong, smaller) = two_versions(source, &blocks, &total);
            if versions.len() == 2 && wrong <= MAX_WRONG_SHARE_OF_ONE_DOCUMENT * smaller {
                return Ok(Layout::Document(versions));
            }
            let blocks = language_blocks(source, &settled, &runs);
            Err(Error::Unsplittable {
                file: source.name().to_owned(),
                blocks,
                reason,
            })
        }
    }
}

/// The language of an input known to hold one version (one file of a pair).
pub(crate) fn dominant_language(source: &Source) -> Result<Lang> {
    let (_, total) = weighed_blocks(source)?;
    Ok(majority(&total))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KK: &str = "ҚҰПИЯЛЫҚ САЯСАТЫ\n\n1. Жалпы ережелер\n\n1.1. Осы Саясат дербес деректерді қорғау туралы заңнамаға сәйкес әзірленді және Компанияның барлық қызметкерлеріне қолданылады.\n\n1.2. Пайдаланушы осы Саясатпен келіседі.\n";
    const RU: &str = "ПОЛИТИКА КОНФИДЕНЦИАЛЬНОСТИ\n\n1. Общие положения\n\n1.1. Настоящая Политика разработана в соответствии с законодательством о защите персональных данных и применяется ко всем работникам Компании.\n\n1.2. Пользователь соглашается с Политикой.\n";

    /// The versions of a one-document input.
    fn split_versions(source: &Source) -> Result<Vec<VersionRange>> {
        match split_input(source)? {
            Layout::Document(versions) => Ok(versions),
            Layout::Pack { blocks, .. } => panic!("a pack: {blocks:?}"),
        }
    }

    fn split(text: &str) -> Vec<(Lang, String)> {
        let source = Source::from_text("t", text).unwrap();
        split_versions(&source)
            .unwrap()
            .into_iter()
            .map(|v| (v.lang, source.slice(v.span).trim().to_owned()))
            .collect()
    }

    #[test]
    fn kazakh_then_russian_and_russian_then_kazakh() {
        for (a, b, first) in [(KK, RU, Lang::Kk), (RU, KK, Lang::Ru)] {
            let versions = split(&format!("{a}\n{b}"));
            assert_eq!(versions.len(), 2);
            assert_eq!(versions[0].0, first);
            assert_eq!(versions[0].1, a.trim());
            assert_eq!(versions[1].1, b.trim());
        }
    }

    #[test]
    fn one_language_gives_one_version() {
        assert_eq!(split(KK).len(), 1);
        // A Russian paragraph quoted at the end is not a Russian version.
        let versions = split(&format!(
            "{KK}\nУтверждено приказом директора от 1 января.\n"
        ));
        assert_eq!(versions.len(), 1);
        assert_eq!(versions[0].0, Lang::Kk);
    }

    #[test]
    fn majority_prefers_kazakh_on_a_tie() {
        assert_eq!(majority(&ByLang { kk: 1.0, ru: 2.0 }), Lang::Ru);
        assert_eq!(majority(&ByLang { kk: 2.0, ru: 2.0 }), Lang::Kk);
    }

    #[test]
    fn text_without_cyrillic_is_an_error() {
        let source = Source::from_text("en.txt", "Privacy policy\n\n1. General").unwrap();
        assert!(matches!(
            split_versions(&source),
            Err(Error::NoKazakhOrRussian { .. })
        ));
    }
}
