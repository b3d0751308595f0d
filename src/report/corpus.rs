//! The corpus report on disk: which files make it up and the order they are written in (one
//! TMX file per bilingual document, `report.json`, `divergences.csv`, the pages of each
//! document and of each template family, then the index, which links the others).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::document_page::{DocumentPage, PageLinks};
use super::family_page::FamilyPage;
use super::index_page::{IndexPage, PageNames};
use super::paging::write_paged;
use super::tmx::write_tmx;
use super::write::{create_folder, write_atomic};
use crate::corpus::{CorpusAnalysis, DocumentResult};
use crate::{Lang, Result};

/// The most bytes a page of the report may have by default: 5 MB.
pub const DEFAULT_PAGE_LIMIT: usize = 5_000_000;

/// The files a corpus report consists of.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorpusFiles {
    /// `index.html`, the first page of the index.
    pub html: PathBuf,
    /// Every HTML page written: the pages of each document, of each family, then of the
    /// index.
    pub pages: Vec<PathBuf>,
    /// `report.json` (with the `serde` feature).
    pub json: Option<PathBuf>,
    /// `divergences.csv` (with the `csv` feature).
    pub csv: Option<PathBuf>,
    /// One TMX file per bilingual document, in document order (`None` for one-language ones).
    pub tmx: Vec<Option<PathBuf>>,
}

/// Writes the corpus report. Configure once, write many.
///
/// ```no_run
/// use kzru_align::corpus::{CorpusOptions, analyze_dir};
/// use kzru_align::report::CorpusReport;
///
/// let analysis = analyze_dir("corpus".as_ref(), &CorpusOptions::new())?;
/// let files = CorpusReport::new().csv_bom(true).write(&analysis, "target/report".as_ref())?;
/// println!("{}", files.html.display());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct CorpusReport {
    page_limit: usize,
    csv_bom: bool,
}

impl Default for CorpusReport {
    fn default() -> CorpusReport {
        CorpusReport::new()
    }
}

impl CorpusReport {
    /// Pages of at most [`DEFAULT_PAGE_LIMIT`] bytes; a CSV file without a byte order mark.
    pub const fn new() -> CorpusReport {
        CorpusReport {
            page_limit: DEFAULT_PAGE_LIMIT,
            csv_bom: false,
        }
    }

    /// The most bytes an HTML page may have: a larger one is cut into parts (`doc-x.html`,
    /// `doc-x.2.html`, …) linked to each other. A page holds one block (a divergence, a row of
    /// the side-by-side view, a document of the index) at least, and every block cuts its
    /// text to 32 KiB a clause, so a page never exceeds the limit by more than one block.
    pub const fn page_limit(mut self, bytes: usize) -> CorpusReport {
        self.page_limit = bytes;
        self
    }

    /// Whether `divergences.csv` starts with a UTF-8 byte order mark, for Excel (see
    /// `CsvOptions::bom`).
    pub const fn csv_bom(mut self, bom: bool) -> CorpusReport {
        self.csv_bom = bom;
        self
    }

    /// Writes the report of `analysis` into `dir` (created if missing): `index.html` and the
    /// pages it links, `report.json` (with the `serde` feature, schema in
    /// `docs/corpus-report.md`), `divergences.csv` (with the `csv` feature, `docs/csv.md`) and
    /// a TMX file per bilingual document. Every file is written atomically.
    ///
    /// # Errors
    ///
    /// [`Error::Write`](crate::Error::Write) naming the folder or the file that could not be
    /// written; the files written before it stay in place.
    pub fn write(&self, analysis: &CorpusAnalysis, dir: &Path) -> Result<CorpusFiles> {
        create_folder(dir)?;
        let mut files = CorpusFiles::default();
        let mut used = HashSet::new();
        for document in &analysis.documents {
            let bilingual = document.doc.version(Lang::Kk).is_some()
                && document.doc.version(Lang::Ru).is_some();
            if !bilingual {
                files.tmx.push(None);
                continue;
            }
            let path = dir.join(unique_name(&tmx_stem(document), "tmx", &mut used));
            write_atomic(&path, |out| write_tmx(document, out))?;
            files.tmx.push(Some(path));
        }
        #[cfg(feature = "serde")]
        {
            let path = dir.join("report.json");
            let report = super::json::CorpusReport::new(analysis, &files.tmx);
            write_atomic(&path, |out| {
                serde_json::to_writer_pretty(&mut *out, &report).map_err(std::io::Error::other)?;
                out.write_all(b"\n")
            })?;
            files.json = Some(path);
        }
        #[cfg(feature = "csv")]
        {
            let path = dir.join("divergences.csv");
            let options = super::divergence_csv::CsvOptions::new().bom(self.csv_bom);
            write_atomic(&path, |out| {
                let mut csv = super::divergence_csv::DivergenceCsv::new(out, options)?;
                for document in &analysis.documents {
                    csv.write_document(&document.name, document)?;
                }
                csv.finish().map(drop)
            })?;
            files.csv = Some(path);
        }
        let mut names = page_names(analysis, &files);
        self.write_pages(analysis, &mut names, dir, &mut files)?;
        Ok(files)
    }

    /// Writes the pages of every document and family, then of the index, which links to
    /// where each family's diffs landed.
    fn write_pages(
        &self,
        analysis: &CorpusAnalysis,
        names: &mut PageNames,
        dir: &Path,
        files: &mut CorpusFiles,
    ) -> Result<()> {
        let limit = self.page_limit;
        for (index, document) in analysis.documents.iter().enumerate() {
            let links = PageLinks {
                index: Some(INDEX.to_owned()),
                tmx: names.tmx[index].clone(),
            };
            let page = DocumentPage::new(document.into(), &document.name, links);
            let first = &names.documents[index];
            let (written, _) = write_paged(&page, &|n| part(first, n), limit, dir)?;
            files.pages.extend(written);
        }
        for (number, first) in names.families.iter().enumerate() {
            let page = FamilyPage::new(analysis, number, &names.documents, INDEX);
            let (written, page_of) = write_paged(&page, &|n| part(first, n), limit, dir)?;
            files.pages.extend(written);
            let diffs = analysis.families[number].diffs.len();
            names.family_diffs.push(
                (0..diffs)
                    .map(|d| {
                        let page = page.diff_block(d).map_or(0, |b| page_of[b]);
                        format!("{}#diff-{d}", part(first, page))
                    })
                    .collect(),
            );
        }
        let index = IndexPage::new(analysis, names);
        let (written, _) = write_paged(&index, &|n| part(INDEX, n), limit, dir)?;
        files.html = written[0].clone();
        files.pages.extend(written);
        Ok(())
    }
}

/// The first page of the index.
const INDEX: &str = "index.html";

/// Writes the corpus report into `dir` with the default [`CorpusReport`]: pages of at most
/// 5 MB, a CSV file without a byte order mark.
///
/// # Errors
///
/// [`Error::Write`](crate::Error::Write) naming the folder or the file that could not be
/// written; the files written before it stay in place.
pub fn write_corpus_report(analysis: &CorpusAnalysis, dir: &Path) -> Result<CorpusFiles> {
    CorpusReport::new().write(analysis, dir)
}

/// Page `n` of the paged page whose first file is `first`: `first` itself, then
/// `doc-x.2.html`, `doc-x.3.html`, …
fn part(first: &str, n: usize) -> String {
    if n == 0 {
        return first.to_owned();
    }
    let stem = first.strip_suffix(".html").unwrap_or(first);
    format!("{stem}.{}.html", n + 1)
}

/// The names of the pages and files the pages link to. A document's page is
/// `doc-{stem}.html`, its stem reduced to letters, digits, `-` and `_` (no dot, so that no
/// page name is a part of another: parts add `.2`, `.3`); a family's is `family-{n}.html`.
fn page_names(analysis: &CorpusAnalysis, files: &CorpusFiles) -> PageNames {
    let file_name = |p: &PathBuf| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let mut used = HashSet::new();
    PageNames {
        documents: analysis
            .documents
            .iter()
            .map(|d| {
                unique_name(
                    &format!("doc-{}", page_stem(&tmx_stem(d))),
                    "html",
                    &mut used,
                )
            })
            .collect(),
        families: (1..=analysis.families.len())
            .map(|n| format!("family-{n}.html"))
            .collect(),
        family_diffs: Vec::new(),
        tmx: files
            .tmx
            .iter()
            .map(|p| p.as_ref().map(file_name))
            .collect(),
        csv: files.csv.as_ref().map(file_name),
        json: files.json.as_ref().map(file_name),
    }
}

/// A file stem fit for a page name and a link: letters, digits, `-` and `_` kept, anything
/// else (dots, spaces, `#`, `%`, `?`) as `_`, at most 80 characters.
fn page_stem(stem: &str) -> String {
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    if safe.is_empty() {
        "document".to_owned()
    } else {
        safe
    }
}

/// The name a document's TMX file starts with: the stem of its first source file.
fn tmx_stem(document: &DocumentResult) -> String {
    document
        .doc
        .sources()
        .first()
        .and_then(|s| {
            Path::new(s.name())
                .file_stem()
                .map(|n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "document".to_owned())
}

/// `{stem}.{extension}`, or `{stem}-2.{extension}`, `{stem}-3.{extension}`, … when an
/// earlier file of the same stem took it; the name is recorded in `used`.
fn unique_name(stem: &str, extension: &str, used: &mut HashSet<String>) -> String {
    let mut name = format!("{stem}.{extension}");
    let mut n = 2;
    while !used.insert(name.clone()) {
        name = format!("{stem}-{n}.{extension}");
        n += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::{CorpusAnalysis, page_stem, part, unique_name, write_corpus_report};
    use crate::Error;

    #[test]
    fn documents_of_the_same_stem_get_numbered_tmx_files() {
        let mut used = HashSet::new();
        assert_eq!(unique_name("policy", "tmx", &mut used), "policy.tmx");
        assert_eq!(unique_name("policy", "tmx", &mut used), "policy-2.tmx");
        assert_eq!(unique_name("offer", "tmx", &mut used), "offer.tmx");
        assert_eq!(unique_name("policy", "tmx", &mut used), "policy-3.tmx");
    }

    #[test]
    fn page_names_are_safe_in_a_link_and_parts_never_clash_with_another_page() {
        assert_eq!(page_stem("policy v2.1 #3 (ру)"), "policy_v2_1__3__ру_");
        assert_eq!(page_stem("..."), "___");
        assert_eq!(page_stem(""), "document");
        assert_eq!(part("doc-a.html", 0), "doc-a.html");
        assert_eq!(part("doc-a.html", 1), "doc-a.2.html");
        // A stem keeps no dot, so `doc-a.2.html` can only be a part of `doc-a.html`.
        assert!(!page_stem("a.2").contains('.'));
    }

    #[test]
    fn a_report_folder_that_cannot_be_created_is_named_in_the_error() {
        // A regular file where the report's parent folder should be.
        let blocker = tempfile::NamedTempFile::new().unwrap();
        let dir = blocker.path().join("report");
        let err = write_corpus_report(&CorpusAnalysis::default(), &dir).unwrap_err();
        assert!(
            matches!(&err, Error::Write { path, .. } if *path == dir),
            "{err:?}"
        );
        assert!(err.to_string().starts_with(&format!("{}: ", dir.display())));
    }
}
