//! Topics (`data/topics.tsv`): what a clause is about (retention period, contact channel,
//! third parties, …), and the summary of a diff topic by topic.

use std::sync::OnceLock;

use unicode_segmentation::UnicodeSegmentation;

use super::model::{ClauseRef, DiffOp, OpKind, TopicChange, TopicValue};
use super::topic_values::{FoundValue, TopicWords, ValueKind, topic_values};
use crate::{ByLang, Lang};

/// A topic of `data/topics.tsv`: the word beginnings that mark a clause as about it, and the
/// kinds of value it states.
struct Topic {
    /// Its id (`retention`).
    id: &'static str,
    /// Its readable label (`retention period`).
    label: &'static str,
    /// Its words, in each language.
    words: ByLang<TopicWords>,
    /// The kinds of value it states (a period for retention).
    values: Vec<ValueKind>,
}

/// The topics, read once.
fn topics() -> &'static [Topic] {
    static TOPICS: OnceLock<Vec<Topic>> = OnceLock::new();
    TOPICS.get_or_init(|| {
        crate::tsv::data_lines(include_str!("../data/topics.tsv"))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                Some(Topic {
                    id: cols.next()?,
                    label: cols.next()?,
                    words: ByLang {
                        kk: TopicWords::parse(cols.next()?),
                        ru: TopicWords::parse(cols.next()?),
                    },
                    values: match cols.next()? {
                        "-" => Vec::new(),
                        kinds => kinds
                            .split(',')
                            .map(ValueKind::parse)
                            .collect::<Option<Vec<_>>>()?,
                    },
                })
            })
            .collect()
    })
}

/// The ids of the topics a clause is about, from its lower-case text.
pub(super) fn topics_of(lower: &str, lang: Lang) -> Vec<&'static str> {
    let words: Vec<&str> = lower.unicode_words().collect();
    topics()
        .iter()
        .filter(|t| {
            let topic_words = t.words.get(lang);
            words.iter().any(|w| topic_words.matches(w))
        })
        .map(|t| t.id)
        .collect()
}

/// Whether an op shows a difference: a changed text, or a clause on one side only.
fn differs(op: &DiffOp) -> bool {
    !op.inline.is_empty() || op.a.is_none() || op.b.is_none()
}

/// What changed, topic by topic: counts, and the values of the topic only one side states
/// (the company identity aside, which is reported once).
pub(super) fn topic_changes(
    ops: &[DiffOp],
    lang: Lang,
    identity_a: &[String],
    identity_b: &[String],
) -> Vec<TopicChange> {
    let mut out = Vec::new();
    for topic in topics() {
        let mine: Vec<&DiffOp> = ops
            .iter()
            .filter(|op| op.topics.contains(&topic.id))
            .collect();
        let count = |f: &dyn Fn(&DiffOp) -> bool| mine.iter().filter(|op| f(op)).count();
        let changed = count(&|op| op.a.is_some() && op.b.is_some() && !op.inline.is_empty());
        let added = count(&|op| op.kind == OpKind::Added);
        let removed = count(&|op| op.kind == OpKind::Removed);
        if changed + added + removed == 0 {
            continue;
        }
        // One-sided over the topic as a whole: a value A states in one clause and B in
        // another is not a change.
        let differing: Vec<&DiffOp> = mine.iter().copied().filter(|op| differs(op)).collect();
        let side_values = |side: fn(&DiffOp) -> &Option<ClauseRef>| {
            let mut all: Vec<(FoundValue, usize)> = Vec::new();
            for clause in differing.iter().filter_map(|op| side(op).as_ref()) {
                let words = topic.words.get(lang);
                for value in topic_values(&clause.text, lang, words, &topic.values) {
                    if !all.iter().any(|(v, _)| v.key == value.key) {
                        all.push((value, clause.line));
                    }
                }
            }
            all
        };
        let (values_a, values_b) = (side_values(|op| &op.a), side_values(|op| &op.b));
        let only = |mine: &[(FoundValue, usize)],
                    other: &[(FoundValue, usize)],
                    identity: &[String]|
         -> Vec<TopicValue> {
            mine.iter()
                .filter(|(v, _)| {
                    !other.iter().any(|(o, _)| o.key == v.key) && !identity.contains(&v.raw)
                })
                .map(|(v, line)| TopicValue {
                    value: v.raw.clone(),
                    context: v.context.clone(),
                    line: *line,
                })
                .collect()
        };
        let only_a = only(&values_a, &values_b, identity_a);
        let only_b = only(&values_b, &values_a, identity_b);
        out.push(TopicChange {
            topic: topic.id,
            label: topic.label,
            changed,
            added,
            removed,
            only_a,
            only_b,
        });
    }
    out
}
