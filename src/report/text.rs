//! The text report: a summary of the two versions, the divergences grouped by severity, and
//! the aligned clauses side by side, for a reader at a terminal.

use std::io::{self, Write};

use super::markup::counted;
use super::pieces::{line_list, link_text};
use super::view::AlignedDocument;
use crate::read::Format;
use crate::{BilingualDocument, ClauseId, Divergence, Lang, Severity};

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
///
/// `document` is an [`AlignedDocument`] or anything that converts into one, such as an
/// `&Alignment`.
pub fn write_text<'a, W: Write>(
    document: impl Into<AlignedDocument<'a>>,
    options: TextOptions,
    mut out: W,
) -> io::Result<()> {
    let AlignedDocument {
        doc,
        links,
        divergences,
    } = document.into();
    writeln!(out, "kzru-align report")?;
    writeln!(out, "=================")?;
    for lang in Lang::ALL {
        match doc.version(lang) {
            Some(v) => {
                let source = doc.source(v.source());
                // The lines of a Word, PDF or HTML input are those of its extracted text.
                let lines = match source.map(|s| s.format()) {
                    Some(format) if format != Format::Text => {
                        format!("{format}; lines of its extracted text")
                    }
                    _ => "lines".to_owned(),
                };
                writeln!(
                    out,
                    "{:<8} {} ({lines} {}–{}, {} clauses)",
                    format!("{}:", lang.name()),
                    source.map_or("?", |s| s.name()),
                    v.line(),
                    v.end_line(),
                    v.clauses().len()
                )?;
            }
            None => writeln!(out, "{:<8} not found", format!("{}:", lang.name()))?,
        }
    }
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
    let count = |s: Severity| divergences.iter().filter(|d| d.severity() == s).count();
    writeln!(
        out,
        "Divergences: {}, {}, {} info",
        counted(count(Severity::Error), "error", "errors"),
        counted(count(Severity::Warning), "warning", "warnings"),
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
            writeln!(
                out,
                "  {:<22} kk {:<12} ru {}",
                d.kind().name(),
                line_list(&d.lines().kk),
                line_list(&d.lines().ru)
            )?;
            writeln!(out, "      {}", d.message())?;
            if let Some(places) = origins(doc, d) {
                writeln!(out, "      in the original: {places}")?;
            }
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

/// Where the clauses of a divergence stand in their original Word, PDF or HTML files:
/// `kk paragraph 12; ru table 1, row 3, column 2 (paragraph 40)`; `None` for plain text.
fn origins(doc: &BilingualDocument, divergence: &Divergence) -> Option<String> {
    let places: Vec<String> = Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            divergence
                .side(lang)
                .iter()
                .filter_map(|&id| doc.clause(id))
                .filter_map(|clause| doc.origin(clause))
                .map(move |origin| format!("{lang} {origin}"))
        })
        .collect();
    (!places.is_empty()).then(|| places.join("; "))
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
