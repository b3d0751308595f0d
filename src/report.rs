//! Reports of an alignment: a readable text report, a JSON report and TMX 1.4b.
//!
//! The JSON schema is documented in `docs/align-json.md`, the TMX layout in `docs/tmx.md`.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::align::{Alignment, Link};
use crate::clause::{Clause, ClauseId, ClauseKind, sibling_positions};
use crate::diverge::Divergence;
use crate::document::BilingualDocument;
use crate::kind::Severity;
use crate::language::Lang;

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
}

/// The files the two versions come from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SourceFiles<'a> {
    /// The file of the Kazakh version.
    pub kk: Option<&'a str>,
    /// The file of the Russian version.
    pub ru: Option<&'a str>,
}

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
    /// Collects the report of `alignment`.
    pub fn new(alignment: &'a Alignment<'a>) -> AlignmentReport<'a> {
        AlignmentReport::of_parts(
            alignment.document(),
            alignment.links(),
            alignment.divergences(),
        )
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

/// Writes the alignment as TMX 1.4b: one `<tu>` per link with a `<tuv xml:lang="kk">` and a
/// `<tuv xml:lang="ru">` (an empty `<seg/>` for a side without counterpart), clause numbers
/// and lines as `<prop>`s.
pub fn write_tmx<W: Write>(alignment: &Alignment<'_>, out: W) -> io::Result<()> {
    let doc = alignment.document();
    let mut writer = Writer::new_with_indent(out, b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("tmx")
        .with_attribute(("version", "1.4"))
        .write_inner_content(|w| {
            w.create_element("header")
                .with_attributes([
                    ("creationtool", "kzru-align"),
                    ("creationtoolversion", env!("CARGO_PKG_VERSION")),
                    ("segtype", "paragraph"),
                    ("o-tmf", "kzru-align"),
                    ("adminlang", "en"),
                    ("srclang", "kk"),
                    ("datatype", "plaintext"),
                ])
                .write_empty()?;
            w.create_element("body").write_inner_content(|w| {
                for (index, link) in alignment.links().iter().enumerate() {
                    let tuid = (index + 1).to_string();
                    let score = format!("{:.3}", link.score());
                    w.create_element("tu")
                        .with_attribute(("tuid", tuid.as_str()))
                        .write_inner_content(|w| {
                            for lang in Lang::ALL {
                                let clauses: Vec<&Clause> = link
                                    .side(lang)
                                    .iter()
                                    .filter_map(|&id| doc.clause(id))
                                    .collect();
                                let numbers: Vec<&str> = clauses
                                    .iter()
                                    .filter_map(|c| c.number().map(|n| n.as_str()))
                                    .collect();
                                if !numbers.is_empty() {
                                    let kind = format!("x-{lang}-number");
                                    w.create_element("prop")
                                        .with_attribute(("type", kind.as_str()))
                                        .write_text_content(BytesText::new(&numbers.join(" ")))?;
                                }
                                if let Some(first) = clauses.first() {
                                    let kind = format!("x-{lang}-line");
                                    w.create_element("prop")
                                        .with_attribute(("type", kind.as_str()))
                                        .write_text_content(BytesText::new(
                                            &first.line().to_string(),
                                        ))?;
                                }
                            }
                            w.create_element("prop")
                                .with_attribute(("type", "x-score"))
                                .write_text_content(BytesText::new(&score))?;
                            for lang in Lang::ALL {
                                let text = link_text(doc, link.side(lang));
                                w.create_element("tuv")
                                    .with_attribute(("xml:lang", lang.code()))
                                    .write_inner_content(|w| {
                                        if text.is_empty() {
                                            w.create_element("seg").write_empty()?;
                                        } else {
                                            w.create_element("seg")
                                                .write_text_content(BytesText::new(&text))?;
                                        }
                                        Ok::<(), io::Error>(())
                                    })?;
                            }
                            Ok::<(), io::Error>(())
                        })?;
                }
                Ok::<(), io::Error>(())
            })?;
            Ok::<(), io::Error>(())
        })?;
    writer.get_mut().write_all(b"\n")?;
    Ok(())
}

/// Lines as a reader wants them: `12, 14`, or `—` for none.
pub(crate) fn line_list(lines: &[usize]) -> String {
    if lines.is_empty() {
        "—".to_owned()
    } else {
        lines
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn link_text(doc: &BilingualDocument, ids: &[ClauseId]) -> String {
    ids.iter()
        .filter_map(|&id| doc.clause(id))
        .map(Clause::text)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Options of the text report.
#[derive(Clone, Copy, Debug)]
pub struct TextOptions {
    /// Width of each language column in the side-by-side view.
    pub column_width: usize,
    /// Whether to print the side-by-side view of all aligned clauses after the divergences.
    pub side_by_side: bool,
}

impl Default for TextOptions {
    fn default() -> TextOptions {
        TextOptions {
            column_width: 58,
            side_by_side: true,
        }
    }
}

/// Writes a report for a reader: the files, the divergences grouped by severity with the
/// lines of both versions, then the aligned clauses side by side.
pub fn write_text<W: Write>(
    alignment: &Alignment<'_>,
    options: TextOptions,
    mut out: W,
) -> io::Result<()> {
    let doc = alignment.document();
    writeln!(out, "kzru-align report")?;
    writeln!(out, "=================")?;
    for lang in Lang::ALL {
        match doc.version(lang) {
            Some(v) => writeln!(
                out,
                "{:<8} {} (lines {}–{}, {} clauses)",
                format!("{}:", lang.name()),
                doc.source(v.source()).map_or("?", |s| s.name()),
                v.line(),
                v.end_line(),
                v.clauses().len()
            )?,
            None => writeln!(out, "{:<8} not found", format!("{}:", lang.name()))?,
        }
    }
    let links = alignment.links();
    let matched = links.iter().filter(|l| !l.is_unmatched()).count();
    let merged = links
        .iter()
        .filter(|l| l.kk().len() + l.ru().len() > 2)
        .count();
    writeln!(
        out,
        "Links:   {} ({} paired, {} of them merging two clauses; {} without counterpart)",
        links.len(),
        matched,
        merged,
        links.len() - matched
    )?;
    let divergences = alignment.divergences();
    let count = |s: Severity| divergences.iter().filter(|d| d.severity() == s).count();
    writeln!(
        out,
        "Divergences: {} errors, {} warnings, {} info",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    )?;
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let group: Vec<&Divergence> = divergences
            .iter()
            .filter(|d| d.severity() == severity)
            .collect();
        if group.is_empty() {
            continue;
        }
        writeln!(out)?;
        let title = match severity {
            Severity::Error => "ERRORS",
            Severity::Warning => "WARNINGS",
            Severity::Info => "INFO",
        };
        writeln!(out, "{title}")?;
        for d in group {
            let lines = line_list;
            writeln!(
                out,
                "  {:<22} kk {:<12} ru {}",
                d.kind().name(),
                lines(&d.lines().kk),
                lines(&d.lines().ru)
            )?;
            writeln!(out, "      {}", d.message())?;
        }
    }
    if options.side_by_side {
        writeln!(out)?;
        writeln!(out, "ALIGNED CLAUSES (line, number, text; ‹score›)")?;
        let width = options.column_width.max(20);
        for link in links {
            let kk = cell(doc, link.kk(), width);
            let ru = cell(doc, link.ru(), width);
            let marker = if link.is_unmatched() {
                " ! ".to_owned()
            } else {
                format!("{:.2}", link.score())
            };
            writeln!(out, "{kk} {marker} {ru}")?;
        }
    }
    Ok(())
}

fn cell(doc: &BilingualDocument, ids: &[ClauseId], width: usize) -> String {
    let Some(first) = ids.first().and_then(|&id| doc.clause(id)) else {
        return format!("{:width$}", "—");
    };
    let number = first
        .number()
        .map_or(String::new(), |n| format!("{} ", n.as_str()));
    let text = format!("{:>4} {number}{}", first.line(), link_text(doc, ids));
    let mut out: String = text.chars().take(width).collect();
    if text.chars().count() > width {
        out.pop();
        out.push('…');
    }
    let pad = width - out.chars().count();
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// Writes policy diffs as one self-contained HTML page.
pub fn write_diff_html<W: Write>(diffs: &[crate::diff::PolicyDiff], mut out: W) -> io::Result<()> {
    out.write_all(crate::html::render_diffs(diffs).as_bytes())
}

/// The files a corpus report consists of.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorpusFiles {
    /// `index.html`.
    pub html: std::path::PathBuf,
    /// `report.json` (with the `serde` feature).
    pub json: Option<std::path::PathBuf>,
    /// One TMX file per bilingual document, in document order (`None` for one-language ones).
    pub tmx: Vec<Option<std::path::PathBuf>>,
}

/// Writes `path` atomically: into a temporary file in the same folder, renamed into place
/// once complete, so that an interrupted run never leaves a half-written file.
pub fn write_atomic(
    path: &std::path::Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".kzru-align-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    {
        let mut out = io::BufWriter::new(temp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    // A temporary file is private (0600); a report is for reading, like any file written
    // with the default mask.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes the corpus report into `dir` (created if missing): `index.html` (self-contained),
/// `report.json` (with the `serde` feature, schema in `docs/corpus-report.md`) and a TMX file
/// per bilingual document. Every file is written atomically.
pub fn write_corpus_report(
    analysis: &crate::corpus::CorpusAnalysis,
    dir: &std::path::Path,
) -> io::Result<CorpusFiles> {
    std::fs::create_dir_all(dir)?;
    let mut files = CorpusFiles::default();
    let mut used = std::collections::HashSet::new();
    for document in &analysis.documents {
        let bilingual =
            document.doc.version(Lang::Kk).is_some() && document.doc.version(Lang::Ru).is_some();
        if !bilingual {
            files.tmx.push(None);
            continue;
        }
        let stem = document
            .doc
            .sources()
            .first()
            .and_then(|s| {
                std::path::Path::new(s.name())
                    .file_stem()
                    .map(|n| n.to_string_lossy().into_owned())
            })
            .unwrap_or_else(|| "document".to_owned());
        let mut name = format!("{stem}.tmx");
        let mut n = 2;
        while !used.insert(name.clone()) {
            name = format!("{stem}-{n}.tmx");
            n += 1;
        }
        let path = dir.join(&name);
        let alignment = Alignment::from_parts(
            &document.doc,
            document.links.clone(),
            document.divergences.clone(),
        );
        write_atomic(&path, |out| write_tmx(&alignment, out))?;
        files.tmx.push(Some(path));
    }
    #[cfg(feature = "serde")]
    {
        let path = dir.join("report.json");
        let report = CorpusReport::new(analysis, &files.tmx);
        write_atomic(&path, |out| {
            serde_json::to_writer_pretty(&mut *out, &report).map_err(io::Error::other)?;
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
    let html = crate::html::render(analysis, &tmx_names);
    let path = dir.join("index.html");
    write_atomic(&path, |out| out.write_all(html.as_bytes()))?;
    files.html = path;
    Ok(files)
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
    diffs: &'a [crate::diff::PolicyDiff],
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
struct CorpusReport<'a> {
    generated_by: String,
    documents: Vec<DocumentEntry<'a>>,
    skipped: Vec<SkippedEntry>,
    similarities: Vec<SimilarityEntry<'a>>,
    compared_pairs: usize,
    families: Vec<FamilyEntry<'a>>,
}

#[cfg(feature = "serde")]
impl<'a> CorpusReport<'a> {
    fn new(
        analysis: &'a crate::corpus::CorpusAnalysis,
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
                    alignment: AlignmentReport::of_parts(&d.doc, &d.links, &d.divergences),
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
