//! Topics (`data/topics.tsv`): what a clause is about (retention period, contact channel,
//! third parties, …), and the summary of a diff topic by topic.

use std::sync::OnceLock;

use unicode_segmentation::UnicodeSegmentation;

use super::model::{DiffOp, OpKind, TopicChange};
use super::values::values;
use crate::{ByLang, Lang};

/// A topic of `data/topics.tsv`: the word beginnings that mark a clause as about it.
struct Topic {
    /// Its id (`retention`).
    id: &'static str,
    /// Its readable label (`retention period`).
    label: &'static str,
    /// Beginnings of the words about it, in each language.
    stems: ByLang<Vec<&'static str>>,
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
                    stems: ByLang {
                        kk: cols.next()?.split(',').collect(),
                        ru: cols.next()?.split(',').collect(),
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
            let stems = t.stems.get(lang);
            words.iter().any(|w| stems.iter().any(|s| w.starts_with(s)))
        })
        .map(|t| t.id)
        .collect()
}

/// Whether an op shows a difference: a changed text, or a clause on one side only.
fn differs(op: &DiffOp) -> bool {
    !op.inline.is_empty() || op.a.is_none() || op.b.is_none()
}

/// What changed, topic by topic: counts, and the values only one side states (the company
/// identity aside, which is reported once).
pub(super) fn topic_changes(
    ops: &[DiffOp],
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
        let side_values = |a: bool| {
            let mut all: Vec<(String, String)> = Vec::new();
            for op in &differing {
                for value in values(if a { &op.a } else { &op.b }) {
                    if !all.iter().any(|(k, _)| *k == value.0) {
                        all.push(value);
                    }
                }
            }
            all
        };
        let (values_a, values_b) = (side_values(true), side_values(false));
        let only = |mine: &[(String, String)],
                    other: &[(String, String)],
                    identity: &[String]|
         -> Vec<String> {
            mine.iter()
                .filter(|(k, raw)| {
                    !other.iter().any(|(key, _)| key == k) && !identity.contains(raw)
                })
                .map(|(_, raw)| raw.clone())
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
