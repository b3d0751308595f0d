//! A language block: a stretch of an input written in one language, as the splitter found
//! it. A file holding one bilingual document has one or two; a pack of documents has more.

use crate::language::Lang;
use crate::span::Span;

/// One stretch of an input in one language, between two changes of language.
///
/// The blocks of an input are listed in order by [`Pack::blocks`](crate::Pack::blocks) and
/// named, with their lines, by the errors of a file that cannot be read as one document
/// ([`Error::SeveralDocuments`](crate::Error::SeveralDocuments),
/// [`Error::Unsplittable`](crate::Error::Unsplittable)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LanguageBlock {
    lang: Lang,
    span: Span,
    line: usize,
    end_line: usize,
}

impl LanguageBlock {
    pub(crate) fn new(lang: Lang, span: Span, line: usize, end_line: usize) -> LanguageBlock {
        LanguageBlock {
            lang,
            span,
            line,
            end_line,
        }
    }

    /// The language of the block.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Where the block lies in its input (byte offsets into [`Source::text`](crate::Source::text)).
    pub fn span(&self) -> Span {
        self.span
    }

    /// 1-based line of the block's first text.
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based line of the block's last text.
    pub fn end_line(&self) -> usize {
        self.end_line
    }
}

/// `kk lines 1–193`, as the errors list blocks.
impl std::fmt::Display for LanguageBlock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} lines {}–{}", self.lang, self.line, self.end_line)
    }
}

/// The blocks as a list for a message: `kk lines 1–193, ru lines 195–400`.
pub(crate) fn list(blocks: &[LanguageBlock]) -> String {
    blocks
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
