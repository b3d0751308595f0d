//! The corpus report on disk: which files make it up and the order they are written in (one
//! TMX file per bilingual document, `report.json`, then `index.html`, which links the others).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::html;
use super::tmx::write_tmx;
use super::write::{create_folder, write_atomic};
use crate::corpus::{CorpusAnalysis, DocumentResult};
use crate::{Lang, Result};

/// The files a corpus report consists of.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorpusFiles {
    /// `index.html`.
    pub html: PathBuf,
    /// `report.json` (with the `serde` feature).
    pub json: Option<PathBuf>,
    /// One TMX file per bilingual document, in document order (`None` for one-language ones).
    pub tmx: Vec<Option<PathBuf>>,
}

/// Writes the corpus report into `dir` (created if missing): `index.html` (self-contained),
/// `report.json` (with the `serde` feature, schema in `docs/corpus-report.md`) and a TMX file
/// per bilingual document. Every file is written atomically.
///
/// # Errors
///
/// [`Error::Write`](crate::Error::Write) naming the folder or the file that could not be
/// written; the files written before it stay in place.
pub fn write_corpus_report(analysis: &CorpusAnalysis, dir: &Path) -> Result<CorpusFiles> {
    create_folder(dir)?;
    let mut files = CorpusFiles::default();
    let mut used = HashSet::new();
    for document in &analysis.documents {
        let bilingual =
            document.doc.version(Lang::Kk).is_some() && document.doc.version(Lang::Ru).is_some();
        if !bilingual {
            files.tmx.push(None);
            continue;
        }
        let path = dir.join(unique_tmx_name(&tmx_stem(document), &mut used));
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
    let tmx_names: Vec<Option<String>> = files
        .tmx
        .iter()
        .map(|p| {
            p.as_ref()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
        })
        .collect();
    let page = html::render(analysis, &tmx_names);
    let path = dir.join("index.html");
    write_atomic(&path, |out| out.write_all(page.as_bytes()))?;
    files.html = path;
    Ok(files)
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

/// `{stem}.tmx`, or `{stem}-2.tmx`, `{stem}-3.tmx`, … when an earlier document of the same
/// stem took it; the name is recorded in `used`.
fn unique_tmx_name(stem: &str, used: &mut HashSet<String>) -> String {
    let mut name = format!("{stem}.tmx");
    let mut n = 2;
    while !used.insert(name.clone()) {
        name = format!("{stem}-{n}.tmx");
        n += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::{CorpusAnalysis, unique_tmx_name, write_corpus_report};
    use crate::Error;

    #[test]
    fn documents_of_the_same_stem_get_numbered_tmx_files() {
        let mut used = HashSet::new();
        assert_eq!(unique_tmx_name("policy", &mut used), "policy.tmx");
        assert_eq!(unique_tmx_name("policy", &mut used), "policy-2.tmx");
        assert_eq!(unique_tmx_name("offer", &mut used), "offer.tmx");
        assert_eq!(unique_tmx_name("policy", &mut used), "policy-3.tmx");
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
