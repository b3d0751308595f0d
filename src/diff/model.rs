//! The public model of a policy diff: the operations, the clauses they show, the word-level
//! changes inside them, and the summary by topic.

use crate::{ClauseId, Lang};

/// What happened to a clause between policy A and policy B. Serialized in `snake_case`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum OpKind {
    /// The same text in both (white space and case aside), in the same order.
    Equal,
    /// A matching clause whose text differs.
    Changed,
    /// A matching clause (equal or changed) that stands elsewhere in the order.
    Moved,
    /// Only in B.
    Added,
    /// Only in A.
    Removed,
}

impl OpKind {
    /// The `snake_case` name.
    pub const fn name(self) -> &'static str {
        match self {
            OpKind::Equal => "equal",
            OpKind::Changed => "changed",
            OpKind::Moved => "moved",
            OpKind::Added => "added",
            OpKind::Removed => "removed",
        }
    }
}

/// A clause as a diff shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ClauseRef {
    /// Its id in its own document.
    pub id: ClauseId,
    /// Its number as written.
    pub number: Option<String>,
    /// 1-based line in its file.
    pub line: usize,
    /// Its normalized text.
    pub text: String,
}

/// Whether a piece of an inline diff is in both, only in A or only in B.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum InlineTag {
    /// In both.
    Equal,
    /// Only in A.
    Delete,
    /// Only in B.
    Insert,
}

/// A piece of a word-level diff.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct InlineChange {
    /// Where the piece is.
    pub tag: InlineTag,
    /// The words, with the spaces between them.
    pub text: String,
}

/// One step of the diff.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DiffOp {
    /// What happened.
    pub kind: OpKind,
    /// The clause in A (none when added).
    pub a: Option<ClauseRef>,
    /// The clause in B (none when removed).
    pub b: Option<ClauseRef>,
    /// Content similarity of the two, 0 to 1 (0 when one is missing).
    pub similarity: f32,
    /// The word-level diff of a changed or moved clause whose text differs.
    pub inline: Vec<InlineChange>,
    /// Topics of the clause (`retention`, `contact`, …).
    pub topics: Vec<&'static str>,
}

/// What one topic looks like in the diff: how many of its clauses changed, and the values
/// of the topic (periods, contacts, law numbers…) that only one side states.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TopicChange {
    /// Topic id (`retention`).
    pub topic: &'static str,
    /// Readable label (`retention period`).
    pub label: &'static str,
    /// Clauses of this topic in both, with different text.
    pub changed: usize,
    /// Clauses of this topic only in B.
    pub added: usize,
    /// Clauses of this topic only in A.
    pub removed: usize,
    /// Values of the topic only A states in these clauses.
    pub only_a: Vec<TopicValue>,
    /// Values of the topic only B states.
    pub only_b: Vec<TopicValue>,
}

/// A value one policy states about a topic (a period, an e-mail, a law number), with the
/// words around it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TopicValue {
    /// The value as written (`5`, `info@kao.kz`).
    pub value: String,
    /// The value with up to four words either side, within its sentence, `…` where the
    /// sentence goes on: `…данные в течение 5 (пяти) лет с момента…`.
    pub context: String,
    /// 1-based line of its clause, in its policy's file.
    pub line: usize,
}

/// The clause-by-clause comparison of two policies in one language.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PolicyDiff {
    /// Name of policy A (its file).
    pub a: String,
    /// Name of policy B.
    pub b: String,
    /// The language compared.
    pub lang: Lang,
    /// Overall similarity, 0 to 1: matched text weighted by length over all text.
    pub similarity: f32,
    /// Share of the text of both that is the same, word for word: the shared template.
    pub shared: f32,
    /// The operations, in the order of A with B's additions where they stand.
    pub ops: Vec<DiffOp>,
    /// What changed, topic by topic.
    pub topics: Vec<TopicChange>,
    /// The template's fill-ins: Latin-script names and registration numbers that only A
    /// states…
    pub identity_a: Vec<String>,
    /// …and as B states them.
    pub identity_b: Vec<String>,
}

impl PolicyDiff {
    /// Number of operations of a kind.
    pub fn count(&self, kind: OpKind) -> usize {
        self.ops.iter().filter(|op| op.kind == kind).count()
    }
}
