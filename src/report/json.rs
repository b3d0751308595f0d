//! The JSON reports: the schema types of one aligned document (`docs/align-json.md`) and of a
//! corpus (`docs/corpus-report.md`), serialized with the `serde` feature.

use super::view::AlignedDocument;
use crate::clause::sibling_positions;
#[cfg(feature = "serde")]
use crate::corpus::CorpusAnalysis;
use crate::read::Origin;
use crate::{BilingualDocument, ClauseId, ClauseKind, Divergence, Lang, Link};
#[cfg(feature = "serde")]
use crate::{PolicyDiff, Severity};

/// A clause as the JSON report lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ClauseRecord<'a> {
    /// `"kk-12"`.
    pub id: ClauseId,
    /// `"kk"` or `"ru"`.
    pub lang: Lang,
    /// The number as written (`"9.6."`, `"1)"`), or `None`.
    pub number: Option<&'a str>,
    /// Where the clause stands in its version's tree: its parent's path followed by its own
    /// number's last component (or, without a number, its position among siblings of its
    /// kind). A `7.6.` inside section 9 has the path `[9, 6]`; the title has `[]`.
    pub path: Vec<u32>,
    /// The kind (`section`, `clause`, `item`, …).
    pub kind: ClauseKind,
    /// 1-based line in its own file.
    pub line: usize,
    /// The enclosing clause.
    pub parent: Option<ClauseId>,
    /// The normalized text.
    pub text: &'a str,
    /// Where the clause stands in its original Word, PDF or HTML file (`None`, and absent
    /// from the JSON, for plain text, whose `line` is the file's own).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub origin: Option<&'a Origin>,
}

/// The files the two versions come from, `{"kk": …, "ru": …}`.
pub type SourceFiles<'a> = crate::ByLang<Option<&'a str>>;

/// The JSON report of an alignment: `{"source", "clauses", "links", "divergences"}`.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AlignmentReport<'a> {
    /// The files of the two versions.
    pub source: SourceFiles<'a>,
    /// Every clause of both versions, Kazakh first, in document order.
    pub clauses: Vec<ClauseRecord<'a>>,
    /// The links, in document order.
    pub links: &'a [Link],
    /// The divergences.
    pub divergences: &'a [Divergence],
}

impl<'a> AlignmentReport<'a> {
    /// Collects the report of `document`: an [`AlignedDocument`] or anything that converts
    /// into one, such as an `&Alignment`.
    pub fn new(document: impl Into<AlignedDocument<'a>>) -> AlignmentReport<'a> {
        let AlignedDocument {
            doc,
            links,
            divergences,
        } = document.into();
        AlignmentReport::of_parts(doc, links, divergences)
    }

    /// Collects the report of a document's links and divergences.
    pub fn of_parts(
        doc: &'a BilingualDocument,
        links: &'a [Link],
        divergences: &'a [Divergence],
    ) -> AlignmentReport<'a> {
        let file = |lang: Lang| {
            doc.version(lang)
                .and_then(|v| doc.source(v.source()))
                .map(|s| s.name())
        };
        let mut clauses = Vec::new();
        for version in doc.versions() {
            let positions = sibling_positions(version.clauses());
            let mut paths: Vec<Vec<u32>> = Vec::with_capacity(version.clauses().len());
            for clause in version.clauses() {
                // Parents come before their children, so the parent's path is known.
                let mut path = clause.parent().map_or_else(Vec::new, |p| {
                    paths.get(p.index).cloned().unwrap_or_default()
                });
                match clause.number() {
                    Some(n) => path.push(n.last()),
                    // Titles, headings and preamble paragraphs stand before the numbering.
                    None if clause.parent().is_some() => {
                        path.push(positions[clause.id().index].0 as u32)
                    }
                    None => {}
                }
                paths.push(path.clone());
                clauses.push(ClauseRecord {
                    id: clause.id(),
                    lang: clause.lang(),
                    number: clause.number().map(|n| n.as_str()),
                    path,
                    kind: clause.kind(),
                    line: clause.line(),
                    parent: clause.parent(),
                    text: clause.text(),
                    origin: doc.origin(clause),
                });
            }
        }
        AlignmentReport {
            source: SourceFiles {
                kk: file(Lang::Kk),
                ru: file(Lang::Ru),
            },
            clauses,
            links,
            divergences,
        }
    }
}

/// The JSON report of a file holding several documents (a [`Pack`](crate::Pack)):
/// `{"source", "blocks", "documents"}`, each document an [`AlignmentReport`] with its `name`
/// (`docs/align-json.md`).
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PackReport<'a> {
    /// The file.
    pub source: &'a str,
    /// Its language blocks, in order.
    pub blocks: &'a [crate::LanguageBlock],
    /// One report per document, in the order of the file.
    pub documents: Vec<NamedReport<'a>>,
}

/// One document's report in a [`PackReport`]: its name (`file.txt#2`) and the keys of its
/// [`AlignmentReport`].
#[derive(Clone, Debug)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NamedReport<'a> {
    /// `file.txt#2`.
    pub name: String,
    /// The document's report.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub report: AlignmentReport<'a>,
}

/// A document in the JSON corpus report.
#[cfg(feature = "serde")]
#[derive(serde::Serialize)]
struct DocumentEntry<'a> {
    name: &'a str,
    versions: Vec<VersionEntry>,
    divergences: SeverityCounts,
    tmx: Option<String>,
    alignment: AlignmentReport<'a>,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize)]
struct VersionEntry {
    lang: Lang,
    file: String,
    clauses: usize,
    lines: [usize; 2],
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize)]
struct SeverityCounts {
    error: usize,
    warning: usize,
    info: usize,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize)]
struct SimilarityEntry<'a> {
    a: &'a str,
    b: &'a str,
    lang: Lang,
    similarity: f32,
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize)]
struct FamilyEntry<'a> {
    members: Vec<&'a str>,
    diffs: &'a [PolicyDiff],
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize)]
struct SkippedEntry {
    file: String,
    error: String,
}

/// The JSON corpus report (`docs/corpus-report.md`).
#[cfg(feature = "serde")]
#[derive(serde::Serialize)]
pub(crate) struct CorpusReport<'a> {
    generated_by: String,
    documents: Vec<DocumentEntry<'a>>,
    skipped: Vec<SkippedEntry>,
    similarities: Vec<SimilarityEntry<'a>>,
    compared_pairs: usize,
    families: Vec<FamilyEntry<'a>>,
}

#[cfg(feature = "serde")]
impl<'a> CorpusReport<'a> {
    /// Collects the report of `analysis`; `tmx` holds the TMX file written for each document.
    pub(crate) fn new(
        analysis: &'a CorpusAnalysis,
        tmx: &[Option<std::path::PathBuf>],
    ) -> CorpusReport<'a> {
        let docs = &analysis.documents;
        let documents = docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let count =
                    |s: Severity| d.divergences.iter().filter(|x| x.severity() == s).count();
                DocumentEntry {
                    name: &d.name,
                    versions: d
                        .doc
                        .versions()
                        .iter()
                        .map(|v| VersionEntry {
                            lang: v.lang(),
                            file: d
                                .doc
                                .source(v.source())
                                .map_or_else(String::new, |s| s.name().to_owned()),
                            clauses: v.clauses().len(),
                            lines: [v.line(), v.end_line()],
                        })
                        .collect(),
                    divergences: SeverityCounts {
                        error: count(Severity::Error),
                        warning: count(Severity::Warning),
                        info: count(Severity::Info),
                    },
                    tmx: tmx
                        .get(i)
                        .and_then(Option::as_ref)
                        .and_then(|p| p.file_name())
                        .map(|n| n.to_string_lossy().into_owned()),
                    alignment: AlignmentReport::new(d),
                }
            })
            .collect();
        CorpusReport {
            generated_by: format!("kzru-align {}", env!("CARGO_PKG_VERSION")),
            documents,
            skipped: analysis
                .skipped
                .iter()
                .map(|s| SkippedEntry {
                    file: s.path.display().to_string(),
                    error: s.error.to_string(),
                })
                .collect(),
            similarities: analysis
                .similarities
                .iter()
                .map(|p| SimilarityEntry {
                    a: &docs[p.a].name,
                    b: &docs[p.b].name,
                    lang: p.lang,
                    similarity: p.similarity,
                })
                .collect(),
            compared_pairs: analysis.compared_pairs,
            families: analysis
                .families
                .iter()
                .map(|f| FamilyEntry {
                    members: f.members.iter().map(|&m| docs[m].name.as_str()).collect(),
                    diffs: &f.diffs,
                })
                .collect(),
        }
    }
}
