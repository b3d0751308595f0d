//! Clause starts: where the line loop found that a clause begins, before clauses are built.
//!
//! Both the line loop (`lines`, `scanner`) and the builders of clauses and their tree (`build`,
//! `tree`) read these, so they live apart from all of them.

use crate::number::{ClauseNumber, NumberSlip, NumberStyle};

/// What made a clause start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum StartKind {
    /// A block of text before the first numbered clause.
    Block,
    /// A number at a line start or an expected number inside a line.
    Numbered,
    /// One or more bullet glyphs at a line start.
    Bullet,
    /// A row of a tab-separated table.
    TableRow,
    /// A new paragraph after a finished list.
    Paragraph,
}

/// A place where a clause begins, with what its first line told about it.
#[derive(Debug)]
pub(super) struct Start {
    /// Where the clause begins: its first marker or its number.
    pub(super) offset: usize,
    /// Where its text begins, after markers and number.
    pub(super) body: usize,
    /// What made it start.
    pub(super) kind: StartKind,
    /// Its number, for a numbered start.
    pub(super) number: Option<ClauseNumber>,
    /// Its bullet glyphs (`-`, `- ✓`), for a bullet.
    pub(super) marker: Option<String>,
    /// The Markdown heading level of its line (`###` is 3), 0 when none.
    pub(super) heading_level: u8,
    /// The indentation of its line, a tab counting as four spaces.
    pub(super) indent: usize,
    /// A slip in how its number is written (twice, extra dots), read past.
    pub(super) slip: Option<NumberSlip>,
    /// Which document of the version it belongs to, 0 for the first (see `parts`).
    pub(super) part: usize,
}

impl Start {
    /// Whether this is an item of a list: a bullet, a table row or an enumeration item
    /// (`1)`, `а)`), after which a new paragraph closes the list.
    pub(super) fn is_list_item(&self) -> bool {
        match self.kind {
            StartKind::Bullet | StartKind::TableRow => true,
            StartKind::Numbered => matches!(
                self.number.as_ref().map(ClauseNumber::style),
                Some(NumberStyle::Parenthesized | NumberStyle::Letter | NumberStyle::DottedItem)
            ),
            StartKind::Block | StartKind::Paragraph => false,
        }
    }
}
