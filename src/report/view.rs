//! The borrowed view every single-document writer reads: a document, its links and its
//! divergences, wherever they are kept (an [`Alignment`] or a corpus [`DocumentResult`]).

use crate::corpus::DocumentResult;
use crate::{Alignment, BilingualDocument, Divergence, Link};

/// A document with its links and divergences, borrowed from whatever holds them.
///
/// The text, JSON and TMX writers take this view so that a corpus report writes each document
/// without copying its links and divergences into an [`Alignment`]. Build it from an
/// `&Alignment` or an `&DocumentResult` with `.into()`, or from the three parts directly.
#[derive(Clone, Copy, Debug)]
pub struct AlignedDocument<'a> {
    /// The document both versions belong to.
    pub doc: &'a BilingualDocument,
    /// The links, in document order.
    pub links: &'a [Link],
    /// The divergences found between the two versions.
    pub divergences: &'a [Divergence],
}

impl<'a, 'd: 'a> From<&'a Alignment<'d>> for AlignedDocument<'a> {
    fn from(alignment: &'a Alignment<'d>) -> AlignedDocument<'a> {
        AlignedDocument {
            doc: alignment.document(),
            links: alignment.links(),
            divergences: alignment.divergences(),
        }
    }
}

impl<'a> From<&'a DocumentResult> for AlignedDocument<'a> {
    fn from(result: &'a DocumentResult) -> AlignedDocument<'a> {
        AlignedDocument {
            doc: &result.doc,
            links: &result.links,
            divergences: &result.divergences,
        }
    }
}
