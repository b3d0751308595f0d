//! The zip container of an Office file, read within [`Limits`]: a bounded number of entries,
//! and a budget of decompressed bytes shared by every entry read, so that a zip bomb (a
//! small file that inflates to gigabytes) is refused after reading no more than the budget.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::limits::Limits;
use crate::error::{Error, Result};

/// An opened archive with what is left of its decompression budget.
pub(super) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    file: &'a str,
    format: &'static str,
    budget: u64,
    limit: u64,
}

impl<'a> Archive<'a> {
    /// Opens the zip in `bytes`; `file` and `format` name it in errors.
    pub fn open(
        file: &'a str,
        format: &'static str,
        bytes: &'a [u8],
        limits: &Limits,
    ) -> Result<Archive<'a>> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::Malformed {
            file: file.to_owned(),
            format,
            place: "zip container".to_owned(),
            message: zip_message(&e),
        })?;
        if zip.len() > limits.max_entries {
            return Err(Error::LimitExceeded {
                file: file.to_owned(),
                format,
                place: "zip container".to_owned(),
                what: "zip entries",
                limit: limits.max_entries as u64,
            });
        }
        Ok(Archive {
            zip,
            file,
            format,
            budget: limits.max_expanded_bytes,
            limit: limits.max_expanded_bytes,
        })
    }

    /// The text of entry `name` (XML in UTF-8, or UTF-16 with a byte-order mark), or `None`
    /// when the archive has no such entry.
    pub fn read_text(&mut self, name: &str) -> Result<Option<String>> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let malformed = |message: String| Error::Malformed {
            file: self.file.to_owned(),
            format: self.format,
            place: format!("zip entry {name}"),
            message,
        };
        let mut entry = match self.zip.by_index(index) {
            Ok(entry) => entry,
            Err(e) => return Err(malformed(zip_message(&e))),
        };
        let mut bytes = Vec::new();
        // One byte over the budget tells a bomb from an entry that fits exactly.
        let read = (&mut entry)
            .take(self.budget.saturating_add(1))
            .read_to_end(&mut bytes);
        drop(entry);
        if let Err(e) = read {
            return Err(malformed(format!("cannot decompress: {e}")));
        }
        if bytes.len() as u64 > self.budget {
            return Err(Error::LimitExceeded {
                file: self.file.to_owned(),
                format: self.format,
                place: format!("zip entry {name}"),
                what: "decompressed bytes",
                limit: self.limit,
            });
        }
        self.budget -= bytes.len() as u64;
        decode(&bytes).map(Some).ok_or_else(|| {
            malformed("the XML is neither UTF-8 nor UTF-16 with a byte-order mark".to_owned())
        })
    }
}

fn zip_message(error: &ZipError) -> String {
    match error {
        ZipError::Io(e) => format!("cannot read the zip container: {e}"),
        other => other.to_string(),
    }
}

fn decode(bytes: &[u8]) -> Option<String> {
    let utf16 = |rest: &[u8], to_unit: fn([u8; 2]) -> u16| {
        let units = rest.chunks_exact(2).map(|pair| to_unit([pair[0], pair[1]]));
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok()
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8(rest.to_vec()).ok(),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8(bytes.to_vec()).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in entries {
            zip.start_file(*name, options).unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn entries_are_read_as_text_within_the_budget() {
        let bytes = zip_of(&[("a.xml", "\u{feff}<a>ә</a>".as_bytes()), ("b.xml", b"<b/>")]);
        let mut limits = Limits::new();
        limits.max_expanded_bytes = 20;
        let mut archive = Archive::open("f.docx", "DOCX", &bytes, &limits).unwrap();
        assert_eq!(archive.read_text("a.xml").unwrap().unwrap(), "<a>ә</a>");
        assert_eq!(archive.read_text("missing.xml").unwrap(), None);
        // 12 of 20 bytes are spent; the next 4 fit, a second read of a.xml does not.
        assert_eq!(archive.read_text("b.xml").unwrap().unwrap(), "<b/>");
        let err = archive.read_text("a.xml").unwrap_err();
        assert!(
            matches!(
                err,
                Error::LimitExceeded {
                    what: "decompressed bytes",
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn a_bomb_is_refused_after_the_budget() {
        let bytes = zip_of(&[("word/document.xml", &vec![b' '; 1 << 20])]);
        assert!(bytes.len() < 10_000, "{} bytes", bytes.len());
        let mut limits = Limits::new();
        limits.max_expanded_bytes = 1000;
        let mut archive = Archive::open("bomb.docx", "DOCX", &bytes, &limits).unwrap();
        let err = archive.read_text("word/document.xml").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("bomb.docx: zip entry word/document.xml: the DOCX file exceeds"),
            "{err}"
        );
    }

    #[test]
    fn too_many_entries_and_a_broken_container_are_errors() {
        let bytes = zip_of(&[("a", b"1"), ("b", b"2"), ("c", b"3")]);
        let mut limits = Limits::new();
        limits.max_entries = 2;
        let err = Archive::open("f", "DOCX", &bytes, &limits).err().unwrap();
        assert!(matches!(
            err,
            Error::LimitExceeded {
                what: "zip entries",
                ..
            }
        ));
        let err = Archive::open("f", "DOCX", &bytes[..bytes.len() / 2], &Limits::new())
            .err()
            .unwrap();
        assert!(
            err.to_string()
                .starts_with("f: zip container: damaged DOCX"),
            "{err}"
        );
    }
}
