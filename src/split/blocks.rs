//! The blocks of an input: runs of consecutive non-blank lines, each weighed by how much of
//! its text is Kazakh and how much Russian.

use crate::language::{ByLang, Evidence, Lang, LanguageGuess, detect_by_letters, detect_language};
use crate::load::Source;
use crate::normalize::{is_collapsible_space, normalize_at};
use crate::span::{Span, lines_in};

/// A block of consecutive non-blank lines and the language weights of its text.
#[derive(Clone, Debug)]
pub(crate) struct Block {
    pub(crate) span: Span,
    /// How much of the block's text is Kazakh and how much Russian.
    pub(crate) weight: ByLang<f32>,
    /// The block could open a document or a version: a short title-like line, or a first
    /// section `1.`.
    pub(crate) looks_like_start: bool,
    /// The letters did not decide; a detector has not been asked yet.
    pub(crate) undecided: bool,
    /// A blank line stands between this block and the one before: in a file whose lines
    /// are its paragraphs, the mark of a break larger than a paragraph's.
    pub(crate) after_blank: bool,
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

    /// The weight of the block's text in `lang`.
    pub(crate) fn weight_in(&self, lang: Lang) -> f32 {
        *self.weight.get(lang)
    }
}

/// Blocks of the input with their language weight: the number of Cyrillic letters (capped,
/// so that one long paragraph cannot outvote the structure) times the guess's confidence.
/// Blocks the letters do not decide are left undecided (see [`settle`]).
pub(crate) fn blocks(source: &Source) -> Vec<Block> {
    let text = source.text();
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    let mut blank_before = false;
    let close = |span: (usize, usize), after_blank: bool, blocks: &mut Vec<Block>| {
        // Letters are counted on the raw text (markup has none); normalizing is left to the
        // few blocks the detector must see.
        let raw = &text[span.0..span.1];
        let first = raw.trim_matches(|c: char| c.is_whitespace() || matches!(c, '#' | '*'));
        let looks_like_start = first.chars().nth(80).is_none()
            && !first.ends_with(['.', ';', ',', ':'])
            || first.starts_with("1.") && !first.starts_with("1.1");
        let mut block = Block {
            span: Span::new(span.0, span.1),
            weight: ByLang::default(),
            looks_like_start,
            undecided: true,
            after_blank,
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
            close(span, blank_before, &mut blocks);
            blank_before = false;
        }
        if text[start..end].chars().all(is_collapsible_space) {
            if let Some(span) = current.take() {
                close(span, blank_before, &mut blocks);
            }
            blank_before = !blocks.is_empty();
        } else {
            current = Some(current.map_or((start, end), |(s, _)| (s, end)));
        }
    }
    if let Some(span) = current {
        close(span, blank_before, &mut blocks);
    }
    blocks
}

/// Asks the detector about the undecided blocks in `range`.
pub(crate) fn settle(source: &Source, blocks: &mut [Block], range: std::ops::Range<usize>) {
    let range = range.start.min(blocks.len())..range.end.min(blocks.len());
    for block in &mut blocks[range] {
        if block.undecided {
            let normalized = normalize_at(source.slice(block.span), block.span.start());
            block.weigh(detect_language(normalized.text()));
        }
    }
}
