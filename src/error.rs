//! The crate's error type: what went wrong, in which file, and where.

use std::fmt;
use std::path::PathBuf;

use crate::language_block::{self, LanguageBlock};

/// Everything that can stop a document from being read, or a report from being written.
///
/// Every variant names the input (`file`: a path, or the name given to an in-memory text) or
/// the file being written, and, where there is one, the byte offset and 1-based line of the problem. Problems that do
/// not stop processing (a missing language version, a numbering slip) are not errors but
/// [`Finding`](crate::Finding)s.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be read.
    Io {
        /// The path that was opened.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A report file or its folder could not be written.
    Write {
        /// The file (or folder) that was being written.
        path: PathBuf,
        /// What the operating system (or the writer of the contents) said.
        source: std::io::Error,
    },
    /// The bytes are not valid UTF-8 (and carry no UTF-16 byte-order mark).
    InvalidUtf8 {
        /// Name of the input.
        file: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// A UTF-16 input (announced by its byte-order mark) holds an unpaired surrogate.
    InvalidUtf16 {
        /// Name of the input.
        file: String,
        /// Byte offset of the bad code unit.
        offset: usize,
    },
    /// The input looks like binary data, not text.
    Binary {
        /// Name of the input.
        file: String,
        /// Byte offset of the first byte that gave it away.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
    },
    /// The input is empty or holds only white space.
    Empty {
        /// Name of the input.
        file: String,
    },
    /// The input is larger than the configured limit.
    TooLarge {
        /// Name of the input.
        file: String,
        /// Size of the input in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The input holds no Kazakh or Russian text at all.
    NoKazakhOrRussian {
        /// Name of the input.
        file: String,
    },
    /// Two inputs were given as a pair but both are in the same language.
    SameLanguage {
        /// Name of the first input.
        first: String,
        /// Name of the second input.
        second: String,
        /// The language both are written in.
        lang: crate::Lang,
    },
    /// The file is of a kind the crate recognises but does not read: a legacy Word `.doc`,
    /// an RTF file, an OpenDocument text, a zip archive that is not a Word document.
    Unsupported {
        /// Name of the input.
        file: String,
        /// What the file is, as far as its content tells.
        what: String,
        /// What the user can do about it.
        advice: String,
    },
    /// The file's format is known, but its reader was left out of this build (its cargo
    /// feature is off).
    NotBuilt {
        /// Name of the input.
        file: String,
        /// The format (`"DOCX"`, `"PDF"`, `"HTML"`).
        format: &'static str,
        /// The cargo feature that builds its reader.
        feature: &'static str,
    },
    /// A Word, PDF or HTML file is damaged or not what its content first suggested.
    Malformed {
        /// Name of the input.
        file: String,
        /// The format (`"DOCX"`, `"PDF"`, `"HTML"`).
        format: &'static str,
        /// Where in the file: a zip entry and a byte offset in it, a PDF object, …
        place: String,
        /// What is wrong.
        message: String,
    },
    /// A Word, PDF or HTML file expands beyond one of the reader's limits
    /// ([`read::Limits`](crate::read::Limits)): a decompression bomb, absurd nesting.
    LimitExceeded {
        /// Name of the input.
        file: String,
        /// The format (`"DOCX"`, `"PDF"`, `"HTML"`).
        format: &'static str,
        /// Where in the file the limit was reached.
        place: String,
        /// Which limit: `"decompressed size"`, `"nesting depth"`, `"zip entries"`, …
        what: &'static str,
        /// The limit.
        limit: u64,
    },
    /// The file holds several bilingual documents one after another (`kk, ru, kk, ru`): read
    /// it as a [`Pack`](crate::Pack), which gives each document on its own.
    SeveralDocuments {
        /// Name of the input.
        file: String,
        /// The language blocks found, in order.
        blocks: Vec<LanguageBlock>,
    },
    /// The file's languages alternate in blocks that cannot be paired into documents (one
    /// block has no counterpart, or a pair is too unequal to be one text's two versions).
    Unsplittable {
        /// Name of the input.
        file: String,
        /// The language blocks found, in order.
        blocks: Vec<LanguageBlock>,
        /// Why they cannot be paired.
        reason: String,
    },
    /// A PDF file has no text layer (a scan).
    NoTextLayer {
        /// Name of the input.
        file: String,
        /// How many pages it has.
        pages: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: cannot read: {source}", path.display()),
            Error::Write { path, source } => {
                write!(f, "{}: cannot write: {source}", path.display())
            }
            Error::InvalidUtf8 { file, offset, line } => write!(
                f,
                "{file}:{line}: invalid UTF-8 at byte {offset}; save the file as UTF-8"
            ),
            Error::InvalidUtf16 { file, offset } => write!(
                f,
                "{file}: invalid UTF-16 (unpaired surrogate) at byte {offset}; save the file as UTF-8"
            ),
            Error::Binary { file, offset, line } => write!(
                f,
                "{file}:{line}: binary data at byte {offset}; expected a text document"
            ),
            Error::Empty { file } => {
                write!(f, "{file}: the document is empty or holds only white space")
            }
            Error::TooLarge { file, size, limit } => write!(
                f,
                "{file}: {size} bytes is more than the limit of {limit} bytes"
            ),
            Error::NoKazakhOrRussian { file } => write!(
                f,
                "{file}: no Kazakh or Russian text found; expected a Kazakh and/or Russian document"
            ),
            Error::SameLanguage {
                first,
                second,
                lang,
            } => write!(
                f,
                "{first} and {second} are both {} ({lang}); give one Kazakh and one Russian file",
                lang.name()
            ),
            Error::Unsupported { file, what, advice } => write!(f, "{file}: {what}; {advice}"),
            Error::NotBuilt {
                file,
                format,
                feature,
            } => write!(
                f,
                "{file}: a {format} file, but kzru-align was built without the `{feature}` feature; rebuild with `--features {feature}`"
            ),
            Error::Malformed {
                file,
                format,
                place,
                message,
            } => write!(f, "{file}: {place}: damaged {format} file: {message}"),
            Error::LimitExceeded {
                file,
                format,
                place,
                what,
                limit,
            } => write!(
                f,
                "{file}: {place}: the {format} file exceeds the reader's limit on {what} ({limit}); refused as a possible decompression bomb (raise `read::Limits` if the file is genuine)"
            ),
            Error::SeveralDocuments { file, blocks } => write!(
                f,
                "{file}: holds {} bilingual documents one after another (language blocks: {}); read it as a pack (`kzru_align::Pack`), one document at a time",
                blocks.len() / 2,
                language_block::list(blocks)
            ),
            Error::Unsplittable {
                file,
                blocks,
                reason,
            } => write!(
                f,
                "{file}: the languages alternate in blocks that cannot be paired into documents ({}): {reason}; give each document its own file",
                language_block::list(blocks)
            ),
            Error::NoTextLayer { file, pages } => write!(
                f,
                "{file}: the PDF has no text layer on any of its {pages} pages (a scan?); run OCR first"
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } | Error::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
