//! Telling a file's format from its content.

use std::fmt;

use crate::error::{Error, Result};

/// The kinds of file the crate reads, as told by their content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Format {
    /// Plain text (UTF-8, or UTF-16 with a byte-order mark), Markdown included.
    Text,
    /// A Word document (Office Open XML: a zip holding `word/document.xml`).
    Docx,
    /// A web page.
    Html,
    /// A PDF file with a text layer.
    Pdf,
}

impl Format {
    /// The name used in messages: `"text"`, `"DOCX"`, `"HTML"`, `"PDF"`.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Docx => "DOCX",
            Format::Html => "HTML",
            Format::Pdf => "PDF",
        }
    }

    /// The cargo feature that builds the reader of this format (`None` for plain text).
    pub const fn feature(self) -> Option<&'static str> {
        match self {
            Format::Text => None,
            Format::Docx => Some("docx"),
            Format::Html => Some("html"),
            Format::Pdf => Some("pdf"),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The OLE2 compound-file signature of legacy Office files (`.doc`, `.xls`).
const OLE2_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Elements that open a web page, or a fragment of one, after an optional byte-order mark
/// and white space.
const HTML_OPENERS: &[&str] = &[
    "html", "head", "body", "meta", "title", "p", "div", "section", "article", "main", "table",
    "ol", "ul", "h1", "h2", "h3",
];

/// Tells the format of a file from its content. `name` is used in errors.
///
/// A zip archive holding `word/document.xml` is [`Format::Docx`]; a file starting with
/// `%PDF-` (within its first KiB) is [`Format::Pdf`]; a file starting with a doctype or an
/// HTML element (after a byte-order mark and white space) is [`Format::Html`]; anything else
/// is [`Format::Text`], which the text decoder then accepts or refuses.
///
/// # Errors
///
/// [`Error::Unsupported`] for a file this crate recognises but does not read: a legacy Word
/// `.doc` (or other OLE2 Office file), an RTF file, an OpenDocument text, any other zip.
///
/// ```
/// use kzru_align::read::{Format, sniff};
/// assert_eq!(sniff("a.txt", "1. Жалпы".as_bytes())?, Format::Text);
/// assert_eq!(sniff("a.pdf", b"%PDF-1.7\n")?, Format::Pdf);
/// assert_eq!(sniff("a.htm", b"\xEF\xBB\xBF\n<!DOCTYPE html><html>")?, Format::Html);
/// let err = sniff("a.doc", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).unwrap_err();
/// assert!(err.to_string().contains("save it as .docx"));
/// # Ok::<(), kzru_align::Error>(())
/// ```
pub fn sniff(name: &str, bytes: &[u8]) -> Result<Format> {
    let unsupported = |what: &str, advice: &str| Error::Unsupported {
        file: name.to_owned(),
        what: what.to_owned(),
        advice: advice.to_owned(),
    };
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return if contains(bytes, b"word/document") {
            Ok(Format::Docx)
        } else if contains(bytes, b"application/vnd.oasis.opendocument.text") {
            Err(unsupported(
                "an OpenDocument text (.odt)",
                "save it as .docx or plain text",
            ))
        } else {
            Err(unsupported(
                "a zip archive that is not a Word document (no word/document.xml)",
                "give a .docx, PDF, HTML or text file",
            ))
        };
    }
    if bytes.starts_with(OLE2_MAGIC) {
        return Err(unsupported(
            "a legacy Word .doc file (or another pre-2007 Office file)",
            "save it as .docx",
        ));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(unsupported("an RTF file", "save it as .docx"));
    }
    if contains(&bytes[..bytes.len().min(1024)], b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if looks_like_html(bytes) {
        return Ok(Format::Html);
    }
    Ok(Format::Text)
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..bytes.len().min(start + 64)];
    let Some(after) = head.strip_prefix(b"<") else {
        return false;
    };
    // An XHTML page may open with an XML declaration or a comment: look for `<html` after it.
    if after.starts_with(b"?xml") || after.starts_with(b"!--") {
        let window = &bytes[start..bytes.len().min(start + 1024)];
        return contains(&window.to_ascii_lowercase(), b"<html");
    }
    // `<!DOCTYPE html`, with any white space between (a converter wrote two spaces).
    if after.len() >= 8 && after[..8].eq_ignore_ascii_case(b"!doctype") {
        let rest = &after[8..];
        let name = rest
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map_or(&[][..], |at| &rest[at..]);
        return name.len() >= 4 && name[..4].eq_ignore_ascii_case(b"html");
    }
    HTML_OPENERS.iter().any(|tag| {
        after.len() > tag.len()
            && after[..tag.len()].eq_ignore_ascii_case(tag.as_bytes())
            && matches!(after[tag.len()], b'>' | b' ' | b'\t' | b'\r' | b'\n' | b'/')
    })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content() {
        let sniffed = |bytes: &[u8]| sniff("f", bytes).map_err(|e| e.to_string());
        assert_eq!(
            sniffed(b"PK\x03\x04....word/document.xml"),
            Ok(Format::Docx)
        );
        assert_eq!(sniffed(b"junk\n%PDF-1.4"), Ok(Format::Pdf));
        assert_eq!(sniffed(b"  <p>1. Text</p>"), Ok(Format::Html));
        assert_eq!(sniffed(b"<HTML lang=kk>"), Ok(Format::Html));
        assert_eq!(sniffed(b"<!DOCTYPE  html PUBLIC"), Ok(Format::Html));
        assert_eq!(sniffed(b"<!doctype\nhtml>"), Ok(Format::Html));
        assert_eq!(sniffed(b"<!DOCTYPE svg>"), Ok(Format::Text));
        assert_eq!(
            sniffed(b"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"),
            Ok(Format::Html)
        );
        // A Markdown text with a stray tag later on, or an angle bracket first, is text.
        assert_eq!(
            sniffed("1. Жалпы <b>ережелер</b>".as_bytes()),
            Ok(Format::Text)
        );
        assert_eq!(sniffed(b"<pre-amble> text"), Ok(Format::Text));
        assert_eq!(sniffed(b""), Ok(Format::Text));
    }

    #[test]
    fn recognised_but_unreadable_files_are_errors_that_say_what_to_do() {
        let message = |bytes: &[u8]| sniff("in.bin", bytes).unwrap_err().to_string();
        assert_eq!(
            message(OLE2_MAGIC),
            "in.bin: a legacy Word .doc file (or another pre-2007 Office file); save it as .docx"
        );
        assert!(message(b"PK\x03\x04xl/workbook.xml").contains("not a Word document"));
        assert!(
            message(b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.text").contains(".odt")
        );
        assert!(message(b"{\\rtf1\\ansi").contains("RTF"));
    }
}
