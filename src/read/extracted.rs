//! What a reader gives back: the extracted text, one block per line, and for every line the
//! place in the original file it came from ([`Origin`]), with what the reader left out
//! ([`Notice`]). Its own module, apart from the dispatch in `read`, so that every reader can
//! build one without depending on the others.

use std::fmt;

/// A cell of a table in a Word document, all numbers 1-based in document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TableCell {
    /// The table, counted over the whole document (nested tables included).
    pub table: usize,
    /// The row within the table.
    pub row: usize,
    /// The column (cell) within the row.
    pub column: usize,
}

/// Where a line of extracted text came from in its original file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "format", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Origin {
    /// A paragraph of a Word document.
    Docx {
        /// 1-based index of the paragraph (`w:p`) among all paragraphs of the document
        /// body, in document order, table cells included.
        paragraph: usize,
        /// The table cell holding the paragraph, if any.
        table: Option<TableCell>,
    },
    /// A line of a PDF page.
    Pdf {
        /// 1-based page number.
        page: usize,
        /// 1-based line on that page.
        line: usize,
    },
    /// An element of a web page.
    Html {
        /// The element's path from the root, CSS-like: `body > main > ol > li:nth-of-type(2)`.
        path: String,
    },
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Docx {
                paragraph,
                table: None,
            } => write!(f, "paragraph {paragraph}"),
            Origin::Docx {
                paragraph,
                table: Some(cell),
            } => write!(
                f,
                "table {}, row {}, column {} (paragraph {paragraph})",
                cell.table, cell.row, cell.column
            ),
            Origin::Pdf { page, line } => write!(f, "page {page}, line {line}"),
            Origin::Html { path } => f.write_str(path),
        }
    }
}

/// Something a reader left out of the text, or could not render faithfully, for the user to
/// know (a section in a third language, an object it could not read). Becomes a
/// `left_out` finding of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Notice {
    /// Where in the original file, if one place.
    pub origin: Option<Origin>,
    /// What was left out and why, in plain words.
    pub message: String,
}

/// The plain text a reader extracted, with the origin of each of its lines.
///
/// Built line by line with [`Extracted::push_line`] and [`Extracted::push_blank`], which keep
/// the invariant that `origins[i]` is the origin of line `i + 1` of `text` (a blank line
/// carries the origin of the line before it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    /// The text: one block element per line, a blank line between paragraphs; every line
    /// ends with `\n`.
    pub text: String,
    /// For every line of `text`, where it came from.
    pub origins: Vec<Origin>,
    /// What was left out of `text`, or is worth a word of warning.
    pub notices: Vec<Notice>,
}

impl Extracted {
    /// An empty text.
    pub fn new() -> Extracted {
        Extracted::default()
    }

    /// Appends one line. Line breaks inside `line` become spaces and control characters other
    /// than tab are dropped, so the line stays one line and the text stays text; leading and
    /// trailing white space is trimmed. An empty line is not pushed.
    pub fn push_line(&mut self, line: &str, origin: Origin) {
        let start = self.text.len();
        for c in line.trim().chars() {
            match c {
                '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                    self.text.push(' ');
                }
                '\t' => self.text.push('\t'),
                c if c.is_control() => {}
                c => self.text.push(c),
            }
        }
        if self.text[start..].trim().is_empty() {
            self.text.truncate(start);
            return;
        }
        self.text.push('\n');
        self.origins.push(origin);
    }

    /// Appends a blank line (a paragraph break), unless the text is empty or already ends
    /// with one.
    pub fn push_blank(&mut self) {
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        if let Some(last) = self.origins.last().cloned() {
            self.text.push('\n');
            self.origins.push(last);
        }
    }

    /// Records a notice.
    pub fn notice(&mut self, origin: Option<Origin>, message: impl Into<String>) {
        self.notices.push(Notice {
            origin,
            message: message.into(),
        });
    }

    /// The origin of 1-based line `line` of the text.
    pub fn origin_of_line(&self, line: usize) -> Option<&Origin> {
        line.checked_sub(1).and_then(|i| self.origins.get(i))
    }
}
