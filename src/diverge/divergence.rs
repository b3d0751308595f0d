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

    /// The versions this divergence stands in: those with clauses or lines of it.
    fn present(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|&lang| !self.side(lang).is_empty() || !self.lines.get(lang).is_empty())
            .collect()
    }

    /// The [label](Kind::label) of its kind for a reader, its language placeholder filled in
    /// from the sides that hold clauses or lines: «Clause missing in Russian» for a Kazakh
    /// clause without counterpart, «Number skipped in Kazakh», «Numbered differently».
    ///
    /// ```
    /// use kzru_align::{Aligner, BilingualDocument, Kind};
    ///
    /// let doc = BilingualDocument::from_text("policy.txt", "1. Жалпы ережелер.\n\n2. Деректер сақталады.\n")?;
    /// let alignment = Aligner::new().align(&doc);
    /// let single = alignment.divergences().iter().find(|d| d.kind() == Kind::SingleLanguage).unwrap();
    /// assert_eq!(single.label(), "Russian version missing");
    /// # Ok::<(), kzru_align::Error>(())
    /// ```
    pub fn label(&self) -> String {
        let present = self.present();
        let names = |langs: &[Lang]| match langs {
            [] => "one version".to_owned(),
            [one] => one.name().to_owned(),
            _ => "both versions".to_owned(),
        };
        let absent: Vec<Lang> = Lang::ALL
            .into_iter()
            .filter(|lang| !present.contains(lang))
            .collect();
        let label = self.kind.label();
        if label.contains("{present}") {
            label.replace("{present}", &names(&present))
        } else if label.contains("{absent}") {
            label.replace("{absent}", &names(&absent))
        } else {
            label.to_owned()
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn divergence(kind: Kind, kk: usize, ru: usize, kk_lines: usize) -> Divergence {
        let ids = |lang, n| (0..n).map(|index| ClauseId { lang, index }).collect();
        Divergence::new(
            kind,
            kind.severity(),
            ByLang {
                kk: ids(Lang::Kk, kk),
                ru: ids(Lang::Ru, ru),
            },
            ByLang {
                kk: vec![1; kk_lines],
                ru: Vec::new(),
            },
            String::new(),
        )
    }

    #[test]
    fn the_label_names_the_version_that_lacks_or_holds_the_problem() {
        let missing = divergence(Kind::MissingCounterpart, 3, 0, 3);
        assert_eq!(missing.label(), "Clause missing in Russian");
        let missing = divergence(Kind::MissingCounterpart, 0, 1, 0);
        assert_eq!(missing.label(), "Clause missing in Kazakh");
        let gap = divergence(Kind::NumberingGap, 1, 0, 1);
        assert_eq!(gap.label(), "Number skipped in Kazakh");
        let twice = divergence(Kind::DuplicateNumber, 1, 1, 1);
        assert_eq!(twice.label(), "Number used twice in both versions");
        // A finding that names a line but no clause still has its side.
        let single = divergence(Kind::SingleLanguage, 0, 0, 1);
        assert_eq!(single.label(), "Russian version missing");
        let nowhere = divergence(Kind::NoNumbering, 0, 0, 0);
        assert_eq!(nowhere.label(), "No clause numbers in one version");
        let both = divergence(Kind::NumberingMismatch, 1, 1, 1);
        assert_eq!(both.label(), "Numbered differently");
    }
}
