//! Reading files that are not plain text: Word (`.docx`), PDF and HTML become plain text
//! with one block (paragraph, table cell, list item, PDF line) per line, and a map from every
//! line back to where it came from, so that a clause found in the text still cites a place the
//! user can find in the original file.
//!
//! A file is recognised by its content ([`sniff`]), never by its name. Each format has a
//! reader behind a cargo feature; a reader parses untrusted bytes, so everything it expands
//! (zip entries, XML nesting, PDF objects and pages) is bounded by [`Limits`] and a file over
//! a limit is refused with [`Error::LimitExceeded`].
//!
//! A reader is a function `read(name: &str, bytes: &[u8], limits: &Limits) ->
//! Result<Extracted>` in its own module (`docx.rs`, `html.rs`, `pdf.rs`), called from
//! [`extract`]. Readers take the shared types from `super::extracted` and `super::limits`,
//! not through this module, which imports them: no module imports its parent.

#[cfg(feature = "docx")]
mod archive;
#[cfg(feature = "docx")]
mod docx;
mod extracted;
mod format;
#[cfg(feature = "html")]
mod html;
#[cfg(feature = "docx")]
mod languages;
mod limits;
#[cfg(any(feature = "docx", feature = "html"))]
mod list_marker;
#[cfg(feature = "pdf")]
mod pdf;
#[cfg(feature = "docx")]
mod word_numbering;
#[cfg(feature = "docx")]
mod xml;

use crate::error::{Error, Result};

pub use extracted::{Extracted, Notice, Origin, TableCell};
pub use format::{Format, sniff};
pub use limits::Limits;

/// Extracts the text of a file whose [`sniff`]ed format is `format`: `None` when the file is
/// to be read as text (plain text, and HTML when the `html` reader is not built: the text
/// normalizer strips its tags).
///
/// # Errors
///
/// [`Error::NotBuilt`] when the format's reader was left out of the build; the reader's own
/// errors ([`Error::Malformed`], [`Error::LimitExceeded`], …) otherwise.
pub fn extract(
    name: &str,
    format: Format,
    bytes: &[u8],
    limits: &Limits,
) -> Result<Option<Extracted>> {
    let not_built = || Error::NotBuilt {
        file: name.to_owned(),
        format: format.name(),
        feature: format.feature().unwrap_or_default(),
    };
    // `limits` is unused when no reader is built, `not_built` when every reader is.
    let _ = (limits, &not_built);
    match format {
        Format::Text => Ok(None),
        // Without the `html` feature a web page is read as text: the normalizer strips tags.
        #[cfg(feature = "html")]
        Format::Html => html::read(name, bytes, limits).map(Some),
        #[cfg(not(feature = "html"))]
        Format::Html => Ok(None),
        #[cfg(feature = "docx")]
        Format::Docx => docx::read(name, bytes, limits).map(Some),
        #[cfg(not(feature = "docx"))]
        Format::Docx => Err(not_built()),
        #[cfg(feature = "pdf")]
        Format::Pdf => pdf::read(name, bytes, limits).map(Some),
        #[cfg(not(feature = "pdf"))]
        Format::Pdf => {
            let _ = bytes;
            Err(not_built())
        }
    }
}
