//! The public model of a divergence: what disagrees, how seriously, and where.

use std::fmt;

use crate::clause::ClauseId;
use crate::kind::{Kind, Severity};
use crate::language::{ByLang, Lang};
use crate::meaning::MeaningMismatch;

/// The 1-based lines of a divergence, each in its own version's file.
pub type Lines = ByLang<Vec<usize>>;

/// One disagreement between the versions, with the clauses and lines to check it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Divergence {
    kind: Kind,
    severity: Severity,
    #[cfg_attr(feature = "serde", serde(flatten))]
    clauses: ByLang<Vec<ClauseId>>,
    lines: Lines,
    message: String,
    /// For a `meaning_mismatch`: its sub-kind and the words of each side.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    meaning: Option<MeaningMismatch>,
}

impl Divergence {
    /// A divergence from its parts; only the checks of this module make them.
    pub(super) fn new(
        kind: Kind,
        severity: Severity,
        clauses: ByLang<Vec<ClauseId>>,
        lines: Lines,
        message: String,
    ) -> Self {
        Divergence {
            kind,
            severity,
            clauses,
            lines,
            message,
            meaning: None,
        }
    }

    /// Attaches the evidence of a `meaning_mismatch`.
    pub(super) fn set_meaning(&mut self, meaning: MeaningMismatch) {
        self.meaning = Some(meaning);
    }

    /// Adds a line of `lang`'s file: for findings that name a line but no clause.
    pub(super) fn add_line(&mut self, lang: Lang, line: usize) {
        self.lines.get_mut(lang).push(line);
    }

    /// What kind of disagreement.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// How serious it is.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The clauses involved on the side of `lang`.
    pub fn side(&self, lang: Lang) -> &[ClauseId] {
        self.clauses.get(lang)
    }

    /// The clauses involved on both sides.
    pub fn clauses(&self) -> &ByLang<Vec<ClauseId>> {
        &self.clauses
    }

    /// The lines in each version's file.
    pub fn lines(&self) -> &Lines {
        &self.lines
    }

    /// For a `meaning_mismatch`: its sub-kind and the words of each side, with their spans
    /// in the original files; `None` for every other kind.
    pub fn meaning(&self) -> Option<&MeaningMismatch> {
        self.meaning.as_ref()
    }

    /// A plain-language message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Divergence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines = |l: &[usize]| l.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
        write!(f, "{} [{}]", self.severity, self.kind)?;
        if !self.lines.kk.is_empty() {
            write!(f, " kk:{}", lines(&self.lines.kk))?;
        }
        if !self.lines.ru.is_empty() {
            write!(f, " ru:{}", lines(&self.lines.ru))?;
        }
        write!(f, ": {}", self.message)
    }
}
