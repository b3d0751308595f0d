//! The page of one document: its divergences first, sorted by severity (errors, then
//! warnings, then info) and then by place, each with a readable label and filters by
//! severity and kind; then the two versions side by side, every row a divergence concerns
//! tinted and the evidence words of a meaning mismatch marked on both sides.
//!
//! The same page serves the corpus report (one per document, linked from the index) and
//! `align --format html`. A page larger than its limit is cut into parts (see `paging`).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::marks::Marks;
use super::markup::{CELL_LIMIT, counted, cut, cut_note, esc};
use super::paging::{PagedContent, Section, page_links, render_pages, write_paged};
use super::pieces::line_list;
use super::view::AlignedDocument;
use crate::{BilingualDocument, ClauseId, Divergence, Lang, Result, Severity};

/// The most lines of one side a divergence lists before it says how many more there are.
const LINES_SHOWN: usize = 12;

/// Where a document page links to besides itself.
#[derive(Clone, Debug, Default)]
pub(crate) struct PageLinks {
    /// The index page of the corpus report, if the page is part of one.
    pub(crate) index: Option<String>,
    /// The document's TMX file, if one was written.
    pub(crate) tmx: Option<String>,
}

/// The page of one document, ready to be laid out in pages.
pub(crate) struct DocumentPage<'a> {
    document: AlignedDocument<'a>,
    name: &'a str,
    links: PageLinks,
    /// The divergences' indexes in the order shown.
    order: Vec<usize>,
    marks: Marks,
    sections: Vec<Section>,
}

/// Writes the page of one document to `out`, all of it on one page: its divergences sorted
/// by severity and place, with filters, then the two versions side by side (see
/// `docs/html.md`). Self-contained: no network, no external assets.
///
/// `document` is an [`AlignedDocument`] or anything that converts into one, such as an
/// `&Alignment`. A very large document makes a very large page; [`write_html_pages`] cuts it.
///
/// ```
/// use kzru_align::{Aligner, BilingualDocument};
///
/// let doc = BilingualDocument::from_path("corpus/kao-autocheck.txt")?;
/// let alignment = Aligner::new().align(&doc);
/// let mut page = Vec::new();
/// kzru_align::report::write_html(&alignment, &mut page)?;
/// let page = String::from_utf8(page).unwrap();
/// assert!(page.contains("Numbered differently"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_html<'a, W: io::Write>(
    document: impl Into<AlignedDocument<'a>>,
    mut out: W,
) -> io::Result<()> {
    let document = document.into();
    let name = document_name(document.doc);
    let page = DocumentPage::new(document, &name, PageLinks::default());
    // One page: links to rows need no file name.
    let file = |_: usize| String::new();
    let page_of = vec![0; page.blocks()];
    render_pages(&page, &page_of, &file, &mut |_, html| {
        out.write_all(html.as_bytes())
    })?;
    Ok(())
}

/// Writes the page of one document into `path`, cut into parts of at most `page_limit` bytes
/// each when it is larger: `path` itself, then `NAME.2.html`, `NAME.3.html`, … beside it
/// (`NAME` the file stem of `path`), each linking to the previous and the next. Returns the
/// files written, in order; each is written atomically.
///
/// # Errors
///
/// [`Error::Write`](crate::Error::Write) naming the file that could not be written.
pub fn write_html_pages<'a>(
    document: impl Into<AlignedDocument<'a>>,
    path: &Path,
    page_limit: usize,
) -> Result<Vec<PathBuf>> {
    let document = document.into();
    let name = document_name(document.doc);
    let page = DocumentPage::new(document, &name, PageLinks::default());
    let first = path.file_name().map_or_else(
        || "document.html".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let stem = path.file_stem().map_or_else(
        || "document".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let file = |n: usize| {
        if n == 0 {
            first.clone()
        } else {
            format!("{stem}.{}.html", n + 1)
        }
    };
    let dir = path.parent().unwrap_or(Path::new(""));
    Ok(write_paged(&page, &file, page_limit, dir)?.0)
}

/// A document's name: its file, or the files of its two versions joined by ` + `.
fn document_name(doc: &BilingualDocument) -> String {
    doc.sources()
        .iter()
        .map(|s| s.name())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The rank of a severity in the list: errors first.
fn rank(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

impl<'a> DocumentPage<'a> {
    /// The page of `document`, named `name` (its file, or the files of a pair).
    pub(crate) fn new(
        document: AlignedDocument<'a>,
        name: &'a str,
        links: PageLinks,
    ) -> DocumentPage<'a> {
        let marks = Marks::new(&document);
        let divergences = document.divergences;
        let mut order: Vec<usize> = (0..divergences.len()).collect();
        order.sort_by_key(|&i| {
            let d = &divergences[i];
            let place = marks.rows[i].first().copied().unwrap_or(usize::MAX);
            (rank(d.severity()), place, d.kind(), i)
        });
        let sections = vec![
            Section {
                open: divergence_section(divergences),
                close: "</ol>\n</section>\n",
            },
            Section {
                open: "<section id=\"side\"><h2>Side by side</h2>\n<table class=\"side\"><thead><tr><th>#</th>\
                       <th lang=\"kk\">Қазақша (kk)</th><th lang=\"ru\">Русский (ru)</th><th>score</th></tr></thead><tbody>\n"
                    .to_owned(),
                close: "</tbody></table>\n</section>\n",
            },
        ];
        DocumentPage {
            document,
            name,
            links,
            order,
            marks,
            sections,
        }
    }

    /// The block of row `row` of the side-by-side table.
    fn row_block(&self, row: usize) -> usize {
        1 + self.order.len() + row
    }

    /// The first block: the versions and the counts.
    fn summary(&self, out: &mut String) {
        let doc = self.document.doc;
        out.push_str("<section class=\"overview\">\n<ul class=\"versions\">");
        for lang in Lang::ALL {
            let _ = match doc.version(lang) {
                Some(v) => write!(
                    out,
                    "<li>{}: <code>{}</code>, lines {}–{}, {}</li>",
                    lang.name(),
                    esc(doc.source(v.source()).map_or("?", |s| s.name())),
                    v.line(),
                    v.end_line(),
                    counted(v.clauses().len(), "clause", "clauses")
                ),
                None => write!(out, "<li>{}: not found</li>", lang.name()),
            };
        }
        out.push_str("</ul>\n");
        let count = |s: Severity| {
            self.document
                .divergences
                .iter()
                .filter(|d| d.severity() == s)
                .count()
        };
        let _ = write!(
            out,
            "<p class=\"counts\"><span class=\"sev-error\">{}</span>, <span class=\"sev-warning\">{}</span>, \
             <span class=\"sev-info\">{}</span>; {} of aligned clauses",
            counted(count(Severity::Error), "error", "errors"),
            counted(count(Severity::Warning), "warning", "warnings"),
            counted(count(Severity::Info), "info", "info"),
            counted(self.document.links.len(), "row", "rows"),
        );
        if let Some(tmx) = &self.links.tmx {
            let _ = write!(out, "; TMX: <a href=\"{0}\">{0}</a>", esc(tmx));
        }
        out.push_str(".</p>\n");
        if self.order.is_empty() {
            out.push_str("<p class=\"none\">No divergences found.</p>\n");
        }
        out.push_str("</section>\n");
    }

    /// The `order`-th divergence of the list.
    fn divergence(&self, order: usize, file_of: &dyn Fn(usize) -> String, out: &mut String) {
        let index = self.order[order];
        let d = &self.document.divergences[index];
        let rows = &self.marks.rows[index];
        let place = |lang: Lang| shown_lines(d.lines().get(lang));
        let where_ = format!("kk {} · ru {}", place(Lang::Kk), place(Lang::Ru));
        let _ = write!(
            out,
            "<li class=\"divergence sev-{sev}\" id=\"d{index}\" data-kind=\"{kind}\" data-severity=\"{sev}\" \
             data-place=\"{}\" data-rows=\"{}\"><span class=\"sev\">{sev}</span> <span class=\"label\">{}</span> ",
            rows.first().map_or_else(String::new, ToString::to_string),
            rows.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" "),
            esc(&d.label()),
            sev = d.severity(),
            kind = d.kind().name(),
        );
        let _ = match rows.first() {
            Some(&row) => write!(
                out,
                "<a class=\"place\" href=\"{}#r{row}\">{where_}</a>",
                esc(&file_of(self.row_block(row)))
            ),
            None => write!(out, "<span class=\"place\">{where_}</span>"),
        };
        let (message, left_out) = cut(d.message(), CELL_LIMIT);
        let _ = write!(
            out,
            " <code class=\"kind\">{}</code><div class=\"message\">{}{}</div>",
            d.kind().name(),
            esc(message),
            if left_out > 0 {
                cut_note(left_out)
            } else {
                String::new()
            }
        );
        if let Some(meaning) = d.meaning() {
            let side = |lang: Lang| {
                let cues = meaning.cues().get(lang);
                if cues.is_empty() {
                    return format!("{lang}: —");
                }
                let words: Vec<String> = cues
                    .iter()
                    .map(|c| format!("«<mark class=\"cue\">{}</mark>»", esc(cut(c.text(), 200).0)))
                    .collect();
                format!("{lang}: {}", words.join(", "))
            };
            let _ = write!(
                out,
                "<div class=\"evidence\">{} evidence: {} · {}</div>",
                esc(meaning.sub_kind().name()),
                side(Lang::Kk),
                side(Lang::Ru)
            );
        }
        out.push_str("</li>\n");
    }

    /// Row `row` of the side-by-side table.
    fn row(&self, row: usize, out: &mut String) {
        let link = &self.document.links[row];
        let divergences = &self.marks.of_row[row];
        let _ = write!(out, "<tr id=\"r{row}\"");
        if !divergences.is_empty() {
            let all = self.document.divergences;
            let worst = divergences
                .iter()
                .map(|&i| all[i].severity())
                .min_by_key(|&s| rank(s))
                .unwrap_or(Severity::Info);
            let list = |f: &dyn Fn(&Divergence) -> String| {
                divergences
                    .iter()
                    .map(|&i| f(&all[i]))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let _ = write!(
                out,
                " class=\"marked sev-{worst}\" data-kinds=\"{}\" data-severities=\"{}\"",
                list(&|d| d.kind().name().to_owned()),
                list(&|d| d.severity().to_string())
            );
        }
        let _ = write!(out, "><td class=\"n\">{}</td>", row + 1);
        for lang in Lang::ALL {
            let _ = write!(out, "<td lang=\"{lang}\">");
            self.cell(link.side(lang), out);
            out.push_str("</td>");
        }
        let _ = writeln!(
            out,
            "<td class=\"score\">{}</td></tr>",
            if link.is_unmatched() {
                "—".to_owned()
            } else {
                format!("{:.2}", link.score())
            }
        );
    }

    /// The clauses of one side of a row, evidence words marked.
    fn cell(&self, ids: &[ClauseId], out: &mut String) {
        for clause in ids.iter().filter_map(|&id| self.document.doc.clause(id)) {
            let _ = write!(
                out,
                "<div class=\"clause\"><span class=\"line\">{}</span> <span class=\"num\">{}</span> ",
                clause.line(),
                esc(clause.number().map_or("", |n| n.as_str()))
            );
            let (text, left_out) = cut(clause.text(), CELL_LIMIT);
            let cues = self
                .marks
                .cues
                .get(&clause.id())
                .map_or(&[][..], Vec::as_slice);
            marked(text, cues, out);
            if left_out > 0 {
                out.push_str(&cut_note(left_out));
            }
            out.push_str("</div>");
        }
    }
}

impl PagedContent for DocumentPage<'_> {
    fn title(&self) -> String {
        format!("{} — kzru-align", self.name)
    }

    fn blocks(&self) -> usize {
        1 + self.order.len() + self.document.links.len()
    }

    fn sections(&self) -> &[Section] {
        &self.sections
    }

    fn section(&self, block: usize) -> Option<usize> {
        match block {
            0 => None,
            b if b <= self.order.len() => Some(0),
            _ => Some(1),
        }
    }

    fn render(&self, block: usize, file_of: &dyn Fn(usize) -> String, out: &mut String) {
        match block {
            0 => self.summary(out),
            b if b <= self.order.len() => self.divergence(b - 1, file_of, out),
            b => self.row(b - 1 - self.order.len(), out),
        }
    }

    fn header(&self, page: usize, pages: usize, file: &dyn Fn(usize) -> String, out: &mut String) {
        out.push_str("<header>");
        if let Some(index) = &self.links.index {
            let _ = write!(
                out,
                "<p class=\"back\"><a href=\"{}\">← all documents</a></p>",
                esc(index)
            );
        }
        let _ = writeln!(out, "<h1>{}</h1>", esc(self.name));
        out.push_str(&page_links(page, pages, file));
        out.push_str("</header>\n");
    }
}

/// The opening of the divergence list: its heading and the filters, one box per severity
/// and per kind present, each with its count; a kind is named by the labels of its
/// divergences here («Clause missing in Russian»).
fn divergence_section(divergences: &[Divergence]) -> String {
    let mut out = String::from(
        "<section id=\"divergences\"><h2>Divergences</h2>\n<div class=\"filters\"><span>severity:</span>",
    );
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let n = divergences
            .iter()
            .filter(|d| d.severity() == severity)
            .count();
        if n > 0 {
            let _ = write!(
                out,
                "<label><input type=\"checkbox\" data-severity=\"{severity}\" checked> {severity} ({n})</label>"
            );
        }
    }
    out.push_str("<span>kind:</span>");
    let mut kinds: BTreeMap<crate::Kind, (usize, Vec<String>)> = BTreeMap::new();
    for d in divergences {
        let (n, labels) = kinds.entry(d.kind()).or_default();
        *n += 1;
        let label = d.label();
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    for (kind, (n, labels)) in kinds {
        let _ = write!(
            out,
            "<label title=\"{kind}\"><input type=\"checkbox\" data-kind=\"{kind}\" checked> {} ({n})</label>",
            esc(&labels.join(" / "))
        );
    }
    out.push_str("</div>\n<ol class=\"divergences\">\n");
    out
}

/// A side's lines, the first [`LINES_SHOWN`] of them and how many more.
fn shown_lines(lines: &[usize]) -> String {
    if lines.len() <= LINES_SHOWN {
        return line_list(lines);
    }
    format!(
        "{} and {} more",
        line_list(&lines[..LINES_SHOWN]),
        lines.len() - LINES_SHOWN
    )
}

/// `text` escaped, with the byte ranges `marks` (sorted, apart) inside `<mark>`; ranges
/// past its end (text cut) are left out.
fn marked(text: &str, marks: &[Range<usize>], out: &mut String) {
    let mut at = 0;
    for range in marks {
        let inside = range.start >= at
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        if !inside {
            continue;
        }
        out.push_str(&esc(&text[at..range.start]));
        let _ = write!(
            out,
            "<mark class=\"cue\">{}</mark>",
            esc(&text[range.clone()])
        );
        at = range.end;
    }
    out.push_str(&esc(&text[at..]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_text_is_escaped_around_and_inside_the_marks() {
        let mut out = String::new();
        marked("a <b> c & d", &[2..5, 8..9, 20..22], &mut out);
        assert_eq!(
            out,
            "a <mark class=\"cue\">&lt;b&gt;</mark> c <mark class=\"cue\">&amp;</mark> d"
        );
    }

    #[test]
    fn long_line_lists_say_how_many_more() {
        let lines: Vec<usize> = (1..=20).collect();
        assert_eq!(
            shown_lines(&lines),
            "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 8 more"
        );
        assert_eq!(shown_lines(&[]), "—");
    }
}
