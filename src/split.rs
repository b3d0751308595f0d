//! Finding the language versions of an input: one file may hold the Kazakh and the Russian
//! version one after the other (in either order), or only one of them.

use crate::error::{Error, Result};
use crate::language::{ByLang, Evidence, Lang, LanguageGuess, detect_by_letters, detect_language};
use crate::load::Source;
use crate::normalize::{is_collapsible_space, normalize_at};
use crate::span::{Span, lines_in};

/// A second version needs at least this much weight: one short sentence. The real guard
/// against taking a quoted paragraph for a version is the relative size test below.
const MIN_VERSION_WEIGHT: f32 = 15.0;

/// A language version's place in its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct VersionRange {
    pub(crate) lang: Lang,
    pub(crate) span: Span,
}

/// A block of consecutive non-blank lines and the language weights of its text.
struct Block {
    span: Span,
    /// How much of the block's text is Kazakh and how much Russian.
    weight: ByLang<f32>,
    looks_like_start: bool,
    /// The letters did not decide; a detector has not been asked yet.
    undecided: bool,
}

impl Block {
    fn weigh(&mut self, guess: LanguageGuess) {
        let mut weight = guess.cyrillic_letters.min(400) as f32 * guess.confidence;
        if guess.evidence != Evidence::Letters {
            // Statistical guesses on short texts are the least reliable signal.
            weight *= 0.5;
        }
        self.weight = ByLang::default();
        if let Some(lang) = guess.lang {
            *self.weight.get_mut(lang) = weight;
        }
        self.undecided = false;
    }
}

/// How many blocks on each side of the boundary the decided blocks point to go to the
/// detector when the letters do not decide them. Elsewhere a short block's language cannot
/// move the boundary, and the detector was half the time of reading a document.
const DETECTOR_WINDOW: usize = 8;

/// Blocks of the input with their language weight: the number of Cyrillic letters (capped,
/// so that one long paragraph cannot outvote the structure) times the guess's confidence.
/// Blocks the letters do not decide are left undecided (see [`settle`]).
fn blocks(source: &Source) -> Vec<Block> {
    let text = source.text();
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    let close = |span: (usize, usize), blocks: &mut Vec<Block>| {
        // Letters are counted on the raw text (markup has none); normalizing is left to the
        // few blocks the detector must see.
        let raw = &text[span.0..span.1];
        let first = raw.trim_matches(|c: char| c.is_whitespace() || matches!(c, '#' | '*'));
        let looks_like_start = first.chars().count() <= 80
            && !first.ends_with(['.', ';', ',', ':'])
            || first.starts_with("1.") && !first.starts_with("1.1");
        let mut block = Block {
            span: Span::new(span.0, span.1),
            weight: ByLang::default(),
            looks_like_start,
            undecided: true,
        };
        if let Some(guess) = detect_by_letters(raw) {
            block.weigh(guess);
        }
        blocks.push(block);
    };
    // Without blank lines between paragraphs, every line is a block of its own: otherwise
    // the whole input would be one block in one language.
    let by_line = crate::layout::lines_are_paragraphs(text, source.body());
    for (start, end) in lines_in(text, source.body().range()) {
        if by_line && let Some(span) = current.take() {
            close(span, &mut blocks);
        }
        if text[start..end].chars().all(is_collapsible_space) {
            if let Some(span) = current.take() {
                close(span, &mut blocks);
            }
        } else {
            current = Some(current.map_or((start, end), |(s, _)| (s, end)));
        }
    }
    if let Some(span) = current {
        close(span, &mut blocks);
    }
    blocks
}

/// Asks the detector about the undecided blocks in `range`.
fn settle(source: &Source, blocks: &mut [Block], range: std::ops::Range<usize>) {
    for block in &mut blocks[range] {
        if block.undecided {
            let normalized = normalize_at(source.slice(block.span), block.span.start());
            block.weigh(detect_language(normalized.text()));
        }
    }
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
        let window = boundary.saturating_sub(DETECTOR_WINDOW)
            ..(boundary + DETECTOR_WINDOW).min(blocks.len());
        settle(source, &mut blocks, window);
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

/// Finds the language versions of one input.
pub(crate) fn split_versions(source: &Source) -> Result<Vec<VersionRange>> {
    let (blocks, total) = weighed_blocks(source)?;
    let body = source.body();
    let majority = majority(&total);
    let single = vec![VersionRange {
        lang: majority,
        span: body,
    }];
    if blocks.len() < 2 {
        return Ok(single);
    }
    let Some((best_cost, first, boundary)) = choose_boundary(&blocks) else {
        return Ok(single);
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
        return Ok(single);
    }
    let at = blocks[boundary].span.start();
    Ok(vec![
        VersionRange {
            lang: first,
            span: Span::new(body.start(), at),
        },
        VersionRange {
            lang: first.other(),
            span: Span::new(at, body.end()),
        },
    ])
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
