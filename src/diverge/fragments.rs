//! Untranslated fragments: text of the other language left inside a version.

use unicode_segmentation::UnicodeSegmentation;

use crate::clause::Clause;
use crate::document::Version;
use crate::kind::Kind;
use crate::language::{Evidence, Lang, detect_language, is_cyrillic_letter, is_kazakh_only_letter};
use crate::normalize::normalize;

use super::builder::Builder;
use super::order::LinkOrder;
use super::wording::{label, quote};

/// Pieces of a clause's original text (table cells, lines, sentences) written in the other
/// language.
pub(super) fn untranslated_fragments(
    builder: &mut Builder<'_>,
    version: &Version,
    clause: &Clause,
    order: &LinkOrder,
) {
    let other = version.lang().other();
    let original = builder.doc().original_text(clause);
    for cell in original.split(['\t', '\n', '\r']) {
        // Sentences end at their punctuation; a rough split is enough to find a sentence
        // of the other language, and far cheaper than full sentence segmentation.
        for sentence in cell.split_inclusive(['.', '!', '?', ';']) {
            if !is_suspicious(sentence, other) {
                continue;
            }
            let text = normalize(sentence);
            let text = text.text();
            let words = text.unicode_words().count();
            if words < 2 {
                continue;
            }
            let guess = detect_language(text);
            let strong = match (other, guess.evidence) {
                (_, Evidence::Letters) => true,
                (Lang::Ru, Evidence::Detector) => {
                    guess.confidence >= 0.95 && guess.cyrillic_letters >= 15
                }
                _ => false,
            };
            if guess.lang == Some(other) && strong {
                builder.push(
                    order.of(&[clause.id()]),
                    Kind::UntranslatedFragment,
                    Kind::UntranslatedFragment.severity(),
                    vec![clause.id()],
                    format!(
                        "{} text inside the {} version, {}: {}",
                        other.name(),
                        version.lang().name(),
                        label(clause),
                        quote(text, 12)
                    ),
                );
            }
        }
    }
}

/// Whether `sentence` may be in `other`, the language of the other version. Most sentences
/// are plainly in their version's language: a Kazakh sentence has Kazakh-only letters, a
/// Russian one none. Only the others are worth a detector.
fn is_suspicious(sentence: &str, other: Lang) -> bool {
    let (mut kazakh, mut cyrillic) = (0usize, 0usize);
    for c in sentence.chars() {
        if is_kazakh_only_letter(c) {
            kazakh += 1;
        } else if is_cyrillic_letter(c) {
            cyrillic += 1;
        }
    }
    match other {
        Lang::Ru => kazakh == 0 && cyrillic >= 15,
        Lang::Kk => kazakh > 0,
    }
}
