//! The PDF reader (feature `pdf`): the text layer, page by page, as the paragraphs a reader
//! sees, the way the corpus's PDF-extracted texts are laid out (one paragraph per line, a
//! blank line between paragraphs).
//!
//! - The file is parsed with `lopdf`; each page's content stream is interpreted to place
//!   every glyph (`content`), decoded through its font's `/ToUnicode` map (or its encoding).
//! - Glyphs on one baseline are a line; lines are joined into paragraphs, running headers,
//!   footers and page numbers dropped (`layout`).
//! - A Latin look-alike inside a Cyrillic word is folded to its Cyrillic letter (`ə` to `ә`:
//!   some fonts map the Kazakh letter to the Latin one), as the text normalizer does for
//!   matching; here the extracted text itself is repaired, since the letter is an artefact
//!   of the font, not a typing slip.
//! - A PDF without a text layer (a scan) is [`Error::NoTextLayer`]: run OCR first.
//!
//! Every paragraph's [`Origin::Pdf`] is the page and line (counted top to bottom, running
//! headers included) where it starts.
//!
//! # Limits
//!
//! A PDF is untrusted input. Beyond [`Limits`] (objects: `max_entries`, pages: `max_pages`,
//! decompressed streams: `max_expanded_bytes` for any one stream lopdf decompresses while
//! loading, and for the content streams of all pages together), one page's content stream may not
//! decompress past [`MAX_PAGE_CONTENT`] and the document may not place more than
//! [`MAX_GLYPHS`] glyphs; form XObjects nest at most 12 deep (deeper ones are skipped).
//! The parser may still panic on a file it does not expect: the panic is caught at this
//! boundary and becomes [`Error::Malformed`], as a last resort (a panic hook still prints
//! it to standard error).

mod content;
mod layout;

use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::{Document, LoadOptions, Object, ObjectId};

use super::extracted::{Extracted, Origin};
use super::limits::Limits;
use crate::error::{Error, Result};
use crate::language::is_cyrillic_letter;
use crate::normalize::fold_to_cyrillic;
use content::{Interpreter, Stop};
use layout::PageLines;

/// One page's content stream may decompress to at most this many bytes (64 MiB).
pub const MAX_PAGE_CONTENT: usize = 64 * 1024 * 1024;

/// A document may place at most this many glyphs (20 million: ten thousand dense pages).
pub const MAX_GLYPHS: usize = 20_000_000;

const FORMAT: &str = "PDF";

/// Reads the text layer of a PDF file. `name` names the file in errors.
///
/// # Errors
///
/// [`Error::NoTextLayer`] for a scan; [`Error::LimitExceeded`] past a limit;
/// [`Error::Malformed`] for a damaged or password-protected file, or one whose fonts do not
/// say which letters they draw.
pub(crate) fn read(name: &str, bytes: &[u8], limits: &Limits) -> Result<Extracted> {
    match catch_unwind(AssertUnwindSafe(|| read_pages(name, bytes, limits))) {
        Ok(result) => result,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(malformed(
                name,
                "file",
                format!(
                    "the PDF parser gave up on it ({what}); the file is damaged or uses a feature the reader does not support"
                ),
            ))
        }
    }
}

fn malformed(name: &str, place: &str, message: impl Into<String>) -> Error {
    Error::Malformed {
        file: name.to_owned(),
        format: FORMAT,
        place: place.to_owned(),
        message: message.into(),
    }
}

fn limit(name: &str, place: impl Into<String>, what: &'static str, limit: usize) -> Error {
    Error::LimitExceeded {
        file: name.to_owned(),
        format: FORMAT,
        place: place.into(),
        what,
        limit: limit as u64,
    }
}

fn read_pages(name: &str, bytes: &[u8], limits: &Limits) -> Result<Extracted> {
    let max_expanded = usize::try_from(limits.max_expanded_bytes).unwrap_or(usize::MAX);
    // Refuse a file declaring more objects than allowed before parsing them all.
    let declared = bytes.windows(4).filter(|w| w == b" obj").count();
    if declared > limits.max_entries {
        return Err(limit(name, "file", "objects", limits.max_entries));
    }
    let options = LoadOptions {
        max_decompressed_size: Some(max_expanded),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|err| match err {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            limit(name, "file", "decompressed size", max_expanded)
        }
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => malformed(
            name,
            "file",
            "it is protected by a password; save an unprotected copy first",
        ),
        other => malformed(name, "file structure", other.to_string()),
    })?;
    if doc.objects.len() > limits.max_entries {
        return Err(limit(name, "file", "objects", limits.max_entries));
    }
    let page_ids = doc.get_pages();
    if page_ids.len() > limits.max_pages {
        return Err(limit(name, "page tree", "pages", limits.max_pages));
    }
    if page_ids.is_empty() {
        return Err(malformed(name, "page tree", "the document has no pages"));
    }
    let mut interpreter = Interpreter::new(&doc, MAX_PAGE_CONTENT, max_expanded, MAX_GLYPHS);
    let mut pages = Vec::with_capacity(page_ids.len());
    let (mut chars, mut unreadable) = (0usize, 0usize);
    for (number, page_id) in page_ids.values().enumerate() {
        let number = number + 1;
        let glyphs = interpreter.page(*page_id).map_err(|stop| match stop {
            Stop::TooManyGlyphs => limit(name, format!("page {number}"), "characters", MAX_GLYPHS),
            Stop::TooLarge(id) => limit(
                name,
                format!("page {number}{}", id.map(object_name).unwrap_or_default()),
                "decompressed size of content streams",
                MAX_PAGE_CONTENT.min(max_expanded),
            ),
        })?;
        for glyph in &glyphs {
            for c in glyph.text.chars().filter(|c| !c.is_whitespace()) {
                chars += 1;
                if c == '\u{fffd}' || ('\u{e000}'..='\u{f8ff}').contains(&c) || c.is_control() {
                    unreadable += 1;
                }
            }
        }
        let (bottom, top) = media_box(&doc, *page_id);
        pages.push(PageLines {
            page: number,
            bottom,
            top,
            lines: layout::lines(glyphs),
        });
    }
    if chars == 0 {
        return Err(Error::NoTextLayer {
            file: name.to_owned(),
            pages: pages.len(),
        });
    }
    if unreadable * 2 > chars {
        return Err(malformed(
            name,
            "fonts",
            "its fonts do not say which letters they draw (no Unicode map), so the text layer cannot be read; run OCR first",
        ));
    }
    layout::drop_running_lines(&mut pages);
    let mut out = Extracted::new();
    for paragraph in layout::paragraphs(&pages) {
        out.push_line(
            &fold_lookalikes(&paragraph.text),
            Origin::Pdf {
                page: paragraph.page,
                line: paragraph.line,
            },
        );
        out.push_blank();
    }
    Ok(out)
}

fn object_name(id: ObjectId) -> String {
    format!(", object {} {}", id.0, id.1)
}

/// The bottom and top of a page's media box (inherited from the page tree), or of an A4
/// page when it has none.
fn media_box(doc: &Document, page_id: ObjectId) -> (f32, f32) {
    let mut node = doc.get_dictionary(page_id).ok();
    // The page tree is at most as deep as lopdf lets it be; stop early all the same.
    for _ in 0..64 {
        let Some(dict) = node else { break };
        if let Some(values) = dict
            .get(b"MediaBox")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_array().ok())
        {
            let numbers: Vec<f32> = values.iter().filter_map(|v| v.as_float().ok()).collect();
            if let [_, y0, _, y1] = numbers[..]
                && y0.is_finite()
                && y1.is_finite()
                && y0 != y1
            {
                return (y0.min(y1), y0.max(y1));
            }
        }
        node = dict
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok();
    }
    (0.0, 842.0)
}

/// Folds Latin look-alikes inside Cyrillic words to Cyrillic (`Жəнібек` → `Жәнібек`): a
/// word with more Cyrillic letters than Latin ones, each Latin one having a Cyrillic
/// counterpart. Other words are left as they are (`Facebookта`).
fn fold_lookalikes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let (mut cyrillic, mut latin, mut foldable) = (0, 0, true);
        for c in word.chars() {
            if is_cyrillic_letter(c) {
                cyrillic += 1;
            } else if c.is_alphabetic() {
                latin += 1;
                foldable &= fold_to_cyrillic(c) != c;
            }
        }
        if latin > 0 && cyrillic > latin && foldable {
            out.extend(word.chars().map(fold_to_cyrillic));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_look_alikes_in_cyrillic_words_are_folded() {
        assert_eq!(
            fold_lookalikes("Жəнібек хандар, жəне Facebookта, Wi-Fi, ƏДІЛЕТ"),
            "Жәнібек хандар, және Facebookта, Wi-Fi, ӘДІЛЕТ"
        );
    }
}
