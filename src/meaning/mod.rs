//! Meaning-level divergences: what two aligned clauses say differently in words that no
//! lexical check sees (issue 11).
//!
//! Each side of a 1–1 link is read into a language-neutral skeleton of legal concepts
//! (`skeleton`), from the lexicon of `data/concepts.tsv` (`lexicon`): the parties it names,
//! its modality (a duty, a right, a possibility), its negations and exceptions, its time
//! units and numbers. The two skeletons are compared role by role (`compare`); the public
//! model of what is reported is in `evidence`. A party difference that the same document
//! makes in two links or more is a naming convention of the translation (`Компания` for
//! `Оператор`), not a slip, and is not reported.

mod actions;
mod compare;
mod difference;
mod evidence;
mod headings;
mod lexicon;
mod lists;
mod qualifiers;
mod skeleton;

pub use evidence::{Cue, MeaningMismatch, MeaningSubKind};

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use crate::clause::Clause;
use crate::language::{ByLang, Lang};
use crate::span::Span;
use difference::Difference;
use skeleton::Skeleton;

/// One side of an aligned pair: the clause and its original text (see
/// [`BilingualDocument::original_text`](crate::BilingualDocument::original_text)).
#[derive(Clone, Copy)]
pub(crate) struct Side<'a> {
    pub(crate) clause: &'a Clause,
    pub(crate) original: &'a str,
}

/// The meaning mismatches of the 1–1 links of a document, each with the index of its pair in
/// `pairs`.
pub(crate) fn mismatches(pairs: &[ByLang<Side<'_>>]) -> Vec<(usize, MeaningMismatch)> {
    let found: Vec<(usize, ByLang<Skeleton>, Vec<Difference>)> = pairs
        .par_iter()
        .enumerate()
        .filter_map(|(i, pair)| {
            let read = |side: Side<'_>, lang: Lang| {
                let mut skeleton = skeleton::skeleton(side.clause.text(), lang);
                skeleton.heading = is_heading(side.clause, &skeleton);
                skeleton
            };
            let (kk, ru) = (read(pair.kk, Lang::Kk), read(pair.ru, Lang::Ru));
            let differences = compare::compare(&kk, &ru);
            (!differences.is_empty()).then_some((i, ByLang { kk, ru }, differences))
        })
        .collect();
    let mut swaps: HashMap<(&str, &str), usize> = HashMap::new();
    for (_, _, differences) in &found {
        for swap in differences.iter().filter_map(|d| d.swap.as_ref()) {
            for &a in &swap.kk {
                for &b in &swap.ru {
                    *swaps.entry((a, b)).or_default() += 1;
                }
            }
        }
    }
    let convention = |swap: &ByLang<Vec<&'static str>>| {
        swap.kk.iter().any(|&a| {
            swap.ru
                .iter()
                .any(|&b| swaps.get(&(a, b)).copied().unwrap_or(0) >= 2)
        })
    };
    let mut out = Vec::new();
    for (i, skeletons, differences) in found {
        for difference in differences {
            if difference.swap.as_ref().is_some_and(convention) {
                continue;
            }
            let cues = ByLang {
                kk: cues(pairs[i].kk, &skeletons.kk, &difference.words.kk),
                ru: cues(pairs[i].ru, &skeletons.ru, &difference.words.ru),
            };
            out.push((
                i,
                MeaningMismatch {
                    sub_kind: difference.sub_kind,
                    cues,
                },
            ));
        }
    }
    out
}

/// Whether a clause is a heading: a title, an unnumbered heading, or a section whose text is
/// a few words without a full stop.
fn is_heading(clause: &Clause, skeleton: &Skeleton) -> bool {
    use crate::clause::ClauseKind;
    match clause.kind() {
        ClauseKind::Title | ClauseKind::Heading => true,
        ClauseKind::Section => {
            skeleton.words.len() <= skeleton::HEADING_WORDS
                && !clause.text().trim_end().ends_with(['.', ';', ':'])
        }
        _ => false,
    }
}

/// How many words the time unit that starts at word `at` of `words` takes (`жыл`, `лет`,
/// `рабочих дней`, from the lexicon's `unit` lines), if one starts there. The words are
/// lower-case, with ё read as е.
pub(crate) fn time_unit_at(words: &[String], at: usize, lang: Lang) -> Option<usize> {
    lexicon::longest_at(words, at, lang)
        .filter(|(entry, _)| entry.role == lexicon::Role::Unit)
        .map(|(_, len)| len)
}

/// The cues of a side: each range of words found again in the original text of the clause.
fn cues(side: Side<'_>, skeleton: &Skeleton, words: &[(Range<usize>, &'static str)]) -> Vec<Cue> {
    let original: Vec<(usize, &str, String)> = side
        .original
        .unicode_word_indices()
        .map(|(at, w)| (at, w, w.to_lowercase().replace('ё', "е")))
        .collect();
    // The k-th occurrence of a word of the clause text is its k-th occurrence in the
    // original, which holds the same words with other spaces and markup.
    let locate = |index: usize| -> Option<(usize, usize)> {
        let word = skeleton.lower(skeleton.words.get(index)?);
        let k = skeleton.words[..index]
            .iter()
            .filter(|w| skeleton.lower(w) == word)
            .count();
        original
            .iter()
            .filter(|(_, _, lower)| lower == word)
            .nth(k)
            .map(|(at, w, _)| (*at, at + w.len()))
    };
    let base = side.clause.span().start();
    words
        .iter()
        .map(|(range, concept)| {
            let found = match (locate(range.start), locate(range.end.saturating_sub(1))) {
                (Some((start, _)), Some((_, end))) if start < end => Some((start, end)),
                _ => None,
            };
            match found {
                Some((start, end)) => Cue {
                    text: side.original[start..end].to_owned(),
                    span: Span::new(base + start, base + end),
                    concept,
                },
                None => Cue {
                    text: skeleton.words[range.clone()]
                        .iter()
                        .map(|w| &side.clause.text()[w.bytes.clone()])
                        .collect::<Vec<_>>()
                        .join(" "),
                    span: side.clause.span(),
                    concept,
                },
            }
        })
        .collect()
}

/// A plain-language message for a mismatch.
pub(crate) fn message(mismatch: &MeaningMismatch) -> String {
    let side = |cues: &[Cue]| -> String {
        if cues.is_empty() {
            return "nothing".to_owned();
        }
        let quoted: Vec<String> = cues.iter().map(|c| format!("«{}»", c.text)).collect();
        quoted.join(", ")
    };
    let what = match mismatch.sub_kind {
        MeaningSubKind::Party => "another party",
        MeaningSubKind::Negation => "a negation on one side only",
        MeaningSubKind::Exception => "an exception or a qualifier on one side only",
        MeaningSubKind::Modality => "a duty or a declaration against a right or a possibility",
        MeaningSubKind::Unit => "another time unit",
        MeaningSubKind::Quantity => "another quantity",
        MeaningSubKind::Action => "an action against its opposite",
        MeaningSubKind::ListMember => "a list member on one side only",
        MeaningSubKind::Subject => "headings about another subject",
    };
    format!(
        "{} ({what}): kk {}, ru {}",
        mismatch.sub_kind,
        side(&mismatch.cues.kk),
        side(&mismatch.cues.ru)
    )
}
