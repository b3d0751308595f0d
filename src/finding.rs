//! Findings: problems found in a document that do not stop it from being processed.

use std::fmt;

use crate::clause::ClauseId;
use crate::kind::{Kind, Scope, Severity};
use crate::language::Lang;
use crate::span::Span;

/// One problem, with the evidence to check it: the clauses, the place in the file, a message.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Finding {
    kind: Kind,
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
    pub(crate) fn new(kind: Kind, file: &str, message: String) -> Finding {
        debug_assert_eq!(kind.scope(), Scope::Version, "{kind} is not a finding");
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

    /// The kind of problem: one of the kinds of [`Scope::Version`].
    pub fn kind(&self) -> Kind {
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
