//! Findings: problems found in a document that do not stop it from being processed.

use std::fmt;

use crate::clause::ClauseId;
use crate::language::Lang;
use crate::span::Span;

/// What kind of problem a [`Finding`] reports. Serialized in `snake_case`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum FindingKind {
    /// A number that does not fit its parent or its neighbours: a `7.6.` inside section 9,
    /// a `2.3` after `2.5`.
    OutOfSequence,
    /// A number is skipped: `6.3` followed by `6.5`.
    NumberingGap,
    /// The same number twice in one version.
    DuplicateNumber,
    /// Numbers written in more than one way: `5.1` beside `5.1.`, or mixed markers (bullets,
    /// heading levels) in one list.
    NumberingStyle,
    /// A version without any numbered clause.
    NoNumbering,
    /// Words typed in two scripts (Latin `ə` for `ә`, Cyrillic `о` in `cookie`).
    MixedScript,
    /// Only one language version was found.
    SingleLanguage,
}

impl FindingKind {
    /// The `snake_case` name used in JSON and reports.
    pub const fn name(self) -> &'static str {
        match self {
            FindingKind::OutOfSequence => "out_of_sequence",
            FindingKind::NumberingGap => "numbering_gap",
            FindingKind::DuplicateNumber => "duplicate_number",
            FindingKind::NumberingStyle => "numbering_style",
            FindingKind::NoNumbering => "no_numbering",
            FindingKind::MixedScript => "mixed_script",
            FindingKind::SingleLanguage => "single_language",
        }
    }

    /// How serious this kind of problem is.
    pub const fn severity(self) -> Severity {
        match self {
            FindingKind::OutOfSequence
            | FindingKind::DuplicateNumber
            | FindingKind::SingleLanguage => Severity::Warning,
            FindingKind::NumberingGap => Severity::Warning,
            FindingKind::NumberingStyle | FindingKind::NoNumbering | FindingKind::MixedScript => {
                Severity::Info
            }
        }
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Severity {
    /// The two versions may bind differently; a lawyer must look.
    Error,
    /// Probably a mistake in the document.
    Warning,
    /// Worth knowing; rarely changes the meaning.
    Info,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

/// One problem, with the evidence to check it: the clauses, the place in the file, a message.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Finding {
    kind: FindingKind,
    severity: Severity,
    lang: Option<Lang>,
    file: String,
    clauses: Vec<ClauseId>,
    span: Option<Span>,
    line: Option<usize>,
    count: usize,
    message: String,
}

impl Finding {
    pub(crate) fn new(kind: FindingKind, file: &str, message: String) -> Finding {
        Finding {
            kind,
            severity: kind.severity(),
            lang: None,
            file: file.to_owned(),
            clauses: Vec::new(),
            span: None,
            line: None,
            count: 1,
            message,
        }
    }

    pub(crate) fn in_lang(mut self, lang: Lang) -> Finding {
        self.lang = Some(lang);
        self
    }

    pub(crate) fn at(mut self, span: Span, line: usize) -> Finding {
        self.span = Some(span);
        self.line = Some(line);
        self
    }

    pub(crate) fn with_clauses(mut self, clauses: Vec<ClauseId>) -> Finding {
        self.clauses = clauses;
        self
    }

    pub(crate) fn with_count(mut self, count: usize) -> Finding {
        self.count = count;
        self
    }

    /// The kind of problem.
    pub fn kind(&self) -> FindingKind {
        self.kind
    }

    /// How serious it is.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The language version it was found in, if it belongs to one.
    pub fn lang(&self) -> Option<Lang> {
        self.lang
    }

    /// The input file it was found in.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The clauses involved, first the one the finding is about.
    pub fn clauses(&self) -> &[ClauseId] {
        &self.clauses
    }

    /// Where in the original input (first occurrence, for a finding with a count).
    pub fn span(&self) -> Option<Span> {
        self.span
    }

    /// 1-based line of [`Finding::span`].
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// How many occurrences the finding stands for (a mixed-script letter in 200 words is
    /// one finding with a count of 200).
    pub fn count(&self) -> usize {
        self.count
    }

    /// A plain-language message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {} [{}]", self.severity, self.kind)?;
        if let Some(lang) = self.lang {
            write!(f, " ({lang})")?;
        }
        write!(f, ": {}", self.message)
    }
}
