//! The text report: a summary of the two versions, the divergences grouped by severity, and
//! the aligned clauses side by side, for a reader at a terminal.

use std::io::{self, Write};

use super::markup::counted;
use super::pieces::{line_list, link_text};
use super::view::AlignedDocument;
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
