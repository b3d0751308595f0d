//! The HTML and PDF readers on the real samples in `../shared/formats/` (public documents
//! without a licence: read from there, never copied into the project; `KZRU_SHARED` names
//! another `shared` folder, for a worktree that has none beside it). Without the folder
//! these tests print a note and check nothing.

use std::path::{Path, PathBuf};

#[cfg(feature = "pdf")]
use kzru_align::Source;
use kzru_align::{Aligner, BilingualDocument, Lang};

fn sample(name: &str) -> Option<PathBuf> {
    let shared = std::env::var_os("KZRU_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    );
    let path = shared.join("formats").join(name);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("note: {} is absent: skipped", path.display());
        None
    }
}

/// The hierarchical clause numbers of a version, as written.
fn numbers(doc: &BilingualDocument, lang: Lang) -> Vec<String> {
    doc.version(lang)
        .map(|v| {
            v.clauses()
                .iter()
                .filter_map(|c| c.number().filter(|n| n.is_hierarchical()))
                .map(|n| n.as_str().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Aligns a kk/ru pair of files: `(numbered Kazakh clauses, how many of them are linked to
/// the Russian clause of the same number)`.
fn aligned_numbers(kk: &Path, ru: &Path) -> (usize, usize) {
    let doc = BilingualDocument::from_paths(kk, ru).unwrap_or_else(|e| panic!("{e}"));
    let alignment = Aligner::new().align(&doc);
    let kk_version = doc.version(Lang::Kk).expect("a Kazakh version");
    let numbered: Vec<_> = kk_version
        .clauses()
        .iter()
        .filter(|c| c.is_numbered())
        .collect();
    let same = numbered
        .iter()
        .filter(|c| {
            alignment.counterparts(c.id()).iter().any(|id| {
                doc.clause(*id).and_then(|r| r.number()).map(|n| n.as_str())
                    == c.number().map(|n| n.as_str())
            })
        })
        .count();
    (numbered.len(), same)
}

#[cfg(feature = "html")]
#[test]
fn kud_app_pages_align_section_by_section() {
    let (Some(kk), Some(ru)) = (
        sample("westcoastalmaty-kud-app__privacy.kk.html"),
        sample("westcoastalmaty-kud-app__privacy.ru.html"),
    ) else {
        return;
    };
    let doc = BilingualDocument::from_paths(&kk, &ru).unwrap();
    let expected: Vec<String> = (1..=9).map(|n| format!("{n}.")).collect();
    assert_eq!(numbers(&doc, Lang::Kk), expected);
    assert_eq!(numbers(&doc, Lang::Ru), expected);
    // The language switcher in the page header is not text of the policy.
    let kk_text = doc.sources()[0].text();
    assert!(!kk_text.contains("Русский") && !kk_text.contains("English"));
    assert_eq!(aligned_numbers(&kk, &ru), (9, 9));
}

#[cfg(feature = "html")]
#[test]
fn word_exported_page_numbers_come_from_data_list_text() {
    let Some(path) = sample("tensendme-tensendme__confidentiality.ru.html") else {
        return;
    };
    let doc = BilingualDocument::from_path(&path).unwrap();
    assert_eq!(numbers(&doc, Lang::Ru), ["1.", "2.", "3.", "4.", "5."]);
    let first = doc.version(Lang::Ru).unwrap().find("1").unwrap();
    assert_eq!(
        doc.origin(first).map(ToString::to_string).as_deref(),
        Some("body > ol > li:nth-of-type(1) > p:nth-of-type(1)")
    );
}

#[cfg(feature = "pdf")]
#[test]
fn the_same_policy_as_pdf_and_as_html_has_the_same_clauses() {
    let (Some(pdf), Some(html)) = (
        sample("tensendme-tensendme__confidentiality.ru.pdf"),
        sample("tensendme-tensendme__confidentiality.ru.html"),
    ) else {
        return;
    };
    let pdf = BilingualDocument::from_path(&pdf).unwrap();
    let html = BilingualDocument::from_path(&html).unwrap();
    assert_eq!(numbers(&pdf, Lang::Ru), numbers(&html, Lang::Ru));
}

#[cfg(feature = "pdf")]
#[test]
fn gov4c_offer_pdfs_align_clause_by_clause() {
    let (Some(kk), Some(ru)) = (
        sample("ManapYereke-booking__gov4c_public_offer.kk.pdf"),
        sample("ManapYereke-booking__gov4c_public_offer.ru.pdf"),
    ) else {
        return;
    };
    let source = Source::from_path(&kk).unwrap();
    // Latin `ə` from the font is folded into Kazakh `ә`; page numbers are dropped.
    assert!(!source.text().contains('ə') && source.text().contains('ә'));
    assert!(
        !source
            .text()
            .lines()
            .any(|l| l.trim().parse::<u32>().is_ok())
    );
    let doc = BilingualDocument::from_paths(&kk, &ru).unwrap();
    let sections = |lang| {
        numbers(&doc, lang)
            .into_iter()
            .filter(|n| n.matches('.').count() == 1)
            .count()
    };
    assert_eq!((sections(Lang::Kk), sections(Lang::Ru)), (9, 9));
    let (numbered, same) = aligned_numbers(&kk, &ru);
    assert!(numbered >= 45 && same == numbered, "{same} of {numbered}");
}

#[cfg(feature = "pdf")]
#[test]
fn lukoil_rules_pdfs_align_clause_by_clause() {
    let (Some(kk), Some(ru)) = (
        sample("chuckk589-lukoil__genesis_promo_rules.kk.pdf"),
        sample("chuckk589-lukoil__genesis_promo_rules.ru.pdf"),
    ) else {
        return;
    };
    let (numbered, same) = aligned_numbers(&kk, &ru);
    assert!(
        numbered >= 70 && same * 100 >= numbered * 95,
        "{same} of {numbered}"
    );
}
