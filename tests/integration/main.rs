//! Integration tests, one binary with a module per area.

mod alignment;
mod architecture;
mod corpus;
mod corpus_report;
#[cfg(feature = "csv")]
mod csv_export;
mod divergences;
#[cfg(feature = "docx")]
mod docx_build;
mod errors;
#[cfg(feature = "serde")]
mod evaluation;
mod formats;
mod generated_documents;
mod html_reader;
mod meaning;
mod mutations;
mod packs;
mod pdf_reader;
mod properties;
#[cfg(feature = "docx")]
mod readers;
mod regression;
mod report_pages;
mod robustness;
mod shifts;
#[cfg(any(feature = "html", feature = "pdf"))]
mod web_pdf_samples;

use kzru_align::{BilingualDocument, Clause, Finding, FindingKind, Lang, Version};

/// The corpus documents, by file stem.
pub const CORPUS_STEMS: [&str; 5] = [
    "mycar-myverify",
    "kao-autocheck",
    "aitu-sauda",
    "idcollect",
    "kazeuromobile-simply",
];

/// The project's corpus folder.
pub fn corpus_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Loads a corpus document by file stem.
pub fn corpus_doc(stem: &str) -> BilingualDocument {
    let path = format!("{}/corpus/{stem}.txt", env!("CARGO_MANIFEST_DIR"));
    BilingualDocument::from_path(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The version in `lang`, which must exist.
pub fn version(doc: &BilingualDocument, lang: Lang) -> &Version {
    doc.version(lang)
        .unwrap_or_else(|| panic!("no {lang} version"))
}

/// The clause numbered `number`, which must exist.
pub fn clause<'a>(version: &'a Version, number: &str) -> &'a Clause {
    version
        .find(number)
        .unwrap_or_else(|| panic!("no clause {number} in the {} version", version.lang()))
}

/// `(kind, lang, line)` of every finding of the document, in order.
pub fn finding_summary(doc: &BilingualDocument) -> Vec<(FindingKind, Option<Lang>, Option<usize>)> {
    doc.all_findings()
        .map(|f: &Finding| (f.kind(), f.lang(), f.line()))
        .collect()
}
