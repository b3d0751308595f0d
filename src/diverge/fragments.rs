//! Untranslated fragments: text of the other language left inside a version.

use std::sync::OnceLock;

use crate::clause::{Clause, ClauseId};
use crate::document::Version;
use crate::kind::Kind;
use crate::language::{
    ByLang, Evidence, Lang, detect_language, is_alphanumeric, is_cyrillic_letter,
    is_kazakh_only_letter,
};
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
    for sentence in rough_sentences(original) {
        // Kazakh names inside Russian text (a street, a person, «ҮМІТ») keep their
        // letters: only the rest of the sentence tells its language.
        // The letters are counted before the words are joined again: most sentences
        // are not suspicious, and the string is only needed for those that are.
        let names_out;
        let sentence = if other == Lang::Kk {
            // A word with a Kazakh letter makes the whole sentence suspicious too: the
            // sentence is tried first, as most Russian sentences have none.
            if !is_suspicious(sentence, other)
                || !uncapitalized_words(sentence).any(|word| is_suspicious(word, other))
            {
                continue;
            }
            names_out = without_capitalized_words(sentence);
            names_out.as_str()
        } else {
            sentence
        };
        if !is_suspicious(sentence, other) {
            continue;
        }
        let text = normalize(sentence);
        let text = text.text();
        let words = crate::words::words(text).count();
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

/// The legal forms and requisites labels of both languages (`data/legal-forms.tsv`).
fn legal_forms() -> &'static [ByLang<&'static str>] {
    static FORMS: OnceLock<Vec<ByLang<&'static str>>> = OnceLock::new();
    FORMS.get_or_init(|| {
        crate::tsv::data_lines(include_str!("../data/legal-forms.tsv"))
            .filter_map(|line| {
                let mut cols = line.split('\t');
                Some(ByLang {
                    kk: cols.next()?,
                    ru: cols.next()?,
                })
            })
            .collect()
    })
}

/// Legal forms and requisites labels of the other language inside a version (`АО` and `БИН`
/// in Kazakh requisites, where `АҚ` and `БСН` belong): one report for the whole version,
/// naming every clause that has one.
pub(super) fn foreign_legal_forms(builder: &mut Builder<'_>, version: &Version, order: &LinkOrder) {
    let other = version.lang().other();
    let longest = legal_forms()
        .iter()
        .map(|f| f.get(other).len())
        .max()
        .unwrap_or(0);
    let mut found: Vec<(ClauseId, &'static str, &'static str)> = Vec::new();
    for clause in version.clauses() {
        let original = builder.doc().original_text(clause);
        for word in alphanumeric_runs(original) {
            if word.len() > longest {
                continue;
            }
            if let Some(form) = legal_forms().iter().find(|f| *f.get(other) == word) {
                if !found
                    .iter()
                    .any(|(id, w, _)| *id == clause.id() && *w == word)
                {
                    found.push((clause.id(), *form.get(other), *form.get(version.lang())));
                }
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let mut ids: Vec<ClauseId> = found.iter().map(|(id, _, _)| *id).collect();
    ids.dedup();
    let mut pairs: Vec<String> = found
        .iter()
        .map(|(_, foreign, own)| format!("{foreign} (in {}: {own})", version.lang().name()))
        .collect();
    pairs.sort();
    pairs.dedup();
    builder.push(
        order.of(&ids),
        Kind::UntranslatedFragment,
        Kind::UntranslatedFragment.severity(),
        ids,
        format!(
            "{} legal forms or requisites labels in the {} version: {}.",
            other.name(),
            version.lang().name(),
            pairs.join(", ")
        ),
    );
}

/// The pieces of `text` between tabs and line ends (table cells, lines), each cut after its
/// sentence punctuation (`.`, `!`, `?`, `;`) and kept with it; no piece is empty. Sentences
/// end at their punctuation: a rough split is enough to find a sentence of the other
/// language, and far cheaper than full sentence segmentation. The marks are ASCII, so the
/// text is cut byte by byte without decoding it.
fn rough_sentences(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let (mut start, mut at) = (0, 0);
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(at) {
            at += 1;
            match b {
                b'\t' | b'\n' | b'\r' => {
                    let piece = &text[start..at - 1];
                    start = at;
                    if !piece.is_empty() {
                        return Some(piece);
                    }
                }
                b'.' | b'!' | b'?' | b';' => {
                    let piece = &text[start..at];
                    start = at;
                    return Some(piece);
                }
                _ => {}
            }
        }
        let piece = &text[start..];
        start = text.len();
        (!piece.is_empty()).then_some(piece)
    })
}

/// The non-empty runs of [`is_alphanumeric`] characters of `text`. ASCII and the Cyrillic
/// letters led by `D0`, `D1` and `D3` (U+0400–U+047F, U+04C0–U+04FF), the bulk of the text,
/// are told by their first byte without being decoded.
fn alphanumeric_runs(text: &str) -> impl Iterator<Item = &str> {
    crate::words::pieces_between(
        text,
        |lead| matches!(lead, 0xD0 | 0xD1 | 0xD3),
        |c| !is_alphanumeric(c),
    )
}

/// The words of `sentence` that do not start with a capital (names, and the first word of a
/// sentence).
fn uncapitalized_words(sentence: &str) -> impl Iterator<Item = &str> {
    sentence.split_whitespace().filter(|word| {
        !word
            .trim_start_matches(|c: char| !is_alphanumeric(c))
            .starts_with(char::is_uppercase)
    })
}

/// `sentence` without its capitalized words.
fn without_capitalized_words(sentence: &str) -> String {
    uncapitalized_words(sentence).collect::<Vec<_>>().join(" ")
}

/// Whether `sentence` may be in `other`, the language of the other version. Most sentences
/// are plainly in their version's language: a Kazakh sentence has Kazakh-only letters, a
/// Russian one none. Only the others are worth a detector.
fn is_suspicious(sentence: &str, other: Lang) -> bool {
    let (mut kazakh, mut cyrillic) = (0usize, 0usize);
    for c in sentence.chars() {
        // The basic alphabet А–я, most letters of either language, is Cyrillic and not
        // Kazakh-only, and ASCII is neither: both told by a range check first.
        if ('\u{0410}'..='\u{044F}').contains(&c) {
            cyrillic += 1;
            continue;
        }
        if c.is_ascii() {
            continue;
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphanumeric_runs_are_the_words_between_other_characters() {
        for text in [
            "",
            "АО «Банк»",
            "ТОО-БИН:123 ә\u{483}ӘҚ\u{4c0}x\u{a0}\u{5d0}é",
        ] {
            let expected: Vec<&str> = text
                .split(|c: char| !is_alphanumeric(c))
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(
                alphanumeric_runs(text).collect::<Vec<_>>(),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn rough_sentences_are_the_sentences_of_the_cells() {
        for text in [
            "",
            "a",
            "a.b!c?d;e",
            "a.\n\nb\tc.\r\nd..",
            "\t.\n;",
            "Бірінші сөйлем. Екінші!\tКесте",
        ] {
            let expected: Vec<&str> = text
                .split(['\t', '\n', '\r'])
                .flat_map(|cell| cell.split_inclusive(['.', '!', '?', ';']))
                .collect();
            assert_eq!(
                rough_sentences(text).collect::<Vec<_>>(),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn kazakh_names_in_russian_text_are_not_kazakh_text() {
        let sentence = "ТОО «Международный онкологический центр томотерапии «ҮМІТ», г. Астана, пр. Абылай хана, Қабанбай батыра";
        assert!(!is_suspicious(
            &without_capitalized_words(sentence),
            Lang::Kk
        ));
        let kazakh = "Тапсырыс беруші емдеу ережелерін бұзған жағдайда қызмет тоқтатылады";
        assert!(is_suspicious(&without_capitalized_words(kazakh), Lang::Kk));
    }
}
