//! Properties over arbitrary text and generated document-like text: no panic, spans on char
//! boundaries and mapping back to the input, every non-blank byte in exactly one clause,
//! a well-formed tree, idempotent normalization.

use kzru_align::{BilingualDocument, normalize};
use proptest::prelude::*;

/// Pieces that real documents are made of, including the awkward ones.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1. ".to_owned()),
        Just("2.1. ".to_owned()),
        Just("2.2.1 ".to_owned()),
        Just("7.6. ".to_owned()),
        Just("3) ".to_owned()),
        Just("IV. ".to_owned()),
        Just("а) ".to_owned()),
        Just("- ".to_owned()),
        Just("• ".to_owned()),
        Just(" - ✓ ".to_owned()),
        Just("### ".to_owned()),
        Just("**".to_owned()),
        Just("\t".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("\u{200b}".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("Дербес деректер ".to_owned()),
        Just("Персональные данные ".to_owned()),
        Just("жəне ".to_owned()),
        Just("соokie ".to_owned()),
        Just("<i>".to_owned()),
        Just("</i>".to_owned()),
        Just("[a](mailto:a) ".to_owned()),
        Just("&amp;".to_owned()),
        Just("&lt;".to_owned()),
        Just("&#42;".to_owned()),
        Just("; ".to_owned()),
        Just(". ".to_owned()),
        Just(": ".to_owned()),
        "[а-яәіңғүұқөһА-ЯӘІ]{1,8} ",
        "[a-zA-Z0-9]{1,6} ",
        "\\PC{0,6}",
    ]
}

fn document_like() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..120).prop_map(|parts| parts.concat())
}

fn check_document(text: &str) -> Result<(), TestCaseError> {
    let Ok(doc) = BilingualDocument::from_text("prop.txt", text) else {
        return Ok(());
    };
    let source = &doc.sources()[0];
    let original = source.text();
    prop_assert_eq!(original, text);
    for version in doc.versions() {
        let vspan = version.span();
        prop_assert!(
            original.is_char_boundary(vspan.start()) && original.is_char_boundary(vspan.end())
        );
        let mut covered = vec![0u8; original.len()];
        for (index, clause) in version.clauses().iter().enumerate() {
            let span = clause.span();
            prop_assert!(
                original.is_char_boundary(span.start()),
                "start {} of {:?}",
                span.start(),
                clause
            );
            prop_assert!(
                original.is_char_boundary(span.end()),
                "end {} of {:?}",
                span.end(),
                clause
            );
            prop_assert!(vspan.start() <= span.start() && span.end() <= vspan.end());
            prop_assert_eq!(clause.line(), source.line_of(span.start()));
            prop_assert!(clause.line() <= clause.end_line());
            prop_assert_eq!(clause.id().index, index);
            if let Some(parent) = clause.parent() {
                prop_assert!(parent.index < index, "a parent comes before its children");
                prop_assert!(
                    version
                        .clause(parent)
                        .unwrap()
                        .children()
                        .contains(&clause.id())
                );
            }
            for slot in &mut covered[span.range()] {
                *slot += 1;
            }
        }
        for (at, c) in original[vspan.range()].char_indices() {
            let at = vspan.start() + at;
            // White space and invisible format characters alone make a blank line.
            if c.is_whitespace()
                || matches!(
                    c,
                    '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
                )
            {
                prop_assert!(covered[at] <= 1);
            } else {
                prop_assert_eq!(
                    covered[at],
                    1,
                    "byte {} ({:?}) must be in exactly one clause",
                    at,
                    c
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics_and_keeps_the_invariants(text in "\\PC*") {
        check_document(&text)?;
    }

    #[test]
    fn document_like_text_keeps_the_invariants(text in document_like()) {
        check_document(&text)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = BilingualDocument::from_bytes("bytes.bin", &bytes);
    }

    #[test]
    fn normalization_is_idempotent(text in document_like()) {
        let once = normalize(&text);
        let twice = normalize(once.text());
        prop_assert_eq!(twice.text(), once.text());
    }

    #[test]
    fn normalized_offsets_map_to_char_boundaries_of_the_input(text in document_like()) {
        let normalized = normalize(&text);
        for (at, _) in normalized.text().char_indices() {
            let back = normalized.to_original(at);
            prop_assert!(back <= text.len() && text.is_char_boundary(back), "{} -> {}", at, back);
        }
        for repair in normalized.repairs() {
            // The word may enclose stripped markup (`a<i>Дербес`): its ends are the word's.
            let written = &text[repair.span.range()];
            prop_assert_eq!(written.chars().next(), repair.word.chars().next());
            prop_assert_eq!(written.chars().next_back(), repair.word.chars().next_back());
        }
    }
}

/// A bilingual document built from generated Kazakh and Russian versions.
fn bilingual(kk: &str, ru: &str) -> Option<kzru_align::BilingualDocument> {
    kzru_align::BilingualDocument::from_pair(
        kzru_align::Source::from_text("kk", format!("Дербес деректер саясаты\n\n{kk}")).ok()?,
        kzru_align::Source::from_text("ru", format!("Политика персональных данных\n\n{ru}"))
            .ok()?,
    )
    .ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_clause_is_in_exactly_one_link(kk in document_like(), ru in document_like()) {
        let Some(doc) = bilingual(&kk, &ru) else { return Ok(()) };
        let alignment = kzru_align::Aligner::new().align(&doc);
        for version in doc.versions() {
            let mut count = vec![0usize; version.clauses().len()];
            for link in alignment.links() {
                prop_assert!((0.0..=1.0).contains(&link.score()));
                for id in link.side(version.lang()) {
                    count[id.index] += 1;
                }
            }
            prop_assert!(count.iter().all(|&c| c == 1), "{:?}", count);
        }
        for divergence in alignment.divergences() {
            for lang in kzru_align::Lang::ALL {
                for id in divergence.side(lang) {
                    prop_assert!(doc.clause(*id).is_some());
                }
            }
        }
    }
}
