//! What a reader gives: plain text, and for every line where it came from.

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
        self.push_indented(0, line, origin);
    }

    /// [`Extracted::push_line`], indented by `indent` spaces: the segmenter reads nesting from
    /// indentation (a bullet list inside a bullet list).
    pub fn push_indented(&mut self, indent: usize, line: &str, origin: Origin) {
        if line.trim().is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.extend(std::iter::repeat_n(' ', indent));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracted_lines_keep_their_origins() {
        let para = |paragraph| Origin::Docx {
            paragraph,
            table: None,
        };
        let mut text = Extracted::new();
        text.push_blank();
        text.push_line(" 1. Жалпы\u{b}ережелер \r", para(1));
        text.push_blank();
        text.push_blank();
        text.push_line(" \u{7} ", para(2));
        text.push_line("1.1. Мәтін\u{1}", para(3));
        text.push_indented(2, " • тармақ", para(4));
        assert_eq!(text.text, "1. Жалпы ережелер\n\n1.1. Мәтін\n  • тармақ\n");
        assert_eq!(text.origins, [para(1), para(1), para(3), para(4)]);
        assert_eq!(text.origin_of_line(3), Some(&para(3)));
        assert_eq!(text.origin_of_line(0), None);
        assert_eq!(text.origin_of_line(5), None);
    }

    #[test]
    fn origins_read_as_places() {
        let cell = Origin::Docx {
            paragraph: 40,
            table: Some(TableCell {
                table: 1,
                row: 2,
                column: 1,
            }),
        };
        assert_eq!(cell.to_string(), "table 1, row 2, column 1 (paragraph 40)");
        assert_eq!(
            Origin::Pdf { page: 3, line: 14 }.to_string(),
            "page 3, line 14"
        );
    }
}
