//! Loading: bytes, strings or files become a [`Source`] that keeps the original text, or for
//! a Word, PDF or HTML file the text its reader extracted and where each line came from.

use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::read::{self, Extracted, Format, Limits, Notice, Origin};
use crate::span::{LineIndex, Span};

/// Inputs larger than this are refused with [`Error::TooLarge`] (256 MiB).
pub const DEFAULT_SIZE_LIMIT: u64 = 256 * 1024 * 1024;

/// One input file (or in-memory text), decoded, with its original text kept intact.
///
/// All spans the crate reports are byte offsets into [`Source::text`], which is the input
/// exactly as given (a UTF-8 byte-order mark included), so they are also byte offsets into
/// the file on disk. The exceptions: a UTF-16 file is decoded to UTF-8 first and its spans
/// point into the decoded text; a Word, PDF or HTML file (told by its content, see
/// [`read::sniff`]) is replaced by the text its reader extracted, and
/// [`Source::origin_of_line`] tells where each line of that text came from.
///
/// The text, its line index and the origins are shared: a clone is cheap, so that the
/// documents of a [`Pack`](crate::Pack) can each hold their file without copying it.
#[derive(Clone, Debug)]
pub struct Source {
    name: String,
    text: Arc<String>,
    body_start: usize,
    lines: Arc<LineIndex>,
    format: Format,
    origins: Arc<Vec<Origin>>,
    notices: Arc<Vec<Notice>>,
}

impl Source {
    /// Takes a text that is already in memory; `name` is used in messages.
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Result<Source> {
        Source::checked(name.into(), text.into())
    }

    /// Reads raw bytes: a Word, PDF or HTML file through its reader (see [`read`]), any
    /// other as text: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order
    /// mark. Invalid UTF-8 and binary data are errors, never decoded lossily.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> Result<Source> {
        Source::from_bytes_with_limits(name, bytes, &Limits::default())
    }

    /// [`Source::from_bytes`] with the readers bounded by `limits` instead of the defaults.
    pub fn from_bytes_with_limits(
        name: impl Into<String>,
        bytes: &[u8],
        limits: &Limits,
    ) -> Result<Source> {
        let name = name.into();
        let format = read::sniff(&name, bytes)?;
        match read::extract(&name, format, bytes, limits)? {
            Some(extracted) => Source::extracted(name, format, extracted),
            None => {
                let text = decode(&name, bytes)?;
                Source::checked(name, text)
            }
        }
    }

    /// Takes the text a reader extracted from a file of `format`.
    fn extracted(name: String, format: Format, extracted: Extracted) -> Result<Source> {
        let Extracted {
            text,
            origins,
            notices,
        } = extracted;
        let mut source = Source::checked(name, text)?;
        source.format = format;
        source.origins = Arc::new(origins);
        source.notices = Arc::new(notices);
        Ok(source)
    }

    /// Reads and decodes a file. Files over [`DEFAULT_SIZE_LIMIT`] are refused.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Source> {
        Source::from_path_with_limit(path, DEFAULT_SIZE_LIMIT)
    }

    /// Reads and decodes a file, refusing files over `limit` bytes.
    pub fn from_path_with_limit(path: impl AsRef<Path>, limit: u64) -> Result<Source> {
        let path = path.as_ref();
        let io_error = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let name = path.display().to_string();
        let size = std::fs::metadata(path).map_err(io_error)?.len();
        if size > limit {
            return Err(Error::TooLarge {
                file: name,
                size,
                limit,
            });
        }
        let bytes = std::fs::read(path).map_err(io_error)?;
        Source::from_bytes(name, &bytes)
    }

    fn checked(name: String, text: String) -> Result<Source> {
        if let Some(offset) = binary_offset(&text) {
            let lines = LineIndex::new(&text);
            return Err(Error::Binary {
                line: lines.line_of(offset),
                file: name,
                offset,
            });
        }
        let body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        if text[body_start..].trim().is_empty() {
            return Err(Error::Empty { file: name });
        }
        let lines = LineIndex::new(&text);
        Ok(Source {
            name,
            text: Arc::new(text),
            body_start,
            lines: Arc::new(lines),
            format: Format::Text,
            origins: Arc::default(),
            notices: Arc::default(),
        })
    }

    /// The format the input was read as.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Where 1-based line `line` of [`Source::text`] came from in the original file: `None`
    /// for a plain-text input, whose lines are the file's own.
    pub fn origin_of_line(&self, line: usize) -> Option<&Origin> {
        line.checked_sub(1).and_then(|i| self.origins.get(i))
    }

    /// What the reader left out of the text or warns about (a section in a third language);
    /// empty for a plain-text input.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The name given for this input: its path, or the name passed with an in-memory text.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole original text, byte-order mark included.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The span of the text after any byte-order mark.
    pub fn body(&self) -> Span {
        Span::new(self.body_start, self.text.len())
    }

    /// The original text under `span`.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span]
    }

    /// 1-based line number of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.line_of(offset)
    }

    /// Number of lines in the input.
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }
}

/// A source is serialized as what a report needs to name it: `{"name", "bytes", "lines"}`
/// (the text itself is not repeated), and for a file read by a reader its `"format"`
/// (`"docx"`, `"pdf"`, `"html"`; the bytes and lines are those of the extracted text).
#[cfg(feature = "serde")]
impl serde::Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let read = self.format != Format::Text;
        let mut s = serializer.serialize_struct("Source", 3 + usize::from(read))?;
        s.serialize_field("name", &self.name)?;
        s.serialize_field("bytes", &self.text.len())?;
        s.serialize_field("lines", &self.line_count())?;
        if read {
            s.serialize_field("format", &self.format)?;
        }
        s.end()
    }
}

fn decode(name: &str, bytes: &[u8]) -> Result<String> {
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, u16::from_le_bytes as fn([u8; 2]) -> u16)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    if let Some((rest, to_unit)) = utf16 {
        let units = rest.chunks(2).map(|pair| match pair {
            [a, b] => to_unit([*a, *b]),
            // An odd trailing byte cannot be a code unit; it decodes to U+FFFD's error below.
            _ => 0xDC00,
        });
        let mut text = String::with_capacity(rest.len());
        for (i, unit) in char::decode_utf16(units).enumerate() {
            match unit {
                Ok(c) => text.push(c),
                Err(_) => {
                    return Err(Error::InvalidUtf16 {
                        file: name.to_owned(),
                        offset: 2 + 2 * i,
                    });
                }
            }
        }
        return Ok(text);
    }
    // The quick check says only whether the bytes are UTF-8; where they are not, the standard
    // library's tells where.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(err) => {
            let offset = err.valid_up_to();
            // Binary data usually fails UTF-8 too; say "binary" when it clearly is.
            if let Some(nul) = bytes.iter().position(|&b| b == 0) {
                let line = line_of_bytes(bytes, nul);
                return Err(Error::Binary {
                    file: name.to_owned(),
                    offset: nul,
                    line,
                });
            }
            Err(Error::InvalidUtf8 {
                file: name.to_owned(),
                offset,
                line: line_of_bytes(bytes, offset),
            })
        }
    }
}

fn line_of_bytes(bytes: &[u8], offset: usize) -> usize {
    let valid = &bytes[..offset.min(bytes.len())];
    1 + valid.iter().filter(|&&b| b == b'\n').count()
        + valid
            .windows(2)
            .filter(|w| w[0] == b'\r' && w[1] != b'\n')
            .count()
        + usize::from(valid.last() == Some(&b'\r'))
}

/// Offset of the first sign that `text` is binary: a NUL, or control characters making up
/// more than 1 % of the first 64 KiB (text documents have none beyond tab and line ends).
fn binary_offset(text: &str) -> Option<usize> {
    if let Some(nul) = text.find('\0') {
        return Some(nul);
    }
    let is_control =
        |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}' | '\u{b}');
    // A text without a single control character, as text documents are, has none in its
    // head either: two quick looks (one byte C0 and DEL, `C2 80`..`C2 9F` for C1) spare it
    // the count below.
    let bytes = text.as_bytes();
    // Folded without stopping early, a loop the compiler vectorizes.
    let has_c0 = bytes.iter().fold(false, |found, &b| {
        found | matches!(b, 0x00..=0x08 | 0x0E..=0x1F | 0x7F)
    });
    let has_c1 = || {
        memchr::memchr_iter(0xC2, bytes)
            .any(|at| bytes.get(at + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
    };
    if !has_c0 && !has_c1() {
        return None;
    }
    // The first 65,536 characters, their count and their controls, in one pass over the
    // bytes rather than decoded characters: a character starts at every byte that is not a
    // continuation byte, and a control is one byte (C0 and DEL) or `C2 80`..`C2 9F` (C1).
    let (mut head_end, mut chars, mut controls) = (text.len(), 0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b & 0xC0 == 0x80 {
            continue;
        }
        if chars == 65_536 {
            head_end = i;
            break;
        }
        chars += 1;
        let control = match b {
            b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => false,
            0x00..=0x1F | 0x7F => true,
            0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
            _ => false,
        };
        controls += usize::from(control);
    }
    let head = &text[..head_end];
    if controls * 100 > chars {
        head.char_indices()
            .find(|&(_, c)| is_control(c))
            .map(|(i, _)| i)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The quick UTF-8 check accepts what the standard library accepts, text and all, and
        /// what it refuses is refused with the standard library's position.
        #[test]
        fn decoding_agrees_with_the_standard_library(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b' ', 0xD0, 0xD1, 0x90, 0xB0, 0xE2, 0x80, 0xFF]),
                0..40,
            ),
        ) {
            let decoded = decode("f.txt", &bytes);
            match std::str::from_utf8(&bytes) {
                Ok(text) => {
                    let decoded = decoded.ok();
                    proptest::prop_assert_eq!(decoded.as_deref(), Some(text));
                }
                Err(err) => match decoded {
                    Err(Error::InvalidUtf8 { offset, .. }) => {
                        proptest::prop_assert_eq!(offset, err.valid_up_to());
                    }
                    other => proptest::prop_assert!(false, "{other:?}"),
                },
            }
        }
    }

    #[test]
    fn binary_offset_counts_characters_and_controls_as_decoded_text_does() {
        // The character-by-character reading the byte counts stand for.
        let by_chars = |text: &str| {
            let is_control =
                |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}' | '\u{b}');
            let head: Vec<(usize, char)> = text.char_indices().take(65_536).collect();
            let controls = head.iter().filter(|(_, c)| is_control(*c)).count();
            (controls * 100 > head.len())
                .then(|| head.iter().find(|(_, c)| is_control(*c)).map(|(i, _)| *i))
                .flatten()
        };
        let long_text = format!("{}\u{1}\u{85}", "Жалпы «ереже»\t\r\n".repeat(4_000));
        let long_controls = format!("{}{}", "ә".repeat(65_530), "\u{1}\u{9f}".repeat(700));
        for text in [
            "1. Жалпы\n",
            "a\u{1}b",
            "\u{80}\u{9f}\u{a0}«»",
            "\u{b}\u{c}\u{7f}",
            long_text.as_str(),
            long_controls.as_str(),
        ] {
            assert_eq!(
                binary_offset(text),
                by_chars(text),
                "{:?}",
                &text[..text.len().min(40)]
            );
        }
    }

    #[test]
    fn bom_is_kept_in_text_but_skipped_by_body() {
        let src = Source::from_bytes("a.txt", "\u{feff}1. Жалпы".as_bytes()).unwrap();
        assert_eq!(src.body().start(), 3);
        assert_eq!(src.slice(src.body()), "1. Жалпы");
    }

    #[test]
    fn invalid_utf8_names_file_offset_and_line() {
        let mut bytes = "1. Жалпы\n2. Ереже ".as_bytes().to_vec();
        bytes.push(0xFF);
        let err = Source::from_bytes("bad.txt", &bytes).unwrap_err();
        match err {
            Error::InvalidUtf8 {
                ref file,
                offset,
                line,
            } => {
                assert_eq!(
                    (file.as_str(), offset, line),
                    ("bad.txt", bytes.len() - 1, 2)
                );
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(
            err.to_string()
                .starts_with("bad.txt:2: invalid UTF-8 at byte")
        );
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "1. Общие положения".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let src = Source::from_bytes("u16.txt", &bytes).unwrap();
        assert_eq!(src.text(), "1. Общие положения");
    }

    #[test]
    fn empty_white_space_and_binary_are_errors() {
        assert!(matches!(
            Source::from_text("e", ""),
            Err(Error::Empty { .. })
        ));
        assert!(matches!(
            Source::from_text("w", " \n\t\u{a0}\r\n"),
            Err(Error::Empty { .. })
        ));
        let bin = Source::from_bytes("b", &[0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]).unwrap_err();
        assert!(matches!(bin, Error::Binary { offset: 4, .. }), "{bin:?}");
        let ctl = Source::from_text("c", "\u{1}\u{2}\u{3}abc").unwrap_err();
        assert!(matches!(ctl, Error::Binary { offset: 0, .. }));
    }

    #[test]
    fn files_are_read_by_content_and_unreadable_kinds_are_clear_errors() {
        let legacy = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        let err = Source::from_bytes("policy.docx", &legacy).unwrap_err();
        assert!(matches!(err, Error::Unsupported { .. }), "{err:?}");
        assert!(
            err.to_string()
                .starts_with("policy.docx: a legacy Word .doc")
        );
        // A zip that is not a Word document is said to be one, not "binary data".
        let err = Source::from_bytes("a.txt", b"PK\x03\x04\x14\0\0\0").unwrap_err();
        assert!(err.to_string().contains("not a Word document"), "{err}");
        // HTML is read by its reader; without it, as text, as it always was: the normalizer
        // strips its tags.
        let html = Source::from_bytes("a.html", "<p>1. Жалпы</p>".as_bytes()).unwrap();
        #[cfg(feature = "html")]
        assert_eq!(
            (html.format(), html.text(), html.origin_of_line(1)),
            (
                Format::Html,
                "1. Жалпы\n\n",
                Some(&Origin::Html {
                    path: "body > p".to_owned()
                })
            )
        );
        #[cfg(not(feature = "html"))]
        assert_eq!(
            (html.format(), html.origin_of_line(1)),
            (Format::Text, None)
        );
    }

    #[test]
    fn missing_file_is_an_io_error_naming_the_path() {
        let err = Source::from_path("/no/such/file.txt").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/no/such/file.txt: cannot read")
        );
    }
}
