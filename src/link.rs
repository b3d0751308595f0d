//! The result of aligning: a [`Link`] pairs a group of Kazakh clauses with the Russian
//! clauses that translate them.
//!
//! A leaf of the crate's module graph: the aligner makes links, the divergence checks, the
//! reports and the corpus read them, and none of them needs the other for that.

use crate::clause::ClauseId;
use crate::language::{ByLang, Lang};

/// How clauses were paired: one link per group of clauses that translate each other.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Link {
    #[cfg_attr(feature = "serde", serde(flatten))]
    clauses: ByLang<Vec<ClauseId>>,
    score: f32,
}

impl Link {
    /// A link between the clauses of both sides, with how sure the pairing is.
    pub(crate) fn new(clauses: ByLang<Vec<ClauseId>>, score: f32) -> Link {
        Link { clauses, score }
    }

    /// The Kazakh clauses of the link (none when a Russian clause has no counterpart).
    pub fn kk(&self) -> &[ClauseId] {
        &self.clauses.kk
    }

    /// The Russian clauses of the link.
    pub fn ru(&self) -> &[ClauseId] {
        &self.clauses.ru
    }

    /// The clauses on the side of `lang`.
    pub fn side(&self, lang: Lang) -> &[ClauseId] {
        self.clauses.get(lang)
    }

    /// How sure the pairing is, from 0 to 1 (0 for a clause without counterpart).
    pub fn score(&self) -> f32 {
        self.score
    }

    /// Whether one side is empty.
    pub fn is_unmatched(&self) -> bool {
        self.clauses.kk.is_empty() || self.clauses.ru.is_empty()
    }
}
