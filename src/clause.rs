//! The clause model: what a version of a document is split into.

use std::fmt;

use crate::language::Lang;
use crate::number::{ClauseNumber, NumberSlip};
use crate::span::Span;

/// Identifies a clause within a document: its language version and its index there.
///
/// Serialized as a string such as `"kk-12"`, unique across both versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClauseId {
    /// The language version.
    pub lang: Lang,
    /// Index into [`Version::clauses`](crate::Version::clauses).
    pub index: usize,
}

impl fmt::Display for ClauseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.lang, self.index)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ClauseId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// What a clause is. Serialized in `snake_case`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ClauseKind {
    /// The document title: the first block of a version.
    Title,
    /// An unnumbered heading before the first numbered clause («Вводная часть»).
    Heading,
    /// An unnumbered paragraph before the first numbered clause.
    Preamble,
    /// A top-level numbered section (`1. Жалпы ережелер`, `IV. …`).
    Section,
    /// A numbered clause below the top level (`2.1.`, `3.1.2`).
    Clause,
    /// An enumeration item (`1)`, `а)`).
    Item,
    /// A bullet item (`-`, `•`, `✓`).
    Bullet,
    /// A row of a tab-separated table.
    TableRow,
    /// An unnumbered paragraph that follows a list and belongs to the clause above the list.
    Paragraph,
}

impl ClauseKind {
    /// The `snake_case` name.
    pub const fn name(self) -> &'static str {
        match self {
            ClauseKind::Title => "title",
            ClauseKind::Heading => "heading",
            ClauseKind::Preamble => "preamble",
            ClauseKind::Section => "section",
            ClauseKind::Clause => "clause",
            ClauseKind::Item => "item",
            ClauseKind::Bullet => "bullet",
            ClauseKind::TableRow => "table_row",
            ClauseKind::Paragraph => "paragraph",
        }
    }
}

impl fmt::Display for ClauseKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One clause of a language version, with its exact place in the original input.
///
/// A clause owns the text from its start (its number or marker) up to the start of the next
/// clause, so the clauses of a version cover all of its text without overlapping. Unnumbered
/// paragraphs that follow a clause belong to it; a sentence broken over lines or pages is
/// joined back in [`Clause::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Clause {
    pub(crate) id: ClauseId,
    pub(crate) kind: ClauseKind,
    pub(crate) number: Option<ClauseNumber>,
    pub(crate) marker: Option<String>,
    pub(crate) parent: Option<ClauseId>,
    pub(crate) children: Vec<ClauseId>,
    pub(crate) depth: usize,
    pub(crate) source: usize,
    pub(crate) span: Span,
    pub(crate) line: usize,
    pub(crate) end_line: usize,
    pub(crate) heading: Option<String>,
    pub(crate) text: String,
    pub(crate) part: usize,
    /// Markdown heading level (`###` is 3) written before the number; 0 for none.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(crate) heading_level: u8,
    /// A slip in how the number is written, read past by the segmenter.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(crate) slip: Option<NumberSlip>,
}

impl Clause {
    /// The clause's id.
    pub fn id(&self) -> ClauseId {
        self.id
    }

    /// The language version it belongs to.
    pub fn lang(&self) -> Lang {
        self.id.lang
    }

    /// What kind of clause it is.
    pub fn kind(&self) -> ClauseKind {
        self.kind
    }

    /// Its number as written, if it has one.
    pub fn number(&self) -> Option<&ClauseNumber> {
        self.number.as_ref()
    }

    /// Bullet glyphs written before it, as written (`-`, `•`, `- ✓`).
    pub fn marker(&self) -> Option<&str> {
        self.marker.as_deref()
    }

    /// The clause it belongs to.
    pub fn parent(&self) -> Option<ClauseId> {
        self.parent
    }

    /// The clauses that belong to it, in document order.
    pub fn children(&self) -> &[ClauseId] {
        &self.children
    }

    /// Depth in the clause tree (0 at the top).
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// Index of the input file it comes from (see [`BilingualDocument::sources`](crate::BilingualDocument::sources)).
    pub fn source(&self) -> usize {
        self.source
    }

    /// Its own text in the original input, from its number or marker to the end of its last
    /// attached paragraph (children excluded).
    pub fn span(&self) -> Span {
        self.span
    }

    /// 1-based line where it starts, in its own file.
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based line where its own text ends.
    pub fn end_line(&self) -> usize {
        self.end_line
    }

    /// For a section: its heading, joined back when it was broken over two lines.
    pub fn heading(&self) -> Option<&str> {
        self.heading.as_deref()
    }

    /// Its normalized text without the number or marker (see [`normalize`](crate::normalize())).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Which document of its version it belongs to: 0 for the first; a pack (an offer, then
    /// terms of use, then a privacy policy, each with its own title and numbering from 1)
    /// has one part per document. See [`Version::part_count`](crate::Version::part_count).
    pub fn part(&self) -> usize {
        self.part
    }

    /// Whether it carries a number (decimal, Roman, `1)` or `а)`).
    pub fn is_numbered(&self) -> bool {
        self.number.is_some()
    }
}

/// For every clause of a version: its 1-based position among the siblings of its kind, and
/// how many such siblings there are (itself included). One pass over the tree, so that a list
/// of a hundred thousand items costs no more than a hundred thousand lookups.
pub(crate) fn sibling_positions(clauses: &[Clause]) -> Vec<(usize, usize)> {
    let mut positions = vec![(1, 1); clauses.len()];
    let roots: Vec<ClauseId> = clauses
        .iter()
        .filter(|c| c.parent.is_none())
        .map(|c| c.id)
        .collect();
    let groups =
        std::iter::once(roots.as_slice()).chain(clauses.iter().map(|c| c.children.as_slice()));
    for siblings in groups {
        let mut counts: Vec<(ClauseKind, usize)> = Vec::new();
        for id in siblings {
            let Some(clause) = clauses.get(id.index) else {
                continue;
            };
            let slot = match counts.iter_mut().find(|(kind, _)| *kind == clause.kind) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    counts.push((clause.kind, 1));
                    1
                }
            };
            positions[id.index].0 = slot;
        }
        for id in siblings {
            if let Some(clause) = clauses.get(id.index)
                && let Some((_, n)) = counts.iter().find(|(kind, _)| *kind == clause.kind)
            {
                positions[id.index].1 = *n;
            }
        }
    }
    positions
}
