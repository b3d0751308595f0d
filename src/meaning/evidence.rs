//! The public model of a meaning mismatch: its sub-kind and the words of each side.

use std::fmt;

use crate::kind::Severity;
use crate::language::ByLang;
use crate::span::Span;

/// What kind of meaning differs between two aligned clauses.
///
/// Every sub-kind is reported; `docs/divergences.md` gives an example of each with its
/// evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum MeaningSubKind {
    /// Another party or role on each side: `Заказчик` against `Тұтынушы` (consumer).
    Party,
    /// An action against its opposite (to store against to delete, to give consent against
    /// to withdraw it).
    Action,
    /// One side negated, the other not.
    Negation,
    /// An exception (`кроме`, `за исключением`, `қоспағанда`) or a qualifier (`досрочного`,
    /// `насколько это целесообразно`, `жазбаша`) on one side only.
    Exception,
    /// A duty on one side, a right or a possibility on the other; or a declaration (`отказываюсь`)
    /// against a possibility (`бас тарту мүмкіндігі`).
    Modality,
    /// The same number with another time unit, or working against calendar days.
    Unit,
    /// Another quantity written in words (`три` against `бес`).
    Quantity,
    /// A list member more or less inside one sentence (`убеждениям и правам` against `сенімдеріне`).
    ListMember,
    /// Headings about different subjects (`Ответственность сторон` against `Тараптардың
    /// міндеттері`).
    Subject,
}

impl MeaningSubKind {
    /// Every sub-kind, in documentation order.
    pub const ALL: [MeaningSubKind; 9] = [
        MeaningSubKind::Party,
        MeaningSubKind::Action,
        MeaningSubKind::Negation,
        MeaningSubKind::Exception,
        MeaningSubKind::Modality,
        MeaningSubKind::Unit,
        MeaningSubKind::Quantity,
        MeaningSubKind::ListMember,
        MeaningSubKind::Subject,
    ];

    /// The `snake_case` name used in JSON.
    pub const fn name(self) -> &'static str {
        match self {
            MeaningSubKind::Party => "party",
            MeaningSubKind::Action => "action",
            MeaningSubKind::Negation => "negation",
            MeaningSubKind::Exception => "exception",
            MeaningSubKind::Modality => "modality",
            MeaningSubKind::Unit => "unit",
            MeaningSubKind::Quantity => "quantity",
            MeaningSubKind::ListMember => "list_member",
            MeaningSubKind::Subject => "subject",
        }
    }

    /// The severity of a `meaning_mismatch` of this sub-kind: an error where who owes what
    /// changes, a warning where a reader should look.
    pub const fn severity(self) -> Severity {
        match self {
            MeaningSubKind::Party
            | MeaningSubKind::Negation
            | MeaningSubKind::Exception
            | MeaningSubKind::Modality
            | MeaningSubKind::Unit => Severity::Error,
            MeaningSubKind::Action
            | MeaningSubKind::Quantity
            | MeaningSubKind::ListMember
            | MeaningSubKind::Subject => Severity::Warning,
        }
    }
}

impl fmt::Display for MeaningSubKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One word (or words, for a term such as `тапсырыс беруші`) that a meaning mismatch rests
/// on, as it stands in the original file.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Cue {
    pub(crate) text: String,
    pub(crate) span: Span,
    pub(crate) concept: &'static str,
}

impl Cue {
    /// The words as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Their bytes in the original file of their clause (see
    /// [`Clause::source`](crate::Clause::source)); the span of the whole clause when the
    /// words could not be found verbatim there (a word broken over two lines).
    pub fn span(&self) -> Span {
        self.span
    }

    /// The concept of the lexicon they express (`customer`, `duty`, `month`, `10`).
    pub fn concept(&self) -> &str {
        self.concept
    }
}

/// What a `meaning_mismatch` rests on: its sub-kind and the cues of each side. A side's
/// list may be empty: a negation present on one side only has no cue on the other.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MeaningMismatch {
    pub(crate) sub_kind: MeaningSubKind,
    pub(crate) cues: ByLang<Vec<Cue>>,
}

impl MeaningMismatch {
    /// What kind of meaning differs.
    pub fn sub_kind(&self) -> MeaningSubKind {
        self.sub_kind
    }

    /// The words of each side.
    pub fn cues(&self) -> &ByLang<Vec<Cue>> {
        &self.cues
    }
}
