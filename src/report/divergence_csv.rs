//! Divergences as CSV for people who live in spreadsheets: one row per divergence (document,
//! kind, severity, the place and text on each side, the message), RFC 4180 through the `csv`
//! crate. Layout and precautions in `docs/csv.md`.

use std::io;

use super::pieces::link_text;
use super::view::AlignedDocument;
use crate::{BilingualDocument, Divergence, Lang};

/// The header row.
const HEADER: [&str; 8] = [
    "document", "kind", "severity", "kk place", "ru place", "kk text", "ru text", "message",
];

/// The most characters a cell holds: Excel refuses longer cells (32,767), so longer text is
/// cut there, ending in `…`.
const CELL_CHARS: usize = 32_000;

/// The UTF-8 byte order mark, which tells Excel the file is UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Options of the CSV export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CsvOptions {
    bom: bool,
}

impl CsvOptions {
    /// No byte order mark.
    pub const fn new() -> CsvOptions {
        CsvOptions { bom: false }
    }

    /// Whether the file starts with a UTF-8 byte order mark, without which Excel reads a
    /// UTF-8 file as the system's legacy code page (Cyrillic turns to mojibake). Other
    /// programs read the file either way.
    pub const fn bom(mut self, bom: bool) -> CsvOptions {
        self.bom = bom;
        self
    }
}

/// Writes the divergences of documents as CSV, one row each, after a header row.
///
/// ```
/// use kzru_align::report::{CsvOptions, DivergenceCsv};
/// use kzru_align::{Aligner, BilingualDocument};
///
/// let doc = BilingualDocument::from_path("corpus/kao-autocheck.txt")?;
/// let alignment = Aligner::new().align(&doc);
/// let mut csv = DivergenceCsv::new(Vec::new(), CsvOptions::new())?;
/// csv.write_document("kao-autocheck.txt", &alignment)?;
/// let text = String::from_utf8(csv.finish()?).unwrap();
/// assert!(text.starts_with("document,kind,severity,kk place,ru place,kk text,ru text,message\r\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct DivergenceCsv<W: io::Write> {
    writer: csv::Writer<W>,
}

impl<W: io::Write> DivergenceCsv<W> {
    /// Starts the file: the byte order mark if asked for, then the header row.
    ///
    /// # Errors
    ///
    /// The error of `out`.
    pub fn new(mut out: W, options: CsvOptions) -> io::Result<DivergenceCsv<W>> {
        if options.bom {
            out.write_all(BOM)?;
        }
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        writer.write_record(HEADER)?;
        Ok(DivergenceCsv { writer })
    }

    /// Writes a row for each divergence of `document`, in its order, naming the document
    /// `name`.
    ///
    /// # Errors
    ///
    /// The error of the output.
    pub fn write_document<'a>(
        &mut self,
        name: &str,
        document: impl Into<AlignedDocument<'a>>,
    ) -> io::Result<()> {
        let document = document.into();
        for divergence in document.divergences {
            let row = row(name, document.doc, divergence);
            self.writer
                .write_record(row.iter().map(|cell| inert(cell).into_owned()))?;
        }
        Ok(())
    }

    /// Flushes the rows and returns the output.
    ///
    /// # Errors
    ///
    /// The error of the output.
    pub fn finish(self) -> io::Result<W> {
        self.writer
            .into_inner()
            .map_err(|e| io::Error::new(e.error().kind(), e.error().to_string()))
    }
}

/// The cells of one divergence, before they are made inert.
fn row(name: &str, doc: &BilingualDocument, d: &Divergence) -> [String; 8] {
    let place = |lang: Lang| {
        let clauses: Vec<String> = d
            .side(lang)
            .iter()
            .filter_map(|&id| doc.clause(id))
            .map(|c| match c.number() {
                Some(n) => format!("{} (line {})", n.as_str(), c.line()),
                None => format!("line {}", c.line()),
            })
            .collect();
        if clauses.is_empty() {
            d.lines()
                .get(lang)
                .iter()
                .map(|line| format!("line {line}"))
                .collect::<Vec<_>>()
                .join("; ")
        } else {
            clauses.join("; ")
        }
    };
    [
        name.to_owned(),
        d.kind().name().to_owned(),
        d.severity().to_string(),
        place(Lang::Kk),
        place(Lang::Ru),
        capped(link_text(doc, d.side(Lang::Kk))),
        capped(link_text(doc, d.side(Lang::Ru))),
        capped(d.message().to_owned()),
    ]
}

/// `text` cut to [`CELL_CHARS`] characters, ending in `…` when cut.
fn capped(text: String) -> String {
    match text.char_indices().nth(CELL_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

/// A cell a spreadsheet will not run: one starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return (the characters that start a formula, or hide one) gets a `'` before it,
/// which Excel and LibreOffice show as text.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starters_are_made_inert_and_the_rest_left_alone() {
        for cell in ["=1+1", "+7 727", "-5", "@SUM(A1)", "\t=x", "\r=x"] {
            assert_eq!(inert(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in ["5 лет", "", "a=b", "'quoted", "9.6. (line 176)"] {
            assert_eq!(inert(cell), cell);
        }
    }

    #[test]
    fn long_cells_are_cut_for_excel() {
        let long = "а".repeat(CELL_CHARS + 5);
        let cut = capped(long);
        assert_eq!(cut.chars().count(), CELL_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(capped("short".to_owned()), "short");
    }

    #[test]
    fn the_byte_order_mark_is_written_only_when_asked() {
        let with = DivergenceCsv::new(Vec::new(), CsvOptions::new().bom(true))
            .unwrap()
            .finish()
            .unwrap();
        assert!(with.starts_with(BOM));
        let without = DivergenceCsv::new(Vec::new(), CsvOptions::new())
            .unwrap()
            .finish()
            .unwrap();
        assert!(without.starts_with(b"document,kind,"));
    }
}
