//! Per-clause features: what the score of a clause pair looks at, extracted once per clause
//! (number, place in the tree, anchors, glossary terms, cognates, length, broken sentences).

use crate::anchors;
use crate::clause::{ClauseKind, sibling_positions};
use crate::document::Version;
use crate::glossary;
use crate::number::NumberStyle;

/// What the score of a clause pair looks at, computed once per clause.
#[derive(Debug)]
pub(super) struct Features {
    /// The clause number's style and components.
    pub(super) number: Option<(NumberStyle, Vec<u32>)>,
    /// Components of the nearest numbered section or clause above (its own for a numbered
    /// section or clause): where in the document the clause stands.
    pub(super) context: Option<Vec<u32>>,
    /// 1-based position among the siblings of the same kind, from the start.
    pub(super) position: usize,
    /// 1-based position among the siblings of the same kind, from the end.
    pub(super) position_from_end: usize,
    /// What kind of clause it is.
    pub(super) kind: ClauseKind,
    /// Which document of a pack it belongs to (see `Clause::part`); `None` when the two
    /// versions hold different numbers of documents, which then align as one.
    pub(super) part: Option<usize>,
    /// Length of the text in characters.
    pub(super) chars: usize,
    /// The sets a pair of clauses compares.
    pub(super) sets: Sets,
    /// The sets of this clause and the next one of its version together, for the links of
    /// two clauses to one that a search scores at every cell (set before the search; `None`
    /// for the last clause).
    pub(super) with_next: Option<Box<Sets>>,
    /// The clause's index in its version: whether two clauses follow each other.
    pub(super) index: usize,
    /// The text ends without closing punctuation (`…данные о людях,`).
    ends_open: bool,
    /// The text starts with a lower-case letter.
    starts_lower: bool,
}

/// The feature sets of one clause, or of two that follow each other: each sorted, without
/// repeats.
#[derive(Debug, Default)]
pub(super) struct Sets {
    /// Hashes of the anchors' kinds and keys.
    pub(super) anchors: Vec<u64>,
    /// The glossary terms found.
    pub(super) terms: Vec<u16>,
    /// The cognate prefixes, packed into integers.
    pub(super) cognates: Vec<u64>,
}

impl Sets {
    /// The sets of two clauses together.
    fn union(&self, other: &Sets) -> Sets {
        Sets {
            anchors: crate::sets::union(&self.anchors, &other.anchors),
            terms: crate::sets::union(&self.terms, &other.terms),
            cognates: crate::sets::union(&self.cognates, &other.cognates),
        }
    }
}

impl Features {
    /// The features of every clause of a version, in one pass over its tree, with the
    /// anchors of each clause.
    pub(super) fn of_version(version: &Version) -> (Vec<Features>, Vec<Vec<anchors::Anchor>>) {
        let clauses = version.clauses();
        let positions = sibling_positions(clauses);
        // Context of each clause: its parent's number if the parent is a numbered section or
        // clause, else the parent's own context. Parents come before their children.
        let mut contexts: Vec<Option<Vec<u32>>> = Vec::with_capacity(clauses.len());
        for clause in clauses {
            let context = clause.parent().and_then(|p| {
                let parent = version.clause(p)?;
                match parent.number().filter(|n| n.is_hierarchical()) {
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
            .enumerate()
            .map(|(index, (((clause, context), (position, count)), found))| {
                // Lower case and word boundaries once, for the glossary and the cognates.
                let lower = crate::normalize::fold_case(clause.text());
                let words: Vec<&str> = crate::words::words(&lower).collect();
                Features {
                    number: clause
                        .number()
                        .map(|n| (n.style(), n.components().to_vec())),
                    context,
                    position,
                    position_from_end: count + 1 - position,
                    kind: clause.kind(),
                    part: Some(clause.part()),
                    chars: clause.text().chars().count(),
                    sets: Sets {
                        anchors: anchor_hashes(found),
                        terms: glossary::find_terms_in_words(&words, clause.lang()),
                        cognates: cognates(&words),
                    },
                    with_next: None,
                    index,
                    ends_open: clause
                        .text()
                        .ends_with(|c: char| c == ',' || c.is_alphanumeric()),
                    starts_lower: clause.text().starts_with(char::is_lowercase),
                }
            })
            .collect();
        (features, extracted)
    }

    /// The features of two versions, whose documents align one to one when both hold as
    /// many (see `Clause::part`), with the anchors of each clause.
    pub(super) fn of_versions(
        a: &Version,
        b: &Version,
    ) -> [(Vec<Features>, Vec<Vec<anchors::Anchor>>); 2] {
        let (mut fa, mut fb) = rayon::join(|| Features::of_version(a), || Features::of_version(b));
        if a.part_count() != b.part_count() {
            for f in fa.0.iter_mut().chain(fb.0.iter_mut()) {
                f.part = None;
            }
        }
        rayon::join(|| with_next(&mut fa.0), || with_next(&mut fb.0));
        [fa, fb]
    }

    /// Whether `next` continues this clause: one sentence broken in two (by a page break, or
    /// a bullet typed in the middle of an item).
    pub(super) fn continues_into(&self, next: &Features) -> bool {
        self.ends_open && next.starts_lower
    }
}

/// Sets each clause's [`Features::with_next`].
fn with_next(features: &mut [Features]) {
    let unions: Vec<Sets> = features
        .windows(2)
        .map(|pair| pair[0].sets.union(&pair[1].sets))
        .collect();
    for (f, union) in features.iter_mut().zip(unions) {
        f.with_next = Some(Box::new(union));
    }
}

/// Words sharing their first four letters are taken for cognates (Simard, Foster and
/// Isabelle 1992): Kazakh and Russian share many loanwords (`статистикалық`,
/// `статистических`; `сервис`; `маркетинг`).
const COGNATE_PREFIX: usize = 4;
/// Shorter words are mostly grammatical and collide by chance.
const COGNATE_MIN_LETTERS: usize = 5;

/// The cognate prefixes of the words of a clause, packed into integers, sorted, without
/// repeats.
fn cognates(words: &[&str]) -> Vec<u64> {
    let mut out: Vec<u64> = words
        .iter()
        // Words of letters only (the word segmenter already left out punctuation).
        .filter(|w| {
            w.chars().nth(COGNATE_MIN_LETTERS - 1).is_some()
                && !w.bytes().any(|b| b.is_ascii_digit())
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

/// One hash per anchor kind and key, sorted, without repeats: the set that two clauses
/// compare.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cognates_are_long_letter_words_cut_to_their_prefix() {
        // `статистикалық` and `статистических` share their prefix; `закон` is long enough,
        // `2024` and `и` are not words of letters.
        let kk = cognates(&["статистикалық", "2024ж", "и"]);
        let ru = cognates(&["статистических", "закон"]);
        assert_eq!(kk.len(), 1);
        assert_eq!(ru.len(), 2);
        assert!(ru.contains(&kk[0]));
    }
}
