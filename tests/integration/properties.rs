//! Properties over generated bilingual documents, over markup soup and over arbitrary text
//! and bytes: no panic, spans on char boundaries and mapping back to the input, every
//! non-blank byte in exactly one clause, a well-formed tree, every clause in exactly one link,
//! idempotent normalization.
//!
//! A property that loads its input first only means something on the cases that load: each
//! such property counts the cases that reach its invariants and fails when too few do.
//! Arbitrary text and bytes are kept for robustness alone (no panic): they almost never load.
//!
//! The seeds in `tests/proptest-regressions/properties.txt` are replayed by every property of
//! this file; they were found with `document_like()`, which the markup-soup properties keep
//! (the shrunk inputs are also plain tests in `regression.rs`).

use std::sync::atomic::{AtomicUsize, Ordering};

use kzru_align::{Aligner, BilingualDocument, Lang, Source, normalize};
use proptest::prelude::*;

use crate::generated_documents::{Generated, bilingual_document};

/// The share of cases, in percent, that must reach the invariants of a property that loads
/// its input. Generated documents load by construction (100 %); markup soup loads in about
/// nine cases out of ten.
const MIN_REACHED_PERCENT: usize = 80;

/// The cases a property has run and how many reached its invariants.
struct Reach {
    property: &'static str,
    cases: AtomicUsize,
    reached: AtomicUsize,
}

impl Reach {
    const fn new(property: &'static str) -> Reach {
        Reach {
            property,
            cases: AtomicUsize::new(0),
            reached: AtomicUsize::new(0),
        }
    }

    /// Counts one case, which reached the invariants or not.
    fn count(&self, reached: bool) {
        self.cases.fetch_add(1, Ordering::Relaxed);
        self.reached
            .fetch_add(usize::from(reached), Ordering::Relaxed);
    }

    /// Fails unless at least [`MIN_REACHED_PERCENT`] of the cases reached the invariants.
    fn assert_most_reached(&self) {
        let cases = self.cases.load(Ordering::Relaxed);
        let reached = self.reached.load(Ordering::Relaxed);
        assert!(
            cases > 0 && reached * 100 >= cases * MIN_REACHED_PERCENT,
            "{}: only {reached} of {cases} cases reached the invariants",
            self.property
        );
    }
}

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

/// Loads `text` as one document and checks its invariants; `Ok(false)` when it does not load.
fn check_document(text: &str) -> Result<bool, TestCaseError> {
    let Ok(doc) = BilingualDocument::from_text("prop.txt", text) else {
        return Ok(false);
    };
    check_loaded(&doc, text)?;
    Ok(true)
}

/// The invariants of a document loaded from the single text `text`: spans on char boundaries
/// inside their version, lines, ids and the tree consistent, every non-blank byte of a version
/// in exactly one clause.
fn check_loaded(doc: &BilingualDocument, text: &str) -> Result<(), TestCaseError> {
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

/// The normalization invariants: idempotent, offsets back to char boundaries of the input,
/// repaired words where the input has them.
fn check_normalization(text: &str) -> Result<(), TestCaseError> {
    let once = normalize(text);
    let twice = normalize(once.text());
    prop_assert_eq!(twice.text(), once.text());
    for (at, _) in once.text().char_indices() {
        let back = once.to_original(at);
        prop_assert!(
            back <= text.len() && text.is_char_boundary(back),
            "{} -> {}",
            at,
            back
        );
    }
    for repair in once.repairs() {
        // The word may enclose stripped markup (`a<i>Дербес`): its ends are the word's.
        let written = &text[repair.span.range()];
        prop_assert_eq!(written.chars().next(), repair.word.chars().next());
        prop_assert_eq!(written.chars().next_back(), repair.word.chars().next_back());
    }
    Ok(())
}

/// The alignment invariants of a pair: every clause in exactly one link, scores in `0..=1`,
/// divergences naming clauses that exist.
fn check_alignment(doc: &BilingualDocument) -> Result<(), TestCaseError> {
    let alignment = Aligner::new().align(doc);
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
        for lang in Lang::ALL {
            for id in divergence.side(lang) {
                prop_assert!(doc.clause(*id).is_some());
            }
        }
    }
    Ok(())
}

/// The generated versions as a pair of inputs; `None` when they do not load as a pair.
fn pair(generated: &Generated) -> Option<BilingualDocument> {
    BilingualDocument::from_pair(
        Source::from_text("kk.txt", generated.kk.as_str()).ok()?,
        Source::from_text("ru.txt", generated.ru.as_str()).ok()?,
    )
    .ok()
}

#[test]
fn generated_documents_keep_the_invariants() {
    static REACH: Reach = Reach::new("generated_documents_keep_the_invariants");
    proptest!(ProptestConfig::with_cases(256), |(generated in bilingual_document(6))| {
        let text = generated.joined();
        let reached = check_document(&text)?;
        REACH.count(reached);
        check_normalization(&text)?;
    });
    REACH.assert_most_reached();
}

#[test]
fn every_clause_is_in_exactly_one_link() {
    static REACH: Reach = Reach::new("every_clause_is_in_exactly_one_link");
    proptest!(ProptestConfig::with_cases(128), |(generated in bilingual_document(6))| {
        let doc = pair(&generated);
        REACH.count(doc.is_some());
        if let Some(doc) = doc {
            check_alignment(&doc)?;
        }
    });
    REACH.assert_most_reached();
}

#[test]
fn markup_soup_keeps_the_invariants() {
    static REACH: Reach = Reach::new("markup_soup_keeps_the_invariants");
    proptest!(ProptestConfig::with_cases(256), |(text in document_like())| {
        let reached = check_document(&text)?;
        REACH.count(reached);
        check_normalization(&text)?;
    });
    REACH.assert_most_reached();
}

/// Stray bytes in a generated document: mostly invalid UTF-8, so no invariant to reach; the
/// loader must refuse or accept without a panic, and what it accepts keeps the invariants.
#[test]
fn stray_bytes_in_a_document_never_panic() {
    let stray = prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4);
    proptest!(ProptestConfig::with_cases(64), |(generated in bilingual_document(2), stray in stray)| {
        let mut bytes = generated.joined().into_bytes();
        for (at, byte) in stray {
            let at = at.index(bytes.len() + 1);
            bytes.insert(at, byte);
        }
        if let Ok(doc) = BilingualDocument::from_bytes("stray.bin", &bytes) {
            let text = doc.sources()[0].text().to_owned();
            check_loaded(&doc, &text)?;
        }
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Arbitrary text almost never loads (too few Cyrillic letters): robustness only.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC*") {
        check_document(&text)?;
    }

    /// Arbitrary bytes almost never decode: robustness only.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = BilingualDocument::from_bytes("bytes.bin", &bytes);
    }
}
