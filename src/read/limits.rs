//! How far a reader may expand an untrusted file ([`Limits`]). Its own module, apart from
//! the dispatch in `read`, so that every reader can read it without depending on the others.

#[cfg(doc)]
use crate::error::Error;

/// Bounds on what a reader expands from an untrusted file; a file over any of them is refused
/// with [`Error::LimitExceeded`]. The defaults are far above any real legal document.
///
/// ```
/// let mut limits = kzru_align::read::Limits::default();
/// limits.max_pages = 200;
/// assert_eq!(limits.max_depth, 256);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Bytes a reader may decompress in total (zip entries, PDF streams): 256 MiB. A zip
    /// bomb stops here.
    pub max_expanded_bytes: u64,
    /// Nesting depth of XML or HTML elements: 256 (Word nests a few dozen deep at most).
    pub max_depth: usize,
    /// Entries of a zip archive, or objects of a PDF file: 100,000.
    pub max_entries: usize,
    /// Pages of a PDF file: 10,000.
    pub max_pages: usize,
}

impl Limits {
    /// The default limits.
    pub const fn new() -> Limits {
        Limits {
            max_expanded_bytes: 256 * 1024 * 1024,
            max_depth: 256,
            max_entries: 100_000,
            max_pages: 10_000,
        }
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::new()
    }
}
